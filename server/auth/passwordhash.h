#pragma once

#include "auth/scramcredentials.h"

#include <QString>

// A password hash as it is written in a config file (operator blocks): the SCRAM-SHA-256
// credentials of ScramCredentials (PBKDF2-HMAC-SHA256 with a random salt, the way account
// passwords are kept) in PostgreSQL's text form for SCRAM secrets:
//
//     SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
//
// with the binary parts in base64. `confabd mkpasswd` prints one.
namespace PasswordHash {

QString format(const ScramCredentials& credentials);
// Invalid credentials when the text is not of that form.
ScramCredentials parse(const QString& text);

} // namespace PasswordHash
