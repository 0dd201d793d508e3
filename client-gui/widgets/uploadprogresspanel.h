#pragma once

#include <QHash>
#include <QWidget>

class FileSharing;
class FileHostUpload;
class QVBoxLayout;

// The files being sent, above the input line: one row per upload with its name, where it goes,
// a progress bar and a Cancel button. Hidden while nothing is being sent.
class UploadProgressPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UploadProgressPanel(FileSharing* sharing, QWidget* parent = nullptr);

    int rowCount() const { return int(m_rows.size()); }
    // The row of upload (null when it has none): tests look into it.
    QWidget* rowOf(FileHostUpload* upload) const { return m_rows.value(upload); }

private:
    void onUploadStarted(FileHostUpload* upload, const QString& target);
    void removeRow(FileHostUpload* upload);

    QVBoxLayout* m_layout;
    QHash<FileHostUpload*, QWidget*> m_rows;
};
