#include "session/clientsettings.h"
#include "session/contactbook.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// The user's contacts, kept per server in the settings; bounded and checked.
class tst_ContactBook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addRemoveAndPersist();
    void keptPerServer();
    void add_data();
    void add();
    void bounded();
    void lastSeenRemembered();
    void editedSettingsAreChecked();
};

void tst_ContactBook::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_contactbook"));
}

void tst_ContactBook::init()
{
    QSettings().clear();
}

void tst_ContactBook::addRemoveAndPersist()
{
    {
        ContactBook book;
        book.load(QStringLiteral("irc.example.org"));
        QSignalSpy added(&book, &ContactBook::added);
        QSignalSpy removed(&book, &ContactBook::removed);
        QCOMPARE(book.add(QStringLiteral("bob")), ContactBook::AddResult::Added);
        QCOMPARE(book.add(QStringLiteral(" carol ")), ContactBook::AddResult::Added);
        QCOMPARE(book.add(QStringLiteral("dave")), ContactBook::AddResult::Added);
        book.remove(QStringLiteral("DAVE"));
        book.remove(QStringLiteral("nobody"));
        QCOMPARE(added.count(), 3);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("dave"));
        QCOMPARE(book.names(), (QStringList{"bob", "carol"}));
    }
    ContactBook again; // the next start
    QSignalSpy reset(&again, &ContactBook::reset);
    again.load(QStringLiteral("irc.example.org"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(again.names(), (QStringList{"bob", "carol"}));
    QVERIFY(again.contains(QStringLiteral("BOB")));
    QCOMPARE(again.spelling(QStringLiteral("BOB")), QStringLiteral("bob"));
}

void tst_ContactBook::keptPerServer()
{
    ContactBook book;
    book.load(QStringLiteral("one.example"));
    book.add(QStringLiteral("bob"));
    book.load(QStringLiteral("two.example"));
    QVERIFY(book.names().isEmpty());
    book.add(QStringLiteral("carol"));
    book.load(QStringLiteral("ONE.example"));
    QCOMPARE(book.names(), QStringList{"bob"});
    book.load(QStringLiteral("two.example/../../x")); // a host that looks like a settings path
    QVERIFY(book.names().isEmpty());
}

void tst_ContactBook::add_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("result");
    QTest::newRow("a nick") << "bob" << int(ContactBook::AddResult::Added);
    QTest::newRow("specials") << "[away]_^" << int(ContactBook::AddResult::Added);
    QTest::newRow("there already") << "Alice" << int(ContactBook::AddResult::AlreadyThere);
    QTest::newRow("empty") << "  " << int(ContactBook::AddResult::Invalid);
    QTest::newRow("a room") << "#lobby" << int(ContactBook::AddResult::Invalid);
    QTest::newRow("two words") << "bob smith" << int(ContactBook::AddResult::Invalid);
    QTest::newRow("a comma") << "bob,carol" << int(ContactBook::AddResult::Invalid);
    QTest::newRow("too long") << QString(200, QLatin1Char('a'))
                              << int(ContactBook::AddResult::Invalid);
}

void tst_ContactBook::add()
{
    QFETCH(QString, name);
    QFETCH(int, result);
    ContactBook book;
    book.load(QStringLiteral("irc.example.org"));
    book.add(QStringLiteral("alice"));
    QCOMPARE(int(book.add(name)), result);
    QCOMPARE(book.size(), result == int(ContactBook::AddResult::Added) ? 2 : 1);
}

void tst_ContactBook::bounded()
{
    ContactBook book;
    book.load(QStringLiteral("irc.example.org"));
    for (int i = 0; i < ContactBook::MaxContacts; ++i)
        QCOMPARE(book.add(QStringLiteral("p%1").arg(i)), ContactBook::AddResult::Added);
    QCOMPARE(book.add(QStringLiteral("onemore")), ContactBook::AddResult::Full);
    QCOMPARE(book.size(), ContactBook::MaxContacts);
}

void tst_ContactBook::lastSeenRemembered()
{
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(-3600);
    {
        ContactBook book;
        book.load(QStringLiteral("irc.example.org"));
        book.add(QStringLiteral("bob"));
        book.setLastSeen(QStringLiteral("BOB"), when);
        book.setLastSeen(QStringLiteral("nobody"), when); // not a contact: not kept
    }
    ContactBook again;
    again.load(QStringLiteral("irc.example.org"));
    QCOMPARE(again.lastSeen(QStringLiteral("bob")).toSecsSinceEpoch(), when.toSecsSinceEpoch());
    QVERIFY(!again.lastSeen(QStringLiteral("nobody")).isValid());
    again.remove(QStringLiteral("bob"));
    again.add(QStringLiteral("bob"));
    QVERIFY(!again.lastSeen(QStringLiteral("bob")).isValid()); // forgotten with the contact
}

void tst_ContactBook::editedSettingsAreChecked()
{
    QStringList names{QStringLiteral("bob"), QStringLiteral("#room"), QStringLiteral("BOB"),
                      QStringLiteral("carol")};
    for (int i = 0; i < 500; ++i)
        names.append(QStringLiteral("n%1").arg(i));
    QSettings settings;
    settings.setValue(SettingsKeys::contactsGroup(QStringLiteral("irc.example.org")) +
                          QLatin1Char('/') + SettingsKeys::ContactNames,
                      names);
    settings.sync();
    ContactBook book;
    book.load(QStringLiteral("irc.example.org"));
    QCOMPARE(book.size(), ContactBook::MaxContacts);
    QCOMPARE(book.names().mid(0, 3), (QStringList{"bob", "carol", "n0"}));
}

QTEST_GUILESS_MAIN(tst_ContactBook)
#include "tst_contactbook.moc"
