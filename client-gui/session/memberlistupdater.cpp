#include "session/memberlistupdater.h"

#include "models/memberlistmodel.h"
#include "session/serverconnection.h"

#include <utility>

MemberListUpdater::MemberListUpdater(ServerConnection* connection, MemberListModel* model,
                                     DisplayNameOf displayNameOf, QObject* parent)
    : QObject(parent), m_connection(connection), m_model(model),
      m_displayNameOf(std::move(displayNameOf))
{
    ServerConnection* c = connection;
    const auto update = [this] { refresh(); };
    connect(c, &ServerConnection::roomJoined, this, update);
    connect(c, &ServerConnection::roomLeft, this, update);
    connect(c, &ServerConnection::userJoined, this, update);
    connect(c, &ServerConnection::userLeft, this, update);
    connect(c, &ServerConnection::userKicked, this, update);
    connect(c, &ServerConnection::namesReceived, this, update);
    connect(c, &ServerConnection::roomModeChanged, this, update);
    connect(c, &ServerConnection::userQuit, this, [this](const QString& nick) {
        m_away.remove(fold(nick));
        m_names.remove(fold(nick));
        refresh();
    });
    connect(c, &ServerConnection::nickChanged, this,
            [this](const QString& oldNick, const QString& newNick) {
                if (m_away.contains(fold(oldNick)))
                    m_away.insert(fold(newNick), m_away.take(fold(oldNick)));
                if (m_names.contains(fold(oldNick)))
                    m_names.insert(fold(newNick), m_names.take(fold(oldNick)));
                refresh();
            });
    connect(c, &ServerConnection::realNameChanged, this, [this](const QString& nick) {
        const QString name = m_displayNameOf(nick);
        if (name.isEmpty())
            m_names.remove(fold(nick));
        else
            m_names.insert(fold(nick), name);
        refresh();
    });
    connect(c, &ServerConnection::membersCleared, this, [this] {
        m_away.clear();
        m_names.clear();
        refresh();
    });
}

QString MemberListUpdater::fold(const QString& nick) const
{
    return m_connection->fold(nick);
}

void MemberListUpdater::setRoom(const QString& room)
{
    m_room = room;
    refresh();
}

void MemberListUpdater::setAway(const QString& nick, bool away, const QString& message)
{
    if (away)
        m_away.insert(fold(nick), message);
    else
        m_away.remove(fold(nick));
    refresh();
}

void MemberListUpdater::refresh()
{
    m_model->setCaseMapping(m_connection->caseMapping());
    m_model->setPrefixSymbols(m_connection->serverSupport().prefixSymbols());
    QList<MemberListModel::Member> members;
    if (!m_room.isEmpty()) {
        for (const RoomMember& member : m_connection->network().memberList(m_room)) {
            MemberListModel::Member row;
            row.nick = member.nick;
            row.prefixes = member.prefixes;
            const auto away = m_away.constFind(fold(member.nick));
            row.away = away != m_away.cend() ||
                       (m_connection->isOwnNick(member.nick) && m_connection->isAway());
            row.awayMessage = away != m_away.cend() ? *away : QString();
            row.displayName = m_displayNameOf(member.nick);
            members.append(row);
        }
    }
    m_model->setMembers(m_room, members);
}
