#pragma once

#include "session/commandparser.h"

class ChatController;

// Carries out one family of typed commands (CommandParser::Kind) for the session. The
// ChatController finds the handler for each command; a new command family is a new handler.
class InputHandler
{
public:
    explicit InputHandler(ChatController* session) : m_session(session) {}
    virtual ~InputHandler() = default;
    InputHandler(const InputHandler&) = delete;
    InputHandler& operator=(const InputHandler&) = delete;

    virtual bool handles(CommandParser::Kind kind) const = 0;
    virtual void execute(const CommandParser::Command& command) = 0;

protected:
    ChatController* session() const { return m_session; }

private:
    ChatController* m_session;
};
