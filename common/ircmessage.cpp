#include "ircmessage.h"

#include "irclimits.h"

#include <QStringEncoder>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace {

bool isForbiddenByte(char c)
{
    return c == '\0' || c == '\r' || c == '\n';
}

// A space, NUL, CR or LF (one pass).
bool hasSpaceOrForbidden(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u <= ' ' && (u == ' ' || u == 0 || u == '\r' || u == '\n'))
            return true;
    }
    return false;
}

// RFC 3629 well-formedness: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        // ASCII eight bytes at a time (most chat lines are mostly ASCII).
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (end - p < length)
            return false;
        if (p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        p += length;
    }
    return true;
}

QString decode(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

// IRCv3 message-tags value escaping.
QString unescapeTagValue(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i == raw.size())
            break; // a lone trailing backslash is dropped
        switch (raw[i]) {
        case ':': out.append(';'); break;
        case 's': out.append(' '); break;
        case '\\': out.append('\\'); break;
        case 'r': out.append('\r'); break;
        case 'n': out.append('\n'); break;
        default: out.append(raw[i]); break; // "\b" means "b"
        }
    }
    return decode(out);
}

// Writes the value's UTF-8 with IRCv3 escaping at out (room for 6 bytes per UTF-16 unit);
// returns the end.
char* appendEscapedTagValue(char* out, QStringView value, QStringEncoder& encoder)
{
    char utf8[3 * 64];
    while (!value.isEmpty()) {
        // Encoded in slices that never split a surrogate pair.
        qsizetype n = std::min<qsizetype>(value.size(), 64);
        if (n < value.size() && value.at(n - 1).isHighSurrogate())
            --n;
        const char* end = encoder.appendToBuffer(utf8, value.first(n));
        value = value.sliced(n);
        for (const char* c = utf8; c != end; ++c) {
            switch (*c) {
            case ';': *out++ = '\\'; *out++ = ':'; break;
            case ' ': *out++ = '\\'; *out++ = 's'; break;
            case '\\': *out++ = '\\'; *out++ = '\\'; break;
            case '\r': *out++ = '\\'; *out++ = 'r'; break;
            case '\n': *out++ = '\\'; *out++ = 'n'; break;
            case '\0': break; // cannot be escaped: dropped
            default: *out++ = *c; break;
            }
        }
    }
    return out;
}

bool isValidTagKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        const char16_t u = c.unicode();
        if (u <= ' ' || u == '=' || u == ';' || u == 0x7F)
            return false;
    }
    return true;
}

char16_t codeUnit(QChar c)
{
    return c.unicode();
}

char16_t codeUnit(char c)
{
    return char16_t(static_cast<unsigned char>(c));
}

// Letters only, or exactly three digits; for a QStringView or the raw bytes of a line.
// *lettersOnly says which.
template <typename Text>
bool isValidCommand(const Text& command, bool* lettersOnly = nullptr)
{
    if (command.isEmpty())
        return false;
    bool allDigits = true;
    bool allLetters = true;
    for (auto c : command) {
        const char16_t u = codeUnit(c);
        allDigits = allDigits && u >= '0' && u <= '9';
        allLetters = allLetters && ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'));
    }
    if (lettersOnly)
        *lettersOnly = allLetters;
    return allLetters || (allDigits && command.size() == 3);
}

bool needsTrailing(QStringView param)
{
    return param.isEmpty() || param.startsWith(QLatin1Char(':')) ||
           param.contains(QLatin1Char(' '));
}

// The command word upper-cased, or a null string if it is neither letters only nor exactly three
// digits. The common commands come back as shared constants (no allocation).
QString decodeCommand(QByteArrayView word)
{
    bool letters = false;
    if (!isValidCommand(word, &letters))
        return {};
    static const QString common[] = {
        QStringLiteral("PRIVMSG"), QStringLiteral("NOTICE"), QStringLiteral("PING"),
        QStringLiteral("PONG"),    QStringLiteral("JOIN"),   QStringLiteral("PART"),
        QStringLiteral("NICK"),    QStringLiteral("USER"),   QStringLiteral("QUIT"),
        QStringLiteral("MODE"),    QStringLiteral("TAGMSG"), QStringLiteral("CAP"),
    };
    if (letters) {
        for (const QString& command : common) {
            if (command.size() != word.size())
                continue;
            qsizetype i = 0;
            // Letters only: clearing bit 0x20 upper-cases them.
            while (i < word.size() && char16_t(word[i] & ~0x20) == command[i].unicode())
                ++i;
            if (i == word.size())
                return command;
        }
    }
    QString upper(word.size(), Qt::Uninitialized);
    QChar* out = upper.data();
    for (char c : word)
        *out++ = QLatin1Char(c >= 'a' && c <= 'z' ? char(c - ('a' - 'A')) : c);
    return upper;
}

