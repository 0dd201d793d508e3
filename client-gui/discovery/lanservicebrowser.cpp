#include "discovery/lanservicebrowser.h"

#include "avahidbus.h"
#include "connection/clientlogging.h"
#include "ircdnssd.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QNetworkInterface>

#include <algorithm>

namespace {

constexpr int BrowsedTypes = 2; // _irc._tcp and _ircs._tcp

QString avahiService()
{
    return QString::fromLatin1(AvahiDbus::Service);
}

QString browserInterface()
{
    return QString::fromLatin1(AvahiDbus::ServiceBrowserInterface);
}

// A call of a method of Avahi's Server object.
QDBusMessage serverCall(const QString& method)
{
    return QDBusMessage::createMethodCall(avahiService(), QString::fromLatin1(AvahiDbus::ServerPath),
                                          QString::fromLatin1(AvahiDbus::ServerInterface), method);
}

bool isOurType(const QString& type)
{
    return type == QLatin1String(IrcDnsSd::PlainServiceType) ||
           type == QLatin1String(IrcDnsSd::TlsServiceType);
}

bool isAbsence(const QDBusError& error)
{
    return error.type() == QDBusError::ServiceUnknown || error.type() == QDBusError::NoReply ||
           error.type() == QDBusError::Disconnected;
}

QList<QByteArray> byteArrays(const QVariant& value)
{
    if (value.canConvert<QList<QByteArray>>() && value.typeId() != qMetaTypeId<QDBusArgument>())
        return value.value<QList<QByteArray>>();
    QList<QByteArray> list;
    if (value.canConvert<QDBusArgument>())
        value.value<QDBusArgument>() >> list;
    return list;
}

} // namespace

LanServiceBrowser::LanServiceBrowser(const QDBusConnection& bus, QObject* parent)
    : QObject(parent), m_bus(bus),
      m_watcher(new QDBusServiceWatcher(avahiService(), bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this))
{
    qDBusRegisterMetaType<QList<QByteArray>>(); // TXT records: aay
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString&, const QString&, const QString& newOwner) {
                if (newOwner.isEmpty()) {
                    onAvahiVanished();
                } else if (m_state != State::Idle) {
                    qCInfo(lcLan) << "Avahi is running: browsing the LAN";
                    m_loggedUnavailable = false;
                    start();
                }
            });
    // Subscribed before any browser exists, for every path: nothing a browser says is missed.
    // (Signals of other programs' browsers are told apart by their path.)
    if (m_bus.isConnected()) {
        m_bus.connect(avahiService(), QString(), browserInterface(), QStringLiteral("ItemNew"),
                      this, SLOT(onItemNew(QDBusMessage)));
        m_bus.connect(avahiService(), QString(), browserInterface(), QStringLiteral("ItemRemove"),
                      this, SLOT(onItemRemove(QDBusMessage)));
        m_bus.connect(avahiService(), QString(), browserInterface(), QStringLiteral("AllForNow"),
                      this, SLOT(onAllForNow(QDBusMessage)));
        m_bus.connect(avahiService(), QString(), browserInterface(), QStringLiteral("Failure"),
                      this, SLOT(onFailure(QDBusMessage)));
    }
}

LanServiceBrowser::~LanServiceBrowser()
{
    freeBrowsers();
}

bool LanServiceBrowser::hasSettled() const
{
    if (m_state != State::Browsing || m_paths.size() < BrowsedTypes || !m_resolving.isEmpty())
        return false; // not every type's browser is there yet
    return std::all_of(m_paths.cbegin(), m_paths.cend(),
                       [this](const QString& path) { return m_settled.contains(path); });
}

void LanServiceBrowser::resolvingDone(const QString& key)
{
    if (m_resolving.remove(key) && hasSettled())
        emit settled();
}

