// ServerOptions: confabd's command line and ini file into a ServerConfig.
#include "config/serveroptions.h"

#include "auth/passwordhash.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <vector>

class tst_ServerOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void values_data();
    void values();
    void errors_data();
    void errors();
    void helpAndVersion();
    void configFile();
    void operatorBlocks();
    void badOperatorBlock_data();
    void badOperatorBlock();
    void operatorOptions();
    void passwordHashCommand();
    void logLevels_data();
    void logLevels();
    void translations_data();
    void translations();
    void qtEventLoop_data();
    void qtEventLoop();
};

static QStringList args(const QStringList& rest)
{
    return QStringList{QStringLiteral("confabd")} + rest;
}

void tst_ServerOptions::defaults()
{
    ServerOptions options;
    QCOMPARE(options.parse(args({})), ServerOptions::Result::Ok);
    const ServerConfig& c = options.config();
    QCOMPARE(c.port, quint16(6667));
    QCOMPARE(c.listenAddresses, QList<QHostAddress>{QHostAddress(QHostAddress::Any)});
    QCOMPARE(c.serverName, QStringLiteral("confab.local"));
    QCOMPARE(c.defaultChannel, QStringLiteral("#lobby"));
    QVERIFY(c.autoJoin);
    QCOMPARE(c.maxClients, ServerDefaults::MaxClients);
    QCOMPARE(c.threads, ServerDefaults::threads());
    QCOMPARE(c.sendQueueBytes, ServerDefaults::SendQueueBytes);
    QCOMPARE(c.monitorLimit, 100);
    QCOMPARE(c.udpRoomPort, quint16(0)); // the UDP room is off
    QCOMPARE(c.udpRoomChannel, QStringLiteral("#lobby"));
    QCOMPARE(c.udpRoomTimeoutMs, 10000);
    QVERIFY(c.databaseUrl.isEmpty()); // SQLite in the data directory
    QVERIFY(c.clusterUrl.isEmpty());  // a node alone
    QVERIFY(!c.nodeName.isEmpty());   // the host name, or "node"
    QCOMPARE(c.clusterLeaseMs, ServerDefaults::ClusterLeaseMs);
    QCOMPARE(c.historyBatchRecords, 65536);
    QCOMPARE(c.historyBacklogRecords, 4 * 65536); // room for the batch being collected
    QCOMPARE(options.logFilterRules(), QStringLiteral("confab*.debug=false"));
}