qsizetype skipSpaces(QByteArrayView line, qsizetype pos)
{
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    return pos;
}

qsizetype wordEnd(QByteArrayView line, qsizetype pos)
{
    const qsizetype space = line.indexOf(' ', pos);
    return space < 0 ? line.size() : space;
}

std::optional<IrcMessage> fail(IrcMessage::ParseError* error, IrcMessage::ParseError reason)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

IrcMessage::IrcMessage(const QString& command, const QStringList& params, const QString& source)
    : m_source(source), m_command(command), m_params(params)
{
}

std::optional<IrcMessage> IrcMessage::parse(QByteArrayView line, ParseError* error)
{
    if (error)
        *error = ParseError::None;
    for (char forbidden : {'\0', '\r', '\n'}) {
        if (line.contains(forbidden))
            return fail(error, ParseError::ForbiddenByte);
    }

    IrcMessage message;
    message.m_invalidUtf8 = !isValidUtf8(line);

    qsizetype pos = skipSpaces(line, 0);
    if (pos == line.size())
        return fail(error, ParseError::Empty);

    if (line[pos] == '@') {
        const qsizetype end = wordEnd(line, pos);
        const QByteArrayView tags = line.sliced(pos + 1, end - pos - 1);
        if (tags.isEmpty())
            return fail(error, ParseError::BadTags);
        qsizetype start = 0;
        while (start <= tags.size()) {
            qsizetype semi = tags.indexOf(';', start);
            if (semi < 0)
                semi = tags.size();
            const QByteArrayView item = tags.sliced(start, semi - start);
            if (item.isEmpty()) {
                // "a;;b" has an empty item; a single trailing ';' is tolerated.
                if (semi != tags.size())
                    return fail(error, ParseError::BadTags);
            } else {
                const qsizetype equals = item.indexOf('=');
                const QByteArrayView key = equals < 0 ? item : item.first(equals);
                IrcTag tag;
                tag.key = decode(key);
                if (!isValidTagKey(tag.key))
                    return fail(error, ParseError::BadTags);
                if (equals >= 0)
                    tag.value = unescapeTagValue(item.sliced(equals + 1));
                message.m_tags.append(tag);
            }
            start = semi + 1;
        }
        pos = skipSpaces(line, end);
        if (pos == line.size())
            return fail(error, ParseError::NoCommand);
    }

    if (line[pos] == ':') {
        const qsizetype end = wordEnd(line, pos);
        if (end == pos + 1 || line[pos + 1] == ':')
            return fail(error, ParseError::BadSource);
        message.m_source = decode(line.sliced(pos + 1, end - pos - 1));
        pos = skipSpaces(line, end);
        if (pos == line.size())
            return fail(error, ParseError::NoCommand);
    }

    const qsizetype commandEnd = wordEnd(line, pos);
    message.m_command = decodeCommand(line.sliced(pos, commandEnd - pos));
    if (message.m_command.isNull())
        return fail(error, ParseError::BadCommand);
    pos = commandEnd;
    message.m_params.reserve(4);

    while (true) {
        pos = skipSpaces(line, pos);
        if (pos == line.size())
            break;
        if (message.m_params.size() == Limits::MaxParams)
            return fail(error, ParseError::TooManyParams);
        if (line[pos] == ':') {
            message.m_params.append(decode(line.sliced(pos + 1)));
            message.m_lastParamTrailing = true;
            break;
        }
        const qsizetype end = wordEnd(line, pos);
        message.m_params.append(decode(line.sliced(pos, end - pos)));
        pos = end;
    }
    return message;
}

