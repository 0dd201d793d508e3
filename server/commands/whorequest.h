#pragma once

#include <QString>

// The parameters of one WHO command: "WHO <mask> [o][%<fields>[,<token>]]". A second parameter
// with '%' asks for WHOX (354 replies with the chosen fields); an 'o' before the '%' asks for
// IRC operators only (RFC 2812). A pure function of the parameters, so it can be tested alone.
class WhoRequest
{
public:
    // The WHOX fields, each a bit, in the order they appear in a 354 reply.
    enum Field : int {
        Token = 0x001,    // t
        Channel = 0x002,  // c
        User = 0x004,     // u
        Ip = 0x008,       // i
        Host = 0x010,     // h
        Server = 0x020,   // s
        Nick = 0x040,     // n
        Flags = 0x080,    // f
        HopCount = 0x100, // d
        Idle = 0x200,     // l
        Account = 0x400,  // a
        OpLevel = 0x800,  // o
        RealName = 0x1000 // r
    };

    // A WHOX token is at most this many digits (ircv3 whox).
    static constexpr int MaxTokenLength = 3;
    // The letters, in reply order: the ISUPPORT-free description of what WHOX answers.
    static constexpr const char* FieldLetters = "tcuihsnfdlaor";

    WhoRequest(const QString& mask, const QString& options);

    // "*" when the mask was empty.
    const QString& mask() const { return m_mask; }
    // WHO 0 and WHO * list everyone (that the asker may see).
    bool isEveryone() const;
    bool operatorsOnly() const { return m_operatorsOnly; }
    bool isWhox() const { return m_whox; }
    bool has(Field field) const { return (m_fields & field) != 0; }
    int fields() const { return m_fields; }
    // The token for the 't' field; "0" when none (or not digits) was given.
    const QString& token() const { return m_token; }

private:
    QString m_mask;
    QString m_token;
    int m_fields = 0;
    bool m_whox = false;
    bool m_operatorsOnly = false;
};
