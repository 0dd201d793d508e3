#pragma once

#include "history/sharedtextkey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

// The UTF-8 of texts that many history records share (a sender's account name: one string per
// user, which each record of the user's messages shares; a msgid's prefix, one per run), known
// by the address and length of their text (SharedTextKey). The history writer binds it without reading the string, whose reference count
// the loop's thread changes for every message: reading the text from the writer's thread moved
// that cache line between the cores twice per record. A copy of each string is kept, so that
// its address cannot be reused for another text while it is here. Not thread-safe: the writer's.
class SharedTextUtf8
{
public:
    // Past this many texts, trim() starts again.
    static constexpr qsizetype MaxTexts = 10000;

    // The text in UTF-8 (empty for a null or empty one), valid until the next trim().
    QByteArrayView utf8(const QString& text);
    // Forgets every text once there are MaxTexts or more (between statements: what utf8()
    // returned before is then gone).
    void trim();
    qsizetype size() const { return m_texts.size(); }

private:
    struct Entry
    {
        QString text;
        QByteArray utf8;
    };
    QHash<SharedTextKey, Entry> m_texts;
};
