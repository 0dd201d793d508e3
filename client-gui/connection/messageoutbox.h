#pragma once

#include <QList>
#include <QString>

// Messages typed while offline, sent in order after reconnecting, and the lines already shown
// from it whose echo (IRCv3 echo-message) must not be shown a second time. Bounded.
class MessageOutbox
{
public:
    struct Entry
    {
        quint64 id = 0;
        QString target;
        QString text;
        bool isAction = false;
    };

    static constexpr int MaxSize = 200;

    // A new entry with the next id; not yet queued.
    Entry make(const QString& target, const QString& text, bool isAction);
    // False when the outbox is full (the entry is not kept).
    bool push(const Entry& entry);
    QList<Entry> takeAll();
    int size() const { return int(m_entries.size()); }

    // A flushed line, to target (folded) with exactly this text, whose echo is already shown.
    void expectEcho(const QString& foldedTarget, const QString& text);
    // True (and forgotten) if this echo was expected.
    bool takeEcho(const QString& foldedTarget, const QString& text);
    void clearEchoes() { m_echoes.clear(); }

private:
    struct Echo
    {
        QString foldedTarget;
        QString text;
    };

    QList<Entry> m_entries;
    QList<Echo> m_echoes;
    quint64 m_nextId = 1;
};
