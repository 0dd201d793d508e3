#include "session/chathost.h"

void ChatHost::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Stopped) {
        m_chat = {};
        setConnectionCount(0);
    }
    emit stateChanged(state);
}

void ChatHost::setConnectionCount(int count)
{
    if (count == m_connectionCount)
        return;
    m_connectionCount = count;
    emit connectionCountChanged(count);
}
