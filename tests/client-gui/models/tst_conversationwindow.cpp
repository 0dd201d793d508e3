// ConversationWindow: the bounded run of a conversation's rows a view lays out. It starts at the
// newest rows, slides by steps, takes older pages, history and live lines where they touch it,
// follows removals in the conversation, and stays a consistent model throughout
// (QAbstractItemModelTester checks every change).
#include "models/conversationmodel.h"
#include "models/conversationwindow.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_ConversationWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheNewestRows();
    void slidesEarlierAndLater();
    void olderPageGoesInAtTheOldest();
    void olderLinesGoInWhileThereIsRoom();
    void olderPageStaysOutsideOtherwise();
    void liveLinesWhileFollowing();
    void fullWindowStopsBeforeLiveLinesWhileReading();
    void liveLinesGoInWhileThereIsRoom();
    void historyInsideGoesIn();
    void conversationDropsRowsAbove();
    void conversationDropsTheRowsShown();
    void changesAreMapped();
    void showAroundARow();
    void locateFindsTheConversationRow();

private:
    // Lines "line 0" .. "line count-1", one a minute from 08:00 (UTC).
    void fill(int count);
    QString textAt(int row) const
    {
        return m_window->index(row, 0).data(ConversationModel::TextRole).toString();
    }

    ConversationModel* m_model = nullptr;
    ConversationWindow* m_window = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

namespace {

ChatMessage line(int i)
{
    ChatMessage m;
    m.time = QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC).addSecs(60 * i);
    m.sender = i % 2 ? QStringLiteral("bob") : QStringLiteral("carol");
    m.target = QStringLiteral("#lobby");
    m.text = QStringLiteral("line %1").arg(i);
    m.msgid = QStringLiteral("m%1").arg(i);
    return m;
}

} // namespace

