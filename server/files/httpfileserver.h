#pragma once

#include "files/filehostsettings.h"
#include "files/fileindex.h"
#include "files/httpreply.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>

#include <microhttpd.h>

class FileStore;
class QTimer;

// The file host's HTTPS server (docs/FILES.md): libmicrohttpd with TLS (GnuTLS), one daemon per
// listen address, each with its own epoll thread that serves every connection (no thread per
// client). Requests are answered on those threads from a FileIndex in memory, files are read
// and written there too; this object lives on the file host's Qt thread, which owns the
// database (records written, expiry). Nothing here runs on the chat's event loop.
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

    // The answer to loginNeeded(requestId, ...): the account's name (empty: refused). Any thread.
    void finishLogin(quint64 requestId, const QString& account, bool throttled);

    // Deletes the uploads older than the expiry; returns how many (also run on a timer).
    int removeExpired();

signals:
    // An upload's Basic credentials, to be checked on the chat's side; the connection waits.
    // Emitted on a libmicrohttpd thread.
    void loginNeeded(quint64 requestId, const QString& account, const QString& password,
                     const QString& address);

private:
    struct Request;

    static MHD_Result onAccess(void* self, MHD_Connection* connection, const char* url,
                               const char* method, const char* version, const char* uploadData,
                               size_t* uploadDataSize, void** requestState);
    static void onCompleted(void* self, MHD_Connection* connection, void** requestState,
                            MHD_RequestTerminationCode code);

    MHD_Result handle(Request* request, const char* uploadData, size_t* uploadDataSize);
    // Refuses an upload: the answer comes at once, or after its body (see the .cpp).
    MHD_Result refuse(Request* request, unsigned status, const QByteArray& message,
                      const HttpReply::Headers& headers = {});
    MHD_Result drain(Request* request, size_t* uploadDataSize);
    MHD_Result beginUpload(Request* request);
    MHD_Result afterLogin(Request* request);
    MHD_Result receive(Request* request, const char* uploadData, size_t* uploadDataSize);
    MHD_Result complete(Request* request);
    MHD_Result serveFile(Request* request);
    QByteArray baseUrl(MHD_Connection* connection) const;

    bool listenOn(const QHostAddress& address, quint16* port);

    FileHostSettings m_settings;
    std::unique_ptr<FileStore> m_store; // this object's thread only
    FileIndex m_index;
    QList<MHD_Daemon*> m_daemons;
    QTimer* m_expiryTimer;
    quint16 m_port = 0;
    QString m_errorString;
    QAtomicInteger<quint64> m_lastRequestId = 0;
    QMutex m_waitingMutex; // libmicrohttpd's threads and finishLogin's
    QHash<quint64, Request*> m_waitingForLogin;
};
