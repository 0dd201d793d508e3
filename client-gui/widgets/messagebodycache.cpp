#include "widgets/messagebodycache.h"

#include "models/conversationmodel.h"
#include "widgets/conversationview.h"
#include "widgets/nickcolor.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTextOption>
#include <QtMath>

namespace {

// Italics are for Latin text: slanted Han, kana and Hangul look broken (fonts fake the slant).
bool hasCjk(const QString& text)
{
    for (const QChar c : text) {
        switch (c.script()) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Hangul:
        case QChar::Script_Bopomofo:
            return true;
        default:
            break;
        }
    }
    return false;
}

// text (HTML already) in italics unless plain is CJK; then upright. style: extra CSS.
QString slanted(const QString& html, const QString& plain, const QString& style = {})
{
    const QString tag = hasCjk(plain) ? QStringLiteral("span") : QStringLiteral("i");
    return style.isEmpty() ? QStringLiteral("<%1>%2</%1>").arg(tag, html)
                           : QStringLiteral("<%1 style=\"%2\">%3</%1>").arg(tag, style, html);
}

// Web addresses become links (on the escaped text, so nothing else can become markup).
QString withLinks(const QString& plain)
{
    static const QRegularExpression url(
        QStringLiteral("(https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]])"));
    QString text = plain.toHtmlEscaped();
    text.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    return text;
}

} // namespace

MessageBodyCache::MessageBodyCache() = default;

namespace {

QColor blend(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

QColor MessageBodyCache::muted(const QPalette& palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QString MessageBodyCache::statusNote(int status)
{
    switch (ConversationModel::Status(status)) {
    case ConversationModel::Status::Pending:
        return QCoreApplication::translate("ConversationView", "waiting to be sent");
    case ConversationModel::Status::Failed:
        return QCoreApplication::translate("ConversationView", "not sent");
    case ConversationModel::Status::Sent:
        break;
    }
    return {};
}

QColor MessageBodyCache::faint(const QPalette& palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.1);
}

void MessageBodyCache::clear()
{
    m_documents.clear();
    m_heights.clear();
}

void MessageBodyCache::setPalette(const QPalette& palette)
{
    m_palette = palette;
    clear();
}

void MessageBodyCache::setFont(const QFont& font)
{
    m_font = font;
    clear();
}

void MessageBodyCache::setTimeFormat(const QString& format)
{
    m_timeFormat = format;
    clear();
}

MessageBodyCache::Key MessageBodyCache::keyOf(const QModelIndex& index, int width)
{
    return {index.data(ConversationModel::LineIdRole).toULongLong(),
            width * 4 + index.data(ConversationModel::StatusRole).toInt()};
}

QTextDocument* MessageBodyCache::document(const QModelIndex& index, int width)
{
    const Key key = keyOf(index, width);
    if (QTextDocument* document = m_documents.object(key))
        return document;
    auto* document = new QTextDocument;
    document->setDocumentMargin(0);
    document->setDefaultFont(m_font);
    QTextOption option = document->defaultTextOption();
    // A long word (a hash, a URL) wraps anywhere rather than running out of the row.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document->setDefaultTextOption(option);
    document->setDefaultStyleSheet(
        QStringLiteral("a { color: %1; }").arg(m_palette.color(QPalette::Link).name()));
    document->setHtml(html(index));
    document->setTextWidth(width);
    m_heights.insert(key, new int(qCeil(document->size().height())));
    m_documents.insert(key, document);
    return document;
}

int MessageBodyCache::height(const QModelIndex& index, int width)
{
    if (const int* known = m_heights.object(keyOf(index, width)))
        return *known;
    return qCeil(document(index, width)->size().height());
}

QString MessageBodyCache::html(const QModelIndex& index) const
{
    using Kind = ConversationModel::Kind;
    using Status = ConversationModel::Status;
    const QString plain = index.data(ConversationModel::TextRole).toString();
    const QString sender = index.data(ConversationModel::SenderRole).toString();
    const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
    const auto status = index.data(ConversationModel::StatusRole).value<Status>();
    const QColor base = m_palette.color(QPalette::Base);
    const QString muted = MessageBodyCache::muted(m_palette).name();
    QString text = withLinks(plain);
    if (index.data(ConversationModel::MentionRole).toBool()) // names us: like a highlighter
        text = QStringLiteral("<span style=\"background-color:%1;color:#222\">%2</span>")
                   .arg(ConversationView::MentionBackground, text);

    QString html;
    switch (kind) {
    case Kind::Message:
        html = text;
        break;
    case Kind::Notice:
        html = slanted(text, plain);
        break;
    case Kind::Action: {
        const QColor color = NickColor::forSender(
            sender, index.data(ConversationModel::IsOwnRole).toBool(), base);
        html = QStringLiteral("* <b style=\"color:%1\">%2</b> %3")
                   .arg(color.name(), sender.toHtmlEscaped(), text);
        break;
    }
    case Kind::System:
    case Kind::Error: {
        const QString stamp = index.data(ConversationModel::TimeRole)
                                  .toDateTime()
                                  .toLocalTime()
                                  .toString(m_timeFormat);
        const QString color = kind == Kind::Error ? QStringLiteral("#c0392b") : muted;
        html = QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp; ")
                   .arg(muted, stamp.toHtmlEscaped()) +
               slanted(QStringLiteral("— ") + text, plain, QStringLiteral("color:%1").arg(color));
        break;
    }
    }
    const QString note = statusNote(int(status));
    if (status == Status::Pending)
        html += QStringLiteral(" ") + slanted(QStringLiteral("(%1)").arg(note.toHtmlEscaped()),
                                              note, QStringLiteral("color:%1").arg(muted));
    else if (status == Status::Failed)
        html += QStringLiteral(" <b style=\"color:#c0392b\">(%1)</b>").arg(note.toHtmlEscaped());
    return html;
}
