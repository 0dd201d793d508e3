#include "conversationmodel.h"
#include "conversationstore.h"

#include <QAbstractItemModelTester>
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

QTEST_GUILESS_MAIN(tst_ConversationModel)
#include "tst_conversationmodel.moc"
