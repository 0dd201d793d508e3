#pragma once

#include <QByteArrayView>
#include <QString>

// A message id as IRCv3 message-ids needs it: unique on the network, for ever. It is this run's
// random prefix and a counter, and is formatted ("k3v9q2x7m1ab" + base 36) only when a client or
// the history needs the text.
class MessageId
{
public:
    MessageId() = default;
    MessageId(const QString& prefix, quint64 number)
        : MessageId(prefix, number, isParsablePrefix(prefix))
    {
    }

    // An id as toString() wrote it, by this process or another node; null if it is not one.
    static MessageId fromString(const QString& text);
    // Its counter alone (what fromString() would give as number()), without a copy of the
    // prefix: 0 if the text is not such an id.
    static quint64 numberOf(QStringView text);

    bool isNull() const { return m_number == 0; }
    quint64 number() const { return m_number; }
    // Whether numberOf(toString()) gives number() back: a prefix such as the generator draws
    // (tests may choose others). Known when the id is made: the history writer asks for every
    // id, and reading the prefix's text from its thread missed the cache each time.
    bool isParsable() const { return m_parsablePrefix && m_number != 0; }
    // Whether ids of this prefix are parsable.
    static bool isParsablePrefix(const QString& prefix);
    QString toString() const;
    const QString& prefix() const { return m_prefix; }
    // The UTF-8 of an id's text (toString()), given its prefix in UTF-8, written to out without
    // an allocation: its length in bytes, or -1 if it is longer than size. The history writer
    // stores msgids so, from a prefix's UTF-8 it keeps (SharedTextUtf8).
    static qsizetype writeUtf8(QByteArrayView utf8Prefix, quint64 number, char* out,
                               qsizetype size);

private:
    friend class MessageIdGenerator;
    MessageId(const QString& prefix, quint64 number, bool parsablePrefix)
        : m_prefix(prefix), m_number(number), m_parsablePrefix(parsablePrefix)
    {
    }

    QString m_prefix; // shared with the generator, not copied
    quint64 m_number = 0;
    bool m_parsablePrefix = false;
};

// Hands out message ids. The prefix is 60 random bits from the system's secure generator, drawn
// once per server process: two runs (a restart) or two server nodes pick the same prefix with
// probability 2^-60 per pair, and within a run the counter never repeats. The counter starts
// at the microseconds since the epoch when the generator is made, so that the counters of
// successive runs (and of nodes started together) keep growing, as long as a run hands out
// fewer ids than a million a second: the history finds ids by their counter (SQLite through
// the counter ranges of its spans, PostgreSQL through an index of the counters), and a counter
// that grows only ever adds at the end of those indexes.
class MessageIdGenerator
{
public:
    static constexpr int PrefixLength = 12; // base-32 characters, 5 bits each

    MessageIdGenerator();
    // For tests: a fixed prefix, and a counter from 1.
    explicit MessageIdGenerator(const QString& prefix);

    MessageId next() { return MessageId(m_prefix, ++m_counter, m_parsablePrefix); }
    const QString& prefix() const { return m_prefix; }

private:
    QString m_prefix;
    bool m_parsablePrefix = false;
    quint64 m_counter = 0;
};
