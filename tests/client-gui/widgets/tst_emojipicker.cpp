// The emoji picker as a popup over a line edit: categories, search by name, the recently used
// row kept in the settings, and choosing with the mouse or the keyboard.
#include "session/clientsettings.h"
#include "widgets/emojipicker.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>

#include <memory>

class tst_EmojiPicker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void categoriesShowTheirEmoji();
    void searchFiltersByName();
    void clickChoosesAndIsRemembered();
    void recentRowKeepsTheLatestFirst();
    void keyboardChoosesAndEscCloses();

private:
    EmojiPicker* openPicker();
    QStringList gridEmoji(const char* list = "emojiGrid") const;
    QListWidgetItem* itemOf(const QString& emoji, const char* list = "emojiGrid") const;
    void click(QListWidgetItem* item);
    template <typename T> T* child(const char* name) const
    {
        T* widget = m_picker->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<QLineEdit> m_anchor;
    EmojiPicker* m_picker = nullptr;
};

void tst_EmojiPicker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_emojipicker"));
}

void tst_EmojiPicker::init()
{
    QSettings().remove(SettingsKeys::RecentEmoji);
    m_anchor = std::make_unique<QLineEdit>();
    m_anchor->resize(500, 30);
    m_anchor->move(100, 500);
    m_anchor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_anchor.get()));
    m_picker = new EmojiPicker(m_anchor.get());
}

void tst_EmojiPicker::cleanup()
{
    m_anchor.reset(); // and the picker, its child
    m_picker = nullptr;
}

EmojiPicker* tst_EmojiPicker::openPicker()
{
    m_picker->popup(m_anchor.get());
    if (!QTest::qWaitForWindowExposed(m_picker))
        qWarning("picker not shown");
    return m_picker;
}

QStringList tst_EmojiPicker::gridEmoji(const char* list) const
{
    auto* grid = child<QListWidget>(list);
    QStringList emoji;
    for (int row = 0; row < grid->count(); ++row)
        emoji.append(grid->item(row)->data(Qt::UserRole).toString());
    return emoji;
}

QListWidgetItem* tst_EmojiPicker::itemOf(const QString& emoji, const char* list) const
{
    auto* grid = child<QListWidget>(list);
    for (int row = 0; row < grid->count(); ++row) {
        if (grid->item(row)->data(Qt::UserRole).toString() == emoji)
            return grid->item(row);
    }
    return nullptr;
}

void tst_EmojiPicker::click(QListWidgetItem* item)
{
    QVERIFY(item);
    QListWidget* list = item->listWidget();
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

void tst_EmojiPicker::categoriesShowTheirEmoji()
{
    openPicker();
    auto* tabs = child<QTabBar>("emojiCategories");
    QCOMPARE(tabs->count(), 8);
    QCOMPARE(tabs->tabToolTip(0), QStringLiteral("Smileys & people"));
    QCOMPARE(tabs->tabToolTip(1), QStringLiteral("Animals & nature"));
    QCOMPARE(m_picker->category(), EmojiCatalog::Category::SmileysPeople);
    QStringList shown = gridEmoji();
    QCOMPARE(shown.size(),
             m_picker->catalog().entries(EmojiCatalog::Category::SmileysPeople).size());
    QCOMPARE(shown.constFirst(), QStringLiteral("\U0001F600"));
    QCOMPARE(itemOf(QStringLiteral("\U0001F600"))->toolTip(), QStringLiteral("grinning face"));
    QVERIFY(!shown.contains(QStringLiteral("\U0001F43B"))); // the bear is an animal
    // A grid of Columns square cells a row, each emoji whole in its cell.
    auto* grid = child<QListWidget>("emojiGrid");
    const QRect first = grid->visualItemRect(grid->item(0));
    QCOMPARE(first.width(), first.height());
    QVERIFY(first.height() >= grid->fontMetrics().height());
    QCOMPARE(grid->visualItemRect(grid->item(EmojiPicker::Columns - 1)).top(), first.top());
    QCOMPARE(grid->visualItemRect(grid->item(EmojiPicker::Columns)).top(), first.bottom() + 1);
    QVERIFY(grid->viewport()->rect().contains(
        grid->visualItemRect(grid->item(EmojiPicker::Columns - 1))));

    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QCOMPARE(m_picker->category(), EmojiCatalog::Category::AnimalsNature);
    shown = gridEmoji();
    QVERIFY(shown.contains(QStringLiteral("\U0001F43B")));
    QVERIFY(!shown.contains(QStringLiteral("\U0001F600")));
    m_picker->setCategory(EmojiCatalog::Category::Flags);
    QVERIFY(gridEmoji().contains(QStringLiteral("\U0001F1EB\U0001F1F7")));
}

void tst_EmojiPicker::searchFiltersByName()
{
    openPicker();
    auto* search = child<QLineEdit>("emojiSearch");
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("grinning cat"));
    const QStringList found = gridEmoji();
    QVERIFY(!found.isEmpty());
    QVERIFY(found.contains(QStringLiteral("\U0001F63A")));  // grinning cat
    QVERIFY(!found.contains(QStringLiteral("\U0001F600"))); // grinning face: no cat
    for (const QString& emoji : found) {
        const QString name = m_picker->catalog().nameOf(emoji);
        QVERIFY2(name.contains(QStringLiteral("grinning")) && name.contains(QStringLiteral("cat")),
                 qPrintable(name));
    }
    // Across categories: the pizza, while the smileys tab is current.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("pizza"));
    QCOMPARE(gridEmoji(), QStringList{QStringLiteral("\U0001F355")});

    QTest::keyClicks(search, QStringLiteral("qq"));
    QVERIFY(!child<QListWidget>("emojiGrid")->isVisible());
    QVERIFY(child<QLabel>("emojiNoMatch")->isVisible());
    QVERIFY(child<QLabel>("emojiNoMatch")->text().contains(QStringLiteral("pizzaqq")));

    // Emptied: the category again.
    search->selectAll();
    QTest::keyClick(search, Qt::Key_Backspace);
    QVERIFY(child<QListWidget>("emojiGrid")->isVisible());
    QVERIFY(!child<QLabel>("emojiNoMatch")->isVisible());
    QCOMPARE(gridEmoji().size(),
             m_picker->catalog().entries(EmojiCatalog::Category::SmileysPeople).size());
}

