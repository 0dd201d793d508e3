#pragma once

#include "auth/accountstore.h"
#include "config/serverconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QTextStream;
class SqlAccountStore;

// confabd's account command line: `confabd [--data-dir DIR] account add|passwd|del|list|
// cert-add|cert-del ...`, and `confabd mkpasswd`, which hashes a password the same way. Works on
// the account database directly, whether the server is running or not (SQLite orders the writes;
// a running server sees the change within seconds). Passwords are read from the terminal without
// echo, or as one line from standard input; never from the command line, where other users could
// see them.
class AccountAdmin
{
    Q_DECLARE_TR_FUNCTIONS(AccountAdmin)

public:
    // Asks for a password; a null string when there is none to read.
    using PasswordReader = std::function<QString(const QString& prompt)>;

    AccountAdmin(const ServerConfig& config, QTextStream& out, QTextStream& err,
                 PasswordReader readPassword);

    // arguments: what follows "account". Returns the process exit code (0 ok, 1 failed, 2 usage).
    int run(const QStringList& arguments);

    // `confabd mkpasswd`: reads a password like `account add` and prints its hash for an
    // operator block of the config file (PasswordHash); returns the exit code.
    int makePasswordHash();

    static QString usage();
    // The default reader: the terminal without echo (asked twice), else a line of stdin.
    static QString readPasswordFromConsole(const QString& prompt);

private:
    int add(SqlAccountStore& store, const QString& name);
    int changePassword(SqlAccountStore& store, const QString& name);
    int remove(SqlAccountStore& store, const QString& name);
    int list(SqlAccountStore& store);
    int addCertificate(SqlAccountStore& store, const QString& name, const QString& fingerprint);
    int removeCertificate(SqlAccountStore& store, const QString& fingerprint);
    // Prints what a store result means for the named account; returns the exit code.
    int report(SqlAccountStore& store, AccountStore::Result result, const QString& name,
               const QString& done);
    // A password that is acceptable, or a null string after saying why not.
    QString newPassword();
    // The credentials of newPassword(), or nothing after saying why not.
    std::optional<ScramCredentials> newCredentials();
    QString fold(const QString& name) const;

    const ServerConfig& m_config;
    QTextStream& m_out;
    QTextStream& m_err;
    PasswordReader m_readPassword;
};
