#pragma once

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>

class ConversationModel;
class ConversationWindow;
class FilePreviews;
class MessageDelegate;
class QToolButton;

// Shows one ConversationModel the way messengers do (MessageDelegate paints each row: day
// separators, grouped messages under one name and avatar, own messages tinted, links). Only the
// rows on screen are painted, and only a window of at most ConversationWindow::maxRows() rows is
// laid out, however many are loaded: scrolling past its top or bottom slides it; past the oldest
// loaded line the view asks for older ones (scrolledToTop), which appear above without moving
// what is being read. It follows the newest line while at the bottom; when scrolled up, a button
// jumps back to the latest. Rows can be selected and copied; links open on click.
class ConversationView : public QListView
{
    Q_OBJECT

public:
    static constexpr QLatin1String MentionBackground{"#fff1a8"};
    // Within this many pixels of the bottom counts as "at the bottom" (following new lines).
    static constexpr int BottomSlack = 4;

    explicit ConversationView(QWidget* parent = nullptr);

    void setModel(ConversationModel* model);
    ConversationModel* conversation() const { return m_model; }
    // The rows laid out: what model() gives, a window on conversation().
    ConversationWindow* conversationWindow() const { return m_window; }
    // The view's index of the conversation's row (invalid while outside the window).
    QModelIndex indexOfRow(int conversationRow) const;
    MessageDelegate* messageDelegate() const { return m_delegate; }
    // Files sent as links are shown as pictures and cards from these (none: as links).
    void setFilePreviews(FilePreviews* previews);
    // The QTime format of the times shown ("HH:mm" by default).
    void setTimeFormat(const QString& format);
    // Scrolls to the conversation's row and selects it (a search result, in context).
    void showRow(int row);
    // Every row as text, as copying all of them gives it (day lines and divider included).
    QString toPlainText() const;
    // The selected rows as text, in order.
    QString selectedText() const;
    bool isAtBottom() const;
    QToolButton* jumpToLatestButton() const { return m_jumpButton; }

public slots:
    void scrollToLatest();
    void copySelection();

signals:
    // The user scrolled to the oldest line shown: time to load older ones.
    void scrolledToTop();
    // A link in a message was clicked (it is also opened with QDesktopServices).
    void linkActivated(const QUrl& url);

protected:
    void updateGeometries() override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void onScrolled(int value);
    void onEarlierRowsArrived();
    // Within a screen of the top of the rows laid out.
    bool nearTop() const;
    // Remembers the row at the top of the screen and where it is, to keep it there.
    void rememberPlace();
    void relayout();
    QString anchorAt(const QPoint& pos) const;
    // A click on a picture opens it; on a card's button downloads the file, or opens it.
    bool activateFile(const QPoint& pos);
    bool isOverFile(const QPoint& pos) const;
    void placeJumpButton();

    QPointer<ConversationModel> m_model;
    ConversationWindow* m_window;
    MessageDelegate* m_delegate;
    QToolButton* m_jumpButton;
    QPersistentModelIndex m_topRow; // the row at the top of the screen, as the user left it
    int m_topRowOffset = 0;         // where that row begins, from the top of the screen
    bool m_restoring = false;       // the view moves itself, not the user
    QString m_pressedAnchor;
};
