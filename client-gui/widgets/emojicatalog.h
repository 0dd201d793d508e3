#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

// The emoji the picker offers, by category, with their Unicode names: the table
// resources/emoji/emoji.tsv that scripts/emoji-table.py derives from Unicode's emoji-test.txt
// (fully-qualified emoji, no skin tones). Lines: category key, code points in hex, name. Pure
// data: no widget.
class EmojiCatalog
{
    Q_GADGET

public:
    // In the picker's order.
    enum class Category {
        SmileysPeople,
        AnimalsNature,
        FoodDrink,
        Activities,
        TravelPlaces,
        Objects,
        Symbols,
        Flags,
    };
    Q_ENUM(Category)

    struct Entry
    {
        QString text; // the emoji itself
        QString name; // "grinning face", in English (Unicode's CLDR short name)
        Category category = Category::SmileysPeople;
    };

    static constexpr int MaxCodePoints = 10; // the longest (family, kiss) have 8 or 10
    static constexpr int MaxNameLength = 200;
    // The table built into the client (Qt resource).
    static inline const QString BuiltInTable = QStringLiteral(":/emoji/emoji.tsv");

    static EmojiCatalog builtIn();
    // Reads a table; a line it cannot read (wrong columns, unknown category, bad or too many code
    // points, an emoji listed before) is skipped.
    static EmojiCatalog fromTable(const QByteArray& table);
    static QList<Category> categories();
    // The key of a category in the table ("smileys-people"), or empty.
    static QString keyOf(Category category);

    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    const QList<Entry>& entries() const { return m_entries; }
    QList<Entry> entries(Category category) const;
    bool contains(const QString& emoji) const { return m_index.contains(emoji); }
    // The name of an emoji of the table, or empty.
    QString nameOf(const QString& emoji) const;
    // The emoji whose name has, for each word of words, a word starting with it (ignoring case
    // and accents: "cafe" finds "café"); those named exactly so first, then those whose name
    // starts with them, then in the table's order. Empty words: none.
    QList<Entry> search(const QString& words) const;

private:
    static QStringList wordsOf(const QString& text);

    QList<Entry> m_entries;
    QList<QStringList> m_words;  // the words of each entry's name, folded
    QHash<QString, int> m_index; // emoji -> entry
};
