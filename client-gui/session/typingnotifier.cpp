#include "session/typingnotifier.h"

#include "irccommand.h"
#include "session/serverconnection.h"

#include <QTimer>

TypingNotifier::TypingNotifier(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_pauseTimer(new QTimer(this))
{
    m_pauseTimer->setSingleShot(true);
    m_pauseTimer->setInterval(PauseAfterMs);
    connect(m_pauseTimer, &QTimer::timeout, this, &TypingNotifier::onPauseTimeout);
    connect(connection, &ServerConnection::stateChanged, this, [this] {
        m_state.clear(); // a new connection: nobody is told anything any more
        m_pauseTimer->stop();
    });
}

void TypingNotifier::setPauseDelay(int ms)
{
    m_pauseTimer->setInterval(ms);
}

bool TypingNotifier::isEnabled() const
{
    return m_connection->isRegistered() &&
           m_connection->hasCapability(QStringLiteral("message-tags"));
}

bool TypingNotifier::send(const QString& state)
{
    if (m_target.isEmpty() || !isEnabled() || (m_canHear && !m_canHear(m_target)))
        return false;
    m_connection->sendRaw(IrcCommand::typing(m_target, state));
    return true;
}

void TypingNotifier::textEdited(const QString& target, const QString& text)
{
    setTarget(target);
    // A command is not a message being typed.
    if (text.trimmed().isEmpty() || text.startsWith(QLatin1Char('/'))) {
        if (!m_state.isEmpty())
            send(QStringLiteral("done"));
        m_state.clear();
        m_pauseTimer->stop();
        return;
    }
    // At most one "active" per interval, whatever happened in between (paused, sent).
    if ((!m_sinceActive.isValid() || m_sinceActive.elapsed() >= ActiveIntervalMs) &&
        send(QStringLiteral("active")))
        m_sinceActive.start();
    m_state = QStringLiteral("active");
    m_pauseTimer->start();
}

void TypingNotifier::setTarget(const QString& target)
{
    if (m_connection->caseMapping().equals(target, m_target))
        return;
    if (!m_state.isEmpty())
        send(QStringLiteral("done"));
    m_state.clear();
    m_pauseTimer->stop();
    m_sinceActive.invalidate(); // the rate is per conversation
    m_target = target;
}

void TypingNotifier::submitted()
{
    m_state.clear();
    m_pauseTimer->stop();
}

void TypingNotifier::onPauseTimeout()
{
    if (m_state != QLatin1String("active"))
        return;
    send(QStringLiteral("paused"));
    m_state = QStringLiteral("paused");
}
