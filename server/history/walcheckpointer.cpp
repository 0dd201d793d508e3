#include "history/walcheckpointer.h"

#include "serverlogging.h"

#include <sqlite3.h>

#include <algorithm>

#include <pthread.h>

WalCheckpointer::WalCheckpointer(const QByteArray& path) : m_path(path), m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wanted.notify_one();
    m_thread.join();
}

void WalCheckpointer::request()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_requested)
            return;
        m_requested = true;
    }
    m_wanted.notify_one();
}

void WalCheckpointer::afterCommit(sqlite3* connection, const char* name, int frames, int pages)
{
    if (frames >= 2 * pages)
        sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (frames >= pages)
        request();
}

bool WalCheckpointer::idle() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_requested && !m_running;
}

void WalCheckpointer::run()
{
    pthread_setname_np(pthread_self(), "confabd-wal");
    sqlite3* connection = nullptr;
    // Never creates the file: the history store has opened and migrated it.
    if (sqlite3_open_v2(m_path.constData(), &connection, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        qCWarning(lcHistory, "checkpoint connection: %s",
                  connection ? sqlite3_errmsg(connection) : "out of memory");
        sqlite3_close(connection);
        return; // requests are then left to the writer's own checkpoints
    }
    if (sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
        // A connection learns that the file is in WAL mode when it first reads it; until then
        // a checkpoint does nothing.
        qCWarning(lcHistory, "checkpoint connection: %s", sqlite3_errmsg(connection));
    }
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wanted.wait(lock, [this] { return m_requested || m_stopping; });
            if (m_stopping)
                break;
            m_requested = false;
            m_running = true;
        }
        int logFrames = 0;
        int copiedFrames = 0;
        const int result = sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                     &logFrames, &copiedFrames);
        // Busy: another checkpoint (the writer's own) is running; the next request tries again.
        if (result == SQLITE_OK)
            m_copiedPages.fetch_add(std::max(copiedFrames, 0));
        else if (result != SQLITE_BUSY && result != SQLITE_LOCKED)
            qCWarning(lcHistory, "checkpoint: %s", sqlite3_errmsg(connection));
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running = false;
    }
    sqlite3_close(connection);
}
