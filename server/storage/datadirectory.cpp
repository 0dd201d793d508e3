#include "storage/datadirectory.h"

#include <QDir>
#include <QFile>

DataDirectory::DataDirectory(const QString& path) : m_path(QDir::cleanPath(path)) {}

DataDirectory::~DataDirectory() = default;

QString DataDirectory::filePath(const QString& name) const
{
    return m_path + u'/' + name;
}

bool DataDirectory::create()
{
    QDir dir(m_path);
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        m_errorString = QStringLiteral("cannot create the data directory %1").arg(m_path);
        return false;
    }
    // Only the server's user reads the accounts and the TLS key.
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool DataDirectory::lock()
{
    if (!create())
        return false;
    m_lock = std::make_unique<QLockFile>(filePath(QStringLiteral("confabd.lock")));
    m_lock->setStaleLockTime(0); // a lock of a dead process is stale whatever its age
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock->error() == QLockFile::LockFailedError &&
        m_lock->getLockInfo(&pid, &host, &application)) {
        m_errorString = QStringLiteral("the data directory %1 is in use by another confabd "
                                       "(process %2 on %3); use another --data-dir")
                            .arg(m_path)
                            .arg(pid)
                            .arg(host);
    } else {
        m_errorString = QStringLiteral("cannot lock the data directory %1").arg(m_path);
    }
    m_lock.reset();
    return false;
}
