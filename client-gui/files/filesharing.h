#pragma once

#include "files/filehosttrust.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

class FileHostUpload;
class QImage;
class QNetworkAccessManager;
class QTemporaryDir;
class ServerConnection;

// Sending files and pictures in a conversation: the file goes to the server's file host
// (soju.im/FILEHOST, see FileHostUpload) with the signed-in account's credentials, and its URL goes
// to the conversation as an ordinary message, so any IRC client sees the link, and the server's
// history keeps it for those who are away. Guests, servers without a file host, and a file host
// on another address than the chat server named over a plain-text chat connection cannot be sent
// to: unavailableReason() says why.
class FileSharing : public QObject
{
    Q_OBJECT

public:
    explicit FileSharing(ServerConnection* connection, QObject* parent = nullptr);
    ~FileSharing() override;

    // Empty when files can be sent now; otherwise why not, for the user.
    QString unavailableReason() const;
    bool canSend() const { return unavailableReason().isEmpty(); }
    // The certificates the file host may present: the chat connection's, and the pinned one.
    FileHostTrust trust() const;
    QNetworkAccessManager* network() const { return m_network; }
    // Uploads in progress, oldest first.
    QList<FileHostUpload*> uploads() const { return m_uploads; }
    // Tests shorten it.
    void setStallTimeout(int ms) { m_stallTimeoutMs = ms; }

public slots:
    // Sends the file at path to target (a room or a person). nullptr when it cannot start
    // (uploadFailed says why).
    FileHostUpload* sendFile(const QString& target, const QString& path);
    // A picture from the clipboard, sent as a PNG named after the time.
    FileHostUpload* sendImage(const QString& target, const QImage& image);

signals:
    void uploadStarted(FileHostUpload* upload, const QString& target);
    // The file is on the host and its link was sent to target.
    void uploadFinished(const QString& target, const QUrl& url);
    void uploadFailed(const QString& target, const QString& message);

private:
    FileHostUpload* startUpload(const QString& target, const QString& path, bool temporary);

    ServerConnection* m_connection;
    QNetworkAccessManager* m_network;
    QList<FileHostUpload*> m_uploads;
    std::unique_ptr<QTemporaryDir> m_pastedImages;
    int m_stallTimeoutMs;
};
