#include "net/iothreadpool.h"

#include "net/iothread.h"
#include "net/threadedsocket.h"
#include "net/wakeupnotifier.h"

IoThreadPool::IoThreadPool(int threads, bool epoll, QObject* parent)
    : QObject(parent), m_eventsWakeUp(std::make_unique<WakeUpNotifier>([this] { takeEvents(); }))
{
    m_threads.reserve(size_t(threads));
    for (int i = 0; i < threads; ++i) {
        m_threads.push_back(std::make_unique<IoThread>(this, epoll, i + 1));
        m_threads.back()->begin();
    }
    m_outgoing.resize(m_threads.size());
}

IoThreadPool::~IoThreadPool()
{
    submit();
    m_threads.clear(); // each joins its thread, closing what it still holds
}

int IoThreadPool::connectionCount(int i) const
{
    return m_threads.at(size_t(i))->connectionCount();
}

std::unique_ptr<SessionSocket> IoThreadPool::adopt(int descriptor)
{
    const int index = m_next;
    m_next = (m_next + 1) % threadCount();
    auto link = std::make_shared<IoLink>(descriptor, index);
    auto socket = std::make_unique<ThreadedSocket>(this, link);
    IoCommand command;
    command.kind = IoCommand::Kind::Adopt;
    command.link = std::move(link);
    post(std::move(command));
    return socket;
}

void IoThreadPool::post(IoCommand command)
{
    m_outgoing[size_t(command.link->threadIndex)].push_back(std::move(command));
    if (m_submitPosted)
        return;
    // Once per event-loop pass: everything the pass wrote goes over together.
    m_submitPosted = true;
    QMetaObject::invokeMethod(this, &IoThreadPool::submit, Qt::QueuedConnection);
}

void IoThreadPool::submit()
{
    m_submitPosted = false;
    for (size_t i = 0; i < m_threads.size(); ++i) {
        if (!m_outgoing[i].empty())
            m_threads[i]->submit(&m_outgoing[i]);
    }
}

void IoThreadPool::pushEvent(IoEvent event)
{
    if (m_events.push(std::move(event)))
        m_eventsWakeUp->wake();
}

void IoThreadPool::takeEvents()
{
    std::vector<IoEvent> batch = std::move(m_spare);
    batch.clear();
    m_events.takeAll(&batch);
    for (IoEvent& event : batch) {
        if (ThreadedSocket* const socket = event.link->front)
            socket->deliver(event);
    }
    batch.clear();
    m_spare = std::move(batch);
}
