#include "files/httpreply.h"

#include <gnutls/gnutls.h>

namespace HttpReply {

bool sendEarly(MHD_Connection* connection, unsigned status, const QByteArray& reason,
               const QByteArray& message)
{
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    if (!info || !info->tls_session)
        return false;
    auto session = static_cast<gnutls_session_t>(info->tls_session);
    const QByteArray body = message + '\n';
    const QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                              "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                              "X-Content-Type-Options: nosniff\r\n"
                              "Connection: close\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body;
    // A few hundred bytes into a socket whose send buffer is idle (the client is the one
    // sending): it goes at once, or the client is gone.
    for (int tries = 0; tries < 3; ++tries) {
        const ssize_t sent = gnutls_record_send(session, answer.constData(), size_t(answer.size()));
        if (sent == answer.size())
            return true;
        if (sent != GNUTLS_E_AGAIN && sent != GNUTLS_E_INTERRUPTED)
            return false;
    }
    return false;
}

MHD_Result text(MHD_Connection* connection, unsigned status, const QByteArray& message,
                const Headers& headers)
{
    const QByteArray body = message + '\n';
    MHD_Response* response = MHD_create_response_from_buffer(
        size_t(body.size()), const_cast<char*>(body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
    return queue(connection, status, response, headers);
}

MHD_Result queue(MHD_Connection* connection, unsigned status, MHD_Response* response,
                 const Headers& headers)
{
    // Nothing from here is a page: no type sniffing, no scripts, no framing.
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, "Content-Security-Policy", "default-src 'none'; sandbox");
    for (const auto& header : headers)
        MHD_add_response_header(response, header.first.constData(), header.second.constData());
    const MHD_Result result = MHD_queue_response(connection, status, response);
    MHD_destroy_response(response);
    return result;
}

} // namespace HttpReply
