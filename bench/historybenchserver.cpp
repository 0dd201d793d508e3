#include "historybenchserver.h"

#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <chrono>

namespace {

constexpr int StartSeconds = 30;
constexpr int StopSeconds = 60; // confabd writes the history it still holds before it exits

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

HistoryBenchServer::HistoryBenchServer(const HistoryBenchConfig& config, const QString& dataDir)
    : m_config(config), m_dataDir(dataDir), m_logPath(dataDir + QStringLiteral(".confabd.log"))
{
}

HistoryBenchServer::~HistoryBenchServer()
{
    QString ignored;
    stop(&ignored);
}

qint64 HistoryBenchServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool HistoryBenchServer::addAccount(const QString& name, const QString& password, QString* error)
{
    QProcess admin;
    admin.start(m_config.confabd, {QStringLiteral("--data-dir"), m_dataDir,
                                   QStringLiteral("--scram-iterations"), QStringLiteral("4096"),
                                   QStringLiteral("account"), QStringLiteral("add"), name});
    if (!admin.waitForStarted(StartSeconds * 1000)) {
        *error = QStringLiteral("cannot run %1: %2").arg(m_config.confabd, admin.errorString());
        return false;
    }
    admin.write(password.toUtf8() + '\n');
    admin.closeWriteChannel();
    if (!admin.waitForFinished(StartSeconds * 1000) || admin.exitStatus() != QProcess::NormalExit ||
        admin.exitCode() != 0) {
        *error = QStringLiteral("confabd account add %1 failed: %2")
                     .arg(name, QString::fromUtf8(admin.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool HistoryBenchServer::isListening() const
{
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
    const bool connected = probe.waitForConnected(200);
    probe.abort();
    return connected;
}

bool HistoryBenchServer::start(QString* error)
{
    m_port = m_config.port > 0 ? m_config.port : freeLoopbackPort();
    if (m_port <= 0) {
        *error = QStringLiteral("no free loopback port");
        return false;
    }
    // The limits bench/compare gives confabd, plus what these queries need: one client sends
    // thousands of CHATHISTORY requests a minute, and TARGETS asks for up to 1000 lines.
    QStringList arguments = {
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
        QStringLiteral("--port"), QString::number(m_port),
        QStringLiteral("--data-dir"), m_dataDir,
        QStringLiteral("--no-tls"),
        QStringLiteral("--no-autojoin"),
        QStringLiteral("--flood-rate"), QStringLiteral("0"),
        QStringLiteral("--flood-burst"), QStringLiteral("100000"),
        QStringLiteral("--flood-queue"), QStringLiteral("100000"),
        QStringLiteral("--history-queries"), QStringLiteral("100000"),
        QStringLiteral("--history-query-limit"),
        QString::number(qMax(m_config.latestLimit, m_config.targetsLimit)),
        QStringLiteral("--log-level"), QStringLiteral("warning"),
    };
    arguments += m_config.serverArgs;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_logPath);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start(m_config.confabd, arguments);
    if (!m_process->waitForStarted(StartSeconds * 1000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_config.confabd,
                                                           m_process->errorString());
        m_process.reset();
        return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(StartSeconds);
    while (!isListening()) {
        if (m_process->state() != QProcess::Running ||
            std::chrono::steady_clock::now() > deadline) {
            *error = QStringLiteral("confabd did not start listening on port %1; see %2")
                         .arg(m_port)
                         .arg(m_logPath);
            QString ignored;
            stop(&ignored);
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

bool HistoryBenchServer::stop(QString* error)
{
    if (!m_process)
        return true;
    bool clean = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(StopSeconds * 1000)) {
            m_process->kill();
            m_process->waitForFinished(10000);
            *error = QStringLiteral("confabd did not stop within %1 s of SIGTERM; killed")
                         .arg(StopSeconds);
            clean = false;
        }
    }
    if (clean && (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0)) {
        *error = QStringLiteral("confabd exited with code %1; see %2")
                     .arg(m_process->exitCode())
                     .arg(m_logPath);
        clean = false;
    }
    m_process.reset();
    return clean;
}
