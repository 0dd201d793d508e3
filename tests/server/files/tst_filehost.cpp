// The file host over real HTTPS on 127.0.0.1: uploads with an account's Basic credentials,
// downloads by URL, the ISUPPORT token, and every bad input the issue names (oversized,
// wrong length, names with paths, slow uploads, quota, no account).
#include "accountfixture.h"
#include "files/filehost.h"
#include "files/filestore.h"
#include "files/httpfileserver.h"
#include "net/tlscontext.h"
#include "servertestmain.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTest>

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("correct-horse");

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray location;
    QByteArray contentType;
    QByteArray contentDisposition;
    QByteArray wwwAuthenticate;
    qint64 contentLength = -1;
};

} // namespace

class tst_FileHost : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void isupportAdvertisesTheUploadUrl();
    void uploadThenDownload();
    void headAnswersWithoutTheBody();
    void picturesAreShownInPlaceOtherFilesAreAttachments();
    void optionsListsTheMethods();
    void uploadingNeedsAnAccount();
    void repeatedWrongPasswordsAreThrottled();
    void aRightPasswordIsCheckedOnce();
    void namesLoseTheirPaths();
    void oversizedUploadIsRefusedBeforeItsBody();
    void quotaIsPerAccount();
    void contentLengthIsRequired();
    void badContentLengthIsRefused();
    void bodyShorterThanDeclaredIsNotStored();
    void silentUploadIsCut();
    void tooSlowUploadGets408();
    void unknownFilesAre404();
    void othersAreServedDuringAStalledUpload();
    void expiredUploadsAreDeleted();
    void uploadsSurviveARestartAndStrayFilesGo();
    void fileHostNeedsTls();

private:
    ServerConfig filesConfig() const;
    bool startWith(const ServerConfig& config);
    QUrl uploadUrl() const;
    Answer request(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                   const QList<QPair<QByteArray, QByteArray>>& headers = {},
                   const QString& user = Account, const QString& password = Password);
    Answer upload(const QByteArray& body, const QByteArray& disposition = {},
                  const QByteArray& type = "application/octet-stream");
    // The head of an upload by the account, as raw HTTP: the request line, Host, framing (a
    // "Content-Length: n" or "Transfer-Encoding: chunked" line, without CR LF) and the
    // credentials, ending with the empty line.
    static QByteArray uploadHead(const QByteArray& framing);
    // A raw TLS connection to the file host, handshake done; nullptr on failure.
    QSslSocket* rawConnection();
    int storedFiles() const;
    int incomingFiles() const;

    AccountFixture m_fixture;
    QNetworkAccessManager* m_network = nullptr;
    QList<QSslSocket*> m_sockets;
};

ServerConfig tst_FileHost::filesConfig() const
{
    ServerConfig config = m_fixture.config();
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.filesEnabled = true;
    config.filesPort = 0;
    config.fileMaxBytes = 64 * 1024;
    config.fileQuotaBytes = 100 * 1024;
    return config;
}

void tst_FileHost::init()
{
    m_fixture.newDataDirectory();
    m_network = new QNetworkAccessManager;
    QVERIFY(startWith(filesConfig()));
}

bool tst_FileHost::startWith(const ServerConfig& config)
{
    // The account is registered once per data directory; a restart keeps it.
    const bool restart = m_fixture.server() != nullptr;
    m_fixture.stop();
    if (!m_fixture.start(config))
        return false;
    return restart || m_fixture.registerAccount(Account, Password);
}

void tst_FileHost::cleanup()
{
    qDeleteAll(m_sockets);
    m_sockets.clear();
    delete m_network;
    m_network = nullptr;
    m_fixture.stop();
}

QUrl tst_FileHost::uploadUrl() const
{
    return QUrl(FileHost::uploadUrl({}, QHostAddress::LocalHost, m_fixture.server()->filesPort()));
}

