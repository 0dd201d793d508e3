#pragma once

#include "discovery/lanservice.h"

#include <QDBusConnection>
#include <QObject>
#include <QSet>
#include <QString>

class QDBusMessage;
class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

// Browses the LAN for chat servers (IrcDnsSd: _irc._tcp and _ircs._tcp) through the system's
// Avahi daemon on the D-Bus system bus: an Avahi ServiceBrowser per type (ServiceBrowserPrepare
// then Start where Avahi has them, else ServiceBrowserNew; the signals are subscribed to before
// either, so none is missed), each instance resolved with ResolveService. Every D-Bus call is
// asynchronous. Without Avahi the state is Unavailable; when Avahi (re)starts, browsing
// starts again.
class LanServiceBrowser : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,        // start() not called yet
        Browsing,    // asked Avahi; services come and go
        Unavailable, // no system bus, or no Avahi on it
        Failed       // Avahi refused to browse (logged)
    };
    Q_ENUM(State)

    explicit LanServiceBrowser(const QDBusConnection& bus, QObject* parent = nullptr);
    ~LanServiceBrowser() override;

    void start();
    State state() const { return m_state; }
    // Whether Avahi has said "all for now" for every type since browsing started and every
    // instance seen has been resolved (or failed to): what is on the LAN is known.
    bool hasSettled() const;

signals:
    void stateChanged(LanServiceBrowser::State state);
    // hasSettled() became true (again, after instances that came later were resolved).
    void settled();
    void serviceResolved(const LanService& service);
    // An instance (as keyed by interface, protocol, name, type, domain) went away.
    void serviceRemoved(const LanService& service);
    // Avahi went away: everything it reported is gone.
    void allRemoved();

private slots:
    // Avahi's ServiceBrowser signals; QtDBus delivers D-Bus signals only to slots named by string.
    void onItemNew(const QDBusMessage& message);
    void onItemRemove(const QDBusMessage& message);
    void onAllForNow(const QDBusMessage& message);
    void onFailure(const QDBusMessage& message);

private:
    void browse(const QString& type, int generation, bool prepared);
    void onBrowserCreated(QDBusPendingCallWatcher* call, const QString& type, int generation,
                          bool prepared);
    void onResolved(QDBusPendingCallWatcher* call, const QString& key, int generation);
    void onAvahiVanished();
    void resolvingDone(const QString& key);
    void freeBrowsers();
    void setState(State state);
    static LanService serviceFrom(const QDBusMessage& message);
    static QString keyOf(const LanService& service);

    QDBusConnection m_bus;
    QDBusServiceWatcher* m_watcher;
    QSet<QString> m_paths;     // our ServiceBrowser objects
    QSet<QString> m_settled;   // browsers that said AllForNow (perhaps before m_paths has them)
    QSet<QString> m_known;     // instances announced (ItemNew) and not removed
    QSet<QString> m_resolving; // of those, the ones not resolved yet
    State m_state = State::Idle;
    int m_generation = 0;
    bool m_loggedUnavailable = false;
};
