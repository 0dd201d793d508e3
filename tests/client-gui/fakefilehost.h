#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

class QSslSocket;

// A scripted HTTPS file host for the client's file tests, on 127.0.0.1 with a self-signed
// certificate of its own (as confabd makes one): it records each request (method, path,
// headers, body) and answers what the test set, so hostile and failing hosts can be imitated.
// Uploads are answered 201 with a Location under /files/ by default; files added with addFile
// are served to GET and HEAD.
class FakeFileHost : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    explicit FakeFileHost(QObject* parent = nullptr);

    bool start(); // false (with a warning) when there is no certificate or no port
    QString fingerprint() const;
    QUrl uploadUrl() const;
    QString fileUrl(const QString& id, const QString& encodedName) const;

    // The next uploads are answered with this status and one-line text (0: the default 201).
    void setUploadAnswer(int status, const QByteArray& text = {});
    // Close uploads after their headers, without an answer (a host that gives up halfway).
    void setDropUploads(bool drop) { m_dropUploads = drop; }
    // Never answer (a host that stalls).
    void setSilent(bool silent) { m_silent = silent; }
    // Answer uploads as soon as their headers are in (as a host does with a file it will not
    // take), then read and drop the body, or close at once.
    void setAnswerEarly(bool early, bool close = false)
    {
        m_answerEarly = early;
        m_closeEarly = close;
    }
    void addFile(const QByteArray& path, const QByteArray& contentType, const QByteArray& bytes);

    const QList<Request>& requests() const { return m_requests; }

signals:
    void requestReceived();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct File
    {
        QByteArray contentType;
        QByteArray bytes;
    };
    void onReadyRead(QSslSocket* socket);
    void answer(QSslSocket* socket, const Request& request);
    static void reply(QSslSocket* socket, int status, const QByteArray& headers,
                      const QByteArray& body, bool withBody = true);

    QSslCertificate m_certificate;
    QSslKey m_key;
    QHash<QSslSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    QHash<QByteArray, File> m_files;
    int m_uploadStatus = 0;
    QByteArray m_uploadText;
    bool m_silent = false;
    bool m_answerEarly = false;
    bool m_closeEarly = false;
    bool m_dropUploads = false;
    int m_uploads = 0;
};