void tst_EmojiPicker::clickChoosesAndIsRemembered()
{
    QSignalSpy chosen(m_picker, &EmojiPicker::emojiChosen);
    openPicker();
    QVERIFY(!child<QListWidget>("recentEmoji")->isVisible()); // nothing used yet
    click(itemOf(QStringLiteral("\U0001F609")));              // winking face
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("\U0001F609"));
    QVERIFY(!m_picker->isVisible());
    QCOMPARE(QSettings().value(SettingsKeys::RecentEmoji).toStringList(),
             QStringList{QStringLiteral("\U0001F609")});

    openPicker();
    QVERIFY(child<QListWidget>("recentEmoji")->isVisible());
    QCOMPARE(gridEmoji("recentEmoji"), QStringList{QStringLiteral("\U0001F609")});
    // A click in the recent row chooses too.
    click(itemOf(QStringLiteral("\U0001F609"), "recentEmoji"));
    QCOMPARE(chosen.count(), 2);

    // A new picker (the next start) reads them from the settings, and ignores what it lacks.
    QSettings().setValue(SettingsKeys::RecentEmoji,
                         QStringList{QStringLiteral("\U0001F609"), QStringLiteral("not an emoji"),
                                     QStringLiteral("\U0001F355"), QStringLiteral("\U0001F609")});
    delete m_picker;
    m_picker = new EmojiPicker(m_anchor.get());
    QCOMPARE(m_picker->recent(),
             (QStringList{QStringLiteral("\U0001F609"), QStringLiteral("\U0001F355")}));
}

void tst_EmojiPicker::recentRowKeepsTheLatestFirst()
{
    const QList<EmojiCatalog::Entry> smileys =
        m_picker->catalog().entries(EmojiCatalog::Category::SmileysPeople);
    QStringList used;
    for (int i = 0; i < EmojiPicker::MaxRecent + 2; ++i) {
        openPicker();
        click(itemOf(smileys.at(i).text));
        used.prepend(smileys.at(i).text);
    }
    QCOMPARE(m_picker->recent(), used.mid(0, EmojiPicker::MaxRecent));
    // Used again: to the front, once.
    openPicker();
    click(itemOf(smileys.at(5).text, "recentEmoji"));
    QCOMPARE(m_picker->recent().constFirst(), smileys.at(5).text);
    QCOMPARE(m_picker->recent().count(smileys.at(5).text), 1);
    QCOMPARE(m_picker->recent().size(), EmojiPicker::MaxRecent);
    QCOMPARE(QSettings().value(SettingsKeys::RecentEmoji).toStringList(), m_picker->recent());
}

void tst_EmojiPicker::keyboardChoosesAndEscCloses()
{
    QSignalSpy chosen(m_picker, &EmojiPicker::emojiChosen);
    openPicker();
    auto* search = child<QLineEdit>("emojiSearch");
    QTRY_VERIFY(search->hasFocus());
    // Enter in the search field: the first match.
    QTest::keyClicks(search, QStringLiteral("thumbs up"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("\U0001F44D"));
    QVERIFY(!m_picker->isVisible());

    // Down to the grid, Right to the second emoji, Enter.
    openPicker();
    QCOMPARE(search->text(), QString()); // each opening starts afresh
    QTRY_VERIFY(search->hasFocus());
    auto* grid = child<QListWidget>("emojiGrid");
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(grid->hasFocus());
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentRow(), 1);
    QTest::keyClick(grid, Qt::Key_Return);
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(chosen.at(1).at(0).toString(), grid->item(1)->data(Qt::UserRole).toString());

    // Esc closes without choosing, from the search field or the grid.
    openPicker();
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(!m_picker->isVisible());
    openPicker();
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Escape);
    QVERIFY(!m_picker->isVisible());
    QCOMPARE(chosen.count(), 2);
}

QTEST_MAIN(tst_EmojiPicker)
#include "tst_emojipicker.moc"
