#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A private "system" D-Bus (dbus-daemon with a policy that allows everything) and a real
// avahi-daemon on it, for the LAN discovery tests. start() exports the bus's address in
// DBUS_SYSTEM_BUS_ADDRESS, so QDBusConnection::systemBus() in the test process and the Avahi
// tools it runs (avahi-browse, avahi-publish) use it; call it before anything touches the system
// bus. The daemons stop when the fixture goes.
//
// What a test cannot work without is said by skipReason() (no dbus-daemon or avahi-daemon
// installed, no network interface that can multicast, not root: avahi-daemon runs only as
// root). When the machine's own Avahi runs, the test's one gets its own /run/avahi-daemon in a
// private mount namespace (unshare), since the pid file's place is compiled in.
class AvahiFixture : public QObject
{
    Q_OBJECT

public:
    explicit AvahiFixture(QObject* parent = nullptr);
    ~AvahiFixture() override;

    // Starts the bus, and Avahi on it when withAvahi. False + skipReason() when it cannot.
    bool start(bool withAvahi = true);
    QString skipReason() const { return m_skipReason; }
    QString busAddress() const { return m_busAddress; }

    // Stops and starts the Avahi daemon alone (the bus stays), as when it restarts.
    bool startAvahi();
    void stopAvahi();
    bool isAvahiRunning() const { return m_avahi.state() == QProcess::Running; }

    // Runs an Avahi tool (avahi-browse...) on the private bus and returns its standard output;
    // the test's event loop keeps running meanwhile. Empty after timeoutMs.
    QByteArray runTool(const QString& program, const QStringList& arguments, int timeoutMs = 10000);
    // "avahi-browse -rtp type": the resolved lines ("=;eth0;IPv4;name;type;domain;host;address;
    // port;txt..."), split at ';', names unescaped.
    QList<QStringList> browse(const QString& type);
    // A long-running tool (avahi-publish -s ...), stopped with the fixture; waits until its
    // output has waitFor.
    bool startTool(const QString& program, const QStringList& arguments, const QString& waitFor);

    // Whether the machine has a network interface (not loopback) that is up and can multicast.
    static bool hasMulticastInterface();
    // avahi-browse -p's escaping ("\032" for a space, "\046" for '&') undone.
    static QString unescape(const QString& text);

private:
    bool startAvahi(bool ownRunDirectory);

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_avahi;
    QList<QProcess*> m_tools;
    QString m_busAddress;
    QString m_skipReason;
};
