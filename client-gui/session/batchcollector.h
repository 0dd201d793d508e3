#pragma once

#include "session/ircbatch.h"

#include <QHash>

class IrcMessage;

// Gathers the lines of IRCv3 batches (`BATCH +id type …`, lines tagged `batch=id`, `BATCH -id`)
// until each outermost batch is complete; a pure function of the lines fed, testable without a
// socket. Bounded against a hostile server: at most MaxOpenBatches open at once and
// MaxLinesPerBatch lines kept per batch (later ones are dropped). A batch tag that names no open
// batch is ignored (the line is handled as if it had none); `BATCH -` for a batch that is not
// open is ignored.
class BatchCollector
{
public:
    static constexpr int MaxOpenBatches = 32;
    static constexpr int MaxLinesPerBatch = 2000;
    static constexpr int MaxIdLength = 64;

    enum class Result {
        Unbatched, // not part of a batch: handle the line as usual
        Collected, // kept (or dropped) as part of a batch: nothing to do yet
        Completed, // an outermost batch ended: takeCompleted() has it
    };

    Result feed(const IrcMessage& message);
    // The batch the last Completed was about.
    IrcBatch takeCompleted();
    // A new connection: batches left open by the old one are forgotten.
    void clear();
    int openCount() const { return int(m_open.size()); }

private:
    Result open(const IrcMessage& message, const QString& id);
    Result close(const QString& id);

    struct Open
    {
        QString rootId; // the outermost batch it belongs to (itself when not nested)
        IrcBatch batch; // filled only for the outermost one
    };
    QHash<QString, Open> m_open;
    IrcBatch m_completed;
};
