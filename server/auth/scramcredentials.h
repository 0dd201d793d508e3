#pragma once

#include <QByteArray>
#include <QString>

// What the server stores of a password: SCRAM-SHA-256 keys (RFC 5802, RFC 7677). The password
// itself is never kept: PBKDF2-HMAC-SHA256 with a per-account random salt gives the salted
// password, from which the StoredKey (to check a client's proof, or a PLAIN password) and the
// ServerKey (to prove the server to the client) are derived. Derived with GNU SASL's helpers,
// after SASLprep of the password as SCRAM clients do it.
//
// Deriving costs `iterations` HMAC rounds (about a quarter of a second at the default): never on
// the event loop.
class ScramCredentials
{
public:
    static constexpr int SaltBytes = 16;
    static constexpr int KeyBytes = 32; // SHA-256

    ScramCredentials() = default;
    ScramCredentials(const QByteArray& salt, int iterations, const QByteArray& storedKey,
                     const QByteArray& serverKey);

    // New credentials with a fresh random salt; invalid if the password fails SASLprep.
    static ScramCredentials derive(const QString& password, int iterations);
    // With a given salt (tests, and checking a password against stored credentials).
    static ScramCredentials derive(const QString& password, int iterations, const QByteArray& salt);

    bool isValid() const;
    // Whether the password gives these credentials (constant-time comparison of the keys).
    bool matches(const QString& password) const;

    const QByteArray& salt() const { return m_salt; }
    int iterations() const { return m_iterations; }
    const QByteArray& storedKey() const { return m_storedKey; }
    const QByteArray& serverKey() const { return m_serverKey; }

private:
    QByteArray m_salt;
    int m_iterations = 0;
    QByteArray m_storedKey;
    QByteArray m_serverKey;
};
