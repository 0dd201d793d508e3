#include "discovery/serviceannouncer.h"

#include "avahidbus.h"
#include "ircdnssd.h"
#include "serverlogging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace {

QString avahiService()
{
    return QString::fromLatin1(AvahiDbus::Service);
}

} // namespace

ServiceAnnouncer::ServiceAnnouncer(const QDBusConnection& bus, QObject* parent)
    : QObject(parent), m_bus(bus),
      m_watcher(new QDBusServiceWatcher(avahiService(), bus,
                                        QDBusServiceWatcher::WatchForOwnerChange, this))
{
    qDBusRegisterMetaType<QList<QByteArray>>(); // TXT records: aay
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString&, const QString&, const QString& newOwner) {
                if (newOwner.isEmpty())
                    onAvahiVanished();
                else
                    onAvahiAppeared();
            });
    m_bus.connect(avahiService(), QString::fromLatin1(AvahiDbus::ServerPath),
                  QString::fromLatin1(AvahiDbus::ServerInterface), QStringLiteral("StateChanged"),
                  this, SLOT(onServerStateChanged(int, QString)));
}

ServiceAnnouncer::~ServiceAnnouncer()
{
    freeGroup(); // Avahi would also drop it when this process leaves the bus
}

QString ServiceAnnouncer::fittedName(const QString& name)
{
    QString fitted = name.trimmed();
    while (fitted.toUtf8().size() > IrcDnsSd::MaxServiceNameBytes) {
        fitted.chop(1);
        if (!fitted.isEmpty() && fitted.back().isHighSurrogate())
            fitted.chop(1);
    }
    return fitted;
}

void ServiceAnnouncer::announce(const QString& name, const QList<DnsSdService>& services)
{
    m_name = fittedName(name);
    m_services = services;
    if (m_services.isEmpty() || m_name.isEmpty()) {
        withdraw();
        return;
    }
    start();
}

void ServiceAnnouncer::withdraw()
{
    ++m_generation;
    freeGroup();
    m_services.clear();
    setState(State::Idle);
}

QDBusMessage ServiceAnnouncer::serverCall(const char* method) const
{
    return QDBusMessage::createMethodCall(
        avahiService(), QString::fromLatin1(AvahiDbus::ServerPath),
        QString::fromLatin1(AvahiDbus::ServerInterface), QString::fromLatin1(method));
}

QDBusMessage ServiceAnnouncer::groupCall(const char* method) const
{
    return QDBusMessage::createMethodCall(avahiService(), m_groupPath,
                                          QString::fromLatin1(AvahiDbus::EntryGroupInterface),
                                          QString::fromLatin1(method));
}

void ServiceAnnouncer::start()
{
    const int generation = ++m_generation;
    freeGroup();
    if (!m_bus.isConnected()) {
        if (!m_loggedUnavailable)
            qCInfo(lcDiscovery) << "no D-Bus system bus: not announced on the LAN";
        m_loggedUnavailable = true;
        setState(State::Unavailable);
        return;
    }
    setState(State::Registering);
    auto* call = new QDBusPendingCallWatcher(m_bus.asyncCall(serverCall("EntryGroupNew")), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, generation](QDBusPendingCallWatcher* finished) {
                onGroupCreated(finished, generation);
            });
}

void ServiceAnnouncer::onGroupCreated(QDBusPendingCallWatcher* call, int generation)
{
    call->deleteLater();
    const QDBusPendingReply<QDBusObjectPath> reply = *call;
    if (generation != m_generation)
        return;
    if (reply.isError()) {
        const QDBusError::ErrorType type = reply.error().type();
        if (type == QDBusError::ServiceUnknown || type == QDBusError::NoReply ||
            type == QDBusError::Disconnected) {
            if (!m_loggedUnavailable)
                qCInfo(lcDiscovery) << "Avahi is not running: not announced on the LAN (will be "
                                       "when Avahi starts)";
            m_loggedUnavailable = true;
            setState(State::Unavailable);
        } else {
            qCWarning(lcDiscovery) << "Avahi refused an entry group:" << reply.error().message();
            setState(State::Failed);
        }
        return;
    }
    m_groupPath = reply.value().path();
    m_bus.connect(avahiService(), m_groupPath, QString::fromLatin1(AvahiDbus::EntryGroupInterface),
                  QStringLiteral("StateChanged"), this, SLOT(onGroupStateChanged(int, QString)));

    // D-Bus keeps the order of one connection's calls: the services, then Commit.
    QList<QDBusPendingCall> calls;
    for (const DnsSdService& service : std::as_const(m_services)) {
        QDBusMessage add = groupCall("AddService");
        add << AvahiDbus::InterfaceUnspecified << AvahiDbus::ProtocolUnspecified << 0u << m_name
            << service.type << QString() << QString() << QVariant::fromValue(service.port)
            << QVariant::fromValue(service.txt);
        calls << m_bus.asyncCall(add);
    }
    calls << m_bus.asyncCall(groupCall("Commit"));
    for (const QDBusPendingCall& pending : std::as_const(calls)) {
        auto* watcher = new QDBusPendingCallWatcher(pending, this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, generation](QDBusPendingCallWatcher* finished) {
                    onCommitted(finished, generation);
                });
    }
}

