#include "auth/scramcredentials.h"

#include <QRandomGenerator>

#include <gsasl.h>

#include <array>

namespace {

// SASLprep (RFC 4013) as GNU SASL's SCRAM client applies it to the password.
bool prepare(const QString& password, QByteArray* prepared)
{
    char* out = nullptr;
    int stringprepResult = 0;
    const QByteArray utf8 = password.toUtf8();
    if (gsasl_saslprep(utf8.constData(), GSASL_ALLOW_UNASSIGNED, &out, &stringprepResult) !=
        GSASL_OK) {
        return false;
    }
    *prepared = QByteArray(out);
    gsasl_free(out);
    return true;
}

bool equalInConstantTime(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

ScramCredentials::ScramCredentials(const QByteArray& salt, int iterations,
                                   const QByteArray& storedKey, const QByteArray& serverKey)
    : m_salt(salt), m_iterations(iterations), m_storedKey(storedKey), m_serverKey(serverKey)
{
}

ScramCredentials ScramCredentials::derive(const QString& password, int iterations)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()),
                                          SaltBytes / sizeof(quint32));
    return derive(password, iterations, salt);
}

ScramCredentials ScramCredentials::derive(const QString& password, int iterations,
                                          const QByteArray& salt)
{
    QByteArray prepared;
    if (iterations <= 0 || !prepare(password, &prepared))
        return ScramCredentials();
    std::array<char, GSASL_HASH_MAX_SIZE> salted{};
    std::array<char, GSASL_HASH_MAX_SIZE> clientKey{};
    std::array<char, GSASL_HASH_MAX_SIZE> serverKey{};
    std::array<char, GSASL_HASH_MAX_SIZE> storedKey{};
    const int result = gsasl_scram_secrets_from_password(
        GSASL_HASH_SHA256, prepared.constData(), unsigned(iterations), salt.constData(),
        size_t(salt.size()), salted.data(), clientKey.data(), serverKey.data(), storedKey.data());
    prepared.fill('\0');
    salted.fill('\0');
    clientKey.fill('\0');
    if (result != GSASL_OK)
        return ScramCredentials();
    return ScramCredentials(salt, iterations, QByteArray(storedKey.data(), KeyBytes),
                            QByteArray(serverKey.data(), KeyBytes));
}

bool ScramCredentials::isValid() const
{
    return !m_salt.isEmpty() && m_iterations > 0 && m_storedKey.size() == KeyBytes &&
           m_serverKey.size() == KeyBytes;
}

bool ScramCredentials::matches(const QString& password) const
{
    if (!isValid())
        return false;
    const ScramCredentials candidate = derive(password, m_iterations, m_salt);
    return candidate.isValid() && equalInConstantTime(candidate.m_storedKey, m_storedKey);
}
