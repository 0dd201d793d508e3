#include "session/userinput.h"

#include "ircvalidation.h"
#include "session/chatcontroller.h"
#include "session/eventformatter.h"
#include "session/serverconnection.h"

bool UserInput::handles(CommandParser::Kind kind) const
{
    using Kind = CommandParser::Kind;
    return kind == Kind::Nick || kind == Kind::Away || kind == Kind::Quit;
}

void UserInput::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    ServerConnection* connection = session()->connection();
    switch (command.kind) {
    case Kind::Nick:
        if (IrcValidation::checkNick(command.target, connection->serverSupport().nickLength()) !=
            IrcValidation::Reason::Valid) {
            session()->showInfo(EventFormatter::invalidName(command.target), true);
            return;
        }
        connection->setNick(command.target);
        return;
    case Kind::Away:
        connection->setAway(command.text);
        return;
    case Kind::Quit:
        connection->disconnectFromServer(command.text);
        session()->requestQuit();
        return;
    default:
        return;
    }
}
