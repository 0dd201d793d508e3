#pragma once

#include <QByteArray>

#include <cstdint>

// One private message as the history writer receives it in private-accounts-1000-flat: a
// conversation between two of the bench's accounts, a confabd msgid with its counter, the
// sender's account and the line as relayed (client tags only, no CR LF).
struct SyntheticRow
{
    int64_t id = 0; // the row id the store reserved
    int64_t conversation = 0;
    int64_t timeMs = 0;
    uint64_t msgidNumber = 0;
    QByteArray msgid;
    QByteArray account;
    QByteArray line;
};