Answer tst_FileHost::request(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                             const QList<QPair<QByteArray, QByteArray>>& headers,
                             const QString& user, const QString& password)
{
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_fixture.server()->tlsContext()->certificate()});
    request.setSslConfiguration(tls);
    if (!user.isEmpty()) {
        request.setRawHeader("Authorization",
                             "Basic " + (user + u':' + password).toUtf8().toBase64());
    }
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply* reply = m_network->sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Answer answer;
    if (!finished.wait(30000))
        return answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.location = reply->rawHeader("Location");
    answer.contentType = reply->rawHeader("Content-Type");
    answer.contentDisposition = reply->rawHeader("Content-Disposition");
    answer.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    if (reply->hasRawHeader("Content-Length"))
        answer.contentLength = reply->rawHeader("Content-Length").toLongLong();
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        qWarning() << "request failed:" << reply->errorString();
    reply->deleteLater();
    return answer;
}

Answer tst_FileHost::upload(const QByteArray& body, const QByteArray& disposition,
                            const QByteArray& type)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", type}};
    if (!disposition.isEmpty())
        headers.append({"Content-Disposition", disposition});
    return request("POST", uploadUrl(), body, headers);
}

QByteArray tst_FileHost::uploadHead(const QByteArray& framing)
{
    return "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n" + framing + "\r\nAuthorization: Basic " +
           (Account + u':' + Password).toUtf8().toBase64() + "\r\n\r\n";
}

QSslSocket* tst_FileHost::rawConnection()
{
    auto* socket = new QSslSocket;
    m_sockets.append(socket);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_fixture.server()->tlsContext()->certificate()});
    socket->setSslConfiguration(tls);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_fixture.server()->filesPort());
    if (!socket->waitForEncrypted(10000))
        return nullptr;
    return socket;
}

int tst_FileHost::storedFiles() const
{
    QDir files(QDir(m_fixture.server()->config().dataDir).filePath(QStringLiteral("files")));
    return int(files.entryList(QDir::Files).size());
}

int tst_FileHost::incomingFiles() const
{
    QDir incoming(
        QDir(m_fixture.server()->config().dataDir).filePath(QStringLiteral("files/incoming")));
    return int(incoming.entryList(QDir::Files).size());
}

void tst_FileHost::isupportAdvertisesTheUploadUrl()
{
    TestClient* client = m_fixture.login(QStringLiteral("bob"), {}, {});
    QVERIFY(client);
    QTRY_VERIFY(client->has(QStringLiteral("005")));
    QString token;
    for (const IrcMessage& message : client->messages(QStringLiteral("005"))) {
        for (const QString& param : message.params()) {
            if (param.startsWith(QLatin1String("soju.im/FILEHOST=")))
                token = param;
        }
    }
    QCOMPARE(token, QStringLiteral("soju.im/FILEHOST=https://127.0.0.1:%1/upload")
                        .arg(m_fixture.server()->filesPort()));
}

void tst_FileHost::uploadThenDownload()
{
    QByteArray content(50000, Qt::Uninitialized);
    for (int i = 0; i < content.size(); ++i)
        content[i] = char(i * 7 + i / 256);
    const Answer stored =
        upload(content, "attachment; filename*=UTF-8''%E5%9B%BE%20one.bin", "Application/Foo");
    QCOMPARE(stored.status, 201);
    const QUrl location(QString::fromUtf8(stored.location));
    QVERIFY(location.isValid());
    QCOMPARE(location.scheme(), QStringLiteral("https"));
    QCOMPARE(location.port(), int(m_fixture.server()->filesPort()));
    QVERIFY(location.path().startsWith(QLatin1String("/files/")));
    QVERIFY(location.path().endsWith(QStringLiteral("/图 one.bin")));
    QCOMPARE(stored.body.trimmed(), stored.location);
    QCOMPARE(storedFiles(), 1);
    QCOMPARE(incomingFiles(), 0);

    // No credentials needed to fetch: the URL is the key.
    const Answer fetched = request("GET", location, {}, {}, {}, {});
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, content);
    QCOMPARE(fetched.contentType, QByteArray("application/foo"));
    QVERIFY(fetched.contentDisposition.startsWith("attachment;"));
    QVERIFY(fetched.contentDisposition.contains("filename*=UTF-8''%E5%9B%BE%20one.bin"));
}

void tst_FileHost::headAnswersWithoutTheBody()
{
    const Answer stored = upload(QByteArray(1234, 'x'), "attachment; filename=\"a.txt\"");
    QCOMPARE(stored.status, 201);
    const Answer head = request("HEAD", QUrl(QString::fromUtf8(stored.location)), {}, {}, {}, {});
    QCOMPARE(head.status, 200);
    QCOMPARE(head.contentLength, 1234);
    QVERIFY(head.body.isEmpty());
}

