// ConversationView: how lines look. System lines are italic unless they hold CJK text; mentions
// are highlighted; display names stand before nicks; the time format can be chosen.
#include "models/conversationmodel.h"
#include "widgets/conversationview.h"

#include <QRegularExpression>
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
    void emojiAreDrawnInColour();

private:
    // The character format of the fragment of the last block that contains needle.
    QTextCharFormat formatOf(const QString& needle) const;

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

QTextCharFormat tst_ConversationView::formatOf(const QString& needle) const
{
    const QTextBlock block = m_view->document()->lastBlock();
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
    m_view->resize(300, 120);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QSignalSpy older(m_view, &ConversationView::scrolledToTop);
    for (int i = 0; i < 40; ++i)
        m_model->appendMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    QScrollBar* bar = m_view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum()); // follows the newest line
    QCOMPARE(older.count(), 0);
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(older.count(), 0);
    bar->setValue(bar->minimum());
    QCOMPARE(older.count(), 1);
}

void tst_ConversationView::olderLinesKeepTheViewInPlace()
{
    m_view->resize(300, 120);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    for (int i = 20; i < 50; ++i)
        m_model->appendMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    QScrollBar* bar = m_view->verticalScrollBar();
    bar->setValue(bar->minimum());
    const int fromBottom = bar->maximum() - bar->value();
    for (int i = 19; i >= 10; --i)
        m_model->insertOlderMessage(fromBob(QStringLiteral("line %1").arg(i), i));
    // Shown once the page is in (one rebuild for the page, not one per line).
    QTRY_VERIFY(m_view->toPlainText().contains(QStringLiteral("line 10")));
    QVERIFY(m_view->toPlainText().indexOf(QStringLiteral("line 19")) <
            m_view->toPlainText().indexOf(QStringLiteral("line 20")));
    QVERIFY(bar->value() > bar->minimum()); // the lines read before are still on screen
    QCOMPARE(bar->maximum() - bar->value(), fromBottom);
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

QTEST_MAIN(tst_ConversationView)
#include "tst_conversationview.moc"
