#include "previewfixture.h"

#include "connection/certificatepins.h"
#include "files/filepreviews.h"
#include "files/filesharing.h"
#include "session/serverconnection.h"

#include <QDir>

bool PreviewFixture::start()
{
    m_host = new FakeFileHost;
    if (!m_dir.isValid() || !m_host->start())
        return false;
    m_connection = new ServerConnection;
    m_connection->setHost(QStringLiteral("127.0.0.1"));
    m_connection->setPort(ChatPort);
    CertificatePins().setPin(QStringLiteral("127.0.0.1"), ChatPort, m_host->fingerprint());
    m_sharing = new FileSharing(m_connection);
    return true;
}

void PreviewFixture::stop()
{
    qDeleteAll(m_previews);
    m_previews.clear();
    delete m_sharing;
    delete m_connection;
    delete m_host;
    m_sharing = nullptr;
    m_connection = nullptr;
    m_host = nullptr;
    CertificatePins().removePin(QStringLiteral("127.0.0.1"), ChatPort);
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
}

void PreviewFixture::pinOther()
{
    CertificatePins().setPin(QStringLiteral("127.0.0.1"), ChatPort, QStringLiteral("AB:CD"));
}

FilePreviews* PreviewFixture::makePreviews()
{
    auto* previews = new FilePreviews(m_connection, m_sharing);
    previews->setCacheDirectory(m_dir.filePath(QStringLiteral("cache")));
    previews->setDownloadDirectory(m_dir.filePath(QStringLiteral("Downloads")));
    m_previews.append(previews);
    return previews;
}

QString PreviewFixture::fileUrl(const QString& encodedName) const
{
    return m_host->fileUrl(QStringLiteral("abcdefghijklmnopqrstuv"), encodedName);
}
