#include "net/listener.h"

#include "net/iothreadpool.h"
#include "net/plainsocket.h"
#include "net/tlscontext.h"
#include "net/tlssocket.h"
#include "serverlogging.h"

#include <QSslSocket>

#include <unistd.h>

Listener::Listener(Kind kind, const TlsContext* tlsContext, IoThreadPool* ioThreads,
                   QObject* parent)
    : QTcpServer(parent), m_kind(kind), m_tlsContext(tlsContext), m_ioThreads(ioThreads)
{
    Q_ASSERT(kind == Kind::Plain || tlsContext);
}

Listener::~Listener() = default;

std::unique_ptr<SessionSocket> Listener::nextConnection()
{
    if (m_accepted.empty())
        return nullptr;
    std::unique_ptr<SessionSocket> socket = std::move(m_accepted.front());
    m_accepted.pop_front();
    return socket;
}

void Listener::incomingConnection(qintptr socketDescriptor)
{
    if (m_kind == Kind::Plain) {
        if (m_ioThreads)
            m_accepted.push_back(m_ioThreads->adopt(int(socketDescriptor)));
        else
            m_accepted.push_back(std::make_unique<PlainSocket>(int(socketDescriptor)));
        emit connectionAccepted();
        return;
    }
    auto sslSocket = std::make_unique<QSslSocket>();
    sslSocket->setSslConfiguration(m_tlsContext->configuration());
    if (!sslSocket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer).noquote()
            << "cannot take an accepted connection:" << sslSocket->errorString();
        ::close(int(socketDescriptor));
        return;
    }
    m_accepted.push_back(std::make_unique<TlsSocket>(sslSocket.release()));
    emit connectionAccepted();
}
