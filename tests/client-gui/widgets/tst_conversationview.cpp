// ConversationView: how lines look. System lines are italic unless they hold CJK text; mentions
// are highlighted; display names stand before nicks; the time format can be chosen; days are
// separated, messages of one sender grouped under one avatar, own messages stand apart, links
// open, rows are selected and copied, and the view follows, keeps its place or jumps to the latest.
#include "models/conversationmodel.h"
#include "models/conversationwindow.h"
#include "widgets/conversationview.h"
#include "widgets/messagedelegate.h"
#include "widgets/nickcolor.h"

#include <QAbstractTextDocumentLayout>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QToolButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

class tst_ConversationView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void systemLinesItalicUnlessCjk_data();
    void systemLinesItalicUnlessCjk();
    void mentionIsHighlighted();
    void displayNameBeforeNick();
    void timeFormat();
    void newMessagesDivider();
    void scrollingToTopAsksForOlder();
    void olderLinesKeepTheViewInPlace();
    void onlyAWindowOfRowsIsLaidOut();
    void liveLineWhileReadingFarBack();
    void showRowOutsideTheWindow();
    void emojiAreDrawnInColour();
    void daySeparatorsWhereTheDayChanges();
    void messagesOfOneSenderGroup();
    void ownMessagesStandApart();
    void avatarInTheSendersColour();
    void wrappedLinesAlignWithTheText();
    void longWordsWrap();
    void linksOpenOnClick();
    void selectedRowsAreCopied();
    void jumpToLatest();
    void pendingAndFailedAreShown();
    void followsADarkPalette();

public slots:
    // QDesktopServices hands https links here during the tests (setUrlHandler).
    void openUrl(const QUrl& url) { m_opened << url; }

private:
    // The character format of the fragment of the last row's text that contains needle.
    QTextCharFormat formatOf(const QString& needle) const;
    QRect rowRect(int row) const;
    void showView(int width, int height);

    QList<QUrl> m_opened;

    ConversationModel* m_model = nullptr;
    ConversationView* m_view = nullptr;
};

void tst_ConversationView::init()
{
    m_model = new ConversationModel(QStringLiteral("#lobby"), true, this);
    m_view = new ConversationView;
    m_view->setModel(m_model);
}

void tst_ConversationView::cleanup()
{
    delete m_view;
    delete m_model;
}

QRect tst_ConversationView::rowRect(int row) const
{
    m_view->doItemsLayout();
    return m_view->visualRect(m_view->indexOfRow(row));
}

void tst_ConversationView::showView(int width, int height)
{
    m_view->resize(width, height);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

QTextCharFormat tst_ConversationView::formatOf(const QString& needle) const
{
    const QModelIndex last = m_model->index(m_model->rowCount() - 1);
    const QTextBlock block =
        m_view->messageDelegate()->bodyDocument(QRect(0, 0, 400, 0), last)->lastBlock();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().text().contains(needle))
            return it.fragment().charFormat();
    }
    qWarning("no fragment with %s in %s", qPrintable(needle), qPrintable(block.text()));
    return {};
}

void tst_ConversationView::systemLinesItalicUnlessCjk_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("error");
    QTest::addColumn<bool>("italic");
    QTest::newRow("latin") << "bob joined" << false << true;
    QTest::newRow("latin error") << "Not delivered" << true << true;
    QTest::newRow("han") << "小明 加入了" << false << false;
    QTest::newRow("han error") << "未送达" << true << false;
    QTest::newRow("hiragana") << "ようこそ" << false << false;
    QTest::newRow("katakana") << "ログイン" << false << false;
    QTest::newRow("hangul") << "안녕하세요" << false << false;
    QTest::newRow("mixed") << "bob 加入了" << false << false;
    QTest::newRow("cyrillic stays italic") << "Боб вошёл" << false << true;
}

void tst_ConversationView::systemLinesItalicUnlessCjk()
{
    QFETCH(QString, text);
    QFETCH(bool, error);
    QFETCH(bool, italic);
    if (error)
        m_model->appendError(text);
    else
        m_model->appendSystem(text);
    QVERIFY(m_view->toPlainText().contains(text));
    QCOMPARE(formatOf(text).fontItalic(), italic);
}

