#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QStringList>

class QTimer;
class ServerConnection;
struct ChatMessage;

// Who is typing in which conversation (IRCv3 +typing from others): "active" counts for
// ActiveTimeoutMs unless refreshed; "paused", "done", a message from them, their leaving or
// the connection ending clear it. Bounded (MaxEntries).
class TypingTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr int ActiveTimeoutMs = 6000;
    static constexpr int MaxEntries = 100;

    explicit TypingTracker(ServerConnection* connection, QObject* parent = nullptr);

    // The nicks typing in the conversation (a room, or the person of a private one), in the
    // order they started.
    QStringList typing(const QString& conversation) const;
    void setActiveTimeout(int ms) { m_activeTimeoutMs = ms; }

signals:
    void changed(const QString& conversation);

private:
    struct Entry
    {
        QString conversation; // as the connection names it
        QString nick;
        QDeadlineTimer expires;
    };

    void onTyping(const QString& nick, const QString& conversation, const QString& state);
    void onMessage(const ChatMessage& message);
    void remove(const QString& conversation, const QString& nick);
    void removeNick(const QString& nick);
    void clear();
    void expire();
    void scheduleExpiry();
    bool same(const QString& a, const QString& b) const;

    ServerConnection* m_connection;
    QTimer* m_expiry;
    QList<Entry> m_entries;
    int m_activeTimeoutMs = ActiveTimeoutMs;
};
