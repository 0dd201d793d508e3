#pragma once

#include <QLineEdit>
#include <QStringList>

// The line the user types into: Enter submits, Up/Down walk through what was typed before, and
// a paste of several lines is handed over (multiLinePasted) instead of being squashed into one.
class ChatInput : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MaxHistory = 100;

    explicit ChatInput(QWidget* parent = nullptr);

    QStringList history() const { return m_history; }
    void addToHistory(const QString& line);

signals:
    void submitted(const QString& line);
    void multiLinePasted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void submit();
    void pasteFromClipboard();
    void showHistory(int position);

    QStringList m_history;
    int m_position = 0; // m_history.size() = the line being typed
    QString m_draft;
};
