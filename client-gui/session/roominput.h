#pragma once

#include "session/inputhandler.h"

// Room commands: /join #room, /part [#room] [reason], /topic [#room] [text].
class RoomInput : public InputHandler
{
public:
    using InputHandler::InputHandler;
    bool handles(CommandParser::Kind kind) const override;
    void execute(const CommandParser::Command& command) override;

private:
    void join(const QString& room);
    void part(const QString& room, const QString& reason);
    void topic(const QString& room, const QString& text);
    // The named room, or the active conversation when it is a room; empty if neither.
    QString roomFor(const QString& named) const;
};
