#include "avahifixture.h"

#include <QDir>
#include <QFile>
#include <QNetworkInterface>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

#include <sys/prctl.h>
#include <unistd.h>

namespace {

constexpr int StartTimeoutMs = 10000;

// A system bus in name only: anyone may own any name and call anything.
constexpr char BusConfig[] = R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
)";

// Avahi on every interface, without wide-area DNS-SD, rlimits or the host's own records.
constexpr char AvahiConfig[] = R"([server]
use-ipv4=yes
use-ipv6=yes
enable-dbus=yes
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
[reflector]
[rlimits]
)";

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// The daemons and tools end with the test, even when it crashes or its watchdog kills it.
void endWithParent(QProcess* process)
{
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

} // namespace

AvahiFixture::AvahiFixture(QObject* parent) : QObject(parent)
{
    m_bus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_avahi.setProcessChannelMode(QProcess::MergedChannels);
    endWithParent(&m_bus);
    endWithParent(&m_avahi);
}

AvahiFixture::~AvahiFixture()
{
    for (QProcess* tool : std::as_const(m_tools)) {
        tool->terminate();
        tool->waitForFinished(2000);
        delete tool;
    }
    stopAvahi();
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(2000))
            m_bus.kill();
    }
}

bool AvahiFixture::hasMulticastInterface()
{
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& interface : interfaces) {
        const auto flags = interface.flags();
        if (flags.testFlag(QNetworkInterface::IsUp) &&
            flags.testFlag(QNetworkInterface::IsRunning) &&
            flags.testFlag(QNetworkInterface::CanMulticast) &&
            !flags.testFlag(QNetworkInterface::IsLoopBack) && !interface.addressEntries().isEmpty())
            return true;
    }
    return false;
}

QString AvahiFixture::unescape(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 3 < text.size() + 0 && text.mid(i + 1, 3).toInt() > 0) {
            out += QChar(text.mid(i + 1, 3).toInt());
            i += 3;
        } else if (text.at(i) == u'\\' && i + 1 < text.size()) {
            out += text.at(++i);
        } else {
            out += text.at(i);
        }
    }
    return out;
}

bool AvahiFixture::start(bool withAvahi)
{
    const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (dbusDaemon.isEmpty()) {
        m_skipReason = QStringLiteral("dbus-daemon is not installed (Debian package dbus-daemon)");
        return false;
    }
    if (withAvahi && !QFile::exists(QStringLiteral("/usr/sbin/avahi-daemon"))) {
        m_skipReason =
            QStringLiteral("avahi-daemon is not installed (Debian package avahi-daemon)");
        return false;
    }
    if (withAvahi && !hasMulticastInterface()) {
        m_skipReason = QStringLiteral("no network interface that is up and can multicast: mDNS "
                                      "cannot work on this machine");
        return false;
    }
    if (!m_dir.isValid()) {
        m_skipReason = QStringLiteral("no temporary directory");
        return false;
    }
    const QString socket = m_dir.filePath(QStringLiteral("system_bus_socket"));
    const QString busConfig = m_dir.filePath(QStringLiteral("bus.conf"));
    if (!writeFile(busConfig, QString::fromLatin1(BusConfig).arg(socket).toUtf8()) ||
        !writeFile(m_dir.filePath(QStringLiteral("avahi-daemon.conf")), AvahiConfig)) {
        m_skipReason = QStringLiteral("cannot write the daemons' config files");
        return false;
    }
    m_bus.start(dbusDaemon, {QStringLiteral("--config-file=") + busConfig,
                             QStringLiteral("--nofork"), QStringLiteral("--nopidfile")});
    if (!m_bus.waitForStarted() ||
        !QTest::qWaitFor([&] { return QFile::exists(socket); }, StartTimeoutMs)) {
        m_skipReason = QStringLiteral("the private D-Bus did not start");
        return false;
    }
    m_busAddress = QStringLiteral("unix:path=") + socket;
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_busAddress.toUtf8());
    return !withAvahi || startAvahi();
}

