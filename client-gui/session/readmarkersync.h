#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>

class QTimer;
class ServerConnection;

// Read markers shared by every device of an account (IRCv3 draft/read-marker). What the user
// has read is told to the server with MARKREAD, shortly after (once per conversation for a burst
// of reading) and only when it moves forward; markers the server tells (another device read)
// arrive as ServerConnection::readMarkerReceived for the conversations to apply. Sends nothing
// on a server without draft/read-marker.
class ReadMarkerSync : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultDelayMs = 500;

    explicit ReadMarkerSync(ServerConnection* connection, QObject* parent = nullptr);

    void setDelay(int ms);
    // The newest marker the server told or was told for target; invalid if none.
    QDateTime marker(const QString& target) const;

public slots:
    // The user has read target up to time (the server time of its newest line).
    void markRead(const QString& target, const QDateTime& time);
    // Sends what waits now, without the delay (before quitting; tests).
    void sendPending();

private:
    void onReadMarker(const QString& target, const QDateTime& time);

    struct Marker
    {
        QString target; // as the conversation spells it
        QDateTime time;
    };

    ServerConnection* m_connection;
    QTimer* m_timer;
    QHash<QString, Marker> m_known;   // by folded target
    QHash<QString, Marker> m_pending; // by folded target: to send
};
