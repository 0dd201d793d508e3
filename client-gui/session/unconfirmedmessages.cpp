#include "session/unconfirmedmessages.h"

#include <algorithm>

void UnconfirmedMessages::remember(const QString& foldedTarget, const QString& text, bool isAction)
{
    QList<Entry>& sent = m_sent[foldedTarget];
    sent.append({text, isAction, QDateTime::currentDateTimeUtc()});
    if (sent.size() > MaxPerTarget)
        sent.removeFirst();
}

void UnconfirmedMessages::confirm(const QString& foldedTarget, const QString& text, bool isAction)
{
    const auto it = m_sent.find(foldedTarget);
    if (it == m_sent.end())
        return;
    QList<Entry>& sent = it.value();
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (sent.at(i).text == text && sent.at(i).isAction == isAction) {
            sent.removeAt(i);
            break;
        }
    }
    if (sent.isEmpty())
        m_sent.erase(it);
}

std::optional<UnconfirmedMessages::Entry>
UnconfirmedMessages::takeRefused(const QString& foldedTarget, bool echo)
{
    const auto it = m_sent.find(foldedTarget);
    if (it == m_sent.end())
        return std::nullopt;
    QList<Entry>& sent = it.value();
    const QDateTime oldest = QDateTime::currentDateTimeUtc().addSecs(-MaxAgeSecs);
    sent.erase(std::remove_if(sent.begin(), sent.end(),
                              [&oldest](const Entry& entry) { return entry.sentAt < oldest; }),
               sent.end());
    if (sent.isEmpty()) {
        m_sent.erase(it);
        return std::nullopt;
    }
    const Entry refused = echo ? sent.takeFirst() : sent.takeLast();
    if (sent.isEmpty())
        m_sent.erase(it);
    return refused;
}
