#include "udp/udproom.h"

#include "serverlogging.h"

#include <QMetaEnum>
#include <QStringDecoder>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>

namespace {

// How often silent members are looked for: a tenth of the timeout, at most every second (a
// member goes between timeout and timeout + 1 s after its last datagram).
int expiryIntervalMs(int timeoutMs)
{
    return std::clamp(timeoutMs / 10, 10, 1000);
}

} // namespace

UdpRoom::UdpRoom(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_maxMembers(config.udpRoomMaxMembers), m_timeoutMs(config.udpRoomTimeoutMs),
      m_rate(config.udpRoomRate), m_burst(config.udpRoomBurst), m_expiryTimer(new QTimer(this)),
      m_buffer(ServerDefaults::UdpRoomMaxDatagramBytes + 1, Qt::Uninitialized)
{
    m_clock.start();
    m_expiryTimer->setInterval(expiryIntervalMs(m_timeoutMs));
    connect(m_expiryTimer, &QTimer::timeout, this, &UdpRoom::onExpiryTick);
}

UdpRoom::~UdpRoom() = default;

bool UdpRoom::listen(const QList<QHostAddress>& addresses, quint16 port)
{
    close();
    m_errorString.clear();
    for (const QHostAddress& address : addresses) {
        auto* socket = new QUdpSocket(this);
        if (!socket->bind(address, port)) {
            m_errorString = QStringLiteral("cannot bind the UDP room to %1 port %2: %3")
                                .arg(address.toString())
                                .arg(port)
                                .arg(socket->errorString());
            qCCritical(lcUdp).noquote() << m_errorString;
            delete socket;
            close();
            return false;
        }
        port = socket->localPort(); // port 0: every address gets the same one
        connect(socket, &QUdpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        m_sockets.append(socket);
        qCInfo(lcUdp).noquote()
            << QStringLiteral("UDP room on %1 port %2").arg(address.toString()).arg(port);
    }
    if (m_sockets.isEmpty()) {
        m_errorString = QStringLiteral("no address to bind the UDP room to");
        return false;
    }
    m_expiryTimer->start();
    return true;
}

quint16 UdpRoom::port() const
{
    return m_sockets.isEmpty() ? 0 : m_sockets.constFirst()->localPort();
}

void UdpRoom::close()
{
    m_expiryTimer->stop();
    m_members.clear();
    m_buckets.clear();
    // Not deleted here: close() may run while a socket's readyRead is being handled.
    for (QUdpSocket* socket : std::as_const(m_sockets)) {
        socket->close();
        socket->deleteLater();
    }
    m_sockets.clear();
}

void UdpRoom::removeMember(const UdpEndpoint& endpoint)
{
    m_members.remove(endpoint);
}

qint64 UdpRoom::droppedTotal() const
{
    qint64 total = 0;
    for (const qint64 count : m_dropped)
        total += count;
    return total;
}

void UdpRoom::onReadyRead(QUdpSocket* socket)
{
    // Every waiting datagram: the kernel's receive buffer bounds how many there can be.
    while (socket->hasPendingDatagrams()) {
        QHostAddress sender;
        quint16 senderPort = 0;
        // One byte more than the limit: a datagram that fills it was longer than the limit
        // (the rest of it is discarded by the kernel).
        const qint64 size =
            socket->readDatagram(m_buffer.data(), m_buffer.size(), &sender, &senderPort);
        if (size < 0)
            break;
        const UdpEndpoint from = UdpEndpoint::normalized(sender, senderPort);
        if (!takeToken(from.address, m_clock.elapsed())) {
            drop(Drop::RateLimited, from, size);
            continue;
        }
        if (size > ServerDefaults::UdpRoomMaxDatagramBytes) {
            drop(Drop::TooLong, from, size);
            continue;
        }
        handleDatagram(socket, from, QByteArray(m_buffer.constData(), size));
    }
}

void UdpRoom::handleDatagram(QUdpSocket* socket, const UdpEndpoint& from, const QByteArray& bytes)
{
    // The original client sends what it encodes as UTF-8; anything else is not from it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        drop(Drop::InvalidUtf8, from, bytes.size());
        return;
    }
    if (!touchMember(socket, from, m_clock.elapsed(), bytes.size()))
        return;
    if (bytes == Heartbeat || bytes.isEmpty())
        return;
    const QByteArray out = datagram(from.toString().toUtf8(), bytes);
    // A member's text goes to every live member, the sender included, as the original did.
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it)
        send(it.value(), it.key(), out);
    emit textReceived(from, text);
}

