#include "models/conversationmodel.h"
#include "models/conversationstore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

class tst_ConversationModel : public QObject
{
    Q_OBJECT

private slots:
    void messagesKeepServerTime();
    void linesAsText_data();
    void linesAsText();
    void queuedStatus();
    void unreadCounting();
    void boundedHistory();
    void storeFindsCaseInsensitively();
    void storeRenameFollowsPerson();
    void liveLinesKeepArrivalOrder();
    void historyInsertsByServerTime_data();
    void historyInsertsByServerTime();
    void msgidIndex();
    void msgidKeptOnce();
    void msgidIndexFollowsDroppedLines();
    void msgidIndexFollowsPagesAbove();
    void olderPageGoesAboveSameTime();
    void readMarkerClearsUnread();
    void dividerBeforeFirstUnread();
    void oldestAndNewestMessages();
};

namespace {

ChatMessage message(const QString& sender, const QString& text, bool action = false)
{
    ChatMessage m;
    m.time = QDateTime(QDate(2026, 11, 23), QTime(12, 34, 56), Qt::UTC);
    m.sender = sender;
    m.target = QStringLiteral("#lobby");
    m.text = text;
    m.isAction = action;
    return m;
}

} // namespace

void tst_ConversationModel::messagesKeepServerTime()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendMessage(message(QStringLiteral("alice"), QStringLiteral("hi")));
    QCOMPARE(inserted.count(), 1);
    const QModelIndex idx = model.index(0);
    QCOMPARE(idx.data(ConversationModel::TimeRole).toDateTime(),
             QDateTime(QDate(2026, 11, 23), QTime(12, 34, 56), Qt::UTC));
    QCOMPARE(idx.data(ConversationModel::SenderRole).toString(), QStringLiteral("alice"));
    QCOMPARE(idx.data(ConversationModel::TextRole).toString(), QStringLiteral("hi"));
    QCOMPARE(idx.data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
             ConversationModel::Kind::Message);
}

void tst_ConversationModel::linesAsText_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("message") << 0 << "<alice> hello";
    QTest::newRow("action") << 1 << "* alice waves";
    QTest::newRow("system") << 2 << "alice joined";
    QTest::newRow("error") << 3 << "No such nick";
}

void tst_ConversationModel::linesAsText()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    ConversationModel model(QStringLiteral("#lobby"), true);
    switch (kind) {
    case 0:
        model.appendMessage(message(QStringLiteral("alice"), QStringLiteral("hello")));
        break;
    case 1:
        model.appendMessage(message(QStringLiteral("alice"), QStringLiteral("waves"), true));
        break;
    case 2:
        model.appendSystem(QStringLiteral("alice joined"));
        break;
    case 3:
        model.appendError(QStringLiteral("No such nick"));
        break;
    }
    QCOMPARE(model.lastText(), expected);
}

void tst_ConversationModel::queuedStatus()
{
    ConversationModel model(QStringLiteral("bob"), false);
    ChatMessage m = message(QStringLiteral("me"), QStringLiteral("offline text"));
    m.queueId = 7;
    m.isOwn = true;
    model.appendMessage(m);
    model.appendMessage(message(QStringLiteral("bob"), QStringLiteral("other")));
    QCOMPARE(model.index(0).data(ConversationModel::StatusRole).value<ConversationModel::Status>(),
             ConversationModel::Status::Pending);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.setQueuedStatus(8, ConversationModel::Status::Sent));
    QVERIFY(model.setQueuedStatus(7, ConversationModel::Status::Failed));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0).data(ConversationModel::StatusRole).value<ConversationModel::Status>(),
             ConversationModel::Status::Failed);
    QCOMPARE(model.index(1).data(ConversationModel::StatusRole).value<ConversationModel::Status>(),
             ConversationModel::Status::Sent);
}

void tst_ConversationModel::unreadCounting()
{
    ConversationModel model(QStringLiteral("bob"), false);
    QSignalSpy spy(&model, &ConversationModel::unreadCountChanged);
    model.addUnread();
    model.addUnread();
    QCOMPARE(model.unreadCount(), 2);
    model.markRead();
    model.markRead();
    QCOMPARE(model.unreadCount(), 0);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.last().at(0).toInt(), 0);
}

