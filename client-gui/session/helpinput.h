#pragma once

#include "session/inputhandler.h"

// /help (the list of commands, shown by the UI), and the answers to a command typed wrongly or not
// known.
class HelpInput : public InputHandler
{
public:
    using InputHandler::InputHandler;
    bool handles(CommandParser::Kind kind) const override;
    void execute(const CommandParser::Command& command) override;
};
