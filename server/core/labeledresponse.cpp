#include "core/labeledresponse.h"

#include "irccommand.h"
#include "irclimits.h"

LabeledResponse::LabeledResponse(ClientConnection* connection, const QString& label,
                                 bool batches)
    : m_connection(connection), m_label(label), m_batches(batches)
{
}

void LabeledResponse::send(const IrcMessage& message)
{
    if (m_closed)
        return;
    m_lines.append(message.toWire(Limits::MaxLineBytes));
}

void LabeledResponse::sendWire(const QByteArray& wire)
{
    if (!m_closed)
        m_lines.append(wire);
}

void LabeledResponse::close(const QString& reason)
{
    if (m_closed)
        return;
    flushUnlabeled();
    m_closed = true;
    m_connection->close(reason);
}

void LabeledResponse::setRegistered()
{
    m_connection->setRegistered();
}

void LabeledResponse::flushUnlabeled()
{
    for (const QByteArray& line : std::as_const(m_lines))
        m_connection->sendWire(line);
    m_lines.clear();
}

void LabeledResponse::finish(const QString& serverName, const BatchIds& nextBatchId)
{
    if (m_closed)
        return;
    const QList<IrcTag> label{{QStringLiteral("label"), m_label}};
    if (m_deferred || (m_lines.size() > 1 && !m_batches)) {
        flushUnlabeled();
        return;
    }
    if (m_lines.isEmpty()) {
        IrcMessage ack = IrcCommand::ack();
        ack.setSource(serverName);
        ack.setTags(label);
        m_connection->send(ack);
        return;
    }
    if (m_lines.size() == 1) {
        m_connection->sendWire(IrcMessage::prependTags(m_lines.constFirst(), label));
        m_lines.clear();
        return;
    }
    const QString id = nextBatchId();
    IrcMessage start = IrcCommand::batchStart(id, QStringLiteral("labeled-response"));
    start.setSource(serverName);
    start.setTags(label);
    m_connection->send(start);
    const QList<IrcTag> batch{{QStringLiteral("batch"), id}};
    for (const QByteArray& line : std::as_const(m_lines))
        m_connection->sendWire(IrcMessage::prependTags(line, batch));
    m_lines.clear();
    IrcMessage end = IrcCommand::batchEnd(id);
    end.setSource(serverName);
    m_connection->send(end);
}
