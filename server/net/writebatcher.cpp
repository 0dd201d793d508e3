#include "net/writebatcher.h"

#include "net/clientsession.h"

#include <algorithm>

WriteBatcher::WriteBatcher(QObject* parent) : QObject(parent) {}

void WriteBatcher::schedule(ClientSession* session)
{
    m_sessions.push_back(session);
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &WriteBatcher::flush, Qt::QueuedConnection);
    }
}

void WriteBatcher::cancel(ClientSession* session)
{
    m_sessions.erase(std::remove(m_sessions.begin(), m_sessions.end(), session), m_sessions.end());
    m_flushing.erase(std::remove(m_flushing.begin(), m_flushing.end(), session), m_flushing.end());
}

void WriteBatcher::flush()
{
    m_posted = false;
    // A flush can make sessions queue more (or go away): work on a copy, and what is scheduled
    // meanwhile waits for the next call.
    m_flushing.swap(m_sessions);
    m_sessions.clear();
    while (!m_flushing.empty()) {
        ClientSession* session = m_flushing.back();
        m_flushing.pop_back();
        session->flushOutput();
    }
}
