#pragma once

#include "net/clientconnection.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// The answer to one labeled command (IRCv3 labeled-response). While the command is handled, the
// lines for its sender are collected here instead of going out (ServerUser::output()); then
// finish() sends them with the label: ACK when there were none, the label tag on the only one,
// or a "labeled-response" batch around several. A command that answers later (a history query
// on another thread) defers: its collected lines go out as they are and it labels its answer
// itself.
class LabeledResponse : public ClientConnection
{
public:
    using BatchIds = std::function<QString()>;

    // The sender's connection; batches: whether the sender negotiated batch (without it,
    // several lines cannot carry one label and go out unlabeled).
    LabeledResponse(ClientConnection* connection, const QString& label, bool batches);

    void send(const IrcMessage& message) override;
    void sendWire(const QByteArray& wire) override;
    // The connection closes (QUIT, an error): what was collected goes out first, unlabeled.
    void close(const QString& reason) override;
    void setRegistered() override;

    const QString& label() const { return m_label; }
    // The command will answer later with the label itself.
    void defer() { m_deferred = true; }
    bool isDeferred() const { return m_deferred; }

    // Sends what was collected, labeled as above; serverName is the source of ACK and BATCH.
    void finish(const QString& serverName, const BatchIds& nextBatchId);

private:
    void flushUnlabeled();

    ClientConnection* m_connection;
    QString m_label;
    QList<QByteArray> m_lines;
    bool m_batches;
    bool m_deferred = false;
    bool m_closed = false;
};
