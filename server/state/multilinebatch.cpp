#include "state/multilinebatch.h"

#include "irccasemapping.h"

MultilineBatch::MultilineBatch(const QString& reference, const QString& target,
                               const QList<IrcTag>& clientTags, const QString& label)
    : m_reference(reference), m_target(target), m_clientTags(clientTags), m_label(label)
{
}

MultilineBatch::Error MultilineBatch::add(const IrcMessage& line, const IrcCaseMapping& mapping,
                                          int maxBytes, int maxLines)
{
    const QString command = line.command().toUpper();
    if (command != QLatin1String("PRIVMSG") && command != QLatin1String("NOTICE"))
        return Error::Invalid;
    if (!m_command.isEmpty() && command != m_command)
        return Error::Invalid;
    if (line.paramCount() < 2)
        return Error::Invalid;
    if (mapping.fold(line.param(0)) != mapping.fold(m_target))
        return Error::InvalidTarget;
    const bool concat = line.hasTag(QStringLiteral("draft/multiline-concat"));
    const QString text = line.param(1);
    if (concat && (text.isEmpty() || m_parts.isEmpty()))
        return Error::Invalid;
    if (m_parts.size() >= maxLines)
        return Error::MaxLines;
    const int bytes = int(text.toUtf8().size()) + (m_parts.isEmpty() || concat ? 0 : 1);
    if (m_bytes + bytes > maxBytes)
        return Error::MaxBytes;
    m_command = command;
    m_bytes += bytes;
    m_parts.append(MultilinePart{text, concat});
    return Error::None;
}

bool MultilineBatch::hasText() const
{
    for (const MultilinePart& part : m_parts) {
        if (!part.text.isEmpty())
            return true;
    }
    return false;
}
