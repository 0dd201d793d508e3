#include "session/ctcp.h"

bool Ctcp::parse(const QString& text, QString* command, QString* argument)
{
    constexpr QChar Delimiter(0x01);
    if (text.size() < 2 || text.front() != Delimiter)
        return false;
    QStringView body = QStringView(text).mid(1);
    if (body.endsWith(Delimiter)) // the closing delimiter is optional
        body.chop(1);
    const qsizetype space = body.indexOf(QLatin1Char(' '));
    const QStringView word = space < 0 ? body : body.left(space);
    if (word.isEmpty())
        return false;
    if (command)
        *command = word.toString().toUpper();
    if (argument)
        *argument = space < 0 ? QString() : body.mid(space + 1).toString();
    return true;
}
