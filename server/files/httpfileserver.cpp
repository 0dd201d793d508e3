#include "files/httpfileserver.h"

#include "files/filestore.h"
#include "files/fileupload.h"
#include "files/httpreply.h"
#include "files/uploadheaders.h"
#include "net/clientsession.h"
#include "serverlogging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QTimer>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdarg>
#include <limits>

namespace {

constexpr char UploadPath[] = "/upload";
constexpr char FilesPrefix[] = "/files/";
constexpr int ListenBacklog = 128;
// libmicrohttpd's buffer per connection: headers, and each piece of an upload handed over; it
// grows by the increment (libmicrohttpd's default of 1 kB makes an upload a stream of 1 kB reads).
constexpr size_t ConnectionMemoryBytes = 256 * 1024;
constexpr size_t ConnectionMemoryIncrement = 64 * 1024;
// A refused upload's body is read and thrown away before the answer up to this size: the larger
// of DrainFactor times the upload limit and MinDrainBytes.
constexpr qint64 DrainFactor = 2;
constexpr qint64 MinDrainBytes = 16 * 1024 * 1024;
constexpr char Realm[] = "Basic realm=\"Confab\", charset=\"UTF-8\"";

QByteArray header(MHD_Connection* connection, const char* name)
{
    const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
    return value ? QByteArray(value) : QByteArray();
}

bool hasHeader(MHD_Connection* connection, const char* name)
{
    return MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name) != nullptr;
}

// A Content-Length value: digits only, no sign, no spaces inside; -1 otherwise.
qint64 parseLength(const QByteArray& value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty() || text.size() > 18)
        return -1;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
    }
    return text.toLongLong();
}

QString clientAddress(MHD_Connection* connection)
{
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    return ClientSession::normalizedAddress(QHostAddress(info->client_addr)).toString();
}

// "64 KB", "100 MB": sizes in the messages people read.
QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, bytes < 1024 * 1024 ? 0 : 1,
                                          QLocale::DataSizeTraditionalFormat);
}

void logFromLibrary(void*, const char* format, va_list arguments)
{
    qCDebug(lcFiles).noquote() << QString::vasprintf(format, arguments).trimmed();
}

} // namespace

struct HttpFileServer::Request
{
    // Draining: refused before its body, which is read and thrown away before the answer.
    enum class Stage { New, LoggingIn, Receiving, Draining, Answered };

    quint64 id = 0;
    MHD_Connection* connection = nullptr;
    QByteArray method;
    QByteArray url;
    Stage stage = Stage::New;
    bool loginDone = false;
    bool throttled = false;
    QString account;
    qint64 length = 0;
    QString name;
    QByteArray contentType;
    QByteArray baseUrl;
    std::unique_ptr<FileUpload> upload;
    qint64 reserved = 0; // bytes of the account's quota this upload holds in the index
    QElapsedTimer started;
    qint64 drained = 0;
    unsigned refusalStatus = 0;
    QByteArray refusalMessage;
    HttpReply::Headers refusalHeaders;
};

HttpFileServer::HttpFileServer(const FileHostSettings& settings, QObject* parent)
    : QObject(parent), m_settings(settings), m_expiryTimer(new QTimer(this))
{
    connect(m_expiryTimer, &QTimer::timeout, this, &HttpFileServer::removeExpired);
    // libmicrohttpd keeps pointers to these: they stay for the daemons' lifetime, with a NUL.
    m_settings.certificatePem.append('\0');
    m_settings.keyPem.append('\0');
}

HttpFileServer::~HttpFileServer()
{
    stop();
}

bool HttpFileServer::start()
{
    m_store = std::make_unique<FileStore>(
        m_settings.dataDir,
        QStringLiteral("files-%1").arg(reinterpret_cast<quintptr>(this), 0, 16));
    if (!m_store->open()) {
        m_errorString =
            QStringLiteral("cannot open the file store: %1").arg(m_store->errorString());
        return false;
    }
    int mismatched = 0;
    m_index.load(m_store->reconcile(&mismatched));
    if (mismatched > 0)
        qCInfo(lcFiles) << "deleted" << mismatched << "uploads without a record or a file";
    quint16 port = m_settings.port;
    for (const QHostAddress& address : std::as_const(m_settings.addresses)) {
        if (!listenOn(address, &port)) {
            stop();
            return false;
        }
    }
    m_port = port;
    removeExpired();
    if (m_settings.expiryDays > 0 && m_settings.expiryIntervalMs > 0)
        m_expiryTimer->start(m_settings.expiryIntervalMs);
    return true;
}

