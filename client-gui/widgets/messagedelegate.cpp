#include "widgets/messagedelegate.h"

#include "models/conversationmodel.h"
#include "models/conversationwindow.h"
#include "widgets/initialsavatar.h"
#include "widgets/messagegrouping.h"
#include "widgets/nickcolor.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>

namespace {

constexpr int GroupTopPadding = 6; // above the first message of a group
constexpr int RowPadding = 1;      // above a continued message
constexpr int SystemPadding = 3;   // above and below a system line
constexpr int FilePadding = 3;     // above and below a picture or file card

int avatarSize(int lineHeight)
{
    return 2 * lineHeight + 2;
}

int textLeft(int lineHeight)
{
    return MessageDelegate::Margin + avatarSize(lineHeight) + MessageDelegate::Gap;
}

} // namespace

MessageDelegate::MessageDelegate(QObject* parent) : QStyledItemDelegate(parent)
{
    setLook(QApplication::palette(), QApplication::font());
}

void MessageDelegate::setTimeFormat(const QString& format)
{
    m_bodies.setTimeFormat(format);
    m_pictures.clear();
}

void MessageDelegate::setLook(const QPalette& palette, const QFont& font)
{
    m_font = font;
    m_bodies.setPalette(palette);
    m_bodies.setFont(font);
    m_pictures.clear();
}

int MessageDelegate::lineHeight() const
{
    return QFontMetrics(m_font).height();
}

MessageDelegate::Geometry MessageDelegate::geometry(const QRect& rect,
                                                    const QModelIndex& index) const
{
    Geometry g;
    const int line = lineHeight();
    const int left = textLeft(line);
    const int bodyWidth = qMax(40, rect.width() - left - Margin);
    int y = rect.top();
    if (MessageGrouping::startsDay(index)) {
        g.daySeparator = QRect(rect.left(), y, rect.width(), line + 14);
        y += g.daySeparator.height();
    }
    const auto [model, row] = ConversationWindow::locate(index);
    if (model && model->dividerRow() == row) {
        g.divider = QRect(rect.left(), y, rect.width(), line + 8);
        y += g.divider.height();
    }
    const int messageTop = y;
    const bool spoken = MessageGrouping::isSpoken(index);
    const bool continued = spoken && MessageGrouping::continuesGroup(index);
    int bottom = 0;
    if (spoken && !continued) {
        y += GroupTopPadding;
        g.avatar = QRect(rect.left() + Margin, y, avatarSize(line), avatarSize(line));
        g.header = QRect(rect.left() + left, y, bodyWidth, line);
        y += line + 2;
        bottom = g.avatar.bottom() + 1;
    } else {
        y += spoken ? RowPadding : SystemPadding;
    }
    g.link = fileLink(index);
    if (g.link) { // the file instead of its link
        g.body = QRect(rect.left() + left, y, bodyWidth, 0);
        const QSize size = FileCardPainter(m_font).size(*g.link, bodyWidth);
        g.file = QRect(QPoint(rect.left() + left, y + FilePadding), size);
        bottom = qMax(bottom, g.file.bottom() + 1 + FilePadding) + RowPadding;
    } else {
        g.body = QRect(rect.left() + left, y, bodyWidth, m_bodies.height(index, bodyWidth));
        bottom = qMax(bottom, g.body.bottom() + 1) + (spoken ? RowPadding : SystemPadding);
    }
    g.message = QRect(rect.left(), messageTop, rect.width(), bottom - messageTop);
    g.height = bottom - rect.top();
    return g;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The row spans the view: its width is the viewport's (option.rect is not set when the view
    // lays rows out).
    int width = option.rect.width();
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        width = view->viewport()->width();
    const Geometry g = geometry(QRect(0, 0, qMax(width, 120), 0), index);
    return {width, g.height};
}

