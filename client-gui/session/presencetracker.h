#pragma once

#include "models/contactpresence.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class ContactBook;
class QTimer;
class ServerConnection;

// Whether the user's contacts are online, away (with their message) or offline: it asks the
// server to MONITOR them (IRCv3 monitor; again on every connection, within the server's
// MONITOR= limit) and learns from 730/731, away-notify, WHO and the rooms we share. Names the
// server will not monitor (no MONITOR, or over the limit) are asked about with ISON now and then.
// Going offline (or the connection ending) sets the contact's last-seen time in the ContactBook.
class PresenceTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr int PollIntervalMs = 60000;
    static constexpr int MaxIsOnNicks = 10; // per ISON line (RFC 1459's 15 parameters)
    static constexpr int MaxMonitorLineBytes = 400;

    PresenceTracker(ServerConnection* connection, ContactBook* book, QObject* parent = nullptr);

    ContactPresence presence(const QString& name) const;
    // The server watches this name for us (MONITOR); else it is polled with ISON.
    bool isMonitored(const QString& name) const;
    // How often ISON (and WHO, for away) are asked again; tests shorten it.
    void setPollInterval(int ms);

signals:
    // name is spelled as in the ContactBook.
    void presenceChanged(const QString& name);

private:
    void start();
    void stop();
    void monitor(const QStringList& names);
    void poll();
    void askIsOn(const QStringList& names);
    void askAway(const QString& name);
    void onAdded(const QString& name);
    void onRemoved(const QString& name);
    void onReset();
    void onOnline(const QStringList& nicks);
    void onOffline(const QStringList& nicks);
    void onListFull(const QStringList& nicks);
    void onIsOn(const QStringList& nicks);
    void onAwayChanged(const QString& nick, bool away, const QString& message);
    void onSeen(const QString& nick);
    void onGone(const QString& nick);
    void setState(const QString& name, ContactPresence::State state, const QString& message = {});
    QString key(const QString& name) const;

    ServerConnection* m_connection;
    ContactBook* m_book;
    QTimer* m_pollTimer;
    QHash<QString, ContactPresence> m_presence; // folded name -> what is known (not lastSeen)
    QSet<QString> m_monitored;                  // folded names the server watches for us
    QList<QStringList> m_isOnAsked;             // folded names of each ISON not yet answered
    bool m_started = false;
};
