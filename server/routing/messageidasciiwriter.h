#pragma once

#include "routing/messageidgenerator.h"

#include <QByteArray>
#include <QString>

// Writes message ids in ASCII without an allocation: the history writer binds every msgid it
// stores so. The prefix, the same for every id of a run, is narrowed once and known again by
// the address of its text (a copy kept here keeps that text from being freed and the address
// reused). Reading the prefix's text for every id missed the cache each time: the loop's thread
// counts the text's references, in the same cache line, for every message.
class MessageIdAsciiWriter
{
public:
    // The text of id.toString() in out: its length, or -1 if it is longer than size or the
    // prefix is not ASCII.
    qsizetype write(const MessageId& id, char* out, qsizetype size);

private:
    QString m_prefix;
    QByteArray m_ascii;   // m_prefix in ASCII...
    bool m_isAscii = true; // ...if it is
};