void ServiceAnnouncer::onCommitted(QDBusPendingCallWatcher* call, int generation)
{
    call->deleteLater();
    if (generation != m_generation || !call->isError())
        return;
    const QDBusError error = call->error();
    if (error.name() == QLatin1String(AvahiDbus::CollisionError)) {
        renameAfterCollision();
        return;
    }
    ++m_generation; // one failure is enough: the other replies say nothing new
    qCWarning(lcDiscovery).noquote()
        << "Avahi did not announce" << m_name << "on the LAN:" << error.message();
    freeGroup();
    setState(State::Failed);
}

void ServiceAnnouncer::onGroupStateChanged(int state, const QString& error)
{
    switch (state) {
    case AvahiDbus::EntryGroupEstablished:
        qCInfo(lcDiscovery).noquote() << "announced on the LAN as" << m_name;
        setState(State::Established);
        break;
    case AvahiDbus::EntryGroupCollision:
        renameAfterCollision();
        break;
    case AvahiDbus::EntryGroupFailure:
        qCWarning(lcDiscovery).noquote() << "announcing on the LAN failed:" << error;
        ++m_generation;
        freeGroup();
        setState(State::Failed);
        break;
    default:
        break;
    }
}

void ServiceAnnouncer::onServerStateChanged(int state, const QString&)
{
    if (m_services.isEmpty())
        return;
    if (state == AvahiDbus::ServerRegistering || state == AvahiDbus::ServerCollision) {
        if (!m_withdrawnByAvahi)
            qCInfo(lcDiscovery) << "Avahi is registering its host name: announcing once it is done";
        m_withdrawnByAvahi = true;
        ++m_generation; // what was under way is void
        setState(State::Registering);
    } else if (state == AvahiDbus::ServerRunning && m_withdrawnByAvahi) {
        m_withdrawnByAvahi = false;
        start();
    }
}

void ServiceAnnouncer::renameAfterCollision()
{
    const int generation = ++m_generation;
    freeGroup();
    QDBusMessage ask = serverCall("GetAlternativeServiceName");
    ask << m_name;
    auto* call = new QDBusPendingCallWatcher(m_bus.asyncCall(ask), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, generation](QDBusPendingCallWatcher* finished) {
                finished->deleteLater();
                const QDBusPendingReply<QString> reply = *finished;
                if (generation != m_generation)
                    return;
                if (reply.isError() || reply.value().isEmpty()) {
                    qCWarning(lcDiscovery)
                        << "no other name for the LAN announcement:" << reply.error().message();
                    setState(State::Failed);
                    return;
                }
                qCInfo(lcDiscovery).noquote()
                    << "the name" << m_name << "is taken on the LAN; using" << reply.value();
                m_name = fittedName(reply.value());
                start();
            });
}

void ServiceAnnouncer::onAvahiAppeared()
{
    if (m_services.isEmpty())
        return;
    qCInfo(lcDiscovery) << "Avahi is running: announcing on the LAN";
    m_loggedUnavailable = false;
    start();
}

void ServiceAnnouncer::onAvahiVanished()
{
    ++m_generation;
    if (!m_groupPath.isEmpty()) {
        m_bus.disconnect(
            avahiService(), m_groupPath, QString::fromLatin1(AvahiDbus::EntryGroupInterface),
            QStringLiteral("StateChanged"), this, SLOT(onGroupStateChanged(int, QString)));
        m_groupPath.clear(); // gone with the daemon
    }
    if (m_services.isEmpty())
        return;
    qCInfo(lcDiscovery) << "Avahi stopped: no longer announced on the LAN";
    m_loggedUnavailable = true;
    setState(State::Unavailable);
}

void ServiceAnnouncer::freeGroup()
{
    if (m_groupPath.isEmpty())
        return;
    m_bus.disconnect(avahiService(), m_groupPath,
                     QString::fromLatin1(AvahiDbus::EntryGroupInterface),
                     QStringLiteral("StateChanged"), this, SLOT(onGroupStateChanged(int, QString)));
    m_bus.asyncCall(groupCall("Free")); // the reply says nothing worth waiting for
    m_groupPath.clear();
}

void ServiceAnnouncer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
