#pragma once

#include "widgets/namecompleter.h"

#include <QHash>
#include <QLineEdit>
#include <QStringList>

#include <functional>

class EmojiPicker;
class QImage;
class QAction;

// The line the user types into: Enter submits, Up/Down walk through what was typed before, and
// a paste of several lines is handed over (multiLinePasted) instead of being squashed into one,
// and Tab completes the names the name source offers (NameCompleter). Ctrl+; (emojiAction, also
// on the button beside the input) opens the emoji picker, whose choice goes in at the cursor.
// Each conversation keeps its half-typed line (a draft, with the cursor) while another is shown.
// Files dropped or pasted on it, and a pasted picture, are handed over to be sent (filesDropped,
// imagePasted) instead of going in as text.
class ChatInput : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MaxHistory = 100;

    explicit ChatInput(QWidget* parent = nullptr);

    QStringList history() const { return m_history; }
    void addToHistory(const QString& line);
    // The names Tab completes to, asked for at each first Tab (people here, rooms).
    void setNameSource(std::function<QStringList()> source) { m_nameSource = std::move(source); }
    // A name's display name, which Tab also completes from (to the name).
    void setAliasSource(NameCompleter::AliasOf source) { m_aliasSource = std::move(source); }
    void setCaseMapping(IrcCaseMapping mapping) { m_completer.setCaseMapping(mapping); }

    // Opens the emoji picker (Ctrl+;); for the button beside the input and the menu.
    QAction* emojiAction() const { return m_emojiAction; }
    EmojiPicker* emojiPicker() const { return m_emojiPicker; } // null until first opened

    // The conversation typed into (any object that stands for it; null: none). Switching keeps
    // the text and cursor of the one left and brings back those of the one entered; the line
    // typed while none was open goes along into the first one.
    void setConversation(const QObject* conversation);
    const QObject* conversation() const { return m_conversation; }
    // A conversation closed: its draft goes.
    void forgetConversation(const QObject* conversation);
    bool hasDraft(const QObject* conversation) const { return m_drafts.contains(conversation); }

public slots:
    void showEmojiPicker();
    // Inserts text at the cursor (replacing a selection) and gives the input the focus back.
    void insertEmoji(const QString& emoji);

signals:
    void submitted(const QString& line);
    void multiLinePasted(const QString& text);
    // Local files dropped on the input or pasted into it.
    void filesDropped(const QStringList& paths);
    // A picture pasted from the clipboard.
    void imagePasted(const QImage& image);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void submit();
    void pasteFromClipboard();
    void showHistory(int position);
    void completeName();

    struct Draft
    {
        QString text;
        int cursor = 0;
    };

    QStringList m_history;
    int m_position = 0; // m_history.size() = the line being typed
    QString m_draft;    // the line being typed while Up/Down show earlier ones
    NameCompleter m_completer;
    QString m_completed; // the text as the last Tab left it
    std::function<QStringList()> m_nameSource;
    NameCompleter::AliasOf m_aliasSource;
    QAction* m_emojiAction;
    EmojiPicker* m_emojiPicker = nullptr;
    const QObject* m_conversation = nullptr;
    QHash<const QObject*, Draft> m_drafts; // of the conversations not shown
};
