#pragma once

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

// Waits for a condition by running the event loop, and handles events as they arrive.
// QTRY_* and QTest::qWaitFor() sleep 10 ms after each pass of the loop instead. That is enough
// for a reply, but a transfer that needs a pass per 64 kB (a server's core thread and its I/O
// thread taking turns) then takes seconds per megabyte.
namespace EventWait {

// True once done() holds; false if timeoutMs passed first. done() is checked every millisecond.
template <typename Condition> bool until(Condition done, int timeoutMs = 5000)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(1);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start();
    timeout.start(timeoutMs);
    loop.exec();
    return done();
}

} // namespace EventWait
