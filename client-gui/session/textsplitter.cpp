#include "session/textsplitter.h"

QStringList TextSplitter::split(const QString& text, int maxBytes)
{
    QStringList chunks;
    QString current;
    int currentBytes = 0;
    int lastSpace = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString unit(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            unit.append(text.at(++i));
        const int bytes = int(unit.toUtf8().size());
        if (currentBytes + bytes > maxBytes && !current.isEmpty()) {
            if (lastSpace > int(current.size()) / 2) {
                chunks.append(current.left(lastSpace));
                current = current.mid(lastSpace + 1);
            } else {
                chunks.append(current);
                current.clear();
            }
            currentBytes = int(current.toUtf8().size());
            lastSpace = -1;
        }
        if (unit == QLatin1String(" "))
            lastSpace = int(current.size());
        current.append(unit);
        currentBytes += bytes;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}
