#include "routing/messageidgenerator.h"

#include <QRandomGenerator>

QString MessageId::toString() const
{
    return m_prefix + QString::number(m_number, 36);
}

MessageIdGenerator::MessageIdGenerator()
{
    // Lower-case RFC 4648 base32 alphabet: letters and digits only, so the id is a valid tag
    // value, nick-safe and readable.
    static const char Alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    quint64 bits = QRandomGenerator::system()->generate64();
    m_prefix.reserve(PrefixLength);
    for (int i = 0; i < PrefixLength; ++i) {
        m_prefix += QLatin1Char(Alphabet[bits & 31]);
        bits >>= 5;
    }
}

MessageIdGenerator::MessageIdGenerator(const QString& prefix) : m_prefix(prefix) {}