void tst_ConversationView::mentionIsHighlighted()
{
    ChatMessage plain;
    plain.sender = QStringLiteral("bob");
    plain.text = QStringLiteral("nothing special");
    m_model->appendMessage(plain);
    QVERIFY(!formatOf(QStringLiteral("nothing special")).hasProperty(QTextFormat::BackgroundBrush));

    ChatMessage mention = plain;
    mention.text = QStringLiteral("me: look here");
    mention.isMention = true;
    m_model->appendMessage(mention);
    const QTextCharFormat format = formatOf(QStringLiteral("look here"));
    QVERIFY(format.hasProperty(QTextFormat::BackgroundBrush));
    QCOMPARE(format.background().color(), QColor(ConversationView::MentionBackground));
}

void tst_ConversationView::displayNameBeforeNick()
{
    ChatMessage message;
    message.sender = QStringLiteral("xiaoming");
    message.senderName = QStringLiteral("小明");
    message.text = QStringLiteral("你好");
    m_model->appendMessage(message);
    QVERIFY2(m_view->toPlainText().contains(QStringLiteral("小明 (xiaoming): 你好")),
             qPrintable(m_view->toPlainText()));
    QCOMPARE(formatOf(QStringLiteral("你好")).fontItalic(), false);
}

void tst_ConversationView::timeFormat()
{
    m_model->appendSystem(QStringLiteral("hello"), QDateTime::currentDateTime());
    static const QRegularExpression seconds(QStringLiteral("\\d{2}:\\d{2}:\\d{2}"));
    QVERIFY(!m_view->toPlainText().contains(seconds));
    m_view->setTimeFormat(QStringLiteral("HH:mm:ss"));
    QVERIFY2(m_view->toPlainText().contains(seconds), qPrintable(m_view->toPlainText()));
    QVERIFY(m_view->toPlainText().contains(QStringLiteral("hello")));
}

namespace {

ChatMessage fromBob(const QString& text, int minute)
{
    ChatMessage m;
    m.time = QDateTime(QDate::currentDate(), QTime(12, minute), Qt::LocalTime).toUTC();
    m.sender = QStringLiteral("bob");
    m.target = QStringLiteral("#lobby");
    m.text = text;
    return m;
}

} // namespace

void tst_ConversationView::newMessagesDivider()
{
    m_model->appendMessage(fromBob(QStringLiteral("seen before"), 1));
    m_model->appendMessage(fromBob(QStringLiteral("first unread"), 2));
    m_model->addUnread();
    m_model->appendMessage(fromBob(QStringLiteral("second unread"), 3));
    m_model->addUnread();
    QVERIFY(!m_view->toPlainText().contains(QStringLiteral("New messages")));
    m_model->placeDivider();
    const QString text = m_view->toPlainText();
    const qsizetype at = text.indexOf(QStringLiteral("New messages"));
    QVERIFY2(at >= 0, qPrintable(text));
    QVERIFY(text.indexOf(QStringLiteral("seen before")) < at);
    QVERIFY(at < text.indexOf(QStringLiteral("first unread")));
    // A live line comes after it; the divider stays once.
    m_model->appendMessage(fromBob(QStringLiteral("live"), 4));
    QCOMPARE(m_view->toPlainText().count(QStringLiteral("New messages")), 1);
    m_model->markRead();
    m_model->placeDivider(); // opened again with nothing unread
    QVERIFY(!m_view->toPlainText().contains(QStringLiteral("New messages")));
}

void tst_ConversationView::scrollingToTopAsksForOlder()
{
    showView(300, 120);
    QSignalSpy older(m_view, &ConversationView::scrolledToTop);
    for (int i = 0; i < 40; ++i)
        m_model->appendMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0); // laid out once the burst of rows is in
    QCOMPARE(bar->value(), bar->maximum()); // follows the newest line
    QCOMPARE(older.count(), 0);
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(older.count(), 0);
    bar->setValue(bar->minimum());
    QCOMPARE(older.count(), 1);
}

