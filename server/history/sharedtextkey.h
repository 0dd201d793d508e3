#pragma once

#include <QHashFunctions>
#include <QString>

// A string known by where its text is and how long it is, not by the text: what the history
// writer's caches (SharedTextUtf8, HistoryViewCache) look up the strings the records share by,
// without reading a text whose reference count the loop's thread keeps changing. Two strings
// with one key have the same text for as long as one of them is kept: a QString's text is never
// changed in place while it is shared, and a kept string's memory cannot be reused. The length
// tells apart two strings over the same characters (QString::fromRawData()).
struct SharedTextKey
{
    explicit SharedTextKey(const QString& text) : address(text.constData()), size(text.size()) {}

    const QChar* address;
    qsizetype size;

    friend bool operator==(const SharedTextKey& a, const SharedTextKey& b) noexcept
    {
        return a.address == b.address && a.size == b.size;
    }
    friend size_t qHash(const SharedTextKey& key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.address, key.size);
    }
};
