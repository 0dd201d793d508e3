#include "widgets/uploadprogresspanel.h"

#include "files/filehostupload.h"
#include "files/filesharing.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

UploadProgressPanel::UploadProgressPanel(FileSharing* sharing, QWidget* parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    connect(sharing, &FileSharing::uploadStarted, this, &UploadProgressPanel::onUploadStarted);
    hide();
}

void UploadProgressPanel::onUploadStarted(FileHostUpload* upload, const QString& target)
{
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("uploadRow"));
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(
        tr("Sending “%1” (%2) to %3")
            .arg(upload->fileName(), QLocale().formattedDataSize(upload->size()), target),
        row);
    label->setObjectName(QStringLiteral("uploadLabel"));
    auto* progress = new QProgressBar(row);
    progress->setObjectName(QStringLiteral("uploadProgress"));
    progress->setRange(0, 1000);
    progress->setValue(0);
    progress->setMaximumWidth(200);
    auto* cancel = new QToolButton(row);
    cancel->setObjectName(QStringLiteral("uploadCancel"));
    cancel->setText(tr("Cancel"));
    cancel->setAutoRaise(true);
    layout->addWidget(label, 1);
    layout->addWidget(progress);
    layout->addWidget(cancel);
    m_layout->addWidget(row);
    m_rows.insert(upload, row);
    show();

    connect(upload, &FileHostUpload::progressChanged, progress,
            [progress](qint64 sent, qint64 total) {
                progress->setValue(total > 0 ? int(sent * 1000 / total) : 0);
            });
    connect(cancel, &QToolButton::clicked, upload, &FileHostUpload::cancel);
    connect(upload, &FileHostUpload::finished, this, [this, upload] { removeRow(upload); });
    connect(upload, &FileHostUpload::failed, this, [this, upload] { removeRow(upload); });
}

void UploadProgressPanel::removeRow(FileHostUpload* upload)
{
    if (QWidget* row = m_rows.take(upload))
        row->deleteLater();
    setVisible(!m_rows.isEmpty());
}