void tst_ConversationWindow::init()
{
    m_model = new ConversationModel(QStringLiteral("#lobby"), true);
    m_window = new ConversationWindow;
    m_window->setLimits(10, 4);
    m_window->setConversation(m_model);
    m_tester = new QAbstractItemModelTester(
        m_window, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ConversationWindow::cleanup()
{
    delete m_tester;
    delete m_window;
    delete m_model;
}

void tst_ConversationWindow::fill(int count)
{
    for (int i = 0; i < count; ++i)
        m_model->appendMessage(line(i));
}

void tst_ConversationWindow::showsTheNewestRows()
{
    QCOMPARE(m_window->rowCount(), 0);
    fill(25);
    QCOMPARE(m_model->rowCount(), 25);
    QCOMPARE(m_window->rowCount(), 10);
    QCOMPARE(m_window->firstRow(), 15);
    QVERIFY(m_window->endsAtNewest());
    QVERIFY(!m_window->startsAtOldest());
    QCOMPARE(textAt(0), QStringLiteral("line 15"));
    QCOMPARE(textAt(9), QStringLiteral("line 24"));
    // A conversation set later shows its newest rows too.
    ConversationWindow other;
    other.setLimits(10, 4);
    other.setConversation(m_model);
    QCOMPARE(other.rowCount(), 10);
    QCOMPARE(other.firstRow(), 15);
}

void tst_ConversationWindow::slidesEarlierAndLater()
{
    fill(25);
    QVERIFY(m_window->showEarlier());
    QCOMPARE(m_window->firstRow(), 11);
    QCOMPARE(m_window->rowCount(), 10); // as many left at the bottom as came in above
    QCOMPARE(textAt(0), QStringLiteral("line 11"));
    QVERIFY(!m_window->endsAtNewest());
    QVERIFY(m_window->showEarlier());
    QVERIFY(m_window->showEarlier());
    QCOMPARE(m_window->firstRow(), 3);
    QVERIFY(m_window->showEarlier()); // the last 3, not a full step
    QCOMPARE(m_window->firstRow(), 0);
    QVERIFY(m_window->startsAtOldest());
    QVERIFY(!m_window->showEarlier());
    QCOMPARE(textAt(0), QStringLiteral("line 0"));
    QCOMPARE(textAt(9), QStringLiteral("line 9"));

    QVERIFY(m_window->showLater());
    QCOMPARE(m_window->firstRow(), 4);
    QCOMPARE(textAt(9), QStringLiteral("line 13"));
    while (m_window->showLater()) {
    }
    QVERIFY(m_window->endsAtNewest());
    QCOMPARE(m_window->firstRow(), 15);
    QCOMPARE(textAt(9), QStringLiteral("line 24"));
}

// Scrolled to the oldest loaded line, a page of older ones arrives: it is announced once (not
// once per row), and shown step by step as the view slides up; the newest rows shown leave so
// that the window stays bounded.
void tst_ConversationWindow::olderPageGoesInAtTheOldest()
{
    for (int i = 20; i < 40; ++i)
        m_model->appendMessage(line(i));
    while (m_window->showEarlier()) {
    }
    QSignalSpy arrived(m_window, &ConversationWindow::earlierRowsArrived);
    QSignalSpy inserted(m_window, &QAbstractItemModel::rowsInserted);
    for (int i = 19; i >= 15; --i)
        m_model->insertOlderMessage(line(i));
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_window->firstRow(), 5);
    QCOMPARE(textAt(0), QStringLiteral("line 20"));
    QVERIFY(m_window->showEarlier()); // a step of 4
    QCOMPARE(m_window->firstRow(), 1);
    QVERIFY(m_window->showEarlier());
    QCOMPARE(m_window->firstRow(), 0);
    QCOMPARE(m_window->rowCount(), 10);
    QCOMPARE(textAt(0), QStringLiteral("line 15"));
    QCOMPARE(textAt(9), QStringLiteral("line 24"));
}

// A window with room for them shows older lines at once (the history of a room just joined).
void tst_ConversationWindow::olderLinesGoInWhileThereIsRoom()
{
    for (int i = 20; i < 25; ++i)
        m_model->appendMessage(line(i));
    QSignalSpy arrived(m_window, &ConversationWindow::earlierRowsArrived);
    for (int i = 19; i >= 15; --i)
        m_model->insertOlderMessage(line(i));
    QCOMPARE(arrived.count(), 0);
    QCOMPARE(m_window->rowCount(), 10);
    QCOMPARE(m_window->firstRow(), 0);
    QCOMPARE(textAt(0), QStringLiteral("line 15"));
    m_model->insertMessage(line(14)); // full now: it waits above
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(m_window->firstRow(), 1);
    QCOMPARE(textAt(0), QStringLiteral("line 15"));
}

void tst_ConversationWindow::olderPageStaysOutsideOtherwise()
{
    for (int i = 20; i < 40; ++i)
        m_model->appendMessage(line(i));
    QSignalSpy arrived(m_window, &ConversationWindow::earlierRowsArrived);
    QSignalSpy inserted(m_window, &QAbstractItemModel::rowsInserted);
    for (int i = 19; i >= 15; --i)
        m_model->insertOlderMessage(line(i));
    QCOMPARE(arrived.count(), 0); // not at the oldest: nothing to show now
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_window->firstRow(), 15);
    QCOMPARE(textAt(0), QStringLiteral("line 30"));
    QVERIFY(m_window->endsAtNewest());
}

void tst_ConversationWindow::liveLinesWhileFollowing()
{
    fill(10);
    QCOMPARE(m_window->rowCount(), 10);
    m_model->appendMessage(line(10));
    m_model->appendMessage(line(11));
    QCOMPARE(m_window->rowCount(), 10);
    QCOMPARE(m_window->firstRow(), 2);
    QCOMPARE(textAt(9), QStringLiteral("line 11"));
    QVERIFY(m_window->endsAtNewest());
}

// Reading further up with a full window: live lines wait outside it (the view offers to jump to
// them), so the rows being read never leave under the reader.
void tst_ConversationWindow::fullWindowStopsBeforeLiveLinesWhileReading()
{
    fill(10);
    m_window->setFollowing(false);
    QSignalSpy removed(m_window, &QAbstractItemModel::rowsRemoved);
    m_model->appendMessage(line(10));
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_window->firstRow(), 0);
    QCOMPARE(textAt(9), QStringLiteral("line 9"));
    QVERIFY(!m_window->endsAtNewest());
    QVERIFY(m_window->showLater());
    QCOMPARE(textAt(9), QStringLiteral("line 10"));
    QVERIFY(m_window->endsAtNewest());
}

