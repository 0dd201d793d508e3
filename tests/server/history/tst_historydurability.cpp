// History through a crash: confabd (the real binary) relays a message storm and is killed with
// SIGKILL in the middle of it. Afterwards the database passes PRAGMA integrity_check and every
// message relayed more than one second before the kill is in the history.
#include "freeport.h"
#include "storage/database.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

// How long the storm runs before the kill, and how much of it must be on disk.
constexpr int StormMs = 2500;
constexpr int DurableAfterMs = 1000;

} // namespace

class tst_HistoryDurability : public QObject
{
    Q_OBJECT

private slots:
    void killDuringStorm();
};

void tst_HistoryDurability::killDuringStorm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const quint16 port = quint16(std::max(0, freeLoopbackPort()));
    QProcess confabd;
    confabd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    confabd.start(QStringLiteral(CONFABD_PATH),
                  {"--listen", "127.0.0.1", "--port", QString::number(port), "--no-tls",
                   "--data-dir", dataDir, "--no-autojoin", "--flood-rate", "0",
                   "--flood-burst", "100000", "--flood-queue", "100000", "--log-level",
                   "warning"});
    QVERIFY(confabd.waitForStarted());

    TestClient sender;
    TestClient receiver;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (receiver.isConnected())
                return true;
            receiver.connectToServer(port);
            return QTest::qWaitFor([&] { return receiver.isConnected(); }, 200);
        },
        10000));
    sender.connectToServer(port);
    QTRY_VERIFY(sender.isConnected());
    receiver.sendLine("CAP REQ :message-tags");
    receiver.registerUser(QStringLiteral("receiver"));
    receiver.sendLine("CAP END");
    sender.registerUser(QStringLiteral("sender"));
    receiver.sendLine("JOIN #storm");
    QTRY_VERIFY(receiver.has(QStringLiteral("366")));
    sender.sendLine("JOIN #storm");
    QTRY_VERIFY(sender.has(QStringLiteral("366")));

    // When each message arrived at the receiver, by msgid.
    QElapsedTimer clock;
    clock.start();
    QList<QPair<qint64, QString>> arrivals;
    connect(&receiver, &TestClient::messageReceived, this, [&](const IrcMessage& message) {
        if (message.command() == QLatin1String("PRIVMSG"))
            arrivals.append({clock.elapsed(), message.tag(QStringLiteral("msgid"))});
    });
    int sent = 0;
    const qint64 stormStart = clock.elapsed();
    while (clock.elapsed() - stormStart < StormMs) {
        for (int i = 0; i < 20; ++i)
            sender.sendLine("PRIVMSG #storm :storm message " + QByteArray::number(++sent));
        QTest::qWait(2);
    }
    const qint64 killedAt = clock.elapsed();
    confabd.kill(); // SIGKILL: no flush, no clean close
    QVERIFY(confabd.waitForFinished(5000));
    QCOMPARE(confabd.exitStatus(), QProcess::CrashExit);

    QSet<QString> mustBeStored;
    for (const auto& [at, msgid] : std::as_const(arrivals)) {
        if (at < killedAt - DurableAfterMs)
            mustBeStored.insert(msgid);
    }
    qInfo("%d sent, %d relayed, %d relayed more than %d ms before the kill", sent,
          int(arrivals.size()), int(mustBeStored.size()), DurableAfterMs);
    QVERIFY(mustBeStored.size() > 100); // a storm, not a trickle

    Database database(QStringLiteral("durability"));
    QVERIFY2(database.open(dataDir + u'/' + Database::fileName()),
             qPrintable(database.errorString()));
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(query.exec(QStringLiteral(
        "SELECT h.msgid FROM history h JOIN history_views v ON v.conversation = h.conversation"
        " WHERE v.owner = '' AND v.target = '#storm' AND h.kind = 0")));
    QSet<QString> stored;
    while (query.next())
        stored.insert(query.value(0).toString());
    qInfo("%d stored", int(stored.size()));
    const QSet<QString> missing = mustBeStored - stored;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 relayed messages are not in the history")
                                               .arg(missing.size())));
}

QTEST_GUILESS_MAIN(tst_HistoryDurability)
#include "tst_historydurability.moc"
