#pragma once

#include <QObject>

#include <vector>

class ClientSession;

// Output batching across sessions: a session that queued bytes registers here once, and all
// registered sessions are flushed together from one queued call at the end of the current
// event-loop iteration. A recipient of many lines in one iteration (a busy room) then gets one
// write() for all of them instead of one per line, and no write notifier is toggled per line.
class WriteBatcher : public QObject
{
    Q_OBJECT

public:
    explicit WriteBatcher(QObject* parent = nullptr);

    // Flushes the session in the next flush(); a session already scheduled is not added again
    // (the session keeps that flag). A session that goes away must cancel() first.
    void schedule(ClientSession* session);
    void cancel(ClientSession* session);
    // Writes the output of every scheduled session now.
    void flush();

    int scheduledCount() const { return int(m_sessions.size()); }

private:
    std::vector<ClientSession*> m_sessions;
    std::vector<ClientSession*> m_flushing; // reused between flushes
    bool m_posted = false;
};
