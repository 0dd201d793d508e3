#pragma once

#include <QByteArray>
#include <QString>

struct Gsasl;
struct Gsasl_session;

// The client side of a SASL mechanism (SCRAM-SHA-256, PLAIN), from GNU SASL's client library:
// what the desktop client logs in with, and an implementation independent of the server's code
// path for the server's tests. Holds the password only for the exchange's lifetime.
class SaslClient
{
public:
    enum class State { Running, Done, Failed };

    SaslClient(const QString& mechanism, const QString& authenticationId, const QString& password,
                const QString& authorizationId = {});
    ~SaslClient();
    SaslClient(const SaslClient&) = delete;
    SaslClient& operator=(const SaslClient&) = delete;

    bool isValid() const { return m_session != nullptr; }
    // The next client message for the server's data (empty for the first step).
    QByteArray step(const QByteArray& serverData);
    State state() const { return m_state; }

    const QString& authenticationId() const { return m_authenticationId; }
    const QString& password() const { return m_password; }
    const QString& authorizationId() const { return m_authorizationId; }

private:
    Gsasl* m_context = nullptr;
    Gsasl_session* m_session = nullptr;
    QString m_authenticationId;
    QString m_password;
    QString m_authorizationId;
    State m_state = State::Running;
};