void tst_FileHost::picturesAreShownInPlaceOtherFilesAreAttachments()
{
    const Answer picture = upload("\x89PNG\r\n", "attachment; filename=p.png", "image/png");
    QCOMPARE(picture.status, 201);
    const Answer shown = request("GET", QUrl(QString::fromUtf8(picture.location)), {}, {}, {}, {});
    QCOMPARE(shown.contentType, QByteArray("image/png"));
    QVERIFY(shown.contentDisposition.startsWith("inline;"));
    // A picture format that can carry scripts is never shown in place.
    const Answer svg = upload("<svg/>", "attachment; filename=p.svg", "image/svg+xml");
    QCOMPARE(svg.status, 201);
    const Answer saved = request("GET", QUrl(QString::fromUtf8(svg.location)), {}, {}, {}, {});
    QVERIFY(saved.contentDisposition.startsWith("attachment;"));
}

void tst_FileHost::optionsListsTheMethods()
{
    const Answer options = request("OPTIONS", uploadUrl(), {}, {}, {}, {});
    QCOMPARE(options.status, 204);
    const Answer get = request("GET", uploadUrl(), {}, {}, {}, {});
    QCOMPARE(get.status, 405);
}

void tst_FileHost::uploadingNeedsAnAccount()
{
    const Answer anonymous = request("POST", uploadUrl(), "data", {}, {}, {});
    QCOMPARE(anonymous.status, 401);
    QVERIFY(anonymous.wwwAuthenticate.startsWith("Basic "));
    QVERIFY(anonymous.body.contains("account"));
    const Answer wrong = request("POST", uploadUrl(), "data", {}, Account, QStringLiteral("nope"));
    QCOMPARE(wrong.status, 401);
    // With a body of some size, the answer still arrives whole.
    const Answer wrongWithBody = request("POST", uploadUrl(), QByteArray(60 * 1024, 'b'), {},
                                         Account, QStringLiteral("nope"));
    QCOMPARE(wrongWithBody.status, 401);
    const Answer unknown =
        request("POST", uploadUrl(), "data", {}, QStringLiteral("mallory"), Password);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(storedFiles(), 0);
    QCOMPARE(incomingFiles(), 0);
}

void tst_FileHost::repeatedWrongPasswordsAreThrottled()
{
    // The same limit as IRC logins (5 failures per account and address in the window).
    int status = 0;
    for (int i = 0; i < 6; ++i)
        status = request("POST", uploadUrl(), "data", {}, Account, QStringLiteral("bad")).status;
    QCOMPARE(status, 429);
}

void tst_FileHost::aRightPasswordIsCheckedOnce()
{
    FileHost* files = m_fixture.server()->fileHost();
    QCOMPARE(upload("one").status, 201);
    QCOMPARE(files->loginCacheHits(), 0);
    QCOMPARE(upload("two").status, 201);
    QCOMPARE(files->loginCacheHits(), 1);
    // Only the right password is remembered.
    QCOMPARE(request("POST", uploadUrl(), "x", {}, Account, QStringLiteral("wrong")).status, 401);
    QCOMPARE(request("POST", uploadUrl(), "x", {}, Account, Password + u'x').status, 401);
    QCOMPARE(files->loginCacheHits(), 1);
}

void tst_FileHost::namesLoseTheirPaths()
{
    const Answer stored = upload("x", "attachment; filename=\"../../etc/passwd\"");
    QCOMPARE(stored.status, 201);
    QVERIFY(stored.location.endsWith("/passwd"));
    QVERIFY(!stored.location.contains(".."));
    const Answer windows = upload("x", "attachment; filename=\"C:\\\\temp\\\\..\\\\x.txt\"");
    QCOMPARE(windows.status, 201);
    QVERIFY(windows.location.endsWith("/x.txt"));
    const Answer unreadable = upload("x", "attachment; filename=\"unterminated");
    QCOMPARE(unreadable.status, 400);
    // Nothing was written outside the store.
    QVERIFY(!QFile::exists(QDir(m_fixture.server()->config().dataDir).filePath("passwd")));
    QCOMPARE(storedFiles(), 2);
}