const char* IrcMessage::parseErrorText(ParseError error)
{
    switch (error) {
    case ParseError::None: return "no error";
    case ParseError::Empty: return "empty line";
    case ParseError::ForbiddenByte: return "NUL, CR or LF inside the line";
    case ParseError::BadTags: return "malformed message tags";
    case ParseError::BadSource: return "empty source";
    case ParseError::NoCommand: return "no command";
    case ParseError::BadCommand: return "malformed command";
    case ParseError::TooManyParams: return "more than 15 parameters";
    }
    return "unknown error";
}

const char* IrcMessage::invalidReason() const
{
    return invalidReasonWith(m_tags);
}

const char* IrcMessage::invalidReasonWith(const QList<IrcTag>& tags) const
{
    if (!isValidCommand(QStringView(m_command)))
        return "malformed command";
    if (m_params.size() > Limits::MaxParams)
        return "more than 15 parameters";
    for (const IrcTag& tag : tags) {
        if (!isValidTagKey(tag.key))
            return "malformed tag key";
    }
    if (m_source.startsWith(QLatin1Char(':')) || hasSpaceOrForbidden(m_source))
        return "malformed source";
    for (qsizetype i = 0; i + 1 < m_params.size(); ++i) {
        const QString& param = m_params.at(i);
        if (param.isEmpty() || param.startsWith(QLatin1Char(':')) || hasSpaceOrForbidden(param))
            return "a middle parameter is empty, has a space, starts with ':' or has CR/LF/NUL";
    }
    return nullptr;
}

QByteArray IrcMessage::serialize() const
{
    return serializeWith(m_tags, 0);
}

QByteArray IrcMessage::serializeWith(const QList<IrcTag>& tags, qsizetype reserveExtra) const
{
    if (invalidReasonWith(tags))
        return {};
    // Written straight into one buffer, sized for the worst case (3 UTF-8 bytes per UTF-16 unit,
    // 6 for an escaped tag value) and cut to size at the end: no temporary per field.
    qsizetype capacity = reserveExtra + 3 + 3 * (m_source.size() + m_command.size());
    for (const IrcTag& tag : tags)
        capacity += 2 + 3 * tag.key.size() + 6 * tag.value.size();
    for (const QString& param : m_params)
        capacity += 2 + 3 * param.size();

    // On the stack for any ordinary line, then copied once into a buffer of the exact size
    // (queued lines count against the send queue by their size, so they must not hold more).
    QVarLengthArray<char, 2048> buffer(capacity);
    char* const begin = buffer.data();
    char* p = begin;
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    const auto put = [&p, &encoder](QStringView text) { p = encoder.appendToBuffer(p, text); };

    if (!tags.isEmpty()) {
        *p++ = '@';
        for (qsizetype i = 0; i < tags.size(); ++i) {
            if (i)
                *p++ = ';';
            put(tags.at(i).key);
            if (!tags.at(i).value.isEmpty()) {
                *p++ = '=';
                p = appendEscapedTagValue(p, tags.at(i).value, encoder);
            }
        }
        *p++ = ' ';
    }
    if (!m_source.isEmpty()) {
        *p++ = ':';
        put(m_source);
        *p++ = ' ';
    }
    put(m_command);
    for (qsizetype i = 0; i < m_params.size(); ++i) {
        const QString& param = m_params.at(i);
        *p++ = ' ';
        if (i + 1 == m_params.size()) {
            if (m_lastParamTrailing || needsTrailing(param))
                *p++ = ':';
            char* const text = p;
            put(param);
            std::replace_if(text, p, isForbiddenByte, ' ');
        } else {
            put(param);
        }
    }
    QByteArray out;
    out.reserve((p - begin) + reserveExtra);
    out.append(begin, p - begin);
    return out;
}

QByteArray IrcMessage::prependTags(QByteArrayView line, const QList<IrcTag>& tags)
{
    QByteArray prefix;
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    for (const IrcTag& tag : tags) {
        if (!isValidTagKey(tag.key))
            continue;
        QVarLengthArray<char, 512> buffer(2 + 3 * tag.key.size() + 6 * tag.value.size());
        char* p = encoder.appendToBuffer(buffer.data(), tag.key);
        if (!tag.value.isEmpty()) {
            *p++ = '=';
            p = appendEscapedTagValue(p, tag.value, encoder);
        }
        prefix.append(prefix.isEmpty() ? '@' : ';');
        prefix.append(buffer.data(), p - buffer.data());
    }
    if (prefix.isEmpty())
        return line.toByteArray();
    QByteArray out;
    out.reserve(prefix.size() + line.size() + 1);
    out.append(prefix);
    if (line.startsWith('@')) {
        out.append(';');
        out.append(line.sliced(1));
    } else {
        out.append(' ');
        out.append(line);
    }
    return out;
}

