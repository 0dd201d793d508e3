#include "widgets/chatinput.h"

#include "widgets/emojipicker.h"
#include "widgets/filesendcontrol.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>

ChatInput::ChatInput(QWidget* parent) : QLineEdit(parent), m_emojiAction(new QAction(this))
{
    setClearButtonEnabled(false);
    m_emojiAction->setObjectName(QStringLiteral("emojiAction"));
    m_emojiAction->setText(tr("Insert &emoji…"));
    m_emojiAction->setIconText(QStringLiteral("\U0001F642")); // 🙂 on the button
    m_emojiAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Semicolon));
    m_emojiAction->setToolTip(
        tr("Insert an emoji (%1)")
            .arg(m_emojiAction->shortcut().toString(QKeySequence::NativeText)));
    addAction(m_emojiAction); // the shortcut works wherever the focus is in this window
    connect(m_emojiAction, &QAction::triggered, this, &ChatInput::showEmojiPicker);
}

void ChatInput::showEmojiPicker()
{
    if (!m_emojiPicker) {
        m_emojiPicker = new EmojiPicker(this);
        m_emojiPicker->setObjectName(QStringLiteral("emojiPicker"));
        connect(m_emojiPicker, &EmojiPicker::emojiChosen, this, &ChatInput::insertEmoji);
    }
    setFocus(); // where the choice goes, and where the focus returns when the picker closes
    m_emojiPicker->popup(this);
}

void ChatInput::insertEmoji(const QString& emoji)
{
    insert(emoji);
    setFocus(Qt::OtherFocusReason);
}

void ChatInput::setConversation(const QObject* conversation)
{
    if (conversation == m_conversation)
        return;
    // Up/Down and Tab start afresh in the conversation entered.
    m_position = int(m_history.size());
    m_draft.clear();
    m_completer.reset();
    const QObject* left = m_conversation;
    m_conversation = conversation;
    if (!left && !m_drafts.contains(conversation))
        return; // typed before any conversation was open: it goes into this one
    if (!text().isEmpty())
        m_drafts.insert(left, Draft{text(), cursorPosition()});
    const Draft entered = m_drafts.take(conversation);
    setText(entered.text);
    setCursorPosition(entered.cursor);
}

void ChatInput::forgetConversation(const QObject* conversation)
{
    m_drafts.remove(conversation);
    if (conversation && conversation == m_conversation) {
        m_conversation = nullptr;
        clear();
    }
}

void ChatInput::addToHistory(const QString& line)
{
    if (line.trimmed().isEmpty())
        return;
    if (m_history.isEmpty() || m_history.constLast() != line)
        m_history.append(line);
    while (m_history.size() > MaxHistory)
        m_history.removeFirst();
    m_position = int(m_history.size());
    m_draft.clear();
}

void ChatInput::submit()
{
    const QString line = text();
    if (line.trimmed().isEmpty())
        return;
    addToHistory(line);
    clear();
    emit submitted(line);
}

void ChatInput::showHistory(int position)
{
    if (position < 0 || position > m_history.size())
        return;
    if (m_position == m_history.size())
        m_draft = text();
    m_position = position;
    setText(position == m_history.size() ? m_draft : m_history.at(position));
}

void ChatInput::pasteFromClipboard()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    const QStringList files = FileSendControl::localFiles(data);
    if (!files.isEmpty()) {
        emit filesDropped(files);
        return;
    }
    if (data && data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        if (!image.isNull()) {
            emit imagePasted(image);
            return;
        }
    }
    QString text = QApplication::clipboard()->text();
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (text.contains(QLatin1Char('\n')))
        emit multiLinePasted(text);
    else
        insert(text);
}

// Tab would move the focus on (QWidget::event handles it before keyPressEvent): here it
// completes a name instead.
bool ChatInput::event(QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            completeName();
            return true;
        }
    }
    return QLineEdit::event(event);
}

void ChatInput::completeName()
{
    if (!m_nameSource)
        return;
    if (text() != m_completed)
        m_completer.reset(); // changed since (cleared, sent): start afresh
    NameCompleter::Result result;
    if (!m_completer.complete(text(), cursorPosition(),
                              m_completer.isCycling() ? QStringList() : m_nameSource(), &result,
                              m_aliasSource))
        return;
    m_completed = result.text;
    setText(result.text);
    setCursorPosition(result.cursor);
}

void ChatInput::keyPressEvent(QKeyEvent* event)
{
    m_completer.reset(); // any other key: the next Tab completes afresh
    if (event->matches(QKeySequence::Paste)) {
        pasteFromClipboard();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        submit();
        return;
    case Qt::Key_Up:
        showHistory(m_position - 1);
        return;
    case Qt::Key_Down:
        showHistory(m_position + 1);
        return;
    default:
        QLineEdit::keyPressEvent(event);
    }
}

void ChatInput::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = createStandardContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction* action : menu->actions()) {
        if (action->objectName() == QLatin1String("edit-paste")) {
            action->disconnect();
            connect(action, &QAction::triggered, this, [this] { pasteFromClipboard(); });
        }
    }
    menu->addSeparator();
    menu->addAction(m_emojiAction);
    menu->popup(event->globalPos());
}

void ChatInput::dragEnterEvent(QDragEnterEvent* event)
{
    if (!FileSendControl::localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    QLineEdit::dragEnterEvent(event);
}

void ChatInput::dropEvent(QDropEvent* event)
{
    const QStringList files = FileSendControl::localFiles(event->mimeData());
    if (files.isEmpty()) {
        QLineEdit::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    emit filesDropped(files);
}
