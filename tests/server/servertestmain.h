#pragma once

// main() for the server's suites. SQLite is set up as confabd sets it up
// (Database::configureSqliteLibrary). With CONFAB_TEST_EVENT_DISPATCHER=epoll in the
// environment the suite runs on EpollEventDispatcher, the dispatcher confabd uses, instead of
// Qt's default one (ctest runs each suite both ways). With CONFAB_TEST_THREADS=N every server
// the suite makes runs N event-loop threads (--threads N), unless the test sets its own.
#include "config/serverconfig.h"
#include "net/epolleventdispatcher.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QTest>

#include <cstdio>

#define CONFAB_SERVER_TEST_MAIN(TestObject)                                                        \
    int main(int argc, char* argv[])                                                               \
    {                                                                                              \
        if (!Database::configureSqliteLibrary()) {                                                 \
            std::fprintf(stderr, "SQLite was in use before main()\n");                             \
            return 2;                                                                              \
        }                                                                                          \
        const QByteArray wanted = qgetenv("CONFAB_TEST_EVENT_DISPATCHER");                         \
        if (wanted == "epoll")                                                                     \
            QCoreApplication::setEventDispatcher(new EpollEventDispatcher);                        \
        QCoreApplication app(argc, argv);                                                          \
        if (!wanted.isEmpty() && wanted != "epoll") {                                              \
            std::fprintf(stderr, "unknown CONFAB_TEST_EVENT_DISPATCHER: %s\n", wanted.data());     \
            return 2;                                                                              \
        }                                                                                          \
        if (wanted == "epoll" &&                                                                   \
            !qobject_cast<EpollEventDispatcher*>(QCoreApplication::eventDispatcher())) {           \
            std::fprintf(stderr, "EpollEventDispatcher was not installed\n");                      \
            return 2;                                                                              \
        }                                                                                          \
        if (const QByteArray threads = qgetenv("CONFAB_TEST_THREADS"); !threads.isEmpty()) {      \
            if (threads.toInt() < 1) {                                                             \
                std::fprintf(stderr, "bad CONFAB_TEST_THREADS: %s\n", threads.data());            \
                return 2;                                                                          \
            }                                                                                      \
            ServerDefaults::setThreads(threads.toInt());                                           \
        }                                                                                          \
        TestObject test;                                                                           \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
