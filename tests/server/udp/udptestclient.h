#pragma once

// A UDP room client for tests: a QUdpSocket on 127.0.0.1 that keeps every datagram it
// receives. Never blocks: tests wait with QTRY_*.
#include "udp/udpendpoint.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUdpSocket>

class UdpTestClient : public QObject
{
    Q_OBJECT

public:
    explicit UdpTestClient(quint16 serverPort, QObject* parent = nullptr)
        : QObject(parent), m_serverPort(serverPort)
    {
        m_socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams()) {
                QByteArray datagram(int(m_socket.pendingDatagramSize()), Qt::Uninitialized);
                const qint64 size = m_socket.readDatagram(datagram.data(), datagram.size());
                if (size >= 0)
                    m_received.append(datagram.left(size));
            }
        });
    }

    UdpEndpoint endpoint() const
    {
        return {QHostAddress(QHostAddress::LocalHost), m_socket.localPort()};
    }
    // "127.0.0.1:port", how the room labels this client's texts.
    QByteArray label() const { return endpoint().toString().toUtf8(); }

    void send(const QByteArray& datagram)
    {
        m_socket.writeDatagram(datagram, QHostAddress(QHostAddress::LocalHost), m_serverPort);
    }
    void ping() { send("#ping#"); }

    const QList<QByteArray>& received() const { return m_received; }
    bool hasReceived(const QByteArray& datagram) const { return m_received.contains(datagram); }
    void clear() { m_received.clear(); }

private:
    QUdpSocket m_socket;
    quint16 m_serverPort;
    QList<QByteArray> m_received;
};
