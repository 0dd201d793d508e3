#pragma once

#include "files/filehosttrust.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QFile;
class QNetworkAccessManager;

// One file sent to the chat server's file host (soju.im/FILEHOST): POST of the raw bytes,
// streamed from the file (never read whole into memory), with the account's credentials (HTTP
// Basic, the same as SASL), Content-Type, Content-Length and the name in Content-Disposition.
// The host answers 201 with the file's URL in Location; any other answer, a certificate that is
// not the chat server's, a lost connection or a stalled transfer ends it with a message for the
// user.
class FileHostUpload : public QObject
{
    Q_OBJECT

public:
    // A transfer that makes no progress for this long is abandoned.
    static constexpr int DefaultStallTimeoutMs = 60 * 1000;

    struct Credentials
    {
        QString account;
        QString password;
    };

    FileHostUpload(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~FileHostUpload() override;

    void setStallTimeout(int ms) { m_stallTimeoutMs = ms; }
    // Starts sending path to uploadUrl as name (empty: the file's own name). Any failure, even
    // at once, is reported by failed() from the event loop.
    void start(const QUrl& uploadUrl, const Credentials& credentials, const QString& path,
               const FileHostTrust& trust, const QString& name = {});
    void cancel();

    QString fileName() const { return m_name; }
    qint64 size() const { return m_size; }
    bool isRunning() const { return !m_reply.isNull(); }

    // The user's message for an answer of the file host: status an HTTP status (0: none came),
    // error what Qt said, serverText the host's one-line text.
    static QString describe(int status, QNetworkReply::NetworkError error,
                            const QString& serverText, const QString& errorString = {});
    // "attachment; filename*=UTF-8''…" for name.
    static QByteArray contentDisposition(const QString& name);
    // name, its base shortened (the extension kept, whole characters) so that percent-encoded
    // it takes at most maxEncodedBytes: the link must fit in one message.
    static QString fittingName(const QString& name, int maxEncodedBytes = MaxEncodedNameBytes);
    static constexpr int MaxEncodedNameBytes = 180;

signals:
    void progressChanged(qint64 sent, qint64 total);
    // The file is on the host, at url.
    void finished(const QUrl& url);
    void failed(const QString& message);

private:
    void onFinished();
    // The connection closed while sending: asks what the host would have answered.
    void probe(const QString& fallback);
    void fail(const QString& message);

    QNetworkAccessManager* m_network;
    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers; // as sent, for the probe
    FileHostTrust m_trust;
    QPointer<QNetworkReply> m_reply;
    QFile* m_file = nullptr;
    QString m_name;
    qint64 m_size = 0;
    int m_stallTimeoutMs = DefaultStallTimeoutMs;
    bool m_cancelled = false;
};
