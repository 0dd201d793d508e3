#include "widgets/conversationview.h"

#include "files/filepreviews.h"
#include "models/conversationmodel.h"
#include "models/conversationwindow.h"
#include "widgets/messagedelegate.h"
#include "widgets/messagegrouping.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

ConversationView::ConversationView(QWidget* parent)
    : QListView(parent),
      m_window(new ConversationWindow(this)),
      m_delegate(new MessageDelegate(this)),
      m_jumpButton(new QToolButton(this))
{
    setItemDelegate(m_delegate);
    QListView::setModel(m_window);
    // A row's look depends on the one before (grouping, day): lay them out again.
    connect(m_window, &QAbstractItemModel::dataChanged, this, &ConversationView::relayout);
    connect(m_window, &QAbstractItemModel::rowsRemoved, this, &ConversationView::relayout);
    // Once the whole page is in (its rows go in one by one).
    connect(m_window, &ConversationWindow::earlierRowsArrived, this,
            &ConversationView::onEarlierRowsArrived, Qt::QueuedConnection);
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
    m_window->setConversation(model);
    if (model)
        connect(model, &ConversationModel::dividerChanged, this, &ConversationView::relayout);
    scrollToLatest();
}

QModelIndex ConversationView::indexOfRow(int conversationRow) const
{
    return m_window->indexOfRow(conversationRow);
}

void ConversationView::setFilePreviews(FilePreviews* previews)
{
    if (FilePreviews* before = m_delegate->filePreviews()) {
        before->disconnect(this);
        before->disconnect(viewport());
    }
    m_delegate->setFilePreviews(previews);
    if (previews) {
        connect(previews, &FilePreviews::changed, viewport(), qOverload<>(&QWidget::update));
        connect(previews, &FilePreviews::linksChanged, this, [this] { relayout(); });
    }
    relayout();
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

bool ConversationView::isAtBottom() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - BottomSlack && m_window->endsAtNewest();
}

void ConversationView::rememberPlace()
{
    m_topRow = indexAt(QPoint(1, 1));
    m_topRowOffset = m_topRow.isValid() ? visualRect(m_topRow).top() : 0;
}

// After each layout, the scroll position is put back: at the bottom if the user was there (new
// lines are followed), else with the row that was at the top of the screen where it was (rows
// went in above it or left below), else where it was.
void ConversationView::updateGeometries()
{
    // The scroll range changes here too: not the user's doing.
    QScopedValueRollback restoring(m_restoring, true);
    QListView::updateGeometries();
    QScrollBar* bar = verticalScrollBar();
    if (m_window->isFollowing()) {
        bar->setValue(bar->maximum());
    } else {
        if (m_topRow.isValid())
            bar->setValue(bar->value() + visualRect(m_topRow).top() - m_topRowOffset);
        rememberPlace();
    }
    placeJumpButton();
}

void ConversationView::onScrolled(int value)
{
    placeJumpButton();
    if (m_restoring || !m_model)
        return;
    const QScrollBar* bar = verticalScrollBar();
    m_window->setFollowing(isAtBottom());
    rememberPlace();
    if (bar->maximum() <= bar->minimum())
        return;
    // Near an end of the rows laid out, the window slides a step (what is read stays in place),
    // so that scrolling goes on smoothly; at the oldest line loaded, older ones are asked for.
    if (nearTop()) {
        if (!m_window->showEarlier() && value == bar->minimum())
            emit scrolledToTop();
    } else if (value >= bar->maximum() - viewport()->height() && !m_window->endsAtNewest()) {
        m_window->showLater();
    }
}

bool ConversationView::nearTop() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() <= bar->minimum() + viewport()->height();
}

void ConversationView::onEarlierRowsArrived()
{
    // Asked for at the top: the page is shown while the user is still there.
    if (nearTop())
        m_window->showEarlier();
}

void ConversationView::placeJumpButton()
{
    const QRect area = viewport()->geometry();
    m_jumpButton->move(area.right() - m_jumpButton->width() - 12,
                       area.bottom() - m_jumpButton->height() - 12);
    // Shown once the newest line is more than half a screen away (or not laid out at all).
    m_jumpButton->setVisible(!m_window->endsAtNewest() ||
                             verticalScrollBar()->maximum() - verticalScrollBar()->value() >
                                 viewport()->height() / 2);
    m_jumpButton->raise();
}

void ConversationView::scrollToLatest()
{
    {
        QScopedValueRollback restoring(m_restoring, true);
        m_window->showLatest();
        m_window->setFollowing(true);
        scrollToBottom(); // after a layout still pending
    }
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
    const QModelIndex index = [this, row] {
        QScopedValueRollback restoring(m_restoring, true);
        if (!indexOfRow(row).isValid())
            m_window->showAround(row);
        const QModelIndex shown = indexOfRow(row);
        doItemsLayout();
        scrollTo(shown, PositionAtCenter);
        return shown;
    }();
    m_window->setFollowing(isAtBottom());
    rememberPlace();
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

bool ConversationView::isOverFile(const QPoint& pos) const
{
    const QModelIndex index = indexAt(pos);
    return index.isValid() &&
           m_delegate->fileHitAt(visualRect(index), index, pos) != FileCardPainter::Hit::None;
}

bool ConversationView::activateFile(const QPoint& pos)
{
    const QModelIndex index = indexAt(pos);
    FilePreviews* previews = m_delegate->filePreviews();
    if (!index.isValid() || !previews)
        return false;
    const FileCardPainter::Hit hit = m_delegate->fileHitAt(visualRect(index), index, pos);
    const std::optional<FileLink> link = m_delegate->fileLink(index);
    if (hit == FileCardPainter::Hit::None || !link)
        return false;
    const FilePreviews::Preview preview = previews->preview(*link);
    if (hit == FileCardPainter::Hit::Picture || !preview.savedPath.isEmpty())
        previews->open(*link);
    else if (!preview.downloading && preview.state != FilePreviews::State::Failed)
        previews->download(*link);
    return true;
}

void ConversationView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    viewport()->setCursor(anchorAt(pos).isEmpty() && !isOverFile(pos) ? Qt::ArrowCursor
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
    if (event->button() == Qt::LeftButton && activateFile(event->position().toPoint()))
        return;
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
