#pragma once

#include "files/filelink.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>

class FileDownload;
class FileSharing;
class ServerConnection;

// What the conversation shows of the files people sent (FileLink): a picture's thumbnail (the
// picture fetched once into the cache folder, at most MaxPictureBytes, shown at most
// ThumbnailWidth × ThumbnailHeight, at most MaxThumbnails in memory), a file's size (HEAD), and the
// file saved to the Downloads folder on request, with its progress. Everything is asked for the
// first time it is shown, and changed() says when there is more to show.
class FilePreviews : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxPictureBytes = 25 * 1024 * 1024;
    static constexpr int ThumbnailWidth = 320;
    static constexpr int ThumbnailHeight = 200;
    // Thumbnails kept in memory; the least recently loaded go (read again from the cache folder
    // when shown again).
    static constexpr int MaxThumbnails = 150;

    enum class State { Loading, Ready, Failed };
    Q_ENUM(State)

    struct Preview
    {
        State state = State::Loading;
        qint64 size = -1; // bytes; -1 while unknown
        QImage thumbnail; // pictures, once Ready
        QString error;    // Failed: why, for the user
        bool downloading = false;
        qint64 received = 0; // while downloading
        qint64 total = 0;
        QString savedPath;     // the file in Downloads (or the cached picture), once there
        QString downloadError; // the last download's failure
    };

    FilePreviews(ServerConnection* connection, FileSharing* sharing, QObject* parent = nullptr);

    // The file a message's text links to, on the server connected to (its address, or the one
    // its file host announced).
    std::optional<FileLink> linkIn(const QString& text) const;
    // What is known of link's file; asks the host the first time.
    Preview preview(const FileLink& link);
    // Where pictures are kept (default: the cache location) and files saved (default: the
    // Downloads folder); tests choose.
    void setCacheDirectory(const QString& path) { m_cacheDirectory = path; }
    void setDownloadDirectory(const QString& path) { m_downloadDirectory = path; }
    QString downloadDirectory() const { return m_downloadDirectory; }
    void setMaxThumbnails(int count) { m_maxThumbnails = count; } // tests lower it

public slots:
    // Saves the file in the Downloads folder (a free name: "name (2).ext" if taken).
    void download(const FileLink& link);
    // Opens the picture, or the saved file, with the desktop's application for it.
    void open(const FileLink& link);

signals:
    void changed(const QUrl& url);
    // Which links are files may have changed (the server announced its file host elsewhere):
    // rows are to be laid out again.
    void linksChanged();

private:
    void fetchPicture(const FileLink& link);
    void fetchInfo(const FileLink& link);
    // Reads the thumbnail on a worker thread, then showThumbnail() here.
    void loadThumbnail(const FileLink& link, const QString& path);
    void showThumbnail(const FileLink& link, const QString& path, const QImage& image,
                       const QString& error, qint64 size);
    void fail(const FileLink& link, const QString& error);
    // Connected (again): what could not be fetched is asked for again when next shown.
    void retryFailed();
    void endDownload(FileDownload* download, const QUrl& url, const QString& path,
                     const QString& error);
    QString cachePath(const FileLink& link) const;

    ServerConnection* m_connection;
    FileSharing* m_sharing;
    QString m_fileHost; // the host of the file host last announced
    QHash<QUrl, Preview> m_previews;
    QList<QUrl> m_thumbnails; // loaded, oldest first
    int m_maxThumbnails = MaxThumbnails;
    QString m_cacheDirectory;
    QString m_downloadDirectory;
};
