#include "config/motd.h"

#include <QFile>

bool Motd::load(const QString& path)
{
    m_errorString.clear();
    if (path.isEmpty()) {
        m_lines.clear();
        m_set = false;
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errorString = file.errorString();
        return false;
    }
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString& line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    m_lines = lines;
    m_set = true;
    return true;
}
