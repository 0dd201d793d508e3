#include "files/filehostupload.h"

#include "connection/clientlogging.h"
#include "files/filehostprobe.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

namespace {

// The host's one-line text/plain answer, bounded and without control characters.
constexpr qint64 MaxServerText = 300;

QString serverLine(const QByteArray& body)
{
    QString text = QString::fromUtf8(body.left(MaxServerText)).section(QLatin1Char('\n'), 0, 0);
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text.trimmed();
}

} // namespace

FileHostUpload::FileHostUpload(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent), m_network(network)
{
}

FileHostUpload::~FileHostUpload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray FileHostUpload::contentDisposition(const QString& name)
{
    return "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

QString FileHostUpload::fittingName(const QString& name, int maxEncodedBytes)
{
    if (QUrl::toPercentEncoding(name).size() <= maxEncodedBytes)
        return name;
    const QString suffix = QFileInfo(name).suffix();
    const QString extension =
        suffix.isEmpty() || suffix.size() > 10 ? QString() : QLatin1Char('.') + suffix;
    QString base = name.left(name.size() - extension.size());
    const qsizetype room = maxEncodedBytes - QUrl::toPercentEncoding(extension).size();
    // Drop whole characters (a surrogate pair, or a character with its combining marks) from
    // the end until it fits.
    while (!base.isEmpty() && QUrl::toPercentEncoding(base).size() > room) {
        base.chop(1);
        while (!base.isEmpty() && (base.back().isHighSurrogate() || base.back().isMark()))
            base.chop(1);
    }
    return base + extension;
}

void FileHostUpload::start(const QUrl& uploadUrl, const Credentials& credentials,
                           const QString& path, const FileHostTrust& trust, const QString& name)
{
    m_name = fittingName(name.isEmpty() ? QFileInfo(path).fileName() : name);
    m_file = new QFile(path, this);
    if (!m_file->open(QIODevice::ReadOnly)) {
        qCWarning(lcFileTransfer) << "cannot read" << path << m_file->errorString();
        const QString message = tr("Cannot read “%1”: %2").arg(m_name, m_file->errorString());
        QTimer::singleShot(0, this, [this, message] { fail(message); });
        return;
    }
    m_size = m_file->size();
    QNetworkRequest request(uploadUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QMimeDatabase().mimeTypeForFile(path).name());
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_size);
    request.setRawHeader("Content-Disposition", contentDisposition(m_name));
    request.setRawHeader(
        "Authorization",
        "Basic " +
            (credentials.account + QLatin1Char(':') + credentials.password).toUtf8().toBase64());
    m_url = uploadUrl;
    m_trust = trust;
    for (const QByteArray& name : request.rawHeaderList())
        m_headers.append({name, request.rawHeader(name)});
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy); // credentials go nowhere else
    request.setTransferTimeout(m_stallTimeoutMs);
    qCInfo(lcFileTransfer) << "uploading" << m_name << m_size << "bytes to" << uploadUrl.host();
    m_reply = m_network->post(request, m_file);
    trust.watch(m_reply);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0) // Qt ends with (0, 0)
            emit progressChanged(sent, total);
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] { onFinished(); });
}

void FileHostUpload::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort();
}

void FileHostUpload::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_file->close();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString text = reply->isOpen() ? serverLine(reply->read(MaxServerText)) : QString();
    if (m_cancelled) {
        fail(tr("The upload of “%1” was cancelled.").arg(m_name));
        return;
    }
    if (status == 201) {
        QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        if (!location.isValid() || location.isRelative())
            location = QUrl(text, QUrl::StrictMode);
        if (location.isValid() && location.scheme() == QLatin1String("https")) {
            qCInfo(lcFileTransfer) << "uploaded" << m_name << "to" << location.toString();
            emit finished(location);
            return;
        }
        qCWarning(lcFileTransfer) << "upload answer without a usable Location:" << text;
        fail(tr("The server took “%1” but did not say where it is.").arg(m_name));
        return;
    }
    qCWarning(lcFileTransfer) << "upload of" << m_name << "failed:" << status << reply->error()
                              << reply->errorString() << text;
    if (status == 0 && reply->error() == QNetworkReply::RemoteHostClosedError) {
        probe(tr("the file server stopped the upload before the whole file was sent (too slow "
                 "a connection, or a problem on the server). Try again later."));
        return;
    }
    const QString message = describe(status, reply->error(), text, reply->errorString());
    fail(tr("“%1” was not sent: %2").arg(m_name, message));
}

void FileHostUpload::probe(const QString& fallback)
{
    auto* probe = new FileHostProbe(this);
    connect(probe, &FileHostProbe::answered, this,
            [this, probe, fallback](int status, const QString& text) {
                probe->deleteLater();
                // No refusal from the headers: something went wrong while the file was going.
                const QString message =
                    status >= 400 ? describe(status, QNetworkReply::NoError, text) : fallback;
                fail(tr("“%1” was not sent: %2").arg(m_name, message));
            });
    probe->start(m_url, m_headers, m_trust);
}

void FileHostUpload::fail(const QString& message)
{
    emit failed(message);
}

QString FileHostUpload::describe(int status, QNetworkReply::NetworkError error,
                                 const QString& serverText, const QString& errorString)
{
    const QString detail =
        serverText.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(serverText);
    switch (status) {
    case 0:
        break;
    case 400:
        return tr("the server refused the file or its name.") + detail;
    case 401:
    case 403:
        return tr("the server did not accept your account for uploads. Guests cannot send "
                  "files; sign in with an account.");
    case 408:
        return tr("the upload was too slow and the server gave up. Try again on a faster "
                  "connection.");
    case 411:
    case 412:
        return tr("the server did not accept how the file was sent.") + detail;
    case 413:
        return tr("the file is larger than this server accepts.") + detail;
    case 503:
        return tr("the server is busy. Try again in a moment.");
    case 507:
        return tr("your storage on the server is full. Delete old files or ask the server's "
                  "administrator for more room.");
    default:
        return tr("the server answered with an error (HTTP %1).").arg(status) + detail;
    }
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        return tr("the file server's certificate is not the chat server's, so nothing was "
                  "sent.");
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return tr("the upload stalled and was stopped.");
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
        return tr("the file server cannot be reached.");
    default:
        return tr("the transfer failed: %1").arg(errorString);
    }
}