void tst_ConversationView::olderLinesKeepTheViewInPlace()
{
    showView(300, 120);
    for (int i = 20; i < 50; ++i)
        m_model->appendMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->minimum());
    const QString top = m_view->indexAt(QPoint(1, 1)).data(ConversationModel::TextRole).toString();
    QCOMPARE(top, QStringLiteral("line 20"));
    const int topY = rowRect(0).top();
    for (int i = 19; i >= 10; --i)
        m_model->insertOlderMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    QVERIFY(m_view->toPlainText().contains(QStringLiteral("line 10")));
    // Laid out once the page is in (once for the page, not once per line).
    QTRY_VERIFY(bar->value() > bar->minimum());
    QVERIFY(m_view->toPlainText().indexOf(QStringLiteral("line 19")) <
            m_view->toPlainText().indexOf(QStringLiteral("line 20")));
    // The line read before is still where it was on screen.
    QCOMPARE(rowRect(10).top(), topY);
    QCOMPARE(m_view->indexAt(QPoint(1, 1)).data(ConversationModel::TextRole).toString(), top);
}

// 🙂 in a message is a colour glyph (Noto Color Emoji, a dependency), not an empty box: the
// drawn view has strongly coloured pixels where a box or text would be grey or black.
void tst_ConversationView::emojiAreDrawnInColour()
{
    ChatMessage message;
    message.time = QDateTime::currentDateTimeUtc();
    message.sender = QStringLiteral("bob");
    message.target = QStringLiteral("#lobby");
    message.text = QStringLiteral("\U0001F642\U0001F642\U0001F642");
    m_model->appendMessage(message);
    m_view->resize(400, 120);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    const QImage image = m_view->viewport()->grab().toImage();
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour = image.pixelColor(x, y);
            // The emoji's yellow: far from grey, unlike a box, text or the background.
            if (colour.red() > 180 && colour.green() > 120 && colour.blue() < 90)
                ++coloured;
        }
    }
    QVERIFY2(coloured > 20, qPrintable(QStringLiteral("%1 yellow pixels").arg(coloured)));
}

namespace {

ChatMessage said(const QString& sender, const QString& text, const QDateTime& localTime)
{
    ChatMessage m;
    m.time = localTime.toUTC();
    m.sender = sender;
    m.target = QStringLiteral("#lobby");
    m.text = text;
    return m;
}

QDateTime todayAt(int hour, int minute)
{
    return QDateTime(QDate::currentDate(), QTime(hour, minute), Qt::LocalTime);
}

// How many pixels of image inside rect are close to colour.
int pixelsLike(const QImage& image, const QRect& rect, const QColor& colour, int tolerance = 12)
{
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= tolerance &&
                qAbs(c.green() - colour.green()) <= tolerance &&
                qAbs(c.blue() - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace

// A line for each day the conversation spans, before its first row: "Yesterday", "Today".
void tst_ConversationView::daySeparatorsWhereTheDayChanges()
{
    const QDateTime yesterday = todayAt(12, 0).addDays(-1);
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("old news"), yesterday));
    m_model->appendMessage(
        said(QStringLiteral("bob"), QStringLiteral("still yesterday"), yesterday.addSecs(60)));
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("fresh"), todayAt(9, 0)));
    const QString text = m_view->toPlainText();
    QCOMPARE(text.count(QStringLiteral("Yesterday")), 1);
    QCOMPARE(text.count(QStringLiteral("Today")), 1);
    QVERIFY(text.indexOf(QStringLiteral("Yesterday")) < text.indexOf(QStringLiteral("old news")));
    QVERIFY(text.indexOf(QStringLiteral("still yesterday")) < text.indexOf(QStringLiteral("Today")));
    QVERIFY(text.indexOf(QStringLiteral("Today")) < text.indexOf(QStringLiteral("fresh")));
    showView(400, 300);
    // The row that begins a day is taller than the same message would be without the separator.
    QVERIFY(rowRect(2).height() > rowRect(1).height() + QFontMetrics(m_view->font()).height());
}

