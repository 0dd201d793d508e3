#pragma once

#include <QString>

// The one CTCP form the client understands on incoming text: "\x01ACTION text\x01" (/me).
// common/ builds outgoing actions (IrcCommand::action); this only recognises them.
class Ctcp
{
public:
    // True if text is a CTCP request; command is upper-cased ("ACTION"), argument the rest.
    static bool parse(const QString& text, QString* command, QString* argument);
};
