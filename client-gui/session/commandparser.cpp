#include "session/commandparser.h"

#include "ircvalidation.h"

namespace {

// Splits "word rest of line" at the first run of spaces.
void splitFirst(const QString& input, QString* first, QString* rest)
{
    const QString trimmed = input.trimmed();
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    if (space < 0) {
        *first = trimmed;
        rest->clear();
    } else {
        *first = trimmed.left(space);
        *rest = trimmed.mid(space + 1).trimmed();
    }
}

// "[#room] text" for /part and /topic: the room is optional (the current one by default).
void splitOptionalRoom(const QString& input, QString* room, QString* text)
{
    QString first;
    QString after;
    splitFirst(input, &first, &after);
    if (IrcValidation::isChannelName(first)) {
        *room = first;
        *text = after;
    } else {
        *text = input;
    }
}

} // namespace

CommandParser::Command CommandParser::parse(const QString& line)
{
    Command result;
    QString input = line;
    while (input.endsWith(QLatin1Char('\n')) || input.endsWith(QLatin1Char('\r')))
        input.chop(1);
    if (input.trimmed().isEmpty())
        return result;

    if (input.startsWith(QLatin1String("//"))) {
        result.kind = Kind::Message;
        result.text = input.mid(1);
        return result;
    }
    if (input.startsWith(QLatin1String("to:"), Qt::CaseInsensitive)) {
        splitFirst(input.mid(3), &result.target, &result.text);
        result.command = QStringLiteral("to");
        result.kind = result.target.isEmpty() ? Kind::MissingArgument : Kind::SwitchTo;
        return result;
    }
    if (!input.startsWith(QLatin1Char('/'))) {
        result.kind = Kind::Message;
        result.text = input;
        return result;
    }

    QString word;
    QString rest;
    splitFirst(input.mid(1), &word, &rest);
    result.command = word.toLower();
    const QString& command = result.command;
    auto missing = [&result] {
        result.kind = Kind::MissingArgument;
        result.target.clear();
        result.text.clear();
        return result;
    };

    if (command == QLatin1String("me")) {
        if (rest.isEmpty())
            return missing();
        result.kind = Kind::Action;
        result.text = rest;
    } else if (command == QLatin1String("msg") || command == QLatin1String("query")) {
        splitFirst(rest, &result.target, &result.text);
        if (result.target.isEmpty() || (command == QLatin1String("msg") && result.text.isEmpty()))
            return missing();
        result.kind = command == QLatin1String("msg") ? Kind::PrivateMessage : Kind::SwitchTo;
    } else if (command == QLatin1String("nick")) {
        splitFirst(rest, &result.target, &result.text);
        if (result.target.isEmpty() || !result.text.isEmpty())
            return missing();
        result.kind = Kind::Nick;
    } else if (command == QLatin1String("join") || command == QLatin1String("j")) {
        splitFirst(rest, &result.target, &result.text);
        if (result.target.isEmpty())
            return missing();
        if (!IrcValidation::isChannelName(result.target))
            result.target.prepend(QLatin1Char('#'));
        result.kind = Kind::Join;
    } else if (command == QLatin1String("part") || command == QLatin1String("leave")) {
        splitOptionalRoom(rest, &result.target, &result.text);
        result.kind = Kind::Part;
    } else if (command == QLatin1String("topic")) {
        splitOptionalRoom(rest, &result.target, &result.text);
        result.kind = Kind::Topic;
    } else if (command == QLatin1String("away")) {
        result.kind = Kind::Away;
        result.text = rest;
    } else if (command == QLatin1String("back")) {
        result.kind = Kind::Away;
    } else if (command == QLatin1String("quit") || command == QLatin1String("exit")) {
        result.kind = Kind::Quit;
        result.text = rest;
    } else if (command == QLatin1String("whois") || command == QLatin1String("wi")) {
        splitFirst(rest, &result.target, &result.text);
        if (result.target.isEmpty())
            return missing();
        result.kind = Kind::Whois;
    } else if (command == QLatin1String("list")) {
        result.kind = Kind::List;
    } else if (command == QLatin1String("help") || command == QLatin1String("?")) {
        result.kind = Kind::Help;
    } else {
        result.kind = Kind::Unknown;
        result.text = rest;
    }
    return result;
}
