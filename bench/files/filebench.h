#pragma once

#include <QByteArray>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

// Upload and download speed of confabd's file host on loopback (issue 12 §3), and the memory of
// both processes while a large file goes through: the server runs as its own process, the
// client is QNetworkAccessManager streaming from and to disk, as the Confab client does.
class FileBench : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        double seconds = 0;
        double megabytesPerSecond = 0;
        long serverPeakRssKb = 0;
        long clientPeakRssKb = 0;
        bool ok = false;
        QString error;
        QUrl location; // after an upload
    };

    FileBench(const QSslCertificate& serverCertificate, qint64 serverPid,
              QObject* parent = nullptr);

    // POSTs the file to uploadUrl with the account's Basic credentials.
    Result upload(const QUrl& uploadUrl, const QString& path, const QString& account,
                  const QString& password);
    // GETs url into path (timed), then checks that its SHA-256 is expected (not timed).
    Result download(const QUrl& url, const QString& path, const QByteArray& expectedSha256);

private:
    void sample();
    void startSampling();

    QSslCertificate m_certificate;
    qint64 m_serverPid;
    QNetworkAccessManager* m_network;
    QTimer* m_sampler;
    long m_serverPeak = 0;
    long m_clientPeak = 0;
};
