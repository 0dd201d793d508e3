#pragma once

#include "history/historyquery.h"

#include <QString>
#include <QStringList>

#include <optional>

// One CHATHISTORY command (IRCv3 draft/chathistory) as parsed from its parameters, before
// anything about the sender or the store is known: a pure function of the line, so that it can
// be tested and fuzzed alone.
//
//   CHATHISTORY LATEST  <target> <* | msgid=... | timestamp=...> <limit>
//   CHATHISTORY BEFORE | AFTER | AROUND <target> <msgid=... | timestamp=...> <limit>
//   CHATHISTORY BETWEEN <target> <msgid=... | timestamp=...> <msgid=... | timestamp=...> <limit>
//   CHATHISTORY TARGETS <timestamp=...> <timestamp=...> <limit>
class ChatHistoryRequest
{
public:
    enum class Subcommand { Latest, Before, After, Around, Between, Targets };

    // Why a command was refused: a standard reply "FAIL CHATHISTORY <code> <context...> :<text>".
    struct Error
    {
        QString code;
        QStringList context;
        QString description;
    };

    // Longest msgid accepted in a selector (ours are 19 characters).
    static constexpr int MaxMsgIdLength = 64;

    // The command's parameters (the subcommand first); a limit above maxLimit is lowered to it.
    static std::optional<ChatHistoryRequest> parse(const QStringList& params, int maxLimit,
                                                   Error* error);
    // "timestamp=YYYY-MM-DDThh:mm:ss.sssZ" (milliseconds optional) as ms since the epoch.
    static std::optional<qint64> parseTimestamp(const QString& text);

    Subcommand subcommand() const { return m_subcommand; }
    // For replies: the subcommand upper-cased, the target as the client wrote it.
    const QString& subcommandName() const { return m_subcommandName; }
    const QString& target() const { return m_target; } // empty for TARGETS
    const HistoryQuery::Bound& first() const { return m_first; }
    const HistoryQuery::Bound& second() const { return m_second; }
    int limit() const { return m_limit; }

    // The store query for it (not for TARGETS); owner and target are the caller's to set.
    HistoryQuery query() const;

private:
    Subcommand m_subcommand = Subcommand::Latest;
    QString m_subcommandName;
    QString m_target;
    HistoryQuery::Bound m_first;
    HistoryQuery::Bound m_second;
    int m_limit = 0;
};
