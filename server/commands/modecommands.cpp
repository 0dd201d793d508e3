#include "commands/modecommands.h"

#include "cluster/clusterbridge.h"
#include "commands/opercommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircmask.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace ModeCommands {

namespace {

constexpr int MaxKeyLength = 50; // channel keys (+k)

// The modes applied by one MODE command, as "+nt-k" with their arguments, for the relayed line.
class AppliedModes
{
public:
    void add(bool adding, QChar mode, const QString& arg = QString())
    {
        const QChar sign = adding ? u'+' : u'-';
        if (sign != m_sign)
            m_modes += sign;
        m_sign = sign;
        m_modes += mode;
        if (!arg.isNull())
            m_args.append(arg);
    }
    bool isEmpty() const { return m_modes.isEmpty(); }
    const QString& modes() const { return m_modes; }
    const QStringList& args() const { return m_args; }

private:
    QString m_modes;
    QChar m_sign;
    QStringList m_args;
};

// One MODE command on a channel: walks the mode characters, takes their arguments, checks the
// sender's rights once per change and records what changed.
class ChannelModeChange
{
public:
    ChannelModeChange(CommandContext& context, ServerChannel* channel)
        : m_context(context), m_channel(channel), m_op(channel->isOp(context.user()))
    {
    }

    void run()
    {
        const IrcMessage& message = m_context.message();
        for (QChar c : message.param(1)) {
            if (const std::optional<ServerChannel::Mode> mode = ServerChannel::flagMode(c)) {
                flag(c, *mode);
                continue;
            }
            switch (c.unicode()) {
            case '+':
            case '-':
                m_adding = c == u'+';
                break;
            case 'o':
            case 'v':
                prefix(c);
                break;
            case 'k':
                key(c);
                break;
            case 'l':
                limit(c);
                break;
            case 'b':
                ban(c);
                break;
            default:
                m_context.reply(IrcReply::unknownMode(c));
                break;
            }
        }
        if (m_applied.isEmpty())
            return;
        RelayLine line = m_context.accept(
            IrcCommand::mode(m_channel->name(), m_applied.modes(), m_applied.args()));
        m_context.router().toChannel(m_channel, line);
        if (ClusterBridge* cluster = m_context.core().cluster())
            cluster->channelEvent(line);
    }

private:
    bool hasArgument() const { return m_argIndex < m_context.paramCount(); }
    QString takeArgument() { return m_context.param(m_argIndex++); }

    bool allowed()
    {
        if (m_op)
            return true;
        if (!m_deniedSent)
            m_context.reply(IrcReply::chanOpPrivsNeeded(m_channel->name()));
        m_deniedSent = true;
        return false;
    }

    void flag(QChar c, ServerChannel::Mode mode)
    {
        if (allowed() && m_channel->setMode(mode, m_adding))
            m_applied.add(m_adding, c);
    }

    void prefix(QChar c)
    {
        if (!hasArgument())
            return;
        const QString nick = takeArgument();
        if (!allowed())
            return;
        ServerUser* target = m_context.userOrError(nick);
        if (!target)
            return;
        if (!m_channel->hasMember(target)) {
            m_context.reply(IrcReply::userNotInChannel(target->nick(), m_channel->name()));
            return;
        }
        const int bit = c == u'o' ? ServerChannel::Op : ServerChannel::Voice;
        if (((m_channel->flags(target) & bit) != 0) != m_adding) {
            m_channel->setFlag(target, bit, m_adding);
            m_applied.add(m_adding, c, target->nick());
        }
    }

    void key(QChar c)
    {
        if (!m_adding) {
            if (hasArgument())
                takeArgument();
            if (allowed() && !m_channel->key().isEmpty()) {
                m_channel->setKey(QString());
                m_applied.add(m_adding, c, QStringLiteral("*"));
            }
            return;
        }
        if (!hasArgument())
            return;
        const QString key = takeArgument();
        if (!allowed())
            return;
        if (key.isEmpty() || key.size() > MaxKeyLength || key.contains(u' ') ||
            key.contains(u',') || key.startsWith(u':')) {
            m_context.reply(IrcReply::invalidModeParam(m_channel->name(), c, QStringLiteral("*"),
                                                       QStringLiteral("Invalid key")));
            return;
        }
        if (m_channel->key() != key) {
            m_channel->setKey(key);
            m_applied.add(m_adding, c, key);
        }
    }

