#include "widgets/filecardpainter.h"

#include "widgets/messagebodycache.h"

#include <QApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionProgressBar>

namespace {

constexpr int Padding = 8;
constexpr int CardWidth = 360;
constexpr int ButtonPadding = 12;

} // namespace

int FileCardPainter::lineHeight() const
{
    return QFontMetrics(m_font).height();
}

QSize FileCardPainter::size(const FileLink& link, int width) const
{
    if (link.isImage())
        return {qMin(width, int(FilePreviews::ThumbnailWidth)), FilePreviews::ThumbnailHeight};
    return {qMin(width, CardWidth), 2 * lineHeight() + 2 * Padding};
}

QRect FileCardPainter::buttonRect(const QRect& rect) const
{
    const QFontMetrics metrics(m_font);
    const int width =
        qMax(metrics.horizontalAdvance(tr("Download")), metrics.horizontalAdvance(tr("Open"))) +
        2 * ButtonPadding;
    const int height = lineHeight() + Padding;
    return {rect.right() - Padding - width + 1, rect.center().y() - height / 2, width, height};
}

FileCardPainter::Hit FileCardPainter::hitAt(const QRect& rect, const FileLink& link,
                                            const QPoint& pos) const
{
    if (!rect.contains(pos))
        return Hit::None;
    if (link.isImage())
        return Hit::Picture;
    return buttonRect(rect).contains(pos) ? Hit::Button : Hit::None;
}

QString FileCardPainter::statusText(const FilePreviews::Preview& preview)
{
    const QLocale locale;
    if (preview.downloading) {
        if (preview.total > 0)
            return tr("Downloading… %1 of %2")
                .arg(locale.formattedDataSize(preview.received),
                     locale.formattedDataSize(preview.total));
        return tr("Downloading…");
    }
    if (!preview.downloadError.isEmpty())
        return preview.downloadError;
    if (preview.state == FilePreviews::State::Failed)
        return preview.error;
    const QString size = preview.size >= 0 ? locale.formattedDataSize(preview.size) : QString();
    if (!preview.savedPath.isEmpty())
        return tr("%1 — saved as %2").arg(size, QFileInfo(preview.savedPath).fileName());
    return preview.size >= 0 ? size : tr("Size unknown");
}

void FileCardPainter::paint(QPainter* painter, const QRect& rect, const FileLink& link,
                            const FilePreviews::Preview& preview, const QPalette& palette) const
{
    painter->save();
    painter->setFont(m_font);
    if (link.isImage())
        paintPicture(painter, rect, link, preview, palette);
    else
        paintCard(painter, rect, link, preview, palette);
    painter->restore();
}

void FileCardPainter::paintPicture(QPainter* painter, const QRect& rect, const FileLink& link,
                                   const FilePreviews::Preview& preview,
                                   const QPalette& palette) const
{
    if (preview.state == FilePreviews::State::Ready && !preview.thumbnail.isNull()) {
        const QSize shown = preview.thumbnail.size()
                                .scaled(rect.size(), Qt::KeepAspectRatio)
                                .boundedTo(preview.thumbnail.size());
        const QRect target(rect.topLeft(), shown);
        painter->drawImage(target, preview.thumbnail);
        painter->setPen(MessageBodyCache::faint(palette));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(target.adjusted(0, 0, -1, -1));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(MessageBodyCache::faint(palette));
    painter->drawRoundedRect(rect, 6, 6);
    painter->setPen(preview.state == FilePreviews::State::Failed
                        ? QColor(0xc0, 0x39, 0x2b)
                        : MessageBodyCache::muted(palette));
    const QString text = preview.state == FilePreviews::State::Failed
                             ? QStringLiteral("%1\n%2").arg(link.name(), preview.error)
                             : tr("Loading picture “%1”…").arg(link.name());
    painter->drawText(rect.adjusted(Padding, Padding, -Padding, -Padding),
                      Qt::AlignCenter | Qt::TextWordWrap, text);
}

void FileCardPainter::paintCard(QPainter* painter, const QRect& rect, const FileLink& link,
                                const FilePreviews::Preview& preview, const QPalette& palette) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(MessageBodyCache::muted(palette));
    painter->setBrush(MessageBodyCache::faint(palette));
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    QStyle* style = QApplication::style();
    const int line = lineHeight();
    const QRect icon(rect.left() + Padding, rect.center().y() - line, 2 * line, 2 * line);
    style->standardIcon(QStyle::SP_FileIcon).paint(painter, icon);

    const QRect button = buttonRect(rect);
    const int textLeft = icon.right() + Padding;
    const int textWidth = qMax(10, button.left() - Padding - textLeft);
    QFont bold = m_font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(textLeft, rect.top() + Padding, textWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(link.name(), Qt::ElideMiddle, textWidth));
    painter->setFont(m_font);
    const bool problem = preview.state == FilePreviews::State::Failed ||
                         (!preview.downloading && !preview.downloadError.isEmpty());
    painter->setPen(problem ? QColor(0xc0, 0x39, 0x2b) : MessageBodyCache::muted(palette));
    painter->drawText(
        QRect(textLeft, rect.top() + Padding + line, textWidth, line),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(m_font).elidedText(statusText(preview), Qt::ElideRight, textWidth));

    if (preview.downloading) {
        QStyleOptionProgressBar bar;
        bar.rect = button;
        bar.palette = palette;
        bar.minimum = 0;
        bar.maximum = preview.total > 0 ? 1000 : 0;
        bar.progress = preview.total > 0 ? int(preview.received * 1000 / preview.total) : 0;
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter);
        return;
    }
    if (preview.state == FilePreviews::State::Failed)
        return; // nothing to download
    QStyleOptionButton option;
    option.rect = button;
    option.palette = palette;
    option.fontMetrics = QFontMetrics(m_font);
    option.state = QStyle::State_Enabled | QStyle::State_Raised;
    option.text = preview.savedPath.isEmpty() ? tr("Download") : tr("Open");
    style->drawControl(QStyle::CE_PushButton, &option, painter);
}