void tst_ConversationWindow::liveLinesGoInWhileThereIsRoom()
{
    fill(5);
    m_window->setFollowing(false);
    m_model->appendMessage(line(5));
    QCOMPARE(m_window->rowCount(), 6);
    QCOMPARE(textAt(5), QStringLiteral("line 5"));
    QVERIFY(m_window->endsAtNewest());
}

void tst_ConversationWindow::historyInsideGoesIn()
{
    for (int i = 0; i < 20; i += 2)
        m_model->appendMessage(line(i));
    QCOMPARE(m_window->rowCount(), 10);
    m_model->insertMessage(line(7)); // between line 6 and line 8
    QCOMPARE(m_model->rowCount(), 11);
    QCOMPARE(m_window->rowCount(), 10); // following: the oldest one left
    QCOMPARE(textAt(2), QStringLiteral("line 6"));
    QCOMPARE(textAt(3), QStringLiteral("line 7"));
    QCOMPARE(textAt(9), QStringLiteral("line 18"));
}

// The conversation drops its oldest lines when it is full: a window further down keeps its
// rows; a window on them moves to the newest.
void tst_ConversationWindow::conversationDropsRowsAbove()
{
    fill(ConversationModel::MaxLines);
    QCOMPARE(m_window->firstRow(), ConversationModel::MaxLines - 10);
    m_model->appendMessage(line(ConversationModel::MaxLines));
    QVERIFY(m_model->rowCount() < ConversationModel::MaxLines);
    QCOMPARE(m_window->rowCount(), 10);
    QCOMPARE(m_window->firstRow(), m_model->rowCount() - 10);
    QCOMPARE(textAt(9), QStringLiteral("line %1").arg(ConversationModel::MaxLines));
}

void tst_ConversationWindow::conversationDropsTheRowsShown()
{
    fill(ConversationModel::MaxLines);
    m_window->showAround(0);
    m_window->setFollowing(false);
    QCOMPARE(m_window->firstRow(), 0);
    QSignalSpy removed(m_window, &QAbstractItemModel::rowsRemoved);
    m_model->appendMessage(line(ConversationModel::MaxLines));
    QVERIFY(!removed.isEmpty());
    QCOMPARE(m_window->rowCount(), 10);
    QVERIFY(m_window->endsAtNewest());
    QCOMPARE(textAt(9), QStringLiteral("line %1").arg(ConversationModel::MaxLines));
}

void tst_ConversationWindow::changesAreMapped()
{
    fill(20);
    ChatMessage own = line(20);
    own.isOwn = true;
    own.msgid.clear();
    own.queueId = 7;
    m_model->appendMessage(own);
    QSignalSpy changed(m_window, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setQueuedStatus(7, ConversationModel::Status::Failed));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 9);
    QCOMPARE(m_window->index(9, 0).data(ConversationModel::StatusRole).toInt(),
             int(ConversationModel::Status::Failed));
}

void tst_ConversationWindow::showAroundARow()
{
    fill(100);
    QVERIFY(!m_window->indexOfRow(40).isValid());
    m_window->showAround(40);
    const QModelIndex index = m_window->indexOfRow(40);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(ConversationModel::TextRole).toString(), QStringLiteral("line 40"));
    QCOMPARE(m_window->rowCount(), 10);
    m_window->showAround(2); // near the oldest: starts there
    QCOMPARE(m_window->firstRow(), 0);
    m_window->showLatest();
    QCOMPARE(m_window->firstRow(), 90);
}

void tst_ConversationWindow::locateFindsTheConversationRow()
{
    fill(30);
    const auto [model, row] = ConversationWindow::locate(m_window->index(3, 0));
    QCOMPARE(model, m_model);
    QCOMPARE(row, 23);
    const auto [same, sameRow] = ConversationWindow::locate(m_model->index(5));
    QCOMPARE(same, m_model);
    QCOMPARE(sameRow, 5);
    QCOMPARE(ConversationWindow::locate(QModelIndex()).first, nullptr);
}

QTEST_GUILESS_MAIN(tst_ConversationWindow)
#include "tst_conversationwindow.moc"