bool HttpFileServer::listenOn(const QHostAddress& address, quint16* port)
{
    const bool any = address == QHostAddress(QHostAddress::Any);
    const bool ipv4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (ipv4) {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(*port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(*port);
        if (!any) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            memcpy(&in6->sin6_addr, bytes.c, sizeof(bytes.c));
            in6->sin6_scope_id = address.scopeId().toUInt();
        }
        length = sizeof(sockaddr_in6);
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const auto fail = [&](const QString& what) {
        m_errorString = QStringLiteral("cannot listen on %1 port %2 (files): %3")
                            .arg(address.toString())
                            .arg(*port)
                            .arg(what);
        if (fd >= 0)
            ::close(fd);
        return false;
    };
    if (fd < 0)
        return fail(QString::fromLocal8Bit(strerror(errno)));
    const int on = 1;
    const int off = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (any) // both IPv6 and IPv4, like the chat's own listeners
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 ||
        ::listen(fd, ListenBacklog) != 0) {
        return fail(QString::fromLocal8Bit(strerror(errno)));
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof(bound);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &boundLength);
    *port = ntohs(bound.ss_family == AF_INET ? reinterpret_cast<sockaddr_in*>(&bound)->sin_port
                                             : reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);

    MHD_Daemon* daemon = MHD_start_daemon(
        MHD_USE_TLS | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
            MHD_USE_ERROR_LOG,
        0, nullptr, nullptr, &HttpFileServer::onAccess, this, MHD_OPTION_EXTERNAL_LOGGER,
        &logFromLibrary, nullptr, MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_HTTPS_MEM_KEY,
        m_settings.keyPem.constData(), MHD_OPTION_HTTPS_MEM_CERT,
        m_settings.certificatePem.constData(), MHD_OPTION_NOTIFY_COMPLETED,
        &HttpFileServer::onCompleted, this, MHD_OPTION_CONNECTION_TIMEOUT,
        unsigned(m_settings.idleTimeoutSecs), MHD_OPTION_CONNECTION_LIMIT,
        unsigned(m_settings.maxConnections), MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        unsigned(m_settings.maxConnectionsPerIp), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        ConnectionMemoryBytes, MHD_OPTION_CONNECTION_MEMORY_INCREMENT, ConnectionMemoryIncrement,
        MHD_OPTION_END);
    if (!daemon)
        return fail(QStringLiteral("the HTTPS server does not start (certificate or key?)"));
    m_daemons.append(daemon);
    qCInfo(lcFiles).noquote() << "file host listening on" << address.toString() << "port" << *port
                              << "(HTTPS)";
    return true;
}

void HttpFileServer::stop()
{
    // Connections waiting for a login are let go first: a daemon stops with none suspended.
    QList<Request*> waiting;
    {
        QMutexLocker lock(&m_waitingMutex);
        waiting = m_waitingForLogin.values();
        m_waitingForLogin.clear();
    }
    for (Request* request : std::as_const(waiting))
        MHD_resume_connection(request->connection);
    for (MHD_Daemon* daemon : std::as_const(m_daemons))
        MHD_stop_daemon(daemon);
    m_daemons.clear();
    m_expiryTimer->stop();
}

MHD_Result HttpFileServer::onAccess(void* self, MHD_Connection* connection, const char* url,
                                    const char* method, const char*, const char* uploadData,
                                    size_t* uploadDataSize, void** requestState)
{
    auto* server = static_cast<HttpFileServer*>(self);
    auto* request = static_cast<Request*>(*requestState);
    if (!request) {
        request = new Request;
        request->id = ++server->m_lastRequestId;
        request->connection = connection;
        request->method = method;
        request->url = url;
        request->started.start();
        *requestState = request;
    }
    return server->handle(request, uploadData, uploadDataSize);
}

void HttpFileServer::onCompleted(void* self, MHD_Connection*, void** requestState,
                                 MHD_RequestTerminationCode code)
{
    auto* server = static_cast<HttpFileServer*>(self);
    auto* request = static_cast<Request*>(*requestState);
    *requestState = nullptr;
    if (!request)
        return;
    {
        QMutexLocker lock(&server->m_waitingMutex);
        server->m_waitingForLogin.remove(request->id);
    }
    if (request->reserved > 0)
        server->m_index.release(request->account, request->reserved);
    if (request->upload && request->stage == Request::Stage::Receiving) {
        qCInfo(lcFiles).noquote() << "upload by" << request->account << "cut short after"
                                  << request->upload->received() << "of" << request->length
                                  << "bytes"
                                  << (code == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED
                                          ? "(idle timeout)"
                                          : "");
    }
    delete request; // an unfinished upload's file goes with it
}

