// AccountAdmin: `confabd account ...` on a real database, with the password reader replaced.
#include "auth/accountadmin.h"
#include "auth/passwordhash.h"
#include "auth/sqlaccountstore.h"
#include "irccasemapping.h"
#include "storage/database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

class tst_AccountAdmin : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void usageErrors_data();
    void usageErrors();
    void addListDelete();
    void addRefusesBadInput_data();
    void addRefusesBadInput();
    void passwordChange();
    void certificates();
    void passwordHash();

private:
    int run(const QStringList& arguments, const QString& password = QStringLiteral("password1"));
    std::optional<AccountRecord> find(const QString& folded);

    std::unique_ptr<QTemporaryDir> m_dir;
    ServerConfig m_config;
    QString m_out;
    QString m_err;
};

void tst_AccountAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_config = ServerConfig();
    m_config.dataDir = m_dir->filePath(QStringLiteral("data"));
    m_config.scramIterations = 4096;
}

void tst_AccountAdmin::cleanup()
{
    m_dir.reset();
}

int tst_AccountAdmin::run(const QStringList& arguments, const QString& password)
{
    m_out.clear();
    m_err.clear();
    QTextStream out(&m_out);
    QTextStream err(&m_err);
    AccountAdmin admin(m_config, out, err, [password](const QString&) { return password; });
    return admin.run(arguments);
}

std::optional<AccountRecord> tst_AccountAdmin::find(const QString& folded)
{
    SqlAccountStore store(QStringLiteral("check"));
    if (!store.open(m_config.dataDir + u'/' + Database::fileName()))
        return std::nullopt;
    return store.find(folded);
}

void tst_AccountAdmin::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("unknown") << QStringList{"frobnicate"};
    QTest::newRow("add without name") << QStringList{"add"};
    QTest::newRow("list with extra") << QStringList{"list", "x"};
    QTest::newRow("cert-add short") << QStringList{"cert-add", "alice"};
}

void tst_AccountAdmin::usageErrors()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(run(arguments), 2);
    QVERIFY(m_err.contains(QStringLiteral("Usage:")));
}

void tst_AccountAdmin::addListDelete()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("Alice")}, QStringLiteral("wonderland")),
             0);
    QVERIFY(m_out.contains(QStringLiteral("Alice")));
    const std::optional<AccountRecord> alice = find(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(alice->credentials.matches(QStringLiteral("wonderland")));
    QCOMPARE(alice->credentials.iterations(), 4096);
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("ALICE")}), 1); // exists
    QVERIFY(m_err.contains(QStringLiteral("exists")));
    QCOMPARE(run({QStringLiteral("list")}), 0);
    QVERIFY(m_out.contains(QStringLiteral("Alice  created")));
    QVERIFY(m_out.contains(QStringLiteral("never")));
    QCOMPARE(run({QStringLiteral("del"), QStringLiteral("alice")}), 0);
    QVERIFY(!find(QStringLiteral("alice")));
    QCOMPARE(run({QStringLiteral("del"), QStringLiteral("alice")}), 1);
}

void tst_AccountAdmin::addRefusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::newRow("bad name") << "9lives"
                              << "password1";
    QTest::newRow("space in name") << "a b"
                                   << "password1";
    QTest::newRow("short password") << "alice"
                                    << "short";
    QTest::newRow("no password") << "alice" << QString();
    QTest::newRow("long password") << "alice" << QString(301, u'x');
}

void tst_AccountAdmin::addRefusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QCOMPARE(run({QStringLiteral("add"), name}, password), 1);
    QVERIFY(!m_err.isEmpty());
    QVERIFY(!find(IrcCaseMapping().fold(name)));
}

void tst_AccountAdmin::passwordChange()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("bob")}, QStringLiteral("first-pass")), 0);
    QCOMPARE(run({QStringLiteral("passwd"), QStringLiteral("BOB")}, QStringLiteral("second-pass")),
             0);
    QVERIFY(find(QStringLiteral("bob"))->credentials.matches(QStringLiteral("second-pass")));
    QCOMPARE(run({QStringLiteral("passwd"), QStringLiteral("nobody")}), 1);
}

void tst_AccountAdmin::certificates()
{
    QCOMPARE(run({QStringLiteral("add"), QStringLiteral("carol")}), 0);
    const QString colons =
        QStringLiteral("AB:CD:") + QStringLiteral("EF:").repeated(29) + QStringLiteral("01");
    QCOMPARE(run({QStringLiteral("cert-add"), QStringLiteral("carol"), colons}), 0);
    const QString hex = colons.toLower().remove(u':');
    QCOMPARE(find(QStringLiteral("carol"))->certificates, QStringList{hex});
    QCOMPARE(run({QStringLiteral("cert-add"), QStringLiteral("carol"), QStringLiteral("xyz")}), 1);
    QCOMPARE(run({QStringLiteral("cert-add"), QStringLiteral("nobody"), hex}), 1);
    QCOMPARE(run({QStringLiteral("list")}), 0);
    QVERIFY(m_out.contains(QStringLiteral("certificates 1")));
    QCOMPARE(run({QStringLiteral("cert-del"), hex}), 0);
    QVERIFY(find(QStringLiteral("carol"))->certificates.isEmpty());
    QCOMPARE(run({QStringLiteral("cert-del"), hex}), 1);
}

void tst_AccountAdmin::passwordHash()
{
    // `confabd mkpasswd`: the hash on standard output, nothing stored, the rules of passwords.
    m_out.clear();
    m_err.clear();
    QTextStream out(&m_out);
    QTextStream err(&m_err);
    AccountAdmin admin(m_config, out, err,
                       [](const QString&) { return QStringLiteral("oper-pass"); });
    QCOMPARE(admin.makePasswordHash(), 0);
    const QString hash = m_out.trimmed();
    QVERIFY2(hash.startsWith(QLatin1String("SCRAM-SHA-256$4096:")), qPrintable(hash));
    QVERIFY(!hash.contains(QLatin1String("oper-pass")));
    QVERIFY(PasswordHash::parse(hash).matches(QStringLiteral("oper-pass")));
    QVERIFY(!QFile::exists(m_config.dataDir));
    AccountAdmin shortPassword(m_config, out, err,
                               [](const QString&) { return QStringLiteral("x"); });
    m_out.clear();
    QCOMPARE(shortPassword.makePasswordHash(), 1);
    QVERIFY(m_out.isEmpty());
    QVERIFY(!m_err.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AccountAdmin)
#include "tst_accountadmin.moc"
