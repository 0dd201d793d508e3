#include "storage/schemamigrations.h"

#include "serverlogging.h"
#include "storage/postgresschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
// The advisory lock PostgreSQL nodes take while they migrate (any number: ours).
constexpr qint64 MigrationLockKey = 0x436f6e666162; // "Confab"
// The spans of history (schema 8) made from its rows: one per run of consecutive ids of one
// conversation, and (byNumber, schema 9) with its rows' smallest and largest msgid counters, cut
// where the counters leave a SpanNumberWidth-aligned block (a block of their own for rows
// without one). ordered: each of the span's rows is no older than every earlier row of its
// conversation.
QString spansOfTheRows(bool byNumber)
{
    const QString numbers = byNumber ? QStringLiteral(", first_number, last_number") : QString();
    const QString block =
        QStringLiteral("msgid_number / %1").arg(SchemaMigrations::SpanNumberWidth);
    return QStringLiteral("INSERT INTO history_spans"
                          " (conversation, first_id, last_id, first_ms, last_ms, ordered%1)"
                          " SELECT conversation, MIN(id), MAX(id), MIN(time_ms), MAX(time_ms),"
                          " MIN(in_order)%2 FROM ("
                          "  SELECT conversation, id, time_ms, msgid_number, in_order,"
                          "  SUM(starts) OVER (ORDER BY id) AS run FROM ("
                          "   SELECT conversation, id, time_ms, msgid_number,"
                          "   CASE WHEN LAG(conversation) OVER (ORDER BY id) = conversation%3"
                          "    THEN 0 ELSE 1 END AS starts,"
                          "   CASE WHEN time_ms >= MAX(time_ms) OVER (PARTITION BY conversation"
                          "    ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
                          "    OR id = MIN(id) OVER (PARTITION BY conversation)"
                          "    THEN 1 ELSE 0 END AS in_order"
                          "   FROM history))"
                          " GROUP BY run")
        .arg(numbers,
             byNumber ? QStringLiteral(", MIN(msgid_number), MAX(msgid_number)") : QString(),
             byNumber ? QStringLiteral(" AND %1 IS LAG(%1) OVER (ORDER BY id)").arg(block)
                      : QString());
}

} // namespace

