#include "files/filehostprobe.h"

#include "connection/clientlogging.h"

#include <QSslSocket>
#include <QTimer>

FileHostProbe::FileHostProbe(QObject* parent)
    : QObject(parent), m_socket(new QSslSocket(this)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(TimeoutMs);
    connect(m_timer, &QTimer::timeout, this, [this] { finish(0, {}); });
    connect(m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
    connect(m_socket, &QSslSocket::disconnected, this, [this] { onReadyRead(); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] { onReadyRead(); });
}

void FileHostProbe::start(const QUrl& uploadUrl, const Headers& headers, const FileHostTrust& trust)
{
    QByteArray request =
        "POST " + uploadUrl.path(QUrl::FullyEncoded).toLatin1() +
        " HTTP/1.1\r\nHost: " + uploadUrl.authority(QUrl::FullyEncoded).toLatin1() +
        "\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    connect(m_socket, &QSslSocket::sslErrors, this, [this, trust](const QList<QSslError>& errors) {
        if (trust.accepts(errors, m_socket->peerCertificate()))
            m_socket->ignoreSslErrors(errors);
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this, request] { m_socket->write(request); });
    m_timer->start();
    m_socket->connectToHostEncrypted(uploadUrl.host(), quint16(uploadUrl.port(443)));
}

void FileHostProbe::onReadyRead()
{
    if (m_done)
        return;
    m_answer += m_socket->read(MaxAnswerBytes - m_answer.size());
    const qsizetype end = m_answer.indexOf("\r\n\r\n");
    const bool closed = m_socket->state() != QAbstractSocket::ConnectedState;
    if (end < 0) {
        if (closed || m_answer.size() >= MaxAnswerBytes)
            finish(0, {});
        return;
    }
    // "HTTP/1.1 413 Content Too Large": the status, and the one-line text after the headers.
    const QList<QByteArray> statusLine = m_answer.left(m_answer.indexOf("\r\n")).split(' ');
    const int status = statusLine.value(1).toInt();
    qsizetype length = -1;
    for (const QByteArray& line : m_answer.left(end).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    const QByteArray body = m_answer.mid(end + 4);
    if (!closed && m_answer.size() < MaxAnswerBytes && (length < 0 || body.size() < length))
        return; // more of the text to come
    finish(status, QString::fromUtf8(body).section(QLatin1Char('\n'), 0, 0).trimmed());
}

void FileHostProbe::finish(int status, const QString& text)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    m_socket->abort();
    qCInfo(lcFileTransfer) << "file host probe:" << status << text;
    emit answered(status, text);
}