void tst_ServerOptions::values_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port") << QStringList{"-p", "7000"} << "port"
                          << "7000";
    QTest::newRow("port long") << QStringList{"--port=0"} << "port"
                               << "0";
    QTest::newRow("listen v4 and v6")
        << QStringList{"-l", "127.0.0.1", "--listen", "::1"} << "listen"
        << "127.0.0.1 ::1";
    QTest::newRow("listen bracketed v6") << QStringList{"-l", "[::1]"} << "listen"
                                         << "::1";
    QTest::newRow("server name") << QStringList{"--server-name", "irc.example.org"} << "serverName"
                                 << "irc.example.org";
    QTest::newRow("no autojoin") << QStringList{"--no-autojoin"} << "autoJoin"
                                 << "false";
    QTest::newRow("default channel")
        << QStringList{"--default-channel", "#home"} << "defaultChannel"
        << "#home";
    QTest::newRow("database") << QStringList{"--database", "postgresql://confab@db:5433/chat"}
                              << "databaseUrl"
                              << "postgresql://confab@db:5433/chat";
    QTest::newRow("cluster") << QStringList{"--cluster", "redis://10.0.0.5:6380", "--database",
                                            "postgresql://db/c"}
                             << "clusterUrl"
                             << "redis://10.0.0.5:6380";
    QTest::newRow("node name") << QStringList{"--node-name", "node-2.lan"} << "nodeName"
                               << "node-2.lan";
    QTest::newRow("cluster lease") << QStringList{"--cluster-lease", "3000"} << "clusterLeaseMs"
                                   << "3000";
    QTest::newRow("max clients") << QStringList{"--max-clients", "5"} << "maxClients"
                                 << "5";
    QTest::newRow("history batch")
        << QStringList{"--history-batch", "5000"} << "historyBatchRecords"
        << "5000";
    QTest::newRow("history backlog")
        << QStringList{"--history-backlog", "20000"} << "historyBacklogRecords"
        << "20000";
    QTest::newRow("threads") << QStringList{"--threads", "3"} << "threads"
                             << "3";
    QTest::newRow("threads one per core")
        << QStringList{"--threads", "0"} << "threads"
        << QString::number(qBound(1, QThread::idealThreadCount(), ServerDefaults::MaxThreads));
    QTest::newRow("max per ip") << QStringList{"--max-per-ip", "3"} << "maxConnectionsPerIp"
                                << "3";
    QTest::newRow("max channels") << QStringList{"--max-channels", "7"} << "maxChannelsPerUser"
                                  << "7";
    QTest::newRow("nick length") << QStringList{"--nick-length", "16"} << "nickLength"
                                 << "16";
    QTest::newRow("monitor limit") << QStringList{"--monitor-limit", "250"} << "monitorLimit"
                                   << "250";
    QTest::newRow("ping interval seconds")
        << QStringList{"--ping-interval", "0.25"} << "pingIntervalMs"
        << "250";
    QTest::newRow("ping timeout") << QStringList{"--ping-timeout", "30"} << "pingTimeoutMs"
                                  << "30000";
    QTest::newRow("registration timeout")
        << QStringList{"--registration-timeout", "5"} << "registrationTimeoutMs"
        << "5000";
    QTest::newRow("flood burst") << QStringList{"--flood-burst", "8"} << "floodBurst"
                                 << "8";
    QTest::newRow("flood rate off") << QStringList{"--flood-rate", "0"} << "floodRate"
                                    << "0";
    QTest::newRow("flood queue") << QStringList{"--flood-queue", "9"} << "floodMaxQueuedLines"
                                 << "9";
    QTest::newRow("sendq") << QStringList{"--sendq", "65536"} << "sendQueueBytes"
                           << "65536";
    QTest::newRow("password") << QStringList{"--password", "pw"} << "password"
                              << "pw";
    QTest::newRow("udp room") << QStringList{"--udp-room", "7777"} << "udpRoomPort"
                              << "7777";
    QTest::newRow("udp room off") << QStringList{"--udp-room", "0"} << "udpRoomPort"
                                  << "0";
    QTest::newRow("udp room channel")
        << QStringList{"--udp-room-channel", "#udp"} << "udpRoomChannel"
        << "#udp";
    QTest::newRow("udp room members")
        << QStringList{"--udp-room-max-members", "3"} << "udpRoomMaxMembers"
        << "3";
    QTest::newRow("udp room timeout")
        << QStringList{"--udp-room-timeout", "2.5"} << "udpRoomTimeoutMs"
        << "2500";
    QTest::newRow("udp room rate off") << QStringList{"--udp-room-rate", "0"} << "udpRoomRate"
                                       << "0";
    QTest::newRow("udp room burst") << QStringList{"--udp-room-burst", "4"} << "udpRoomBurst"
                                    << "4";
    QTest::newRow("files on by default") << QStringList{} << "filesEnabled"
                                         << "true";
    QTest::newRow("no files") << QStringList{"--no-files"} << "filesEnabled"
                              << "false";
    QTest::newRow("no files without tls") << QStringList{"--no-tls"} << "filesEnabled"
                                          << "false";
    QTest::newRow("files port") << QStringList{"--files-port", "8443"} << "filesPort"
                                << "8443";
    QTest::newRow("files url") << QStringList{"--files-url", "https://chat.example.org:8443"}
                               << "filesUrl"
                               << "https://chat.example.org:8443";
    QTest::newRow("file max size") << QStringList{"--file-max-size", "5"} << "fileMaxBytes"
                                   << "5242880";
    QTest::newRow("file quota") << QStringList{"--file-quota", "2"} << "fileQuotaBytes"
                                << "2097152";
    QTest::newRow("file expiry forever") << QStringList{"--file-expiry", "0"} << "fileExpiryDays"
                                         << "0";
    QTest::newRow("file idle timeout")
        << QStringList{"--file-idle-timeout", "9"} << "fileIdleTimeoutSecs"
        << "9";
    QTest::newRow("file upload time")
        << QStringList{"--file-upload-time", "60"} << "fileUploadMaxSecs"
        << "60";
    QTest::newRow("file max connections")
        << QStringList{"--file-max-connections", "8"} << "fileMaxConnections"
        << "8";
    QTest::newRow("file max per ip")
        << QStringList{"--file-max-per-ip", "2"} << "fileMaxConnectionsPerIp"
        << "2";
}

