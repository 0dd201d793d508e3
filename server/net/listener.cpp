#include "net/listener.h"

#include "net/tlscontext.h"
#include "serverlogging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Listener::Listener(Kind kind, const TlsContext* tlsContext, QObject* parent)
    : QTcpServer(parent), m_kind(kind), m_tlsContext(tlsContext)
{
    Q_ASSERT(kind == Kind::Plain || tlsContext);
}

void Listener::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket* socket = nullptr;
    if (m_kind == Kind::Tls) {
        auto* sslSocket = new QSslSocket(this);
        sslSocket->setSslConfiguration(m_tlsContext->configuration());
        socket = sslSocket;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer).noquote()
            << "cannot take an accepted connection:" << socket->errorString();
        delete socket;
#ifdef Q_OS_UNIX
        ::close(int(socketDescriptor));
#endif
        return;
    }
    addPendingConnection(socket);
}
