#pragma once

#include <QByteArray>
#include <QString>

// What one step of a SASL exchange came to, as the auth worker reports it to the event loop.
struct SaslExchangeResult
{
    enum class Status {
        NeedsMore, // send output as a challenge and wait for the next response
        Success,   // logged in to account; output, if any, is the server's final message
        Failure,
    };
    enum class Failure {
        None,
        BadCredentials, // wrong password, unknown account, unknown certificate
        Throttled,      // too many failures for the account or the address
        Malformed,      // the response does not parse as the mechanism's message
        Unavailable,    // the mechanism or the database is not available
    };

    // A failure because there is no mechanism or database to ask.
    static SaslExchangeResult unavailable()
    {
        SaslExchangeResult result;
        result.failure = Failure::Unavailable;
        return result;
    }

    Status status = Status::Failure;
    Failure failure = Failure::None;
    QByteArray output;
    QString account; // on success: the account's name as registered
};
