#include "widgets/conversationview.h"

#include <QTextBlock>
#include <QTextCursor>

#include "models/conversationmodel.h"
#include "widgets/nickcolor.h"

#include <QRegularExpression>
#include <QScrollBar>

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

} // namespace

ConversationView::ConversationView(QWidget* parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setReadOnly(true);
    document()->setMaximumBlockCount(ConversationModel::MaxLines);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
}

void ConversationView::onScrolled(int value)
{
    const QScrollBar* bar = verticalScrollBar();
    if (!m_rebuilding && m_model && value == bar->minimum() && bar->maximum() > bar->minimum())
        emit scrolledToTop();
}

void ConversationView::setModel(ConversationModel* model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first, int last) {
                    if (m_rebuildQueued)
                        return; // the rebuild shows them
                    if (last == m_model->rowCount() - 1)
                        appendRows(first, last);
                    else
                        rebuildLater(); // older lines placed before what is shown
                });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { rebuild(); });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { rebuild(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { rebuild(); });
        connect(model, &ConversationModel::dividerChanged, this, [this] { rebuild(); });
    }
    rebuild();
}

void ConversationView::setTimeFormat(const QString& format)
{
    if (m_timeFormat == format)
        return;
    m_timeFormat = format;
    rebuild();
}

// Keeps what is on screen in place: the same distance from the bottom (older lines placed above
// it do not move it), or the bottom.
void ConversationView::rebuildLater()
{
    if (m_rebuildQueued)
        return;
    m_rebuildQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { rebuild(); }, Qt::QueuedConnection);
}

void ConversationView::rebuild()
{
    m_rebuildQueued = false;
    QScrollBar* bar = verticalScrollBar();
    const int fromBottom = bar->maximum() - bar->value();
    m_rebuilding = true;
    clear();
    if (m_model && m_model->rowCount() > 0)
        appendRows(0, m_model->rowCount() - 1);
    bar->setValue(fromBottom <= 4 ? bar->maximum() : bar->maximum() - fromBottom);
    m_rebuilding = false;
}

void ConversationView::showRow(int row)
{
    // One paragraph per row (appendRows).
    const QTextBlock block = document()->findBlockByNumber(row);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void ConversationView::appendRows(int first, int last)
{
    QScrollBar* bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    const int divider = m_model->dividerRow();
    for (int row = first; row <= last; ++row) {
        if (row == divider)
            append(dividerHtml());
        append(rowHtml(row));
    }
    if (atBottom && !m_rebuilding)
        bar->setValue(bar->maximum());
}

QString ConversationView::dividerHtml() const
{
    return QStringLiteral("<p align=\"center\" style=\"color:#c0392b\">— %1 —</p>")
        .arg(tr("New messages").toHtmlEscaped());
}

QString ConversationView::rowHtml(int row) const
{
    using Kind = ConversationModel::Kind;
    using Status = ConversationModel::Status;
    const QModelIndex index = m_model->index(row);
    const QDateTime time = index.data(ConversationModel::TimeRole).toDateTime().toLocalTime();
    const QString sender = index.data(ConversationModel::SenderRole).toString();
    const QString plain = index.data(ConversationModel::TextRole).toString();
    QString text = plain.toHtmlEscaped();
    // Web addresses become links (on the escaped text, so nothing else can become markup).
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+[^\s<>".,;:!?)\]]))"));
    text.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
    const auto status = index.data(ConversationModel::StatusRole).value<Status>();
    if (index.data(ConversationModel::MentionRole).toBool()) // names us: marked like a highlighter
        text = QStringLiteral("<span style=\"background-color:%1;color:#222\">%2</span>")
                   .arg(MentionBackground, text);

    const QColor base = palette().color(QPalette::Base);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const QString stamp = time.date() == QDate::currentDate()
                              ? time.toString(m_timeFormat)
                              : QLocale().toString(time.date(), QLocale::ShortFormat) +
                                    QLatin1Char(' ') + time.toString(m_timeFormat);
    QString html = QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp; ")
                       .arg(muted.name(), stamp.toHtmlEscaped());
    QString nick = QStringLiteral("<b style=\"color:%1\">%2</b>")
                       .arg(NickColor::forNick(sender, base).name(), sender.toHtmlEscaped());
    // A display name in any script, with the nick after it, smaller and grey.
    const QString senderName = index.data(ConversationModel::SenderNameRole).toString();
    if (!senderName.isEmpty())
        nick = QStringLiteral("<b style=\"color:%1\">%2</b> <span style=\"color:%3\">(%4)</span>")
                   .arg(NickColor::forNick(sender, base).name(), senderName.toHtmlEscaped(),
                        muted.name(), sender.toHtmlEscaped());
    switch (kind) {
    case Kind::Message:
        html += nick + QStringLiteral(": ") + text;
        break;
    case Kind::Notice:
        html += nick + QStringLiteral(": ") + slanted(text, plain);
        break;
    case Kind::Action:
        html += QStringLiteral("* ") + nick + QLatin1Char(' ') + text;
        break;
    case Kind::System:
        html += slanted(QStringLiteral("— ") + text, plain,
                        QStringLiteral("color:%1").arg(muted.name()));
        break;
    case Kind::Error:
        html += slanted(QStringLiteral("— ") + text, plain, QStringLiteral("color:#c0392b"));
        break;
    }
    if (status == Status::Pending) {
        const QString waiting = tr("waiting to be sent");
        html += QLatin1Char(' ') + slanted(QStringLiteral("(%1)").arg(waiting.toHtmlEscaped()),
                                           waiting, QStringLiteral("color:%1").arg(muted.name()));
    } else if (status == Status::Failed)
        html += QStringLiteral(" <b style=\"color:#c0392b\">(%1)</b>")
                    .arg(tr("not sent").toHtmlEscaped());
    return html;
}
