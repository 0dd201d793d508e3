#include "net/iothread.h"

#include "net/epolleventdispatcher.h"
#include "net/ioconnection.h"
#include "net/wakeupnotifier.h"

#include <algorithm>

IoThread::IoThread(IoThreadPool* pool, bool epoll, int index) : m_pool(pool)
{
    setObjectName(QStringLiteral("confabd-io%1").arg(index)); // the thread's name in top -H
    if (epoll)
        setEventDispatcher(new EpollEventDispatcher);
}

IoThread::~IoThread()
{
    if (!isRunning())
        return;
    // Through the command queue rather than quit(): the thread then reads this wake-up before it
    // ends, so everything done here before happens before its end (ThreadSanitizer agrees).
    std::vector<IoCommand> stop(1);
    stop.front().kind = IoCommand::Kind::Stop;
    submit(&stop);
    wait();
    // QThread::wait() synchronises in a way ThreadSanitizer cannot see; this flag, set last in
    // run(), says the same to it.
    while (!m_ended.load(std::memory_order_acquire))
        QThread::yieldCurrentThread();
}

void IoThread::begin()
{
    start();
    std::unique_lock<std::mutex> lock(m_startMutex);
    m_started.wait(lock, [this] { return m_wakeUp.load() != nullptr; }); // run() has made it
}

void IoThread::submit(std::vector<IoCommand>* commands)
{
    if (m_commands.pushAll(commands))
        m_wakeUp.load(std::memory_order_acquire)->wake();
}

void IoThread::run()
{
    WakeUpNotifier wakeUp([this] { runCommands(); });
    {
        std::lock_guard<std::mutex> lock(m_startMutex);
        m_wakeUp.store(&wakeUp, std::memory_order_release);
    }
    m_started.notify_one();
    exec();
    // Connections still here are closed on their own thread (their notifiers belong to it).
    runCommands();
    for (auto& entry : m_links)
        entry.second->io.reset();
    m_links.clear();
    m_connectionCount.store(0);
    m_wakeUp.store(nullptr, std::memory_order_release);
    m_ended.store(true, std::memory_order_release);
}

void IoThread::runCommands()
{
    m_commands.takeAll(&m_running);
    for (IoCommand& command : m_running) {
        // Writes are collected per connection and sent once the batch is run: a busy core
        // thread's passes then reach each client with one sendmsg(), as one busy loop's would.
        IoConnection* const io = command.link ? command.link->io.get() : nullptr;
        if (command.kind == IoCommand::Kind::Write && io) {
            if (io->queueWrite(command.lines))
                m_writing.push_back(io);
            continue;
        }
        if (io && io->hasQueuedWrites()) {
            // What was written before a close (or a pause) goes first.
            io->flushWrites();
            m_writing.erase(std::find(m_writing.begin(), m_writing.end(), io));
        }
        runCommand(command);
    }
    for (IoConnection* io : m_writing)
        io->flushWrites();
    m_writing.clear();
    m_running.clear();
}

void IoThread::runCommand(IoCommand& command)
{
    if (command.kind == IoCommand::Kind::Stop) {
        exit();
        return;
    }
    IoLink* const link = command.link.get();
    if (command.kind == IoCommand::Kind::Adopt) {
        link->io = std::make_unique<IoConnection>(link, m_pool);
        m_links.emplace(link, command.link);
        m_connectionCount.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (command.kind == IoCommand::Kind::Release) {
        release(link);
        return;
    }
    IoConnection* const io = link->io.get();
    if (!io)
        return;
    switch (command.kind) {
    case IoCommand::Kind::Write:
        io->write(command.lines);
        break;
    case IoCommand::Kind::ReadEnabled:
        io->setReadWanted(command.enabled);
        break;
    case IoCommand::Kind::ResumeRead:
        io->resumeRead();
        break;
    case IoCommand::Kind::Disconnect:
        io->disconnectFromHost();
        break;
    case IoCommand::Kind::Abort:
        io->abort();
        break;
    case IoCommand::Kind::Adopt:
    case IoCommand::Kind::Release:
    case IoCommand::Kind::Stop:
        break;
    }
}

void IoThread::release(IoLink* link)
{
    const auto it = m_links.find(link);
    if (it == m_links.end())
        return;
    link->io.reset();
    m_links.erase(it); // may free the link, if the command held the last reference elsewhere
    m_connectionCount.fetch_sub(1, std::memory_order_relaxed);
}
