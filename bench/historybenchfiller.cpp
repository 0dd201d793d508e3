#include "historybenchfiller.h"

#include "history/sqlitehistorystore.h"
#include "routing/messageidgenerator.h"
#include "storage/database.h"
#include "storage/datadirectory.h"

#include <QDateTime>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

namespace {

constexpr int Senders = 5000; // channel members who have written something

const char* const Words[] = {
    "the", "a", "to", "and", "of", "is", "it", "in", "that", "for", "you", "on", "this", "with",
    "build", "server", "client", "release", "patch", "test", "works", "broken", "thanks", "lol",
    "merge", "branch", "commit", "review", "tomorrow", "today", "meeting", "coffee", "please",
    "history", "message", "channel", "network", "latency", "crash", "fixed", "yes", "no", "ok",
    "maybe", "question", "answer", "docs", "config", "restart", "deploy", "log", "error",
};
constexpr int WordCount = int(sizeof(Words) / sizeof(Words[0]));

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

HistoryBenchFiller::HistoryBenchFiller(const HistoryBenchConfig& config) : m_config(config) {}

bool HistoryBenchFiller::fill(const QString& dataDir, QString* error)
{
    const auto started = std::chrono::steady_clock::now();
    m_stats = {};
    DataDirectory directory(dataDir);
    if (!directory.create()) {
        *error = directory.errorString();
        return false;
    }
    SqliteHistoryStore store(QStringLiteral("historybench-fill"));
    if (!store.open(directory.filePath(Database::fileName()))) {
        *error = store.errorString();
        return false;
    }

    std::mt19937_64 random(m_config.seed);
    auto below = [&random](int n) {
        return int(std::uniform_int_distribution<int>(0, n - 1)(random));
    };
    auto text = [&]() {
        // 8 to 200 bytes of words: chat lines are mostly short, some long.
        const int length = 8 + below(193);
        QByteArray out;
        out.reserve(length + 12);
        while (out.size() < length) {
            if (!out.isEmpty())
                out += ' ';
            out += Words[below(WordCount)];
        }
        return out;
    };
    auto source = [](const QByteArray& nick) {
        return ':' + nick + "!~" + nick + "@host-" + QByteArray::number(qHash(nick) % 100000) +
               ".example.net";
    };

    // Private messages make two rows each; the rest are channel rows, some of them events.
    const qint64 rows = m_config.rows;
    const qint64 privateMessages = qint64(double(rows) * m_config.privateShare) / 2;
    const qint64 channelRows = rows - 2 * privateMessages;
    const qint64 events = qint64(double(channelRows) * m_config.eventShare);
    const qint64 items = channelRows + privateMessages; // one time step each
    const qint64 spanMs = qint64(m_config.days) * 24 * 3600 * 1000;
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - spanMs - 60'000;
    const QByteArray reader(Reader);

    MessageIdGenerator ids;
    std::vector<HistoryRecord> batch;
    batch.reserve(size_t(m_config.batch) + 1);
    qint64 privateLeft = privateMessages;
    qint64 eventsLeft = events;
    qint64 channelLeft = channelRows;
    auto flush = [&]() {
        const auto before = std::chrono::steady_clock::now();
        const bool ok = store.append(batch);
        m_stats.appendSeconds += secondsSince(before);
        batch.clear();
        return ok;
    };
    for (qint64 item = 0; item < items; ++item) {
        HistoryRecord record;
        record.timeMs = startMs + item * spanMs / items;
        record.msgid = ids.next().toString();
        // Exact counts, evenly mixed: private with probability privateLeft / itemsLeft.
        const qint64 itemsLeft = items - item;
        const bool isPrivate =
            std::uniform_int_distribution<qint64>(0, itemsLeft - 1)(random) < privateLeft;
        if (isPrivate) {
            --privateLeft;
            const QByteArray peer = correspondent(below(m_config.conversations)).toUtf8();
            const bool fromReader = below(2) == 0;
            const QByteArray& from = fromReader ? reader : peer;
            const QByteArray& to = fromReader ? peer : reader;
            record.account = QString::fromUtf8(from);
            record.setLine(source(from) + " PRIVMSG " + to + " :" + text());
            HistoryRecord copy = record;
            record.owner = QString::fromUtf8(reader); // the reader's copy
            record.target = QString::fromUtf8(peer);
            copy.owner = QString::fromUtf8(peer); // the correspondent's
            copy.target = QString::fromUtf8(reader);
            m_stats.lineBytes += record.line().size() * 2;
            m_stats.privateRows += 2;
            batch.push_back(std::move(record));
            batch.push_back(std::move(copy));
        } else {
            const bool isEvent =
                std::uniform_int_distribution<qint64>(0, channelLeft - 1)(random) < eventsLeft;
            --channelLeft;
            const int sender = below(Senders);
            const QByteArray nick = "user" + QByteArray::number(sender);
            const QByteArray channel = channelName(below(m_config.channels)).toUtf8();
            record.target = QString::fromUtf8(channel);
            if (sender % 2 == 0)
                record.account = QString::fromUtf8(nick); // half of them are logged in
            if (isEvent) {
                --eventsLeft;
                record.kind = HistoryRecord::Kind::Event;
                record.setLine(below(2) == 0 ? source(nick) + " JOIN " + channel
                                             : source(nick) + " PART " + channel + " :bye");
                ++m_stats.eventRows;
            } else {
                record.setLine(source(nick) + " PRIVMSG " + channel + " :" + text());
                ++m_stats.channelRows;
            }
            m_stats.lineBytes += record.line().size();
            batch.push_back(std::move(record));
        }
        if (int(batch.size()) >= m_config.batch) {
            if (!flush()) {
                *error = store.errorString();
                return false;
            }
            const qint64 done = m_stats.channelRows + m_stats.eventRows + m_stats.privateRows;
            if (done / 100000 != (done - m_config.batch) / 100000)
                std::fprintf(stderr, "  %lld rows (%.1f s)\n", static_cast<long long>(done),
                             secondsSince(started));
        }
    }
    if (!batch.empty() && !flush()) {
        *error = store.errorString();
        return false;
    }
    m_stats.totalSeconds = secondsSince(started);
    return true;
}
