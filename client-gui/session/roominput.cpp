#include "session/roominput.h"

#include "ircvalidation.h"
#include "models/conversationstore.h"
#include "models/roomlistmodel.h"
#include "session/chatcontroller.h"
#include "session/eventformatter.h"
#include "session/serverconnection.h"

bool RoomInput::handles(CommandParser::Kind kind) const
{
    using Kind = CommandParser::Kind;
    return kind == Kind::Join || kind == Kind::Part || kind == Kind::Topic;
}

void RoomInput::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    if (command.kind == Kind::Join)
        join(command.target);
    else if (command.kind == Kind::Part)
        part(command.target, command.text);
    else if (command.kind == Kind::Topic)
        topic(command.target, command.text);
}

QString RoomInput::roomFor(const QString& named) const
{
    const QString room = named.isEmpty() ? session()->activeTarget() : named;
    return session()->connection()->isRoomName(room) ? room : QString();
}

void RoomInput::join(const QString& room)
{
    if (IrcValidation::checkChannel(room) != IrcValidation::Reason::Valid) {
        session()->showInfo(EventFormatter::invalidRoom(room), true);
        return;
    }
    if (ConversationModel* existing = session()->conversations()->find(room);
        existing && session()->rooms()->isJoined(room))
        session()->requestConversation(existing);
    session()->expectJoin(room);
    session()->connection()->join(room);
}

void RoomInput::part(const QString& named, const QString& reason)
{
    const QString room = roomFor(named);
    if (room.isEmpty()) {
        session()->showInfo(EventFormatter::partUsage(), true);
        return;
    }
    session()->connection()->part(room, reason);
}

void RoomInput::topic(const QString& named, const QString& text)
{
    const QString room = roomFor(named);
    if (room.isEmpty()) {
        session()->showInfo(EventFormatter::topicUsage(), true);
        return;
    }
    if (text.isEmpty())
        session()->showInfo(EventFormatter::topicOf(room, session()->rooms()->topic(room)));
    else
        session()->connection()->setTopic(room, text);
}
