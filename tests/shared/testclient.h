#pragma once

#include "irclineframer.h"
#include "ircmessage.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QSslConfiguration;
class QSslSocket;
class QTcpSocket;

// A scripted IRC client for real-socket tests: a QTcpSocket and an IrcLineFramer that collect
// every received line as an IrcMessage. Never blocks: tests wait with QTRY_* or QSignalSpy.
class TestClient : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(QObject* parent = nullptr);
    ~TestClient() override;

    void connectToServer(quint16 port, const QHostAddress& address = QHostAddress::LocalHost);
    // Connects over TLS instead (the socket becomes a QSslSocket): the handshake starts at once,
    // the server's certificate is checked against configuration's CA certificates and peerName.
    // Lines sent before the handshake is done wait for it.
    void connectToServerEncrypted(quint16 port, const QSslConfiguration& configuration,
                                  const QString& peerName = QStringLiteral("localhost"),
                                  const QHostAddress& address = QHostAddress::LocalHost);
    // After connectToServerEncrypted(), else nullptr.
    QSslSocket* sslSocket() const;
    bool isConnected() const;
    bool isDisconnected() const { return m_disconnected; }
    QTcpSocket* socket() const { return m_socket; }

    // Sends one line; CR LF is appended.
    void sendLine(const QByteArray& line);
    void send(const IrcMessage& message);
    // Sends bytes as they are (partial lines, several lines, no terminator...).
    void sendRaw(const QByteArray& bytes);
    // Sends bytes again and again, each time once the socket has written them, until done()
    // or maxBytes; returns how many were sent (the SendQ tests flood a client that stopped
    // reading this way).
    qint64 sendRepeatedly(const QByteArray& bytes, const std::function<bool()>& done,
                          qint64 maxBytes);
    // NICK + USER (after PASS when password is not empty).
    void registerUser(const QString& nick, const QString& password = {});

    // Stops taking bytes from the socket (a client that does not read); the kernel buffers
    // fill up and the server's send queue grows.
    void pauseReading();
    void disconnectFromServer();
    void abort();

    const QList<IrcMessage>& messages() const { return m_messages; }
    QList<IrcMessage> messages(const QString& command) const;
    int count(const QString& command) const;
    bool has(const QString& command) const { return count(command) > 0; }
    // The last message with that command (a word, or a numeric as "433"), or an empty one.
    IrcMessage last(const QString& command) const;
    // Index in messages() of the first message with the command at or after from, or -1.
    int indexOf(const QString& command, int from = 0) const;
    // Received raw lines (without CR LF), in order.
    const QList<QByteArray>& lines() const { return m_lines; }
    // Commands of all messages, in order, e.g. {"001", "002", ..., "JOIN"}.
    QStringList commands() const;
    void clear();
    qint64 bytesReceived() const { return m_bytesReceived; }

signals:
    void connected();
    void disconnected();
    void messageReceived(const IrcMessage& message);

private:
    void connectSocket();
    void onReadyRead();

    QTcpSocket* m_socket;
    IrcLineFramer m_framer;
    QList<IrcMessage> m_messages;
    QList<QByteArray> m_lines;
    qint64 m_bytesReceived = 0;
    bool m_paused = false;
    bool m_disconnected = false;
};
