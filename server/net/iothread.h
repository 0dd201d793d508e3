#pragma once

#include "net/handoffqueue.h"
#include "net/iolink.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <unordered_map>
#include <vector>

class IoConnection;
class IoThreadPool;
class WakeUpNotifier;

// One I/O thread of the pool: an event loop of its own (EpollEventDispatcher when the core
// thread runs on it) that owns the descriptors of the plain connections given to it. It reads
// them and hands the bytes to the core thread, and writes what the core thread hands it, with
// the same PlainSocket a single-threaded server uses. It never touches users or channels.
class IoThread final : public QThread
{
    Q_OBJECT

public:
    IoThread(IoThreadPool* pool, bool epoll, int index);
    ~IoThread() override; // stops the loop and joins the thread

    // Starts the thread and returns once it can take commands.
    void begin();

    // Core thread: hands a batch of commands over (commands is left empty) and wakes the loop
    // if it was not already due to look.
    void submit(std::vector<IoCommand>* commands);

    // Connections this thread holds (for tests and logging; read on any thread).
    int connectionCount() const { return m_connectionCount.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    // I/O thread.
    void runCommands();
    void runCommand(IoCommand& command);
    void release(IoLink* link);

    IoThreadPool* m_pool;
    std::atomic<WakeUpNotifier*> m_wakeUp{nullptr}; // made on this thread while it runs
    std::mutex m_startMutex; // std:: rather than Qt's, which ThreadSanitizer cannot follow
    std::condition_variable m_started;
    HandoffQueue<IoCommand> m_commands;
    std::vector<IoCommand> m_running;     // I/O thread: the batch being run
    std::vector<IoConnection*> m_writing; // I/O thread: connections with writes of the batch
    std::unordered_map<IoLink*, std::shared_ptr<IoLink>> m_links; // I/O thread
    std::atomic<int> m_connectionCount{0};
    std::atomic<bool> m_ended{false}; // run() is over
};
