#pragma once

#include <QObject>
#include <QString>

class ServerConnection;

// Takes the user's name back once it is free. A reconnection registers under a variant
// ("ann_") when the server still holds the name (ServerConnection::nameHeldElsewhere): the
// old connection has not timed out yet, or, on a cluster, the node that died still has its
// lease; and so does a sign-in when another device holds the account's name on a server that
// does not give the devices of an account one name (confabd does: its welcome has the name). Where
// the server has MONITOR, the name is watched (MONITOR +) and taken back (NICK) as soon as the
// server says it is offline (731). Nothing happens for a name the user chose in the login, or when
// the user picks another name meanwhile (ServerConnection::desiredNick() follows the names the user
// gets). Without MONITOR the variant stays: polling with NICK would show the user a refusal each
// time.
class NickRegainer : public QObject
{
    Q_OBJECT

public:
    explicit NickRegainer(ServerConnection* connection);

private:
    void watch();
    void onOffline(const QStringList& nicks);
    bool same(const QString& a, const QString& b) const;

    ServerConnection* m_connection;
    QString m_wanted; // refused at this connection's registration
    bool m_watching = false;
};
