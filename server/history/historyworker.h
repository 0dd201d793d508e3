#pragma once

#include "core/crossthreadobject.h"
#include "history/sqlitehistorystore.h"
#include "storage/databaselocation.h"

#include <QObject>

#include <memory>

// The history thread's side: it owns the store (its database connection belongs to this
// thread) and prunes it on a timer. HistoryService runs every request here.
class HistoryWorker : public CrossThreadObject
{
    Q_OBJECT

public:
    struct Retention
    {
        qint64 maxAgeMs;  // 0: no age limit
        int maxPerTarget; // 0: no count limit
        int pruneIntervalMs;
        qint64 maxDatabaseBytes; // 0: as large as the disk allows
    };

    HistoryWorker(const DatabaseLocation& database, const Retention& retention);
    ~HistoryWorker() override;

    // Opens the database and starts the prune timer; false + error.
    bool open(QString* error);
    HistoryStore& store() { return *m_store; }
    // Deletes everything the retention limits say, now. Returns how many rows went.
    int prune(qint64 nowMs);

private:
    int pruneOnce(qint64 nowMs);
    void pruneSlice();

    DatabaseLocation m_database;
    Retention m_retention;
    std::unique_ptr<SqlHistoryStore> m_store;
};
