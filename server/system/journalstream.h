#pragma once

#include <QByteArray>
#include <QString>

// Whether a file descriptor is the systemd journal's stream ($JOURNAL_STREAM names its device
// and inode, see systemd.exec(5)). Log lines to the journal carry a syslog priority prefix
// ("<6>") and no timestamp, since the journal stamps each line itself.
class JournalStream
{
public:
    // journalStream is $JOURNAL_STREAM's "device:inode", both decimal.
    static bool isJournal(int fd, const QByteArray& journalStream);
    static bool isStderrJournal();

    // qSetMessagePattern() text for the journal: priority, category, message.
    static QString messagePattern();
};
