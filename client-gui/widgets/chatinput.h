#pragma once

#include "widgets/namecompleter.h"

#include <QLineEdit>
#include <QStringList>

#include <functional>

// The line the user types into: Enter submits, Up/Down walk through what was typed before, and
// a paste of several lines is handed over (multiLinePasted) instead of being squashed into one,
// and Tab completes the names the name source offers (NameCompleter).
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

signals:
    void submitted(const QString& line);
    void multiLinePasted(const QString& text);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void submit();
    void pasteFromClipboard();
    void showHistory(int position);
    void completeName();

    QStringList m_history;
    int m_position = 0; // m_history.size() = the line being typed
    QString m_draft;
    NameCompleter m_completer;
    QString m_completed; // the text as the last Tab left it
    std::function<QStringList()> m_nameSource;
    NameCompleter::AliasOf m_aliasSource;
};
