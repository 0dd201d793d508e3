#pragma once

#include "discovery/dnssdservice.h"

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QString>

class QDBusMessage;
class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

// Announces services on the LAN with DNS-SD over multicast DNS through the system's Avahi daemon
// (org.freedesktop.Avahi on the D-Bus system bus), so that `avahi-browse _irc._tcp`, Confab's
// login dialog and other DNS-SD browsers find them. Every D-Bus call is asynchronous.
//
// Without Avahi (or without a system bus) one line is logged and nothing else happens; when Avahi
// starts (or restarts) later, the services are announced again. When another host already uses
// the name, Avahi's alternative ("Name #2") is taken.
class ServiceAnnouncer : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,        // nothing to announce
        Unavailable, // no Avahi (waiting for it to appear)
        Registering, // asked Avahi, waiting for the name to be probed
        Established, // announced on the LAN under serviceName()
        Failed       // Avahi refused (logged); tried again if Avahi restarts
    };
    Q_ENUM(State)

    explicit ServiceAnnouncer(const QDBusConnection& bus, QObject* parent = nullptr);
    ~ServiceAnnouncer() override;

    // Announces these services under name (withdrawing what was announced before).
    void announce(const QString& name, const QList<DnsSdService>& services);
    // Withdraws the services from the LAN.
    void withdraw();

    State state() const { return m_state; }
    // The name in use: the one asked for, or Avahi's alternative after a collision.
    QString serviceName() const { return m_name; }
    QList<DnsSdService> services() const { return m_services; }

    // name cut to fit one DNS label (63 bytes of UTF-8) without splitting a character.
    static QString fittedName(const QString& name);

signals:
    void stateChanged(ServiceAnnouncer::State state);

private slots:
    // Avahi's EntryGroup.StateChanged(i state, s error); QtDBus delivers D-Bus signals only to
    // slots named by string.
    void onGroupStateChanged(int state, const QString& error);
    // Server.StateChanged(i state, s error): a new host name (after a collision with another
    // machine's) makes Avahi withdraw every service; they are announced again once it runs.
    void onServerStateChanged(int state, const QString& error);

private:
    void start();
    void onGroupCreated(QDBusPendingCallWatcher* call, int generation);
    void onCommitted(QDBusPendingCallWatcher* call, int generation);
    void onAvahiAppeared();
    void onAvahiVanished();
    void renameAfterCollision();
    void freeGroup();
    void setState(State state);
    QDBusMessage serverCall(const char* method) const;
    QDBusMessage groupCall(const char* method) const;

    QDBusConnection m_bus;
    QDBusServiceWatcher* m_watcher;
    QString m_name;
    QList<DnsSdService> m_services;
    QString m_groupPath;
    State m_state = State::Idle;
    int m_generation = 0; // replies to calls of an earlier start() are ignored
    bool m_loggedUnavailable = false;
    bool m_withdrawnByAvahi = false; // the host name changed: announce again when Avahi runs
};
