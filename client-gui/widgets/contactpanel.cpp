#include "widgets/contactpanel.h"

#include "models/contactlistmodel.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QVBoxLayout>

ContactPanel::ContactPanel(ContactListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_list(new QListView(this)), m_addButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("contactPanel"));
    m_list->setObjectName(QStringLiteral("contactList"));
    m_addButton->setObjectName(QStringLiteral("addContactButton"));

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ContactListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(0);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setIconSize(QSize(10, 10)); // the presence colour dot
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setToolTip(tr("Your contacts — right-click to add or remove"));

    auto* title = new QLabel(tr("Contacts"), this);
    QFont heading = title->font();
    heading.setBold(true);
    title->setFont(heading);
    m_addButton->setText(QStringLiteral("+"));
    m_addButton->setToolTip(tr("Add a contact…"));
    m_addButton->setAutoRaise(true);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(title, 1);
    header->addWidget(m_addButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);

    const auto open = [this](const QModelIndex& index) {
        emit conversationRequested(index.data(ContactListModel::NickRole).toString());
    };
    connect(m_list, &QListView::activated, this, open);
    connect(m_list, &QListView::doubleClicked, this, open);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ContactPanel::showMenu);
    connect(m_addButton, &QToolButton::clicked, this, [this] { askForContact(); });
}

void ContactPanel::select(const QString& nick)
{
    const int row = nick.isEmpty() ? -1 : m_model->indexOf(nick);
    if (row >= 0)
        m_list->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row)));
    else
        m_list->clearSelection();
}

void ContactPanel::askForContact(const QString& initial)
{
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("addContactDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add a contact"));
    dialog->setLabelText(tr("The person's name (their account or nickname):"));
    dialog->setTextValue(initial);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& name) {
        if (!name.trimmed().isEmpty())
            emit addRequested(name.trimmed());
    });
    dialog->open();
}

void ContactPanel::showMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("contactMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        const QString nick = index.data(ContactListModel::NickRole).toString();
        QAction* talk = menu->addAction(tr("&Send a private message"), this,
                                        [this, nick] { emit conversationRequested(nick); });
        talk->setObjectName(QStringLiteral("privateMessageAction"));
        QAction* remove = menu->addAction(tr("&Remove %1 from contacts").arg(nick), this,
                                          [this, nick] { emit removeRequested(nick); });
        remove->setObjectName(QStringLiteral("removeContactAction"));
        menu->addSeparator();
    }
    QAction* add = menu->addAction(tr("&Add a contact…"), this, [this] { askForContact(); });
    add->setObjectName(QStringLiteral("addContactAction"));
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}