void tst_ConversationModel::boundedHistory()
{
    ConversationModel model(QStringLiteral("#flood"), true);
    for (int i = 0; i < ConversationModel::MaxLines + 10; ++i)
        model.appendSystem(QString::number(i));
    QVERIFY(model.rowCount() <= ConversationModel::MaxLines);
    QCOMPARE(model.lastText(), QString::number(ConversationModel::MaxLines + 9));
}

void tst_ConversationModel::storeFindsCaseInsensitively()
{
    ConversationStore store;
    QSignalSpy added(&store, &ConversationStore::conversationAdded);
    ConversationModel* a = store.ensure(QStringLiteral("#Lobby"), true);
    ConversationModel* b = store.ensure(QStringLiteral("#lobby"), true);
    QCOMPARE(a, b);
    QCOMPARE(added.count(), 1);
    QCOMPARE(store.find(QStringLiteral("{bob}")), nullptr);
    store.ensure(QStringLiteral("[bob]"), false);
    QVERIFY(store.find(QStringLiteral("{bob}"))); // rfc1459: [] fold to {}
    QCOMPARE(store.count(), 2);
}

void tst_ConversationModel::storeRenameFollowsPerson()
{
    ConversationStore store;
    ConversationModel* bob = store.ensure(QStringLiteral("bob"), false);
    QSignalSpy renamed(bob, &ConversationModel::nameChanged);
    store.rename(QStringLiteral("BOB"), QStringLiteral("robert"));
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(bob->name(), QStringLiteral("robert"));
    QCOMPARE(store.find(QStringLiteral("robert")), bob);
    QCOMPARE(store.find(QStringLiteral("bob")), nullptr);
    ConversationModel* room = store.ensure(QStringLiteral("#lobby"), true);
    store.rename(QStringLiteral("#lobby"), QStringLiteral("#other"));
    QCOMPARE(room->name(), QStringLiteral("#lobby")); // rooms do not rename
}

namespace {

ChatMessage at(const QString& text, int minute, const QString& msgid = {})
{
    ChatMessage m = message(QStringLiteral("alice"), text);
    m.time = QDateTime(QDate(2026, 11, 23), QTime(12, minute), Qt::UTC);
    m.msgid = msgid;
    return m;
}

QStringList texts(const ConversationModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row).data(ConversationModel::TextRole).toString());
    return list;
}

} // namespace

void tst_ConversationModel::liveLinesKeepArrivalOrder()
{
    // The client's clock and the server's may differ: live lines are not reordered by time.
    ConversationModel model(QStringLiteral("#lobby"), true);
    model.appendMessage(at(QStringLiteral("second by the clock"), 30));
    model.appendSystem(QStringLiteral("bob joined"),
                       QDateTime(QDate(2026, 11, 23), QTime(12, 40), Qt::UTC));
    model.appendMessage(at(QStringLiteral("first by the clock"), 10));
    QCOMPARE(texts(model),
             (QStringList{"second by the clock", "bob joined", "first by the clock"}));
}

void tst_ConversationModel::historyInsertsByServerTime_data()
{
    QTest::addColumn<QList<int>>("minutes");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("older before newer") << QList<int>{20, 10} << QStringList{"10", "20"};
    QTest::newRow("in between") << QList<int>{10, 30, 20} << QStringList{"10", "20", "30"};
    QTest::newRow("already in order") << QList<int>{1, 2, 3} << QStringList{"1", "2", "3"};
    QTest::newRow("reverse") << QList<int>{3, 2, 1} << QStringList{"1", "2", "3"};
    QTest::newRow("same time keeps arrival order")
        << QList<int>{5, 5, 4} << QStringList{"4", "5", "5 (2)"};
}

void tst_ConversationModel::historyInsertsByServerTime()
{
    QFETCH(QList<int>, minutes);
    QFETCH(QStringList, expected);
    ConversationModel model(QStringLiteral("#lobby"), true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSet<int> seen;
    for (int minute : minutes) {
        const QString text =
            seen.contains(minute) ? QStringLiteral("%1 (2)").arg(minute) : QString::number(minute);
        seen.insert(minute);
        QVERIFY(model.insertMessage(at(text, minute)));
    }
    QCOMPARE(texts(model), expected);
}

void tst_ConversationModel::msgidIndex()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    model.appendMessage(at(QStringLiteral("b"), 20, QStringLiteral("id-b")));
    model.appendMessage(at(QStringLiteral("c"), 30, QStringLiteral("id-c")));
    model.appendMessage(at(QStringLiteral("no id"), 31));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("id-b")), 0);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("id-c")), 1);
    // An older line from history moves the later ones down; the index follows.
    QVERIFY(model.insertMessage(at(QStringLiteral("a"), 10, QStringLiteral("id-a"))));
    QCOMPARE(texts(model), (QStringList{"a", "b", "c", "no id"}));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("id-a")), 0);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("id-b")), 1);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("id-c")), 2);
    QCOMPARE(model.index(2).data(ConversationModel::MsgidRole).toString(), QStringLiteral("id-c"));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("unknown")), -1);
    QCOMPARE(model.rowOfMsgid(QString()), -1);
}

