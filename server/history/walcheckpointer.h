#pragma once

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

// Copies an SQLite database's write-ahead log back into the database file (a checkpoint) on a
// thread of its own, through its own connection, so that the thread that writes the history
// does not stop for it. A checkpoint of 10 000 pages took 18 % of the history thread's time
// when private messages between accounts were stored flat out.
//
// SQLite lets one connection checkpoint while another writes (SQLITE_CHECKPOINT_PASSIVE): the
// writer keeps appending to the log meanwhile, and the log starts again from its beginning at
// the writer's next transaction once everything in it has been copied back.
class WalCheckpointer
{
public:
    // path: the database file, which exists and is in WAL mode. Starts the thread.
    explicit WalCheckpointer(const QByteArray& path);
    // Waits for a checkpoint under way, then closes the connection.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Asks for a checkpoint and returns at once; requests made while one runs make one more.
    void request();
    // For the writer's wal hook: its connection has committed, leaving frames pages in the log
    // of database name. From pages on, asks this thread to copy the log back; from twice as
    // many (this thread is behind, or commits kept the log from starting again), copies what
    // is left itself, on the writer's connection, as SQLite's own checkpoint would.
    void afterCommit(sqlite3* connection, const char* name, int frames, int pages);

    // The sum, over this thread's checkpoints, of the log pages each found copied back when it
    // ended (SQLite's count, which includes pages copied by earlier checkpoints of the same
    // log): above 0 once this thread has copied anything.
    qint64 copiedPages() const { return m_copiedPages.load(); }
    // True when no checkpoint is asked for or under way (one takes as long as the disk's
    // flush, which on a busy machine is long enough for many more commits).
    bool idle() const;

private:
    void run();

    const QByteArray m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wanted;
    bool m_requested = false; // guarded by m_mutex
    bool m_running = false;   // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
    std::atomic<qint64> m_copiedPages{0};
    std::thread m_thread;
};
