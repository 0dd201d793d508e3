#pragma once

#include "session/inputhandler.h"

// Text to the active conversation, /me, /msg name text, /query name and to:name.
class MessageInput : public InputHandler
{
public:
    using InputHandler::InputHandler;
    bool handles(CommandParser::Kind kind) const override;
    void execute(const CommandParser::Command& command) override;
};
