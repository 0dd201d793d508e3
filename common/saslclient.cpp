#include "saslclient.h"

#include <gsasl.h>

namespace {

int callback(Gsasl* context, Gsasl_session* session, Gsasl_property property)
{
    auto* client = static_cast<SaslClient*>(gsasl_callback_hook_get(context));
    QString value;
    switch (property) {
    case GSASL_AUTHID:
        value = client->authenticationId();
        break;
    case GSASL_PASSWORD:
        value = client->password();
        break;
    case GSASL_AUTHZID:
        if (client->authorizationId().isEmpty())
            return GSASL_NO_CALLBACK;
        value = client->authorizationId();
        break;
    default:
        return GSASL_NO_CALLBACK;
    }
    gsasl_property_set(session, property, value.toUtf8().constData());
    return GSASL_OK;
}

} // namespace

SaslClient::SaslClient(const QString& mechanism, const QString& authenticationId,
                         const QString& password, const QString& authorizationId)
    : m_authenticationId(authenticationId), m_password(password), m_authorizationId(authorizationId)
{
    if (gsasl_init(&m_context) != GSASL_OK) {
        m_context = nullptr;
        return;
    }
    gsasl_callback_set(m_context, callback);
    gsasl_callback_hook_set(m_context, this);
    if (gsasl_client_start(m_context, mechanism.toLatin1().constData(), &m_session) != GSASL_OK)
        m_session = nullptr;
}

SaslClient::~SaslClient()
{
    if (m_session)
        gsasl_finish(m_session);
    if (m_context)
        gsasl_done(m_context);
}

QByteArray SaslClient::step(const QByteArray& serverData)
{
    if (!m_session)
        return QByteArray();
    char* output = nullptr;
    size_t length = 0;
    const int rc =
        gsasl_step(m_session, serverData.constData(), size_t(serverData.size()), &output, &length);
    QByteArray result;
    if (output) {
        result = QByteArray(output, qsizetype(length));
        gsasl_free(output);
    }
    m_state = rc == GSASL_NEEDS_MORE ? State::Running
              : rc == GSASL_OK       ? State::Done
                                     : State::Failed;
    return result;
}
