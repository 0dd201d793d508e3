#include "memberlistbench.h"

#include "../processstats.h"
#include "eventlooplatencyprobe.h"
#include "eventloopwait.h"
#include "scriptedircserver.h"

#include "models/memberlistmodel.h"
#include "session/chatcontroller.h"
#include "session/startoptions.h"
#include "widgets/mainwindow.h"

MemberListBench::Result MemberListBench::run(int memberCount, int joinsPerSecond, int seconds)
{
    Result result;
    ScriptedIrcServer server(memberCount, joinsPerSecond);
    if (!server.listen()) {
        result.error = QStringLiteral("cannot listen on loopback");
        return result;
    }
    ChatController controller;
    MainWindow window(&controller);
    window.resize(1100, 750);
    window.show();
    StartOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = server.port();
    options.nick = QStringLiteral("bench");
    options.connectNow = true;
    options.tls = false;
    window.start(options);
    // The member list shows #lobby's members once the window shows #lobby.
    MemberListModel* members = controller.members();
    if (!EventLoopWait::until([&] { return members->rowCount() >= memberCount; }, 20000)) {
        result.error = QStringLiteral("the member list never filled (%1 of %2)")
                           .arg(members->rowCount())
                           .arg(memberCount);
        return result;
    }
    EventLoopWait::until([] { return false; }, 500); // settle

    EventLoopLatencyProbe probe;
    const double cpuBefore = ProcessStats::selfCpuSeconds();
    probe.start();
    server.startJoins();
    EventLoopWait::until([] { return false; }, seconds * 1000);
    server.stopJoins();
    // The last joins in flight reach the list.
    EventLoopWait::until([&] { return members->rowCount() >= memberCount + 1 + server.joinsSent(); }, 5000);
    probe.stop();
    result.cpuSeconds = ProcessStats::selfCpuSeconds() - cpuBefore;
    result.members = members->rowCount();
    result.joinsSent = server.joinsSent();
    result.p50Ms = probe.quantileMs(0.5);
    result.p99Ms = probe.quantileMs(0.99);
    result.maxMs = probe.maxMs();
    result.ticks = probe.ticks();
    result.ok = result.members == memberCount + 1 + result.joinsSent;
    if (!result.ok)
        result.error = QStringLiteral("%1 members listed, %2 expected")
                           .arg(result.members)
                           .arg(memberCount + 1 + result.joinsSent);
    return result;
}
