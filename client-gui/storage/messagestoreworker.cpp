#include "storage/messagestoreworker.h"

#include "connection/clientlogging.h"
#include "storage/messagestore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>
#include <QVariant>

namespace {

constexpr int SchemaVersion = 1;

const char* const Schema[] = {
    "CREATE TABLE IF NOT EXISTS messages ("
    " id INTEGER PRIMARY KEY,"
    " conversation TEXT NOT NULL," // folded: what lookups compare
    " display TEXT NOT NULL,"      // as first named
    " time INTEGER NOT NULL,"      // ms since the epoch, UTC
    " sender TEXT NOT NULL, sender_name TEXT NOT NULL, text TEXT NOT NULL,"
    " kind INTEGER NOT NULL, is_own INTEGER NOT NULL, msgid TEXT NOT NULL,"
    " dedup TEXT NOT NULL UNIQUE)",
    "CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation, time)",
    // Trigrams: a match anywhere inside a word, in any script (CJK has no spaces).
    "CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5 (text, content='messages',"
    " content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS messages_indexed AFTER INSERT ON messages BEGIN"
    " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS messages_unindexed AFTER DELETE ON messages BEGIN"
    " INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " END",
};

const QString Columns =
    QStringLiteral("m.display, m.time, m.sender, m.sender_name, m.text, m.kind, m.is_own, m.msgid");

StoredMessage messageAt(const QSqlQuery& query)
{
    StoredMessage message;
    message.conversation = query.value(0).toString();
    message.time = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    message.sender = query.value(2).toString();
    message.senderName = query.value(3).toString();
    message.text = query.value(4).toString();
    message.kind = query.value(5).toInt();
    message.isOwn = query.value(6).toBool();
    message.msgid = query.value(7).toString();
    return message;
}

// Quoted as one FTS5 string: the user's text is searched for, never parsed as a query.
QString ftsPhrase(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// A null QString binds as NULL, which the NOT NULL columns refuse (and OR IGNORE would hide).
QString notNull(const QString& text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

MessageStoreWorker::MessageStoreWorker(QObject* parent)
    : QObject(parent),
      m_connectionName(QStringLiteral("confab-messages-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_maxPerConversation(MessageStore::DefaultMaxPerConversation),
      m_maxMessages(MessageStore::DefaultMaxMessages)
{
}

MessageStoreWorker::~MessageStoreWorker()
{
    close();
}

QString MessageStoreWorker::foldedConversation(const QString& conversation)
{
    return conversation.toCaseFolded();
}

void MessageStoreWorker::open(const QString& path)
{
    close();
    if (path.isEmpty())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    bool isOpen = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        isOpen = db.open();
        if (!isOpen)
            qCWarning(lcClient) << "message store" << path << "cannot be opened:"
                                << db.lastError().text();
    }
    m_counts.clear();
    m_total = -1;
    m_open = isOpen && createSchema();
    if (!m_open) {
        if (isOpen)
            qCWarning(lcClient) << "message store" << path << "is not a Confab message store";
        close();
    }
    if (m_open)
        prune({}); // the limits may be lower than when it was written
    emit opened(path, m_open);
}

bool MessageStoreWorker::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return false;
    const int version = query.value(0).toInt();
    if (version > SchemaVersion) {
        qCWarning(lcClient) << "message store from a newer Confab (schema" << version << ")";
        return false;
    }
    for (const char* statement : Schema) {
        if (!query.exec(QString::fromLatin1(statement))) {
            qCWarning(lcClient) << "message store schema:" << query.lastError().text();
            return false;
        }
    }
    return query.exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion));
}

void MessageStoreWorker::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

void MessageStoreWorker::append(const QList<StoredMessage>& messages)
{
    if (!m_open || messages.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QHash<QString, qint64> added; // folded conversation -> rows written
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO messages (conversation, display, time, sender, sender_name, text,"
        " kind, is_own, msgid, dedup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const StoredMessage& message : messages) {
        const QString folded = foldedConversation(message.conversation);
        const qint64 time = message.time.toMSecsSinceEpoch();
        const QString dedup =
            message.msgid.isEmpty()
                ? QStringLiteral("h:%1\x1f%2\x1f%3\x1f%4")
                      .arg(folded)
                      .arg(time)
                      .arg(message.sender, message.text)
                : QStringLiteral("m:") + message.msgid;
        const QVariantList values = {folded,           notNull(message.conversation),
                                     time,             notNull(message.sender),
                                     notNull(message.senderName), notNull(message.text),
                                     message.kind,     message.isOwn,
                                     notNull(message.msgid),      dedup};
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values.at(i));
        if (!insert.exec())
            qCWarning(lcClient) << "message store insert:" << insert.lastError().text();
        else if (insert.numRowsAffected() > 0)
            ++added[folded];
    }
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        if (const auto count = m_counts.find(it.key()); count != m_counts.end())
            *count += it.value();
        if (m_total >= 0)
            m_total += it.value();
    }
    if (!added.isEmpty())
        prune(added.keys());
    if (!db.commit()) {
        qCWarning(lcClient) << "message store commit:" << db.lastError().text();
        m_counts.clear(); // what was written is not known: counted again when needed
        m_total = -1;
    }
}

