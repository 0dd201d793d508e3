#pragma once

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

// Runs the event loop until done() holds or ms have passed (then false): the benchmark's way to
// wait for what the widgets and the store's thread do, without blocking either.
namespace EventLoopWait {

template <typename Done> bool until(Done done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace EventLoopWait
