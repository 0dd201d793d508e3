#include "filehostfixture.h"

#include "connection/certificatepins.h"
#include "models/roomlistmodel.h"
#include "session/chatcontroller.h"
#include "session/serverconnection.h"

FileHostFixture::FileHostFixture() = default;

FileHostFixture::~FileHostFixture()
{
    stop();
}

bool FileHostFixture::start()
{
    m_accounts.newDataDirectory();
    ServerConfig config = m_accounts.config();
    config.serverName = QStringLiteral("test.confab");
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.filesEnabled = true;
    config.filesPort = 0;
    config.fileMaxBytes = MaxBytes;
    config.fileQuotaBytes = QuotaBytes;
    config.registrationLimit = 1000;
    if (!m_accounts.start(config)) {
        qWarning("the file host server does not start");
        return false;
    }
    return m_accounts.registerAccount(QStringLiteral("alice"), QString::fromLatin1(Password)) &&
           m_accounts.registerAccount(QStringLiteral("bob"), QString::fromLatin1(Password));
}

void FileHostFixture::stop()
{
    qDeleteAll(m_controllers);
    m_controllers.clear();
    for (const QString& host : std::as_const(m_pinnedHosts))
        CertificatePins().removePin(host, m_accounts.server()->tlsPort());
    m_pinnedHosts.clear();
    m_accounts.stop();
}

bool FileHostFixture::addAccount(const QString& name, const QString& password)
{
    return m_accounts.registerAccount(name, password);
}

QUrl FileHostFixture::uploadUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1/upload").arg(server()->filesPort()));
}

ChatController* FileHostFixture::signIn(const QString& account, const QString& nick,
                                        const QString& host, bool tls)
{
    ChatController* controller = prepare(account, nick, host, tls);
    return connectAndJoin(controller) ? controller : nullptr;
}

ChatController* FileHostFixture::prepare(const QString& account, const QString& nick,
                                         const QString& host, bool tls)
{
    auto* controller = new ChatController;
    m_controllers.append(controller);
    ServerConnection* connection = controller->connection();
    const quint16 port = tls ? server()->tlsPort() : server()->serverPort();
    CertificatePins().setPin(host, server()->tlsPort(), server()->tlsContext()->fingerprint());
    m_pinnedHosts.append(host);
    connection->setHost(host);
    connection->setPort(port);
    connection->setTls(tls);
    connection->setAutoReconnect(false);
    connection->setDesiredNick(nick.isEmpty() ? account : nick);
    if (!account.isEmpty())
        connection->setAccount(Registration::Mode::SignIn, account, QString::fromLatin1(Password));
    return controller;
}

bool FileHostFixture::connectAndJoin(ChatController* controller)
{
    controller->connection()->connectToServer();
    if (!QTest::qWaitFor(
            [controller] { return controller->rooms()->isJoined(QStringLiteral("#lobby")); },
            20000)) {
        qWarning("%s did not sign in", qPrintable(controller->connection()->accountName()));
        return false;
    }
    return true;
}
