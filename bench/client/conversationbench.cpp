#include "conversationbench.h"

#include "../latencyhistogram.h"
#include "../processstats.h"
#include "eventloopwait.h"

#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/messagearchive.h"
#include "session/serverconnection.h"
#include "storage/messagestore.h"
#include "widgets/conversationview.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QScrollBar>
#include <QSignalSpy>

#include <algorithm>

#include <unistd.h>

namespace {

const QString Room = QStringLiteral("#big");

// A day of a busy room: senders take turns, texts of every length, some with links and emoji.
StoredMessage lineNumber(int i, int count)
{
    static const QStringList senders{
        QStringLiteral("alice"), QStringLiteral("bob"),   QStringLiteral("carol"),
        QStringLiteral("dave"),  QStringLiteral("erin"),  QStringLiteral("frank"),
        QStringLiteral("grace"), QStringLiteral("heidi"), QStringLiteral("小明"),
    };
    static const QStringList texts{
        QStringLiteral("ok"),
        QStringLiteral("see https://example.org/issues/%1 for the details"),
        QStringLiteral("I'll have a look after lunch \U0001F642"),
        QStringLiteral("the build on the second machine fails again, same linker error as "
                       "yesterday; did anyone change the toolchain file or the cache?"),
        QStringLiteral("我们明天下午三点在会议室见"),
        QStringLiteral("+1"),
    };
    StoredMessage m;
    m.conversation = Room;
    // Oldest first, 20 s apart, the newest a minute ago.
    m.time = QDateTime::currentDateTimeUtc().addSecs(-60 - qint64(count - i) * 20);
    m.sender = senders.at(i % 7 == 0 ? (i / 7) % senders.size() : (i / 3) % senders.size());
    m.text = texts.at(i % texts.size()).arg(i) + QStringLiteral(" #%1").arg(i);
    m.msgid = QStringLiteral("bench-%1").arg(i);
    return m;
}

} // namespace

ConversationBench::Result ConversationBench::run(const QString& directory, int storedLines,
                                                 int scrollSteps)
{
    Result result;
    result.storedLines = storedLines;
    MessageStore store;
    QSignalSpy opened(&store, &MessageStore::opened);
    store.open(directory + QStringLiteral("/bench.db"));
    if (!opened.wait(10000) || !opened.at(0).at(1).toBool()) {
        result.error = QStringLiteral("cannot open the store in %1").arg(directory);
        return result;
    }
    store.setLimits(storedLines, 4 * storedLines); // all of them kept, whatever the defaults
    QElapsedTimer fill;
    fill.start();
    constexpr int Batch = 2000;
    for (int first = 0; first < storedLines; first += Batch) {
        QList<StoredMessage> batch;
        for (int i = first; i < std::min(storedLines, first + Batch); ++i)
            batch << lineNumber(i, storedLines);
        store.append(batch);
    }
    QList<StoredMessage> warm;
    for (int i = 0; i < 30; ++i) {
        warm << lineNumber(i, 30);
        warm.last().conversation = QStringLiteral("#warm");
        warm.last().msgid.prepend(QStringLiteral("warm-"));
    }
    store.append(warm);
    // The worker answers in order: the last page loaded means everything was written.
    QSignalSpy loaded(&store, &MessageStore::latestLoaded);
    store.loadLatest(Room, 1);
    if (!loaded.wait(600000)) {
        result.error = QStringLiteral("filling the store did not finish");
        return result;
    }
    result.fillSeconds = double(fill.elapsed()) / 1000.0;
    result.databaseKb = QFileInfo(store.path()).size() / 1024;

    ServerConnection connection; // never connected: the conversation is read from the store
    ConversationStore conversations;
    MessageArchive archive(&connection, &conversations, &store);
    ConversationView view;
    view.resize(900, 700);
    view.show();
    EventLoopWait::until([] { return false; }, 200);
    result.rssBeforeKb = ProcessStats::rssKb(int(getpid()));

    QSignalSpy restored(&archive, &MessageArchive::conversationRestored);
    // Asked for → its stored lines laid out and painted.
    auto open = [&](const QString& name) -> double {
        QElapsedTimer clock;
        clock.start();
        const qsizetype before = restored.count();
        ConversationModel* conversation = conversations.ensure(name, true);
        view.setModel(conversation);
        if (!EventLoopWait::until([&] { return restored.count() > before; }, 10000))
            return -1;
        view.doItemsLayout();
        view.viewport()->repaint();
        return double(clock.nsecsElapsed()) / 1e6;
    };
    // The first conversation the process shows also loads the fonts (emoji, CJK fallback).
    result.firstOpenMs = open(QStringLiteral("#warm"));
    result.openMs = open(Room);
    if (result.firstOpenMs < 0 || result.openMs < 0) {
        result.error = QStringLiteral("the stored lines never came");
        return result;
    }
    ConversationModel* conversation = conversations.find(Room);
    result.openRows = conversation->rowCount();
    result.rssOpenKb = ProcessStats::rssKb(int(getpid()));

    // Scrolling up a wheel notch (three lines) at a time; at the top, the view asks for older
    // lines (scrolledToTop), which the archive pages in from the store.
    QObject::connect(&view, &ConversationView::scrolledToTop, &archive,
                     [&archive, conversation] { archive.loadOlder(conversation); });
    QScrollBar* bar = view.verticalScrollBar();
    LatencyHistogram steps;    // microseconds a frame
    LatencyHistogram cpuSteps; // of the GUI thread's CPU
    for (int i = 0; i < scrollSteps; ++i) {
        // One frame: the wheel step, whatever is due (an older page arriving from the store's
        // thread and its layout), the paint.
        QElapsedTimer step;
        step.start();
        const uint64_t cpu = ProcessStats::threadCpuMicros();
        bar->setValue(bar->value() - 3 * bar->singleStep());
        QCoreApplication::processEvents();
        view.viewport()->repaint();
        steps.record(uint64_t(step.nsecsElapsed() / 1000));
        cpuSteps.record(ProcessStats::threadCpuMicros() - cpu);
        result.maxRowsLaidOut = std::max(result.maxRowsLaidOut, view.model()->rowCount());
    }
    result.scrollSteps = int(steps.count());
    result.stepP50Ms = double(steps.percentileMicros(0.5)) / 1000.0;
    result.stepP99Ms = double(steps.percentileMicros(0.99)) / 1000.0;
    result.stepMaxMs = double(steps.maxMicros()) / 1000.0;
    result.stepCpuP50Ms = double(cpuSteps.percentileMicros(0.5)) / 1000.0;
    result.stepCpuP99Ms = double(cpuSteps.percentileMicros(0.99)) / 1000.0;
    result.stepCpuMaxMs = double(cpuSteps.maxMicros()) / 1000.0;
    result.rowsAfterScroll = conversation->rowCount();
    result.rssScrolledKb = ProcessStats::rssKb(int(getpid()));
    result.ok = result.openRows == MessageStore::LatestLimit;
    if (!result.ok)
        result.error = QStringLiteral("opened with %1 rows").arg(result.openRows);
    return result;
}