QColor MessageDelegate::senderColor(const QModelIndex& index, const QColor& base) const
{
    return NickColor::forSender(index.data(ConversationModel::SenderRole).toString(),
                                index.data(ConversationModel::IsOwnRole).toBool(), base);
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const QPalette& palette = option.palette;
    const QColor base = palette.color(QPalette::Base);
    const Geometry g = geometry(option.rect, index);
    painter->save();
    if (!g.daySeparator.isEmpty())
        paintDaySeparator(painter, g.daySeparator, index, palette);
    if (!g.divider.isEmpty())
        paintDivider(painter, g.divider);

    // Own messages: a light wash and a bar in the own colour, so they stand apart at a glance.
    if (index.data(ConversationModel::IsOwnRole).toBool() && MessageGrouping::isSpoken(index)) {
        QColor wash = NickColor::own(base);
        wash.setAlpha(22);
        painter->fillRect(g.message, wash);
        painter->fillRect(QRect(g.body.left() - Gap / 2 - 2, g.message.top(), 3,
                                g.message.height()),
                          NickColor::own(base));
    }
    if (option.state & QStyle::State_Selected) {
        QColor selection = palette.color(QPalette::Highlight);
        selection.setAlpha(70);
        painter->fillRect(g.message, selection);
    }
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    if (ratio != m_pictureRatio) {
        m_pictures.clear();
        m_pictureRatio = ratio;
    }
    const QPair<quint64, int> key{
        index.data(ConversationModel::LineIdRole).toULongLong(),
        (g.message.width() * 4 + index.data(ConversationModel::StatusRole).toInt()) * 2 +
            (g.avatar.isEmpty() ? 0 : 1)};
    QPixmap* picture = m_pictures.object(key);
    if (!picture) {
        picture = new QPixmap(g.message.size() * ratio);
        picture->setDevicePixelRatio(ratio);
        picture->fill(Qt::transparent);
        QPainter onPicture(picture);
        onPicture.translate(-g.message.topLeft());
        paintMessage(&onPicture, g, index, palette);
        onPicture.end();
        const int kb = int(qint64(picture->width()) * picture->height() * 4 / 1024) + 1;
        if (!m_pictures.insert(key, picture, kb)) { // larger than the whole cache: drawn as is
            paintMessage(painter, g, index, palette);
            paintFile(painter, g, palette);
            painter->restore();
            return;
        }
    }
    painter->drawPixmap(g.message.topLeft(), *picture);
    paintFile(painter, g, palette);
    painter->restore();
}

void MessageDelegate::paintFile(QPainter* painter, const Geometry& g, const QPalette& palette) const
{
    // Drawn live, not into the row's picture: it changes as the file arrives.
    if (g.link && m_previews)
        FileCardPainter(m_font).paint(painter, g.file, *g.link, m_previews->preview(*g.link),
                                      palette);
}

std::optional<FileLink> MessageDelegate::fileLink(const QModelIndex& index) const
{
    using Kind = ConversationModel::Kind;
    using Status = ConversationModel::Status;
    if (!m_previews || index.data(ConversationModel::KindRole).value<Kind>() != Kind::Message ||
        index.data(ConversationModel::StatusRole).value<Status>() != Status::Sent)
        return std::nullopt;
    const QString text = index.data(ConversationModel::TextRole).toString();
    if (!text.contains(QLatin1String("/files/")))
        return std::nullopt; // most messages: no URL to parse
    return m_previews->linkIn(text);
}

QRect MessageDelegate::fileRect(const QRect& rect, const QModelIndex& index) const
{
    return geometry(rect, index).file;
}

FileCardPainter::Hit MessageDelegate::fileHitAt(const QRect& rect, const QModelIndex& index,
                                                const QPoint& pos) const
{
    const Geometry g = geometry(rect, index);
    return g.link ? FileCardPainter(m_font).hitAt(g.file, *g.link, pos) : FileCardPainter::Hit::None;
}

