#include "models/contactlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

// The user's contacts with their presence: rows only for contacts, sorted online first.
class tst_ContactListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addAndRemove();
    void presenceShown_data();
    void presenceShown();
    void sortedOnlineFirst();
    void unreadSurvivesRemoval();
    void filteredByNameOrDisplayName();

private:
    QStringList sorted() const;

    ContactListModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void tst_ContactListModel::init()
{
    m_model = new ContactListModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void tst_ContactListModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

QStringList tst_ContactListModel::sorted() const
{
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(ContactListModel::SortRole);
    proxy.sort(0);
    QStringList rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.append(proxy.index(row, 0).data(ContactListModel::NickRole).toString());
    return rows;
}

void tst_ContactListModel::addAndRemove()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->setContacts({QStringLiteral("bob"), QStringLiteral("Carol")});
    QCOMPARE(m_model->nicks(), (QStringList{"bob", "Carol"}));
    m_model->addContact(QStringLiteral("dave"));
    m_model->addContact(QStringLiteral("BOB")); // there already (case-insensitively)
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->nicks(), (QStringList{"bob", "Carol", "dave"}));
    m_model->removeContact(QStringLiteral("carol"));
    m_model->removeContact(QStringLiteral("nobody"));
    QCOMPARE(m_model->nicks(), (QStringList{"bob", "dave"}));
    QCOMPARE(m_model->presence(QStringLiteral("bob")).state, ContactPresence::State::Unknown);
}

void tst_ContactListModel::presenceShown_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("seen");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("away");

    QTest::newRow("online") << int(ContactPresence::State::Online) << QString() << false
                            << "bob — online" << false;
    QTest::newRow("away with message")
        << int(ContactPresence::State::Away) << "lunch" << false << "bob — away: lunch" << true;
    QTest::newRow("away") << int(ContactPresence::State::Away) << QString() << false << "bob — away"
                          << true;
    QTest::newRow("offline") << int(ContactPresence::State::Offline) << QString() << false
                             << "bob — offline" << false;
    QTest::newRow("offline, seen") << int(ContactPresence::State::Offline) << QString() << true
                                   << "bob — offline, last seen" << false;
    QTest::newRow("unknown") << int(ContactPresence::State::Unknown) << QString() << false << "bob"
                             << false;
}

void tst_ContactListModel::presenceShown()
{
    QFETCH(int, state);
    QFETCH(QString, message);
    QFETCH(bool, seen);
    QFETCH(QString, shown);
    QFETCH(bool, away);
    m_model->addContact(QStringLiteral("bob"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    ContactPresence presence;
    presence.state = ContactPresence::State(state);
    presence.awayMessage = message;
    if (seen)
        presence.lastSeen = QDateTime::currentDateTimeUtc();
    m_model->setPresence(QStringLiteral("BOB"), presence);
    QCOMPARE(changed.count(), presence == ContactPresence() ? 0 : 1);
    const QModelIndex row = m_model->index(0);
    QVERIFY2(row.data().toString().startsWith(shown), qPrintable(row.data().toString()));
    QCOMPARE(row.data(ContactListModel::AwayRole).toBool(), away);
    QCOMPARE(row.data(ContactListModel::AwayMessageRole).toString(), message);
    QCOMPARE(row.data(ContactListModel::PresenceRole).toInt(), state);
    QCOMPARE(row.data(ContactListModel::LastSeenRole).toDateTime().isValid(), seen);
    m_model->setPresence(QStringLiteral("nobody"), presence); // not a contact: nothing
    QCOMPARE(m_model->rowCount(), 1);
}

void tst_ContactListModel::sortedOnlineFirst()
{
    m_model->setContacts({QStringLiteral("zed"), QStringLiteral("amy"), QStringLiteral("Bob"),
                          QStringLiteral("carl"), QStringLiteral("dora")});
    ContactPresence online;
    online.state = ContactPresence::State::Online;
    ContactPresence away;
    away.state = ContactPresence::State::Away;
    ContactPresence offline;
    offline.state = ContactPresence::State::Offline;
    m_model->setPresence(QStringLiteral("zed"), online);
    m_model->setPresence(QStringLiteral("carl"), online);
    m_model->setPresence(QStringLiteral("dora"), away);
    m_model->setPresence(QStringLiteral("amy"), offline);
    QCOMPARE(sorted(), (QStringList{"carl", "zed", "dora", "amy", "Bob"}));
    m_model->setPresence(QStringLiteral("zed"), offline); // went away: moves down
    QCOMPARE(sorted(), (QStringList{"carl", "dora", "amy", "Bob", "zed"}));
}

void tst_ContactListModel::unreadSurvivesRemoval()
{
    m_model->setUnreadCount(QStringLiteral("bob"), 2); // not a contact yet
    m_model->addContact(QStringLiteral("bob"));
    QCOMPARE(m_model->unreadCount(QStringLiteral("bob")), 2);
    QVERIFY(m_model->index(0).data().toString().contains(QStringLiteral("2")));
    m_model->removeContact(QStringLiteral("bob"));
    QCOMPARE(m_model->unreadCount(QStringLiteral("bob")), 2);
    m_model->setUnreadCount(QStringLiteral("bob"), 0);
    m_model->addContact(QStringLiteral("bob"));
    QCOMPARE(m_model->index(0).data(ContactListModel::UnreadRole).toInt(), 0);
}

void tst_ContactListModel::filteredByNameOrDisplayName()
{
    m_model->setContacts({QStringLiteral("lilei"), QStringLiteral("bob")});
    m_model->setDisplayName(QStringLiteral("lilei"), QStringLiteral("李雷"));
    QCOMPARE(m_model->displayName(QStringLiteral("LILEI")), QStringLiteral("李雷"));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setFilterRole(ContactListModel::SearchRole);
    proxy.setFilterFixedString(QStringLiteral("李"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("李雷 (lilei)"));
}

QTEST_GUILESS_MAIN(tst_ContactListModel)
#include "tst_contactlistmodel.moc"
