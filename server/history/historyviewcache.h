#pragma once

#include "history/sharedtextkey.h"

#include <QHash>
#include <QString>

#include <optional>
#include <unordered_map>
#include <utility>

// A reader's view of a conversation (a row of history_views).
struct HistoryView
{
    qint64 id = 0;
    qint64 conversation = 0;
    qint64 sinceId = 0; // the first row this reader may see
};

// The views SqlHistoryStore has looked up or added, by (owner, target). The history writer
// looks up one or two for every record, and the records of a user's messages carry the user's
// own strings (ServerUser::foldedAccount(), ServerChannel::foldedName()): findShared() finds
// those by the strings' addresses and lengths (SharedTextKey), without hashing or comparing their
// text (which took 3.5 % of the server's time under private messages between accounts). Not
// thread-safe: the writer's.
class HistoryViewCache
{
public:
    // Past this many views (one per room and per account and correspondent) it starts again.
    static constexpr size_t MaxViews = 100000;

    // The view of (owner, target) if it is here, by text.
    std::optional<HistoryView> find(const QString& owner, const QString& target);
    // The same, first by the strings' SharedTextKeys, which a found view is then remembered by:
    // for strings that are shared from one call to the next.
    std::optional<HistoryView> findShared(const QString& owner, const QString& target);
    void insert(const QString& owner, const QString& target, const HistoryView& view);
    // The view's first visible row changed (the batch that added it gave its rows their ids).
    void setSinceId(const QString& owner, const QString& target, qint64 sinceId);
    void clear();
    size_t size() const { return m_byText.size(); }

private:
    using TextKey = std::pair<QString, QString>;
    struct TextKeyHash
    {
        size_t operator()(const TextKey& key) const noexcept
        {
            return qHashMulti(0, key.first, key.second);
        }
    };
    using AddressKey = std::pair<SharedTextKey, SharedTextKey>;
    // An entry by address holds its strings: while it is here, their text cannot be freed and
    // another string take its address. (A QString's text is shared, never changed in place.)
    struct Shared
    {
        QString owner;
        QString target;
        HistoryView* view; // into m_byText, whose nodes stay where they are
    };

    // The view of (owner, target) by text, or null.
    HistoryView* byText(const QString& owner, const QString& target);

    // Views by text; unordered_map, not QHash: the entries by address point into its nodes.
    std::unordered_map<TextKey, HistoryView, TextKeyHash> m_byText;
    QHash<AddressKey, Shared> m_byAddress;
};