void tst_FileHost::oversizedUploadIsRefusedBeforeItsBody()
{
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    // Declares 100 MB (past what is ever read to be thrown away) and sends only headers: the
    // answer comes without waiting for any body.
    socket->write(uploadHead("Content-Length: 104857600"));
    QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0, 10000);
    const QByteArray answer = socket->readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("larger than this server's limit"));
    // A body a little too large is read and thrown away, so that the client surely gets the
    // answer (not a reset while it is still sending).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(upload(QByteArray(64 * 1024 + 1 + i * 100000, 'y')).status, 413);
    QCOMPARE(upload(QByteArray(64 * 1024, 'y')).status, 201);
}

void tst_FileHost::quotaIsPerAccount()
{
    QCOMPARE(upload(QByteArray(60 * 1024, 'a')).status, 201);
    const Answer full = upload(QByteArray(60 * 1024, 'b'));
    QCOMPARE(full.status, 507);
    QVERIFY(full.body.contains("quota"));
    QCOMPARE(upload(QByteArray(30 * 1024, 'c')).status, 201);
    // Another account has its own.
    QVERIFY(m_fixture.registerAccount(QStringLiteral("bob"), Password));
    const Answer other = request("POST", uploadUrl(), QByteArray(60 * 1024, 'd'), {},
                                 QStringLiteral("bob"), Password);
    QCOMPARE(other.status, 201);
}

