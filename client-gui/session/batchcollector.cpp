#include "session/batchcollector.h"

#include "ircmessage.h"

#include <utility>

namespace {

const QString BatchTag = QStringLiteral("batch");

} // namespace

BatchCollector::Result BatchCollector::feed(const IrcMessage& message)
{
    if (message.command() == QLatin1String("BATCH")) {
        const QString reference = message.param(0);
        const QString id = reference.mid(1);
        if (id.isEmpty() || id.size() > MaxIdLength)
            return Result::Collected; // malformed: nothing to act on
        if (reference.startsWith(QLatin1Char('+')))
            return open(message, id);
        if (reference.startsWith(QLatin1Char('-')))
            return close(id);
        return Result::Collected;
    }
    const QString id = message.tag(BatchTag);
    if (id.isEmpty())
        return Result::Unbatched;
    const auto it = m_open.constFind(id);
    if (it == m_open.constEnd())
        return Result::Unbatched; // an unknown batch: the tag is ignored
    IrcBatch& root = m_open[it->rootId].batch;
    if (root.messages.size() < MaxLinesPerBatch)
        root.messages.append(message);
    return Result::Collected;
}

BatchCollector::Result BatchCollector::open(const IrcMessage& message, const QString& id)
{
    if (m_open.contains(id) || m_open.size() >= MaxOpenBatches)
        return Result::Collected; // its lines will count as unbatched
    Open entry;
    const QString parent = message.tag(BatchTag);
    const auto parentIt = m_open.constFind(parent);
    if (!parent.isEmpty() && parentIt != m_open.constEnd()) {
        entry.rootId = parentIt->rootId;
    } else {
        entry.rootId = id;
        entry.batch.id = id;
        entry.batch.type = message.param(1);
        entry.batch.params = message.params().mid(2);
    }
    m_open.insert(id, entry);
    return Result::Collected;
}

BatchCollector::Result BatchCollector::close(const QString& id)
{
    const auto it = m_open.find(id);
    if (it == m_open.end())
        return Result::Collected;
    if (it->rootId != id) { // a nested batch: its lines are in the outermost one already
        m_open.erase(it);
        return Result::Collected;
    }
    m_completed = std::move(it->batch);
    m_open.erase(it);
    // Nested batches left open end with it.
    for (auto nested = m_open.begin(); nested != m_open.end();) {
        if (nested->rootId == id)
            nested = m_open.erase(nested);
        else
            ++nested;
    }
    return Result::Completed;
}

IrcBatch BatchCollector::takeCompleted()
{
    return std::exchange(m_completed, IrcBatch());
}

void BatchCollector::clear()
{
    m_open.clear();
    m_completed = IrcBatch();
}
