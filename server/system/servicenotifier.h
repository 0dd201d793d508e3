#pragma once

#include <QByteArray>
#include <QString>

// Tells the service manager how confabd is doing, by sd_notify(3): READY=1 once it listens (for
// Type=notify units), STOPPING=1 when it shuts down, and a STATUS= line for `systemctl status`.
// Outside systemd ($NOTIFY_SOCKET unset), or when built without libsystemd, nothing is sent.
class ServiceNotifier
{
public:
    // Whether confabd was built with libsystemd, so that the calls below can send anything.
    static bool isSupported();

    // Each returns whether the service manager got the message.
    bool notifyReady(const QString& status) const;
    bool notifyStopping(const QString& status) const;
    bool notifyStatus(const QString& status) const;

    // "KEY=value" lines as sd_notify sends them; the status is folded onto one line.
    static QByteArray message(const QByteArray& state, const QString& status);

private:
    bool notify(const QByteArray& text) const;
};
