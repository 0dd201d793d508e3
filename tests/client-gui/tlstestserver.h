#pragma once

#include "net/server.h"

#include <QHostAddress>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// An in-process confabd for the client's TLS tests: plain text and TLS on one loopback address,
// ports chosen by the system, a self-signed certificate generated into a temporary data
// directory (as confabd does on first start), and a way to give it a new certificate on the
// same port (as an administrator would: new files, then a reload).
class TlsTestServer
{
public:
    explicit TlsTestServer(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));
    ~TlsTestServer();

    // False (and a warning) when the server cannot listen.
    bool start();
    Server* server() const { return m_server.get(); }
    QString host() const { return m_address.toString(); }
    quint16 plainPort() const { return m_server->serverPort(); }
    quint16 tlsPort() const { return m_server->tlsPort(); }
    // The certificate in use, as the client shows it ("AB:CD:…").
    QString fingerprint() const;
    // Generates another key and certificate, writes them over the data directory's pair and
    // reloads them: new connections get the new certificate. False on failure.
    bool replaceCertificate();

private:
    QHostAddress m_address;
    QTemporaryDir m_dataDir;
    std::unique_ptr<Server> m_server;
};