void LanServiceBrowser::start()
{
    const int generation = ++m_generation;
    freeBrowsers();
    m_resolving.clear();
    if (!m_known.isEmpty()) {
        m_known.clear();
        emit allRemoved();
    }
    if (!m_bus.isConnected()) {
        if (!m_loggedUnavailable)
            qCInfo(lcLan) << "no D-Bus system bus: servers on the LAN cannot be found";
        m_loggedUnavailable = true;
        setState(State::Unavailable);
        return;
    }
    setState(State::Browsing);
    browse(QString::fromLatin1(IrcDnsSd::PlainServiceType), generation, true);
    browse(QString::fromLatin1(IrcDnsSd::TlsServiceType), generation, true);
}

void LanServiceBrowser::browse(const QString& type, int generation, bool prepared)
{
    // ServiceBrowserPrepare (Avahi after 0.8) makes a browser that waits for Start;
    // ServiceBrowserNew (Debian 12's 0.8) one that starts at once. Either way nothing is missed:
    // the signals were subscribed to before (see the constructor).
    QDBusMessage create = serverCall(prepared ? QStringLiteral("ServiceBrowserPrepare")
                                              : QStringLiteral("ServiceBrowserNew"));
    create << AvahiDbus::InterfaceUnspecified << AvahiDbus::ProtocolUnspecified << type << QString()
           << 0u;
    auto* call = new QDBusPendingCallWatcher(m_bus.asyncCall(create), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, type, generation, prepared](QDBusPendingCallWatcher* finished) {
                onBrowserCreated(finished, type, generation, prepared);
            });
}

void LanServiceBrowser::onBrowserCreated(QDBusPendingCallWatcher* call, const QString& type,
                                         int generation, bool prepared)
{
    call->deleteLater();
    const QDBusPendingReply<QDBusObjectPath> reply = *call;
    if (generation != m_generation)
        return;
    if (prepared && reply.isError() && reply.error().type() == QDBusError::UnknownMethod) {
        browse(type, generation, false);
        return;
    }
    if (reply.isError()) {
        if (isAbsence(reply.error())) {
            if (!m_loggedUnavailable)
                qCInfo(lcLan) << "Avahi is not running: servers on the LAN cannot be found";
            m_loggedUnavailable = true;
            setState(State::Unavailable);
        } else {
            qCWarning(lcLan).noquote()
                << "Avahi does not browse for" << type << reply.error().message();
            setState(State::Failed);
        }
        return;
    }
    const QString path = reply.value().path();
    m_paths.insert(path);
    if (prepared) {
        m_bus.asyncCall(QDBusMessage::createMethodCall(avahiService(), path, browserInterface(),
                                                       QStringLiteral("Start")));
    } else if (hasSettled()) { // its AllForNow came before this reply
        emit settled();
    }
}

QString LanServiceBrowser::keyOf(const LanService& service)
{
    return QStringLiteral("%1/%2/%3/%4/%5")
        .arg(service.interfaceIndex)
        .arg(service.protocol)
        .arg(service.type, service.domain, service.name);
}

// ItemNew and ItemRemove: (i interface, i protocol, s name, s type, s domain, u flags); the
// ResolveService reply begins the same way.
LanService LanServiceBrowser::serviceFrom(const QDBusMessage& message)
{
    const QList<QVariant> arguments = message.arguments();
    LanService service;
    if (arguments.size() < 5)
        return service;
    service.interfaceIndex = arguments.at(0).toInt();
    service.protocol = arguments.at(1).toInt();
    service.name = arguments.at(2).toString();
    service.type = arguments.at(3).toString();
    service.domain = arguments.at(4).toString();
    return service;
}

// Avahi sends a browser's signals to its client alone, and the signals of a browser made by
// ServiceBrowserNew may come before its path is known: they are taken by their type.
void LanServiceBrowser::onItemNew(const QDBusMessage& message)
{
    const LanService service = serviceFrom(message);
    if (m_state != State::Browsing || !isOurType(service.type))
        return;
    const QString key = keyOf(service);
    m_known.insert(key);
    m_resolving.insert(key);
    QDBusMessage resolve = serverCall(QStringLiteral("ResolveService"));
    resolve << service.interfaceIndex << service.protocol << service.name << service.type
            << service.domain << AvahiDbus::ProtocolUnspecified << 0u;
    auto* call = new QDBusPendingCallWatcher(m_bus.asyncCall(resolve), this);
    const int generation = m_generation;
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, key, generation](QDBusPendingCallWatcher* finished) {
                onResolved(finished, key, generation);
            });
}

