#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <functional>
#include <utility>

class QTimer;
class ServerConnection;

// Tells the people of a conversation that the user is typing (IRCv3 +typing client tag, sent
// with TAGMSG, only when the server has message-tags): "active" at most once per
// ActiveIntervalMs while keys are pressed, "paused" after PauseAfterMs without a key, "done"
// when the line is emptied or another conversation is chosen. A sent message ends the typing
// by itself: receivers clear it on the message, so nothing more is sent.
class TypingNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int ActiveIntervalMs = 3000;
    static constexpr int PauseAfterMs = 5000;

    explicit TypingNotifier(ServerConnection* connection, QObject* parent = nullptr);

    void setPauseDelay(int ms);
    // Whether a target would hear it (a room we are in, someone online); without a check, all.
    // Telling nobody spares the server's "no such nick" answers.
    void setRecipientCheck(std::function<bool(const QString&)> check)
    {
        m_canHear = std::move(check);
    }
    QString state() const { return m_state; } // "active", "paused" or empty

public slots:
    // The user changed the input line while target (a room or a nick; empty: none) was shown.
    void textEdited(const QString& target, const QString& text);
    // Another conversation is shown: done for the one being typed in.
    void setTarget(const QString& target);
    // The line was sent (or taken as a command).
    void submitted();

private:
    bool isEnabled() const;
    bool send(const QString& state); // false: not sent (nobody would hear it)
    void onPauseTimeout();

    ServerConnection* m_connection;
    QTimer* m_pauseTimer;
    QElapsedTimer m_sinceActive; // since the last "active"
    QString m_target;
    QString m_state;
    std::function<bool(const QString&)> m_canHear;
};
