// ScramCredentials: SCRAM-SHA-256 keys as RFC 5802/7677 define them, checked against RFC 7677's
// example exchange and against the gsasl command line's own derivation.
#include "auth/scramcredentials.h"

#include <QMessageAuthenticationCode>
#include <QTest>

class tst_ScramCredentials : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer_data();
    void knownAnswer();
    void rfc7677ServerSignature();
    void matches_data();
    void matches();
    void freshSaltEachTime();
    void invalidInput();
};

void tst_ScramCredentials::knownAnswer_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("storedKey");
    QTest::addColumn<QByteArray>("serverKey");
    // From `gsasl --mkpasswd --mechanism SCRAM-SHA-256 --iteration-count 4096
    // --salt W22ZaJ0SNY7soEsUEjb6gQ== --password ...` (GNU SASL 2.2.0, Debian 12).
    QTest::newRow("rfc 7677 password")
        << "pencil" << QByteArray("WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=")
        << QByteArray("wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
    // SASLprep maps the soft hyphen to nothing: "I\u00ADX" and "IX" give the same keys.
    QTest::newRow("saslprep soft hyphen")
        << QString::fromUtf8("I\xc2\xadX")
        << QByteArray("jm4XkHvFe7q0xZ4vmAKJUiTKPr1F+7MXnYyksTUVeBE=")
        << QByteArray("EqXM4c5+I7lQ5vHl5Ngu2rY8DBMM1XjG0dY6GEjwLx0=");
    QTest::newRow("saslprep plain")
        << "IX" << QByteArray("jm4XkHvFe7q0xZ4vmAKJUiTKPr1F+7MXnYyksTUVeBE=")
        << QByteArray("EqXM4c5+I7lQ5vHl5Ngu2rY8DBMM1XjG0dY6GEjwLx0=");
}

void tst_ScramCredentials::knownAnswer()
{
    QFETCH(QString, password);
    QFETCH(QByteArray, storedKey);
    QFETCH(QByteArray, serverKey);
    const ScramCredentials credentials = ScramCredentials::derive(
        password, 4096, QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    QVERIFY(credentials.isValid());
    QCOMPARE(credentials.storedKey().toBase64(), storedKey);
    QCOMPARE(credentials.serverKey().toBase64(), serverKey);
    QCOMPARE(credentials.iterations(), 4096);
}

// RFC 7677 section 3: the server's final message for user "user", password "pencil" is
// v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=, HMAC(ServerKey, AuthMessage).
void tst_ScramCredentials::rfc7677ServerSignature()
{
    const ScramCredentials credentials = ScramCredentials::derive(
        QStringLiteral("pencil"), 4096, QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ=="));
    const QByteArray authMessage =
        "n=user,r=rOprNGfwEbeRWgbNEkqO,"
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    const QByteArray signature = QMessageAuthenticationCode::hash(
        authMessage, credentials.serverKey(), QCryptographicHash::Sha256);
    QCOMPARE(signature.toBase64(), QByteArray("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
}

void tst_ScramCredentials::matches_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("given");
    QTest::addColumn<bool>("expected");
    QTest::newRow("same") << "correct horse"
                          << "correct horse" << true;
    QTest::newRow("other") << "correct horse"
                           << "correct horsf" << false;
    QTest::newRow("case") << "Password1"
                          << "password1" << false;
    QTest::newRow("empty given") << "Password1"
                                 << "" << false;
    QTest::newRow("unicode") << QString::fromUtf8("密码 пароль") << QString::fromUtf8("密码 пароль")
                             << true;
}

void tst_ScramCredentials::matches()
{
    QFETCH(QString, stored);
    QFETCH(QString, given);
    QFETCH(bool, expected);
    const ScramCredentials credentials = ScramCredentials::derive(stored, 4096);
    QVERIFY(credentials.isValid());
    QCOMPARE(credentials.matches(given), expected);
}

void tst_ScramCredentials::freshSaltEachTime()
{
    const ScramCredentials a = ScramCredentials::derive(QStringLiteral("secret12"), 4096);
    const ScramCredentials b = ScramCredentials::derive(QStringLiteral("secret12"), 4096);
    QCOMPARE(a.salt().size(), ScramCredentials::SaltBytes);
    QVERIFY(a.salt() != b.salt());
    QVERIFY(a.storedKey() != b.storedKey());
    QVERIFY(a.matches(QStringLiteral("secret12")));
    QVERIFY(b.matches(QStringLiteral("secret12")));
}

void tst_ScramCredentials::invalidInput()
{
    // A prohibited character (U+0007 is a control character): SASLprep refuses it.
    QVERIFY(!ScramCredentials::derive(QStringLiteral("bell\a"), 4096).isValid());
    QVERIFY(!ScramCredentials::derive(QStringLiteral("ok password"), 0).isValid());
    QVERIFY(!ScramCredentials().matches(QString()));
    QVERIFY(!ScramCredentials().isValid());
}

QTEST_GUILESS_MAIN(tst_ScramCredentials)
#include "tst_scramcredentials.moc"
