#include "ircisupport.h"

#include "irclimits.h"

#include <cctype>

namespace {

// ISUPPORT values escape bytes as "\xHH" (modern.ircdocs.horse, RPL_ISUPPORT).
QString unescapeValue(const QString& value)
{
    if (!value.contains(QLatin1String("\\x")))
        return value;
    const QByteArray bytes = value.toUtf8();
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\\' && i + 3 < bytes.size() && bytes.at(i + 1) == 'x' &&
            isxdigit(static_cast<unsigned char>(bytes.at(i + 2))) &&
            isxdigit(static_cast<unsigned char>(bytes.at(i + 3)))) {
            out.append(char(bytes.mid(i + 2, 2).toInt(nullptr, 16)));
            i += 3;
            continue;
        }
        out.append(bytes.at(i));
    }
    return QString::fromUtf8(out);
}

int positiveInt(const QString& text, int fallback)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

void IrcISupport::addReply(const QStringList& params)
{
    for (qsizetype i = 1; i + 1 < params.size(); ++i) {
        const QString& token = params.at(i);
        if (token.startsWith(QLatin1Char('-'))) {
            m_tokens.remove(token.mid(1));
            continue;
        }
        const qsizetype equals = token.indexOf(QLatin1Char('='));
        if (equals < 0)
            m_tokens.insert(token, QString());
        else
            m_tokens.insert(token.left(equals), unescapeValue(token.mid(equals + 1)));
    }
}

IrcCaseMapping IrcISupport::caseMapping() const
{
    return IrcCaseMapping::fromName(value(QStringLiteral("CASEMAPPING")))
        .value_or(IrcCaseMapping(IrcCaseMapping::Mapping::Rfc1459));
}

QString IrcISupport::chanTypes() const
{
    return has(QStringLiteral("CHANTYPES")) ? value(QStringLiteral("CHANTYPES"))
                                            : QStringLiteral("#&");
}

// PREFIX=(ov)@+
QString IrcISupport::prefixModes() const
{
    const QString prefix = value(QStringLiteral("PREFIX"));
    const qsizetype close = prefix.indexOf(QLatin1Char(')'));
    if (!prefix.startsWith(QLatin1Char('(')) || close < 0)
        return has(QStringLiteral("PREFIX")) ? QString() : QStringLiteral("ov");
    return prefix.mid(1, close - 1);
}

QString IrcISupport::prefixSymbols() const
{
    const QString prefix = value(QStringLiteral("PREFIX"));
    const qsizetype close = prefix.indexOf(QLatin1Char(')'));
    if (!prefix.startsWith(QLatin1Char('(')) || close < 0)
        return has(QStringLiteral("PREFIX")) ? QString() : QStringLiteral("@+");
    return prefix.mid(close + 1);
}

int IrcISupport::nickLength() const
{
    return positiveInt(value(QStringLiteral("NICKLEN")), Limits::DefaultNickLength);
}

int IrcISupport::lineLength() const
{
    return positiveInt(value(QStringLiteral("LINELEN")), Limits::MaxLineBytes);
}

QString IrcISupport::network() const
{
    return value(QStringLiteral("NETWORK"));
}
