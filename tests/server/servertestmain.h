#pragma once

// main() for the server's socket suites. With CONFAB_TEST_EVENT_DISPATCHER=epoll in the
// environment the suite runs on EpollEventDispatcher, the dispatcher confabd uses, instead of
// Qt's default one (ctest runs each suite both ways).
#include "net/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QTest>

#include <cstdio>

#define CONFAB_SERVER_TEST_MAIN(TestObject)                                                        \
    int main(int argc, char* argv[])                                                               \
    {                                                                                              \
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
        TestObject test;                                                                           \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
