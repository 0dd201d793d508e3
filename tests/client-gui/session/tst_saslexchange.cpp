// SaslExchange without a socket: the mechanism chosen, and the AUTHENTICATE lines of an exchange
// (base64 in 400-byte pieces, "+" for empty, the server's pieces put together, bounds).
#include "session/saslexchange.h"

#include <QTest>

class tst_SaslExchange : public QObject
{
    Q_OBJECT

private slots:
    void choosesMechanism_data();
    void choosesMechanism();
    void plainSendsOneLine();
    void longCredentialsAreCutIn400BytePieces();
    void exactly400BytesEndWithAPlus();
    void scramFirstMessageAndServerPiecesReassembled();
    void oversizedServerMessageAborts();
    void badServerMessageAborts();

private:
    static QStringList payloads(const QList<IrcMessage>& lines);
};

QStringList tst_SaslExchange::payloads(const QList<IrcMessage>& lines)
{
    QStringList result;
    for (const IrcMessage& line : lines) {
        if (line.command() != QLatin1String("AUTHENTICATE"))
            qFatal("not an AUTHENTICATE line");
        result.append(line.param(0));
    }
    return result;
}

void tst_SaslExchange::choosesMechanism_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("plainAllowed");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("scram preferred") << QStringList{"PLAIN", "SCRAM-SHA-256"} << true
                                     << "SCRAM-SHA-256";
    QTest::newRow("not said: scram tried") << QStringList{} << false << "SCRAM-SHA-256";
    QTest::newRow("plain over tls") << QStringList{"PLAIN", "EXTERNAL"} << true << "PLAIN";
    QTest::newRow("plain in clear: none") << QStringList{"PLAIN"} << false << "";
    QTest::newRow("only external: none") << QStringList{"EXTERNAL"} << true << "";
}

void tst_SaslExchange::choosesMechanism()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, plainAllowed);
    QFETCH(QString, chosen);
    QCOMPARE(SaslExchange::chooseMechanism(offered, plainAllowed), chosen);
}

void tst_SaslExchange::plainSendsOneLine()
{
    SaslExchange exchange(QStringLiteral("alice"), QStringLiteral("secret"));
    const IrcMessage start = exchange.start(QStringLiteral("PLAIN"));
    QCOMPARE(start.command(), QStringLiteral("AUTHENTICATE"));
    QCOMPARE(start.param(0), QStringLiteral("PLAIN"));
    const QStringList answer = payloads(exchange.handle(QStringLiteral("+")));
    QCOMPARE(answer.size(), 1);
    QCOMPARE(QByteArray::fromBase64(answer.first().toLatin1()), QByteArray("\0alice\0secret", 13));
    QVERIFY(!exchange.failed());
}

void tst_SaslExchange::longCredentialsAreCutIn400BytePieces()
{
    const QString password(400, QLatin1Char('p'));
    SaslExchange exchange(QStringLiteral("alice"), password);
    exchange.start(QStringLiteral("PLAIN"));
    const QStringList answer = payloads(exchange.handle(QStringLiteral("+")));
    QCOMPARE(answer.size(), 2);
    QCOMPARE(answer.at(0).size(), SaslExchange::ChunkBytes);
    QVERIFY(answer.at(1).size() < SaslExchange::ChunkBytes);
    const QByteArray decoded = QByteArray::fromBase64((answer.at(0) + answer.at(1)).toLatin1());
    QCOMPARE(decoded, QByteArray("\0alice\0", 7) + password.toLatin1());
}

void tst_SaslExchange::exactly400BytesEndWithAPlus()
{
    // "\0a\0" + 297 bytes = 300 bytes = exactly 400 bytes of base64.
    const QString password(297, QLatin1Char('x'));
    SaslExchange exchange(QStringLiteral("a"), password);
    exchange.start(QStringLiteral("PLAIN"));
    const QStringList answer = payloads(exchange.handle(QStringLiteral("+")));
    QCOMPARE(answer.size(), 2);
    QCOMPARE(answer.at(0).size(), 400);
    QCOMPARE(answer.at(1), QStringLiteral("+"));
}

void tst_SaslExchange::scramFirstMessageAndServerPiecesReassembled()
{
    SaslExchange exchange(QStringLiteral("alice"), QStringLiteral("secret"));
    exchange.start(QStringLiteral("SCRAM-SHA-256"));
    const QStringList first = payloads(exchange.handle(QStringLiteral("+")));
    QCOMPARE(first.size(), 1);
    const QByteArray clientFirst = QByteArray::fromBase64(first.first().toLatin1());
    QVERIFY2(clientFirst.startsWith("n,,n=alice,r="), clientFirst.constData());

    // A server-first message in two pieces: nothing is answered until the short last piece.
    const QByteArray nonce = clientFirst.mid(clientFirst.indexOf("r=") + 2);
    const QByteArray serverFirst = "r=" + nonce + QByteArray(300, 'N') +
                                   ",s=" + QByteArray("saltsalt").toBase64() + ",i=4096";
    const QByteArray encoded = serverFirst.toBase64();
    QVERIFY(encoded.size() > 400);
    QVERIFY(exchange.handle(QString::fromLatin1(encoded.left(400))).isEmpty());
    const QStringList proof = payloads(exchange.handle(QString::fromLatin1(encoded.mid(400))));
    QCOMPARE(proof.size(), 2); // the long nonce makes the answer two pieces too
    QCOMPARE(proof.first().size(), SaslExchange::ChunkBytes);
    const QByteArray clientFinal = QByteArray::fromBase64(proof.join(QString()).toLatin1());
    QVERIFY2(clientFinal.startsWith("c=biws,r=" + nonce), clientFinal.constData());
    QVERIFY(clientFinal.contains(",p="));
    QVERIFY(!exchange.failed());

    // A server signature that does not verify: the exchange is abandoned.
    const QStringList end = payloads(
        exchange.handle(QString::fromLatin1(QByteArray("v=AAAA").toBase64())));
    QCOMPARE(end, QStringList{QStringLiteral("*")});
    QVERIFY(exchange.failed());
}

void tst_SaslExchange::oversizedServerMessageAborts()
{
    SaslExchange exchange(QStringLiteral("alice"), QStringLiteral("secret"));
    exchange.start(QStringLiteral("SCRAM-SHA-256"));
    exchange.handle(QStringLiteral("+"));
    const QString piece(SaslExchange::ChunkBytes, QLatin1Char('A'));
    QList<IrcMessage> answer;
    int pieces = 0;
    while (answer.isEmpty() && pieces < 1000) {
        answer = exchange.handle(piece);
        ++pieces;
    }
    QCOMPARE(payloads(answer), QStringList{QStringLiteral("*")});
    QVERIFY(exchange.failed());
    QVERIFY(pieces * SaslExchange::ChunkBytes > SaslExchange::MaxServerMessageBytes);
    QVERIFY(exchange.handle(QStringLiteral("+")).isEmpty()); // nothing after giving up
}

void tst_SaslExchange::badServerMessageAborts()
{
    SaslExchange exchange(QStringLiteral("alice"), QStringLiteral("secret"));
    exchange.start(QStringLiteral("SCRAM-SHA-256"));
    exchange.handle(QStringLiteral("+"));
    // A server-first without the client's nonce.
    const QStringList answer = payloads(exchange.handle(
        QString::fromLatin1(QByteArray("r=other,s=c2FsdA==,i=4096").toBase64())));
    QCOMPARE(answer, QStringList{QStringLiteral("*")});
    QVERIFY(exchange.failed());
}

QTEST_GUILESS_MAIN(tst_SaslExchange)
#include "tst_saslexchange.moc"
