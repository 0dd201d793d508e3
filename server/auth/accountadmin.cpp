#include "auth/accountadmin.h"

#include "auth/passwordhash.h"
#include "auth/sqlaccountstore.h"
#include "core/clock.h"
#include "irccasemapping.h"
#include "ircvalidation.h"
#include "storage/database.h"
#include "storage/datadirectory.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace {

// A SHA-256 fingerprint as lower-case hex without separators, or empty if it is not one.
QString normalisedFingerprint(const QString& text)
{
    QString hex = text.toLower();
    hex.remove(u':');
    static const QRegularExpression valid(QStringLiteral("^[0-9a-f]{64}$"));
    return valid.match(hex).hasMatch() ? hex : QString();
}

QString date(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

AccountAdmin::AccountAdmin(const ServerConfig& config, QTextStream& out, QTextStream& err,
                           PasswordReader readPassword)
    : m_config(config), m_out(out), m_err(err), m_readPassword(std::move(readPassword))
{
}

QString AccountAdmin::usage()
{
    return tr("Usage: confabd [--data-dir DIR] account <command>\n"
              "  add NAME                  create an account (asks for its password)\n"
              "  passwd NAME               set a new password\n"
              "  del NAME                  delete the account\n"
              "  list                      list the accounts\n"
              "  cert-add NAME SHA256      let a TLS client certificate log in to NAME (EXTERNAL)\n"
              "  cert-del SHA256           forget a client certificate\n"
              "A password is read from the terminal, or as one line from standard input.\n");
}

QString AccountAdmin::readPasswordFromConsole(const QString& prompt)
{
    std::string line;
    if (!isatty(STDIN_FILENO)) {
        if (!std::getline(std::cin, line))
            return QString();
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return QString::fromStdString(line);
    }
    std::fputs(qPrintable(prompt), stderr);
    std::fflush(stderr);
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    const bool ok = bool(std::getline(std::cin, line));
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputs("\n", stderr);
    return ok ? QString::fromStdString(line) : QString();
}

QString AccountAdmin::fold(const QString& name) const
{
    return IrcCaseMapping().fold(name);
}

int AccountAdmin::run(const QStringList& arguments)
{
    const QString command = arguments.value(0);
    const int expected = command == QLatin1String("list")       ? 1
                         : command == QLatin1String("cert-add") ? 3
                         : (command == QLatin1String("add") || command == QLatin1String("passwd") ||
                            command == QLatin1String("del") || command == QLatin1String("cert-del"))
                             ? 2
                             : -1;
    if (expected < 0 || arguments.size() != expected) {
        m_err << usage();
        m_err.flush();
        return 2;
    }
    const DatabaseLocation location =
        DatabaseLocation::resolve(m_config.dataDir, m_config.databaseUrl);
    DataDirectory directory(m_config.dataDir);
    if (location.isSqlite() && !directory.create()) {
        m_err << tr("confabd: %1").arg(directory.errorString()) << '\n';
        m_err.flush();
        return 1;
    }
    SqlAccountStore store(QStringLiteral("confabd-account-admin"));
    if (!store.open(location)) {
        m_err << tr("confabd: cannot open the account database: %1").arg(store.errorString())
              << '\n';
        m_err.flush();
        return 1;
    }
    int result = 1;
    if (command == QLatin1String("add"))
        result = add(store, arguments.at(1));
    else if (command == QLatin1String("passwd"))
        result = changePassword(store, arguments.at(1));
    else if (command == QLatin1String("del"))
        result = remove(store, arguments.at(1));
    else if (command == QLatin1String("list"))
        result = list(store);
    else if (command == QLatin1String("cert-add"))
        result = addCertificate(store, arguments.at(1), arguments.at(2));
    else
        result = removeCertificate(store, arguments.at(1));
    m_out.flush();
    m_err.flush();
    return result;
}

int AccountAdmin::makePasswordHash()
{
    const std::optional<ScramCredentials> credentials = newCredentials();
    const QString hash = credentials ? PasswordHash::format(*credentials) : QString();
    if (hash.isEmpty()) {
        if (credentials)
            m_err << tr("confabd: the password cannot be hashed") << '\n';
        m_err.flush();
        return 1;
    }
    m_out << hash << '\n';
    m_out.flush();
    return 0;
}

std::optional<ScramCredentials> AccountAdmin::newCredentials()
{
    const QString password = newPassword();
    if (password.isNull())
        return std::nullopt;
    return ScramCredentials::derive(password, m_config.scramIterations);
}

QString AccountAdmin::newPassword()
{
    const QString password = m_readPassword(tr("Password: "));
    if (password.isNull()) {
        m_err << tr("confabd: no password given") << '\n';
        return QString();
    }
    if (password.size() < ServerDefaults::MinPasswordLength ||
        password.toUtf8().size() > ServerDefaults::MaxPasswordBytes) {
        m_err << tr("confabd: a password has %1 to %2 characters")
                     .arg(ServerDefaults::MinPasswordLength)
                     .arg(ServerDefaults::MaxPasswordBytes)
              << '\n';
        return QString();
    }
    if (isatty(STDIN_FILENO)) {
        const QString again = m_readPassword(tr("Password again: "));
        if (again != password) {
            m_err << tr("confabd: the passwords differ") << '\n';
            return QString();
        }
    }
    return password;
}

int AccountAdmin::add(SqlAccountStore& store, const QString& name)
{
    if (IrcValidation::checkNick(name, m_config.nickLength) != IrcValidation::Reason::Valid) {
        m_err << tr("confabd: \"%1\" is not a valid account name (the rules of nicknames apply)")
                     .arg(name)
              << '\n';
        return 1;
    }
    if (store.find(fold(name))) {
        m_err << tr("confabd: the account %1 exists already").arg(name) << '\n';
        return 1;
    }
    const std::optional<ScramCredentials> credentials = newCredentials();
    if (!credentials)
        return 1;
    return report(store, store.create(name, fold(name), *credentials, Clock::nowSecs()), name,
                  tr("Account %1 created.").arg(name));
}

int AccountAdmin::report(SqlAccountStore& store, AccountStore::Result result, const QString& name,
                         const QString& done)
{
    switch (result) {
    case AccountStore::Result::Ok:
        m_out << done << '\n';
        return 0;
    case AccountStore::Result::Exists:
        m_err << tr("confabd: the account %1 exists already").arg(name) << '\n';
        return 1;
    case AccountStore::Result::NotFound:
        m_err << tr("confabd: there is no account %1").arg(name) << '\n';
        return 1;
    case AccountStore::Result::Failed:
        break;
    }
    m_err << tr("confabd: %1").arg(store.errorString()) << '\n';
    return 1;
}

int AccountAdmin::changePassword(SqlAccountStore& store, const QString& name)
{
    if (!store.find(fold(name))) {
        m_err << tr("confabd: there is no account %1").arg(name) << '\n';
        return 1;
    }
    const std::optional<ScramCredentials> credentials = newCredentials();
    if (!credentials)
        return 1;
    return report(store, store.setCredentials(fold(name), *credentials), name,
                  tr("Password of %1 changed.").arg(name));
}

int AccountAdmin::remove(SqlAccountStore& store, const QString& name)
{
    return report(store, store.remove(fold(name)), name, tr("Account %1 deleted.").arg(name));
}

int AccountAdmin::list(SqlAccountStore& store)
{
    const QList<AccountRecord> accounts = store.list();
    for (const AccountRecord& account : accounts) {
        const QString lastLogin =
            account.lastLoginSecs > 0 ? date(account.lastLoginSecs) : tr("never");
        m_out << tr("%1  created %2  last login %3  certificates %4")
                     .arg(account.name, date(account.createdSecs), lastLogin)
                     .arg(account.certificates.size())
              << '\n';
    }
    m_out << tr("%n account(s)", nullptr, int(accounts.size())) << '\n';
    return 0;
}

int AccountAdmin::addCertificate(SqlAccountStore& store, const QString& name,
                                 const QString& fingerprint)
{
    const QString hex = normalisedFingerprint(fingerprint);
    if (hex.isEmpty()) {
        m_err << tr("confabd: a certificate fingerprint is 64 hexadecimal digits (SHA-256), "
                    "colons allowed")
              << '\n';
        return 1;
    }
    switch (store.addCertificate(fold(name), hex, Clock::nowSecs())) {
    case AccountStore::Result::Ok:
        m_out << tr("Certificate added to %1.").arg(name) << '\n';
        return 0;
    case AccountStore::Result::NotFound:
        m_err << tr("confabd: there is no account %1").arg(name) << '\n';
        return 1;
    case AccountStore::Result::Exists:
        m_err << tr("confabd: that certificate belongs to an account already") << '\n';
        return 1;
    default:
        m_err << tr("confabd: %1").arg(store.errorString()) << '\n';
        return 1;
    }
}

int AccountAdmin::removeCertificate(SqlAccountStore& store, const QString& fingerprint)
{
    const QString hex = normalisedFingerprint(fingerprint);
    if (hex.isEmpty() || store.removeCertificate(hex) != AccountStore::Result::Ok) {
        m_err << tr("confabd: no account has that certificate") << '\n';
        return 1;
    }
    m_out << tr("Certificate removed.") << '\n';
    return 0;
}