SchemaMigrations::SchemaMigrations(DatabaseLocation::Engine engine) : m_engine(engine)
{
    if (engine == DatabaseLocation::Engine::Postgres) {
        m_migrations = PostgresSchema::migrations();
        return;
    }
    m_migrations = {
        {1,
         "accounts with SCRAM-SHA-256 credentials; server settings",
         {
             QStringLiteral("CREATE TABLE accounts ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " folded_name TEXT NOT NULL UNIQUE,"
                            " scram_salt BLOB NOT NULL,"
                            " scram_iterations INTEGER NOT NULL,"
                            " scram_stored_key BLOB NOT NULL,"
                            " scram_server_key BLOB NOT NULL,"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE settings ("
                            " key TEXT PRIMARY KEY,"
                            " value BLOB NOT NULL)"),
         }},
        {2,
         "TLS client certificates of accounts (SASL EXTERNAL)",
         {
             QStringLiteral("CREATE TABLE account_certificates ("
                            " fingerprint TEXT PRIMARY KEY,"
                            " account_id INTEGER NOT NULL"
                            "  REFERENCES accounts(id) ON DELETE CASCADE,"
                            " added_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX account_certificates_account"
                            " ON account_certificates(account_id)"),
         }},
        {3,
         "when each account last logged in",
         {
             QStringLiteral("ALTER TABLE accounts ADD COLUMN last_login_at INTEGER"),
         }},
        {4,
         "message history, offline delivery and read markers",
         {
             // owner: "" for a channel's history, else the folded account whose private
             // conversation this copy belongs to; target: the folded channel or correspondent.
             // line: the message as relayed, without server tags. kind: 0 a message, 1 an event
             // (JOIN, PART, ...). pending: a private message its owner has not received yet.
             QStringLiteral("CREATE TABLE history ("
                            " id INTEGER PRIMARY KEY,"
                            " owner TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " time_ms INTEGER NOT NULL,"
                            " msgid TEXT NOT NULL,"
                            " account TEXT NOT NULL,"
                            " kind INTEGER NOT NULL,"
                            " line BLOB NOT NULL,"
                            " pending INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX history_by_target ON history(owner, target, time_ms)"),
             QStringLiteral("CREATE INDEX history_by_msgid ON history(msgid)"),
             QStringLiteral("CREATE INDEX history_pending ON history(owner) WHERE pending = 1"),
             // The last message time of each conversation and room (CHATHISTORY TARGETS).
             QStringLiteral("CREATE TABLE history_targets ("
                            " owner TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " last_ms INTEGER NOT NULL,"
                            " PRIMARY KEY (owner, target))"),
             QStringLiteral("CREATE TABLE read_markers ("
                            " owner TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " time_ms INTEGER NOT NULL,"
                            " PRIMARY KEY (owner, target))"),
         }},
        {5,
         "one history row per private message, shared by both parties",
         {
             // A reader's view of a conversation: ("", channel) or (account, correspondent).
             // conversation: whose rows it reads (history.conversation; the id of the view that
             // started it); since_id: the first row this reader may see (a view added to an
             // existing conversation sees nothing from before); last_ms: the last message
             // (CHATHISTORY TARGETS). Each v4 copy becomes a conversation of its own.
             QStringLiteral("CREATE TABLE history_views ("
                            " id INTEGER PRIMARY KEY,"
                            " owner TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " conversation INTEGER NOT NULL,"
                            " since_id INTEGER NOT NULL DEFAULT 0,"
                            " last_ms INTEGER NOT NULL DEFAULT 0,"
                            " UNIQUE (owner, target))"),
             QStringLiteral("INSERT INTO history_views (owner, target, conversation, last_ms)"
                            " SELECT owner, target, 0, last_ms FROM history_targets"),
             QStringLiteral("INSERT OR IGNORE INTO history_views (owner, target, conversation)"
                            " SELECT DISTINCT owner, target, 0 FROM history"),
             QStringLiteral("UPDATE history_views SET conversation = id"),
             // The private messages an account has not received yet (a table now: the v4
             // index of that name goes first).
             QStringLiteral("DROP INDEX history_pending"),
             QStringLiteral("CREATE TABLE history_pending ("
                            " owner TEXT NOT NULL,"
                            " id INTEGER NOT NULL,"
                            " PRIMARY KEY (owner, id)) WITHOUT ROWID"),
             QStringLiteral("INSERT INTO history_pending (owner, id)"
                            " SELECT owner, id FROM history WHERE pending = 1"),
             QStringLiteral("CREATE TABLE history_v5 ("
                            " id INTEGER PRIMARY KEY,"
                            " conversation INTEGER NOT NULL,"
                            " time_ms INTEGER NOT NULL,"
                            " msgid TEXT NOT NULL,"
                            " account TEXT NOT NULL,"
                            " kind INTEGER NOT NULL,"
                            " line BLOB NOT NULL)"),
             QStringLiteral("INSERT INTO history_v5"
                            " (id, conversation, time_ms, msgid, account, kind, line)"
                            " SELECT h.id, v.conversation, h.time_ms, h.msgid, h.account, h.kind,"
                            " h.line FROM history h JOIN history_views v"
                            " ON v.owner = h.owner AND v.target = h.target"),
             QStringLiteral("DROP TABLE history"),
             QStringLiteral("DROP TABLE history_targets"),
             QStringLiteral("ALTER TABLE history_v5 RENAME TO history"),
             QStringLiteral("CREATE INDEX history_by_conversation"
                            " ON history(conversation, time_ms)"),
             QStringLiteral("CREATE INDEX history_by_msgid ON history(msgid)"),
         }},
        {6,
         "uploaded files",
         {
             // One upload (files/FileStore): id is the URL's random part and the file's name
             // in the data directory; account is folded; name is what the uploader called it.
             QStringLiteral("CREATE TABLE files ("
                            " id TEXT PRIMARY KEY,"
                            " account TEXT NOT NULL,"
                            " name TEXT NOT NULL,"
                            " content_type TEXT NOT NULL,"
                            " size INTEGER NOT NULL,"
                            " created_ms INTEGER NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE INDEX files_by_account ON files(account)"),
             QStringLiteral("CREATE INDEX files_by_time ON files(created_ms)"),
         }},
        {7,
         "history's message ids found by their counter",
         {
             // The counter of a msgid confabd made (routing/messageidgenerator.h), which only
             // grows: its index is written at its end, where the text index of version 5 took
             // as long to write as the table. NULL for other msgids and for rows written before
             // this version, which keep the text index.
             QStringLiteral("ALTER TABLE history ADD COLUMN msgid_number INTEGER"),
             QStringLiteral("DROP INDEX history_by_msgid"),
             QStringLiteral("CREATE INDEX history_by_msgid ON history(msgid)"
                            " WHERE msgid_number IS NULL"),
             QStringLiteral("CREATE INDEX history_by_msgid_number ON history(msgid_number)"
                            " WHERE msgid_number IS NOT NULL"),
         }},
        {8,
         "history found through spans of rows instead of an index entry per row",
         {
             // A conversation's rows of one batch have consecutive ids (the history writer
             // numbers a batch in conversation order): one span row per conversation per batch
             // finds them, where the index by (conversation, time) took an entry per row, in a
             // page of its own for every conversation of every batch, and two thirds of the
             // writer's time (SqliteHistoryStore). ordered: each of the span's rows is no older
             // than every row of the conversation before it, so that in a conversation whose
             // spans are all ordered the id order is the (time, id) order.
             QStringLiteral("CREATE TABLE history_spans ("
                            " conversation INTEGER NOT NULL,"
                            " first_id INTEGER NOT NULL,"
                            " last_id INTEGER NOT NULL,"
                            " first_ms INTEGER NOT NULL,"
                            " last_ms INTEGER NOT NULL,"
                            " ordered INTEGER NOT NULL,"
                            " PRIMARY KEY (conversation, first_id)) WITHOUT ROWID"),
             // Where a time falls in a conversation; which spans retention emptied (last_id only
             // grows: its entries go at the end); the conversations that are not in order.
             QStringLiteral("CREATE INDEX history_spans_by_time"
                            " ON history_spans(conversation, first_ms)"),
             QStringLiteral("CREATE INDEX history_spans_by_end ON history_spans(last_id)"),
             QStringLiteral("CREATE INDEX history_spans_unordered"
                            " ON history_spans(conversation) WHERE ordered = 0"),
             // The rows so far: a span per run of consecutive ids of one conversation.
             spansOfTheRows(false),
             QStringLiteral("DROP INDEX history_by_conversation"),
         }},
        {9,
         "history's message ids found through the spans instead of an index entry per row",
         {
             // The smallest and largest counter (history.msgid_number) of a span's rows, NULL
             // when none has one. A span's counters are less than SpanNumberWidth apart, so that
             // the spans that may hold a counter are the few whose last one is at most that far
             // above it: a look-up reads the entries of history_spans_by_number from the counter
             // on, within that width, where the index of version 7 took an entry per row.
             QStringLiteral("ALTER TABLE history_spans ADD COLUMN first_number INTEGER"),
             QStringLiteral("ALTER TABLE history_spans ADD COLUMN last_number INTEGER"),
             // The spans again, from the rows, now also cut where the counters pass into
             // another SpanNumberWidth.
             QStringLiteral("DELETE FROM history_spans"),
             spansOfTheRows(true),
             QStringLiteral("CREATE INDEX history_spans_by_number"
                            " ON history_spans(last_number, first_number)"
                            " WHERE last_number IS NOT NULL"),
             QStringLiteral("DROP INDEX history_by_msgid_number"),
         }},
    };
}

int SchemaMigrations::currentVersion(QSqlDatabase& database, DatabaseLocation::Engine engine)
{
    QSqlQuery query(database);
    if (engine == DatabaseLocation::Engine::Sqlite) {
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) ||
        !query.next())
        return -1;
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool SchemaMigrations::setVersion(QSqlDatabase& database, int version, QString* error) const
{
    QSqlQuery query(database);
    const bool ok =
        m_engine == DatabaseLocation::Engine::Sqlite
            ? query.exec(QStringLiteral("PRAGMA user_version=%1").arg(version))
            : query.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(version));
    if (!ok)
        *error = query.lastError().text();
    return ok;
}

