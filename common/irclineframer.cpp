#include "irclineframer.h"

#include <algorithm>
#include <cstring>

namespace {

constexpr qsizetype TooLongExcerptBytes = 64;

} // namespace

qsizetype IrcLineFramer::findLineEnd(QByteArrayView bytes, qsizetype from)
{
    // Two memchr() calls, the second bounded by the first: each byte is looked at at most twice.
    const char* begin = bytes.data() + from;
    const size_t length = size_t(bytes.size() - from);
    const void* lf = std::memchr(begin, '\n', length);
    const size_t before = lf ? size_t(static_cast<const char*>(lf) - begin) : length;
    const void* cr = std::memchr(begin, '\r', before);
    const void* end = cr ? cr : lf;
    return end ? from + (static_cast<const char*>(end) - begin) : -1;
}

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

QByteArray IrcLineFramer::startDiscarding(QByteArrayView chunk)
{
    QByteArray excerpt = m_buffer.left(TooLongExcerptBytes);
    excerpt.append(chunk.first(std::min(chunk.size(), TooLongExcerptBytes - excerpt.size())));
    m_buffer.clear();
    m_discarding = true;
    return excerpt;
}

QList<IrcLineFramer::Frame> IrcLineFramer::feed(QByteArrayView bytes)
{
    QList<Frame> frames;
    feed(bytes, [&frames](Frame::Kind kind, QByteArrayView line) {
        frames.append(Frame{kind, line.toByteArray()});
    });
    return frames;
}
