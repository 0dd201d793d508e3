#pragma once

#include <QString>

// What a line typed into the input means: plain text for the current conversation, or one of the
// commands people know from IRC. A pure function of the line; the caller acts on the result.
class CommandParser
{
public:
    enum class Kind {
        Empty,           // nothing to do
        Message,         // text for the current conversation ("//x" sends "/x")
        Action,          // /me text
        PrivateMessage,  // /msg name text
        SwitchTo,        // to:name [text], /query name [text]: switch the conversation partner
        Nick,            // /nick name
        Join,            // /join #room (a missing '#' is added)
        Part,            // /part [#room] [reason]
        Topic,           // /topic [#room] [text]; no text: show the topic
        Away,            // /away [message]; no message, or /back: back again
        Quit,            // /quit [reason]
        Whois,           // /whois name: who that is
        List,            // /list: the rooms on the server
        Help,            // /help
        MissingArgument, // a known command without what it needs; command says which
        Unknown,         // /something else; command says what
    };

    struct Command
    {
        Kind kind = Kind::Empty;
        QString command; // the command word as typed, lower-case, without '/'
        QString target;  // nick or room
        QString text;
    };

    static Command parse(const QString& line);
};
