#pragma once

#include "irclimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

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

    // Bytes of an unfinished line held now (always <= maxTagBytes + maxLineBytes).
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    bool isDiscarding() const { return m_discarding; }
    void reset();

    int maxLineBytes() const { return m_maxLineBytes; }
    int maxTagBytes() const { return m_maxTagBytes; }

private:
    bool exceedsLimits(QByteArrayView more) const;

    int m_maxLineBytes;
    int m_maxTagBytes;
    QByteArray m_buffer;
    bool m_discarding = false;
};
