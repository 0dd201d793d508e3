#pragma once

#include "irctag.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// An IRC line as a value: IRCv3 tags, source (prefix), command and up to 15 parameters.
//
// Bytes are decoded once, here: every field is UTF-8. A line that is not valid UTF-8 is decoded
// with U+FFFD replacement characters and hasInvalidUtf8() is set, so the receiver can decide
// (the server relays the repaired text; nothing ever crashes on it). serialize() always emits
// valid UTF-8.
//
// parse() and serialize() are exact inverses for every well-formed line: for a message m that
// isValid(), parse(m.serialize()) == m; and for a well-formed line l (single spaces between
// fields, valid UTF-8, tag values escaped minimally and "key" rather than "key="),
// parse(l)->serialize() == l.
class IrcMessage
{
public:
    enum class ParseError {
        None,
        Empty,          // nothing but spaces
        ForbiddenByte,  // NUL, CR or LF inside the line
        BadTags,        // '@' without tags, or an empty tag key
        BadSource,      // ':' without a source, or a source starting with ':'
        NoCommand,      // tags and/or source but no command
        BadCommand,     // not letters only, nor exactly three digits
        TooManyParams,  // more than Limits::MaxParams parameters
    };

    IrcMessage() = default;
    explicit IrcMessage(const QString& command, const QStringList& params = {},
                        const QString& source = {});

    // Parses one line without its terminator (IrcLineFramer removes it).
    static std::optional<IrcMessage> parse(QByteArrayView line, ParseError* error = nullptr);
    static const char* parseErrorText(ParseError error);

    // The line without CR LF; empty if the message is not isValid(). Never contains CR, LF or
    // NUL: those are replaced by spaces in the trailing parameter and in tag values are escaped.
    QByteArray serialize() const;
    // serialize() plus CR LF, ready for a socket; the non-tag part is cut to maxLineBytes
    // (CR LF included) by shortening the last parameter at a UTF-8 character boundary.
    QByteArray toWire(int maxLineBytes = 512) const;
    // toWire() with the given tags in place of the message's own (a relayed line has one set of
    // tags per kind of recipient).
    QByteArray toWire(const QList<IrcTag>& tags, int maxLineBytes = 512) const;
    // A line already serialized (with or without its CR LF) with the tags put in front of its
    // own (labeled-response and batch tags on a line that was serialized once for many). Tags
    // with invalid keys are skipped.
    static QByteArray prependTags(QByteArrayView line, const QList<IrcTag>& tags);

    // Why the message cannot be serialized, or nullptr if it can.
    const char* invalidReason() const;
    bool isValid() const { return invalidReason() == nullptr; }

    const QList<IrcTag>& tags() const { return m_tags; }
    void setTags(const QList<IrcTag>& tags) { m_tags = tags; }
    bool hasTag(const QString& key) const;
    QString tag(const QString& key) const;
    void setTag(const QString& key, const QString& value = {});
    void removeTag(const QString& key);

    // IRCv3 server-time: the "time" tag, in UTC with milliseconds.
    QDateTime serverTime() const;
    void setServerTime(const QDateTime& time);
    static QString formatServerTime(const QDateTime& time);

    // The source, "nick!user@host", "server.name" or empty.
    const QString& source() const { return m_source; }
    void setSource(const QString& source) { m_source = source; }
    QString nick() const; // the part before '!' or '@' (the whole source for a server)
    QString user() const;
    QString host() const;
    static QString makeSource(const QString& nick, const QString& user, const QString& host);

    // As received for words (commands are case-insensitive: compare with command() after
    // parse, which upper-cases it); numerics keep their three digits.
    const QString& command() const { return m_command; }
    void setCommand(const QString& command) { m_command = command; }
    bool isNumeric() const;
    int numeric() const; // -1 if the command is a word

    const QStringList& params() const { return m_params; }
    void setParams(const QStringList& params) { m_params = params; }
    int paramCount() const { return int(m_params.size()); }
    QString param(int index) const { return m_params.value(index); }
    void addParam(const QString& param) { m_params.append(param); }

    // Whether the last parameter is written with a ':' even where it needs none, as is customary
    // for free text ("PRIVMSG bob :hi"). parse() records it and the IrcCommand factories set it
    // for text, so a line keeps its shape through parse and serialize. It is presentation only:
    // operator== ignores it.
    bool isLastParamTrailing() const { return m_lastParamTrailing; }
    void setLastParamTrailing(bool trailing) { m_lastParamTrailing = trailing; }

    bool hasInvalidUtf8() const { return m_invalidUtf8; }

    friend bool operator==(const IrcMessage& a, const IrcMessage& b);
    friend bool operator!=(const IrcMessage& a, const IrcMessage& b) { return !(a == b); }

private:
    const char* invalidReasonWith(const QList<IrcTag>& tags) const;
    QByteArray serializeWith(const QList<IrcTag>& tags, qsizetype reserveExtra) const;

    QList<IrcTag> m_tags;
    QString m_source;
    QString m_command;
    QStringList m_params;
    bool m_invalidUtf8 = false;
    bool m_lastParamTrailing = false;
};
