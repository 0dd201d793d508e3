// SqliteAccountStore against a real SQLite file: accounts, credentials, certificates, the server
// secret, and the change counter another connection (another process) sees.
#include "auth/sqliteaccountstore.h"

#include <QTemporaryDir>
#include <QTest>

class tst_SqliteAccountStore : public QObject
{
    Q_OBJECT

private slots:
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

private:
    ScramCredentials credentials(const QString& password) const
    {
        return ScramCredentials::derive(password, 4096);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteAccountStore> m_store;
};

void tst_SqliteAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<SqliteAccountStore>(QStringLiteral("test"));
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("accounts.sqlite"))),
             qPrintable(m_store->errorString()));
}

void tst_SqliteAccountStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_SqliteAccountStore::createAndFind()
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

void tst_SqliteAccountStore::nameIsUniqueFolded()
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

void tst_SqliteAccountStore::credentialsChange()
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

void tst_SqliteAccountStore::removeAndList()
{
    for (const char* name : {"carol", "alice", "bob"})
        m_store->create(QLatin1String(name), QLatin1String(name),
                        credentials(QStringLiteral("password")), 1);
    QList<AccountRecord> all = m_store->list();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().name, QStringLiteral("alice")); // by folded name
    QCOMPARE(m_store->foldedNames().size(), 3);
    QCOMPARE(m_store->remove(QStringLiteral("bob")), AccountStore::Result::Ok);
    QCOMPARE(m_store->remove(QStringLiteral("bob")), AccountStore::Result::NotFound);
    QCOMPARE(m_store->list().size(), 2);
    QVERIFY(!m_store->foldedNames().contains(QStringLiteral("bob")));
}

void tst_SqliteAccountStore::certificates()
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

void tst_SqliteAccountStore::lastLogin()
{
    m_store->create(QStringLiteral("erin"), QStringLiteral("erin"),
                    credentials(QStringLiteral("password")), 1);
    QCOMPARE(m_store->find(QStringLiteral("erin"))->lastLoginSecs, 0);
    QCOMPARE(m_store->recordLogin(QStringLiteral("erin"), 777), AccountStore::Result::Ok);
    QCOMPARE(m_store->find(QStringLiteral("erin"))->lastLoginSecs, 777);
}

void tst_SqliteAccountStore::serverSecretIsStable()
{
    const QByteArray secret = m_store->serverSecret();
    QCOMPARE(secret.size(), 32);
    QCOMPARE(m_store->serverSecret(), secret);
    SqliteAccountStore other(QStringLiteral("other"));
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("accounts.sqlite"))));
    QCOMPARE(other.serverSecret(), secret);
}

void tst_SqliteAccountStore::otherConnectionSeesChanges()
{
    SqliteAccountStore other(QStringLiteral("other"));
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("accounts.sqlite"))));
    const qint64 before = other.changeCounter();
    QCOMPARE(other.changeCounter(), before); // nothing changed
    m_store->create(QStringLiteral("frank"), QStringLiteral("frank"),
                    credentials(QStringLiteral("password")), 1);
    QVERIFY(other.changeCounter() != before);
    QVERIFY(other.find(QStringLiteral("frank")));
}

QTEST_GUILESS_MAIN(tst_SqliteAccountStore)
#include "tst_sqliteaccountstore.moc"