bool AvahiFixture::startAvahi()
{
    if (isAvahiRunning())
        return true;
    if (::geteuid() != 0) {
        // avahi-daemon refuses to run as anyone else, and in a user namespace it cannot hand
        // its runtime directory to the avahi user.
        m_skipReason = QStringLiteral("the tests start their own avahi-daemon, which must run as "
                                      "root (as in the CI container)");
        return false;
    }
    if (startAvahi(false))
        return true;
    // The machine's own Avahi holds the pid file (/run/avahi-daemon/pid, compiled in): ours
    // gets a directory of its own in a private mount namespace. Both answer mDNS on port 5353.
    if (m_skipReason.contains(QLatin1String("already running")) &&
        !QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return startAvahi(true);
    return false;
}

bool AvahiFixture::startAvahi(bool ownRunDirectory)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_busAddress);
    m_avahi.setProcessEnvironment(environment);
    // As the user running the test, in place: no chroot, no switch to the avahi user.
    const QStringList arguments = {QStringLiteral("--no-drop-root"),
                                   QStringLiteral("--no-rlimits"),
                                   QStringLiteral("--no-chroot"),
                                   QStringLiteral("--no-proc-title"),
                                   QStringLiteral("-f"),
                                   m_dir.filePath(QStringLiteral("avahi-daemon.conf"))};
    if (ownRunDirectory) {
        const QString runDirectory = QStringLiteral("/run/avahi-daemon");
        m_avahi.start(QStringLiteral("unshare"),
                      QStringList{QStringLiteral("--mount"), QStringLiteral("--propagation"),
                                  QStringLiteral("private"), QStringLiteral("sh"),
                                  QStringLiteral("-c"),
                                  QStringLiteral("mount -t tmpfs tmpfs %1 && exec "
                                                 "/usr/sbin/avahi-daemon \"$@\"")
                                      .arg(runDirectory),
                                  QStringLiteral("sh")} +
                          arguments);
    } else {
        m_avahi.start(QStringLiteral("/usr/sbin/avahi-daemon"), arguments);
    }
    QByteArray output;
    const bool ready =
        m_avahi.waitForStarted() && QTest::qWaitFor(
                                        [&] {
                                            output += m_avahi.readAll();
                                            return output.contains("Server startup complete") ||
                                                   !isAvahiRunning();
                                        },
                                        StartTimeoutMs);
    if (!ready || !isAvahiRunning()) {
        m_skipReason = QStringLiteral("avahi-daemon did not start: %1")
                           .arg(QString::fromUtf8(output.trimmed()));
        stopAvahi();
        return false;
    }
    return true;
}

void AvahiFixture::stopAvahi()
{
    if (m_avahi.state() == QProcess::NotRunning)
        return;
    m_avahi.terminate();
    if (!QTest::qWaitFor([&] { return m_avahi.state() == QProcess::NotRunning; }, 5000))
        m_avahi.kill();
    m_avahi.waitForFinished(1000);
}

QByteArray AvahiFixture::runTool(const QString& program, const QStringList& arguments,
                                 int timeoutMs)
{
    QProcess tool;
    endWithParent(&tool);
    tool.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    tool.start(program, arguments);
    if (!tool.waitForStarted())
        return {};
    // qWaitFor spins the event loop: an in-process server keeps answering meanwhile.
    if (!QTest::qWaitFor([&] { return tool.state() == QProcess::NotRunning; }, timeoutMs)) {
        tool.kill();
        tool.waitForFinished(1000);
        return {};
    }
    return tool.readAllStandardOutput();
}

QList<QStringList> AvahiFixture::browse(const QString& type)
{
    QList<QStringList> resolved;
    const QByteArray output =
        runTool(QStringLiteral("avahi-browse"), {QStringLiteral("-rtp"), type});
    for (const QByteArray& line : output.split('\n')) {
        if (!line.startsWith("=;"))
            continue;
        QStringList fields = QString::fromUtf8(line).split(u';');
        if (fields.size() > 3)
            fields[3] = unescape(fields.at(3));
        resolved << fields;
    }
    return resolved;
}

bool AvahiFixture::startTool(const QString& program, const QStringList& arguments,
                             const QString& waitFor)
{
    auto* tool = new QProcess;
    m_tools << tool;
    endWithParent(tool);
    tool->setProcessChannelMode(QProcess::MergedChannels);
    // Line-buffered, or what it prints stays in its buffer while it runs.
    tool->start(QStringLiteral("stdbuf"), QStringList{QStringLiteral("-oL"), program} + arguments);
    QByteArray output;
    return tool->waitForStarted() && QTest::qWaitFor(
                                         [&] {
                                             output += tool->readAll();
                                             return output.contains(waitFor.toUtf8());
                                         },
                                         StartTimeoutMs);
}
