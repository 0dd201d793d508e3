#include "files/filehost.h"

#include "auth/authservice.h"
#include "files/httpfileserver.h"
#include "serverlogging.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

namespace {
constexpr int LoginCacheSecretBytes = 32;
}

FileHost::FileHost(const FileHostSettings& settings, AuthService* auth, QObject* parent)
    : QObject(parent), m_settings(settings), m_auth(auth)
{
    m_thread.setObjectName(QStringLiteral("confabd files"));
    m_loginCacheSecret.resize(LoginCacheSecretBytes);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(m_loginCacheSecret.data()),
                                          LoginCacheSecretBytes / int(sizeof(quint32)));
}

QByteArray FileHost::loginKey(const QString& account, const QString& password) const
{
    return QMessageAuthenticationCode::hash(account.toUtf8() + '\0' + password.toUtf8(),
                                            m_loginCacheSecret, QCryptographicHash::Sha256);
}

FileHost::~FileHost()
{
    if (m_server) {
        HttpFileServer* server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

bool FileHost::start()
{
    m_thread.start();
    auto* server = new HttpFileServer(m_settings);
    server->moveToThread(&m_thread);
    bool started = false;
    QMetaObject::invokeMethod(
        server, [server, &started] { started = server->start(); }, Qt::BlockingQueuedConnection);
    if (!started) {
        m_errorString = server->errorString();
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        return false;
    }
    m_server = server;
    m_port = server->port();
    connect(server, &HttpFileServer::loginNeeded, this, &FileHost::checkLogin,
            Qt::QueuedConnection);
    return true;
}

void FileHost::checkLogin(quint64 requestId, const QString& account, const QString& password,
                          const QString& address)
{
    HttpFileServer* server = m_server;
    const auto answer = [server, requestId](const QString& name, bool throttled) {
        QMetaObject::invokeMethod(
            server,
            [server, requestId, name, throttled] {
                server->finishLogin(requestId, name, throttled);
            },
            Qt::QueuedConnection);
    };
    if (!m_auth) {
        answer({}, false);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray key = loginKey(account, password);
    const auto cached = m_loginCache.constFind(key);
    if (cached != m_loginCache.constEnd() && cached->expiresMs > now) {
        ++m_loginCacheHits;
        answer(cached->account, false);
        return;
    }
    SaslPeer peer;
    peer.address = address;
    m_auth->checkLogin(
        account, password, peer, this, [this, answer, key](const SaslExchangeResult& result) {
            const bool ok = result.status == SaslExchangeResult::Status::Success;
            if (ok) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                if (m_loginCache.size() >= LoginCacheEntries)
                    m_loginCache.removeIf(
                        [now](const auto& entry) { return entry.value().expiresMs <= now; });
                if (m_loginCache.size() < LoginCacheEntries)
                    m_loginCache.insert(key, {result.account, now + LoginCacheSecs * 1000LL});
            }
            answer(ok ? result.account : QString(),
                   result.failure == SaslExchangeResult::Failure::Throttled);
        });
}

QString FileHost::uploadUrl(const QHostAddress& localAddress) const
{
    return uploadUrl(m_settings.publicUrl, localAddress, m_port);
}

QString FileHost::uploadUrl(const QString& publicUrl, const QHostAddress& localAddress,
                            quint16 port)
{
    QString base = publicUrl;
    if (base.isEmpty()) {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        QHostAddress address = localAddress;
        bool mapped = false;
        const quint32 ipv4 = address.toIPv4Address(&mapped);
        if (mapped)
            address = QHostAddress(ipv4);
        // A link-local IPv6 address needs its zone, which a URL host cannot carry portably.
        url.setHost(address.isNull() ? QStringLiteral("localhost")
                                     : address.toString().section(u'%', 0, 0));
        url.setPort(port);
        base = url.toString();
    }
    return base + QStringLiteral("/upload");
}