void MessageStoreWorker::loadLatest(int requestId, const QString& conversation, int limit,
                                    const QDateTime& before)
{
    QList<StoredMessage> messages;
    if (m_open) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        // A page before a time takes that time too: lines of the same millisecond are kept
        // apart by who said what (the reader skips those it has).
        query.prepare(QStringLiteral("SELECT %1 FROM messages m WHERE m.conversation = ?%2"
                                     " ORDER BY m.time DESC, m.id DESC LIMIT ?")
                          .arg(Columns, before.isValid() ? QStringLiteral(" AND m.time <= ?")
                                                         : QString()));
        query.addBindValue(foldedConversation(conversation));
        if (before.isValid())
            query.addBindValue(before.toMSecsSinceEpoch());
        query.addBindValue(limit);
        if (query.exec()) {
            while (query.next())
                messages.prepend(messageAt(query));
        } else {
            qCWarning(lcClient) << "message store read:" << query.lastError().text();
        }
    }
    emit latestLoaded(requestId, conversation, messages);
}

void MessageStoreWorker::search(int requestId, const QString& query, const QString& conversation,
                                int limit)
{
    QList<StoredMessage> results;
    const QString text = query.trimmed();
    if (m_open && !text.isEmpty()) {
        // The trigram index needs three characters; shorter text is looked for by LIKE.
        const bool indexed = text.size() >= 3;
        QString sql = indexed ? QStringLiteral("SELECT %1 FROM messages_fts f"
                                               " JOIN messages m ON m.id = f.rowid"
                                               " WHERE messages_fts MATCH ?")
                              : QStringLiteral("SELECT %1 FROM messages m"
                                               " WHERE m.text LIKE ? ESCAPE '\\'");
        if (!conversation.isEmpty())
            sql += QStringLiteral(" AND m.conversation = ?");
        sql += QStringLiteral(" ORDER BY m.time DESC, m.id DESC LIMIT ?");
        QSqlQuery select(QSqlDatabase::database(m_connectionName, false));
        select.prepare(sql.arg(Columns));
        select.addBindValue(indexed ? ftsPhrase(text) : likePattern(text));
        if (!conversation.isEmpty())
            select.addBindValue(foldedConversation(conversation));
        select.addBindValue(limit);
        if (select.exec()) {
            while (select.next())
                results.append(messageAt(select));
        } else {
            qCWarning(lcClient) << "message search:" << select.lastError().text();
        }
    }
    emit searchFinished(requestId, query, results);
}

void MessageStoreWorker::setLimits(int maxPerConversation, int maxMessages)
{
    m_maxPerConversation = maxPerConversation;
    m_maxMessages = maxMessages;
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    prune({});
    db.commit();
}

void MessageStoreWorker::prune(const QStringList& conversations)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    QStringList over = conversations;
    if (over.isEmpty()) {
        query.prepare(QStringLiteral(
            "SELECT conversation FROM messages GROUP BY conversation HAVING COUNT(*) > ?"));
        query.addBindValue(m_maxPerConversation);
        if (query.exec()) {
            while (query.next())
                over.append(query.value(0).toString());
        }
    }
    // Returns how many went.
    const auto deleteOldest = [&query](const QString& where, const QVariantList& values,
                                       qint64 count) -> qint64 {
        query.prepare(QStringLiteral("DELETE FROM messages WHERE id IN (SELECT id FROM messages"
                                     " %1 ORDER BY time, id LIMIT ?)")
                          .arg(where));
        for (const QVariant& value : values)
            query.addBindValue(value);
        query.addBindValue(count);
        if (!query.exec()) {
            qCWarning(lcClient) << "message store prune:" << query.lastError().text();
            return 0;
        }
        qCDebug(lcClient) << "message store: pruned" << query.numRowsAffected() << "messages";
        return query.numRowsAffected();
    };
    const auto countOf = [&query](const QString& where, const QVariantList& values) -> qint64 {
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM messages %1").arg(where));
        for (const QVariant& value : values)
            query.addBindValue(value);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    };
    const QString inConversation = QStringLiteral("WHERE conversation = ?");
    for (const QString& folded : std::as_const(over)) {
        auto count = m_counts.find(folded);
        if (count == m_counts.end())
            count = m_counts.insert(folded, countOf(inConversation, {folded}));
        const qint64 excess = *count - m_maxPerConversation;
        if (excess > 0) {
            const qint64 deleted = deleteOldest(inConversation, {folded}, excess);
            *count -= deleted;
            if (m_total >= 0)
                m_total -= deleted;
        }
    }
    if (m_total < 0)
        m_total = countOf({}, {});
    const qint64 excess = m_total - m_maxMessages;
    if (excess > 0) {
        m_total -= deleteOldest({}, {}, excess);
        m_counts.clear(); // the oldest of any conversation went: each is counted again
    }
}

void MessageStoreWorker::loadConversations(int requestId, int limit)
{
    QList<StoredConversation> conversations;
    if (m_open) {
        // SQLite takes the bare columns of an aggregate from the row with the MAX.
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(QStringLiteral("SELECT display, MAX(time), msgid FROM messages"
                                     " GROUP BY conversation ORDER BY MAX(time) DESC LIMIT ?"));
        query.addBindValue(limit);
        if (query.exec()) {
            while (query.next()) {
                StoredConversation conversation;
                conversation.name = query.value(0).toString();
                conversation.newestTime =
                    QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
                conversation.newestMsgid = query.value(2).toString();
                conversations.append(conversation);
            }
        } else {
            qCWarning(lcClient) << "message store read:" << query.lastError().text();
        }
    }
    emit conversationsLoaded(requestId, conversations);
}
