#pragma once

#include <QString>
#include <QStringList>

// The message of the day, read from a text file (UTF-8, LF or CR LF). Read at start and again on
// SIGHUP; a file that cannot be read leaves the previous text in place.
class Motd
{
public:
    // False (and errorString()) if the file cannot be read. An empty path clears the MOTD.
    bool load(const QString& path);

    bool isSet() const { return m_set; }
    const QStringList& lines() const { return m_lines; }
    QString errorString() const { return m_errorString; }

private:
    QStringList m_lines;
    QString m_errorString;
    bool m_set = false;
};
