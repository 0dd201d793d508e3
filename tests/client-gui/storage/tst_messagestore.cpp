// MessageStore against real SQLite files in a temporary directory: kept once, the newest of a
// conversation in order, full-text search in any script (FTS5 trigram, LIKE under three
// characters), hostile search text, a file that is not a database.
#include "storage/messagestore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_MessageStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepsEachMessageOnce();
    void latestOfAConversationOldestFirst();
    void searchesInAnyScript_data();
    void searchesInAnyScript();
    void searchesOneConversationOrAll();
    void hostileSearchTextIsJustText();
    void keptAcrossReopening();
    void notADatabaseIsReported();

private:
    static StoredMessage message(const QString& conversation, qint64 secs, const QString& text,
                                 const QString& msgid = {});
    QList<StoredMessage> latest(const QString& conversation, int limit = MessageStore::LatestLimit);
    QList<StoredMessage> search(const QString& text, const QString& conversation = {});
    void openStore(const QString& name = QStringLiteral("test.sqlite"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MessageStore> m_store;
};

StoredMessage tst_MessageStore::message(const QString& conversation, qint64 secs,
                                        const QString& text, const QString& msgid)
{
    StoredMessage message;
    message.conversation = conversation;
    message.time = QDateTime::fromSecsSinceEpoch(1'800'000'000 + secs, Qt::UTC);
    message.sender = QStringLiteral("bob");
    message.text = text;
    message.msgid = msgid;
    return message;
}

void tst_MessageStore::openStore(const QString& name)
{
    m_store = std::make_unique<MessageStore>();
    QSignalSpy opened(m_store.get(), &MessageStore::opened);
    m_store->open(m_dir->filePath(name));
    QVERIFY(opened.wait(5000));
    QVERIFY(opened.first().at(1).toBool());
}

void tst_MessageStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    openStore();
}

void tst_MessageStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QList<StoredMessage> tst_MessageStore::latest(const QString& conversation, int limit)
{
    QSignalSpy loaded(m_store.get(), &MessageStore::latestLoaded);
    const int id = m_store->loadLatest(conversation, limit);
    if (!loaded.wait(5000) || loaded.first().first().toInt() != id)
        return {};
    return loaded.first().at(2).value<QList<StoredMessage>>();
}

QList<StoredMessage> tst_MessageStore::search(const QString& text, const QString& conversation)
{
    QSignalSpy finished(m_store.get(), &MessageStore::searchFinished);
    const int id = m_store->search(text, conversation);
    if (!finished.wait(5000) || finished.first().first().toInt() != id)
        return {};
    return finished.first().at(2).value<QList<StoredMessage>>();
}

void tst_MessageStore::keepsEachMessageOnce()
{
    m_store->append({message("#lobby", 1, "hello", "id-1"), message("#lobby", 2, "again")});
    // The same again (a reconnect's history, a second window): by msgid, or by the whole line.
    m_store->append({message("#lobby", 1, "hello", "id-1"), message("#lobby", 2, "again"),
                     message("#LOBBY", 1, "hello (edited?)", "id-1")});
    const QList<StoredMessage> stored = latest("#lobby");
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).text, QStringLiteral("hello"));
    QCOMPARE(stored.at(0).msgid, QStringLiteral("id-1"));
    QCOMPARE(stored.at(1).text, QStringLiteral("again"));
}

void tst_MessageStore::latestOfAConversationOldestFirst()
{
    QList<StoredMessage> batch;
    for (int i = 0; i < 300; ++i)
        batch.append(message("alice", 300 - i, QStringLiteral("line %1").arg(300 - i)));
    batch.append(message("#other", 1000, "elsewhere"));
    m_store->append(batch);
    const QList<StoredMessage> stored = latest("Alice", 50); // any case of the name
    QCOMPARE(stored.size(), 50);
    QCOMPARE(stored.first().text, QStringLiteral("line 251"));
    QCOMPARE(stored.last().text, QStringLiteral("line 300"));
    QCOMPARE(stored.last().conversation, QStringLiteral("alice"));
    QCOMPARE(stored.last().time, QDateTime::fromSecsSinceEpoch(1'800'000'300, Qt::UTC));
    QCOMPARE(latest("nobody").size(), 0);
}

void tst_MessageStore::searchesInAnyScript_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("word") << "lunch" << QStringList{"Lunch at noon?"};
    QTest::newRow("inside a word") << "unc" << QStringList{"Lunch at noon?"};
    QTest::newRow("chinese, three") << "吃午饭" << QStringList{"我们去吃午饭吧"};
    QTest::newRow("chinese, two (like)") << "午饭" << QStringList{"我们去吃午饭吧"};
    QTest::newRow("one letter (like)") << "?" << QStringList{"Lunch at noon?"};
    QTest::newRow("nothing") << "dinner" << QStringList{};
    QTest::newRow("blank") << "   " << QStringList{};
}

void tst_MessageStore::searchesInAnyScript()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    m_store->append({message("#lobby", 1, "Lunch at noon?"), message("小明", 2, "我们去吃午饭吧"),
                     message("#lobby", 3, "sure")});
    QStringList texts;
    for (const StoredMessage& result : search(query))
        texts.append(result.text);
    QCOMPARE(texts, found);
}

void tst_MessageStore::searchesOneConversationOrAll()
{
    m_store->append({message("#lobby", 1, "release notes"), message("alice", 2, "the release"),
                     message("#lobby", 3, "release day")});
    const QList<StoredMessage> all = search("release");
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().text, QStringLiteral("release day")); // newest first
    const QList<StoredMessage> one = search("release", "#Lobby");
    QCOMPARE(one.size(), 2);
    for (const StoredMessage& result : one)
        QCOMPARE(result.conversation, QStringLiteral("#lobby"));
}

void tst_MessageStore::hostileSearchTextIsJustText()
{
    m_store->append({message("#lobby", 1, "say \"hi\" OR NOT x*"), message("#lobby", 2, "100%_done")});
    QCOMPARE(search("\"hi\" OR").size(), 1);
    QCOMPARE(search("NOT x*").size(), 1);
    QCOMPARE(search("\"").size(), 1);   // an unbalanced quote
    QCOMPARE(search("%_").size(), 1);     // LIKE's wildcards are plain characters
    QCOMPARE(search("%").size(), 1);
    QCOMPARE(search("*)(").size(), 0);
    QCOMPARE(search(QString(5000, QLatin1Char('x'))).size(), 0); // cut, answered
}

void tst_MessageStore::keptAcrossReopening()
{
    m_store->append({message("#lobby", 1, "persisted", "p-1")});
    QCOMPARE(latest("#lobby").size(), 1); // written before the answer
    m_store.reset();
    openStore();
    const QList<StoredMessage> stored = latest("#lobby");
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().msgid, QStringLiteral("p-1"));
    QCOMPARE(search("persist").size(), 1);
}

void tst_MessageStore::notADatabaseIsReported()
{
    QFile junk(m_dir->filePath(QStringLiteral("junk.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'j'));
    junk.close();
    MessageStore store;
    QSignalSpy opened(&store, &MessageStore::opened);
    store.open(junk.fileName());
    QVERIFY(opened.wait(5000));
    QVERIFY(!opened.first().at(1).toBool());
    // Used anyway: answered, empty, no crash.
    QSignalSpy finished(&store, &MessageStore::searchFinished);
    store.append({message("#lobby", 1, "lost")});
    store.search(QStringLiteral("lost"));
    QVERIFY(finished.wait(5000));
    QVERIFY(finished.first().at(2).value<QList<StoredMessage>>().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
