#include "net/wakeupnotifier.h"

#include "serverlogging.h"

#include <QEvent>

#include <cerrno>
#include <cstring>

#include <sys/eventfd.h>
#include <unistd.h>

WakeUpNotifier::WakeUpNotifier(std::function<void()> handler)
    : QSocketNotifier(makeEventFd(), QSocketNotifier::Read), m_handler(std::move(handler))
{
}

WakeUpNotifier::~WakeUpNotifier()
{
    setEnabled(false);
    if (socket() >= 0)
        ::close(int(socket()));
}

int WakeUpNotifier::makeEventFd()
{
    const int fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0)
        qCCritical(lcServer, "eventfd: %s", std::strerror(errno));
    return fd;
}

void WakeUpNotifier::wake()
{
    const quint64 one = 1;
    while (::write(int(socket()), &one, sizeof one) < 0 && errno == EINTR) {
    }
}

bool WakeUpNotifier::event(QEvent* event)
{
    if (event->type() != QEvent::SockAct)
        return QSocketNotifier::event(event);
    // Read first: a wake() from here on makes the descriptor readable again.
    quint64 count = 0;
    while (::read(int(socket()), &count, sizeof count) < 0 && errno == EINTR) {
    }
    m_handler();
    return true;
}
