#include "session/infoinput.h"

#include "session/chatcontroller.h"
#include "session/eventformatter.h"
#include "session/serverconnection.h"

bool InfoInput::handles(CommandParser::Kind kind) const
{
    using Kind = CommandParser::Kind;
    return kind == Kind::Whois || kind == Kind::List;
}

void InfoInput::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    ServerConnection* connection = session()->connection();
    if (!connection->isRegistered()) {
        session()->showInfo(EventFormatter::notConnected(), true);
        return;
    }
    if (command.kind == Kind::Whois)
        connection->whois(command.target);
    else if (command.kind == Kind::List)
        session()->requestRoomList();
}
