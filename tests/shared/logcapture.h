#pragma once

#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QtGlobal>

// Collects every log message while it exists, and passes each on to the handler before it (so
// the test's output still shows them). One at a time; messages from any thread.
class LogCapture
{
public:
    LogCapture() : m_previous(qInstallMessageHandler(&LogCapture::handle)) { s_current = this; }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    // Messages that contain text.
    int count(const QString& text) const { return int(lines().filter(text).size()); }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& text)
    {
        LogCapture* capture = s_current;
        if (!capture)
            return;
        {
            QMutexLocker lock(&capture->m_mutex);
            capture->m_lines.append(text);
        }
        capture->m_previous(type, context, text);
    }

    static inline LogCapture* s_current = nullptr;
    QtMessageHandler m_previous;
    mutable QMutex m_mutex;
    QStringList m_lines;
};
