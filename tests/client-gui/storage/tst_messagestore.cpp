// MessageStore against real SQLite files in a temporary directory: kept once, the newest of a
// conversation in order, full-text search in any script (FTS5 trigram, LIKE under three
// characters), hostile search text, a file that is not a database, the size limits (the oldest
// go, the search index follows) and the list of stored conversations.
#include "storage/messagestore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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
    void oldestGoBeyondTheLimitPerConversation();
    void oldestGoBeyondTheTotalLimit();
    void lowerLimitPrunesWhenReopened();
    void listsStoredConversationsNewestFirst();

private:
    static StoredMessage message(const QString& conversation, qint64 secs, const QString& text,
                                 const QString& msgid = {});
    QList<StoredMessage> latest(const QString& conversation, int limit = MessageStore::LatestLimit);
    QList<StoredMessage> search(const QString& text, const QString& conversation = {});
    QList<StoredConversation> conversations();
    // Closes the store and checks the file with a connection of its own: the FTS5 index agrees
    // with the table (integrity-check), and the number of messages.
    static bool indexIsConsistent(const QString& path, int* messages);
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

QList<StoredConversation> tst_MessageStore::conversations()
{
    QSignalSpy loaded(m_store.get(), &MessageStore::conversationsLoaded);
    const int id = m_store->loadConversations();
    if (!loaded.wait(5000) || loaded.first().first().toInt() != id)
        return {};
    return loaded.first().at(1).value<QList<StoredConversation>>();
}

bool tst_MessageStore::indexIsConsistent(const QString& path, int* messages)
{
    const QString name = QStringLiteral("tst_messagestore-check");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            // Raises an error when the index and the table differ.
            ok = query.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts, rank)"
                                           " VALUES ('integrity-check', 1)"));
            if (!ok)
                qWarning() << "integrity-check:" << query.lastError().text();
            ok = ok && query.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && query.next();
            *messages = ok ? query.value(0).toInt() : -1;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
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

void tst_MessageStore::oldestGoBeyondTheLimitPerConversation()
{
    m_store->setLimits(10, 1000);
    QList<StoredMessage> lobby;
    for (int i = 1; i <= 25; ++i)
        lobby.append(message("#lobby", i, QStringLiteral("lobby line %1").arg(i)));
    m_store->append(lobby.mid(0, 12)); // over in one write
    for (int i = 12; i < 25; ++i)
        m_store->append({lobby.at(i)}); // and line by line, as they come
    m_store->append({message("bob", 1, "private line 1"), message("bob", 2, "private line 2")});

    const QList<StoredMessage> kept = latest("#lobby", 100);
    QCOMPARE(kept.size(), 10);
    QCOMPARE(kept.first().text, QStringLiteral("lobby line 16"));
    QCOMPARE(kept.last().text, QStringLiteral("lobby line 25"));
    QCOMPARE(latest("bob").size(), 2); // another conversation keeps its own
    // The index follows: a deleted line is not found, a kept one is.
    QVERIFY(search("lobby line 15").isEmpty());
    QCOMPARE(search("lobby line 16").size(), 1);
    QCOMPARE(search("lobby line").size(), 10);

    m_store.reset();
    int messages = 0;
    QVERIFY(indexIsConsistent(m_dir->filePath(QStringLiteral("test.sqlite")), &messages));
    QCOMPARE(messages, 12);
}

void tst_MessageStore::oldestGoBeyondTheTotalLimit()
{
    m_store->setLimits(1000, 20);
    for (int i = 1; i <= 15; ++i) {
        m_store->append({message("#lobby", 2 * i, QStringLiteral("room %1").arg(i)),
                         message("bob", 2 * i + 1, QStringLiteral("person %1").arg(i))});
    }
    // The 30 messages alternate between the two: the oldest 10 of all went, 5 of each.
    QList<StoredMessage> room = latest("#lobby");
    QCOMPARE(room.size(), 10);
    QCOMPARE(room.first().text, QStringLiteral("room 6"));
    QCOMPARE(latest("bob").size(), 10);
    QVERIFY(search("person 5").isEmpty());
    QCOMPARE(search("person 6").size(), 1);

    m_store.reset();
    int messages = 0;
    QVERIFY(indexIsConsistent(m_dir->filePath(QStringLiteral("test.sqlite")), &messages));
    QCOMPARE(messages, 20);
}

void tst_MessageStore::lowerLimitPrunesWhenReopened()
{
    QList<StoredMessage> lobby;
    for (int i = 1; i <= 30; ++i)
        lobby.append(message("#lobby", i, QStringLiteral("line %1").arg(i)));
    m_store->append(lobby);
    QCOMPARE(latest("#lobby").size(), 30); // the default limits keep them all
    m_store.reset();

    // A lower limit from the settings: applied when the database opens, before any write.
    m_store = std::make_unique<MessageStore>();
    m_store->setLimits(8, 0);
    QSignalSpy opened(m_store.get(), &MessageStore::opened);
    m_store->open(m_dir->filePath(QStringLiteral("test.sqlite")));
    QVERIFY(opened.wait(5000));
    const QList<StoredMessage> kept = latest("#lobby");
    QCOMPARE(kept.size(), 8);
    QCOMPARE(kept.first().text, QStringLiteral("line 23"));
    QVERIFY(search("line 22").isEmpty());
}

void tst_MessageStore::listsStoredConversationsNewestFirst()
{
    QVERIFY(conversations().isEmpty());
    m_store->append({message("#lobby", 5, "room, newest", "r-5"), message("#lobby", 1, "room"),
                     message("Bob", 9, "private, newest", "b-9"), message("bob", 3, "private"),
                     message("#quiet", 2, "quiet room")});
    const QList<StoredConversation> stored = conversations();
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(0).name, QStringLiteral("Bob")); // as first named
    QCOMPARE(stored.at(0).newestMsgid, QStringLiteral("b-9"));
    QCOMPARE(stored.at(0).newestTime, message("bob", 9, {}).time);
    QCOMPARE(stored.at(1).name, QStringLiteral("#lobby"));
    QCOMPARE(stored.at(1).newestMsgid, QStringLiteral("r-5"));
    QCOMPARE(stored.at(2).name, QStringLiteral("#quiet"));
    QVERIFY(stored.at(2).newestMsgid.isEmpty());
}

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