    void limit(QChar c)
    {
        if (!m_adding) {
            if (allowed() && m_channel->limit() > 0) {
                m_channel->setLimit(0);
                m_applied.add(m_adding, c);
            }
            return;
        }
        if (!hasArgument())
            return;
        const QString arg = takeArgument();
        if (!allowed())
            return;
        bool ok = false;
        const int limit = arg.toInt(&ok);
        if (!ok || limit <= 0) {
            m_context.reply(IrcReply::invalidModeParam(m_channel->name(), c, arg,
                                                       QStringLiteral("Invalid limit")));
            return;
        }
        if (m_channel->limit() != limit) {
            m_channel->setLimit(limit);
            m_applied.add(m_adding, c, QString::number(limit));
        }
    }

    void ban(QChar c)
    {
        if (!hasArgument()) {
            for (const QString& mask : m_channel->bans())
                m_context.reply(IrcReply::banList(m_channel->name(), mask));
            m_context.reply(IrcReply::endOfBanList(m_channel->name()));
            return;
        }
        const QString given = takeArgument();
        if (!allowed())
            return;
        if (given.isEmpty() || given.startsWith(u':') || given.contains(u' ')) {
            m_context.reply(IrcReply::invalidModeParam(m_channel->name(), c, QStringLiteral("*"),
                                                       QStringLiteral("Invalid mask")));
            return;
        }
        const QString mask = IrcMask::normalise(given);
        const IrcCaseMapping& caseMapping = m_context.core().caseMapping();
        const bool changed = m_adding ? m_channel->addBan(mask, caseMapping)
                                      : m_channel->removeBan(mask, caseMapping);
        if (changed)
            m_applied.add(m_adding, c, mask);
    }

    CommandContext& m_context;
    ServerChannel* m_channel;
    AppliedModes m_applied;
    int m_argIndex = 2;
    bool m_op;
    bool m_adding = true;
    bool m_deniedSent = false;
};

void channelMode(CommandContext& context, ServerChannel* channel)
{
    if (context.paramCount() < 2) {
        QStringList args;
        const QString modes = channel->modeString(channel->hasMember(context.user()), &args);
        context.reply(IrcReply::channelModeIs(channel->name(), modes, args));
        context.reply(IrcReply::creationTime(channel->name(), channel->createdSecs()));
        return;
    }
    ChannelModeChange(context, channel).run();
}

void userMode(CommandContext& context)
{
    ServerUser* user = context.user();
    const QString target = context.param(0);
    if (!context.userOrError(target))
        return;
    if (context.fold(target) != user->foldedNick()) {
        context.reply(IrcReply::usersDontMatch());
        return;
    }
    if (context.paramCount() < 2) {
        context.reply(IrcReply::userModeIs(user->modeString()));
        return;
    }
    bool adding = true;
    AppliedModes applied;
    bool unknown = false;
    for (QChar c : context.param(1)) {
        if (c == u'+' || c == u'-') {
            adding = c == u'+';
        } else if (c == u'i') {
            if (user->isInvisible() != adding) {
                context.users().setInvisible(user, adding);
                applied.add(adding, c);
            }
        } else if (c == u'o') {
            // Only OPER gives +o (a MODE +o is ignored, as RFC 2812 says); anyone may drop it.
            if (!adding && user->isOperator()) {
                OperCommands::deoper(context);
                applied.add(adding, c);
            }
        } else if (c == u'B') {
            if (user->isBot() != adding) {
                user->setBot(adding);
                applied.add(adding, c);
            }
        } else if (c == u'w') {
            if (user->isWallops() != adding) {
                user->setWallops(adding);
                applied.add(adding, c);
            }
        } else {
            unknown = true;
        }
    }
    if (unknown)
        context.reply(IrcReply::userModeUnknownFlag());
    if (!applied.isEmpty()) {
        IrcMessage mode = IrcCommand::mode(user->nick(), applied.modes());
        mode.setSource(user->source());
        user->output()->send(mode);
        if (ClusterBridge* cluster = context.core().cluster())
            cluster->userEvent(user, context.accept(mode)); // +i, +B and -o matter elsewhere
    }
}

void onMode(CommandContext& context)
{
    const QString target = context.param(0);
    if (!IrcValidation::isChannelName(target)) {
        userMode(context);
        return;
    }
    if (ServerChannel* channel = context.channelOrError(target))
        channelMode(context, channel);
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(QStringLiteral("MODE"), onMode, 1, CommandTable::Access::Registered);
}

} // namespace ModeCommands
