#pragma once

// AccountFixture with operator blocks: "admin" (any host), "remote" (a host no test connects
// from) and "owner" (tied to the account "boss"), their passwords hashed as `confabd mkpasswd`
// does it (cheaply, for tests).
#include "accountfixture.h"
#include "auth/passwordhash.h"
#include "core/servercore.h"

class OperFixture : public AccountFixture
{
public:
    static constexpr const char* Password = "correct horse";

    static OperatorBlock block(const QString& name, const QStringList& hosts = {},
                               const QString& account = {})
    {
        OperatorBlock block;
        block.name = name;
        block.password = PasswordHash::parse(PasswordHash::format(
            ScramCredentials::derive(QString::fromLatin1(Password), TestIterations)));
        block.hosts = hosts;
        block.account = account;
        return block;
    }

    ServerConfig operConfig() const
    {
        ServerConfig config = AccountFixture::config();
        config.operators = {block(QStringLiteral("admin"), {QStringLiteral("*@127.0.0.1")}),
                            block(QStringLiteral("remote"), {QStringLiteral("192.0.2.*")}),
                            block(QStringLiteral("owner"), {}, QStringLiteral("boss"))};
        return config;
    }

    // OPER with the name and password; the numeric it ended with ("381", "464", "491"...), or
    // empty on a timeout.
    static QString oper(TestClient* client, const QByteArray& name,
                        const QByteArray& password = Password)
    {
        const int start = int(client->messages().size());
        client->sendLine("OPER " + name + " :" + password);
        QString result;
        const bool answered = QTest::qWaitFor(
            [&] {
                for (int i = start; i < client->messages().size(); ++i) {
                    const QString command = client->messages().at(i).command();
                    if (command == QLatin1String("381") || command == QLatin1String("464") ||
                        command == QLatin1String("491") || command == QLatin1String("461")) {
                        result = command;
                        return true;
                    }
                }
                return false;
            },
            10000);
        return answered ? result : QString();
    }
};
