#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

// The server's data directory: created if missing (mode 0700), and locked for one server at a
// time with a lock file, so that two confabd never serve one account database by mistake.
// Tools (confabd account ...) use the database without the lock: SQLite orders their writes.
class DataDirectory
{
public:
    explicit DataDirectory(const QString& path);
    ~DataDirectory();

    // Creates the directory and takes the lock; false + errorString() (another confabd holds
    // it: its process id is named).
    bool lock();
    // Creates the directory without locking (for tools).
    bool create();
    QString path() const { return m_path; }
    QString filePath(const QString& name) const;
    QString errorString() const { return m_errorString; }

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QString m_errorString;
};
