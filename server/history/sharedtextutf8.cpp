#include "history/sharedtextutf8.h"

QByteArrayView SharedTextUtf8::utf8(const QString& text)
{
    if (text.isEmpty())
        return QByteArrayView("", 0);
    const SharedTextKey key(text);
    auto it = m_texts.constFind(key);
    if (it == m_texts.cend())
        it = m_texts.insert(key, Entry{text, text.toUtf8()});
    return it->utf8;
}

void SharedTextUtf8::trim()
{
    if (m_texts.size() >= MaxTexts)
        m_texts.clear();
}
