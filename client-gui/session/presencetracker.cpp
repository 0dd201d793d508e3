#include "session/presencetracker.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "session/contactbook.h"
#include "session/serverconnection.h"

#include <QTimer>

namespace {

constexpr int MaxPendingIsOn = 20; // ISON lines without an answer yet

} // namespace

PresenceTracker::PresenceTracker(ServerConnection* connection, ContactBook* book, QObject* parent)
    : QObject(parent), m_connection(connection), m_book(book), m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &PresenceTracker::poll);
    ServerConnection* c = connection;
    connect(c, &ServerConnection::welcomeEnded, this, &PresenceTracker::start);
    connect(c, &ServerConnection::membersCleared, this, &PresenceTracker::stop);
    connect(c, &ServerConnection::monitorOnline, this, &PresenceTracker::onOnline);
    connect(c, &ServerConnection::monitorOffline, this, &PresenceTracker::onOffline);
    connect(c, &ServerConnection::monitorListFull, this,
            [this](int, const QStringList& nicks) { onListFull(nicks); });
    connect(c, &ServerConnection::isonReceived, this, &PresenceTracker::onIsOn);
    connect(c, &ServerConnection::awayChanged, this, &PresenceTracker::onAwayChanged);
    connect(c, &ServerConnection::userJoined, this,
            [this](const QString&, const QString& nick) { onSeen(nick); });
    connect(c, &ServerConnection::namesReceived, this,
            [this](const QString&, const QStringList& nicks) {
                for (const QString& nick : nicks)
                    onSeen(nick);
            });
    connect(c, &ServerConnection::userQuit, this, [this](const QString& nick) { onGone(nick); });
    connect(c, &ServerConnection::nickChanged, this,
            [this](const QString& oldNick, const QString& newNick) {
                onGone(oldNick);
                onSeen(newNick);
            });
    connect(book, &ContactBook::added, this, &PresenceTracker::onAdded);
    connect(book, &ContactBook::removed, this, &PresenceTracker::onRemoved);
    connect(book, &ContactBook::reset, this, &PresenceTracker::onReset);
}

void PresenceTracker::setPollInterval(int ms)
{
    m_pollTimer->setInterval(ms);
}

QString PresenceTracker::key(const QString& name) const
{
    return m_connection->fold(name);
}

ContactPresence PresenceTracker::presence(const QString& name) const
{
    ContactPresence presence = m_presence.value(key(name));
    presence.lastSeen = m_book->lastSeen(name);
    return presence;
}

bool PresenceTracker::isMonitored(const QString& name) const
{
    return m_monitored.contains(key(name));
}

// ---- the connection -------------------------------------------------------------------------

void PresenceTracker::start()
{
    if (m_started)
        return; // a second MOTD (/motd)
    m_started = true;
    m_book->setCaseMapping(m_connection->caseMapping());
    m_monitored.clear();
    m_isOnAsked.clear();
    monitor(m_book->names());
    poll();
    m_pollTimer->start();
}

void PresenceTracker::stop()
{
    m_started = false;
    m_pollTimer->stop();
    m_monitored.clear();
    m_isOnAsked.clear();
    for (const QString& name : m_book->names())
        setState(name, ContactPresence::State::Unknown); // online ones: last seen now
}

// MONITOR + for as many names as the server keeps (MONITOR=<limit>, none: no limit), in lines
// of a bounded length. Without MONITOR, nothing: poll() asks with ISON.
void PresenceTracker::monitor(const QStringList& names)
{
    const IrcISupport& support = m_connection->serverSupport();
    if (!support.has(QStringLiteral("MONITOR")) || names.isEmpty())
        return;
    bool ok = false;
    const int limit = support.value(QStringLiteral("MONITOR")).toInt(&ok);
    QStringList line;
    int bytes = 0;
    for (const QString& name : names) {
        if (ok && limit > 0 && m_monitored.size() >= limit)
            break; // the rest are polled
        if (m_monitored.contains(key(name)))
            continue;
        if (!line.isEmpty() && bytes + 1 + name.toUtf8().size() > MaxMonitorLineBytes) {
            m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("+"), line));
            line.clear();
            bytes = 0;
        }
        m_monitored.insert(key(name));
        line.append(name);
        bytes += int(name.toUtf8().size()) + 1;
    }
    if (!line.isEmpty())
        m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("+"), line));
}

// ISON for the contacts the server does not watch; WHO for the online ones we share no room
// with (away-notify tells only of people in our rooms).
void PresenceTracker::poll()
{
    if (!m_started)
        return;
    // ISON answers come in order; one still missing a round later will not come.
    m_isOnAsked.clear();
    QStringList unwatched;
    for (const QString& name : m_book->names()) {
        if (!m_monitored.contains(key(name)))
            unwatched.append(name);
        if (m_presence.value(key(name)).isOnline())
            askAway(name);
    }
    askIsOn(unwatched);
}

