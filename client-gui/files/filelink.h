#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// A link to a file on a chat server's file host (soju.im/FILEHOST): https://host:port/files/
// <22-character id>/<percent-encoded name>. A message whose whole text is such a link, on the
// server the client is connected to, is shown as a picture or a file card instead of a link.
class FileLink
{
public:
    static constexpr int IdLength = 22;

    // The link in text (surrounding spaces allowed, nothing else), when it is one of host's
    // files; host as given to the connection ("192.168.1.5", "::1", "[::1]", "chat.lan").
    static std::optional<FileLink> parse(const QString& text, const QString& host);
    // Whether two host names are the same host ("[::1]" and "::1", case ignored).
    static bool sameHost(const QString& a, const QString& b);
    // Pictures the conversation shows inline, by the name's extension.
    static bool isImageName(const QString& name);
    // name, made safe to be a file name in a folder: no folders, no hidden or empty names, no
    // control characters.
    static QString safeFileName(const QString& name);

    QUrl url() const { return m_url; }
    QString id() const { return m_id; }
    QString name() const { return m_name; } // decoded
    bool isImage() const { return isImageName(m_name); }

private:
    QUrl m_url;
    QString m_id;
    QString m_name;
};
