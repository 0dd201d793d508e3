#include "cluster/devicehandoff.h"

#include "cluster/clusterlink.h"
#include "cluster/clustermessages.h"
#include "cluster/proxiedsession.h"
#include "commands/sessioncommands.h"
#include "core/servercore.h"
#include "net/clientconnection.h"
#include "net/connectioninfo.h"
#include "serverlogging.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace {

// A line carried to or from a client: what a well-formed IRC parameter can hold.
bool isCarriableLine(const QString& line)
{
    return !line.isEmpty() && !line.contains(u'\r') && !line.contains(u'\n') &&
           !line.contains(QChar(0));
}

} // namespace

DeviceHandoff::DeviceHandoff(ServerCore& core, ClusterLink* link) : m_core(core), m_link(link) {}

DeviceHandoff::~DeviceHandoff()
{
    dropAll(QStringLiteral("Node shutting down"));
}

bool DeviceHandoff::handOff(ServerUser* newcomer, const QString& node)
{
    if (!m_link->isUp())
        return false;
    ClientConnection* connection = newcomer->connection();
    const quint64 id = ++m_lastId;
    qCInfo(lcCluster).noquote() << "a device of" << newcomer->account() << "from"
                                << newcomer->address() << "goes to node" << node;
    m_link->publish(ClusterMessages::deviceAttach(node, id, newcomer));
    connection->setRegistered(); // its registration timer stops; the other node registers it
    Carried carried;
    carried.node = node;
    carried.id = id;
    m_carried.insert(connection, carried);
    m_carriedById.insert(id, connection);
    // Not registered here, so nobody sees it go; its name is given back.
    m_core.quit(newcomer, QStringLiteral("Handed to node %1").arg(node));
    return true;
}

bool DeviceHandoff::forward(ClientConnection* connection, const IrcMessage& message)
{
    const auto it = m_carried.find(connection);
    if (it == m_carried.end())
        return false;
    trackBatch(connection, *it, message, m_core.config().multilineMaxLines);
    m_link->publish(ClusterMessages::deviceInput(it->node, it->id, message.serialize()));
    return true;
}

void DeviceHandoff::trackBatch(ClientConnection* connection, Carried& device,
                               const IrcMessage& message, int maxLines)
{
    const QStringList& params = message.params();
    if (message.command() == QLatin1String("BATCH") && !params.isEmpty()) {
        const QString& reference = params.constFirst();
        if (reference.startsWith(u'+') && device.batch.isEmpty() && params.size() >= 3 &&
            params.at(1) == QLatin1String("draft/multiline")) {
            device.batch = reference.mid(1);
            device.batchLines = 0;
            device.batchBytes = 0;
            connection->setBatchOpen(true);
        } else if (reference.startsWith(u'-') && !device.batch.isEmpty() &&
                   reference.mid(1) == device.batch) {
            closeBatch(connection, device);
        }
        return;
    }
    if (device.batch.isEmpty() || message.tag(QStringLiteral("batch")) != device.batch)
        return;
    device.batchBytes += params.value(1).toUtf8().size();
    // Lines beyond a batch's worth are the account's node's error, and flood here like any.
    if (++device.batchLines >= maxLines)
        closeBatch(connection, device);
}

void DeviceHandoff::closeBatch(ClientConnection* connection, Carried& device)
{
    connection->setBatchOpen(false);
    const int bytesPerLine = ServerDefaults::MultilineFloodBytes;
    connection->chargeFlood(int((device.batchBytes + bytesPerLine - 1) / bytesPerLine));
    device.batch.clear();
    device.batchLines = 0;
    device.batchBytes = 0;
}

bool DeviceHandoff::connectionClosed(ClientConnection* connection, const QString& reason)
{
    const auto it = m_carried.constFind(connection);
    if (it == m_carried.cend())
        return false;
    m_link->publish(ClusterMessages::deviceGone(it->node, it->id, reason));
    uncarry(connection);
    return true;
}

ClientConnection* DeviceHandoff::carried(const QString& node, quint64 id) const
{
    ClientConnection* connection = m_carriedById.value(id);
    return connection && m_carried.value(connection).node == node ? connection : nullptr;
}

void DeviceHandoff::uncarry(ClientConnection* connection)
{
    const auto it = m_carried.find(connection);
    if (it == m_carried.end())
        return;
    m_carriedById.remove(it->id);
    m_carried.erase(it);
}

