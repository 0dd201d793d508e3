// SqlAccountStore against a real database: accounts, credentials, certificates, the server
// secret, and the change counter another connection (another process, another node) sees.
// Built twice: tst_sqliteaccountstore on an SQLite file, tst_postgresaccountstore
// (CONFAB_TEST_POSTGRES) on a real PostgreSQL server, a new database for each test.
#include "auth/sqlaccountstore.h"

#ifdef CONFAB_TEST_POSTGRES
#include "postgresfixture.h"
#endif

#include <QTemporaryDir>
#include <QTest>

class tst_SqlAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createAndFind();
    void nameIsUniqueFolded();
    void credentialsChange();
    void removeAndList();
    void certificates();
    void lastLogin();
    void serverSecretIsStable();
    void otherConnectionSeesChanges();
#ifdef CONFAB_TEST_POSTGRES
    void reconnectsAfterTheConnectionIsLost();
#endif

private:
    ScramCredentials credentials(const QString& password) const
    {
        return ScramCredentials::derive(password, 4096);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    DatabaseLocation m_location;
    std::unique_ptr<SqlAccountStore> m_store;
#ifdef CONFAB_TEST_POSTGRES
    PostgresFixture m_postgres;
#endif
};

void tst_SqlAccountStore::initTestCase()
{
#ifdef CONFAB_TEST_POSTGRES
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
#endif
}

void tst_SqlAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
#ifdef CONFAB_TEST_POSTGRES
    const QString url = m_postgres.createDatabase(QStringLiteral("accounts"));
    QVERIFY2(!url.isEmpty(), qPrintable(m_postgres.errorString()));
    m_location = DatabaseLocation::fromUrl(url);
#else
    m_location = DatabaseLocation::sqlite(m_dir->filePath(QStringLiteral("accounts.sqlite")));
#endif
    m_store = std::make_unique<SqlAccountStore>(QStringLiteral("test"));
    QVERIFY2(m_store->open(m_location), qPrintable(m_store->errorString()));
}

void tst_SqlAccountStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_SqlAccountStore::createAndFind()
{
    const ScramCredentials alice = credentials(QStringLiteral("wonderland"));
    QCOMPARE(m_store->create(QStringLiteral("Alice"), QStringLiteral("alice"), alice, 100),
             AccountStore::Result::Ok);
    const std::optional<AccountRecord> found = m_store->find(QStringLiteral("alice"));
    QVERIFY(found);
    QCOMPARE(found->name, QStringLiteral("Alice"));
    QCOMPARE(found->createdSecs, 100);
    QCOMPARE(found->credentials.salt(), alice.salt());
    QCOMPARE(found->credentials.storedKey(), alice.storedKey());
    QCOMPARE(found->credentials.serverKey(), alice.serverKey());
    QCOMPARE(found->credentials.iterations(), 4096);
    QVERIFY(found->credentials.matches(QStringLiteral("wonderland")));
    QVERIFY(!m_store->find(QStringLiteral("bob")));
}

void tst_SqlAccountStore::nameIsUniqueFolded()
{
    QCOMPARE(m_store->create(QStringLiteral("Alice"), QStringLiteral("alice"),
                             credentials(QStringLiteral("one-password")), 1),
             AccountStore::Result::Ok);
    QCOMPARE(m_store->create(QStringLiteral("ALICE"), QStringLiteral("alice"),
                             credentials(QStringLiteral("two-password")), 2),
             AccountStore::Result::Exists);
    const std::optional<AccountRecord> found = m_store->find(QStringLiteral("alice"));
    QVERIFY(found->credentials.matches(QStringLiteral("one-password")));
}

void tst_SqlAccountStore::credentialsChange()
{
    m_store->create(QStringLiteral("bob"), QStringLiteral("bob"),
                    credentials(QStringLiteral("old-password")), 1);
    QCOMPARE(
        m_store->setCredentials(QStringLiteral("bob"), credentials(QStringLiteral("new-password"))),
        AccountStore::Result::Ok);
    QVERIFY(
        m_store->find(QStringLiteral("bob"))->credentials.matches(QStringLiteral("new-password")));
    QVERIFY(
        !m_store->find(QStringLiteral("bob"))->credentials.matches(QStringLiteral("old-password")));
    QCOMPARE(m_store->setCredentials(QStringLiteral("nobody"),
                                     credentials(QStringLiteral("x-password"))),
             AccountStore::Result::NotFound);
}

void tst_SqlAccountStore::removeAndList()
{
    for (const char* name : {"carol", "alice", "bob"})
        m_store->create(QLatin1String(name), QLatin1String(name),
                        credentials(QStringLiteral("password")), 1);
    QList<AccountRecord> all = m_store->list();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().name, QStringLiteral("alice")); // by folded name
    QCOMPARE(m_store->foldedNames()->size(), 3);
    QCOMPARE(m_store->remove(QStringLiteral("bob")), AccountStore::Result::Ok);
    QCOMPARE(m_store->remove(QStringLiteral("bob")), AccountStore::Result::NotFound);
    QCOMPARE(m_store->list().size(), 2);
    QVERIFY(!m_store->foldedNames()->contains(QStringLiteral("bob")));
}

