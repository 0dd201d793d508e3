#pragma once

#include "ircmessage.h"
#include "routing/messageidgenerator.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <memory>

class ServerUser;

// One line of a draft/multiline message, as the client sent it.
struct MultilinePart
{
    QString text;
    bool concat = false; // draft/multiline-concat: joined to the previous line without a LF
};

// A message relayed from one user to others, with what was fixed when the server accepted it:
// its id, its server time and the sender's account. It is serialized at most once per kind of
// recipient (server-time, message-tags, account-tag: eight variants) and the bytes are shared by
// every recipient of that kind, so a channel message costs one serialization, not one per member.
// The tags are formatted only for the variants someone needs.
class RelayLine
{
public:
    // Without an id; the time is now.
    explicit RelayLine(IrcMessage message);
    RelayLine(IrcMessage message, const MessageId& id, qint64 timeMs);

    // The account tag for recipients with account-tag (empty: none).
    void setAccount(const QString& account) { m_account = account; }

    // Makes this a draft/multiline message (MessageRouter::acceptMultiline): recipients with
    // draft/multiline and batch get the batch (its opening line with the tags, the lines as
    // sent, blank ones too), the others its lines that are not blank one by one (the first with
    // the message's tags and id, as this message). partIds: an id for each of the other lines
    // that are not blank, for the history.
    void setMultiline(const QString& batchId, QList<MultilinePart> parts, QList<MessageId> partIds);
    bool isMultiline() const { return m_multiline != nullptr; }
    // What setMultiline() was given (empty for a single line): for the cluster's bus.
    QString multilineBatchId() const;
    QList<MultilinePart> multilineParts() const;
    QList<MessageId> multilinePartIds() const;
    // The lines as they are kept in history: this message, or each line of a multiline message
    // that is not blank, with its own id (client tags on the first).
    QList<RelayLine> storedLines() const;

    // The bytes for this recipient, according to its message-tags, server-time and account-tag
    // caps. Tags already in the message ("time", "msgid", "account") are kept as they are.
    const QByteArray& wireFor(const ServerUser* recipient);
    // The same for a session with these capabilities.
    const QByteArray& wireFor(int caps);

    const IrcMessage& message() const { return m_message; }
    const MessageId& id() const { return m_id; }
    qint64 timeMs() const { return m_timeMs; }
    const QString& account() const { return m_account; }

    // Milliseconds since the epoch, from the system clock (cheaper than QDateTime).
    static qint64 nowMs();

private:
    struct Multiline;

    // Which tags a recipient with these caps may see: the index of its serialized form.
    int variantOf(int caps) const;
    const QByteArray& singleWireFor(int caps);
    const QByteArray& multilineWireFor(int caps);

    IrcMessage m_message; // with every tag formatted so far
    MessageId m_id;
    qint64 m_timeMs = 0;
    QString m_account;
    std::array<QByteArray, 8> m_wire;
    std::shared_ptr<Multiline> m_multiline; // only for draft/multiline messages
};
