#include "widgets/emojipicker.h"

#include "session/clientsettings.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTabBar>
#include <QVBoxLayout>

namespace {

// The emoji on each category's tab.
QString tabEmoji(EmojiCatalog::Category category)
{
    using Category = EmojiCatalog::Category;
    char32_t code = 0x1F600; // grinning face
    switch (category) {
    case Category::SmileysPeople:
        break;
    case Category::AnimalsNature:
        code = 0x1F43B; // bear
        break;
    case Category::FoodDrink:
        code = 0x1F354; // hamburger
        break;
    case Category::Activities:
        code = 0x26BD; // soccer ball
        break;
    case Category::TravelPlaces:
        code = 0x1F697; // automobile
        break;
    case Category::Objects:
        code = 0x1F4A1; // light bulb
        break;
    case Category::Symbols:
        code = 0x1F523; // input symbols
        break;
    case Category::Flags:
        code = 0x1F3C1; // chequered flag
        break;
    }
    return QString::fromUcs4(&code, 1);
}

constexpr int VisibleRows = 6;

} // namespace

EmojiPicker::EmojiPicker(QWidget* parent)
    : QFrame(parent, Qt::Popup), m_catalog(EmojiCatalog::builtIn()), m_search(new QLineEdit(this)),
      m_recentLabel(new QLabel(tr("Recently used"), this)), m_recentList(new QListWidget(this)),
      m_categories(new QTabBar(this)), m_grid(new QListWidget(this)), m_noMatch(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("emojiSearch"));
    m_recentList->setObjectName(QStringLiteral("recentEmoji"));
    m_categories->setObjectName(QStringLiteral("emojiCategories"));
    m_grid->setObjectName(QStringLiteral("emojiGrid"));
    m_noMatch->setObjectName(QStringLiteral("emojiNoMatch"));
    m_search->setPlaceholderText(tr("Search emoji by name"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    // Colour glyphs (fonts-noto-color-emoji), larger than the text around them, in a grid of
    // square cells (a list that wraps: each emoji centred in its cell).
    QFont emojiFont = font();
    emojiFont.setFamilies({QStringLiteral("Noto Color Emoji")});
    emojiFont.setPointSizeF(font().pointSizeF() * 1.8);
    m_cell = QFontMetrics(emojiFont).height() + 12;
    for (QListWidget* list : {m_recentList, m_grid}) {
        list->setFont(emojiFont);
        list->setViewMode(QListView::ListMode);
        list->setFlow(QListView::LeftToRight);
        list->setWrapping(true);
        list->setMovement(QListView::Static);
        list->setResizeMode(QListView::Adjust);
        list->setUniformItemSizes(true);
        list->setGridSize(QSize(m_cell, m_cell));
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setMouseTracking(true); // tooltips with the names
        connect(list, &QListWidget::itemClicked, this, &EmojiPicker::choose);
        connect(list, &QListWidget::itemActivated, this, &EmojiPicker::choose);
    }
    // Room for Columns cells beside the scroll bar, with a little to spare.
    const int frame = 2 * m_grid->frameWidth();
    const int listWidth =
        Columns * m_cell + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + frame + m_cell / 2;
    m_recentList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_recentList->setFixedSize(listWidth, m_cell + frame);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_grid->setFixedSize(listWidth, VisibleRows * m_cell + frame);

    QFont tabFont = font();
    tabFont.setPointSizeF(font().pointSizeF() * 1.4);
    m_categories->setFont(tabFont);
    m_categories->setExpanding(false);
    m_categories->setDrawBase(false);
    m_categories->setUsesScrollButtons(true);
    for (EmojiCatalog::Category category : EmojiCatalog::categories()) {
        const int index = m_categories->addTab(tabEmoji(category));
        m_categories->setTabToolTip(index, categoryTitle(category));
#if QT_CONFIG(accessibility)
        m_categories->setAccessibleTabName(index, categoryTitle(category));
#endif
    }
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recentList);
    layout->addWidget(m_categories);
    layout->addWidget(m_grid);
    layout->addWidget(m_noMatch, 1);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    connect(m_search, &QLineEdit::textEdited, this, &EmojiPicker::onSearchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { choose(m_grid->item(0)); });
    connect(m_categories, &QTabBar::currentChanged, this, &EmojiPicker::showCategory);

    // The recently used ones the settings remember, if this table has them.
    const QStringList remembered = QSettings().value(SettingsKeys::RecentEmoji).toStringList();
    for (const QString& emoji : remembered) {
        if (m_catalog.contains(emoji) && !m_recent.contains(emoji) && m_recent.size() < MaxRecent)
            m_recent.append(emoji);
    }
    showRecent();
    showCategory(0);
}