// bob's messages a minute apart sit under one name and avatar; someone else, a system line, a
// pause of more than five minutes or the divider start a new group.
void tst_ConversationView::messagesOfOneSenderGroup()
{
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("one"), todayAt(12, 1)));
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("two"), todayAt(12, 2)));
    m_model->appendMessage(said(QStringLiteral("carol"), QStringLiteral("three"), todayAt(12, 3)));
    m_model->appendMessage(said(QStringLiteral("carol"), QStringLiteral("four"), todayAt(12, 20)));
    m_model->appendSystem(QStringLiteral("dave joined"), todayAt(12, 21));
    m_model->appendMessage(said(QStringLiteral("carol"), QStringLiteral("five"), todayAt(12, 22)));
    showView(400, 400);
    MessageDelegate* delegate = m_view->messageDelegate();
    auto hasAvatar = [&](int row) {
        return !delegate->avatarRect(rowRect(row), m_model->index(row)).isEmpty();
    };
    QVERIFY(hasAvatar(0));
    QVERIFY(!hasAvatar(1)); // bob again, a minute later
    QVERIFY(hasAvatar(2));  // carol
    QVERIFY(hasAvatar(3));  // carol, 17 minutes later
    QVERIFY(!hasAvatar(4)); // a system line has none
    QVERIFY(hasAvatar(5));  // carol after the system line
    QVERIFY(rowRect(1).height() < rowRect(0).height());
}

// The user's own messages have a wash of the own colour; others' rows show the background.
void tst_ConversationView::ownMessagesStandApart()
{
    ChatMessage mine = said(QStringLiteral("me"), QStringLiteral("mine"), todayAt(12, 1));
    mine.isOwn = true;
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("his"), todayAt(12, 0)));
    m_model->appendMessage(mine);
    showView(400, 300);
    const QImage image = m_view->viewport()->grab().toImage();
    const QColor base = m_view->palette().color(QPalette::Base);
    // The right end of each row's lower half holds no text: background, or the wash.
    const QRect hisEnd(rowRect(0).right() - 30, rowRect(0).center().y(), 20,
                       rowRect(0).bottom() - rowRect(0).center().y());
    const QRect mineEnd(rowRect(1).right() - 30, rowRect(1).top() + 2, 20,
                        rowRect(1).height() - 4);
    QCOMPARE(pixelsLike(image, hisEnd, base, 0), hisEnd.width() * hisEnd.height());
    QCOMPARE(pixelsLike(image, mineEnd, base, 2), 0);
    QVERIFY(pixelsLike(image, rowRect(1), NickColor::own(base), 2) > 0); // the bar
    QVERIFY(pixelsLike(image, rowRect(0), NickColor::own(base), 2) == 0);
}

// The avatar is a disc in the sender's colour.
void tst_ConversationView::avatarInTheSendersColour()
{
    m_model->appendMessage(said(QStringLiteral("carol"), QStringLiteral("hi"), todayAt(12, 0)));
    showView(400, 200);
    const QRect avatar = m_view->messageDelegate()->avatarRect(rowRect(0), m_model->index(0));
    QVERIFY(!avatar.isEmpty());
    const QImage image = m_view->viewport()->grab().toImage();
    const QColor carol = NickColor::forNick(QStringLiteral("carol"), m_view->palette().color(QPalette::Base));
    // Most of the disc is carol's colour (the rest: her initial and the corners).
    QVERIFY2(pixelsLike(image, avatar, carol, 4) > avatar.width() * avatar.height() / 3,
             qPrintable(QStringLiteral("%1 of %2").arg(pixelsLike(image, avatar, carol, 4))
                            .arg(avatar.width() * avatar.height())));
}

