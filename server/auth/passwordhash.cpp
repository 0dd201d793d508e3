#include "auth/passwordhash.h"

#include <QStringList>

namespace PasswordHash {

namespace {

const QString Scheme = QStringLiteral("SCRAM-SHA-256");

// Strict base64: what toBase64() gives, nothing else.
bool decode(const QString& text, QByteArray* bytes)
{
    const auto result =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.isEmpty())
        return false;
    *bytes = result.decoded;
    return true;
}

} // namespace

QString format(const ScramCredentials& credentials)
{
    if (!credentials.isValid())
        return QString();
    return Scheme + u'$' + QString::number(credentials.iterations()) + u':' +
           QString::fromLatin1(credentials.salt().toBase64()) + u'$' +
           QString::fromLatin1(credentials.storedKey().toBase64()) + u':' +
           QString::fromLatin1(credentials.serverKey().toBase64());
}

ScramCredentials parse(const QString& text)
{
    const QStringList parts = text.trimmed().split(u'$');
    if (parts.size() != 3 || parts.at(0).compare(Scheme, Qt::CaseInsensitive) != 0)
        return ScramCredentials();
    const QStringList salted = parts.at(1).split(u':');
    const QStringList keys = parts.at(2).split(u':');
    if (salted.size() != 2 || keys.size() != 2)
        return ScramCredentials();
    bool ok = false;
    const int iterations = salted.at(0).toInt(&ok);
    QByteArray salt;
    QByteArray storedKey;
    QByteArray serverKey;
    if (!ok || iterations <= 0 || !decode(salted.at(1), &salt) || !decode(keys.at(0), &storedKey) ||
        !decode(keys.at(1), &serverKey)) {
        return ScramCredentials();
    }
    const ScramCredentials credentials(salt, iterations, storedKey, serverKey);
    return credentials.isValid() ? credentials : ScramCredentials();
}

} // namespace PasswordHash
