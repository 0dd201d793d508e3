#include "session/messageinput.h"

#include "session/chatcontroller.h"
#include "session/eventformatter.h"
#include "session/serverconnection.h"

bool MessageInput::handles(CommandParser::Kind kind) const
{
    using Kind = CommandParser::Kind;
    return kind == Kind::Message || kind == Kind::Action || kind == Kind::PrivateMessage ||
           kind == Kind::SwitchTo;
}

void MessageInput::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    ServerConnection* connection = session()->connection();
    switch (command.kind) {
    case Kind::Message:
    case Kind::Action: {
        const QString target = session()->activeTarget();
        if (target.isEmpty()) {
            session()->showInfo(EventFormatter::noConversation(), true);
            return;
        }
        if (command.kind == Kind::Action)
            connection->sendAction(target, command.text);
        else
            connection->sendMessage(target, command.text);
        return;
    }
    case Kind::PrivateMessage:
        session()->openPrivateConversation(command.target);
        connection->sendMessage(command.target, command.text);
        return;
    case Kind::SwitchTo:
        session()->openPrivateConversation(command.target);
        if (!command.text.isEmpty())
            connection->sendMessage(command.target, command.text);
        return;
    default:
        return;
    }
}