QByteArray IrcMessage::toWire(int maxLineBytes) const
{
    return toWire(m_tags, maxLineBytes);
}

QByteArray IrcMessage::toWire(const QList<IrcTag>& tags, int maxLineBytes) const
{
    QByteArray line = serializeWith(tags, 2);
    if (line.isEmpty())
        return line;
    const qsizetype tagBytes = line.startsWith('@') ? line.indexOf(' ') + 1 : 0;
    const qsizetype excess = line.size() - tagBytes + 2 - maxLineBytes;
    if (excess > 0) {
        if (m_params.isEmpty())
            return {};
        const qsizetype lastBytes = m_params.constLast().toUtf8().size();
        qsizetype cut = line.size() - excess;
        // Never cut into the middle of a UTF-8 sequence.
        while (cut > 0 && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        if (cut <= line.size() - lastBytes)
            return {}; // the line does not fit even without its last parameter's text
        line.truncate(cut);
    }
    line.append("\r\n");
    return line;
}

bool IrcMessage::hasTag(const QString& key) const
{
    for (const IrcTag& tag : m_tags) {
        if (tag.key == key)
            return true;
    }
    return false;
}

QString IrcMessage::tag(const QString& key) const
{
    // IRCv3: when a key appears more than once, the last value counts.
    for (auto it = m_tags.crbegin(); it != m_tags.crend(); ++it) {
        if (it->key == key)
            return it->value;
    }
    return {};
}

void IrcMessage::setTag(const QString& key, const QString& value)
{
    for (IrcTag& tag : m_tags) {
        if (tag.key == key) {
            tag.value = value;
            return;
        }
    }
    m_tags.append(IrcTag{key, value});
}

void IrcMessage::removeTag(const QString& key)
{
    m_tags.removeIf([&key](const IrcTag& tag) { return tag.key == key; });
}

QDateTime IrcMessage::serverTime() const
{
    const QString value = tag(QStringLiteral("time"));
    if (value.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

void IrcMessage::setServerTime(const QDateTime& time)
{
    setTag(QStringLiteral("time"), formatServerTime(time));
}

QString IrcMessage::formatServerTime(const QDateTime& time)
{
    // IRCv3 server-time: YYYY-MM-DDThh:mm:ss.sssZ
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString IrcMessage::nick() const
{
    qsizetype end = m_source.indexOf(QLatin1Char('!'));
    if (end < 0)
        end = m_source.indexOf(QLatin1Char('@'));
    return end < 0 ? m_source : m_source.left(end);
}

QString IrcMessage::user() const
{
    const qsizetype bang = m_source.indexOf(QLatin1Char('!'));
    if (bang < 0)
        return {};
    const qsizetype at = m_source.indexOf(QLatin1Char('@'), bang);
    return at < 0 ? m_source.mid(bang + 1) : m_source.mid(bang + 1, at - bang - 1);
}

QString IrcMessage::host() const
{
    const qsizetype at = m_source.indexOf(QLatin1Char('@'));
    return at < 0 ? QString() : m_source.mid(at + 1);
}

QString IrcMessage::makeSource(const QString& nick, const QString& user, const QString& host)
{
    QString source;
    source.reserve(nick.size() + user.size() + host.size() + 2); // kept per user: exact size
    source.append(nick).append(u'!').append(user).append(u'@').append(host);
    return source;
}

bool IrcMessage::isNumeric() const
{
    return m_command.size() == 3 && m_command.at(0).isDigit() && m_command.at(1).isDigit() &&
           m_command.at(2).isDigit();
}

int IrcMessage::numeric() const
{
    return isNumeric() ? m_command.toInt() : -1;
}

bool operator==(const IrcMessage& a, const IrcMessage& b)
{
    return a.m_tags == b.m_tags && a.m_source == b.m_source && a.m_command == b.m_command &&
           a.m_params == b.m_params && a.m_invalidUtf8 == b.m_invalidUtf8;
}
