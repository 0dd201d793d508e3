// PasswordHash: the text form of operator passwords in the config file (PostgreSQL's SCRAM
// secret format), written and read back, and refused when it is anything else.
#include "auth/passwordhash.h"

#include <QTest>

namespace {

// RFC 7677's example: password "pencil", 4096 rounds, its salt (keys from tst_scramcredentials).
const QString Pencil = QStringLiteral(
    "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
    "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");

} // namespace

class tst_PasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer();
    void roundTrip();
    void invalid_data();
    void invalid();
};

void tst_PasswordHash::knownAnswer()
{
    const ScramCredentials credentials = ScramCredentials::derive(
        QStringLiteral("pencil"), 4096, QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    QCOMPARE(PasswordHash::format(credentials), Pencil);
    const ScramCredentials parsed = PasswordHash::parse(Pencil);
    QVERIFY(parsed.isValid());
    QVERIFY(parsed.matches(QStringLiteral("pencil")));
    QVERIFY(!parsed.matches(QStringLiteral("pencil2")));
}

void tst_PasswordHash::roundTrip()
{
    const ScramCredentials credentials =
        ScramCredentials::derive(QStringLiteral("correct horse"), 4096);
    const QString text = PasswordHash::format(credentials);
    QVERIFY(text.startsWith(QLatin1String("SCRAM-SHA-256$4096:")));
    QVERIFY(!text.contains(QLatin1String("correct horse")));
    const ScramCredentials parsed = PasswordHash::parse(text);
    QCOMPARE(parsed.salt(), credentials.salt());
    QCOMPARE(parsed.storedKey(), credentials.storedKey());
    QCOMPARE(parsed.serverKey(), credentials.serverKey());
    QCOMPARE(parsed.iterations(), 4096);
    QVERIFY(PasswordHash::format(ScramCredentials()).isEmpty());
}

void tst_PasswordHash::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("clear text") << QStringLiteral("pencil");
    QTest::newRow("other scheme") << QString(Pencil).replace(QLatin1String("SHA-256"),
                                                             QLatin1String("SHA-1"));
    QTest::newRow("no iterations")
        << QString(Pencil).replace(QLatin1String("4096:"), QLatin1String(":"));
    QTest::newRow("zero iterations")
        << QString(Pencil).replace(QLatin1String("4096"), QLatin1String("0"));
    QTest::newRow("negative iterations")
        << QString(Pencil).replace(QLatin1String("4096"), QLatin1String("-4096"));
    QTest::newRow("bad base64") << QString(Pencil).replace(u'W', u'!');
    QTest::newRow("short key") << Pencil.left(Pencil.size() - 8) + QStringLiteral("=");
    QTest::newRow("one key") << Pencil.left(Pencil.lastIndexOf(u':'));
    QTest::newRow("extra part") << Pencil + QStringLiteral("$x");
}

void tst_PasswordHash::invalid()
{
    QFETCH(QString, text);
    QVERIFY(!PasswordHash::parse(text).isValid());
}

QTEST_GUILESS_MAIN(tst_PasswordHash)
#include "tst_passwordhash.moc"
