#include "freeport.h"

#include <QHostAddress>
#include <QTcpServer>

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return -1;
    return probe.serverPort();
}
