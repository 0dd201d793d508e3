#include "routing/messageidasciiwriter.h"

#include <algorithm>

qsizetype MessageIdAsciiWriter::write(const MessageId& id, char* out, qsizetype size)
{
    const QString& prefix = id.prefix();
    if (prefix.constData() != m_prefix.constData() || prefix.size() != m_prefix.size()) {
        m_prefix = prefix;
        m_isAscii = std::all_of(prefix.cbegin(), prefix.cend(),
                                [](QChar c) { return c.unicode() < 0x80; });
        m_ascii = m_isAscii ? prefix.toLatin1() : QByteArray();
    }
    if (!m_isAscii)
        return -1;
    return MessageId::writeAscii(m_ascii, id.number(), out, size);
}
