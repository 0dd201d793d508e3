#include "files/filedownload.h"

#include "connection/clientlogging.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

namespace {

constexpr int StallTimeoutMs = 60 * 1000;

} // namespace

FileDownload::FileDownload(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network)
{
}

FileDownload::~FileDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString FileDownload::freePath(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return path;
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int n = 2;; ++n) {
        const QString candidate =
            info.dir().filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix));
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

void FileDownload::start(const QUrl& url, const QString& path, const FileHostTrust& trust,
                         qint64 maxBytes)
{
    m_path = path;
    m_maxBytes = maxBytes;
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_file = new QSaveFile(path, this);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString message = tr("Cannot write “%1”: %2").arg(path, m_file->errorString());
        QTimer::singleShot(0, this, [this, message] { fail(message); });
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(StallTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network->get(request);
    trust.watch(m_reply);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { onReadyRead(); });
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this](qint64 received, qint64 total) { emit progressChanged(received, total); });
    connect(m_reply, &QNetworkReply::finished, this, [this] { onFinished(); });
}

void FileDownload::onReadyRead()
{
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // the error text is read when it ends
    const QByteArray bytes = m_reply->readAll();
    m_received += bytes.size();
    if (m_maxBytes > 0 && m_received > m_maxBytes) {
        m_error = tr("The file is too large to show here.");
        m_reply->abort();
        return;
    }
    if (m_file->write(bytes) != bytes.size()) {
        m_error = tr("Cannot write “%1”: %2").arg(m_path, m_file->errorString());
        m_reply->abort();
    }
}

void FileDownload::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_error.isEmpty() && status == 200 && reply->error() == QNetworkReply::NoError) {
        if (m_file->commit()) {
            qCInfo(lcFileTransfer) << "downloaded" << reply->url().toString() << "to" << m_path;
            emit finished(m_path);
            return;
        }
        m_error = tr("Cannot write “%1”: %2").arg(m_path, m_file->errorString());
    }
    m_file->cancelWriting();
    if (m_error.isEmpty()) {
        if (status == 404 || status == 410)
            m_error = tr("This file is no longer on the server.");
        else if (status != 0)
            m_error = tr("The server answered with an error (HTTP %1).").arg(status);
        else if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            m_error = tr("The file server's certificate is not the chat server's.");
        else
            m_error = tr("The download failed: %1").arg(reply->errorString());
    }
    qCWarning(lcFileTransfer) << "download of" << reply->url().toString() << "failed:" << status
                              << reply->errorString();
    fail(m_error);
}

void FileDownload::fail(const QString& message)
{
    emit failed(message);
}
