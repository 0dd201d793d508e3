#pragma once

#include "fakefilehost.h"

#include <QTemporaryDir>

class FilePreviews;
class FileSharing;
class ServerConnection;

// FilePreviews for a chat connection to 127.0.0.1 (not connected) whose pinned certificate is
// the one of a FakeFileHost, as with confabd; pictures cached and files saved in a temporary
// folder. start() in init(), stop() in cleanup().
class PreviewFixture
{
public:
    static constexpr quint16 ChatPort = 6697;

    bool start();
    void stop();
    // Pins another certificate for the chat server than the file host's.
    void pinOther();

    FakeFileHost* host() const { return m_host; }
    ServerConnection* connection() const { return m_connection; }
    FileSharing* sharing() const { return m_sharing; }
    // A new FilePreviews over the same folders (owned by the fixture).
    FilePreviews* makePreviews();
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // The link to name (percent-encoded) under a fixed id on the host.
    QString fileUrl(const QString& encodedName) const;

private:
    QTemporaryDir m_dir;
    FakeFileHost* m_host = nullptr;
    ServerConnection* m_connection = nullptr;
    FileSharing* m_sharing = nullptr;
    QList<FilePreviews*> m_previews;
};