// A message that wraps continues under its first line, right of the avatar, not under it.
void tst_ConversationView::wrappedLinesAlignWithTheText()
{
    const QString longText = QStringLiteral("word ").repeated(80);
    m_model->appendMessage(said(QStringLiteral("bob"), longText, todayAt(12, 0)));
    showView(300, 500);
    const QRect row = rowRect(0);
    const QRect avatar = m_view->messageDelegate()->avatarRect(row, m_model->index(0));
    QVERIFY(row.height() > 5 * QFontMetrics(m_view->font()).height());
    const QImage image = m_view->viewport()->grab().toImage();
    const QColor base = m_view->palette().color(QPalette::Base);
    // Below the avatar, the left column is empty: the wrapped lines start where the text does.
    const QRect under(row.left(), avatar.bottom() + 4, avatar.right() + 2,
                      row.bottom() - avatar.bottom() - 8);
    QVERIFY(under.height() > 30);
    QCOMPARE(pixelsLike(image, under, base, 0), under.width() * under.height());
    QVERIFY(pixelsLike(image, QRect(avatar.right() + 4, avatar.bottom() + 4, row.width(),
                                    under.height()), base, 0) <
            (row.width() - avatar.right() - 4) * under.height());
}

// A word longer than the row (a hash, a long URL) wraps instead of running out of sight.
void tst_ConversationView::longWordsWrap()
{
    m_model->appendMessage(
        said(QStringLiteral("bob"), QStringLiteral("x").repeated(400), todayAt(12, 0)));
    showView(300, 400);
    const QRect row = rowRect(0);
    QTextDocument* body = m_view->messageDelegate()->bodyDocument(row, m_model->index(0));
    QVERIFY(body->size().width() <= row.width());
    QVERIFY(body->documentLayout()->documentSize().height() >
            3 * QFontMetrics(m_view->font()).height());
    QVERIFY(!m_view->horizontalScrollBar()->isVisible());
}

// Clicking a web address in a message opens it.
void tst_ConversationView::linksOpenOnClick()
{
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    m_model->appendMessage(said(QStringLiteral("bob"),
                                QStringLiteral("see https://example.org/a?b=1 now"),
                                todayAt(12, 0)));
    showView(500, 200);
    QSignalSpy activated(m_view, &ConversationView::linkActivated);
    const QRect row = rowRect(0);
    QPoint onLink;
    for (int y = row.top(); y <= row.bottom() && onLink.isNull(); y += 2) {
        for (int x = row.left(); x <= row.right(); x += 3) {
            if (!m_view->messageDelegate()->anchorAt(row, m_model->index(0), {x, y}).isEmpty()) {
                onLink = {x + 2, y + 1};
                break;
            }
        }
    }
    QVERIFY(!onLink.isNull());
    // Not on the link: nothing opens.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(row.right() - 5, row.bottom() - 3));
    QCOMPARE(activated.count(), 0);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, onLink);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/a?b=1")));
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("https://example.org/a?b=1"))});
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

// Click one row, shift-click another, Ctrl+C: those rows as text, in order.
void tst_ConversationView::selectedRowsAreCopied()
{
    for (int i = 0; i < 4; ++i)
        m_model->appendMessage(
            said(QStringLiteral("bob"), QStringLiteral("line %1").arg(i), todayAt(12, i)));
    showView(400, 400);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rowRect(1).center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, rowRect(2).center());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).endsWith(QStringLiteral("bob: line 1")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).endsWith(QStringLiteral("bob: line 2")), qPrintable(lines.at(1)));
}

// Scrolled up, a button brings back the newest line; at the bottom it is gone.
void tst_ConversationView::jumpToLatest()
{
    showView(300, 150);
    for (int i = 0; i < 60; ++i)
        m_model->appendMessage(
            said(i % 2 ? QStringLiteral("bob") : QStringLiteral("carol"), QStringLiteral("line %1").arg(i),
                 todayAt(12, i % 60)));
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->jumpToLatestButton()->isVisible());
    bar->setValue(bar->minimum());
    QVERIFY(m_view->jumpToLatestButton()->isVisible());
    // New lines while scrolled up do not pull the view down.
    const int value = bar->value();
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("newest"), todayAt(13, 0)));
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), value);
    QTest::mouseClick(m_view->jumpToLatestButton(), Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->jumpToLatestButton()->isVisible());
    QVERIFY(m_view->isAtBottom());
}

