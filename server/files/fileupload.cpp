#include "files/fileupload.h"

FileUpload::FileUpload(const FileRecord& record) : m_record(record)
{
    m_started.start();
}

FileUpload::~FileUpload()
{
    if (!m_finished && m_file.isOpen()) {
        m_file.close();
        m_file.remove();
    }
}

bool FileUpload::open(const QString& path)
{
    m_file.setFileName(path);
    // New only: an id is never reused, so an existing file means something is wrong.
    return m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered);
}

bool FileUpload::write(const char* data, qint64 size)
{
    if (m_received + size > m_record.size)
        return false;
    if (m_file.write(data, size) != size)
        return false;
    m_received += size;
    return true;
}

bool FileUpload::finish()
{
    if (!isComplete() || !m_file.flush())
        return false;
    m_file.close();
    m_finished = true;
    return true;
}