bool DeviceHandoff::apply(const QString& from, const IrcMessage& message)
{
    const QString& command = message.command();
    if (command != QLatin1String("ATTACH") && command != QLatin1String("DEVIN") &&
        command != QLatin1String("DEVOUT") && command != QLatin1String("DEVCLOSE") &&
        command != QLatin1String("DEVGONE"))
        return false;
    m_closed.clear(); // closed on an earlier pass of the loop: nothing refers to them now
    if (message.param(0) != m_link->nodeName())
        return true;
    bool ok = false;
    const quint64 id = message.param(1).toULongLong(&ok);
    if (!ok || message.paramCount() < 3) {
        qCWarning(lcCluster).noquote() << "ignored a malformed" << command << "from node" << from;
        return true;
    }
    const QString& text = message.param(2);
    if (command == QLatin1String("ATTACH")) {
        attach(from, id, message);
    } else if (command == QLatin1String("DEVIN")) {
        // A line the client sent, as its node read it (within the line limits there).
        const auto it = m_proxied.find({from, id});
        if (it == m_proxied.end() || !isCarriableLine(text))
            return true;
        const std::optional<IrcMessage> line = IrcMessage::parse(text.toUtf8());
        if (line)
            it->second->receive(*line);
    } else if (command == QLatin1String("DEVOUT")) {
        ClientConnection* connection = carried(from, id);
        if (connection && isCarriableLine(text))
            connection->sendWire(text.toUtf8() + "\r\n");
    } else if (command == QLatin1String("DEVCLOSE")) {
        if (ClientConnection* connection = carried(from, id)) {
            uncarry(connection);
            connection->close(text);
        }
    } else {
        endSession({from, id}, text);
    }
    return true;
}

void DeviceHandoff::attach(const QString& from, quint64 id, const IrcMessage& message)
{
    // ATTACH <node> <id> <account> <caps> <address> <flags> <fingerprint|*> <user> :<realname>
    bool ok = false;
    const int caps = message.param(3).toInt(&ok);
    const QString account = message.param(2);
    if (!ok || message.paramCount() < 9 || account.isEmpty() || m_proxied.count({from, id}) != 0) {
        qCWarning(lcCluster).noquote() << "ignored a malformed ATTACH from node" << from;
        return;
    }
    ServerUser* owner = m_core.users().findByAccount(m_core.caseMapping().fold(account));
    if (!owner || owner->isRemote()) {
        // It left (or moved) while the device was on its way: the client connects again.
        m_link->publish(ClusterMessages::deviceClose(
            from, id,
            QStringLiteral("Your account is no longer connected to node %1; connect again")
                .arg(m_link->nodeName())));
        return;
    }
    auto session = std::make_unique<ProxiedSession>(
        m_core, m_link, from, id, [this](ProxiedSession* closed) { sessionClosed(closed); });
    ProxiedSession* connection = session.get();
    m_proxied.emplace(ProxyKey{from, id}, std::move(session));
    const QString flags = message.param(5);
    ConnectionInfo info;
    info.host = message.param(4);
    info.secure = flags.contains(u's');
    info.loopback = flags.contains(u'l');
    if (message.param(6) != QLatin1String("*"))
        info.certificateFingerprint = message.param(6).toLatin1();
    m_core.addConnection(connection, info);
    ServerUser* device = m_core.users().find(connection);
    device->setCaps(caps);
    device->setUserName(message.param(7));
    device->setRealName(message.param(8));
    m_core.users().setAccount(device, account);
    qCInfo(lcCluster).noquote() << "a device of" << owner->source() << "on node" << from;
    if (!SessionCommands::attachToAccount(m_core, device))
        m_core.removeConnection(connection, QStringLiteral("Not attached"));
}

void DeviceHandoff::sessionClosed(ProxiedSession* session)
{
    const auto it = m_proxied.find({session->node(), session->id()});
    if (it == m_proxied.end() || it->second.get() != session)
        return;
    m_closed.push_back(std::move(it->second));
    m_proxied.erase(it);
}

void DeviceHandoff::endSession(const ProxyKey& key, const QString& reason)
{
    const auto it = m_proxied.find(key);
    if (it == m_proxied.end())
        return;
    std::unique_ptr<ProxiedSession> session = std::move(it->second);
    m_proxied.erase(it);
    m_core.removeConnection(session.get(), reason);
    m_closed.push_back(std::move(session)); // the core may still be on its way out of it
}

void DeviceHandoff::dropNode(const QString& node, const QString& reason)
{
    drop([&node](const QString& other) { return other == node; }, reason);
}

void DeviceHandoff::dropAll(const QString& reason)
{
    drop([](const QString&) { return true; }, reason);
}

void DeviceHandoff::drop(const std::function<bool(const QString&)>& ofNode, const QString& reason)
{
    std::vector<ProxyKey> keys;
    for (const auto& [key, session] : m_proxied) {
        if (ofNode(key.first))
            keys.push_back(key);
    }
    for (const ProxyKey& key : keys)
        endSession(key, reason);
    const QList<ClientConnection*> connections = m_carried.keys();
    for (ClientConnection* connection : connections) {
        if (!ofNode(m_carried.value(connection).node))
            continue;
        uncarry(connection);
        connection->close(reason);
    }
}
