// confab-filebench: upload and download speed of confabd's file host on loopback, and memory
// while a large file goes through (issue 12 §3: 100 MB, at least 200 MB/s, streamed).
//
//   confab-filebench [--confabd PATH] [--size-mb 100] [--runs 3] [--dir DIR]
#include "../processstats.h"
#include "filebench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

const QString Account = QStringLiteral("bench");
const QString Password = QStringLiteral("bench-password");

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool run(const QString& program, const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return false;
    process.write(input);
    process.closeWriteChannel();
    return process.waitForFinished(60000) && process.exitCode() == 0;
}

// A file of random bytes; its SHA-256.
QByteArray writeRandomFile(const QString& path, qint64 megabytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (qint64 i = 0; i < megabytes; ++i) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(chunk.data()),
                                              chunk.size() / 4);
        hash.addData(chunk);
        file.write(chunk);
    }
    return hash.result();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption confabdOption(QStringLiteral("confabd"), QStringLiteral("confabd"),
                                           QStringLiteral("path"));
    const QCommandLineOption sizeOption(QStringLiteral("size-mb"), QStringLiteral("file size"),
                                        QStringLiteral("MB"), QStringLiteral("100"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("runs"),
                                        QStringLiteral("count"), QStringLiteral("3"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("where files go (default: a temporary dir)"),
                                       QStringLiteral("dir"));
    parser.addOptions({confabdOption, sizeOption, runsOption, dirOption});
    parser.process(app);
    const QString confabd = parser.isSet(confabdOption) ? parser.value(confabdOption)
                                                        : QCoreApplication::applicationDirPath() +
                                                              QStringLiteral("/../server/confabd");
    const qint64 sizeMb = parser.value(sizeOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir temporary(parser.isSet(dirOption)
                                ? parser.value(dirOption) + QStringLiteral("/filebench-XXXXXX")
                                : QDir::tempPath() + QStringLiteral("/filebench-XXXXXX"));
    const QString dataDir = temporary.filePath(QStringLiteral("data"));
    const QString source = temporary.filePath(QStringLiteral("source.bin"));
    const QString target = temporary.filePath(QStringLiteral("target.bin"));

    const QByteArray sha256 = writeRandomFile(source, sizeMb);
    if (sha256.isEmpty() ||
        !run(confabd,
             {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--scram-iterations"),
              QStringLiteral("4096"), QStringLiteral("account"), QStringLiteral("add"), Account},
             Password.toUtf8() + '\n')) {
        std::fprintf(stderr, "filebench: cannot prepare the file or the account\n");
        return 1;
    }
    const quint16 filesPort = freeLoopbackPort();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.setStandardOutputFile(QProcess::nullDevice());
    server.start(confabd, {QStringLiteral("-l"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(freeLoopbackPort()), QStringLiteral("--tls-port"),
                           QString::number(freeLoopbackPort()), QStringLiteral("--files-port"),
                           QString::number(filesPort), QStringLiteral("--data-dir"), dataDir,
                           QStringLiteral("--no-announce"), QStringLiteral("--file-max-size"),
                           QString::number(sizeMb + 1), QStringLiteral("--file-quota"),
                           QString::number((sizeMb + 1) * (runs + 1)),
                           QStringLiteral("--log-level"), QStringLiteral("warning")});
    bool up = false;
    for (int i = 0; i < 100 && !up; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, filesPort);
        up = probe.waitForConnected(100);
        if (!up)
            QThread::msleep(100);
    }
    if (!up) {
        std::fprintf(stderr, "filebench: confabd did not start\n");
        return 1;
    }
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(QDir(dataDir).filePath(QStringLiteral("tls/confabd-cert.pem")));
    FileBench bench(certificates.value(0), server.processId());
    const long serverIdleKb = ProcessStats::rssKb(int(server.processId()));
    const long clientIdleKb = ProcessStats::rssKb(int(QCoreApplication::applicationPid()));
    const QUrl uploadUrl(QStringLiteral("https://127.0.0.1:%1/upload").arg(filesPort));

    std::printf("file host on loopback: %lld MB file, %d runs; server idle RSS %ld kB, client "
                "idle RSS %ld kB\n",
                sizeMb, runs, serverIdleKb, clientIdleKb);
    std::printf("%-9s %4s %9s %10s %17s %17s\n", "step", "run", "seconds", "MB/s",
                "server peak RSS", "client peak RSS");
    QList<double> up_, down;
    long serverPeak = 0;
    long clientPeak = 0;
    bool ok = true;
    for (int i = 1; i <= runs; ++i) {
        const FileBench::Result sent = bench.upload(uploadUrl, source, Account, Password);
        std::printf("%-9s %4d %9.3f %10.1f %14ld kB %14ld kB %s\n", "upload", i, sent.seconds,
                    sent.megabytesPerSecond, sent.serverPeakRssKb, sent.clientPeakRssKb,
                    qPrintable(sent.error));
        const FileBench::Result fetched = bench.download(sent.location, target, sha256);
        std::printf("%-9s %4d %9.3f %10.1f %14ld kB %14ld kB %s\n", "download", i, fetched.seconds,
                    fetched.megabytesPerSecond, fetched.serverPeakRssKb, fetched.clientPeakRssKb,
                    qPrintable(fetched.error));
        ok = ok && sent.ok && fetched.ok;
        up_.append(sent.megabytesPerSecond);
        down.append(fetched.megabytesPerSecond);
        serverPeak = std::max({serverPeak, sent.serverPeakRssKb, fetched.serverPeakRssKb});
        clientPeak = std::max({clientPeak, sent.clientPeakRssKb, fetched.clientPeakRssKb});
    }
    std::printf("median: upload %.1f MB/s, download %.1f MB/s; server RSS idle %ld kB, peak %ld "
                "kB (+%ld kB); client peak %ld kB; %s\n",
                median(up_), median(down), serverIdleKb, serverPeak, serverPeak - serverIdleKb,
                clientPeak, ok ? "every file came back intact" : "FAILED");
    server.terminate();
    server.waitForFinished(30000);
    return ok ? 0 : 1;
}