bool SchemaMigrations::migrate(QSqlDatabase& database, int targetVersion, QString* error) const
{
    if (m_engine == DatabaseLocation::Engine::Sqlite)
        return migrateLocked(database, targetVersion, error);
    // Several nodes may start at once on one PostgreSQL database: one migrates, the others
    // wait and then find it done.
    QSqlQuery lock(database);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey))) {
        *error = lock.lastError().text();
        return false;
    }
    const bool ok = migrateLocked(database, targetVersion, error);
    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    return ok;
}

bool SchemaMigrations::migrateLocked(QSqlDatabase& database, int targetVersion,
                                     QString* error) const
{
    const int version = currentVersion(database, m_engine);
    if (version < 0) {
        *error =
            QStringLiteral("cannot read the schema version: %1").arg(database.lastError().text());
        return false;
    }
    if (version > latestVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this confabd "
                                "knows (%2): use a newer confabd")
                     .arg(version)
                     .arg(latestVersion());
        return false;
    }
    for (const Migration& migration : m_migrations) {
        if (migration.version <= version || migration.version > targetVersion)
            continue;
        if (!database.transaction()) {
            *error = database.lastError().text();
            return false;
        }
        QSqlQuery query(database);
        for (const QString& statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration to version %1 failed: %2")
                             .arg(migration.version)
                             .arg(query.lastError().text());
                database.rollback();
                return false;
            }
        }
        if (!setVersion(database, migration.version, error)) {
            database.rollback();
            return false;
        }
        if (!database.commit()) {
            *error = database.lastError().text();
            database.rollback();
            return false;
        }
        qCInfo(lcStorage).noquote() << "database schema now at version" << migration.version
                                    << '(' + QString::fromLatin1(migration.description) + ')';
    }
    return true;
}
