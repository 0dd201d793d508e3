#include "models/contactlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

class tst_ContactListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void joinsAddOneRowPerPerson();
    void ownNickIsNotListed();
    void leavingLastSharedRoomRemoves();
    void quitRemoves();
    void renameKeepsRowAndCase_data();
    void renameKeepsRowAndCase();
    void namesReplaceRoomMembership();
    void awayAndUnread();
    void unreadSurvivesGoingOffline();
    void sortedAndFiltered();
    void clearEmpties();

private:
    ContactListModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void tst_ContactListModel::init()
{
    m_model = new ContactListModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setOwnNick(QStringLiteral("me"));
}

void tst_ContactListModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_ContactListModel::joinsAddOneRowPerPerson()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    m_model->addMember(QStringLiteral("#dev"), QStringLiteral("Alice")); // same person
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->nicks(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(m_model->index(0).data(ContactListModel::RoomsRole).toStringList(),
             (QStringList{QStringLiteral("#dev"), QStringLiteral("#lobby")}));
}

void tst_ContactListModel::ownNickIsNotListed()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("ME"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("robert"));
    m_model->setOwnNick(QStringLiteral("robert"));
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_ContactListModel::leavingLastSharedRoomRemoves()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    m_model->addMember(QStringLiteral("#dev"), QStringLiteral("alice"));
    m_model->removeMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    QVERIFY(m_model->contains(QStringLiteral("alice")));
    m_model->removeMember(QStringLiteral("#DEV"), QStringLiteral("ALICE"));
    QVERIFY(!m_model->contains(QStringLiteral("alice")));
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_ContactListModel::quitRemoves()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    m_model->addMember(QStringLiteral("#dev"), QStringLiteral("alice"));
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->removeUser(QStringLiteral("alice"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->nicks(), QStringList{QStringLiteral("bob")});
}

void tst_ContactListModel::renameKeepsRowAndCase_data()
{
    QTest::addColumn<QString>("oldNick");
    QTest::addColumn<QString>("newNick");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain") << "bob"
                           << "robert" << QStringList{"alice", "robert"};
    QTest::newRow("case only") << "bob"
                               << "Bob" << QStringList{"alice", "Bob"};
    QTest::newRow("old name in other case") << "BOB"
                                            << "rob" << QStringList{"alice", "rob"};
    QTest::newRow("rfc1459 folding") << "bob"
                                     << "b[o]b" << QStringList{"alice", "b[o]b"};
    QTest::newRow("unknown person") << "zed"
                                    << "zorro" << QStringList{"alice", "bob"};
    QTest::newRow("renamed to my nick") << "bob"
                                        << "me" << QStringList{"alice"};
}

void tst_ContactListModel::renameKeepsRowAndCase()
{
    QFETCH(QString, oldNick);
    QFETCH(QString, newNick);
    QFETCH(QStringList, expected);
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_model->renameUser(oldNick, newNick);
    QCOMPARE(m_model->nicks(), expected);
}

void tst_ContactListModel::namesReplaceRoomMembership()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("gone"));
    m_model->addMember(QStringLiteral("#dev"), QStringLiteral("stays"));
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("stays"));
    m_model->setMembers(QStringLiteral("#lobby"),
                        {QStringLiteral("me"), QStringLiteral("stays"), QStringLiteral("new")});
    QCOMPARE(m_model->nicks(), (QStringList{QStringLiteral("stays"), QStringLiteral("new")}));
    m_model->removeRoom(QStringLiteral("#lobby"));
    QCOMPARE(m_model->nicks(), QStringList{QStringLiteral("stays")});
}

void tst_ContactListModel::awayAndUnread()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setAway(QStringLiteral("ALICE"), true, QStringLiteral("lunch"));
    QCOMPARE(changed.count(), 1);
    const QModelIndex idx = m_model->index(0);
    QCOMPARE(idx.data(ContactListModel::AwayRole).toBool(), true);
    QCOMPARE(idx.data(ContactListModel::AwayMessageRole).toString(), QStringLiteral("lunch"));
    QVERIFY(idx.data(Qt::ToolTipRole).toString().contains(QStringLiteral("lunch")));
    m_model->setAway(QStringLiteral("alice"), true, QStringLiteral("lunch"));
    QCOMPARE(changed.count(), 1); // no change, no signal

    m_model->setUnreadCount(QStringLiteral("alice"), 3);
    QCOMPARE(idx.data(ContactListModel::UnreadRole).toInt(), 3);
    QVERIFY(idx.data(Qt::DisplayRole).toString().contains(QStringLiteral("3")));
    QCOMPARE(idx.data(ContactListModel::NickRole).toString(), QStringLiteral("alice"));
    m_model->setUnreadCount(QStringLiteral("alice"), 0);
    QCOMPARE(idx.data(Qt::DisplayRole).toString(), QStringLiteral("alice"));
}

void tst_ContactListModel::unreadSurvivesGoingOffline()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    m_model->setUnreadCount(QStringLiteral("alice"), 2);
    m_model->removeUser(QStringLiteral("alice"));
    QCOMPARE(m_model->unreadCount(QStringLiteral("alice")), 2);
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    QCOMPARE(m_model->index(0).data(ContactListModel::UnreadRole).toInt(), 2);
}

void tst_ContactListModel::sortedAndFiltered()
{
    for (const char* nick : {"zoe", "Bob", "alice", "carl"})
        m_model->addMember(QStringLiteral("#lobby"), QString::fromLatin1(nick));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(ContactListModel::NickRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterRole(ContactListModel::NickRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setDynamicSortFilter(true);
    proxy.sort(0);
    auto rows = [&proxy] {
        QStringList list;
        for (int row = 0; row < proxy.rowCount(); ++row)
            list.append(proxy.index(row, 0).data(ContactListModel::NickRole).toString());
        return list;
    };
    QCOMPARE(rows(), (QStringList{"alice", "Bob", "carl", "zoe"}));
    m_model->renameUser(QStringLiteral("zoe"), QStringLiteral("aaron"));
    QCOMPARE(rows(), (QStringList{"aaron", "alice", "Bob", "carl"}));
    proxy.setFilterFixedString(QStringLiteral("A"));
    QCOMPARE(rows(), (QStringList{"aaron", "alice", "carl"}));
}

void tst_ContactListModel::clearEmpties()
{
    m_model->addMember(QStringLiteral("#lobby"), QStringLiteral("alice"));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(tst_ContactListModel)
#include "tst_contactlistmodel.moc"