static QString field(const ServerConfig& c, const QString& name)
{
    if (name == QLatin1String("port"))
        return QString::number(c.port);
    if (name == QLatin1String("listen")) {
        QStringList list;
        for (const QHostAddress& a : c.listenAddresses)
            list.append(a.toString());
        return list.join(u' ');
    }
    if (name == QLatin1String("serverName"))
        return c.serverName;
    if (name == QLatin1String("autoJoin"))
        return c.autoJoin ? QStringLiteral("true") : QStringLiteral("false");
    if (name == QLatin1String("defaultChannel"))
        return c.defaultChannel;
    if (name == QLatin1String("password"))
        return c.password;
    if (name == QLatin1String("udpRoomChannel"))
        return c.udpRoomChannel;
    if (name == QLatin1String("filesEnabled"))
        return c.filesEnabled ? QStringLiteral("true") : QStringLiteral("false");
    if (name == QLatin1String("filesUrl"))
        return c.filesUrl;
    if (name == QLatin1String("databaseUrl"))
        return c.databaseUrl;
    if (name == QLatin1String("clusterUrl"))
        return c.clusterUrl;
    if (name == QLatin1String("nodeName"))
        return c.nodeName;
    const QHash<QString, qint64> numbers = {
        {QStringLiteral("maxClients"), c.maxClients},
        {QStringLiteral("historyBatchRecords"), c.historyBatchRecords},
        {QStringLiteral("historyBacklogRecords"), c.historyBacklogRecords},
        {QStringLiteral("threads"), c.threads},
        {QStringLiteral("clusterLeaseMs"), c.clusterLeaseMs},
        {QStringLiteral("maxConnectionsPerIp"), c.maxConnectionsPerIp},
        {QStringLiteral("maxChannelsPerUser"), c.maxChannelsPerUser},
        {QStringLiteral("nickLength"), c.nickLength},
        {QStringLiteral("monitorLimit"), c.monitorLimit},
        {QStringLiteral("pingIntervalMs"), c.pingIntervalMs},
        {QStringLiteral("pingTimeoutMs"), c.pingTimeoutMs},
        {QStringLiteral("registrationTimeoutMs"), c.registrationTimeoutMs},
        {QStringLiteral("floodBurst"), c.floodBurst},
        {QStringLiteral("floodRate"), qint64(c.floodRate)},
        {QStringLiteral("floodMaxQueuedLines"), c.floodMaxQueuedLines},
        {QStringLiteral("sendQueueBytes"), c.sendQueueBytes},
        {QStringLiteral("udpRoomPort"), c.udpRoomPort},
        {QStringLiteral("udpRoomMaxMembers"), c.udpRoomMaxMembers},
        {QStringLiteral("udpRoomTimeoutMs"), c.udpRoomTimeoutMs},
        {QStringLiteral("udpRoomRate"), qint64(c.udpRoomRate)},
        {QStringLiteral("udpRoomBurst"), c.udpRoomBurst},
        {QStringLiteral("filesPort"), c.filesPort},
        {QStringLiteral("fileMaxBytes"), c.fileMaxBytes},
        {QStringLiteral("fileQuotaBytes"), c.fileQuotaBytes},
        {QStringLiteral("fileExpiryDays"), c.fileExpiryDays},
        {QStringLiteral("fileIdleTimeoutSecs"), c.fileIdleTimeoutSecs},
        {QStringLiteral("fileUploadMaxSecs"), c.fileUploadMaxSecs},
        {QStringLiteral("fileMaxConnections"), c.fileMaxConnections},
        {QStringLiteral("fileMaxConnectionsPerIp"), c.fileMaxConnectionsPerIp},
    };
    return numbers.contains(name) ? QString::number(numbers.value(name)) : QStringLiteral("?");
}

void tst_ServerOptions::values()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    ServerOptions options;
    QCOMPARE(options.parse(args(arguments)), ServerOptions::Result::Ok);
    QCOMPARE(::field(options.config(), field), expected);
}

