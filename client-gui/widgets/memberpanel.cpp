#include "widgets/memberpanel.h"

#include "models/memberlistmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

#include <utility>

MemberPanel::MemberPanel(MemberListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_title(new QLabel(this)), m_filter(new QLineEdit(this)), m_list(new QListView(this))
{
    setObjectName(QStringLiteral("memberPanel"));
    m_title->setObjectName(QStringLiteral("memberCount"));
    m_filter->setObjectName(QStringLiteral("memberFilter"));
    m_list->setObjectName(QStringLiteral("memberList"));

    QFont heading = m_title->font();
    heading.setBold(true);
    m_title->setFont(heading);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(MemberListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(MemberListModel::SearchRole); // the nick or the display name
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(0);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line per member: the list is laid out from one row's size, not by measuring a
    // thousand names again at every join.
    m_list->setUniformItemSizes(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filter->setPlaceholderText(tr("Find a person by name…"));
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 6, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);

    const auto open = [this](const QModelIndex& index) {
        emit conversationRequested(index.data(MemberListModel::NickRole).toString());
    };
    connect(m_list, &QListView::activated, this, open);
    connect(m_list, &QListView::doubleClicked, this, open);
    connect(m_list, &QWidget::customContextMenuRequested, this, &MemberPanel::showMenu);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MemberPanel::updateCount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MemberPanel::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &MemberPanel::updateCount);
    updateCount();
}

void MemberPanel::updateCount()
{
    const int count = m_model->rowCount();
    m_title->setText(m_model->room().isEmpty() ? tr("Members")
                                               : tr("%n people here", nullptr, count));
}

void MemberPanel::showMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    const QString nick = index.data(MemberListModel::NickRole).toString();
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("memberMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* talk = menu->addAction(tr("&Send a private message"), this,
                                    [this, nick] { emit conversationRequested(nick); });
    talk->setObjectName(QStringLiteral("privateMessageAction"));
    QAction* add = menu->addAction(tr("&Add %1 to contacts").arg(nick), this,
                                   [this, nick] { emit addContactRequested(nick); });
    add->setObjectName(QStringLiteral("addContactAction"));
    add->setEnabled(!m_isContact || !m_isContact(nick));
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}
