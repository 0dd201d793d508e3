#include "session/helpinput.h"

#include "session/chatcontroller.h"
#include "session/eventformatter.h"

bool HelpInput::handles(CommandParser::Kind kind) const
{
    using Kind = CommandParser::Kind;
    return kind == Kind::Help || kind == Kind::MissingArgument || kind == Kind::Unknown;
}

void HelpInput::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    if (command.kind == Kind::Help)
        session()->requestHelp();
    else if (command.kind == Kind::MissingArgument)
        session()->showInfo(EventFormatter::missingArgument(command.command), true);
    else if (command.kind == Kind::Unknown)
        session()->showInfo(EventFormatter::unknownCommand(command.command), true);
}
