#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <microhttpd.h>

// Queuing libmicrohttpd responses: a status with a one-line text/plain message (what every
// error of the file host looks like), or a response built elsewhere, with the headers every
// answer carries.
namespace HttpReply {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Queues status with message + LF as a text/plain body, plus headers.
MHD_Result text(MHD_Connection* connection, unsigned status, const QByteArray& message,
                const Headers& headers = {});
// Sends a whole text/plain answer with "Connection: close" straight into the connection's TLS
// session, for an upload that must be refused while its body is still arriving (libmicrohttpd
// 0.9.75 only queues a response before the body or after all of it); the caller then returns
// MHD_NO, which closes the connection. False if it could not be sent.
bool sendEarly(MHD_Connection* connection, unsigned status, const QByteArray& reason,
               const QByteArray& message);
// Adds the common headers and headers to response, queues it and releases this reference.
MHD_Result queue(MHD_Connection* connection, unsigned status, MHD_Response* response,
                 const Headers& headers = {});

} // namespace HttpReply
