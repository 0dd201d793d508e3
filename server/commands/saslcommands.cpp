#include "commands/saslcommands.h"

#include "auth/authservice.h"
#include "commands/accountcommands.h"
#include "commands/registrationcommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

#include <QTimer>

namespace SaslCommands {

namespace {

using Conversation = SaslConversations::Conversation;

// A response of at most this many bytes (after base64) is accepted.
constexpr int MaxResponseBase64 = (ServerDefaults::MaxSaslResponseBytes + 2) / 3 * 4;

// Sends data as AUTHENTICATE chunks: base64, 400 bytes each, "+" after an exact multiple of
// 400 and for nothing at all.
void sendChallenge(ServerCore& core, ServerUser* user, const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += ChunkBytes)
        core.sendFromServer(
            user, IrcCommand::authenticate(QString::fromLatin1(encoded.mid(i, ChunkBytes))));
    if (encoded.size() % ChunkBytes == 0)
        core.sendFromServer(user, IrcCommand::authenticate(QStringLiteral("+")));
}

void succeed(ServerCore& core, ServerUser* user, const QString& account)
{
    core.saslConversations().end(user->id());
    AccountCommands::logIn(core, user, account);
    core.reply(user, IrcReply::saslSuccess());
    // A client that ended capability negotiation without waiting for this answer had its
    // registration held for the account's name (433): the login settles it.
    if (!user->isRegistered())
        RegistrationCommands::tryComplete(core, user); // may end with user gone
}

// A failure is told after a delay, during which the conversation stays busy: guessing
// passwords over one connection is slow too.
void failLater(ServerCore& core, ServerUser* user, bool throttled)
{
    Conversation* conversation = core.saslConversations().find(user->id());
    if (conversation)
        conversation->busy = true;
    const UserId id = user->id();
    const quint64 exchange = conversation ? conversation->exchangeId : 0;
    ServerCore* corePointer = &core;
    QTimer::singleShot(
        core.config().loginFailureDelayMs, &core, [corePointer, id, exchange, throttled] {
            ServerUser* user = corePointer->users().findById(id);
            Conversation* conversation = corePointer->saslConversations().find(id);
            if (!user || !conversation || conversation->exchangeId != exchange)
                return;
            corePointer->saslConversations().end(id);
            corePointer->reply(user, throttled ? IrcReply::saslThrottled() : IrcReply::saslFail());
        });
}

void onStepResult(ServerCore& core, UserId id, quint64 exchange, const SaslExchangeResult& result)
{
    ServerUser* user = core.users().findById(id);
    Conversation* conversation = core.saslConversations().find(id);
    if (!user || !conversation || conversation->exchangeId != exchange)
        return; // gone, aborted or replaced meanwhile
    conversation->busy = false;
    switch (result.status) {
    case SaslExchangeResult::Status::NeedsMore:
        sendChallenge(core, user, result.output);
        return;
    case SaslExchangeResult::Status::Success:
        if (result.output.isEmpty()) {
            succeed(core, user, result.account);
        } else {
            // SCRAM's server-final message: the client checks it and answers "+".
            conversation->finishedAccount = result.account;
            sendChallenge(core, user, result.output);
        }
        return;
    case SaslExchangeResult::Status::Failure:
        // The worker has finished the exchange already.
        conversation->exchangeId = 0;
        failLater(core, user, result.failure == SaslExchangeResult::Failure::Throttled);
        return;
    }
}

void startConversation(CommandContext& context, const QString& requested)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    const QString mechanism = requested.toUpper();
    const QStringList offered = mechanisms(core, user);
    if (!offered.contains(mechanism)) {
        context.reply(IrcReply::saslMechanisms(offered));
        context.reply(IrcReply::saslFail());
        return;
    }
    Conversation& conversation = core.saslConversations().begin(user->id(), mechanism);
    SaslPeer peer;
    peer.address = user->address();
    peer.certificateFingerprint = user->certificateFingerprint();
    core.auth()->startExchange(conversation.exchangeId, mechanism, peer);
    // Every mechanism offered is client-first: an empty challenge asks for the response.
    core.sendFromServer(user, IrcCommand::authenticate(QStringLiteral("+")));
}

void onAuthenticate(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    const QString data = context.param(0);
    if (!core.auth() || !user->hasCap(ClientCap::Sasl)) {
        context.reply(IrcReply::saslFail());
        return;
    }
    Conversation* conversation = core.saslConversations().find(user->id());
    if (data == QLatin1String("*")) {
        if (conversation)
            core.endSaslExchange(user);
        context.reply(IrcReply::saslAborted());
        return;
    }
    if (!conversation) {
        if (user->isLoggedIn())
            context.reply(IrcReply::saslAlready()); // changing accounts is not supported
        else
            startConversation(context, data);
        return;
    }
    if (conversation->busy) {
        // A response before the last one was answered: not how SASL goes.
        core.endSaslExchange(user);
        context.reply(IrcReply::saslFail());
        return;
    }
    if (data.size() > ChunkBytes) {
        core.endSaslExchange(user);
        context.reply(IrcReply::saslTooLong());
        return;
    }
    if (data != QLatin1String("+"))
        conversation->base64 += data.toLatin1();
    if (conversation->base64.size() > MaxResponseBase64) {
        core.endSaslExchange(user);
        context.reply(IrcReply::saslTooLong());
        return;
    }
    if (data.size() == ChunkBytes)
        return; // more chunks follow
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        conversation->base64, QByteArray::AbortOnBase64DecodingErrors);
    conversation->base64.clear();
    if (!decoded) {
        core.endSaslExchange(user);
        context.reply(IrcReply::saslFail());
        return;
    }
    if (!conversation->finishedAccount.isEmpty()) {
        // The answer to the server's final message: nothing, then success.
        const QString account = conversation->finishedAccount;
        if (decoded.decoded.isEmpty()) {
            succeed(core, user, account);
        } else {
            core.endSaslExchange(user);
            context.reply(IrcReply::saslFail());
        }
        return;
    }
    conversation->busy = true;
    const UserId id = user->id();
    const quint64 exchange = conversation->exchangeId;
    ServerCore* corePointer = &core;
    core.auth()->step(exchange, decoded.decoded, &core,
                      [corePointer, id, exchange](const SaslExchangeResult& result) {
                          onStepResult(*corePointer, id, exchange, result);
                      });
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(QStringLiteral("AUTHENTICATE"), onAuthenticate, 1,
              CommandTable::Access::BeforeRegistration);
}

QStringList mechanisms(const ServerCore& core, const ServerUser* user)
{
    QStringList result{QStringLiteral("SCRAM-SHA-256")};
    if (core.passwordsAllowed(user))
        result.append(QStringLiteral("PLAIN"));
    if (user->isSecure())
        result.append(QStringLiteral("EXTERNAL"));
    return result;
}

void abortForRegistration(ServerCore& core, ServerUser* user)
{
    if (!core.saslConversations().find(user->id()))
        return;
    core.endSaslExchange(user);
    core.reply(user, IrcReply::saslAborted());
}

} // namespace SaslCommands