void tst_ConversationModel::msgidKeptOnce()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    QVERIFY(model.appendMessage(at(QStringLiteral("hello"), 10, QStringLiteral("m1"))));
    QVERIFY(!model.appendMessage(at(QStringLiteral("hello"), 10, QStringLiteral("m1"))));
    QVERIFY(!model.insertMessage(at(QStringLiteral("hello"), 10, QStringLiteral("m1"))));
    // Without a msgid nothing can be told apart: both are kept.
    QVERIFY(model.appendMessage(at(QStringLiteral("same"), 11)));
    QVERIFY(model.appendMessage(at(QStringLiteral("same"), 11)));
    QCOMPARE(model.rowCount(), 3);
}

void tst_ConversationModel::msgidIndexFollowsDroppedLines()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    model.appendMessage(at(QStringLiteral("oldest"), 0, QStringLiteral("first")));
    for (int i = 1; i < ConversationModel::MaxLines; ++i)
        model.appendMessage(at(QString::number(i), 1, QStringLiteral("m%1").arg(i)));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m100")), 100);
    model.appendMessage(at(QStringLiteral("newest"), 2, QStringLiteral("last")));
    constexpr int Dropped = ConversationModel::MaxLines / 10;
    QCOMPARE(model.rowOfMsgid(QStringLiteral("first")), -1);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m100")), -1);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m1000")), 1000 - Dropped);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("last")), model.rowCount() - 1);
}

// Pages of older history go in at the top, a line in the middle, the oldest are dropped: every
// msgid still finds its row.
void tst_ConversationModel::msgidIndexFollowsPagesAbove()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    auto at = [](const QString& text, int second, const QString& msgid) {
        ChatMessage m = ::at(text, 0, msgid);
        m.time = m.time.addSecs(second);
        return m;
    };
    auto indexIsRight = [&model] {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString msgid = model.index(row).data(ConversationModel::MsgidRole).toString();
            if (!msgid.isEmpty() && model.rowOfMsgid(msgid) != row)
                return false;
        }
        return true;
    };
    for (int i = 1000; i < 1010; ++i)
        model.appendMessage(at(QString::number(i), i, QStringLiteral("m%1").arg(i)));
    for (int i = 999; i >= 500; --i) // older pages, newest first
        QVERIFY(model.insertOlderMessage(at(QString::number(i), i, QStringLiteral("m%1").arg(i))));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m500")), 0);
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m1009")), 509);
    QVERIFY(indexIsRight());
    ChatMessage between = at(QStringLiteral("between"), 700, QStringLiteral("middle"));
    between.time = between.time.addMSecs(500);
    QVERIFY(model.insertMessage(between));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("middle")), 201);
    QVERIFY(indexIsRight());
    QVERIFY(model.insertOlderMessage(at(QStringLiteral("499"), 499, QStringLiteral("m499"))));
    model.appendMessage(at(QStringLiteral("live"), 2000, QStringLiteral("live")));
    QVERIFY(indexIsRight());
    QCOMPARE(model.rowOfMsgid(QStringLiteral("live")), model.rowCount() - 1);
    while (model.rowCount() < ConversationModel::MaxLines)
        model.appendMessage(at(QStringLiteral("more"), 3000, QStringLiteral("x%1").arg(model.rowCount())));
    model.appendMessage(at(QStringLiteral("drops"), 4000, QStringLiteral("drops")));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("m499")), -1);
    QVERIFY(indexIsRight());
}

