#include "files/filepreviews.h"

#include "connection/clientlogging.h"
#include "files/filedownload.h"
#include "files/filesharing.h"
#include "files/picturecache.h"
#include "session/serverconnection.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>

FilePreviews::FilePreviews(ServerConnection* connection, FileSharing* sharing, QObject* parent)
    : QObject(parent), m_connection(connection), m_sharing(sharing),
      m_cacheDirectory(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                           .filePath(QStringLiteral("files"))),
      m_downloadDirectory(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
{
    // The cache folder kept within its size, once per run, off the window's thread.
    QTimer::singleShot(0, this, [this] {
        const QString directory = m_cacheDirectory;
        QThreadPool::globalInstance()->start([directory] {
            const int removed = PictureCache::prune(directory, PictureCache::MaxBytes);
            if (removed > 0)
                qCInfo(lcFileTransfer) << "picture cache: deleted" << removed << "old pictures";
        });
    });
    connect(connection, &ServerConnection::welcomeEnded, this, [this] {
        retryFailed();
        const QString host = m_connection->fileHostUrl().host();
        if (host.isEmpty() || host == m_fileHost)
            return;
        m_fileHost = host;
        if (!FileLink::sameHost(host, m_connection->endpoint().host))
            emit linksChanged();
    });
}

std::optional<FileLink> FilePreviews::linkIn(const QString& text) const
{
    std::optional<FileLink> link = FileLink::parse(text, m_connection->endpoint().host);
    if (!link && !m_fileHost.isEmpty())
        link = FileLink::parse(text, m_fileHost);
    return link;
}

QString FilePreviews::cachePath(const FileLink& link) const
{
    return QDir(m_cacheDirectory)
        .filePath(link.id() + QLatin1Char('/') + FileLink::safeFileName(link.name()));
}

FilePreviews::Preview FilePreviews::preview(const FileLink& link)
{
    const auto known = m_previews.constFind(link.url());
    if (known != m_previews.constEnd())
        return *known;
    m_previews.insert(link.url(), Preview());
    if (link.isImage())
        fetchPicture(link);
    else
        fetchInfo(link);
    return m_previews.value(link.url());
}

void FilePreviews::fetchPicture(const FileLink& link)
{
    const QString path = cachePath(link);
    if (QFileInfo::exists(path)) { // fetched before
        loadThumbnail(link, path);
        return;
    }
    auto* download = new FileDownload(m_sharing->network(), this);
    connect(download, &FileDownload::finished, this, [this, link, download](const QString& saved) {
        download->deleteLater();
        loadThumbnail(link, saved);
    });
    connect(download, &FileDownload::failed, this, [this, link, download](const QString& error) {
        download->deleteLater();
        fail(link, error);
    });
    download->start(link.url(), path, m_sharing->trust(), MaxPictureBytes);
}

void FilePreviews::loadThumbnail(const FileLink& link, const QString& path)
{
    // Decoded on a worker thread; the answer comes back here if this is still there.
    QPointer<FilePreviews> self(this);
    QThreadPool::globalInstance()->start([self, link, path] {
        QString error;
        const QImage image =
            PictureCache::readThumbnail(path, QSize(ThumbnailWidth, ThumbnailHeight), &error);
        PictureCache::touch(path);
        const qint64 size = QFileInfo(path).size();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, link, path, image, error, size] {
                if (self)
                    self->showThumbnail(link, path, image, error, size);
            },
            Qt::QueuedConnection);
    });
}

void FilePreviews::showThumbnail(const FileLink& link, const QString& path, const QImage& image,
                                 const QString& error, qint64 size)
{
    if (image.isNull()) {
        qCWarning(lcFileTransfer) << "not a picture:" << path << error;
        fail(link, tr("This picture cannot be shown."));
        return;
    }
    Preview& preview = m_previews[link.url()];
    preview.state = State::Ready;
    preview.thumbnail = image;
    preview.size = size;
    preview.savedPath = path;
    m_thumbnails.removeOne(link.url());
    m_thumbnails.append(link.url());
    while (m_thumbnails.size() > m_maxThumbnails)
        m_previews.remove(m_thumbnails.takeFirst());
    emit changed(link.url());
}

void FilePreviews::fetchInfo(const FileLink& link)
{
    QNetworkRequest request(link.url());
    request.setTransferTimeout(30 * 1000);
    QNetworkReply* reply = m_sharing->network()->head(request);
    m_sharing->trust().watch(reply);
    connect(reply, &QNetworkReply::finished, this, [this, link, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            Preview& preview = m_previews[link.url()];
            preview.state = State::Ready;
            preview.size = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            emit changed(link.url());
        } else if (status == 404 || status == 410) {
            fail(link, tr("This file is no longer on the server."));
        } else {
            fail(link, tr("The file server cannot be reached."));
        }
    });
}

void FilePreviews::retryFailed()
{
    QList<QUrl> failed;
    for (auto it = m_previews.cbegin(); it != m_previews.cend(); ++it) {
        if (it->state == State::Failed && !it->downloading)
            failed.append(it.key());
    }
    for (const QUrl& url : std::as_const(failed)) {
        m_previews.remove(url);
        emit changed(url); // painted again, and so asked for again
    }
}

void FilePreviews::fail(const FileLink& link, const QString& error)
{
    Preview& preview = m_previews[link.url()];
    preview.state = State::Failed;
    preview.error = error;
    emit changed(link.url());
}

void FilePreviews::download(const FileLink& link)
{
    Preview& preview = m_previews[link.url()];
    if (preview.downloading)
        return;
    preview.downloading = true;
    preview.received = 0;
    preview.total = preview.size;
    preview.downloadError.clear();
    auto* download = new FileDownload(m_sharing->network(), this);
    const QUrl url = link.url();
    connect(download, &FileDownload::progressChanged, this,
            [this, url](qint64 received, qint64 total) {
                Preview& preview = m_previews[url];
                preview.received = received;
                if (total > 0)
                    preview.total = total;
                emit changed(url);
            });
    connect(download, &FileDownload::finished, this,
            [this, url, download](const QString& path) { endDownload(download, url, path, {}); });
    connect(download, &FileDownload::failed, this,
            [this, url, download](const QString& error) { endDownload(download, url, {}, error); });
    download->start(url,
                    FileDownload::freePath(
                        QDir(m_downloadDirectory).filePath(FileLink::safeFileName(link.name()))),
                    m_sharing->trust());
    emit changed(url);
}

void FilePreviews::endDownload(FileDownload* download, const QUrl& url, const QString& path,
                               const QString& error)
{
    download->deleteLater();
    Preview& preview = m_previews[url];
    preview.downloading = false;
    if (error.isEmpty())
        preview.savedPath = path;
    preview.downloadError = error;
    emit changed(url);
}

void FilePreviews::open(const FileLink& link)
{
    const Preview preview = m_previews.value(link.url());
    if (!preview.savedPath.isEmpty() && QFileInfo::exists(preview.savedPath))
        QDesktopServices::openUrl(QUrl::fromLocalFile(preview.savedPath));
    else if (!link.isImage())
        download(link);
}