MHD_Result HttpFileServer::handle(Request* request, const char* uploadData, size_t* uploadDataSize)
{
    MHD_Connection* connection = request->connection;
    if (request->stage == Request::Stage::Answered) {
        *uploadDataSize = 0; // what still comes after an answer is not kept
        return MHD_YES;
    }
    if (request->url == UploadPath) {
        if (request->method == MHD_HTTP_METHOD_OPTIONS) {
            request->stage = Request::Stage::Answered;
            MHD_Response* response =
                MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
            return HttpReply::queue(connection, MHD_HTTP_NO_CONTENT, response,
                                    {{"Allow", "OPTIONS, POST"}, {"Accept-Post", "*/*"}});
        }
        if (request->method != MHD_HTTP_METHOD_POST) {
            request->stage = Request::Stage::Answered;
            return HttpReply::text(connection, MHD_HTTP_METHOD_NOT_ALLOWED,
                                   "Uploads are sent with POST.", {{"Allow", "OPTIONS, POST"}});
        }
        switch (request->stage) {
        case Request::Stage::New:
            return beginUpload(request);
        case Request::Stage::LoggingIn:
            if (!request->loginDone) // cannot happen while suspended; harmless if it does
                return MHD_YES;
            if (afterLogin(request) == MHD_NO)
                return MHD_NO;
            if (request->stage == Request::Stage::Draining)
                return drain(request, uploadDataSize);
            if (request->stage != Request::Stage::Receiving)
                return MHD_YES;
            return receive(request, uploadData, uploadDataSize);
        case Request::Stage::Receiving:
            return receive(request, uploadData, uploadDataSize);
        case Request::Stage::Draining:
            return drain(request, uploadDataSize);
        case Request::Stage::Answered:
            break;
        }
        return MHD_YES;
    }
    if (request->url.startsWith(FilesPrefix)) {
        request->stage = Request::Stage::Answered;
        if (request->method != MHD_HTTP_METHOD_GET && request->method != MHD_HTTP_METHOD_HEAD) {
            return HttpReply::text(connection, MHD_HTTP_METHOD_NOT_ALLOWED,
                                   "Files are fetched with GET or HEAD.", {{"Allow", "GET, HEAD"}});
        }
        return serveFile(request);
    }
    request->stage = Request::Stage::Answered;
    return HttpReply::text(connection, MHD_HTTP_NOT_FOUND, "Nothing here.");
}

MHD_Result HttpFileServer::refuse(Request* request, unsigned status, const QByteArray& message,
                                  const HttpReply::Headers& headers)
{
    // An answer before the body makes libmicrohttpd close the connection with the body still
    // coming, and the client's kernel may then drop the answer for a reset. So, as nginx's
    // lingering close does, a body of a bounded size is read and thrown away first; a larger
    // one gets the answer at once.
    const qint64 drainLimit = std::max(DrainFactor * m_settings.maxBytes, MinDrainBytes);
    if (request->length == 0 || request->length > drainLimit) {
        request->stage = Request::Stage::Answered;
        return HttpReply::text(request->connection, status, message, headers);
    }
    request->stage = Request::Stage::Draining;
    request->refusalStatus = status;
    request->refusalMessage = message;
    request->refusalHeaders = headers;
    return MHD_YES;
}

MHD_Result HttpFileServer::drain(Request* request, size_t* uploadDataSize)
{
    if (*uploadDataSize > 0) {
        if (request->started.elapsed() > qint64(m_settings.uploadMaxSecs) * 1000)
            return MHD_NO;
        request->drained += qint64(*uploadDataSize);
        *uploadDataSize = 0;
        return MHD_YES;
    }
    if (request->drained < request->length)
        return MHD_YES;
    request->stage = Request::Stage::Answered;
    return HttpReply::text(request->connection, request->refusalStatus, request->refusalMessage,
                           request->refusalHeaders);
}

