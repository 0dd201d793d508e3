#pragma once

#include "files/filehosttrust.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;

// One file fetched from the file host into a local file, written as it arrives (never held
// whole in memory) and put in place only when complete; at most maxBytes when given. The host's
// certificate is judged by FileHostTrust.
class FileDownload : public QObject
{
    Q_OBJECT

public:
    FileDownload(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~FileDownload() override;

    // maxBytes 0: no limit.
    void start(const QUrl& url, const QString& path, const FileHostTrust& trust,
               qint64 maxBytes = 0);
    QString path() const { return m_path; }

    // path, or "name (2).ext"… beside it when it exists.
    static QString freePath(const QString& path);

signals:
    void progressChanged(qint64 received, qint64 total);
    void finished(const QString& path);
    void failed(const QString& message);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString& message);

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    QSaveFile* m_file = nullptr;
    QString m_path;
    qint64 m_maxBytes = 0;
    qint64 m_received = 0;
    QString m_error;
};
