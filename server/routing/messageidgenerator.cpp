#include "routing/messageidgenerator.h"

#include <QRandomGenerator>

QString MessageId::toString() const
{
    return m_prefix + QString::number(m_number, 36);
}

MessageId MessageId::fromString(const QString& text)
{
    constexpr int PrefixLength = 12; // MessageIdGenerator::PrefixLength
    constexpr int MaxDigits = 13;    // base 36 of 2^64 - 1
    if (text.size() <= PrefixLength || text.size() > PrefixLength + MaxDigits)
        return {};
    for (const QChar c : text) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return {};
    }
    bool ok = false;
    const quint64 number = QStringView(text).mid(PrefixLength).toULongLong(&ok, 36);
    if (!ok || number == 0)
        return {};
    return MessageId(text.left(PrefixLength), number);
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