void MessageDelegate::paintMessage(QPainter* painter, const Geometry& g, const QModelIndex& index,
                                   const QPalette& palette) const
{
    const QColor base = palette.color(QPalette::Base);
    if (!g.avatar.isEmpty()) {
        const QString name = index.data(ConversationModel::SenderNameRole).toString();
        InitialsAvatar::paint(painter, g.avatar,
                              name.isEmpty() ? index.data(ConversationModel::SenderRole).toString()
                                             : name,
                              senderColor(index, base));
    }
    if (!g.header.isEmpty())
        paintHeader(painter, g.header, index, palette);

    if (g.link)
        return; // the file is drawn instead of the body (paintFile)
    QTextDocument* body = m_bodies.document(index, g.body.width());
    painter->save();
    painter->translate(g.body.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.clip = QRectF(0, 0, g.body.width(), g.body.height());
    body->documentLayout()->draw(painter, context);
    painter->restore();
}

void MessageDelegate::paintHeader(QPainter* painter, const QRect& rect, const QModelIndex& index,
                                  const QPalette& palette) const
{
    const QColor base = palette.color(QPalette::Base);
    const QString nick = index.data(ConversationModel::SenderRole).toString();
    const QString displayName = index.data(ConversationModel::SenderNameRole).toString();
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(m_font);
    const QString time = index.data(ConversationModel::TimeRole)
                             .toDateTime()
                             .toLocalTime()
                             .toString(m_bodies.timeFormat());
    const QString name = displayName.isEmpty() ? nick : displayName;
    const QString extra = displayName.isEmpty() ? QString() : QStringLiteral("(%1)").arg(nick);
    const int spacing = metrics.horizontalAdvance(QLatin1Char(' ')) * 2;
    const int reserved = metrics.horizontalAdvance(time) + spacing +
                         (extra.isEmpty() ? 0 : metrics.horizontalAdvance(extra) + spacing);
    const QString shownName =
        boldMetrics.elidedText(name, Qt::ElideRight, qMax(20, rect.width() - reserved));
    int x = rect.left();
    painter->setFont(bold);
    painter->setPen(senderColor(index, base));
    painter->drawText(QRect(x, rect.top(), rect.width(), rect.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, shownName);
    x += boldMetrics.horizontalAdvance(shownName) + spacing;
    painter->setFont(m_font);
    painter->setPen(MessageBodyCache::muted(palette));
    if (!extra.isEmpty()) {
        painter->drawText(QRect(x, rect.top(), rect.right() - x, rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, extra);
        x += metrics.horizontalAdvance(extra) + spacing;
    }
    painter->drawText(QRect(x, rect.top(), rect.right() - x, rect.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, time);
}

QString MessageDelegate::dayText(const QModelIndex& index) const
{
    const QDate date = index.data(ConversationModel::DayRole).toDate();
    const QDate today = QDate::currentDate();
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

void MessageDelegate::paintDaySeparator(QPainter* painter, const QRect& rect,
                                        const QModelIndex& index, const QPalette& palette) const
{
    const QString text = dayText(index);
    const QFontMetrics metrics(m_font);
    const int width = metrics.horizontalAdvance(text) + 2 * Margin + 8;
    const QRect pill(rect.center().x() - width / 2, rect.top() + 5, width, metrics.height() + 4);
    QColor rule = MessageBodyCache::muted(palette);
    rule.setAlpha(90);
    painter->setPen(rule);
    const int y = pill.center().y();
    painter->drawLine(rect.left() + Margin, y, pill.left() - Gap, y);
    painter->drawLine(pill.right() + Gap, y, rect.right() - Margin, y);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(MessageBodyCache::faint(palette));
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(m_font);
    painter->drawText(pill, Qt::AlignCenter, text);
}

void MessageDelegate::paintDivider(QPainter* painter, const QRect& rect) const
{
    const QColor red(0xc0, 0x39, 0x2b);
    const QString text = tr("New messages");
    const QFontMetrics metrics(m_font);
    const int width = metrics.horizontalAdvance(text) + 2 * Gap;
    const int y = rect.center().y();
    painter->setPen(red);
    painter->drawLine(rect.left() + Margin, y, rect.right() - Margin - width, y);
    painter->setFont(m_font);
    painter->drawText(QRect(rect.right() - Margin - width, rect.top(), width, rect.height()),
                      Qt::AlignCenter, text);
}

QTextDocument* MessageDelegate::bodyDocument(const QRect& rect, const QModelIndex& index) const
{
    return m_bodies.document(index, geometry(rect, index).body.width());
}

QRect MessageDelegate::avatarRect(const QRect& rect, const QModelIndex& index) const
{
    return geometry(rect, index).avatar;
}

QString MessageDelegate::anchorAt(const QRect& rect, const QModelIndex& index,
                                  const QPoint& pos) const
{
    const Geometry g = geometry(rect, index);
    if (g.link) // a file's link: its tooltip, "Copy link address"
        return g.file.contains(pos) ? g.link->url().toString(QUrl::FullyEncoded) : QString();
    if (!g.body.contains(pos))
        return {};
    QTextDocument* body = m_bodies.document(index, g.body.width());
    return body->documentLayout()->anchorAt(QPointF(pos - g.body.topLeft()));
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // The full date and time of any row, also of those that show none.
    const QDateTime time = index.data(ConversationModel::TimeRole).toDateTime().toLocalTime();
    const QString link = anchorAt(option.rect, index, event->pos());
    QToolTip::showText(event->globalPos(),
                       link.isEmpty() ? QLocale().toString(time, QLocale::LongFormat) : link,
                       view);
    return true;
}

QString MessageDelegate::plainText(const QModelIndex& index) const
{
    using Kind = ConversationModel::Kind;
    const QDateTime time = index.data(ConversationModel::TimeRole).toDateTime().toLocalTime();
    const QString sender = index.data(ConversationModel::SenderRole).toString();
    const QString senderName = index.data(ConversationModel::SenderNameRole).toString();
    const QString text = index.data(ConversationModel::TextRole).toString();
    const QString stamp = time.date() == QDate::currentDate()
                              ? time.toString(m_bodies.timeFormat())
                              : QLocale().toString(time.date(), QLocale::ShortFormat) +
                                    QLatin1Char(' ') + time.toString(m_bodies.timeFormat());
    const QString who = senderName.isEmpty() ? sender
                                             : QStringLiteral("%1 (%2)").arg(senderName, sender);
    QString line;
    switch (index.data(ConversationModel::KindRole).value<Kind>()) {
    case Kind::Message:
    case Kind::Notice:
        line = QStringLiteral("%1  %2: %3").arg(stamp, who, text);
        break;
    case Kind::Action:
        line = QStringLiteral("%1  * %2 %3").arg(stamp, who, text);
        break;
    case Kind::System:
    case Kind::Error:
        line = QStringLiteral("%1  — %2").arg(stamp, text);
        break;
    }
    const QString note = MessageBodyCache::statusNote(index.data(ConversationModel::StatusRole).toInt());
    if (!note.isEmpty())
        line += QStringLiteral(" (%1)").arg(note);
    return line;
}
