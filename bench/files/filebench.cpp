#include "filebench.h"

#include "../processstats.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <unistd.h>

namespace {
constexpr int SampleIntervalMs = 20;
constexpr double MegaByte = 1024.0 * 1024.0;
} // namespace

FileBench::FileBench(const QSslCertificate& serverCertificate, qint64 serverPid, QObject* parent)
    : QObject(parent), m_certificate(serverCertificate), m_serverPid(serverPid),
      m_network(new QNetworkAccessManager(this)), m_sampler(new QTimer(this))
{
    connect(m_sampler, &QTimer::timeout, this, &FileBench::sample);
}

void FileBench::startSampling()
{
    m_serverPeak = 0;
    m_clientPeak = 0;
    sample();
    m_sampler->start(SampleIntervalMs);
}

void FileBench::sample()
{
    m_serverPeak = std::max(m_serverPeak, ProcessStats::rssKb(int(m_serverPid)));
    m_clientPeak = std::max(m_clientPeak, ProcessStats::rssKb(int(getpid())));
}

FileBench::Result FileBench::upload(const QUrl& uploadUrl, const QString& path,
                                    const QString& account, const QString& password)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    QNetworkRequest request(uploadUrl);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_certificate});
    request.setSslConfiguration(tls);
    request.setRawHeader("Authorization",
                         "Basic " + (account + u':' + password).toUtf8().toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    request.setHeader(QNetworkRequest::ContentLengthHeader, file.size());
    request.setRawHeader("Content-Disposition", "attachment; filename=\"bench.bin\"");
    startSampling();
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_network->post(request, &file);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    m_sampler->stop();
    sample();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.ok = status == 201;
    result.error = result.ok ? QString()
                             : QStringLiteral("HTTP %1: %2 %3")
                                   .arg(status)
                                   .arg(reply->errorString(), QString::fromUtf8(reply->readAll()));
    result.location = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
    result.megabytesPerSecond = double(file.size()) / MegaByte / result.seconds;
    result.serverPeakRssKb = m_serverPeak;
    result.clientPeakRssKb = m_clientPeak;
    reply->deleteLater();
    return result;
}

FileBench::Result FileBench::download(const QUrl& url, const QString& path,
                                      const QByteArray& expectedSha256)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        result.error = file.errorString();
        return result;
    }
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_certificate});
    request.setSslConfiguration(tls);
    qint64 bytes = 0;
    startSampling();
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_network->get(request);
    // Streamed to disk as it comes: the reply's buffer stays small.
    reply->setReadBufferSize(1024 * 1024);
    connect(reply, &QNetworkReply::readyRead, this, [&] {
        const QByteArray chunk = reply->readAll();
        file.write(chunk);
        bytes += chunk.size();
    });
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray rest = reply->readAll();
    file.write(rest);
    bytes += rest.size();
    file.close();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    m_sampler->stop();
    sample();
    // Checked after the clock stops: hashing is not the transfer.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.ok = status == 200 && hash.result() == expectedSha256;
    if (!result.ok) {
        result.error = status == 200
                           ? QStringLiteral("the downloaded bytes differ")
                           : QStringLiteral("HTTP %1: %2").arg(status).arg(reply->errorString());
    }
    result.megabytesPerSecond = double(bytes) / MegaByte / result.seconds;
    result.serverPeakRssKb = m_serverPeak;
    result.clientPeakRssKb = m_clientPeak;
    reply->deleteLater();
    return result;
}