bool UdpRoom::touchMember(QUdpSocket* socket, const UdpEndpoint& from, qint64 nowMs, qint64 bytes)
{
    const auto it = m_members.find(from);
    if (it != m_members.end()) {
        it->socket = socket;
        it->lastSeenMs = nowMs;
        return true;
    }
    if (m_members.size() >= m_maxMembers) {
        drop(Drop::RoomFull, from, bytes);
        return false;
    }
    m_members.insert(from, {socket, nowMs});
    qCInfo(lcUdp).noquote() << "member joined:" << from.toString();
    emit memberJoined(from);
    return m_members.contains(from); // a slot may have refused it (removeMember)
}

bool UdpRoom::takeToken(const QHostAddress& address, qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    auto it = m_buckets.find(address);
    if (it == m_buckets.end()) {
        // Spoofed sources could make this table grow without end: it has a size, and a new
        // address beyond it waits until idle ones have been forgotten (onExpiryTick).
        if (m_buckets.size() >= ServerDefaults::UdpRoomMaxSources)
            return false;
        it = m_buckets.insert(address, {double(m_burst), nowMs});
    }
    Bucket& bucket = it.value();
    bucket.tokens =
        std::min(double(m_burst), bucket.tokens + double(nowMs - bucket.updatedMs) * m_rate / 1000);
    bucket.updatedMs = nowMs;
    if (bucket.tokens < 1)
        return false;
    bucket.tokens -= 1;
    return true;
}

void UdpRoom::drop(Drop reason, const UdpEndpoint& from, qint64 bytes)
{
    const qint64 count = ++m_dropped[int(reason)];
    const char* name = QMetaEnum::fromType<Drop>().valueToKey(int(reason));
    // Not one line per datagram: a flood would flood the log too. The first of each reason,
    // then every thousandth; the others at debug level.
    const bool warn = count == 1 || count % 1000 == 0;
    if (!warn && !lcUdp().isDebugEnabled())
        return;
    const QString text = QStringLiteral("datagram dropped: %1 from %2 (%3 bytes)")
                             .arg(QLatin1String(name), from.toString())
                             .arg(bytes);
    if (warn)
        qCWarning(lcUdp).noquote() << text << '(' + QString::number(count) + " so far)";
    else
        qCDebug(lcUdp).noquote() << text;
}

void UdpRoom::onExpiryTick()
{
    const qint64 now = m_clock.elapsed();
    QList<UdpEndpoint> silent;
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
        if (now - it->lastSeenMs > m_timeoutMs)
            silent.append(it.key());
    }
    for (const UdpEndpoint& endpoint : std::as_const(silent)) {
        if (m_members.remove(endpoint) == 0)
            continue; // removed by a slot of an earlier memberLeft()
        qCInfo(lcUdp).noquote() << "member timed out:" << endpoint.toString();
        emit memberLeft(endpoint);
    }
    // Addresses whose bucket has filled up again are as good as new: forgotten.
    if (m_rate > 0) {
        const qint64 refillMs = qint64(double(m_burst) * 1000 / m_rate) + 1;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (now - it->updatedMs > refillMs)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
}

void UdpRoom::sendTo(const UdpEndpoint& endpoint, const QString& label, const QString& text)
{
    const auto it = m_members.constFind(endpoint);
    if (it != m_members.cend())
        send(it.value(), endpoint, datagram(label.toUtf8(), text.toUtf8()));
}

void UdpRoom::send(const Member& member, const UdpEndpoint& to, const QByteArray& datagram)
{
    // Connectionless and never blocking: a datagram the kernel cannot take now is lost, as
    // any datagram may be.
    if (member.socket->writeDatagram(datagram, to.address, to.port) < 0) {
        qCDebug(lcUdp).noquote() << "cannot send to" << to.toString() << ':'
                                 << member.socket->errorString();
    }
}

QByteArray UdpRoom::datagram(const QByteArray& label, const QByteArray& text)
{
    QByteArray out;
    out.reserve(label.size() + 1 + text.size());
    out += label;
    out += '\n';
    out += text;
    if (out.size() <= ServerDefaults::UdpRoomMaxDatagramBytes)
        return out;
    // The original client reads 1024 bytes: a longer datagram would reach it cut, possibly in
    // the middle of a character it then cannot decode.
    qsizetype cut = ServerDefaults::UdpRoomMaxDatagramBytes;
    while (cut > 0 && (uchar(out.at(cut)) & 0xC0) == 0x80)
        --cut;
    out.truncate(cut);
    return out;
}
