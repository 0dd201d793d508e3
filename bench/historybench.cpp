#include "historybench.h"

#include "historybenchclient.h"
#include "historybenchfiller.h"
#include "historybenchserver.h"
#include "monotonicclock.h"
#include "processstats.h"

#include "config/serverconfig.h"
#include "history/sqlitehistorystore.h"
#include "storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace {

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

// Nearest rank: the smallest sample with at least q of the samples at or below it.
uint64_t percentile(const std::vector<uint64_t>& sorted, double q)
{
    if (sorted.empty())
        return 0;
    size_t rank = static_cast<size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
    rank = std::clamp<size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

std::string millis(uint64_t micros)
{
    return fixed(static_cast<double>(micros) / 1000.0, 3);
}

QString randomPassword()
{
    static const char Alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 24; ++i)
        password += QLatin1Char(Alphabet[QRandomGenerator::system()->bounded(
            int(sizeof(Alphabet) - 1))]);
    return password;
}

void progress(const QString& text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

} // namespace

HistoryBench::HistoryBench(const HistoryBenchConfig& config) : m_config(config) {}

std::string HistoryBench::percentiles(const Series& series)
{
    std::vector<uint64_t> sorted = series.micros;
    std::sort(sorted.begin(), sorted.end());
    const std::string& n = series.name;
    std::ostringstream out;
    out << ' ' << n << "_n=" << sorted.size() << ' ' << n << "_lines=" << series.minLines;
    if (series.maxLines != series.minLines)
        out << ' ' << n << "_lines_max=" << series.maxLines;
    out << ' ' << n << "_p50_ms=" << millis(percentile(sorted, 0.50)) << ' ' << n
        << "_p99_ms=" << millis(percentile(sorted, 0.99)) << ' ' << n
        << "_max_ms=" << millis(sorted.empty() ? 0 : sorted.back());
    if (series.serverCpuSeconds >= 0 && !sorted.empty())
        out << ' ' << n << "_server_cpu_ms="
            << fixed(series.serverCpuSeconds * 1000.0 / static_cast<double>(sorted.size()), 3);
    return out.str();
}

bool HistoryBench::time(HistoryBenchClient& client, Series& series, qint64 serverPid,
                        const std::function<std::string(int)>& makeLine, std::string& error)
{
    series.micros.reserve(static_cast<size_t>(m_config.queries));
    double cpuBefore = -1.0;
    for (int i = 0; i < m_config.warmup + m_config.queries; ++i) {
        const bool timed = i >= m_config.warmup;
        if (i == m_config.warmup)
            cpuBefore = ProcessStats::cpuSeconds(int(serverPid));
        const std::string line = makeLine(i);
        int lines = 0;
        const uint64_t start = MonotonicClock::nowNs();
        if (!client.request(line, lines, error)) {
            error = series.name + ": " + line + ": " + error;
            return false;
        }
        const uint64_t end = MonotonicClock::nowNs();
        if (!timed)
            continue;
        series.micros.push_back((end - start) / 1000);
        series.minLines = series.minLines < 0 ? lines : std::min(series.minLines, lines);
        series.maxLines = std::max(series.maxLines, lines);
    }
    const double cpuAfter = ProcessStats::cpuSeconds(int(serverPid));
    if (cpuBefore >= 0 && cpuAfter >= 0)
        series.serverCpuSeconds = cpuAfter - cpuBefore;
    return true;
}

bool HistoryBench::measureDisk(const QString& dataDir, Disk& disk, QString* error)
{
    const QString path = QDir(dataDir).filePath(Database::fileName());
    {
        SqliteHistoryStore store(QStringLiteral("historybench-measure"));
        if (!store.open(path)) {
            *error = store.errorString();
            return false;
        }
        disk.rows = store.count();
        // Pages per table and index, where SQLite has the dbstat table (Debian's has).
        QSqlQuery query(store.database().connection());
        if (query.exec(QStringLiteral("SELECT name, SUM(pgsize) FROM dbstat"
                                      " WHERE name = 'history' OR name LIKE 'history\\_by\\_%'"
                                      " ESCAPE '\\' OR name = 'history_pending' GROUP BY name"))) {
            disk.historyBytes = 0;
            disk.indexBytes = 0;
            while (query.next()) {
                const qint64 bytes = query.value(1).toLongLong();
                disk.historyBytes += bytes;
                if (query.value(0).toString() != QLatin1String("history"))
                    disk.indexBytes += bytes;
            }
        }
    } // closed: the last connection checkpoints the WAL into the file
    disk.fileBytes = QFileInfo(path).size();
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists())
        disk.fileBytes += wal.size();
    return true;
}

