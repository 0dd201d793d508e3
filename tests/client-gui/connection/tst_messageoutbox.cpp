#include "connection/messageoutbox.h"

#include <QTest>

class tst_MessageOutbox : public QObject
{
    Q_OBJECT

private slots:
    void keepsOrderAndIds();
    void bounded();
    void echoesAreTakenOnce();
};

void tst_MessageOutbox::keepsOrderAndIds()
{
    MessageOutbox outbox;
    const MessageOutbox::Entry first =
        outbox.make(QStringLiteral("#lobby"), QStringLiteral("a"), false);
    const MessageOutbox::Entry second =
        outbox.make(QStringLiteral("bob"), QStringLiteral("b"), true);
    QVERIFY(first.id != 0);
    QVERIFY(second.id > first.id);
    QCOMPARE(outbox.size(), 0); // made, not queued
    QVERIFY(outbox.push(first));
    QVERIFY(outbox.push(second));
    QCOMPARE(outbox.size(), 2);
    const QList<MessageOutbox::Entry> taken = outbox.takeAll();
    QCOMPARE(taken.size(), 2);
    QCOMPARE(taken.at(0).text, QStringLiteral("a"));
    QCOMPARE(taken.at(1).target, QStringLiteral("bob"));
    QVERIFY(taken.at(1).isAction);
    QCOMPARE(outbox.size(), 0);
    QVERIFY(outbox.takeAll().isEmpty());
}

void tst_MessageOutbox::bounded()
{
    MessageOutbox outbox;
    for (int i = 0; i < MessageOutbox::MaxSize; ++i)
        QVERIFY(outbox.push(outbox.make(QStringLiteral("#lobby"), QString::number(i), false)));
    QVERIFY(
        !outbox.push(outbox.make(QStringLiteral("#lobby"), QStringLiteral("one too many"), false)));
    QCOMPARE(outbox.size(), MessageOutbox::MaxSize);
    QCOMPARE(outbox.takeAll().constLast().text, QString::number(MessageOutbox::MaxSize - 1));
}

void tst_MessageOutbox::echoesAreTakenOnce()
{
    MessageOutbox outbox;
    outbox.expectEcho(QStringLiteral("#lobby"), QStringLiteral("hello"));
    outbox.expectEcho(QStringLiteral("#lobby"), QStringLiteral("hello"));
    QVERIFY(!outbox.takeEcho(QStringLiteral("#other"), QStringLiteral("hello")));
    QVERIFY(!outbox.takeEcho(QStringLiteral("#lobby"), QStringLiteral("Hello")));
    QVERIFY(outbox.takeEcho(QStringLiteral("#lobby"), QStringLiteral("hello")));
    QVERIFY(outbox.takeEcho(QStringLiteral("#lobby"), QStringLiteral("hello")));
    QVERIFY(!outbox.takeEcho(QStringLiteral("#lobby"), QStringLiteral("hello")));
    outbox.expectEcho(QStringLiteral("#lobby"), QStringLiteral("again"));
    outbox.clearEchoes();
    QVERIFY(!outbox.takeEcho(QStringLiteral("#lobby"), QStringLiteral("again")));
}

QTEST_GUILESS_MAIN(tst_MessageOutbox)
#include "tst_messageoutbox.moc"