// ResolveService: (i interface, i protocol, s name, s type, s domain, s host, i aprotocol,
// s address, q port, aay txt, u flags).
void LanServiceBrowser::onResolved(QDBusPendingCallWatcher* call, const QString& key,
                                   int generation)
{
    call->deleteLater();
    if (generation != m_generation || !m_known.contains(key))
        return; // gone before it was resolved
    const QDBusMessage reply = call->reply();
    const QList<QVariant> arguments = reply.arguments();
    if (reply.type() != QDBusMessage::ReplyMessage || arguments.size() < 10) {
        qCDebug(lcLan).noquote() << "not resolved:" << key << reply.errorMessage();
        resolvingDone(key);
        return;
    }
    LanService service = serviceFrom(reply);
    service.hostName = arguments.at(5).toString();
    service.address = QHostAddress(arguments.at(7).toString());
    if (service.address.isNull()) {
        resolvingDone(key);
        return;
    }
    if (service.address.protocol() == QAbstractSocket::IPv6Protocol &&
        service.address.isLinkLocal())
        service.address.setScopeId(
            QNetworkInterface::interfaceNameFromIndex(service.interfaceIndex));
    service.port = quint16(arguments.at(8).toUInt());
    for (const QByteArray& entry : byteArrays(arguments.at(9))) {
        const qsizetype equals = entry.indexOf('=');
        if (equals == 0 || entry.isEmpty())
            continue; // RFC 6763 6.4: no key
        const QByteArray name = (equals < 0 ? entry : entry.left(equals)).toLower();
        if (!service.txt.contains(name)) // 6.4: only the first of a key counts
            service.txt.insert(name, equals < 0 ? QByteArray() : entry.mid(equals + 1));
    }
    emit serviceResolved(service);
    resolvingDone(key);
}

void LanServiceBrowser::onItemRemove(const QDBusMessage& message)
{
    const LanService service = serviceFrom(message);
    if (!isOurType(service.type))
        return;
    const QString key = keyOf(service);
    if (m_known.remove(key))
        emit serviceRemoved(service);
    resolvingDone(key);
}

void LanServiceBrowser::onAllForNow(const QDBusMessage& message)
{
    if (m_state != State::Browsing || m_settled.contains(message.path()))
        return;
    m_settled.insert(message.path()); // perhaps before its browser's path is known
    if (hasSettled())
        emit settled();
}

void LanServiceBrowser::onFailure(const QDBusMessage& message)
{
    if (!m_paths.contains(message.path()))
        return;
    qCWarning(lcLan).noquote() << "browsing the LAN failed:"
                               << message.arguments().value(0).toString();
    setState(State::Failed);
}

void LanServiceBrowser::onAvahiVanished()
{
    if (m_state == State::Idle)
        return;
    ++m_generation;
    m_paths.clear(); // gone with the daemon
    m_settled.clear();
    m_resolving.clear();
    if (!m_known.isEmpty()) {
        m_known.clear();
        emit allRemoved();
    }
    qCInfo(lcLan) << "Avahi stopped: servers on the LAN cannot be found";
    m_loggedUnavailable = true;
    setState(State::Unavailable);
}

void LanServiceBrowser::freeBrowsers()
{
    for (const QString& path : std::as_const(m_paths))
        m_bus.asyncCall(QDBusMessage::createMethodCall(avahiService(), path, browserInterface(),
                                                       QStringLiteral("Free")));
    m_paths.clear();
    m_settled.clear();
}

void LanServiceBrowser::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
