#pragma once

#include "history/historyrecord.h"

#include <QString>

#include <vector>

// Records on their way to the store, in the order they were collected, with the strings they
// name. A record's owner, target and account are strings of users and rooms
// (ServerUser::foldedAccount(), ServerChannel::foldedName()) that every record of their
// messages names: the batch keeps one copy of each string (a pin) and the records name it by
// its index (HistoryRecord::ownerPin...). A copy in each record cost an atomic count on the
// event loop when the record was made and another when it was freed there: about half of what
// the records cost the loop under private messages between accounts. Filled and freed on the
// loop, read on the history thread in between; the store reads the names through owner(),
// target() and account().
class HistoryBatch
{
public:
    // Slots of the table that finds a string's pin by its address: 2^PinHintBits.
    static constexpr int PinHintBits = 12;
    static constexpr size_t PinHints = size_t(1) << PinHintBits;

    HistoryBatch() = default;
    // Records that hold their names themselves (tests, tools).
    explicit HistoryBatch(std::vector<HistoryRecord> records) : m_records(std::move(records)) {}

    // Adds a record whose owner, target and account are these strings (null or empty for
    // none); the record's own fields for them stay null.
    void add(HistoryRecord record, const QString& owner, const QString& target,
             const QString& account);

    const std::vector<HistoryRecord>& records() const { return m_records; }
    size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }
    size_t capacity() const { return m_records.capacity(); }
    void reserve(size_t records) { m_records.reserve(records); }
    // Strings kept for the records (each once, unless two took turns in one hint slot).
    size_t pinCount() const { return m_pins.size(); }

    // A record's names, from its pins or its own fields.
    const QString& owner(const HistoryRecord& record) const
    {
        return named(record.ownerPin, record.owner);
    }
    const QString& target(const HistoryRecord& record) const
    {
        return named(record.targetPin, record.target);
    }
    const QString& account(const HistoryRecord& record) const
    {
        return named(record.accountPin, record.account);
    }

    // Empties the batch and lets its strings go, keeping the room of its arrays.
    void clear();

private:
    const QString& named(int pin, const QString& own) const
    {
        return pin < 0 ? own : m_pins[size_t(pin)];
    }
    // The index of a pin of text, added unless its hint slot names one already; -1 for an
    // empty text.
    int pin(const QString& text);

    std::vector<HistoryRecord> m_records;
    std::vector<QString> m_pins;
    // Per slot (by the text's address), the index of the last pin made there: a hint that
    // pin() checks against m_pins, so the table is never cleared. Made at the first pin.
    std::vector<int> m_hints;
};