void PresenceTracker::askIsOn(const QStringList& names)
{
    for (qsizetype i = 0; i < names.size() && m_isOnAsked.size() < MaxPendingIsOn;
         i += MaxIsOnNicks) {
        const QStringList chunk = names.mid(i, MaxIsOnNicks);
        QStringList folded;
        for (const QString& name : chunk)
            folded.append(key(name));
        m_isOnAsked.append(folded);
        m_connection->sendRaw(IrcCommand::ison(chunk));
    }
}

void PresenceTracker::askAway(const QString& name)
{
    if (m_started && m_connection->network().roomsOf(name).isEmpty())
        m_connection->sendRaw(IrcCommand::who(name)); // the answer comes as awayChanged
}

// ---- the contact book -------------------------------------------------------------------------

void PresenceTracker::onAdded(const QString& name)
{
    if (!m_started)
        return;
    if (m_connection->network().roomsOf(name).size() > 0)
        setState(name, ContactPresence::State::Online);
    monitor({name});
    if (!m_monitored.contains(key(name)))
        askIsOn({name});
    else if (m_presence.value(key(name)).isOnline())
        askAway(name);
}

void PresenceTracker::onRemoved(const QString& name)
{
    if (m_started && m_monitored.contains(key(name)))
        m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("-"), {name}));
    m_monitored.remove(key(name));
    m_presence.remove(key(name));
}

void PresenceTracker::onReset()
{
    m_presence.clear();
    if (!m_started)
        return;
    if (!m_monitored.isEmpty())
        m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("C")));
    m_monitored.clear();
    monitor(m_book->names());
    poll();
}

// ---- what the server says -------------------------------------------------------------------

void PresenceTracker::onOnline(const QStringList& nicks)
{
    for (const QString& nick : nicks) {
        if (!m_book->contains(nick) || m_presence.value(key(nick)).isOnline())
            continue;
        setState(nick, ContactPresence::State::Online);
        askAway(nick);
    }
}

void PresenceTracker::onOffline(const QStringList& nicks)
{
    for (const QString& nick : nicks) {
        if (m_book->contains(nick))
            setState(nick, ContactPresence::State::Offline);
    }
}

void PresenceTracker::onListFull(const QStringList& nicks)
{
    QStringList polled;
    for (const QString& nick : nicks) {
        if (m_monitored.remove(key(nick)) && m_book->contains(nick))
            polled.append(m_book->spelling(nick));
    }
    qCInfo(lcClient) << "the server's MONITOR list is full; polling" << polled;
    askIsOn(polled);
}

void PresenceTracker::onIsOn(const QStringList& nicks)
{
    if (m_isOnAsked.isEmpty())
        return; // not ours
    const QStringList asked = m_isOnAsked.takeFirst();
    QSet<QString> online;
    for (const QString& nick : nicks)
        online.insert(key(nick));
    for (const QString& folded : asked) {
        const QString name = m_book->spelling(folded);
        if (name.isEmpty() || m_monitored.contains(folded))
            continue;
        if (!online.contains(folded)) {
            setState(name, ContactPresence::State::Offline);
        } else if (!m_presence.value(folded).isOnline()) {
            setState(name, ContactPresence::State::Online);
            askAway(name);
        }
    }
}

void PresenceTracker::onAwayChanged(const QString& nick, bool away, const QString& message)
{
    if (!m_book->contains(nick) || m_connection->isOwnNick(nick))
        return;
    const ContactPresence known = m_presence.value(key(nick));
    if (!away) {
        setState(nick, ContactPresence::State::Online);
        return;
    }
    // WHO says only "away", without the words: keep the words learnt before.
    const bool keepWords = message.isEmpty() && known.state == ContactPresence::State::Away;
    setState(nick, ContactPresence::State::Away, keepWords ? known.awayMessage : message);
}

// In a room with us: online, whatever else the server says.
void PresenceTracker::onSeen(const QString& nick)
{
    if (m_book->contains(nick) && !m_presence.value(key(nick)).isOnline())
        setState(nick, ContactPresence::State::Online);
}

// Gone from our rooms: offline, unless the server watches the name (it says so itself; the
// account may still be logged in elsewhere).
void PresenceTracker::onGone(const QString& nick)
{
    if (m_book->contains(nick) && !m_monitored.contains(key(nick)) &&
        m_presence.value(key(nick)).isOnline())
        setState(nick, ContactPresence::State::Offline);
}

void PresenceTracker::setState(const QString& name, ContactPresence::State state,
                               const QString& message)
{
    const QString spelled = m_book->spelling(name);
    if (spelled.isEmpty())
        return;
    ContactPresence& presence = m_presence[key(name)];
    const QString words = state == ContactPresence::State::Away ? message : QString();
    if (presence.state == state && presence.awayMessage == words)
        return;
    const bool wasOnline = presence.isOnline();
    presence.state = state;
    presence.awayMessage = words;
    if (wasOnline && !presence.isOnline())
        m_book->setLastSeen(spelled, QDateTime::currentDateTimeUtc());
    qCDebug(lcClient) << "presence of" << spelled << int(state);
    emit presenceChanged(spelled);
}
