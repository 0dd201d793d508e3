#pragma once

#include "session/inputhandler.h"

// Commands about the user themself: /nick name, /away [message] and /back, /quit [reason].
class UserInput : public InputHandler
{
public:
    using InputHandler::InputHandler;
    bool handles(CommandParser::Kind kind) const override;
    void execute(const CommandParser::Command& command) override;
};
