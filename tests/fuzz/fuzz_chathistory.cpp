// libFuzzer target for ChatHistoryRequest, the parser of CHATHISTORY's parameters. The first
// byte is the server's maximum limit (1 + its value); the rest, split on spaces, is the
// parameter list (subcommand first), decoded as UTF-8 as IrcMessage::parse would. Besides
// ASan/UBSan it checks the parser's promises:
//   - a refusal has one of the four codes, a context that starts with the upper-cased
//     subcommand (or "*"), and a description;
//   - an accepted request has a known subcommand, 1 <= limit <= maximum, a target without space
//     or comma (none for TARGETS), the selectors its subcommand allows (a msgid of 1 to 64
//     characters, a timestamp that survives formatting and parsing again), and the store query
//     of the same direction, bounds and limit;
//   - every timestamp parseTimestamp accepts prints back to a form it accepts as the same time.
#include "history/chathistoryrequest.h"

#include <QDateTime>
#include <QStringList>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        abort();
}

QString format(qint64 timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

void checkTimestamp(const QString& text)
{
    const std::optional<qint64> time = ChatHistoryRequest::parseTimestamp(text);
    if (!time)
        return;
    check(text.size() <= 24 && text.endsWith(u'Z'));
    const std::optional<qint64> again = ChatHistoryRequest::parseTimestamp(format(*time));
    check(again && *again == *time);
}

void checkBound(const HistoryQuery::Bound& bound, bool noneAllowed, bool msgidAllowed)
{
    using Type = HistoryQuery::Bound::Type;
    switch (bound.type) {
    case Type::None: check(noneAllowed); break;
    case Type::MsgId:
        check(msgidAllowed);
        check(!bound.msgid.isEmpty() && bound.msgid.size() <= ChatHistoryRequest::MaxMsgIdLength);
        break;
    case Type::Timestamp: {
        check(bound.msgid.isEmpty());
        const std::optional<qint64> again = ChatHistoryRequest::parseTimestamp(format(bound.timeMs));
        check(again && *again == bound.timeMs);
        break;
    }
    }
}

void checkError(const QStringList& params, const ChatHistoryRequest::Error& error)
{
    static const QStringList codes = {QStringLiteral("UNKNOWN_COMMAND"),
                                      QStringLiteral("NEED_MORE_PARAMS"),
                                      QStringLiteral("INVALID_PARAMS"),
                                      QStringLiteral("INVALID_TARGET")};
    check(codes.contains(error.code));
    check(!error.context.isEmpty() && !error.description.isEmpty());
    const QString name = params.value(0).toUpper();
    check(error.context.first() == (name.isEmpty() ? QStringLiteral("*") : name));
    if (error.code == QLatin1String("INVALID_PARAMS") ||
        error.code == QLatin1String("INVALID_TARGET")) {
        check(error.context.size() == 2 && params.contains(error.context.at(1)));
    }
}

void checkRequest(const QStringList& params, int maxLimit, const ChatHistoryRequest& request)
{
    using Subcommand = ChatHistoryRequest::Subcommand;
    using Direction = HistoryQuery::Direction;
    check(request.subcommandName() == params.at(0).toUpper());
    check(request.limit() >= 1 && request.limit() <= maxLimit);

    const Subcommand subcommand = request.subcommand();
    const bool targets = subcommand == Subcommand::Targets;
    Direction direction = Direction::Between;
    switch (subcommand) {
    case Subcommand::Latest: direction = Direction::Latest; break;
    case Subcommand::Before: direction = Direction::Before; break;
    case Subcommand::After: direction = Direction::After; break;
    case Subcommand::Around: direction = Direction::Around; break;
    case Subcommand::Between:
    case Subcommand::Targets: direction = Direction::Between; break;
    }
    static const char* const names[] = {"LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN",
                                        "TARGETS"};
    check(request.subcommandName() == QLatin1String(names[int(subcommand)]));
    if (targets) {
        check(request.target().isEmpty());
    } else {
        check(!request.target().isEmpty());
        check(!request.target().contains(u' ') && !request.target().contains(u','));
    }
    const bool twoBounds = targets || subcommand == Subcommand::Between;
    checkBound(request.first(), subcommand == Subcommand::Latest, !targets);
    if (twoBounds) {
        checkBound(request.second(), false, !targets);
        check(request.second().type != HistoryQuery::Bound::Type::None);
    } else {
        check(request.second().type == HistoryQuery::Bound::Type::None);
    }

    const HistoryQuery query = request.query();
    check(query.direction == direction);
    check(query.limit == request.limit());
    check(query.first.type == request.first().type && query.first.msgid == request.first().msgid &&
          query.first.timeMs == request.first().timeMs);
    check(query.second.type == request.second().type &&
          query.second.msgid == request.second().msgid &&
          query.second.timeMs == request.second().timeMs);
    check(query.owner.isEmpty() && query.target.isEmpty() && !query.includeEvents);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const int maxLimit = 1 + data[0];
    const QByteArray rest(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    QStringList params;
    if (!rest.isEmpty()) {
        for (const QByteArray& part : rest.split(' '))
            params.append(QString::fromUtf8(part));
    }

    ChatHistoryRequest::Error error;
    const std::optional<ChatHistoryRequest> request =
        ChatHistoryRequest::parse(params, maxLimit, &error);
    if (request)
        checkRequest(params, maxLimit, *request);
    else
        checkError(params, error);

    // The same parameters, the same answer.
    ChatHistoryRequest::Error again;
    const std::optional<ChatHistoryRequest> second =
        ChatHistoryRequest::parse(params, maxLimit, &again);
    check(second.has_value() == request.has_value());
    if (!second)
        check(again.code == error.code && again.context == error.context);

    for (const QString& param : params) {
        checkTimestamp(param);
        if (param.startsWith(QLatin1String("timestamp=")))
            checkTimestamp(param.mid(10));
    }
    return 0;
}