void tst_ServerOptions::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option") << QStringList{"--bogus"} << "bogus";
    QTest::newRow("port too big") << QStringList{"-p", "70000"} << "port";
    QTest::newRow("port not a number") << QStringList{"-p", "abc"} << "port";
    QTest::newRow("missing value") << QStringList{"--port"} << "port";
    QTest::newRow("bad address") << QStringList{"-l", "300.1.1.1"} << "300.1.1.1";
    QTest::newRow("max clients zero") << QStringList{"--max-clients", "0"} << "max-clients";
    QTest::newRow("history batch tiny") << QStringList{"--history-batch", "10"} << "history-batch";
    QTest::newRow("history batch huge")
        << QStringList{"--history-batch", "500001"} << "history-batch";
    QTest::newRow("threads negative") << QStringList{"--threads", "-1"} << "threads";
    QTest::newRow("threads too many") << QStringList{"--threads", "65"} << "threads";
    QTest::newRow("monitor limit zero") << QStringList{"--monitor-limit", "0"} << "monitor-limit";
    QTest::newRow("monitor limit huge")
        << QStringList{"--monitor-limit", "10001"} << "monitor-limit";
    QTest::newRow("negative ping") << QStringList{"--ping-interval", "-1"} << "ping-interval";
    QTest::newRow("flood rate text") << QStringList{"--flood-rate", "fast"} << "flood-rate";
    QTest::newRow("sendq tiny") << QStringList{"--sendq", "10"} << "sendq";
    QTest::newRow("bad log level") << QStringList{"--log-level", "loud"} << "log-level";
    QTest::newRow("bad channel") << QStringList{"--default-channel", "lobby"} << "default-channel";
    QTest::newRow("server name with space")
        << QStringList{"--server-name", "a b.c"} << "server-name";
    QTest::newRow("missing motd") << QStringList{"--motd", "/nonexistent/motd"} << "motd";
    QTest::newRow("missing config") << QStringList{"-c", "/nonexistent.ini"} << "nonexistent";
    QTest::newRow("database not postgresql")
        << QStringList{"--database", "mysql://db/confab"} << "database";
    QTest::newRow("database path with slash")
        << QStringList{"--database", "postgresql://db/a/b"} << "database";
    QTest::newRow("cluster without database")
        << QStringList{"--cluster", "redis://127.0.0.1"} << "cluster";
    QTest::newRow("cluster not redis")
        << QStringList{"--cluster", "http://127.0.0.1", "--database", "postgresql://db/c"}
        << "cluster";
    QTest::newRow("node name with slash") << QStringList{"--node-name", "a/b"} << "node-name";
    QTest::newRow("node name too long")
        << QStringList{"--node-name", QString(33, u'n')} << "node-name";
    QTest::newRow("cluster lease too short")
        << QStringList{"--cluster-lease", "999"} << "cluster-lease";
    QTest::newRow("positional") << QStringList{"extra"} << "extra";
    QTest::newRow("udp room port too big") << QStringList{"--udp-room", "65536"} << "udp-room";
    QTest::newRow("udp room channel")
        << QStringList{"--udp-room-channel", "lobby"} << "udp-room-channel";
    QTest::newRow("udp room no members")
        << QStringList{"--udp-room-max-members", "0"} << "udp-room-max-members";
    QTest::newRow("udp room negative rate")
        << QStringList{"--udp-room-rate", "-1"} << "udp-room-rate";
    QTest::newRow("files url plain http")
        << QStringList{"--files-url", "http://chat.example.org"} << "files-url";
    QTest::newRow("files url with path")
        << QStringList{"--files-url", "https://chat.example.org/up"} << "files-url";
    QTest::newRow("file max size zero") << QStringList{"--file-max-size", "0"} << "file-max-size";
    QTest::newRow("files port too big") << QStringList{"--files-port", "70000"} << "files-port";
}

void tst_ServerOptions::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    ServerOptions options;
    QCOMPARE(options.parse(args(arguments)), ServerOptions::Result::Error);
    QVERIFY2(options.errorText().contains(mentions), qPrintable(options.errorText()));
}

