#pragma once

#include <QByteArray>
#include <QString>

struct Gsasl;
struct Gsasl_session;

// The client side of a SASL mechanism, from GNU SASL's client library: an implementation of
// SCRAM-SHA-256 and PLAIN independent of the server's code path, for tests.
class GsaslClient
{
public:
    enum class State { Running, Done, Failed };

    GsaslClient(const QString& mechanism, const QString& authenticationId, const QString& password,
                const QString& authorizationId = {});
    ~GsaslClient();
    GsaslClient(const GsaslClient&) = delete;
    GsaslClient& operator=(const GsaslClient&) = delete;

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
