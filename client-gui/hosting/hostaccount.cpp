#include "hosting/hostaccount.h"

#include "auth/scramcredentials.h"
#include "auth/sqlaccountstore.h"
#include "core/clock.h"
#include "irccasemapping.h"

bool HostAccount::set(const QString& databasePath, const QString& name,
                      const ScramCredentials& credentials, QString* error)
{
    SqlAccountStore store(QStringLiteral("confab-host-account"));
    if (!store.open(databasePath)) {
        *error = store.errorString();
        return false;
    }
    const QString folded = IrcCaseMapping().fold(name);
    const AccountStore::Result result =
        store.find(folded) ? store.setCredentials(folded, credentials)
                           : store.create(name, folded, credentials, Clock::nowSecs());
    if (result != AccountStore::Result::Ok) {
        *error = store.errorString();
        return false;
    }
    return true;
}
