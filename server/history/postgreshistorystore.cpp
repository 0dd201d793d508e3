#include "history/postgreshistorystore.h"

#include <QSqlDriver>
#include <QSqlField>
#include <QVariant>

#include <algorithm>

namespace {

// Rows per INSERT statement: a few hundred kilobytes of SQL at most.
constexpr size_t RowsPerStatement = 500;
// Ids taken at once when a batch needs more than one row per record (two views that grew
// apart each get a copy).
constexpr int ExtraIds = 16;

} // namespace

PostgresHistoryStore::PostgresHistoryStore(const QString& connectionName)
    : SqlHistoryStore(connectionName)
{
}

bool PostgresHistoryStore::open(const DatabaseLocation& location)
{
    if (location.isSqlite()) {
        setErrorString(QStringLiteral("not a PostgreSQL database"));
        return false;
    }
    return SqlHistoryStore::open(location);
}

qint64 PostgresHistoryStore::diskBytes()
{
    QSqlQuery& query = prepared(QStringLiteral("SELECT pg_database_size(current_database())"));
    if (!query.exec() || !query.next())
        return fail(query), -1;
    const qint64 bytes = query.value(0).toLongLong();
    query.finish();
    return bytes;
}

bool PostgresHistoryStore::reserveIds(int count)
{
    QSqlQuery& query =
        prepared(QStringLiteral("SELECT nextval(pg_get_serial_sequence('history', 'id'))"
                                " FROM generate_series(1, ?)"));
    query.bindValue(0, count);
    if (!query.exec())
        return fail(query);
    const size_t first = m_ids.size();
    while (query.next())
        m_ids.push_back(query.value(0).toLongLong());
    query.finish();
    // Ascending, so that ids keep growing with time within the batch.
    std::sort(m_ids.begin() + qsizetype(first), m_ids.end());
    if (m_ids.size() - first != size_t(count)) {
        setErrorString(QStringLiteral("the history sequence gave too few ids"));
        return false;
    }
    return true;
}

bool PostgresHistoryStore::reserveRowIds(size_t records)
{
    m_ids.clear();
    m_nextId = 0;
    return reserveIds(int(records));
}

qint64 PostgresHistoryStore::nextRowId()
{
    if (m_nextId == m_ids.size() && !reserveIds(ExtraIds))
        return 0;
    return m_ids[m_nextId++];
}

bool PostgresHistoryStore::writeRows(const std::vector<QueuedRow>& rows)
{
    // Literals made by the driver (libpq's escaping of text and bytea), as Qt's own prepared
    // statements on PostgreSQL do: one statement and one round trip per RowsPerStatement rows.
    const QSqlDriver* driver = database().connection().driver();
    QSqlField number(QStringLiteral("n"), QMetaType(QMetaType::LongLong));
    QSqlField text(QStringLiteral("t"), QMetaType(QMetaType::QString));
    QSqlField bytes(QStringLiteral("b"), QMetaType(QMetaType::QByteArray));
    const auto literal = [driver](QSqlField& field, const QVariant& value) {
        field.setValue(value);
        return driver->formatValue(field);
    };
    for (size_t from = 0; from < rows.size(); from += RowsPerStatement) {
        const size_t to = std::min(rows.size(), from + RowsPerStatement);
        QString sql = QStringLiteral(
            "INSERT INTO history (id, conversation, time_ms, msgid, msgid_number, account, kind,"
            " line) VALUES ");
        for (size_t i = from; i < to; ++i) {
            const QueuedRow& row = rows[i];
            const HistoryRecord& record = *row.record;
            const QByteArrayView line = record.storedLine(); // the record outlives the literal
            const qint64 counter = row.msgidNumber;
            const QString msgid = record.msgidText();
            if (i > from)
                sql += u',';
            sql += u'(' + literal(number, row.id) + u',' + literal(number, row.conversation) +
                   u',' + literal(number, record.timeMs) + u',' +
                   literal(text, msgid.isNull() ? QStringLiteral("") : msgid) + u',' +
                   (counter ? QString::number(counter) : QStringLiteral("NULL")) + u',' +
                   literal(text, row.account->isNull() ? QStringLiteral("") : *row.account) + u',' +
                   QString::number(int(record.kind)) + u',' +
                   literal(bytes, QByteArray::fromRawData(line.data(), line.size())) + u')';
        }
        QSqlQuery insert(database().connection());
        if (!insert.exec(sql))
            return fail(insert);
    }
    return true;
}
