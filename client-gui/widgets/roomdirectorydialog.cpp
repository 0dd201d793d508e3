#include "widgets/roomdirectorydialog.h"

#include "models/roomdirectorymodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

RoomDirectoryDialog::RoomDirectoryDialog(RoomDirectoryModel* model, QWidget* parent)
    : QDialog(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_table(new QTableView(this)), m_status(new QLabel(this)),
      m_joinButton(new QPushButton(tr("&Join"), this))
{
    setObjectName(QStringLiteral("roomDirectoryDialog"));
    setWindowTitle(tr("Find rooms"));
    m_filter->setObjectName(QStringLiteral("roomFilter"));
    m_table->setObjectName(QStringLiteral("roomTable"));
    m_status->setObjectName(QStringLiteral("roomDirectoryStatus"));
    m_joinButton->setObjectName(QStringLiteral("joinRoomButton"));

    m_filter->setPlaceholderText(tr("Filter by name or topic…"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1); // name and topic
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RoomDirectoryModel::UsersColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RoomDirectoryModel::NameColumn, 160);
    m_table->setColumnWidth(RoomDirectoryModel::UsersColumn, 70);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_joinButton, QDialogButtonBox::ActionRole);
    m_joinButton->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 400);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { updateStatus(); });
    // Double-click (or Enter) activates.
    connect(m_table, &QTableView::activated, this, [this] { joinCurrent(); });
    connect(m_joinButton, &QPushButton::clicked, this, &RoomDirectoryDialog::joinCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_joinButton->setEnabled(current.isValid()); });
    connect(model, &RoomDirectoryModel::completeChanged, this, [this] { updateStatus(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { updateStatus(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { updateStatus(); });
    updateStatus();
    m_filter->setFocus();
}

QString RoomDirectoryDialog::roomAt(const QModelIndex& index) const
{
    return index.isValid() ? index.data(RoomDirectoryModel::NameRole).toString() : QString();
}

void RoomDirectoryDialog::joinCurrent()
{
    const QString room = roomAt(m_table->currentIndex());
    if (room.isEmpty())
        return;
    emit joinRequested(room);
    accept();
}

void RoomDirectoryDialog::updateStatus()
{
    if (!m_model->isComplete()) {
        m_status->setText(tr("Asking the server for its rooms…"));
        return;
    }
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    if (shown == all)
        m_status->setText(all == 1 ? tr("1 room") : tr("%n rooms", nullptr, all));
    else
        m_status->setText(tr("%1 of %n rooms", nullptr, all).arg(shown));
}
