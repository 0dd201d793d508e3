#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Messages sent and not yet echoed (or, without echo-message, sent recently), by folded target:
// what a refusal (401, 404…) of the server refers to. At most MaxPerTarget per target; a refusal
// refers to a message sent at most MaxAgeSecs ago.
class UnconfirmedMessages
{
public:
    static constexpr int MaxAgeSecs = 30;
    static constexpr int MaxPerTarget = 20;

    struct Entry
    {
        QString text;
        bool isAction = false;
        QDateTime sentAt;
    };

    void remember(const QString& foldedTarget, const QString& text, bool isAction);
    // The echo of a message came back: it was delivered.
    void confirm(const QString& foldedTarget, const QString& text, bool isAction);
    // The message a refusal for this target refers to, forgotten here: with echo-message the
    // oldest one not echoed (the list holds only those, in order), without it the newest one.
    // None when nothing was sent there recently.
    std::optional<Entry> takeRefused(const QString& foldedTarget, bool echo);
    void clear() { m_sent.clear(); }

private:
    QHash<QString, QList<Entry>> m_sent;
};
