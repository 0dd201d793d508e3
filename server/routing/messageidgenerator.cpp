#include "routing/messageidgenerator.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>

namespace {

// The counter in base 36, last digit first: the number of digits (at most MaxDigits).
constexpr int MaxDigits = 13; // base 36 of 2^64 - 1
int reversedDigits(quint64 number, char (&digits)[MaxDigits])
{
    int count = 0;
    do {
        const int digit = int(number % 36);
        digits[count++] = char(digit < 10 ? '0' + digit : 'a' + digit - 10);
        number /= 36;
    } while (number != 0);
    return count;
}

} // namespace

QString MessageId::toString() const
{
    char digits[MaxDigits];
    const int count = reversedDigits(m_number, digits);
    QString text(m_prefix.size() + count, Qt::Uninitialized);
    char16_t* out = reinterpret_cast<char16_t*>(text.data());
    std::copy(m_prefix.utf16(), m_prefix.utf16() + m_prefix.size(), out);
    std::reverse_copy(digits, digits + count, out + m_prefix.size());
    return text;
}

qsizetype MessageId::writeUtf8(QByteArrayView utf8Prefix, quint64 number, char* out, qsizetype size)
{
    char digits[MaxDigits];
    const int count = reversedDigits(number, digits);
    const qsizetype prefixSize = utf8Prefix.size();
    if (prefixSize + count > size)
        return -1;
    std::copy(utf8Prefix.begin(), utf8Prefix.end(), out);
    std::reverse_copy(digits, digits + count, out + prefixSize);
    return prefixSize + count;
}

bool MessageId::isParsablePrefix(const QString& prefix)
{
    if (prefix.size() != MessageIdGenerator::PrefixLength)
        return false;
    return std::all_of(prefix.cbegin(), prefix.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
    });
}

MessageId MessageId::fromString(const QString& text)
{
    const quint64 number = numberOf(text);
    if (number == 0)
        return {};
    return MessageId(text.left(MessageIdGenerator::PrefixLength), number);
}

quint64 MessageId::numberOf(QStringView text)
{
    constexpr int PrefixLength = MessageIdGenerator::PrefixLength;
    if (text.size() <= PrefixLength || text.size() > PrefixLength + MaxDigits)
        return 0;
    for (const QChar c : text) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return 0;
    }
    bool ok = false;
    const quint64 number = text.mid(PrefixLength).toULongLong(&ok, 36);
    return ok ? number : 0;
}

MessageIdGenerator::MessageIdGenerator()
{
    // Lower-case RFC 4648 base32 alphabet: letters and digits only, so the id is a valid tag
    // value, nick-safe and readable.
    static const char Alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    m_counter = quint64(std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
    quint64 bits = QRandomGenerator::system()->generate64();
    m_prefix.reserve(PrefixLength);
    for (int i = 0; i < PrefixLength; ++i) {
        m_prefix += QLatin1Char(Alphabet[bits & 31]);
        bits >>= 5;
    }
    m_parsablePrefix = MessageId::isParsablePrefix(m_prefix);
}

MessageIdGenerator::MessageIdGenerator(const QString& prefix)
    : m_prefix(prefix), m_parsablePrefix(MessageId::isParsablePrefix(prefix))
{
}
