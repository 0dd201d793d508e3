#include "tlstestserver.h"

#include "net/tlscertificategenerator.h"
#include "net/tlscontext.h"

TlsTestServer::TlsTestServer(const QHostAddress& address) : m_address(address) {}

TlsTestServer::~TlsTestServer() = default;

bool TlsTestServer::start()
{
    if (!m_dataDir.isValid())
        return false;
    ServerConfig config;
    config.listenAddresses = {m_address};
    config.port = 0;
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.serverName = QStringLiteral("test.confab");
    config.dataDir = m_dataDir.filePath(QStringLiteral("data"));
    m_server = std::make_unique<Server>(config);
    if (!m_server->listen()) {
        qWarning("TLS test server does not listen: %s", qPrintable(m_server->errorString()));
        return false;
    }
    return true;
}

QString TlsTestServer::fingerprint() const
{
    return m_server && m_server->tlsContext() ? m_server->tlsContext()->fingerprint() : QString();
}

bool TlsTestServer::replaceCertificate()
{
    TlsContext* context = m_server ? m_server->tlsContext() : nullptr;
    if (!context)
        return false;
    TlsCertificateGenerator generator(m_server->config().serverName);
    if (!generator.generate() ||
        !generator.writeFiles(context->certificateFile(), context->keyFile())) {
        qWarning("no new certificate: %s", qPrintable(generator.errorString()));
        return false;
    }
    const QString before = fingerprint();
    return context->reload() && fingerprint() != before;
}
