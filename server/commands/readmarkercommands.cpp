#include "commands/readmarkercommands.h"

#include "commands/historycommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "history/chathistoryrequest.h"
#include "history/historyservice.h"
#include "irccommand.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QDateTime>

namespace ReadMarkerCommands {

namespace {

const QString Command = QStringLiteral("MARKREAD");

IrcMessage markerMessage(ServerCore& core, const QString& target, std::optional<qint64> timeMs)
{
    const QString value =
        timeMs ? QStringLiteral("timestamp=") +
                     IrcMessage::formatServerTime(QDateTime::fromMSecsSinceEpoch(*timeMs, Qt::UTC))
               : QStringLiteral("*");
    IrcMessage message = IrcCommand::markRead(target, value);
    message.setSource(core.config().serverName);
    return message;
}

void sendMarker(ServerCore& core, ServerUser* user, const QString& target,
                std::optional<qint64> timeMs)
{
    user->output()->send(markerMessage(core, target, timeMs));
}

void onMarkRead(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    HistoryService* history = core.history();
    if (!history) {
        context.reply(IrcReply::unknownCommand(Command));
        return;
    }
    const QString target = context.param(0);
    if (!user->isLoggedIn()) {
        core.sendFail(user, Command, QStringLiteral("ACCOUNT_REQUIRED"), {target},
                      QStringLiteral("Read markers are kept for accounts: log in first"));
        return;
    }
    const IrcValidation::Reason validity =
        IrcValidation::isChannelName(target)
            ? IrcValidation::checkChannel(target, context.config().channelLength)
            : IrcValidation::checkNick(target, context.config().nickLength);
    if (validity != IrcValidation::Reason::Valid) {
        core.sendFail(user, Command, QStringLiteral("INVALID_PARAMS"), {target},
                      QStringLiteral("Not a channel or a nickname"));
        return;
    }
    const QString owner = user->foldedAccount();
    const QString key = HistoryCommands::conversationKey(core, target);
    if (context.paramCount() < 2) {
        sendMarker(core, user, target, history->readMarker(owner, key));
        return;
    }
    const QString value = context.param(1);
    const std::optional<qint64> timeMs =
        value.startsWith(QLatin1String("timestamp="))
            ? ChatHistoryRequest::parseTimestamp(value.mid(10))
            : std::nullopt;
    if (!timeMs) {
        core.sendFail(user, Command, QStringLiteral("INVALID_PARAMS"), {target, value},
                      QStringLiteral("Expected timestamp=YYYY-MM-DDThh:mm:ss.sssZ"));
        return;
    }
    // The marker only moves forward; where it is now goes to every connection of the account
    // (each device updates its unread state).
    const IrcMessage marker =
        markerMessage(core, target, history->setReadMarker(owner, key, *timeMs));
    const ClientConnection* sender = user->connection();
    user->forEachSession([&](ClientConnection* session, int caps, ClientConnection* output) {
        if (session == sender || (caps & ClientCap::ReadMarker) != 0)
            output->send(marker);
    });
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(Command, onMarkRead, 1, CommandTable::Access::Registered);
}

void sendOnJoin(ServerCore& core, ServerUser* user, const ServerChannel* channel)
{
    HistoryService* history = core.history();
    if (!history || !user->isLoggedIn() || !user->hasCap(ClientCap::ReadMarker))
        return;
    sendMarker(core, user, channel->name(),
               history->readMarker(user->foldedAccount(), channel->foldedName()));
}

} // namespace ReadMarkerCommands