void tst_SqlAccountStore::certificates()
{
    const QString fingerprint(64, u'a');
    m_store->create(QStringLiteral("dave"), QStringLiteral("dave"),
                    credentials(QStringLiteral("password")), 1);
    QCOMPARE(m_store->addCertificate(QStringLiteral("dave"), fingerprint, 5),
             AccountStore::Result::Ok);
    QCOMPARE(m_store->addCertificate(QStringLiteral("dave"), fingerprint, 6),
             AccountStore::Result::Exists);
    QCOMPARE(m_store->addCertificate(QStringLiteral("nobody"), QString(64, u'b'), 6),
             AccountStore::Result::NotFound);
    QCOMPARE(m_store->accountForCertificate(fingerprint),
             std::optional<QString>(QStringLiteral("dave")));
    QCOMPARE(m_store->find(QStringLiteral("dave"))->certificates, QStringList{fingerprint});
    // Deleting the account deletes its certificates (foreign key cascade).
    QCOMPARE(m_store->remove(QStringLiteral("dave")), AccountStore::Result::Ok);
    QVERIFY(!m_store->accountForCertificate(fingerprint));
    QCOMPARE(m_store->removeCertificate(fingerprint), AccountStore::Result::NotFound);
}

void tst_SqlAccountStore::lastLogin()
{
    m_store->create(QStringLiteral("erin"), QStringLiteral("erin"),
                    credentials(QStringLiteral("password")), 1);
    QCOMPARE(m_store->find(QStringLiteral("erin"))->lastLoginSecs, 0);
    QCOMPARE(m_store->recordLogin(QStringLiteral("erin"), 777), AccountStore::Result::Ok);
    QCOMPARE(m_store->find(QStringLiteral("erin"))->lastLoginSecs, 777);
}

void tst_SqlAccountStore::serverSecretIsStable()
{
    const QByteArray secret = m_store->serverSecret();
    QCOMPARE(secret.size(), 32);
    QCOMPARE(m_store->serverSecret(), secret);
    SqlAccountStore other(QStringLiteral("other"));
    QVERIFY2(other.open(m_location), qPrintable(other.errorString()));
    QCOMPARE(other.serverSecret(), secret);
}

void tst_SqlAccountStore::otherConnectionSeesChanges()
{
    SqlAccountStore other(QStringLiteral("other"));
    QVERIFY2(other.open(m_location), qPrintable(other.errorString()));
    const qint64 before = other.changeCounter();
    QCOMPARE(other.changeCounter(), before); // nothing changed
    m_store->create(QStringLiteral("frank"), QStringLiteral("frank"),
                    credentials(QStringLiteral("password")), 1);
    const qint64 created = other.changeCounter();
    QVERIFY(created != before);
    QVERIFY(other.find(QStringLiteral("frank")));
#ifdef CONFAB_TEST_POSTGRES
    // A login is no change to the accounts (SQLite's data_version cannot tell them apart).
    QCOMPARE(m_store->recordLogin(QStringLiteral("frank"), 2), AccountStore::Result::Ok);
    QCOMPARE(other.changeCounter(), created);
#endif
    QCOMPARE(m_store->addCertificate(QStringLiteral("frank"), QString(64, u'a'), 3),
             AccountStore::Result::Ok);
    QVERIFY(other.changeCounter() != created);
}

#ifdef CONFAB_TEST_POSTGRES
// PostgreSQL restarted (here: the server ends the store's connection): calls fail, and nothing
// is read as "no accounts"; recoverConnection() opens a new connection and they work again.
void tst_SqlAccountStore::reconnectsAfterTheConnectionIsLost()
{
    QCOMPARE(m_store->create(QStringLiteral("grace"), QStringLiteral("grace"),
                             credentials(QStringLiteral("password")), 1),
             AccountStore::Result::Ok);
    QVERIFY(!m_store->recoverConnection()); // nothing failed
    QCOMPARE(m_postgres.dropConfabdConnections(), 1);
    QVERIFY(!m_store->foldedNames()); // unreadable, not empty
    QVERIFY(m_store->changeCounter() < 0);
    QVERIFY2(m_store->recoverConnection(), qPrintable(m_store->errorString()));
    QCOMPARE(*m_store->foldedNames(), QStringList(QStringLiteral("grace")));
    QVERIFY(m_store->find(QStringLiteral("grace")));
    QVERIFY(m_store->changeCounter() >= 0);
}
#endif

QTEST_GUILESS_MAIN(tst_SqlAccountStore)
#include "tst_sqlaccountstore.moc"
