#include "history/historybatch.h"

void HistoryBatch::add(HistoryRecord record, const QString& owner, const QString& target,
                       const QString& account)
{
    record.ownerPin = pin(owner);
    record.targetPin = pin(target);
    record.accountPin = pin(account);
    m_records.push_back(std::move(record));
}

void HistoryBatch::clear()
{
    m_records.clear();
    m_pins.clear();
}

int HistoryBatch::pin(const QString& text)
{
    if (text.isEmpty())
        return -1;
    if (m_hints.empty())
        m_hints.resize(PinHints, 0);
    // Fibonacci hashing of the text's address: the strings are separate allocations, whose low
    // bits say little.
    const quint64 address = quint64(quintptr(text.constData()));
    int& hint = m_hints[size_t((address * 0x9E3779B97F4A7C15ULL) >> (64 - PinHintBits))];
    // A pin at the same address and of the same length is the same text: the pin keeps that
    // text from being freed, and a shared QString's text is never changed in place.
    if (size_t(hint) < m_pins.size()) {
        const QString& pinned = m_pins[size_t(hint)];
        if (pinned.constData() == text.constData() && pinned.size() == text.size())
            return hint;
    }
    hint = int(m_pins.size());
    m_pins.push_back(text);
    return hint;
}