void tst_ServerOptions::helpAndVersion()
{
    ServerOptions options;
    QCOMPARE(options.parse(args({"--help"})), ServerOptions::Result::HelpRequested);
    const QString help = options.helpText();
    for (const char* option : {"--listen", "--port", "--config", "--motd", "--server-name",
                               "--max-clients", "--max-per-ip", "--max-channels", "--flood-rate",
                               "--sendq", "--ping-interval", "--log-level", "--monitor-limit"}) {
        QVERIFY2(help.contains(QLatin1String(option)), option);
    }
    ServerOptions version;
    QCOMPARE(version.parse(args({"--version"})), ServerOptions::Result::VersionRequested);
    QVERIFY(version.versionText().startsWith(QStringLiteral("confabd ")));
}

void tst_ServerOptions::configFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("confabd.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("port=7001\nserver-name=chat.example.org\nmax-clients=12\nlisten=127.0.0.1, ::1\n"
               "flood-rate=2.5\nno-autojoin=true\nmonitor-limit=40\n");
    file.close();
    ServerOptions options;
    QCOMPARE(options.parse(args({"-c", path, "--max-clients", "20"})), ServerOptions::Result::Ok);
    const ServerConfig& c = options.config();
    QCOMPARE(c.port, quint16(7001));
    QCOMPARE(c.serverName, QStringLiteral("chat.example.org"));
    QCOMPARE(c.maxClients, 20); // the command line wins
    QCOMPARE(c.listenAddresses.size(), 2);
    QCOMPARE(c.listenAddresses.at(1), QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(c.floodRate, 2.5);
    QVERIFY(!c.autoJoin);
    QCOMPARE(c.monitorLimit, 40);
}

static QString writeConfig(const QTemporaryDir& dir, const QByteArray& text)
{
    const QString path = dir.filePath(QStringLiteral("confabd.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(text);
    return path;
}

void tst_ServerOptions::operatorBlocks()
{
    QTemporaryDir dir;
    const QByteArray hash =
        PasswordHash::format(
            ScramCredentials::derive(QStringLiteral("secret"), ServerDefaults::MinScramIterations))
            .toLatin1();
    const QString path = writeConfig(
        dir, "port=7001\n[oper/alice]\npassword=" + hash +
                 "\nhosts=*@192.168.1.*, 10.0.0.1\naccount=alice\n[oper/bob]\npassword=" + hash +
                 "\n");
    ServerOptions options;
    QCOMPARE(options.parse(args({"-c", path})), ServerOptions::Result::Ok);
    const ServerConfig& c = options.config();
    QCOMPARE(c.port, quint16(7001));
    QCOMPARE(c.configFile, QFileInfo(path).absoluteFilePath());
    QCOMPARE(c.operators.size(), 2);
    QCOMPARE(c.operators.at(0).name, QStringLiteral("alice"));
    QCOMPARE(c.operators.at(0).hosts,
             (QStringList{QStringLiteral("*@192.168.1.*"), QStringLiteral("10.0.0.1")}));
    QCOMPARE(c.operators.at(0).account, QStringLiteral("alice"));
    QVERIFY(c.operators.at(0).password.matches(QStringLiteral("secret")));
    QCOMPARE(c.operators.at(1).name, QStringLiteral("bob"));
    QVERIFY(c.operators.at(1).hosts.isEmpty());
    QVERIFY(c.operators.at(1).account.isEmpty());
    // The command line is kept, so that REHASH can read the options again.
    QCOMPARE(c.arguments, args({"-c", path}));
    // No config file: no operators.
    ServerOptions none;
    QCOMPARE(none.parse(args({})), ServerOptions::Result::Ok);
    QVERIFY(none.config().operators.isEmpty());
}

void tst_ServerOptions::badOperatorBlock_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("clear-text password") << QByteArray("[oper/alice]\npassword=secret\n");
    QTest::newRow("no password") << QByteArray("[oper/alice]\nhosts=*\n");
}

void tst_ServerOptions::badOperatorBlock()
{
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    ServerOptions options;
    QCOMPARE(options.parse(args({"-c", writeConfig(dir, text)})), ServerOptions::Result::Error);
    QVERIFY2(options.errorText().contains(QLatin1String("alice")) &&
                 options.errorText().contains(QLatin1String("mkpasswd")),
             qPrintable(options.errorText()));
}

void tst_ServerOptions::operatorOptions()
{
    ServerOptions defaults;
    QCOMPARE(defaults.parse(args({})), ServerOptions::Result::Ok);
    QVERIFY(!defaults.config().allowDie);
    QCOMPARE(defaults.config().operFailureLimit, ServerDefaults::OperFailureLimit);
    QCOMPARE(defaults.config().operFailureWindowSecs, ServerDefaults::OperFailureWindowSecs);
    QCOMPARE(defaults.config().operNoticeIntervalSecs, ServerDefaults::OperNoticeIntervalSecs);
    ServerOptions options;
    QCOMPARE(options.parse(args({"--allow-die", "--oper-failures", "7", "--oper-window", "30",
                                 "--oper-notice-interval", "5"})),
             ServerOptions::Result::Ok);
    QVERIFY(options.config().allowDie);
    QCOMPARE(options.config().operFailureLimit, 7);
    QCOMPARE(options.config().operFailureWindowSecs, 30);
    QCOMPARE(options.config().operNoticeIntervalSecs, 5);
    QTemporaryDir dir;
    ServerOptions fromFile;
    QCOMPARE(fromFile.parse(args({"-c", writeConfig(dir, "allow-die=true\n")})),
             ServerOptions::Result::Ok);
    QVERIFY(fromFile.config().allowDie);
    ServerOptions bad;
    QCOMPARE(bad.parse(args({"--oper-failures", "0"})), ServerOptions::Result::Error);
}

void tst_ServerOptions::passwordHashCommand()
{
    ServerOptions options;
    QCOMPARE(options.parse(args({"mkpasswd"})), ServerOptions::Result::PasswordHashCommand);
    ServerOptions extra;
    QCOMPARE(extra.parse(args({"mkpasswd", "secret"})), ServerOptions::Result::Error);
}

void tst_ServerOptions::logLevels_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("rules");
    QTest::newRow("debug") << "debug"
                           << "confab*.debug=true";
    QTest::newRow("info") << "info"
                          << "confab*.debug=false";
    QTest::newRow("warning") << "WARNING"
                             << "confab*.debug=false\nconfab*.info=false";
    QTest::newRow("error") << "error"
                           << "confab*.debug=false\nconfab*.info=false\nconfab*.warning=false";
}