// A message waiting in the outbox and one the server refused say so on their row.
void tst_ConversationView::pendingAndFailedAreShown()
{
    ChatMessage waiting = said(QStringLiteral("me"), QStringLiteral("typed offline"), todayAt(12, 0));
    waiting.isOwn = true;
    waiting.queueId = 7;
    m_model->appendMessage(waiting);
    ChatMessage refused = said(QStringLiteral("me"), QStringLiteral("to nobody"), todayAt(12, 1));
    refused.isOwn = true;
    m_model->appendMessage(refused);
    QVERIFY(m_model->markOwnFailed(QStringLiteral("to nobody")));
    MessageDelegate* delegate = m_view->messageDelegate();
    const QRect rect(0, 0, 400, 0);
    QVERIFY(delegate->bodyDocument(rect, m_model->index(0))->toPlainText().contains(
        QStringLiteral("waiting to be sent")));
    QVERIFY(delegate->bodyDocument(rect, m_model->index(1))->toPlainText().contains(
        QStringLiteral("not sent")));
    QVERIFY(!delegate->bodyDocument(rect, m_model->index(0))->toPlainText().contains(
        QStringLiteral("not sent")));
    // Sent at last: the note goes.
    QVERIFY(m_model->setQueuedStatus(7, ConversationModel::Status::Sent));
    QVERIFY(!delegate->bodyDocument(rect, m_model->index(0))->toPlainText().contains(
        QStringLiteral("waiting to be sent")));
}

// With a dark desktop palette, the view is dark and its text light, and names stay readable.
void tst_ConversationView::followsADarkPalette()
{
    m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("WWWW MMMM"), todayAt(12, 0)));
    showView(400, 200);
    QPalette dark = m_view->palette();
    const QColor night(0x1e, 0x1f, 0x22);
    const QColor ink(0xee, 0xee, 0xee);
    dark.setColor(QPalette::Base, night);
    dark.setColor(QPalette::Window, night);
    dark.setColor(QPalette::Text, ink);
    m_view->setPalette(dark);
    const QRect row = rowRect(0);
    QTextDocument* body = m_view->messageDelegate()->bodyDocument(row, m_model->index(0));
    QTRY_VERIFY(body->toPlainText().contains(QStringLiteral("WWWW")));
    const QImage image = m_view->viewport()->grab().toImage();
    QVERIFY(pixelsLike(image, QRect(row.right() - 20, row.top(), 10, row.height()), night, 0) > 0);
    QVERIFY2(pixelsLike(image, row, ink, 20) > 10, "the text is drawn in the palette's light ink");
    const QRect avatar = m_view->messageDelegate()->avatarRect(row, m_model->index(0));
    const QRect text(avatar.right() + 1, row.top(), row.right() - avatar.right(), row.height());
    QVERIFY(pixelsLike(image, text, QColor(Qt::black), 12) == 0); // no dark-on-dark text
    const QColor bob = NickColor::forNick(QStringLiteral("bob"), night);
    QVERIFY(NickColor::contrast(bob, night) >= 4.5);
    QVERIFY(pixelsLike(image, row, bob, 4) > 0);
}

