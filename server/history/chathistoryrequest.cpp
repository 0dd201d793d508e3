#include "history/chathistoryrequest.h"

#include <QDateTime>
#include <QRegularExpression>

namespace {

struct SubcommandName
{
    const char* name;
    ChatHistoryRequest::Subcommand subcommand;
    int params; // after the subcommand
};

constexpr SubcommandName Subcommands[] = {
    {"LATEST", ChatHistoryRequest::Subcommand::Latest, 3},
    {"BEFORE", ChatHistoryRequest::Subcommand::Before, 3},
    {"AFTER", ChatHistoryRequest::Subcommand::After, 3},
    {"AROUND", ChatHistoryRequest::Subcommand::Around, 3},
    {"BETWEEN", ChatHistoryRequest::Subcommand::Between, 4},
    {"TARGETS", ChatHistoryRequest::Subcommand::Targets, 3},
};

ChatHistoryRequest::Error invalid(const QString& subcommand, const QString& param,
                                  const QString& description)
{
    return {QStringLiteral("INVALID_PARAMS"), {subcommand, param}, description};
}

// "msgid=..." or "timestamp=..."; "*" only where allowed.
std::optional<HistoryQuery::Bound> parseBound(const QString& text, bool starAllowed,
                                              bool timestampOnly)
{
    if (starAllowed && text == u'*')
        return HistoryQuery::Bound();
    if (text.startsWith(QLatin1String("timestamp="))) {
        const std::optional<qint64> time = ChatHistoryRequest::parseTimestamp(text.mid(10));
        if (!time)
            return std::nullopt;
        return HistoryQuery::Bound::at(*time);
    }
    if (!timestampOnly && text.startsWith(QLatin1String("msgid="))) {
        const QString msgid = text.mid(6);
        if (msgid.isEmpty() || msgid.size() > ChatHistoryRequest::MaxMsgIdLength)
            return std::nullopt;
        return HistoryQuery::Bound::of(msgid);
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> ChatHistoryRequest::parseTimestamp(const QString& text)
{
    // Exactly the IRCv3 form: no other ISO 8601 variant, no local time.
    static const QRegularExpression format(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$"));
    if (text.size() > 24 || !format.match(text).hasMatch())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

std::optional<ChatHistoryRequest> ChatHistoryRequest::parse(const QStringList& params, int maxLimit,
                                                            Error* error)
{
    const QString name = params.value(0).toUpper();
    if (name.isEmpty()) {
        *error = {QStringLiteral("NEED_MORE_PARAMS"),
                  {QStringLiteral("*")},
                  QStringLiteral("Missing parameters")};
        return std::nullopt;
    }
    const SubcommandName* found = nullptr;
    for (const SubcommandName& candidate : Subcommands) {
        if (name == QLatin1String(candidate.name))
            found = &candidate;
    }
    if (!found) {
        *error = {QStringLiteral("UNKNOWN_COMMAND"), {name}, QStringLiteral("Unknown command")};
        return std::nullopt;
    }
    if (params.size() < 1 + found->params) {
        *error = {QStringLiteral("NEED_MORE_PARAMS"), {name}, QStringLiteral("Missing parameters")};
        return std::nullopt;
    }
    ChatHistoryRequest request;
    request.m_subcommand = found->subcommand;
    request.m_subcommandName = name;

    const QString& limitText = params.at(found->params);
    bool ok = false;
    const int limit = limitText.toInt(&ok);
    if (!ok || limit < 1 || limitText.startsWith(u'+')) {
        *error = invalid(name, limitText, QStringLiteral("The limit must be a positive number"));
        return std::nullopt;
    }
    request.m_limit = std::min(limit, maxLimit);

    const bool targets = found->subcommand == Subcommand::Targets;
    int next = 1;
    if (!targets) {
        request.m_target = params.at(next++);
        if (request.m_target.isEmpty() || request.m_target.contains(u' ') ||
            request.m_target.contains(u',')) {
            *error = {QStringLiteral("INVALID_TARGET"),
                      {name, request.m_target},
                      QStringLiteral("Messages could not be retrieved")};
            return std::nullopt;
        }
    }
    const bool twoBounds = targets || found->subcommand == Subcommand::Between;
    const QString& firstText = params.at(next++);
    const std::optional<HistoryQuery::Bound> first =
        parseBound(firstText, found->subcommand == Subcommand::Latest, targets);
    if (!first) {
        *error = invalid(name, firstText,
                         targets ? QStringLiteral("Expected timestamp=YYYY-MM-DDThh:mm:ss.sssZ")
                                 : QStringLiteral("Expected msgid=... or timestamp=..."));
        return std::nullopt;
    }
    request.m_first = *first;
    if (twoBounds) {
        const QString& secondText = params.at(next);
        const std::optional<HistoryQuery::Bound> second = parseBound(secondText, false, targets);
        if (!second) {
            *error = invalid(name, secondText,
                             targets ? QStringLiteral("Expected timestamp=YYYY-MM-DDThh:mm:ss.sssZ")
                                     : QStringLiteral("Expected msgid=... or timestamp=..."));
            return std::nullopt;
        }
        request.m_second = *second;
    }
    return request;
}

HistoryQuery ChatHistoryRequest::query() const
{
    HistoryQuery query;
    switch (m_subcommand) {
    case Subcommand::Latest:
        query.direction = HistoryQuery::Direction::Latest;
        break;
    case Subcommand::Before:
        query.direction = HistoryQuery::Direction::Before;
        break;
    case Subcommand::After:
        query.direction = HistoryQuery::Direction::After;
        break;
    case Subcommand::Around:
        query.direction = HistoryQuery::Direction::Around;
        break;
    case Subcommand::Between:
    case Subcommand::Targets:
        query.direction = HistoryQuery::Direction::Between;
        break;
    }
    query.first = m_first;
    query.second = m_second;
    query.limit = m_limit;
    return query;
}