void tst_ServerOptions::logLevels()
{
    QFETCH(QString, level);
    QFETCH(QString, rules);
    ServerOptions options;
    QCOMPARE(options.parse(args({"--log-level", level})), ServerOptions::Result::Ok);
    QCOMPARE(options.logFilterRules(), rules);
}

void tst_ServerOptions::translations_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Simplified Chinese") << "zh_CN" << QStringLiteral("请尝试 “confabd --help”。");
    QTest::newRow("Traditional Chinese") << "zh_TW" << QStringLiteral("請嘗試「confabd --help」。");
}

void tst_ServerOptions::translations()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), QStringLiteral("confabd"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(ServerOptions::tryHelpText(), expected);
    ServerOptions options;
    QVERIFY(options.helpText().contains(QStringLiteral("--max-per-ip")));
    QVERIFY(!options.helpText().contains(QStringLiteral("Maximum connections from one address")));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(ServerOptions::tryHelpText(), QStringLiteral("Try 'confabd --help'."));
}

void tst_ServerOptions::qtEventLoop_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("wanted");
    QTest::newRow("absent") << QStringList{"confabd", "-p", "7000"} << false;
    QTest::newRow("long") << QStringList{"confabd", "--qt-event-loop", "-p", "7000"} << true;
    QTest::newRow("single dash") << QStringList{"confabd", "-qt-event-loop"} << true;
    QTest::newRow("after --") << QStringList{"confabd", "--", "--qt-event-loop"} << false;
    QTest::newRow("other option") << QStringList{"confabd", "--qt-event-loops"} << false;
}

// The choice is read from the raw arguments (before the application object exists), and the
// parser accepts the option too.
void tst_ServerOptions::qtEventLoop()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, wanted);
    std::vector<QByteArray> storage;
    std::vector<const char*> argv;
    for (const QString& argument : arguments)
        storage.push_back(argument.toUtf8());
    for (const QByteArray& argument : storage)
        argv.push_back(argument.constData());
    QCOMPARE(ServerOptions::wantsQtEventLoop(int(argv.size()), argv.data()), wanted);
    if (wanted) {
        ServerOptions options;
        QCOMPARE(options.parse(arguments), ServerOptions::Result::Ok);
    }
}

QTEST_GUILESS_MAIN(tst_ServerOptions)
#include "tst_serveroptions.moc"