MHD_Result HttpFileServer::beginUpload(Request* request)
{
    MHD_Connection* connection = request->connection;
    request->stage = Request::Stage::Answered; // unless it gets through every check
    if (!hasHeader(connection, MHD_HTTP_HEADER_CONTENT_LENGTH)) {
        return HttpReply::text(connection, MHD_HTTP_LENGTH_REQUIRED,
                               "An upload needs a Content-Length header.");
    }
    request->length = parseLength(header(connection, MHD_HTTP_HEADER_CONTENT_LENGTH));
    if (request->length < 0) {
        return HttpReply::text(connection, MHD_HTTP_BAD_REQUEST,
                               "The Content-Length header is not a number of bytes.");
    }
    if (request->length > m_settings.maxBytes) {
        return refuse(request, MHD_HTTP_CONTENT_TOO_LARGE,
                      QStringLiteral("The file is larger than this server's limit of %1.")
                          .arg(sizeText(m_settings.maxBytes))
                          .toUtf8());
    }
    request->name = QStringLiteral("file");
    if (hasHeader(connection, MHD_HTTP_HEADER_CONTENT_DISPOSITION)) {
        const QString name =
            UploadHeaders::fileName(header(connection, MHD_HTTP_HEADER_CONTENT_DISPOSITION));
        if (name.isEmpty()) {
            return refuse(request, MHD_HTTP_BAD_REQUEST,
                          "The file name in Content-Disposition cannot be read.");
        }
        request->name = name;
    }
    request->contentType =
        UploadHeaders::contentType(header(connection, MHD_HTTP_HEADER_CONTENT_TYPE));
    request->baseUrl = baseUrl(connection);
    if (request->baseUrl.isEmpty()) {
        return refuse(request, MHD_HTTP_BAD_REQUEST,
                      "The Host header is missing or not a host name.");
    }
    char* password = nullptr;
    char* user = MHD_basic_auth_get_username_password(connection, &password);
    if (!user || !password) {
        MHD_free(user);
        MHD_free(password);
        return refuse(request, MHD_HTTP_UNAUTHORIZED,
                      "Uploading needs an account: send its name and password.",
                      {{MHD_HTTP_HEADER_WWW_AUTHENTICATE, Realm}});
    }
    const QString account = QString::fromUtf8(user);
    const QString secret = QString::fromUtf8(password);
    MHD_free(user);
    MHD_free(password);
    request->stage = Request::Stage::LoggingIn;
    {
        QMutexLocker lock(&m_waitingMutex);
        m_waitingForLogin.insert(request->id, request);
    }
    MHD_suspend_connection(connection);
    emit loginNeeded(request->id, account, secret, clientAddress(connection));
    return MHD_YES;
}

void HttpFileServer::finishLogin(quint64 requestId, const QString& account, bool throttled)
{
    QMutexLocker lock(&m_waitingMutex);
    Request* request = m_waitingForLogin.take(requestId);
    if (!request)
        return;
    request->loginDone = true;
    request->account = account;
    request->throttled = throttled;
    // Under the lock: the request cannot complete (and go) while it is suspended, and stop()
    // takes the lock before it resumes what still waits.
    MHD_resume_connection(request->connection);
}

MHD_Result HttpFileServer::afterLogin(Request* request)
{
    request->stage = Request::Stage::Answered;
    if (request->account.isEmpty()) {
        if (request->throttled) {
            return refuse(request, MHD_HTTP_TOO_MANY_REQUESTS,
                          "Too many failed logins: try again in a minute.",
                          {{"Retry-After", "60"}});
        }
        return refuse(request, MHD_HTTP_UNAUTHORIZED, "The account name or the password is wrong.",
                      {{MHD_HTTP_HEADER_WWW_AUTHENTICATE, Realm}});
    }
    qint64 used = 0;
    if (!m_index.reserve(request->account, request->length, m_settings.quotaBytes, &used)) {
        return refuse(request, MHD_HTTP_INSUFFICIENT_STORAGE,
                      QStringLiteral("Your files on this server have reached your quota of %1 (%2 "
                                     "used).")
                          .arg(sizeText(m_settings.quotaBytes), sizeText(used))
                          .toUtf8());
    }
    FileRecord record;
    record.id = FileStore::newId();
    record.account = request->account;
    record.name = request->name;
    record.contentType = request->contentType;
    record.size = request->length;
    request->reserved = request->length;
    request->upload = std::make_unique<FileUpload>(record);
    if (!request->upload->open(m_store->incomingPath(record.id))) {
        qCWarning(lcFiles).noquote() << "cannot create" << m_store->incomingPath(record.id) << ':'
                                     << request->upload->errorString();
        request->upload.reset();
        return refuse(request, MHD_HTTP_INTERNAL_SERVER_ERROR,
                      "The server cannot store files right now.");
    }
    request->stage = Request::Stage::Receiving;
    return MHD_YES;
}

