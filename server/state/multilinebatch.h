#pragma once

#include "ircmessage.h"
#include "routing/relayline.h"

#include <QList>
#include <QString>

class IrcCaseMapping;

// A draft/multiline batch a client is sending: opened by "BATCH +<ref> draft/multiline
// <target>", filled with its PRIVMSG (or NOTICE) lines tagged batch=<ref>, and relayed as one
// message when "BATCH -<ref>" closes it. Bounded by the limits of the draft/multiline cap value.
class MultilineBatch
{
public:
    // What add() found wrong (the FAIL BATCH codes of the multiline spec).
    enum class Error { None, MaxBytes, MaxLines, InvalidTarget, Invalid };

    MultilineBatch() = default;
    MultilineBatch(const QString& reference, const QString& target,
                   const QList<IrcTag>& clientTags, const QString& label);

    const QString& reference() const { return m_reference; }
    const QString& target() const { return m_target; }
    // The client tags of the opening BATCH line: they belong to the whole message.
    const QList<IrcTag>& clientTags() const { return m_clientTags; }
    // The labeled-response label of the opening line: the answer to the batch carries it.
    const QString& label() const { return m_label; }
    // PRIVMSG or NOTICE, from the first line (empty before it).
    const QString& command() const { return m_command; }
    const QList<MultilinePart>& parts() const { return m_parts; }
    // The text's bytes, lines joined by LF (what max-bytes counts).
    int bytes() const { return m_bytes; }

    // One line of the batch. Another command than the first line's, another target, a
    // draft/multiline-concat on a blank line, or a limit passed: an error, and the batch is
    // failed.
    Error add(const IrcMessage& line, const IrcCaseMapping& mapping, int maxBytes, int maxLines);
    // Failed (an error was told): its remaining lines are ignored until it closes.
    bool hasFailed() const { return m_failed; }
    void fail() { m_failed = true; }
    // Whether the closed batch has something to send: at least one line that is not blank.
    bool hasText() const;

private:
    QString m_reference;
    QString m_target;
    QList<IrcTag> m_clientTags;
    QString m_label;
    QString m_command;
    QList<MultilinePart> m_parts;
    int m_bytes = 0;
    bool m_failed = false;
};
