#pragma once

#include "auth/scramcredentials.h"

#include <QString>
#include <QStringList>

// One operator block of the config file, as in
//
//     [oper/alice]
//     password=SCRAM-SHA-256$600000:<salt>$<StoredKey>:<ServerKey>   (confabd mkpasswd)
//     hosts=*@192.168.1.*, *@127.0.0.1
//     account=alice
//
// OPER alice <password> makes a user an operator when the password matches the hash, the user's
// user@host matches one of the host masks (none: any host) and, when an account is named, the
// user is logged in to it.
struct OperatorBlock
{
    QString name;
    ScramCredentials password;
    QStringList hosts; // masks of user@host, or of the host alone; empty: every host
    QString account;   // empty: no account needed
};
