#include "widgets/emojicatalog.h"

#include "connection/clientlogging.h"

#include <QFile>

#include <algorithm>
#include <utility>

namespace {

struct CategoryKey
{
    EmojiCatalog::Category category;
    const char* key;
};

// The table's keys (scripts/emoji-table.py), in the picker's order.
constexpr CategoryKey CategoryKeys[] = {
    {EmojiCatalog::Category::SmileysPeople, "smileys-people"},
    {EmojiCatalog::Category::AnimalsNature, "animals-nature"},
    {EmojiCatalog::Category::FoodDrink, "food-drink"},
    {EmojiCatalog::Category::Activities, "activities"},
    {EmojiCatalog::Category::TravelPlaces, "travel-places"},
    {EmojiCatalog::Category::Objects, "objects"},
    {EmojiCatalog::Category::Symbols, "symbols"},
    {EmojiCatalog::Category::Flags, "flags"},
};

// "1F468 200D 1F469" -> the emoji; empty if any code point is not one.
QString emojiOf(const QString& codePoints)
{
    const QStringList hex = codePoints.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (hex.isEmpty() || hex.size() > EmojiCatalog::MaxCodePoints)
        return {};
    QString text;
    for (const QString& one : hex) {
        bool ok = false;
        const uint code = one.size() <= 6 ? one.toUInt(&ok, 16) : 0;
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return {};
        const char32_t point = code;
        text.append(QString::fromUcs4(&point, 1));
    }
    return text;
}

} // namespace

EmojiCatalog EmojiCatalog::builtIn()
{
    QFile file(BuiltInTable);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcClient) << "no emoji table:" << file.errorString();
        return {};
    }
    return fromTable(file.readAll());
}

EmojiCatalog EmojiCatalog::fromTable(const QByteArray& table)
{
    EmojiCatalog catalog;
    for (const QByteArray& raw : table.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() != 3)
            continue;
        const auto* key = std::find_if(std::begin(CategoryKeys), std::end(CategoryKeys),
                                       [&fields](const CategoryKey& category) {
                                           return fields.at(0) == QLatin1String(category.key);
                                       });
        const QString text = emojiOf(fields.at(1));
        const QString name = fields.at(2).trimmed();
        if (key == std::end(CategoryKeys) || text.isEmpty() || name.isEmpty() ||
            name.size() > MaxNameLength || catalog.m_index.contains(text))
            continue;
        catalog.m_index.insert(text, int(catalog.m_entries.size()));
        catalog.m_entries.append(Entry{text, name, key->category});
        catalog.m_words.append(wordsOf(name));
    }
    return catalog;
}

QList<EmojiCatalog::Category> EmojiCatalog::categories()
{
    QList<Category> all;
    for (const CategoryKey& key : CategoryKeys)
        all.append(key.category);
    return all;
}

QString EmojiCatalog::keyOf(Category category)
{
    for (const CategoryKey& key : CategoryKeys) {
        if (key.category == category)
            return QLatin1String(key.key);
    }
    return {};
}

QList<EmojiCatalog::Entry> EmojiCatalog::entries(Category category) const
{
    QList<Entry> found;
    for (const Entry& entry : m_entries) {
        if (entry.category == category)
            found.append(entry);
    }
    return found;
}

QString EmojiCatalog::nameOf(const QString& emoji) const
{
    const auto index = m_index.constFind(emoji);
    return index == m_index.cend() ? QString() : m_entries.at(*index).name;
}

// Lower case (folded), accents dropped, split at anything not a letter or digit:
// "Côte d’Ivoire" -> cote, d, ivoire.
QStringList EmojiCatalog::wordsOf(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QStringList words;
    QString word;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

QList<EmojiCatalog::Entry> EmojiCatalog::search(const QString& words) const
{
    const QStringList wanted = wordsOf(words);
    if (wanted.isEmpty())
        return {};
    QList<std::pair<int, int>> found; // rank, entry
    for (int i = 0; i < m_entries.size(); ++i) {
        const QStringList& name = m_words.at(i);
        const bool all = std::all_of(wanted.cbegin(), wanted.cend(), [&name](const QString& want) {
            return std::any_of(name.cbegin(), name.cend(),
                               [&want](const QString& word) { return word.startsWith(want); });
        });
        if (!all)
            continue;
        const int rank = name == wanted                                      ? 0
                         : name.constFirst().startsWith(wanted.constFirst()) ? 1
                                                                             : 2;
        found.append({rank, i});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<Entry> result;
    for (const auto& hit : std::as_const(found))
        result.append(m_entries.at(hit.second));
    return result;
}