QString EmojiPicker::categoryTitle(EmojiCatalog::Category category) const
{
    using Category = EmojiCatalog::Category;
    switch (category) {
    case Category::SmileysPeople:
        return tr("Smileys & people");
    case Category::AnimalsNature:
        return tr("Animals & nature");
    case Category::FoodDrink:
        return tr("Food & drink");
    case Category::Activities:
        return tr("Activities");
    case Category::TravelPlaces:
        return tr("Travel & places");
    case Category::Objects:
        return tr("Objects");
    case Category::Symbols:
        return tr("Symbols");
    case Category::Flags:
        return tr("Flags");
    }
    return {};
}

EmojiCatalog::Category EmojiPicker::category() const
{
    return EmojiCatalog::categories().value(m_categories->currentIndex());
}

void EmojiPicker::setCategory(EmojiCatalog::Category category)
{
    m_categories->setCurrentIndex(int(EmojiCatalog::categories().indexOf(category)));
}

void EmojiPicker::fill(QListWidget* list, const QList<EmojiCatalog::Entry>& entries) const
{
    list->clear();
    for (const EmojiCatalog::Entry& entry : entries) {
        auto* item = new QListWidgetItem(entry.text, list);
        item->setData(Qt::UserRole, entry.text);
        item->setToolTip(entry.name);
        item->setData(Qt::AccessibleTextRole, entry.name);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(m_cell, m_cell));
    }
    list->scrollToTop();
}

void EmojiPicker::showCategory(int index)
{
    if (!m_search->text().isEmpty())
        m_search->clear(); // a tab chosen while searching: the category, whole
    const QList<EmojiCatalog::Category> categories = EmojiCatalog::categories();
    if (index < 0 || index >= categories.size())
        return;
    fill(m_grid, m_catalog.entries(categories.at(index)));
    m_noMatch->hide();
    m_grid->show();
}

void EmojiPicker::onSearchEdited(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        showCategory(m_categories->currentIndex());
        return;
    }
    const QList<EmojiCatalog::Entry> found = m_catalog.search(text);
    fill(m_grid, found);
    m_grid->setVisible(!found.isEmpty());
    m_noMatch->setVisible(found.isEmpty());
    m_noMatch->setText(tr("No emoji named “%1”").arg(text.trimmed()));
}

void EmojiPicker::showRecent()
{
    QList<EmojiCatalog::Entry> entries;
    for (const QString& emoji : std::as_const(m_recent))
        entries.append(EmojiCatalog::Entry{emoji, m_catalog.nameOf(emoji), {}});
    fill(m_recentList, entries);
    m_recentLabel->setVisible(!m_recent.isEmpty());
    m_recentList->setVisible(!m_recent.isEmpty());
}

void EmojiPicker::remember(const QString& emoji)
{
    m_recent.removeAll(emoji);
    m_recent.prepend(emoji);
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    QSettings().setValue(SettingsKeys::RecentEmoji, m_recent);
    showRecent();
}

void EmojiPicker::choose(QListWidgetItem* item)
{
    // A click may also activate (single-click styles): one emoji, once.
    if (!item || !isVisible())
        return;
    const QString emoji = item->data(Qt::UserRole).toString();
    remember(emoji);
    hide();
    emit emojiChosen(emoji);
}

void EmojiPicker::popup(QWidget* anchor)
{
    if (!m_search->text().isEmpty()) {
        m_search->clear();
        showCategory(m_categories->currentIndex());
    }
    m_grid->setCurrentItem(nullptr);
    adjustSize();
    const QRect screen = anchor->screen()->availableGeometry();
    const QPoint topRight = anchor->mapToGlobal(QPoint(anchor->width(), 0));
    QRect place(QPoint(topRight.x() - width(), topRight.y() - height()), size());
    if (place.top() < screen.top()) // no room above: below the anchor
        place.moveTop(topRight.y() + anchor->height());
    place.moveLeft(
        qBound(screen.left(), place.left(), qMax(screen.left(), screen.right() - width())));
    move(place.topLeft());
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

bool EmojiPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && m_grid->count() > 0) {
        m_grid->setFocus(Qt::TabFocusReason);
        if (!m_grid->currentItem())
            m_grid->setCurrentRow(0);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void EmojiPicker::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}
