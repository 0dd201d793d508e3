#include "postgresfixture.h"

#include "freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

constexpr int StartTimeoutMs = 60000;
constexpr int StopTimeoutMs = 15000;
const char* const ServerUser = "postgres"; // Debian's postgresql package creates it

// The newest PostgreSQL installed: /usr/lib/postgresql/<version>/bin.
QString binDirectory()
{
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toDouble() < b.toDouble(); });
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = root.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

} // namespace

PostgresFixture::PostgresFixture()
    : m_adminConnection(QStringLiteral("postgres-fixture-%1").arg(quintptr(this)))
{
}

PostgresFixture::~PostgresFixture()
{
    if (QSqlDatabase::contains(m_adminConnection)) {
        QSqlDatabase::database(m_adminConnection, false).close();
        QSqlDatabase::removeDatabase(m_adminConnection);
    }
    if (m_server.state() != QProcess::NotRunning) {
        // SIGINT: PostgreSQL's fast shutdown (clients are cut, nothing is waited for).
        ::kill(pid_t(m_server.processId()), SIGINT);
        if (!m_server.waitForFinished(StopTimeoutMs)) {
            m_server.kill();
            m_server.waitForFinished(StopTimeoutMs);
        }
    }
}

bool PostgresFixture::runAsServerUser(QProcess& process, const QString& program,
                                      const QStringList& arguments)
{
    process.setProgram(program);
    process.setArguments(arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    if (geteuid() == 0) {
        const passwd* user = getpwnam(ServerUser);
        if (!user) {
            m_errorString = QStringLiteral("running as root, and there is no user postgres");
            return false;
        }
        const uid_t uid = user->pw_uid;
        const gid_t gid = user->pw_gid;
        process.setChildProcessModifier([uid, gid] {
            if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
                _exit(127);
            prctl(PR_SET_PDEATHSIG, SIGKILL); // after setuid, which clears it
        });
    } else {
        process.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    }
    process.setWorkingDirectory(m_dir->path());
    process.start();
    if (!process.waitForStarted()) {
        m_errorString = QStringLiteral("cannot run %1: %2").arg(program, process.errorString());
        return false;
    }
    return true;
}

bool PostgresFixture::startPrivate()
{
    const QString bin = binDirectory();
    m_bin = bin;
    if (bin.isEmpty()) {
        m_errorString = QStringLiteral("PostgreSQL is not installed (/usr/lib/postgresql/*/bin)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/confab-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_errorString = m_dir->errorString();
        return false;
    }
    if (geteuid() == 0) {
        const passwd* user = getpwnam(ServerUser);
        if (!user ||
            chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid, user->pw_gid) != 0) {
            m_errorString = QStringLiteral("cannot give the directory to the user postgres");
            return false;
        }
    }
    m_user = QStringLiteral("confab");
    QProcess initdb;
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    if (!runAsServerUser(initdb, bin + QStringLiteral("/initdb"),
                         {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("-U"), m_user, QStringLiteral("-A"),
                          QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C"), QStringLiteral("--no-sync")}))
        return false;
    if (!initdb.waitForFinished(StartTimeoutMs) || initdb.exitCode() != 0) {
        m_errorString =
            QStringLiteral("initdb failed: %1").arg(QString::fromLocal8Bit(initdb.readAll()));
        return false;
    }
    m_port = freeLoopbackPort();
    return launchServer();
}

bool PostgresFixture::launchServer()
{
    // Durability is not what these tests measure: no fsync.
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    if (!runAsServerUser(m_server, m_bin + QStringLiteral("/postgres"),
                         {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"),
                          m_dir->path(), QStringLiteral("-c"),
                          QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                          QStringLiteral("fsync=off"), QStringLiteral("-c"),
                          QStringLiteral("full_page_writes=off")}))
        return false;
    return true;
}

bool PostgresFixture::start()
{
    const QString named = qEnvironmentVariable("CONFAB_TEST_POSTGRESQL");
    if (!named.isEmpty()) {
        const QUrl url(named);
        m_host = url.host();
        m_port = url.port(5432);
        m_user = url.userName();
        m_adminDatabase = url.path().mid(1);
        if (m_adminDatabase.isEmpty())
            m_adminDatabase = QStringLiteral("postgres");
    } else if (!startPrivate()) {
        return false;
    }
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminConnection);
    admin.setHostName(m_host);
    admin.setPort(m_port);
    admin.setUserName(m_user);
    admin.setDatabaseName(m_adminDatabase);
    admin.setConnectOptions(QStringLiteral("options='-c client_min_messages=warning'"));
    return waitUntilAccepting();
}

bool PostgresFixture::waitUntilAccepting()
{
    QSqlDatabase admin = QSqlDatabase::database(m_adminConnection, false);
    // The server takes a moment to accept connections after it starts.
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!admin.open()) {
        if (deadline.hasExpired() || (m_dir && m_server.state() == QProcess::NotRunning)) {
            m_errorString =
                QStringLiteral("PostgreSQL did not start: %1 %2")
                    .arg(admin.lastError().text(), QString::fromLocal8Bit(m_server.readAll()));
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

bool PostgresFixture::stopServer()
{
    if (!m_dir || m_server.state() == QProcess::NotRunning) {
        m_errorString = QStringLiteral("no private server to stop");
        return false;
    }
    QSqlDatabase::database(m_adminConnection, false).close();
    ::kill(pid_t(m_server.processId()), SIGINT);
    if (!m_server.waitForFinished(StopTimeoutMs)) {
        m_errorString = QStringLiteral("PostgreSQL did not stop");
        return false;
    }
    return true;
}

bool PostgresFixture::startServerAgain()
{
    return launchServer() && waitUntilAccepting();
}

bool PostgresFixture::adminExec(const QString& statement)
{
    QSqlQuery query(QSqlDatabase::database(m_adminConnection));
    if (query.exec(statement))
        return true;
    m_errorString = query.lastError().text();
    return false;
}

QString PostgresFixture::createDatabase(const QString& name)
{
    // A schema of the fixture's database, named by the URL's search_path: creating and
    // dropping a schema is a few catalog rows, a database is files and checkpoints.
    if (!adminExec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(name)) ||
        !adminExec(QStringLiteral("CREATE SCHEMA %1").arg(name)))
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    url.setPath(u'/' + m_adminDatabase);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("options"), QStringLiteral("-c search_path=") + name);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

int PostgresFixture::dropConfabdConnections()
{
    QSqlQuery query(QSqlDatabase::database(m_adminConnection));
    if (!query.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                   " WHERE application_name = 'confabd'")) ||
        !query.next()) {
        m_errorString = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}
