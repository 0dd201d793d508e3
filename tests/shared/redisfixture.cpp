#include "redisfixture.h"

#include "freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <signal.h>
#include <sys/prctl.h>

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int StopTimeoutMs = 10000;
constexpr int PingTimeoutMs = 1000;

// One PING on a fresh connection: true once the server answers +PONG.
bool answersPing(const QString& host, int port)
{
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    if (!socket.waitForConnected(PingTimeoutMs))
        return false;
    socket.write("PING\r\n");
    QByteArray answer;
    const QDeadlineTimer deadline(PingTimeoutMs);
    while (!answer.contains("\r\n") && socket.waitForReadyRead(int(deadline.remainingTime())))
        answer += socket.readAll();
    return answer.startsWith("+PONG\r\n");
}

} // namespace

RedisFixture::RedisFixture() = default;

RedisFixture::~RedisFixture()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished(StopTimeoutMs);
    }
}

bool RedisFixture::start()
{
    const QString named = qEnvironmentVariable("CONFAB_TEST_REDIS");
    if (!named.isEmpty()) {
        const QUrl url(named);
        m_host = url.host();
        m_port = url.port(6379);
        if (!answersPing(m_host, m_port)) {
            m_errorString = QStringLiteral("%1 does not answer PING").arg(named);
            return false;
        }
        return true;
    }
    m_dir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/confab-redis-XXXXXX"));
    if (!m_dir->isValid()) {
        m_errorString = m_dir->errorString();
        return false;
    }
    m_port = freeLoopbackPort();
    if (m_port < 0) {
        m_errorString = QStringLiteral("no free loopback port");
        return false;
    }
    return launchServer() && waitUntilAnswering();
}

bool RedisFixture::launchServer()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (program.isEmpty()) {
        m_errorString = QStringLiteral("redis-server is not installed");
        return false;
    }
    // Nothing is kept on disk: the tests want a server that forgets, and no fsync.
    m_server.setProgram(program);
    m_server.setArguments(
        {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
         QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
         QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--daemonize"),
         QStringLiteral("no"), QStringLiteral("--dir"), m_dir->path(), QStringLiteral("--logfile"),
         m_dir->filePath(QStringLiteral("redis.log"))});
    m_server.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_server.setProcessChannelMode(QProcess::ForwardedChannels);
    m_server.start();
    if (!m_server.waitForStarted()) {
        m_errorString = QStringLiteral("cannot run %1: %2").arg(program, m_server.errorString());
        return false;
    }
    return true;
}

bool RedisFixture::waitUntilAnswering()
{
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!answersPing(m_host, m_port)) {
        if (deadline.hasExpired() || m_server.state() == QProcess::NotRunning) {
            QFile log(m_dir->filePath(QStringLiteral("redis.log")));
            log.open(QIODevice::ReadOnly);
            m_errorString = QStringLiteral("redis-server did not start: %1")
                                .arg(QString::fromLocal8Bit(log.readAll()));
            return false;
        }
        QThread::msleep(50);
    }
    return true;
}

QString RedisFixture::url() const
{
    return QStringLiteral("redis://%1:%2").arg(m_host).arg(m_port);
}

bool RedisFixture::stopServer()
{
    if (!m_dir || m_server.state() == QProcess::NotRunning) {
        m_errorString = QStringLiteral("no private server to stop");
        return false;
    }
    m_server.kill();
    if (!m_server.waitForFinished(StopTimeoutMs)) {
        m_errorString = QStringLiteral("redis-server did not stop");
        return false;
    }
    return true;
}

bool RedisFixture::startServerAgain()
{
    if (!m_dir) {
        m_errorString = QStringLiteral("no private server to start again");
        return false;
    }
    return launchServer() && waitUntilAnswering();
}
