#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

struct WhoisInfo;

// Every line of text the session shows the user in a conversation: what happened on the network
// ("bob joined", "alice is now known as al") and the answers to typed commands. All of it is
// tr() in this one context, so translators find it in one place and views stay free of wording.
class EventFormatter
{
    Q_DECLARE_TR_FUNCTIONS(EventFormatter)

public:
    // The connection
    static QString connectedAgain();
    static QString disconnected(bool reconnecting);

    // Rooms and people
    // A person as shown in system lines: "小明 (xiaoming)" with a display name, else the nick.
    static QString person(const QString& nick, const QString& displayName);
    static QString youJoined(const QString& room);
    static QString youLeft(const QString& room, const QString& reason);
    static QString joined(const QString& nick);
    static QString left(const QString& nick, const QString& reason);
    static QString kicked(const QString& nick, const QString& room, const QString& by,
                          const QString& reason);
    // reason as the server sent it ("Quit: bye"); the user's own words are shown as typed.
    static QString quit(const QString& nick, const QString& reason);
    static QString nickChanged(const QString& oldNick, const QString& newNick, bool own);
    static QString ownAway(bool away);
    static QString away(const QString& nick, bool away, const QString& message);
    // Why a message to target was not delivered (401, 403, 404), in the user's language.
    static QString notDelivered(const QString& target, int code);
    // A message to someone offline is kept by the server for when they log in again.
    static QString deliveredWhenBack(const QString& nick);
    // Why a command about target failed (401, 403, 404 not caused by a message).
    static QString unavailable(const QString& target, int code, const QString& reason);
    static QString topicChanged(const QString& setBy, const QString& topic);
    static QString topic(const QString& topic);
    static QString topicOf(const QString& room, const QString& topic);
    static QString nameRejected(const QString& nick, bool taken, const QString& reason);

    // Answers to what the user typed
    static QString nobodyWroteYet();
    static QString noConversation();
    static QString invalidName(const QString& nick);
    static QString invalidRoom(const QString& room);
    static QString partUsage();
    static QString topicUsage();
    static QString notConnected();
    static QString displayNameNextTime();
    // /whois: one line per thing the server told.
    static QStringList whois(const WhoisInfo& info);
    // How long, in the largest whole unit: "5 minutes".
    static QString duration(qint64 secs);
    // /help: each command as typed, with what it does.
    static QList<std::pair<QString, QString>> commandHelp();
    static QString missingArgument(const QString& command);
    static QString unknownCommand(const QString& command);
};
