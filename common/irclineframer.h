#pragma once

#include "irclimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

// Turns a byte stream into IRC lines. Any chunking works: one byte at a time or fifty lines per
// read. CR LF, bare LF and bare CR all end a line; empty lines are skipped.
//
// Limits are checked before the buffer grows: a line whose tag part exceeds maxTagBytes or whose
// non-tag part exceeds maxLineBytes (both counted as on the wire, CR LF included in the latter)
// is reported once as TooLong and its bytes are discarded up to the next line end, so memory
// never exceeds maxTagBytes + maxLineBytes per framer however long the line goes on.
class IrcLineFramer
{
public:
    struct Frame
    {
        enum class Kind { Line, TooLong };
        Kind kind = Kind::Line;
        QByteArray line; // without the terminator; for TooLong, the first bytes (at most 64)

        bool isLine() const { return kind == Kind::Line; }
    };

    explicit IrcLineFramer(int maxLineBytes = Limits::MaxLineBytes,
                           int maxTagBytes = Limits::MaxTagBytes);

    QList<Frame> feed(QByteArrayView bytes);

    // The same without copies: calls onFrame(Frame::Kind, QByteArrayView line) for each frame,
    // in order. A line that arrived whole in `bytes` is a view into `bytes`; either view is
    // valid only during the call.
    template <typename OnFrame>
    void feed(QByteArrayView bytes, OnFrame&& onFrame);

    // Bytes of an unfinished line held now (always <= maxTagBytes + maxLineBytes).
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    bool isDiscarding() const { return m_discarding; }
    void reset();

    int maxLineBytes() const { return m_maxLineBytes; }
    int maxTagBytes() const { return m_maxTagBytes; }

private:
    bool exceedsLimits(QByteArrayView more) const;
    // The first bytes of the over-long line (m_buffer, then chunk); starts discarding.
    QByteArray startDiscarding(QByteArrayView chunk);
    static qsizetype findLineEnd(QByteArrayView bytes, qsizetype from);

    int m_maxLineBytes;
    int m_maxTagBytes;
    QByteArray m_buffer;
    bool m_discarding = false;
};

template <typename OnFrame>
void IrcLineFramer::feed(QByteArrayView bytes, OnFrame&& onFrame)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = findLineEnd(bytes, pos);
        const QByteArrayView chunk = bytes.sliced(pos, (end < 0 ? bytes.size() : end) - pos);
        bool whole = false; // the line is all in chunk: hand out a view, no copy
        if (!m_discarding) {
            if (exceedsLimits(chunk)) {
                const QByteArray excerpt = startDiscarding(chunk);
                onFrame(Frame::Kind::TooLong, QByteArrayView(excerpt));
            } else if (end >= 0 && m_buffer.isEmpty()) {
                whole = true;
            } else {
                m_buffer.append(chunk);
            }
        }
        if (end < 0)
            break;
        // A line end: emit what was gathered, or end the discarding of an over-long line.
        if (whole) {
            if (!chunk.isEmpty())
                onFrame(Frame::Kind::Line, chunk);
        } else if (!m_discarding && !m_buffer.isEmpty()) {
            const QByteArray line = std::exchange(m_buffer, QByteArray());
            onFrame(Frame::Kind::Line, QByteArrayView(line));
        }
        m_buffer.clear();
        m_discarding = false;
        pos = end + 1;
    }
}
