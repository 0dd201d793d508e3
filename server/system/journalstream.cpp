#include "system/journalstream.h"

#include <QList>

#include <sys/stat.h>
#include <unistd.h>

bool JournalStream::isJournal(int fd, const QByteArray& journalStream)
{
    const QList<QByteArray> parts = journalStream.split(':');
    if (parts.size() != 2)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = parts.at(0).toULongLong(&deviceOk);
    const qulonglong inode = parts.at(1).toULongLong(&inodeOk);
    struct stat status = {};
    if (!deviceOk || !inodeOk || ::fstat(fd, &status) != 0)
        return false;
    return qulonglong(status.st_dev) == device && qulonglong(status.st_ino) == inode;
}

bool JournalStream::isStderrJournal()
{
    return isJournal(STDERR_FILENO, qgetenv("JOURNAL_STREAM"));
}

QString JournalStream::messagePattern()
{
    // sd-daemon(3) prefixes: debug <7>, info <6>, warning <4>, critical <3> (error), fatal <2>.
    return QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                          "%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}%{category}: %{message}");
}
