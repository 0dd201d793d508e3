#include "system/servicenotifier.h"

#include "serverlogging.h"

#ifdef CONFAB_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

bool ServiceNotifier::isSupported()
{
#ifdef CONFAB_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

bool ServiceNotifier::notifyReady(const QString& status) const
{
    return notify(message("READY=1", status));
}

bool ServiceNotifier::notifyStopping(const QString& status) const
{
    return notify(message("STOPPING=1", status));
}

bool ServiceNotifier::notifyStatus(const QString& status) const
{
    return notify(message(QByteArray(), status));
}

QByteArray ServiceNotifier::message(const QByteArray& state, const QString& status)
{
    QByteArray text = state;
    if (!status.isEmpty()) {
        if (!text.isEmpty())
            text += '\n';
        QString line = status;
        line.replace(u'\n', u' ').replace(u'\r', u' ');
        text += "STATUS=" + line.toUtf8();
    }
    return text;
}

bool ServiceNotifier::notify(const QByteArray& text) const
{
#ifdef CONFAB_HAVE_LIBSYSTEMD
    const int result = sd_notify(0, text.constData());
    if (result < 0)
        qCWarning(lcServer) << "cannot notify the service manager:" << qt_error_string(-result);
    return result > 0;
#else
    Q_UNUSED(text);
    return false;
#endif
}
