// confab-writerbench: what the history writer spends on a message, fed as the server feeds it
// under private messages between accounts (bench/compare's private-accounts-1000-flat): batches
// of ServerDefaults::HistoryBatchRecords records whose names are the users' own strings, pinned
// by the batch (HistoryBatch), with a server msgid and the relayed line shared as it was sent.
// It times SqliteHistoryStore::append() alone, on one thread, without the event loop and the
// generator that share the machine in bench/compare: the writer's CPU per message, steadier
// than the whole server's (issue 10, docs/PERFORMANCE.md). Under valgrind --tool=callgrind it
// counts the writer's instructions.
#include "../monotonicclock.h"
#include "../positiveoption.h"
#include "config/serverconfig.h"
#include "history/historybatch.h"
#include "history/sqlitehistorystore.h"
#include "routing/messageidgenerator.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <vector>

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double wallSeconds()
{
    return double(MonotonicClock::nowNs()) / double(MonotonicClock::NsPerSecond);
}

// A user as the records name it: the folded account (owner or target) and the account as the
// relayed line's account tag has it, each one string for all of the user's messages.
struct User
{
    QString foldedAccount;
    QString account;
    QByteArray nick;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the history writer (SqliteHistoryStore::append) on private messages between "
        "accounts, in batches as confabd makes them."));
    parser.addHelpOption();
    const QCommandLineOption accountsOption(QStringLiteral("accounts"),
                                            QStringLiteral("Accounts, in pairs that talk (1000)."),
                                            QStringLiteral("count"), QStringLiteral("1000"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"), QStringLiteral("Records per batch (the server's flush size)."),
        QStringLiteral("records"), QString::number(ServerDefaults::HistoryBatchRecords));
    const QCommandLineOption batchesOption(QStringLiteral("batches"),
                                           QStringLiteral("Batches timed (200)."),
                                           QStringLiteral("count"), QStringLiteral("200"));
    const QCommandLineOption warmOption(QStringLiteral("warm"),
                                        QStringLiteral("Batches written first, untimed (20)."),
                                        QStringLiteral("count"), QStringLiteral("20"));
    parser.addOptions({accountsOption, batchOption, batchesOption, warmOption});
    parser.process(app);
    int accounts = 0;
    int batchRecords = 0;
    int batches = 0;
    int warm = 0;
    if (!positiveOption(parser, accountsOption, &accounts) ||
        !positiveOption(parser, batchOption, &batchRecords) ||
        !positiveOption(parser, batchesOption, &batches) ||
        !positiveOption(parser, warmOption, &warm))
        return 2;
    accounts += accounts % 2; // whole pairs

    QTemporaryDir dir;
    SqliteHistoryStore store(QStringLiteral("writerbench"));
    if (!dir.isValid() || !store.open(dir.filePath(Database::fileName()))) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    std::vector<User> users;
    users.reserve(size_t(accounts));
    for (int i = 0; i < accounts; ++i) {
        const QString name = QStringLiteral("user%1").arg(i);
        users.push_back({name, name, name.toUtf8()});
    }
    // Each sender's line, as relayed to recipients without tag caps: one per pair and
    // direction, shared by its records as the server shares the line it relayed.
    std::vector<QByteArray> lines;
    lines.reserve(size_t(accounts));
    for (int i = 0; i < accounts; ++i) {
        const User& from = users[size_t(i)];
        const User& to = users[size_t(i ^ 1)];
        lines.push_back(':' + from.nick + '!' + from.nick + "@127.0.0.1 PRIVMSG " + to.nick +
                        " :0123456789 " + from.nick + " 42 " + QByteArray(40, 'x') + "\r\n");
    }
    MessageIdGenerator ids;
    HistoryBatch batch;
    batch.reserve(size_t(batchRecords));
    qint64 timeMs = QDateTime::currentMSecsSinceEpoch();
    int sender = 0;
    double cpu = 0;
    double wall = 0;
    for (int b = 0; b < warm + batches; ++b) {
        for (int r = 0; r < batchRecords; ++r) {
            // Senders take turns, as the load generator's connections do.
            const User& from = users[size_t(sender)];
            const User& to = users[size_t(sender ^ 1)];
            HistoryRecord record;
            record.timeMs = timeMs;
            record.messageId = ids.next();
            record.kind = HistoryRecord::Kind::Message;
            record.setRelayedLine(lines[size_t(sender)]);
            record.betweenAccounts = true;
            batch.add(std::move(record), from.foldedAccount, to.foldedAccount, from.account);
            sender = (sender + 7) % accounts; // odd: every sender, in an order that mixes pairs
            if (r % 1000 == 999)
                ++timeMs;
        }
        const double cpuBefore = threadCpuSeconds();
        const double wallBefore = wallSeconds();
        if (!store.append(batch)) {
            std::fprintf(stderr, "append failed: %s\n", qPrintable(store.errorString()));
            return 1;
        }
        if (b >= warm) {
            cpu += threadCpuSeconds() - cpuBefore;
            wall += wallSeconds() - wallBefore;
        }
        batch.clear();
    }
    const double messages = double(batches) * batchRecords;
    std::printf("RESULT writer accounts=%d batch=%d batches=%d messages=%.0f cpu_us_per_msg=%.3f "
                "wall_us_per_msg=%.3f rows=%lld\n",
                accounts, batchRecords, batches, messages, cpu / messages * 1e6,
                wall / messages * 1e6, static_cast<long long>(store.count()));
    return 0;
}
