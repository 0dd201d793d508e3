#pragma once

#include "files/filehosttrust.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

class QSslSocket;
class QTimer;

// What the file host would answer to an upload, asked with the upload's headers and no body.
// A host that refuses an upload from its headers (too large, quota full, wrong password) answers
// at once and closes; while a body is still being sent, closing resets the connection and the
// answer is lost (Qt then only sees "connection closed"). This asks again without the body, on a
// socket of its own, so that the answer arrives; the certificate is judged by FileHostTrust.
class FileHostProbe : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    static constexpr int TimeoutMs = 5000;
    static constexpr int MaxAnswerBytes = 8 * 1024;

    explicit FileHostProbe(QObject* parent = nullptr);

    void start(const QUrl& uploadUrl, const Headers& headers, const FileHostTrust& trust);

signals:
    // status 0: no answer (none came in time, or it waits for the body: the upload would go).
    void answered(int status, const QString& text);

private:
    void onReadyRead();
    void finish(int status, const QString& text);

    QSslSocket* m_socket;
    QTimer* m_timer;
    QByteArray m_answer;
    bool m_done = false;
};
