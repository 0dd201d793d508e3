#include "session/saslexchange.h"

#include "irccommand.h"
#include "saslclient.h"

namespace {

const QString Scram = QStringLiteral("SCRAM-SHA-256");
const QString Plain = QStringLiteral("PLAIN");
IrcMessage authenticate(const QString& payload)
{
    return IrcCommand::authenticate(payload);
}

} // namespace

SaslExchange::SaslExchange(const QString& account, const QString& password)
    : m_account(account), m_password(password)
{
}

SaslExchange::~SaslExchange() = default;

QString SaslExchange::chooseMechanism(const QStringList& offered, bool plainAllowed)
{
    if (offered.isEmpty() || offered.contains(Scram, Qt::CaseInsensitive))
        return Scram;
    if (plainAllowed && offered.contains(Plain, Qt::CaseInsensitive))
        return Plain;
    return QString();
}

IrcMessage SaslExchange::start(const QString& mechanism)
{
    m_mechanism = mechanism;
    m_failed = false;
    m_serverMessage.clear();
    m_client = std::make_unique<SaslClient>(mechanism, m_account, m_password);
    return authenticate(mechanism);
}

QList<IrcMessage> SaslExchange::handle(const QString& payload)
{
    if (!m_client || m_failed)
        return {};
    if (payload != QLatin1String("+"))
        m_serverMessage += payload.toLatin1();
    if (m_serverMessage.size() > MaxServerMessageBytes)
        return abort();
    if (payload.size() == ChunkBytes)
        return {}; // more pieces follow (a last one of "+" when it ends exactly here)

    const QByteArray serverMessage = QByteArray::fromBase64(m_serverMessage);
    m_serverMessage.clear();
    if (m_client->state() != SaslClient::State::Running)
        return abort(); // the server wants more than the mechanism has to say
    const QByteArray clientMessage = m_client->step(serverMessage);
    if (m_client->state() == SaslClient::State::Failed || !m_client->isValid())
        return abort(); // e.g. the server's SCRAM proof did not verify
    return respond(clientMessage);
}

QList<IrcMessage> SaslExchange::respond(const QByteArray& clientMessage)
{
    const QByteArray encoded = clientMessage.toBase64();
    QList<IrcMessage> lines;
    for (qsizetype at = 0; at < encoded.size(); at += ChunkBytes)
        lines.append(authenticate(QString::fromLatin1(encoded.mid(at, ChunkBytes))));
    if (encoded.isEmpty() || encoded.size() % ChunkBytes == 0)
        lines.append(authenticate(QStringLiteral("+")));
    return lines;
}

QList<IrcMessage> SaslExchange::abort()
{
    m_failed = true;
    m_client.reset();
    m_serverMessage.clear();
    return {authenticate(QStringLiteral("*"))};
}
