#include "models/memberlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

// The member list of the room on screen: rows follow the room, change one by one, and sort by
// prefix rank, then nick.
class tst_MemberListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sameRoomChangesOnlyWhatDiffers();
    void anotherRoomReplaces();
    void sortedByRankThenNick();
    void shownWithMarkAndAway();

private:
    static MemberListModel::Member member(const QString& nick, const QString& prefixes = {})
    {
        MemberListModel::Member m;
        m.nick = nick;
        m.prefixes = prefixes;
        return m;
    }

    MemberListModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

void tst_MemberListModel::init()
{
    m_model = new MemberListModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void tst_MemberListModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_MemberListModel::sameRoomChangesOnlyWhatDiffers()
{
    m_model->setMembers(QStringLiteral("#lobby"), {member("me", "@"), member("bob")});
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setMembers(QStringLiteral("#LOBBY"),
                        {member("me", "@"), member("bob", "+"), member("carol")});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1); // bob got voice
    QCOMPARE(m_model->prefixesOf(QStringLiteral("BOB")), QStringLiteral("+"));
    m_model->setMembers(QStringLiteral("#lobby"), {member("me", "@"), member("carol")});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->nicks(), (QStringList{"me", "carol"}));
    QCOMPARE(reset.count(), 0);
}

void tst_MemberListModel::anotherRoomReplaces()
{
    m_model->setMembers(QStringLiteral("#lobby"), {member("me"), member("bob")});
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setMembers(QStringLiteral("#dev"), {member("me"), member("dave")});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->room(), QStringLiteral("#dev"));
    QCOMPARE(m_model->nicks(), (QStringList{"me", "dave"}));
    m_model->clear(); // a private conversation
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->room().isEmpty());
}

void tst_MemberListModel::sortedByRankThenNick()
{
    m_model->setPrefixSymbols(QStringLiteral("~@%+"));
    m_model->setMembers(QStringLiteral("#lobby"),
                        {member("zed"), member("Amy", "+"), member("bob", "@+"), member("al", "@"),
                         member("owner", "~"), member("half", "%"), member("carl")});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(MemberListModel::SortRole);
    proxy.sort(0);
    QStringList rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.append(proxy.index(row, 0).data().toString());
    QCOMPARE(rows, (QStringList{"~owner", "@al", "@bob", "%half", "+Amy", "carl", "zed"}));
}

void tst_MemberListModel::shownWithMarkAndAway()
{
    MemberListModel::Member lilei = member("lilei", "@");
    lilei.displayName = QStringLiteral("李雷");
    lilei.away = true;
    lilei.awayMessage = QStringLiteral("lunch");
    m_model->setMembers(QStringLiteral("#lobby"), {lilei});
    const QModelIndex row = m_model->index(0);
    QCOMPARE(row.data().toString(), QStringLiteral("@李雷 (lilei)"));
    QVERIFY(row.data(MemberListModel::AwayRole).toBool());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("lunch")));
    QCOMPARE(row.data(MemberListModel::SearchRole).toString(), QStringLiteral("lilei 李雷"));
}

QTEST_GUILESS_MAIN(tst_MemberListModel)
#include "tst_memberlistmodel.moc"
