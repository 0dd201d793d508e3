#pragma once

#include "session/ircevent.h"

class IrcMessage;

// Turns one parsed line into one typed event: a pure function of the line, testable without a
// socket (tests/client-gui/session/tst_irceventparser.cpp).
class IrcEventParser
{
public:
    static IrcEvent parse(const IrcMessage& message);

private:
    static IrcEvent parseNumeric(const IrcMessage& message);
    static IrcEvent parseWhois(const IrcMessage& message);
    static IrcEvent parseText(const IrcMessage& message, bool isNotice);
    static IrcEvent parseTagMsg(const IrcMessage& message);
};