MHD_Result HttpFileServer::receive(Request* request, const char* uploadData, size_t* uploadDataSize)
{
    MHD_Connection* connection = request->connection;
    FileUpload* upload = request->upload.get();
    if (*uploadDataSize > 0) {
        // Refused halfway: the answer goes out now and the connection closes (the rest of
        // the body is not waited for).
        if (upload->elapsedMs() > qint64(m_settings.uploadMaxSecs) * 1000) {
            qCInfo(lcFiles).noquote()
                << "upload by" << request->account << "too slow:" << upload->received() << "of"
                << request->length << "bytes in" << m_settings.uploadMaxSecs << 's';
            HttpReply::sendEarly(
                connection, MHD_HTTP_REQUEST_TIMEOUT, "Request Timeout",
                QStringLiteral("The upload took longer than this server allows (%1 s).")
                    .arg(m_settings.uploadMaxSecs)
                    .toUtf8());
            return MHD_NO;
        }
        if (!upload->write(uploadData, qint64(*uploadDataSize))) {
            qCWarning(lcFiles).noquote() << "cannot write an upload:" << upload->errorString();
            HttpReply::sendEarly(connection, MHD_HTTP_INTERNAL_SERVER_ERROR,
                                 "Internal Server Error",
                                 "The server could not write the file (is its disk full?).");
            return MHD_NO;
        }
        *uploadDataSize = 0;
        return MHD_YES;
    }
    if (!upload->isComplete())
        return MHD_YES;
    return complete(request);
}

MHD_Result HttpFileServer::complete(Request* request)
{
    MHD_Connection* connection = request->connection;
    request->stage = Request::Stage::Answered;
    FileUpload* upload = request->upload.get();
    upload->record().createdMs = QDateTime::currentMSecsSinceEpoch();
    if (!upload->finish() || !m_store->moveIntoPlace(upload->record().id)) {
        return HttpReply::text(connection, MHD_HTTP_INTERNAL_SERVER_ERROR,
                               "The server could not store the file.");
    }
    const FileRecord record = upload->record();
    // Servable at once; the database learns of it on the file host's thread.
    m_index.commit(record);
    request->reserved = 0;
    QMetaObject::invokeMethod(
        this, [this, record] { m_store->insert(record); }, Qt::QueuedConnection);
    const QByteArray location = request->baseUrl + FilesPrefix + record.id.toLatin1() + '/' +
                                UploadHeaders::pathSegment(record.name);
    qCInfo(lcFiles).noquote() << "upload" << record.id << "by" << record.account << ':'
                              << record.size << "bytes," << record.contentType;
    return HttpReply::text(connection, MHD_HTTP_CREATED, location,
                           {{MHD_HTTP_HEADER_LOCATION, location}});
}

MHD_Result HttpFileServer::serveFile(Request* request)
{
    MHD_Connection* connection = request->connection;
    const QString rest = QString::fromUtf8(request->url.mid(int(strlen(FilesPrefix))));
    const QString id = rest.section(u'/', 0, 0);
    std::optional<FileRecord> record;
    if (FileStore::isId(id))
        record = m_index.find(id);
    const int fd =
        record ? ::open(QFile::encodeName(m_store->filePath(id)).constData(), O_RDONLY | O_CLOEXEC)
               : -1;
    if (fd < 0) {
        return HttpReply::text(connection, MHD_HTTP_NOT_FOUND,
                               "There is no such file here (it may have expired).");
    }
    MHD_Response* response = MHD_create_response_from_fd64(uint64_t(record->size), fd);
    if (!response) {
        ::close(fd);
        return MHD_NO;
    }
    const bool inlineType = UploadHeaders::isInlineType(record->contentType);
    return HttpReply::queue(connection, MHD_HTTP_OK, response,
                            {{MHD_HTTP_HEADER_CONTENT_TYPE, record->contentType},
                             {MHD_HTTP_HEADER_CONTENT_DISPOSITION,
                              UploadHeaders::contentDisposition(record->name, inlineType)},
                             {MHD_HTTP_HEADER_CACHE_CONTROL, "private, max-age=86400"}});
}

QByteArray HttpFileServer::baseUrl(MHD_Connection* connection) const
{
    if (!m_settings.publicUrl.isEmpty())
        return m_settings.publicUrl.toUtf8();
    static const QRegularExpression Host(
        QStringLiteral(R"(^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?$)"));
    const QByteArray host = header(connection, MHD_HTTP_HEADER_HOST);
    if (!Host.match(QString::fromLatin1(host)).hasMatch())
        return {};
    return "https://" + host;
}

int HttpFileServer::removeExpired()
{
    if (!m_store || m_settings.expiryDays <= 0)
        return 0;
    const qint64 cutoff =
        QDateTime::currentMSecsSinceEpoch() - qint64(m_settings.expiryDays) * 86400 * 1000;
    const QStringList removed = m_store->removeCreatedBefore(cutoff);
    m_index.remove(removed);
    if (!removed.isEmpty())
        qCInfo(lcFiles) << "deleted" << removed.size() << "expired uploads";
    return int(removed.size());
}