void tst_ConversationModel::olderPageGoesAboveSameTime()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    model.appendMessage(at(QStringLiteral("shown"), 30, QStringLiteral("c")));
    // A page of the same millisecond, inserted newest first.
    QVERIFY(model.insertOlderMessage(at(QStringLiteral("older 2"), 30, QStringLiteral("b"))));
    QVERIFY(model.insertOlderMessage(at(QStringLiteral("older 1"), 30, QStringLiteral("a"))));
    QVERIFY(!model.insertOlderMessage(at(QStringLiteral("older 1"), 30, QStringLiteral("a"))));
    QCOMPARE(texts(model), (QStringList{"older 1", "older 2", "shown"}));
    QCOMPARE(model.rowOfMsgid(QStringLiteral("c")), 2);
}

void tst_ConversationModel::readMarkerClearsUnread()
{
    ConversationModel model(QStringLiteral("bob"), false);
    QSignalSpy unread(&model, &ConversationModel::unreadCountChanged);
    for (int minute = 10; minute <= 12; ++minute) {
        ChatMessage m = at(QStringLiteral("m%1").arg(minute), minute);
        m.sender = QStringLiteral("bob");
        model.appendMessage(m);
        model.addUnread();
    }
    ChatMessage own = at(QStringLiteral("mine"), 13);
    own.isOwn = true;
    model.appendMessage(own);
    QCOMPARE(model.unreadCount(), 3);
    // Another device read up to 12:11: one message of bob's is left.
    model.setReadMarker(QDateTime(QDate(2026, 11, 23), QTime(12, 11), Qt::UTC));
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(unread.last().at(0).toInt(), 1);
    // Never back.
    model.setReadMarker(QDateTime(QDate(2026, 11, 23), QTime(12, 5), Qt::UTC));
    QCOMPARE(model.readMarker(), QDateTime(QDate(2026, 11, 23), QTime(12, 11), Qt::UTC));
    QCOMPARE(model.unreadCount(), 1);
    // Reading here moves the marker to the newest message.
    model.markRead();
    QCOMPARE(model.unreadCount(), 0);
    QCOMPARE(model.readMarker(), QDateTime(QDate(2026, 11, 23), QTime(12, 13), Qt::UTC));
    // A marker does not make read lines unread again.
    model.addUnread();
    model.setReadMarker(QDateTime(QDate(2026, 11, 23), QTime(12, 20), Qt::UTC));
    QCOMPARE(model.unreadCount(), 0);
}

void tst_ConversationModel::dividerBeforeFirstUnread()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    QSignalSpy changed(&model, &ConversationModel::dividerChanged);
    model.appendMessage(at(QStringLiteral("read"), 10));
    model.appendSystem(QStringLiteral("bob joined"));
    for (int minute = 11; minute <= 12; ++minute) {
        model.appendMessage(at(QStringLiteral("new %1").arg(minute), minute));
        model.addUnread();
    }
    QCOMPARE(model.dividerRow(), -1);
    model.placeDivider();
    QCOMPARE(model.dividerRow(), 2);
    QCOMPARE(changed.count(), 1);
    model.markRead();
    QCOMPARE(model.dividerRow(), 2); // stays while the conversation is shown
    model.placeDivider();            // opened again with nothing unread: gone
    QCOMPARE(model.dividerRow(), -1);
    model.placeDividerAt(QDateTime(QDate(2026, 11, 23), QTime(12, 12), Qt::UTC));
    QCOMPARE(model.dividerRow(), 3);
    model.placeDividerAt(QDateTime(QDate(2026, 11, 23), QTime(12, 11), Qt::UTC));
    QCOMPARE(model.dividerRow(), 2);
}

void tst_ConversationModel::oldestAndNewestMessages()
{
    ConversationModel model(QStringLiteral("#lobby"), true);
    QVERIFY(model.oldestMsgid().isEmpty());
    QVERIFY(!model.oldestMessageTime().isValid());
    QVERIFY(!model.newestMessageTime().isValid());
    model.appendSystem(QStringLiteral("you joined"));
    model.appendMessage(at(QStringLiteral("a"), 10, QStringLiteral("id-a")));
    model.appendMessage(at(QStringLiteral("b"), 20, QStringLiteral("id-b")));
    model.appendSystem(QStringLiteral("bob left"));
    QCOMPARE(model.oldestMsgid(), QStringLiteral("id-a"));
    QCOMPARE(model.oldestMessageTime(), QDateTime(QDate(2026, 11, 23), QTime(12, 10), Qt::UTC));
    QCOMPARE(model.newestMessageTime(), QDateTime(QDate(2026, 11, 23), QTime(12, 20), Qt::UTC));
}

QTEST_GUILESS_MAIN(tst_ConversationModel)
#include "tst_conversationmodel.moc"
