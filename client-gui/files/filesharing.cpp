#include "files/filesharing.h"

#include "connection/clientlogging.h"
#include "files/filehostupload.h"
#include "files/filelink.h"
#include "session/serverconnection.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

FileSharing::FileSharing(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_network(new QNetworkAccessManager(this)),
      m_stallTimeoutMs(FileHostUpload::DefaultStallTimeoutMs)
{
    // A new connection may meet another certificate: no HTTPS connection accepted for the last
    // one is reused.
    connect(connection, &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state) {
                if (state == ServerConnection::State::Connecting)
                    m_network->clearConnectionCache();
            });
}

FileSharing::~FileSharing() = default;

QString FileSharing::unavailableReason() const
{
    if (!m_connection->isRegistered())
        return tr("Files can be sent once you are connected.");
    const QUrl host = m_connection->fileHostUrl();
    if (host.isEmpty())
        return tr("This server does not take files.");
    if (m_connection->account().isEmpty() || m_connection->accountPassword().isEmpty())
        return tr("Guests cannot send files: sign in with an account to send them.");
    // Elsewhere only when the chat connection is encrypted: on a plain one, anybody on the way
    // could name their own host and collect the password.
    if (!FileLink::sameHost(host.host(), m_connection->endpoint().host) &&
        !m_connection->isEncrypted())
        return tr("This server takes files at another address (%1); your password is not sent "
                  "there over an unencrypted connection.")
            .arg(host.host());
    return {};
}

FileHostTrust FileSharing::trust() const
{
    return FileHostTrust({m_connection->peerFingerprint(), m_connection->pinnedFingerprint()});
}

FileHostUpload* FileSharing::sendFile(const QString& target, const QString& path)
{
    return startUpload(target, path, false);
}

FileHostUpload* FileSharing::sendImage(const QString& target, const QImage& image)
{
    if (!m_pastedImages)
        m_pastedImages = std::make_unique<QTemporaryDir>();
    const QString name =
        QStringLiteral("image-%1.png")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    const QString path = m_pastedImages->filePath(name);
    if (image.isNull() || !m_pastedImages->isValid() || !image.save(path, "PNG")) {
        emit uploadFailed(target, tr("The picture could not be saved for sending."));
        return nullptr;
    }
    return startUpload(target, path, true);
}

FileHostUpload* FileSharing::startUpload(const QString& target, const QString& path, bool temporary)
{
    const QString reason = unavailableReason();
    if (!reason.isEmpty() || target.isEmpty()) {
        if (temporary)
            QFile::remove(path);
        emit uploadFailed(target, reason.isEmpty() ? tr("Choose a conversation first.") : reason);
        return nullptr;
    }
    auto* upload = new FileHostUpload(m_network, this);
    upload->setStallTimeout(m_stallTimeoutMs);
    m_uploads.append(upload);
    const auto done = [this, upload, path, temporary] {
        m_uploads.removeOne(upload);
        upload->deleteLater();
        if (temporary)
            QFile::remove(path);
    };
    connect(upload, &FileHostUpload::finished, this, [this, target, done](const QUrl& url) {
        done();
        m_connection->sendMessage(target, url.toString(QUrl::FullyEncoded));
        emit uploadFinished(target, url);
    });
    connect(upload, &FileHostUpload::failed, this, [this, target, done](const QString& message) {
        done();
        emit uploadFailed(target, message);
    });
    upload->start(m_connection->fileHostUrl(),
                  {m_connection->accountName(), m_connection->accountPassword()}, path, trust());
    emit uploadStarted(upload, target);
    return upload;
}
