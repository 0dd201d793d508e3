#include "commands/batchcommands.h"

#include "commands/messagingcommands.h"
#include "config/serverconfig.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "net/clientconnection.h"
#include "state/multilinebatch.h"
#include "state/serveruser.h"

namespace BatchCommands {

namespace {

const QString Batch = QStringLiteral("BATCH");
const QString MultilineType = QStringLiteral("draft/multiline");

void fail(ServerCore& core, ServerUser* user, const QString& code, const QStringList& context,
          const QString& description)
{
    core.sendFail(user, Batch, code, context, description);
}

void failInvalid(ServerCore& core, ServerUser* user, const QString& description)
{
    fail(core, user, QStringLiteral("MULTILINE_INVALID"), {}, description);
}

void open(CommandContext& context, const QString& reference)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    const QString type = context.param(1);
    if (type != MultilineType) {
        fail(core, user, QStringLiteral("UNKNOWN_TYPE"), {type},
             QStringLiteral("Only draft/multiline batches can be sent to this server"));
        return;
    }
    if (!user->hasCap(ClientCap::Multiline) || !user->hasCap(ClientCap::Batch)) {
        failInvalid(core, user,
                    QStringLiteral("Enable the draft/multiline and batch capabilities first"));
        return;
    }
    if (context.paramCount() < 3 || context.param(2).isEmpty()) {
        context.reply(IrcReply::needMoreParams(Batch));
        return;
    }
    ClientConnection* session = user->connection();
    if (core.openBatch(session)) {
        // Batches do not nest: both are dropped.
        core.closeBatch(session);
        failInvalid(core, user, QStringLiteral("A multiline batch is already open"));
        return;
    }
    const QString target = context.param(2);
    if (target.contains(u',')) {
        failInvalid(core, user, QStringLiteral("A multiline message has one target"));
        return;
    }
    QList<IrcTag> clientTags;
    for (const IrcTag& tag : context.message().tags()) {
        if (tag.key.startsWith(u'+'))
            clientTags.append(tag);
    }
    // The answer to the whole batch carries the opening line's label, when it closes.
    const QString label = context.deferResponse();
    core.setOpenBatch(session, MultilineBatch(reference, target, clientTags, label));
}

void close(CommandContext& context, const QString& reference)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    ClientConnection* session = user->connection();
    MultilineBatch* current = core.openBatch(session);
    if (!current || current->reference() != reference) {
        fail(core, user, QStringLiteral("INVALID_REFTAG"), {reference},
             QStringLiteral("No such batch is open"));
        return;
    }
    const MultilineBatch batch = *current;
    core.closeBatch(session);
    if (batch.hasFailed())
        return;
    if (!batch.hasText()) {
        failInvalid(core, user, QStringLiteral("A multiline message needs some text"));
        return;
    }
    // The lines were not counted one by one: the message costs its size in lines.
    const int bytesPerLine = ServerDefaults::MultilineFloodBytes;
    session->chargeFlood((batch.bytes() + bytesPerLine - 1) / bytesPerLine);
    core.answerLabeled(user, batch.label(), [&](LabeledResponse* response) {
        CommandContext answer(core, user, context.message(), response);
        MessagingCommands::relayMultiline(answer, batch);
    });
}

void onBatch(CommandContext& context)
{
    const QString reference = context.param(0);
    if (reference.size() < 2 || (!reference.startsWith(u'+') && !reference.startsWith(u'-'))) {
        fail(context.core(), context.user(), QStringLiteral("INVALID_REFTAG"), {reference},
             QStringLiteral("A batch reference starts with + or -"));
        return;
    }
    if (reference.startsWith(u'+'))
        open(context, reference.mid(1));
    else
        close(context, reference.mid(1));
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(Batch, onBatch, 1, CommandTable::Access::Registered);
}

void collect(ServerCore& core, ServerUser* user, const IrcMessage& line)
{
    const QString reference = line.tag(QStringLiteral("batch"));
    MultilineBatch* batch = core.openBatch(user->connection());
    if (!batch || batch->reference() != reference) {
        fail(core, user, QStringLiteral("INVALID_REFTAG"), {reference},
             QStringLiteral("No such batch is open"));
        return;
    }
    if (batch->hasFailed())
        return;
    const ServerConfig& config = core.config();
    const int maxBytes = config.multilineMaxBytes;
    const int maxLines = config.multilineMaxLines;
    switch (batch->add(line, core.caseMapping(), maxBytes, maxLines)) {
    case MultilineBatch::Error::None:
        return;
    case MultilineBatch::Error::MaxBytes:
        fail(core, user, QStringLiteral("MULTILINE_MAX_BYTES"), {QString::number(maxBytes)},
             QStringLiteral("Multiline batch max-bytes exceeded"));
        break;
    case MultilineBatch::Error::MaxLines:
        fail(core, user, QStringLiteral("MULTILINE_MAX_LINES"), {QString::number(maxLines)},
             QStringLiteral("Multiline batch max-lines exceeded"));
        break;
    case MultilineBatch::Error::InvalidTarget:
        fail(core, user, QStringLiteral("MULTILINE_INVALID_TARGET"),
             {batch->target(), line.param(0)}, QStringLiteral("Invalid multiline target"));
        break;
    case MultilineBatch::Error::Invalid:
        failInvalid(core, user,
                    QStringLiteral("A multiline batch holds PRIVMSG or NOTICE lines of one kind"));
        break;
    }
    batch->fail();
}

} // namespace BatchCommands