bool HistoryBench::sampleMsgids(const QString& dataDir, int count,
                                std::vector<std::string>* samples, QString* error)
{
    SqliteHistoryStore store(QStringLiteral("historybench-sample"));
    if (!store.open(QDir(dataDir).filePath(Database::fileName()))) {
        *error = store.errorString();
        return false;
    }
    QSqlQuery query(store.database().connection());
    if (!query.exec(QStringLiteral("SELECT v.target, h.msgid FROM history h"
                                   " JOIN history_views v ON v.conversation = h.conversation"
                                   " AND v.owner = '' WHERE h.kind = 0"
                                   " ORDER BY random() LIMIT %1")
                        .arg(count))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        samples->push_back(
            (query.value(0).toString() + QStringLiteral(" msgid=") + query.value(1).toString())
                .toStdString());
    if (samples->empty()) {
        *error = QStringLiteral("no channel messages to look up");
        return false;
    }
    return true;
}

int HistoryBench::run()
{
    QTemporaryDir scratch(QDir::temp().filePath(QStringLiteral("confab-historybench-XXXXXX")));
    QString dataDir = m_config.dataDir;
    if (dataDir.isEmpty()) {
        if (!scratch.isValid()) {
            progress(QStringLiteral("confab-historybench: no temporary directory"));
            return 1;
        }
        scratch.setAutoRemove(!m_config.keep);
        dataDir = scratch.filePath(QStringLiteral("data"));
        if (m_config.keep)
            progress(QStringLiteral("data directory (kept): %1").arg(dataDir));
    } else {
        scratch.remove();
    }
    dataDir = QDir(dataDir).absolutePath();
    auto fail = [&](const QString& what) {
        progress(QStringLiteral("confab-historybench: %1").arg(what));
        if (m_config.dataDir.isEmpty() && scratch.autoRemove()) {
            scratch.setAutoRemove(false); // the server's log is in there
            progress(QStringLiteral("kept %1").arg(scratch.path()));
        }
        return 1;
    };
    const qint64 perChannel = qint64(double(m_config.rows) * (1.0 - m_config.privateShare)) /
                              m_config.channels;
    if (perChannel > ServerDefaults::HistoryMaxPerTarget &&
        !m_config.serverArgs.contains(QStringLiteral("--history-max-per-target")))
        progress(QStringLiteral("warning: about %1 rows per channel, more than confabd keeps by "
                                "default (%2): its first prune, a minute after it starts, will "
                                "delete rows during the measurement")
                     .arg(perChannel)
                     .arg(ServerDefaults::HistoryMaxPerTarget));

    HistoryBenchFiller filler(m_config);
    HistoryBenchServer server(m_config, dataDir);
    // The reader's password lives in the data directory's account only; a reused directory
    // keeps the one stored beside it (owner-only, like the directory).
    const QString passwordFile = dataDir + QStringLiteral(".password");
    QString password;
    QString error;
    if (m_config.reuse) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("--reuse: cannot read %1").arg(passwordFile));
        password = QString::fromUtf8(file.readAll()).trimmed();
    } else {
        if (QDir(dataDir).exists() && !QDir(dataDir).isEmpty())
            return fail(QStringLiteral("%1 is not empty (a fresh data directory, or --reuse)")
                            .arg(dataDir));
        progress(QStringLiteral("filling %1 with %2 rows").arg(dataDir).arg(m_config.rows));
        if (!filler.fill(dataDir, &error))
            return fail(QStringLiteral("filling the store: %1").arg(error));
        password = randomPassword();
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(password.toUtf8()) < 0)
            return fail(QStringLiteral("cannot write %1").arg(passwordFile));
        if (!server.addAccount(QString::fromLatin1(HistoryBenchFiller::Reader), password, &error))
            return fail(error);
    }
    Disk disk;
    if (!measureDisk(dataDir, disk, &error))
        return fail(QStringLiteral("reading the store: %1").arg(error));
    progress(QStringLiteral("%1 rows, %2 bytes on disk").arg(disk.rows).arg(disk.fileBytes));
    std::vector<std::string> msgids;
    if (!sampleMsgids(dataDir, m_config.warmup + m_config.queries, &msgids, &error))
        return fail(QStringLiteral("reading the store: %1").arg(error));

    if (!server.start(&error))
        return fail(error);
    progress(QStringLiteral("confabd (pid %1) on 127.0.0.1:%2, log %3")
                 .arg(server.pid())
                 .arg(server.port())
                 .arg(server.logPath()));
    HistoryBenchClient client(m_config.timeoutSeconds);
    std::string clientError;
    std::vector<std::string> channels;
    for (int i = 0; i < m_config.channels; ++i)
        channels.push_back(HistoryBenchFiller::channelName(i).toStdString());
    const std::string reader = HistoryBenchFiller::Reader;
    if (!client.connectTo(server.port(), clientError) ||
        !client.logIn(reader, reader, password.toStdString(),
                      "batch server-time message-tags draft/chathistory", clientError) ||
        !client.join(channels, clientError))
        return fail(QString::fromStdString(clientError));

    const std::string latest = " * " + std::to_string(m_config.latestLimit);
    Series channelLatest{"latest", {}, -1, 0, -1.0};
    Series targets{"targets", {}, -1, 0, -1.0};
    Series privateLatest{"private_latest", {}, -1, 0, -1.0};
    Series beforeMsgid{"before_msgid", {}, -1, 0, -1.0};
    progress(QStringLiteral("timing %1 round trips of each kind (after %2 untimed)")
                 .arg(m_config.queries)
                 .arg(m_config.warmup));
    const bool measured =
        time(
            client, channelLatest, server.pid(),
            [&](int i) {
                return "CHATHISTORY LATEST " + channels[size_t(i) % channels.size()] + latest;
            },
            clientError) &&
        time(
            client, targets, server.pid(),
            [&](int) {
                return "CHATHISTORY TARGETS timestamp=1970-01-01T00:00:00.000Z "
                       "timestamp=2100-01-01T00:00:00.000Z " +
                       std::to_string(m_config.targetsLimit);
            },
            clientError) &&
        time(
            client, privateLatest, server.pid(),
            [&](int i) {
                return "CHATHISTORY LATEST " +
                       HistoryBenchFiller::correspondent(i % m_config.conversations).toStdString() +
                       latest;
            },
            clientError) &&
        time(
            client, beforeMsgid, server.pid(),
            [&](int i) {
                return "CHATHISTORY BEFORE " + msgids[size_t(i) % msgids.size()] + " " +
                       std::to_string(m_config.latestLimit);
            },
            clientError);
    if (!measured)
        return fail(QString::fromStdString(clientError));
    client.quit();
    QString stopError;
    const bool stopped = server.stop(&stopError);
    if (!stopped)
        progress(QStringLiteral("confab-historybench: %1").arg(stopError));

    std::ostringstream out;
    out << "RESULT bench=history rows=" << disk.rows << " channels=" << m_config.channels
        << " conversations=" << m_config.conversations << " reused=" << (m_config.reuse ? 1 : 0);
    if (!m_config.reuse) {
        const HistoryBenchFiller::Stats& s = filler.stats();
        out << " channel_rows=" << s.channelRows << " event_rows=" << s.eventRows
            << " private_rows=" << s.privateRows << " avg_line_bytes="
            << fixed(double(s.lineBytes) / double(std::max<qint64>(1, disk.rows)), 1)
            << " fill_s=" << fixed(s.totalSeconds, 2) << " append_s=" << fixed(s.appendSeconds, 2)
            << " append_rows_per_s="
            << fixed(s.appendSeconds > 0 ? double(disk.rows) / s.appendSeconds : 0, 0)
            << " batch=" << m_config.batch;
    }
    out << " db_bytes=" << disk.fileBytes << " bytes_per_row="
        << fixed(double(disk.fileBytes) / double(std::max<qint64>(1, disk.rows)), 1);
    if (disk.historyBytes >= 0)
        out << " history_bytes=" << disk.historyBytes << " history_index_bytes="
            << disk.indexBytes;
    out << " queries=" << m_config.queries << " warmup=" << m_config.warmup
        << " latest_limit=" << m_config.latestLimit << " targets_limit=" << m_config.targetsLimit
        << percentiles(channelLatest) << percentiles(targets) << percentiles(privateLatest)
        << percentiles(beforeMsgid) << " server_stopped_cleanly=" << (stopped ? 1 : 0);
    std::printf("%s\n", out.str().c_str());
    std::fflush(stdout);
    return stopped ? 0 : 1;
}