// Only a bounded window of the loaded rows is laid out: scrolling past its top slides it up
// (without asking for older lines while loaded ones remain), keeping the line read in place;
// past the oldest loaded line, older ones are asked for; scrolling down slides it back.
void tst_ConversationView::onlyAWindowOfRowsIsLaidOut()
{
    m_view->conversationWindow()->setLimits(30, 10);
    showView(300, 150);
    QSignalSpy older(m_view, &ConversationView::scrolledToTop);
    for (int i = 0; i < 200; ++i)
        m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("line %1").arg(i),
                                    todayAt(8 + i / 60, i % 60)));
    QCOMPARE(m_view->model()->rowCount(), 30);
    QCOMPARE(m_view->conversationWindow()->firstRow(), 170);
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QVERIFY(m_view->isAtBottom());

    bar->setValue(bar->minimum());
    QCOMPARE(m_view->conversationWindow()->firstRow(), 160);
    QCOMPARE(m_view->model()->rowCount(), 30);
    QCOMPARE(older.count(), 0);
    QTRY_VERIFY(bar->value() > bar->minimum()); // laid out again, line 170 still on top
    QCOMPARE(m_view->indexAt(QPoint(1, 1)).data(ConversationModel::TextRole).toString(),
             QStringLiteral("line 170"));
    QVERIFY(!m_view->isAtBottom());
    QVERIFY(m_view->jumpToLatestButton()->isVisible());

    for (int step = 0; step < 40 && m_view->conversationWindow()->firstRow() > 0; ++step) {
        bar->setValue(bar->minimum());
        QTRY_VERIFY(bar->value() > bar->minimum());
    }
    QCOMPARE(m_view->conversationWindow()->firstRow(), 0);
    QCOMPARE(older.count(), 0);
    bar->setValue(bar->minimum());
    QCOMPARE(older.count(), 1);

    // Down again: the window slides back to the newest lines.
    for (int step = 0; step < 40 && !m_view->conversationWindow()->endsAtNewest(); ++step) {
        bar->setValue(bar->maximum());
        QTRY_VERIFY(bar->value() < bar->maximum());
    }
    QVERIFY(m_view->conversationWindow()->endsAtNewest());
    bar->setValue(bar->maximum());
    QVERIFY(m_view->isAtBottom());
    QCOMPARE(m_view->model()->rowCount(), 30);
}

// Reading far back, a live line does not pull the view; the jump button brings the newest
// lines back, the new one among them.
void tst_ConversationView::liveLineWhileReadingFarBack()
{
    m_view->conversationWindow()->setLimits(30, 10);
    showView(300, 150);
    for (int i = 0; i < 100; ++i)
        m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("line %1").arg(i),
                                    todayAt(8 + i / 60, i % 60)));
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    for (int step = 0; step < 3; ++step) {
        bar->setValue(bar->minimum());
        QTRY_VERIFY(bar->value() > bar->minimum());
    }
    const QString top = m_view->indexAt(QPoint(1, 1)).data(ConversationModel::TextRole).toString();
    m_model->appendMessage(said(QStringLiteral("carol"), QStringLiteral("newest"), todayAt(11, 0)));
    QTest::qWait(20);
    QCOMPARE(m_view->indexAt(QPoint(1, 1)).data(ConversationModel::TextRole).toString(), top);
    QVERIFY(!m_view->indexOfRow(m_model->rowCount() - 1).isValid());
    QVERIFY(m_view->jumpToLatestButton()->isVisible());
    QTest::mouseClick(m_view->jumpToLatestButton(), Qt::LeftButton);
    QTRY_VERIFY(m_view->isAtBottom());
    const QModelIndex last = m_view->model()->index(m_view->model()->rowCount() - 1, 0);
    QCOMPARE(last.data(ConversationModel::TextRole).toString(), QStringLiteral("newest"));
    QTRY_VERIFY(m_view->visualRect(last).intersects(m_view->viewport()->rect()));
}

// A search result outside the rows laid out is brought into view and selected.
void tst_ConversationView::showRowOutsideTheWindow()
{
    m_view->conversationWindow()->setLimits(30, 10);
    showView(300, 150);
    for (int i = 0; i < 100; ++i)
        m_model->appendMessage(said(QStringLiteral("bob"), QStringLiteral("line %1").arg(i),
                                    todayAt(8 + i / 60, i % 60)));
    QVERIFY(!m_view->indexOfRow(5).isValid());
    m_view->showRow(5);
    const QModelIndex shown = m_view->indexOfRow(5);
    QVERIFY(shown.isValid());
    QVERIFY(m_view->selectionModel()->isSelected(shown));
    QTRY_VERIFY(m_view->viewport()->rect().contains(m_view->visualRect(shown).center()));
    QVERIFY(!m_view->isAtBottom());
}

QTEST_MAIN(tst_ConversationView)
#include "tst_conversationview.moc"
