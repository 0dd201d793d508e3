#pragma once

#include "widgets/emojicatalog.h"

#include <QFrame>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTabBar;

// The popup of emoji beside the input: a search field (by name), the recently used ones (kept in
// the settings), and a grid per category chosen with the tabs. A click (or Enter) on an emoji
// chooses it and closes the popup; Esc closes it; Enter in the search field chooses the first
// match, Down goes to the grid.
class EmojiPicker : public QFrame
{
    Q_OBJECT

public:
    static constexpr int MaxRecent = 10; // one row
    static constexpr int Columns = 10;

    explicit EmojiPicker(QWidget* parent = nullptr);

    const EmojiCatalog& catalog() const { return m_catalog; }
    QStringList recent() const { return m_recent; }
    EmojiCatalog::Category category() const;
    void setCategory(EmojiCatalog::Category category);
    // Shows the picker above anchor, its right edge at the anchor's (within the screen), with an
    // empty search field that has the focus.
    void popup(QWidget* anchor);

signals:
    void emojiChosen(const QString& emoji);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QString categoryTitle(EmojiCatalog::Category category) const;
    void choose(QListWidgetItem* item);
    void fill(QListWidget* list, const QList<EmojiCatalog::Entry>& entries) const;
    void showCategory(int index);
    void onSearchEdited(const QString& text);
    void remember(const QString& emoji);
    void showRecent();

    EmojiCatalog m_catalog;
    QStringList m_recent;
    QLineEdit* m_search;
    QLabel* m_recentLabel;
    QListWidget* m_recentList;
    QTabBar* m_categories;
    QListWidget* m_grid;
    QLabel* m_noMatch;
    int m_cell = 0; // the side of an emoji's square
};
