#pragma once

#include "files/filehostsettings.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

#include <microhttpd.h>

class FileStore;
class QSocketNotifier;
class QTimer;

// The file host's HTTPS server (docs/FILES.md), on its own thread: libmicrohttpd with TLS
// (GnuTLS) on one listening socket per listen address, driven from this thread's Qt event loop
// (a notifier on each daemon's epoll descriptor and a timer for its timeouts), so that nothing
// here ever runs on the chat's event loop: reading and writing files included.
//
//   POST /upload        an upload: Basic credentials of an account (checked by the chat side
//                       through loginNeeded / finishLogin while the connection is suspended),
//                       Content-Length, Content-Type, Content-Disposition; 201 + Location.
//   OPTIONS /upload     204, with Allow and Accept-Post.
//   GET|HEAD /files/<id>/<name>
//                       the file, to anyone who has the URL (its id is 128 random bits).
//
// Everything else, and every limit broken, gets a status and a one-line text/plain reason.
class HttpFileServer : public QObject
{
    Q_OBJECT

public:
    explicit HttpFileServer(const FileHostSettings& settings, QObject* parent = nullptr);
    ~HttpFileServer() override;

    // Opens the store and listens; false + errorString(). Call on the thread this lives in.
    bool start();
    QString errorString() const { return m_errorString; }
    quint16 port() const { return m_port; }
    // Stops listening and drops every connection.
    void stop();

    // The answer to loginNeeded(requestId, ...): the account's name (empty: refused).
    void finishLogin(quint64 requestId, const QString& account, bool throttled);

    // Deletes the uploads older than the expiry; returns how many (also run on a timer).
    int removeExpired();

signals:
    // An upload's Basic credentials, to be checked on the chat's side; the connection waits.
    void loginNeeded(quint64 requestId, const QString& account, const QString& password,
                     const QString& address);
    // An upload was stored (for the log and tests).
    void uploaded(const QString& id, const QString& account, qint64 size);

private:
    struct Request;
    struct Daemon
    {
        MHD_Daemon* daemon = nullptr;
        QSocketNotifier* notifier = nullptr;
    };

    static MHD_Result onAccess(void* self, MHD_Connection* connection, const char* url,
                               const char* method, const char* version, const char* uploadData,
                               size_t* uploadDataSize, void** requestState);
    static void onCompleted(void* self, MHD_Connection* connection, void** requestState,
                            MHD_RequestTerminationCode code);

    MHD_Result handle(Request* request, const char* uploadData, size_t* uploadDataSize);
    MHD_Result beginUpload(Request* request);
    MHD_Result afterLogin(Request* request);
    MHD_Result receive(Request* request, const char* uploadData, size_t* uploadDataSize);
    MHD_Result complete(Request* request);
    MHD_Result serveFile(Request* request);
    QByteArray baseUrl(MHD_Connection* connection) const;

    bool listenOn(const QHostAddress& address, quint16* port);
    // Runs every daemon's pending work, then arms the timer for the nearest timeout.
    void run();

    FileHostSettings m_settings;
    std::unique_ptr<FileStore> m_store;
    QList<Daemon> m_daemons;
    QTimer* m_timeoutTimer;
    QTimer* m_expiryTimer;
    quint16 m_port = 0;
    QString m_errorString;
    quint64 m_lastRequestId = 0;
    QHash<quint64, Request*> m_waitingForLogin;
    // Bytes of uploads in progress per account, counted against its quota with what is stored.
    QHash<QString, qint64> m_pendingBytes;
};
