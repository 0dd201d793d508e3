#include "session/typingtracker.h"

#include "models/chatmessage.h"
#include "session/serverconnection.h"

#include <QTimer>

#include <algorithm>
#include <utility>

TypingTracker::TypingTracker(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_expiry(new QTimer(this))
{
    m_expiry->setSingleShot(true);
    connect(m_expiry, &QTimer::timeout, this, &TypingTracker::expire);
    ServerConnection* c = connection;
    connect(c, &ServerConnection::typingReceived, this, &TypingTracker::onTyping);
    connect(c, &ServerConnection::privateMessage, this, &TypingTracker::onMessage);
    connect(c, &ServerConnection::roomMessage, this, &TypingTracker::onMessage);
    connect(c, &ServerConnection::userLeft, this,
            [this](const QString& room, const QString& nick) { remove(room, nick); });
    connect(c, &ServerConnection::userKicked, this,
            [this](const QString& room, const QString& nick) { remove(room, nick); });
    connect(c, &ServerConnection::userQuit, this,
            [this](const QString& nick) { removeNick(nick); });
    connect(c, &ServerConnection::nickChanged, this,
            [this](const QString& oldNick) { removeNick(oldNick); });
    connect(c, &ServerConnection::membersCleared, this, &TypingTracker::clear);
}

bool TypingTracker::same(const QString& a, const QString& b) const
{
    return m_connection->caseMapping().equals(a, b);
}

QStringList TypingTracker::typing(const QString& conversation) const
{
    QStringList nicks;
    for (const Entry& entry : m_entries) {
        if (same(entry.conversation, conversation) && !entry.expires.hasExpired())
            nicks.append(entry.nick);
    }
    return nicks;
}

void TypingTracker::onTyping(const QString& nick, const QString& conversation, const QString& state)
{
    if (state != QLatin1String("active")) { // paused or done: no longer shown
        remove(conversation, nick);
        return;
    }
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) {
        return same(e.conversation, conversation) && same(e.nick, nick);
    });
    const QDeadlineTimer expires(m_activeTimeoutMs);
    if (it != m_entries.end()) {
        it->expires = expires; // refreshed: nothing to show anew
    } else {
        if (m_entries.size() >= MaxEntries)
            return;
        m_entries.append(Entry{conversation, nick, expires});
        emit changed(conversation);
    }
    scheduleExpiry();
}

void TypingTracker::onMessage(const ChatMessage& message)
{
    if (message.isOwn)
        return;
    remove(m_connection->isRoomName(message.target) ? message.target : message.sender,
           message.sender);
}

void TypingTracker::remove(const QString& conversation, const QString& nick)
{
    const auto removed = m_entries.removeIf(
        [&](const Entry& e) { return same(e.conversation, conversation) && same(e.nick, nick); });
    if (removed > 0)
        emit changed(conversation);
}

void TypingTracker::removeNick(const QString& nick)
{
    QStringList conversations;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (same(entry.nick, nick))
            conversations.append(entry.conversation);
    }
    for (const QString& conversation : conversations)
        remove(conversation, nick);
}

void TypingTracker::clear()
{
    const QList<Entry> entries = std::exchange(m_entries, {});
    m_expiry->stop();
    for (const Entry& entry : entries)
        emit changed(entry.conversation);
}

void TypingTracker::expire()
{
    QStringList conversations;
    m_entries.removeIf([&](const Entry& e) {
        if (!e.expires.hasExpired())
            return false;
        conversations.append(e.conversation);
        return true;
    });
    for (const QString& conversation : conversations)
        emit changed(conversation);
    scheduleExpiry();
}

void TypingTracker::scheduleExpiry()
{
    if (m_entries.isEmpty()) {
        m_expiry->stop();
        return;
    }
    qint64 next = m_entries.constFirst().expires.remainingTime();
    for (const Entry& entry : std::as_const(m_entries))
        next = std::min(next, entry.expires.remainingTime());
    m_expiry->start(int(std::max<qint64>(next, 0) + 1));
}
