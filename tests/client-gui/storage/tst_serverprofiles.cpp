// ServerProfiles: the logins remembered in the settings, newest first, bounded, and a login
// remembered by an older Confab (login/host, login/nick) taken over.
#include "session/clientsettings.h"
#include "storage/serverprofiles.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_ServerProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void emptyAtFirst();
    void newestFirstAndOneEntryPerLogin();
    void findsALoginByWhatIsGiven();
    void keptAcrossLoads();
    void boundedAndForgettable();
    void createdAccountIsRememberedAsSignIn();
    void olderSingleLoginIsTakenOver();

private:
    static ServerProfile profile(const QString& host, quint16 port, const QString& name,
                                 Registration::Mode mode = Registration::Mode::Guest);
};

void tst_ServerProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_serverprofiles"));
}

ServerProfile tst_ServerProfiles::profile(const QString& host, quint16 port, const QString& name,
                                          Registration::Mode mode)
{
    ServerProfile profile;
    profile.host = host;
    profile.port = port;
    profile.name = name;
    profile.mode = mode;
    return profile;
}

void tst_ServerProfiles::emptyAtFirst()
{
    ServerProfiles profiles;
    profiles.load();
    QVERIFY(profiles.isEmpty());
    QVERIFY(!profiles.last().isValid());
}

void tst_ServerProfiles::newestFirstAndOneEntryPerLogin()
{
    ServerProfiles profiles;
    profiles.load();
    profiles.remember(profile(QStringLiteral("a.example"), 6667, QStringLiteral("alice")));
    profiles.remember(profile(QStringLiteral("b.example"), 6697, QStringLiteral("bob"),
                              Registration::Mode::SignIn));
    profiles.remember(profile(QStringLiteral("A.example"), 6667, QStringLiteral("Alice")));
    QCOMPARE(profiles.profiles().size(), 2);
    QCOMPARE(profiles.last().name, QStringLiteral("Alice"));
    QCOMPARE(profiles.profiles().at(1).name, QStringLiteral("bob"));
    profiles.remember(profile(QString(), 6667, QStringLiteral("nobody"))); // not a login
    QCOMPARE(profiles.profiles().size(), 2);
}

void tst_ServerProfiles::findsALoginByWhatIsGiven()
{
    ServerProfiles profiles;
    profiles.remember(profile(QStringLiteral("a.example"), 6667, QStringLiteral("alice")));
    profiles.remember(profile(QStringLiteral("a.example"), 6697, QStringLiteral("bob"),
                              Registration::Mode::SignIn));
    QCOMPARE(profiles.find(QStringLiteral("A.Example"), 6667, QStringLiteral("ALICE")).name,
             QStringLiteral("alice"));
    QCOMPARE(profiles.find(QStringLiteral("a.example"), 0, {}).name,
             QStringLiteral("bob")); // the newest on that server
    QCOMPARE(profiles.find({}, 6667, {}).name, QStringLiteral("alice"));
    QVERIFY(!profiles.find(QStringLiteral("a.example"), 6667, QStringLiteral("bob")).isValid());
    QVERIFY(!profiles.find(QStringLiteral("b.example"), 0, {}).isValid());
}

void tst_ServerProfiles::keptAcrossLoads()
{
    {
        ServerProfiles profiles;
        ServerProfile bob = profile(QStringLiteral("b.example"), 6697, QStringLiteral("bob"),
                                    Registration::Mode::SignIn);
        bob.tls = true;
        bob.rememberPassword = true;
        bob.displayName = QStringLiteral("小明");
        profiles.remember(bob);
    }
    ServerProfiles again;
    again.load();
    QCOMPARE(again.profiles().size(), 1);
    const ServerProfile bob = again.last();
    QCOMPARE(bob.host, QStringLiteral("b.example"));
    QCOMPARE(bob.port, quint16(6697));
    QVERIFY(bob.tls);
    QVERIFY(bob.rememberPassword);
    QCOMPARE(bob.mode, Registration::Mode::SignIn);
    QCOMPARE(bob.displayName, QStringLiteral("小明"));
}

void tst_ServerProfiles::boundedAndForgettable()
{
    ServerProfiles profiles;
    for (int i = 0; i < ServerProfiles::MaxProfiles + 5; ++i)
        profiles.remember(profile(QStringLiteral("h%1").arg(i), 6667, QStringLiteral("n")));
    QCOMPARE(profiles.profiles().size(), ServerProfiles::MaxProfiles);
    QCOMPARE(profiles.last().host, QStringLiteral("h%1").arg(ServerProfiles::MaxProfiles + 4));
    profiles.forget(0);
    profiles.forget(99); // ignored
    ServerProfiles again;
    again.load();
    QCOMPARE(again.profiles().size(), ServerProfiles::MaxProfiles - 1);
    QCOMPARE(again.last().host, QStringLiteral("h%1").arg(ServerProfiles::MaxProfiles + 3));
}

void tst_ServerProfiles::createdAccountIsRememberedAsSignIn()
{
    ServerProfiles profiles;
    profiles.remember(profile(QStringLiteral("a.example"), 6667, QStringLiteral("carol"),
                              Registration::Mode::CreateAccount));
    ServerProfiles again;
    again.load();
    QCOMPARE(again.last().mode, Registration::Mode::SignIn);
}

void tst_ServerProfiles::olderSingleLoginIsTakenOver()
{
    QSettings settings;
    settings.setValue(SettingsKeys::Host, QStringLiteral("old.example"));
    settings.setValue(SettingsKeys::Port, 6668);
    settings.setValue(SettingsKeys::Nick, QStringLiteral("oldname"));
    ServerProfiles profiles;
    profiles.load();
    QCOMPARE(profiles.profiles().size(), 1);
    QCOMPARE(profiles.last().host, QStringLiteral("old.example"));
    QCOMPARE(profiles.last().port, quint16(6668));
    QCOMPARE(profiles.last().name, QStringLiteral("oldname"));
    QCOMPARE(profiles.last().mode, Registration::Mode::Guest);
}

QTEST_GUILESS_MAIN(tst_ServerProfiles)
#include "tst_serverprofiles.moc"
