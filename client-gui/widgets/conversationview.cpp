#include "widgets/conversationview.h"

#include "models/conversationmodel.h"
#include "widgets/messagedelegate.h"
#include "widgets/messagegrouping.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

ConversationView::ConversationView(QWidget* parent)
    : QListView(parent), m_delegate(new MessageDelegate(this)), m_jumpButton(new QToolButton(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(Adjust); // rows wrap again when the width changes
    setSelectionMode(ExtendedSelection);
    setUniformItemSizes(false);
    setWordWrap(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(20);
    m_delegate->setLook(palette(), font());
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);

    m_jumpButton->setObjectName(QStringLiteral("jumpToLatest"));
    m_jumpButton->setText(QStringLiteral("↓"));
    m_jumpButton->setToolTip(tr("Jump to the latest message"));
    m_jumpButton->setAccessibleName(tr("Jump to the latest message"));
    m_jumpButton->setAutoRaise(false);
    m_jumpButton->setFixedSize(36, 36);
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &ConversationView::scrollToLatest);
}

void ConversationView::setModel(ConversationModel* model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    QListView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &ConversationView::onRowsAboutToBeInserted);
        // A row's look depends on the one before (grouping, day): lay them out again.
        connect(model, &QAbstractItemModel::dataChanged, this, &ConversationView::relayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ConversationView::relayout);
        connect(model, &ConversationModel::dividerChanged, this, &ConversationView::relayout);
    }
    m_fromBottom = 0;
    scrollToLatest();
}

void ConversationView::setTimeFormat(const QString& format)
{
    if (m_delegate->timeFormat() == format)
        return;
    m_delegate->setTimeFormat(format);
    relayout();
}

void ConversationView::relayout()
{
    scheduleDelayedItemsLayout();
    viewport()->update();
}

void ConversationView::onRowsAboutToBeInserted(const QModelIndex&, int first, int)
{
    // Older lines go in above what is read: keep it where it is on screen.
    if (m_model && first < m_model->rowCount())
        m_keepFromBottom = true;
}

bool ConversationView::isAtBottom() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - BottomSlack;
}

// After each layout, the scroll position is put back: at the bottom if the user was there (new
// lines are followed), else at the same distance from the bottom when rows went in above, else
// where it was.
void ConversationView::updateGeometries()
{
    QListView::updateGeometries();
    QScrollBar* bar = verticalScrollBar();
    m_restoring = true;
    if (m_fromBottom <= BottomSlack)
        bar->setValue(bar->maximum());
    else if (m_keepFromBottom)
        bar->setValue(bar->maximum() - m_fromBottom);
    m_restoring = false;
    m_keepFromBottom = false;
    m_fromBottom = bar->maximum() - bar->value();
    placeJumpButton();
}

void ConversationView::onScrolled(int value)
{
    const QScrollBar* bar = verticalScrollBar();
    if (!m_restoring)
        m_fromBottom = bar->maximum() - value;
    placeJumpButton();
    if (!m_restoring && m_model && value == bar->minimum() && bar->maximum() > bar->minimum())
        emit scrolledToTop();
}

void ConversationView::placeJumpButton()
{
    const QRect area = viewport()->geometry();
    m_jumpButton->move(area.right() - m_jumpButton->width() - 12,
                       area.bottom() - m_jumpButton->height() - 12);
    // Shown once the newest line is more than a screen away.
    m_jumpButton->setVisible(verticalScrollBar()->maximum() - verticalScrollBar()->value() >
                             viewport()->height() / 2);
    m_jumpButton->raise();
}

void ConversationView::scrollToLatest()
{
    m_fromBottom = 0;
    scrollToBottom(); // after a layout still pending
    placeJumpButton();
}

void ConversationView::resizeEvent(QResizeEvent* event)
{
    QListView::resizeEvent(event);
    placeJumpButton();
}

void ConversationView::changeEvent(QEvent* event)
{
    QListView::changeEvent(event);
    // The desktop switched between light and dark (or the font changed): colours and sizes follow.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange) {
        m_delegate->setLook(palette(), font());
        relayout();
    }
}

void ConversationView::showRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row);
    doItemsLayout();
    scrollTo(index, PositionAtCenter);
    m_fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    setCurrentIndex(index);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
}

QString ConversationView::toPlainText() const
{
    if (!m_model)
        return {};
    QStringList lines;
    const int divider = m_model->dividerRow();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (MessageGrouping::startsDay(index))
            lines << QStringLiteral("— %1 —").arg(m_delegate->dayText(index));
        if (row == divider)
            lines << QStringLiteral("— %1 —").arg(MessageDelegate::tr("New messages"));
        lines << m_delegate->plainText(index);
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConversationView::selectedText() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex& index : std::as_const(rows))
        lines << m_delegate->plainText(index);
    return lines.join(QLatin1Char('\n'));
}

void ConversationView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ConversationView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::ControlModifier) {
        scrollToLatest();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

QString ConversationView::anchorAt(const QPoint& pos) const
{
    const QModelIndex index = indexAt(pos);
    return index.isValid() ? m_delegate->anchorAt(visualRect(index), index, pos) : QString();
}

void ConversationView::mouseMoveEvent(QMouseEvent* event)
{
    viewport()->setCursor(anchorAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor
                                                                          : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void ConversationView::mousePressEvent(QMouseEvent* event)
{
    m_pressedAnchor = event->button() == Qt::LeftButton ? anchorAt(event->position().toPoint())
                                                        : QString();
    QListView::mousePressEvent(event);
}

void ConversationView::mouseReleaseEvent(QMouseEvent* event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressedAnchor.isEmpty())
        return;
    const QString anchor = anchorAt(event->position().toPoint());
    m_pressedAnchor.clear();
    if (anchor.isEmpty())
        return;
    const QUrl url(anchor);
    // Only web addresses became links (MessageBodyCache); nothing else is opened.
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return;
    emit linkActivated(url);
    QDesktopServices::openUrl(url);
}

void ConversationView::contextMenuEvent(QContextMenuEvent* event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isSelected(index))
        selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    const QString anchor = anchorAt(event->pos());
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("&Copy"), this, &ConversationView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(selectionModel()->hasSelection());
    if (!anchor.isEmpty())
        menu.addAction(tr("Copy &link address"), this,
                       [anchor] { QApplication::clipboard()->setText(anchor); });
    menu.addAction(tr("Select &all"), this, &QListView::selectAll);
    menu.exec(event->globalPos());
}