void tst_FileHost::contentLengthIsRequired()
{
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    socket->write(uploadHead("Transfer-Encoding: chunked") + "5\r\nhello\r\n0\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0, 10000);
    QVERIFY(socket->readAll().startsWith("HTTP/1.1 411"));
    QCOMPARE(storedFiles(), 0);
}

void tst_FileHost::badContentLengthIsRefused()
{
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    socket->write("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(
        socket->bytesAvailable() > 0 || socket->state() != QAbstractSocket::ConnectedState, 10000);
    const QByteArray answer = socket->readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
}

void tst_FileHost::bodyShorterThanDeclaredIsNotStored()
{
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    socket->write(uploadHead("Content-Length: 5000") + QByteArray(1000, 'z'));
    QTRY_COMPARE(incomingFiles(), 1); // logged in, being received
    socket->abort();
    QTRY_COMPARE(incomingFiles(), 0);
    QCOMPARE(storedFiles(), 0);
    // The quota it held is free again.
    QCOMPARE(upload(QByteArray(64 * 1024, 'q')).status, 201);
}

void tst_FileHost::silentUploadIsCut()
{
    ServerConfig config = filesConfig();
    config.fileIdleTimeoutSecs = 1;
    QVERIFY(startWith(config));
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    socket->write(uploadHead("Content-Length: 5000") + QByteArray(100, 'z'));
    QTRY_COMPARE(incomingFiles(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_COMPARE(incomingFiles(), 0);
    QCOMPARE(storedFiles(), 0);
}

void tst_FileHost::tooSlowUploadGets408()
{
    ServerConfig config = filesConfig();
    config.fileUploadMaxSecs = 1;
    QVERIFY(startWith(config));
    QSslSocket* socket = rawConnection();
    QVERIFY(socket);
    socket->write(uploadHead("Content-Length: 5000") + QByteArray(10, 'z'));
    QTRY_COMPARE(incomingFiles(), 1);
    // A trickle: a few bytes every 300 ms, never silent, never done in time.
    QByteArray answer;
    for (int i = 0; i < 20 && answer.isEmpty(); ++i) {
        QTest::qWait(300);
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(QByteArray(10, 'z'));
        answer += socket->readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY(answer.contains("longer than this server allows"));
    QTRY_COMPARE(incomingFiles(), 0);
    QCOMPARE(storedFiles(), 0);
}

void tst_FileHost::unknownFilesAre404()
{
    const QStringList paths{
        QStringLiteral("/files/AAAAAAAAAAAAAAAAAAAAAA/x"), // well formed, unknown
        QStringLiteral("/files/../confabd.sqlite"),
        QStringLiteral("/files/%2E%2E%2Fconfabd.sqlite/x"),
        QStringLiteral("/files/"),
        QStringLiteral("/elsewhere"),
    };
    for (const QString& path : paths) {
        QUrl url = uploadUrl();
        url.setPath(path, QUrl::TolerantMode);
        const Answer answer = request("GET", url, {}, {}, {}, {});
        QVERIFY2(answer.status == 404, qPrintable(path));
        QVERIFY(!answer.body.contains("SQLite"));
    }
}

void tst_FileHost::othersAreServedDuringAStalledUpload()
{
    QSslSocket* stalled = rawConnection();
    QVERIFY(stalled);
    stalled->write(uploadHead("Content-Length: 5000"));
    QTRY_COMPARE(incomingFiles(), 1);
    QCOMPARE(upload("meanwhile").status, 201);
    // And the chat itself is not disturbed.
    TestClient* client = m_fixture.login(QStringLiteral("carol"), {}, {});
    QVERIFY(client);
}

void tst_FileHost::expiredUploadsAreDeleted()
{
    const Answer old = upload("old news");
    const Answer fresh = upload("news");
    QCOMPARE(old.status, 201);
    QCOMPARE(fresh.status, 201);
    const QString id = QUrl(QString::fromUtf8(old.location)).path().section(u'/', 2, 2);
    QVERIFY(FileStore::isId(id));
    {
        // Backdated past the expiry (30 days by default), as if uploaded 31 days ago.
        QSqlDatabase database =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backdate"));
        database.setDatabaseName(
            QDir(m_fixture.server()->config().dataDir).filePath(QStringLiteral("confabd.sqlite")));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(QStringLiteral("UPDATE files SET created_ms = created_ms - %1 "
                                          "WHERE id = '%2'")
                               .arg(31LL * 86400 * 1000)
                               .arg(id)));
        QCOMPARE(query.numRowsAffected(), 1);
        query = QSqlQuery();
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("backdate"));
    HttpFileServer* server = m_fixture.server()->fileHost()->server();
    int removed = -1;
    QMetaObject::invokeMethod(
        server, [server, &removed] { removed = server->removeExpired(); },
        Qt::BlockingQueuedConnection);
    QCOMPARE(removed, 1);
    QCOMPARE(storedFiles(), 1);
    QCOMPARE(request("GET", QUrl(QString::fromUtf8(old.location)), {}, {}, {}, {}).status, 404);
    QCOMPARE(request("GET", QUrl(QString::fromUtf8(fresh.location)), {}, {}, {}, {}).status, 200);
}

void tst_FileHost::uploadsSurviveARestartAndStrayFilesGo()
{
    const Answer kept = upload(QByteArray(40 * 1024, 'k'));
    const Answer lost = upload(QByteArray(40 * 1024, 'l'));
    QCOMPARE(kept.status, 201);
    QCOMPARE(lost.status, 201);
    QTRY_COMPARE(storedFiles(), 2);
    const QDir files(QDir(m_fixture.server()->config().dataDir).filePath(QStringLiteral("files")));
    const QString lostId = QUrl(QString::fromUtf8(lost.location)).path().section(u'/', 2, 2);
    const QString strayId = FileStore::newId();
    const ServerConfig config = m_fixture.server()->config();
    m_fixture.stop();
    // Someone deletes a file by hand; a crash left a file that was never recorded.
    QVERIFY(QFile::remove(files.filePath(lostId)));
    QFile stray(files.filePath(strayId));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write("stray");
    stray.close();
    QVERIFY(m_fixture.start(config));
    // The same URLs on the new (ephemeral) port.
    const auto onNewPort = [this](const QByteArray& location) {
        QUrl url(QString::fromUtf8(location));
        url.setPort(m_fixture.server()->filesPort());
        return url;
    };
    QCOMPARE(request("GET", onNewPort(kept.location), {}, {}, {}, {}).body,
             QByteArray(40 * 1024, 'k'));
    QCOMPARE(request("GET", onNewPort(lost.location), {}, {}, {}, {}).status, 404);
    QVERIFY(!QFile::exists(files.filePath(strayId)));
    // The lost file's 40 kB count no more: 40 + 60 fits in the 100 kB quota.
    QCOMPARE(upload(QByteArray(60 * 1024, 'n')).status, 201);
}

void tst_FileHost::fileHostNeedsTls()
{
    ServerConfig config = filesConfig();
    config.tlsEnabled = false;
    m_fixture.stop();
    QVERIFY(!m_fixture.start(config));
    QVERIFY(m_fixture.server()->errorString().contains(QLatin1String("TLS")));
}

CONFAB_SERVER_TEST_MAIN(tst_FileHost)
#include "tst_filehost.moc"
