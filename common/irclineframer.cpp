#include "irclineframer.h"

#include <algorithm>

namespace {

constexpr qsizetype TooLongExcerptBytes = 64;

qsizetype findLineEnd(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = from; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' || bytes[i] == '\r')
            return i;
    }
    return -1;
}

} // namespace

IrcLineFramer::IrcLineFramer(int maxLineBytes, int maxTagBytes)
    : m_maxLineBytes(std::max(maxLineBytes, 3)), m_maxTagBytes(std::max(maxTagBytes, 2))
{
}

void IrcLineFramer::reset()
{
    m_buffer.clear();
    m_discarding = false;
}

// Whether m_buffer followed by `more` is already longer than a line may be. Counted as on the
// wire: the tag part ("@...", its trailing space included) against maxTagBytes, the rest plus
// CR LF against maxLineBytes.
bool IrcLineFramer::exceedsLimits(QByteArrayView more) const
{
    const qsizetype total = m_buffer.size() + more.size();
    const char first = m_buffer.isEmpty() ? (more.isEmpty() ? '\0' : more[0]) : m_buffer.at(0);
    if (first != '@')
        return total + 2 > m_maxLineBytes;
    qsizetype space = m_buffer.indexOf(' ');
    if (space < 0) {
        space = more.indexOf(' ');
        if (space >= 0)
            space += m_buffer.size();
    }
    if (space < 0)
        return total + 1 > m_maxTagBytes;
    const qsizetype tagBytes = space + 1;
    return tagBytes > m_maxTagBytes || (total - tagBytes) + 2 > m_maxLineBytes;
}

QList<IrcLineFramer::Frame> IrcLineFramer::feed(QByteArrayView bytes)
{
    QList<Frame> frames;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = findLineEnd(bytes, pos);
        const QByteArrayView chunk = bytes.sliced(pos, (end < 0 ? bytes.size() : end) - pos);
        if (!m_discarding) {
            if (exceedsLimits(chunk)) {
                QByteArray excerpt = m_buffer.left(TooLongExcerptBytes);
                excerpt.append(chunk.first(
                    std::min(chunk.size(), TooLongExcerptBytes - excerpt.size())));
                frames.append(Frame{Frame::Kind::TooLong, excerpt});
                m_buffer.clear();
                m_discarding = true;
            } else {
                m_buffer.append(chunk);
            }
        }
        if (end < 0)
            break;
        // A line end: emit what was gathered, or end the discarding of an over-long line.
        if (!m_discarding && !m_buffer.isEmpty())
            frames.append(Frame{Frame::Kind::Line, m_buffer});
        m_buffer.clear();
        m_discarding = false;
        pos = end + 1;
    }
    return frames;
}
