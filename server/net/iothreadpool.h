#pragma once

#include "net/handoffqueue.h"
#include "net/iolink.h"

#include <QObject>

#include <memory>
#include <vector>

class IoThread;
class SessionSocket;
class WakeUpNotifier;

// The I/O threads of a server run with --threads N (N - 1 of them; the core thread, which holds
// users, channels and every session's state, is the Nth). Plain connections are dealt to the
// I/O threads in turn; TLS ones stay on the core thread.
//
// Cross-thread traffic goes through HandoffQueues, in batches: commands for an I/O thread are
// collected during an event-loop pass of the core thread and handed over once at its end;
// what the I/O threads read is collected in one queue the core thread empties when woken.
class IoThreadPool final : public QObject
{
    Q_OBJECT

public:
    // Starts the threads. epoll: they run EpollEventDispatcher (as confabd's core thread does).
    IoThreadPool(int threads, bool epoll, QObject* parent = nullptr);
    ~IoThreadPool() override; // joins the threads; every ThreadedSocket must be gone by then

    int threadCount() const { return int(m_threads.size()); }
    // Connections held by thread i.
    int connectionCount(int i) const;

    // Core thread: a socket for an accepted descriptor, served by the next I/O thread.
    std::unique_ptr<SessionSocket> adopt(int descriptor);
    // Core thread: queues a command for its link's thread; handed over at the end of the pass.
    void post(IoCommand command);
    // Core thread: hands every queued command over now.
    void submit();

    // I/O threads: what was read, or the end of a connection.
    void pushEvent(IoEvent event);

private:
    void takeEvents(); // core thread

    std::vector<std::unique_ptr<IoThread>> m_threads;
    std::vector<std::vector<IoCommand>> m_outgoing; // per thread, core thread only
    bool m_submitPosted = false;
    int m_next = 0;
    HandoffQueue<IoEvent> m_events;
    std::unique_ptr<WakeUpNotifier> m_eventsWakeUp; // on the core thread
    std::vector<IoEvent> m_spare; // core thread: the last batch's storage, for the next
};
