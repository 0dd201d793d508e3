#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What a WHOIS answer says about one person, gathered from its numerics (311 … 318). Each reply
// line fills some fields; merge() puts them together.
struct WhoisInfo
{
    QString nick;
    QString userName;
    QString host;
    QString realName;
    QString server;
    QStringList rooms; // with their prefixes ("@#ops")
    QString account;   // empty: not logged in
    QString awayMessage;
    qint64 idleSecs = -1; // -1: not told
    QDateTime signon;     // invalid: not told
    bool isAway = false;
    bool isOperator = false;
    bool isSecure = false;

    void merge(const WhoisInfo& part)
    {
        auto take = [](QString& mine, const QString& theirs) {
            if (!theirs.isEmpty())
                mine = theirs;
        };
        take(userName, part.userName);
        take(host, part.host);
        take(realName, part.realName);
        take(server, part.server);
        take(account, part.account);
        take(awayMessage, part.awayMessage);
        rooms += part.rooms;
        if (part.idleSecs >= 0)
            idleSecs = part.idleSecs;
        if (part.signon.isValid())
            signon = part.signon;
        isAway = isAway || part.isAway;
        isOperator = isOperator || part.isOperator;
        isSecure = isSecure || part.isSecure;
    }
};

Q_DECLARE_METATYPE(WhoisInfo)
