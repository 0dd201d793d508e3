#include "commands/infocommands.h"

#include "commands/listrequest.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "files/filehost.h"
#include "irclimits.h"
#include "net/clientconnection.h"
#include "state/serveruser.h"

#include <QDateTime>

namespace InfoCommands {

namespace {

constexpr int TokensPerLine = 12; // ISUPPORT tokens per 005 line
// Modes with a parameter in one MODE: every parameter after the target and the mode string
// (a line has at most Limits::MaxParams).
constexpr int MaxModesPerCommand = Limits::MaxParams - 2;

QString number(qint64 n)
{
    return QString::number(n);
}

void onLusers(CommandContext& context)
{
    sendLusers(context.core(), context.user());
}

void onMotd(CommandContext& context)
{
    sendMotd(context.core(), context.user());
}

void onVersion(CommandContext& context)
{
    context.reply(IrcReply::version(versionString(), context.config().serverName,
                                    QStringLiteral("Confab IRC server")));
    sendIsupport(context.core(), context.user());
}

// INFO (RFC 2812 3.4.10): about the server, for everyone.
void onInfo(CommandContext& context)
{
    const QString started =
        QDateTime::fromSecsSinceEpoch(context.core().startedSecs(), Qt::UTC)
            .toString(Qt::ISODate);
    const QStringList lines{
        QStringLiteral("%1 (%2): a small IRC server for a local network")
            .arg(versionString(), context.config().serverName),
        QStringLiteral("Built with Qt %1, running on Qt %2").arg(QStringLiteral(QT_VERSION_STR),
                                                                 QString::fromLatin1(qVersion())),
        QStringLiteral("Running since %1").arg(started),
        QStringLiteral("Protocol notes: docs/PROTOCOL.md in the source tree"),
    };
    for (const QString& line : lines)
        context.reply(IrcReply::info(line));
    context.reply(IrcReply::endOfInfo());
}

void onTime(CommandContext& context)
{
    context.reply(IrcReply::time(context.config().serverName,
                                 QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date)));
}

} // namespace

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("LUSERS"), onLusers, 0, Access::Registered);
    table.add(QStringLiteral("MOTD"), onMotd, 0, Access::Registered);
    table.add(QStringLiteral("VERSION"), onVersion, 0, Access::Registered);
    table.add(QStringLiteral("TIME"), onTime, 0, Access::Registered);
    table.add(QStringLiteral("INFO"), onInfo, 0, Access::Registered);
}

QString versionString()
{
    return QStringLiteral("confab-" CONFAB_VERSION);
}

void sendWelcome(ServerCore& core, ServerUser* user)
{
    const ServerConfig& config = core.config();
    core.reply(user, IrcReply::welcome(config.networkName, user->source()));
    core.reply(user, IrcReply::yourHost(config.serverName, versionString()));
    core.reply(user, IrcReply::created(core.createdText()));
    core.reply(user, IrcReply::myInfo(config.serverName, versionString(), QStringLiteral("Biow"),
                                      QStringLiteral("biklmnostv"), QStringLiteral("bklov")));
    sendIsupport(core, user);
    sendLusers(core, user);
    sendMotd(core, user);
}

void sendIsupport(ServerCore& core, ServerUser* user)
{
    QStringList tokens = isupportTokens(core);
    // The file host's URL names the address this client reached, so it differs per client.
    if (const FileHost* files = core.fileHost()) {
        tokens.append(QStringLiteral("soju.im/FILEHOST=") +
                      files->uploadUrl(user->connection()->localAddress()));
    }
    for (int i = 0; i < tokens.size(); i += TokensPerLine)
        core.reply(user, IrcReply::isupport(tokens.mid(i, TokensPerLine)));
}

void sendLusers(ServerCore& core, ServerUser* user)
{
    const UserRegistry& users = core.users();
    const int registered = users.registeredCount();
    const int invisible = users.invisibleCount(); // kept current: no walk over every user
    const int unknown = users.connectionCount() - registered;
    core.reply(user, IrcReply::luserClient(registered - invisible, invisible, 1));
    core.reply(user, IrcReply::luserOp(int(users.operators().size())));
    if (unknown > 0)
        core.reply(user, IrcReply::luserUnknown(unknown));
    core.reply(user, IrcReply::luserChannels(core.channelCount()));
    core.reply(user, IrcReply::luserMe(registered, 0));
    core.reply(user, IrcReply::localUsers(registered, users.maxRegisteredCount()));
    core.reply(user, IrcReply::globalUsers(registered, users.maxRegisteredCount()));
}

void sendMotd(ServerCore& core, ServerUser* user)
{
    const Motd& motd = core.motd();
    if (!motd.isSet()) {
        core.reply(user, IrcReply::noMotd());
        return;
    }
    core.reply(user, IrcReply::motdStart(core.config().serverName));
    for (const QString& line : motd.lines())
        core.reply(user, IrcReply::motd(line));
    core.reply(user, IrcReply::endOfMotd());
}

QStringList isupportTokens(const ServerCore& core)
{
    const ServerConfig& config = core.config();
    QStringList tokens{
        QStringLiteral("AWAYLEN=") + number(config.awayLength),
        QStringLiteral("BOT=B"),
        QStringLiteral("CASEMAPPING=") + core.caseMapping().name(),
        QStringLiteral("CHANLIMIT=#&:") + number(config.maxChannelsPerUser),
        QStringLiteral("CHANMODES=b,k,l,Himnst"),
        QStringLiteral("CHANNELLEN=") + number(config.channelLength),
        QStringLiteral("CHANTYPES=#&"),
        QStringLiteral("ELIST=") + QLatin1String(ListRequest::Extensions),
        QStringLiteral("KICKLEN=") + number(config.kickLength),
        QStringLiteral("LINELEN=") + number(Limits::MaxLineBytes),
        QStringLiteral("MAXTARGETS=") + number(config.maxTargets),
        QStringLiteral("MODES=") + number(MaxModesPerCommand),
        QStringLiteral("MONITOR=") + number(config.monitorLimit),
        QStringLiteral("NETWORK=") + config.networkName,
        QStringLiteral("NICKLEN=") + number(config.nickLength),
        QStringLiteral("PREFIX=(ov)@+"),
        QStringLiteral("SAFELIST"),
        QStringLiteral("STATUSMSG=@+"),
        QStringLiteral("TARGMAX=PRIVMSG:%1,NOTICE:%1,TAGMSG:%1,JOIN:,PART:,KICK:%1,NAMES:,"
                       "WHOIS:1,LIST:")
            .arg(config.maxTargets),
        QStringLiteral("TOPICLEN=") + number(config.topicLength),
        QStringLiteral("USERLEN=") + number(Limits::UserLength),
        QStringLiteral("UTF8ONLY"),
        QStringLiteral("WHOX"),
    };
    if (core.history()) {
        tokens.append(QStringLiteral("CHATHISTORY=") + number(config.historyQueryLimit));
        tokens.append(QStringLiteral("MSGREFTYPES=timestamp,msgid"));
    }
    tokens.sort();
    return tokens;
}

} // namespace InfoCommands
