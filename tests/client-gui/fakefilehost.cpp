#include "fakefilehost.h"

#include "connection/certificatecheck.h"
#include "net/tlscertificategenerator.h"

#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

namespace {

QByteArray reasonOf(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 503:
        return "Service Unavailable";
    case 507:
        return "Insufficient Storage";
    default:
        return "Status";
    }
}

} // namespace

FakeFileHost::FakeFileHost(QObject* parent) : QTcpServer(parent) {}

bool FakeFileHost::start()
{
    TlsCertificateGenerator generator(QStringLiteral("files.test"));
    if (!generator.generate()) {
        qWarning("no certificate: %s", qPrintable(generator.errorString()));
        return false;
    }
    m_certificate = QSslCertificate(generator.certificatePem());
    m_key = QSslKey(generator.privateKeyPem(), QSsl::Ec);
    return listen(QHostAddress::LocalHost, 0);
}

QString FakeFileHost::fingerprint() const
{
    return CertificateCheck::fingerprint(m_certificate);
}

QUrl FakeFileHost::uploadUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1/upload").arg(serverPort()));
}

QString FakeFileHost::fileUrl(const QString& id, const QString& encodedName) const
{
    return QStringLiteral("https://127.0.0.1:%1/files/%2/%3")
        .arg(serverPort())
        .arg(id, encodedName);
}

void FakeFileHost::setUploadAnswer(int status, const QByteArray& text)
{
    m_uploadStatus = status;
    m_uploadText = text;
}

void FakeFileHost::addFile(const QByteArray& path, const QByteArray& contentType,
                           const QByteArray& bytes)
{
    m_files.insert(path, {contentType, bytes});
}

void FakeFileHost::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    socket->setSslConfiguration(configuration);
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

void FakeFileHost::onReadyRead(QSslSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    if (socket->property("draining").toBool()) {
        socket->readAll();
        return;
    }
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (m_dropUploads && request.method == "POST") {
            m_requests.append(request);
            emit requestReceived();
            socket->abort();
            return;
        }
        if (m_answerEarly && request.method == "POST") {
            buffer.clear();
            m_requests.append(request);
            emit requestReceived();
            answer(socket, request);
            if (m_closeEarly)
                socket->disconnectFromHost();
            else
                socket->setProperty("draining", true); // the rest of the body is read and dropped
            return;
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        emit requestReceived();
        if (!m_silent)
            answer(socket, request);
    }
}

void FakeFileHost::answer(QSslSocket* socket, const Request& request)
{
    if (request.method == "POST") {
        if (m_uploadStatus != 0) {
            reply(socket, m_uploadStatus, "Content-Type: text/plain; charset=utf-8\r\n",
                  m_uploadText + "\n");
            return;
        }
        static const QRegularExpression name(QStringLiteral("filename\\*=UTF-8''([^;]+)"));
        const QString encoded =
            name.match(QString::fromLatin1(request.headers.value("content-disposition")))
                .captured(1);
        const QString id = QStringLiteral("%1").arg(++m_uploads, 22, 10, QLatin1Char('A'));
        const QByteArray url = fileUrl(id, encoded).toUtf8();
        reply(socket, 201, "Location: " + url + "\r\nContent-Type: text/plain\r\n", url + "\n");
        return;
    }
    const auto file = m_files.constFind(request.path);
    if (file == m_files.constEnd()) {
        reply(socket, 404, "Content-Type: text/plain\r\n", "No such file\n");
        return;
    }
    reply(socket, 200, "Content-Type: " + file->contentType + "\r\n", file->bytes,
          request.method != "HEAD");
}

void FakeFileHost::reply(QSslSocket* socket, int status, const QByteArray& headers,
                         const QByteArray& body, bool withBody)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonOf(status) + "\r\n" +
                  headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                  (withBody ? body : QByteArray()));
}
