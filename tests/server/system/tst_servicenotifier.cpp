// ServiceNotifier: sd_notify messages reach the socket named by $NOTIFY_SOCKET, as systemd's
// Type=notify expects them.
#include "system/servicenotifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

class tst_ServiceNotifier : public QObject
{
    Q_OBJECT

private slots:
    void message_data();
    void message();
    void reachesNotifySocket_data();
    void reachesNotifySocket();
    void withoutNotifySocketSendsNothing();
    void init();
    void cleanup();

private:
    QByteArray receive();

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_socket = -1;
};

void tst_ServiceNotifier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QByteArray path = QFile::encodeName(m_dir->filePath(QStringLiteral("notify")));
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    m_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(m_socket >= 0);
    QCOMPARE(::bind(m_socket, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
    qputenv("NOTIFY_SOCKET", path);
}

void tst_ServiceNotifier::cleanup()
{
    qunsetenv("NOTIFY_SOCKET");
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
    m_dir.reset();
}

QByteArray tst_ServiceNotifier::receive()
{
    // A datagram to a local socket is queued before sendmsg() returns: no waiting needed.
    char buffer[4096];
    const ssize_t size = ::recv(m_socket, buffer, sizeof(buffer), MSG_DONTWAIT);
    return size < 0 ? QByteArray() : QByteArray(buffer, size);
}

void tst_ServiceNotifier::message_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("state alone") << QByteArray("READY=1") << QString() << QByteArray("READY=1");
    QTest::newRow("state and status")
        << QByteArray("READY=1") << QStringLiteral("serving irc.example")
        << QByteArray("READY=1\nSTATUS=serving irc.example");
    QTest::newRow("status alone") << QByteArray() << QStringLiteral("busy")
                                  << QByteArray("STATUS=busy");
    QTest::newRow("line breaks in the status cannot add assignments")
        << QByteArray("STOPPING=1") << QStringLiteral("a\nREADY=1\rb")
        << QByteArray("STOPPING=1\nSTATUS=a READY=1 b");
    QTest::newRow("UTF-8 status") << QByteArray() << QStringLiteral("聊天")
                                  << QByteArray("STATUS=\xe8\x81\x8a\xe5\xa4\xa9");
}

void tst_ServiceNotifier::message()
{
    QFETCH(QByteArray, state);
    QFETCH(QString, status);
    QFETCH(QByteArray, expected);
    QCOMPARE(ServiceNotifier::message(state, status), expected);
}

void tst_ServiceNotifier::reachesNotifySocket_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ready") << 0 << QByteArray("READY=1\nSTATUS=serving");
    QTest::newRow("stopping") << 1 << QByteArray("STOPPING=1\nSTATUS=serving");
    QTest::newRow("status") << 2 << QByteArray("STATUS=serving");
}

void tst_ServiceNotifier::reachesNotifySocket()
{
    if (!ServiceNotifier::isSupported())
        QSKIP("built without libsystemd");
    QFETCH(int, call);
    QFETCH(QByteArray, expected);
    const ServiceNotifier notifier;
    const QString status = QStringLiteral("serving");
    const bool sent = call == 0   ? notifier.notifyReady(status)
                      : call == 1 ? notifier.notifyStopping(status)
                                  : notifier.notifyStatus(status);
    QVERIFY(sent);
    QCOMPARE(receive(), expected);
}

void tst_ServiceNotifier::withoutNotifySocketSendsNothing()
{
    qunsetenv("NOTIFY_SOCKET");
    const ServiceNotifier notifier;
    QVERIFY(!notifier.notifyReady(QStringLiteral("serving")));
    QCOMPARE(receive(), QByteArray());
}

QTEST_GUILESS_MAIN(tst_ServiceNotifier)
#include "tst_servicenotifier.moc"
