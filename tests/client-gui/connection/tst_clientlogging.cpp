// What the client logs: protocol traffic only when asked for, and never a secret.
#include "connection/clientlogging.h"
#include "fakeircserver.h"
#include "ircmessage.h"
#include "session/serverconnection.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

namespace {

QMutex s_mutex;
QStringList s_logged;
QtMessageHandler s_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    {
        QMutexLocker lock(&s_mutex);
        s_logged.append(QString::fromLatin1(context.category ? context.category : "") +
                        QLatin1Char(' ') + text);
    }
    Q_UNUSED(type);
}

} // namespace

class tst_ClientLogging : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void redacted_data();
    void redacted();
    void trafficIsOffByDefault();
    void secretsNeverLoggedWhenTrafficIsOn();

private:
    void runSession(FakeIrcServer* server);
    QString logged() const;
};

void tst_ClientLogging::init()
{
    QLoggingCategory::setFilterRules(QString()); // the defaults, as an end user has them
    s_logged.clear();
    s_previous = qInstallMessageHandler(capture);
}

void tst_ClientLogging::cleanup()
{
    qInstallMessageHandler(s_previous);
    QLoggingCategory::setFilterRules(QString());
}

QString tst_ClientLogging::logged() const
{
    QMutexLocker lock(&s_mutex);
    return s_logged.join(QLatin1Char('\n'));
}

void tst_ClientLogging::redacted_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("PASS") << QByteArray("PASS hunter2") << QByteArray("PASS ***");
    QTest::newRow("lower-case pass") << QByteArray("pass hunter2") << QByteArray("PASS ***");
    QTest::newRow("AUTHENTICATE payload")
        << QByteArray("AUTHENTICATE YWxpY2UAYWxpY2UAaHVudGVyMg==")
        << QByteArray("AUTHENTICATE ***");
    QTest::newRow("OPER keeps the name")
        << QByteArray("OPER admin hunter2") << QByteArray("OPER admin ***");
    QTest::newRow("REGISTER with email")
        << QByteArray("REGISTER alice alice@example.org hunter2")
        << QByteArray("REGISTER alice alice@example.org ***");
    QTest::newRow("REGISTER without email")
        << QByteArray("REGISTER alice hunter2") << QByteArray("REGISTER alice ***");
    QTest::newRow("IDENTIFY to NickServ")
        << QByteArray("PRIVMSG NickServ :identify hunter2") << QByteArray("PRIVMSG NickServ ***");
    QTest::newRow("ordinary message kept")
        << QByteArray("PRIVMSG bob :hello there") << QByteArray("PRIVMSG bob :hello there");
    QTest::newRow("tags left out")
        << QByteArray("@label=1 :alice!a@h PRIVMSG #lobby :hi")
        << QByteArray(":alice!a@h PRIVMSG #lobby hi");
}

void tst_ClientLogging::redacted()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);
    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    QVERIFY(message);
    QCOMPARE(ClientLogging::redacted(*message), expected);
}

// Log in with a password, receive and send a private message.
void tst_ClientLogging::runSession(FakeIrcServer* server)
{
    server->autoWelcome = true;
    server->rejectCap = true;
    QVERIFY(server->listen());
    ServerConnection connection;
    connection.setHost(QStringLiteral("127.0.0.1"));
    connection.setPort(server->port());
    connection.setDesiredNick(QStringLiteral("alice"));
    connection.setPassword(QStringLiteral("hunter2secret"));
    connection.connectToServer();
    QTRY_VERIFY(connection.isRegistered());
    QTRY_VERIFY(!server->receivedCommands(QStringLiteral("PASS")).isEmpty());
    QSignalSpy privateMessages(&connection, &ServerConnection::privateMessage);
    server->sendLine(":bob!b@h PRIVMSG alice :meet at the secret garden");
    QTRY_COMPARE(privateMessages.size(), 1);
    connection.sendMessage(QStringLiteral("bob"), QStringLiteral("see you in the garden"));
    QTRY_VERIFY(!server->receivedCommands(QStringLiteral("PRIVMSG")).isEmpty());
    connection.disconnectFromServer(QStringLiteral("bye"));
}

void tst_ClientLogging::trafficIsOffByDefault()
{
    QVERIFY(!lcTraffic().isDebugEnabled());
    QVERIFY(!lcTraffic().isInfoEnabled());
    FakeIrcServer server;
    runSession(&server);
    const QString text = logged();
    QVERIFY2(!text.contains(QLatin1String("hunter2secret")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("garden")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("PRIVMSG")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("confab.client.traffic")), qPrintable(text));
}

void tst_ClientLogging::secretsNeverLoggedWhenTrafficIsOn()
{
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=true"));
    QVERIFY(lcTraffic().isDebugEnabled());
    FakeIrcServer server;
    runSession(&server);
    const QString text = logged();
    QVERIFY2(text.contains(QLatin1String("PASS ***")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("garden")), qPrintable(text)); // traffic is shown
    QVERIFY2(!text.contains(QLatin1String("hunter2secret")), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_ClientLogging)
#include "tst_clientlogging.moc"
