#pragma once

#include "session/inputhandler.h"

// Questions to the server: /whois name, /list.
class InfoInput : public InputHandler
{
public:
    using InputHandler::InputHandler;
    bool handles(CommandParser::Kind kind) const override;
    void execute(const CommandParser::Command& command) override;
};
