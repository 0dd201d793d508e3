#include "widgets/conversationview.h"

#include "models/conversationmodel.h"
#include "widgets/nickcolor.h"

#include <QRegularExpression>
#include <QScrollBar>

ConversationView::ConversationView(QWidget* parent) : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setReadOnly(true);
    document()->setMaximumBlockCount(ConversationModel::MaxLines);
}

void ConversationView::setModel(ConversationModel* model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first, int last) {
                    if (last == m_model->rowCount() - 1)
                        appendRows(first, last);
                    else
                        rebuild(); // older lines placed before what is shown
                });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { rebuild(); });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { rebuild(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { rebuild(); });
    }
    rebuild();
}

void ConversationView::rebuild()
{
    clear();
    if (m_model && m_model->rowCount() > 0)
        appendRows(0, m_model->rowCount() - 1);
}

void ConversationView::appendRows(int first, int last)
{
    QScrollBar* bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    for (int row = first; row <= last; ++row)
        append(rowHtml(row));
    if (atBottom)
        bar->setValue(bar->maximum());
}

QString ConversationView::rowHtml(int row) const
{
    using Kind = ConversationModel::Kind;
    using Status = ConversationModel::Status;
    const QModelIndex index = m_model->index(row);
    const QDateTime time = index.data(ConversationModel::TimeRole).toDateTime().toLocalTime();
    const QString sender = index.data(ConversationModel::SenderRole).toString();
    QString text = index.data(ConversationModel::TextRole).toString().toHtmlEscaped();
    // Web addresses become links (on the escaped text, so nothing else can become markup).
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+[^\s<>".,;:!?)\]]))"));
    text.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
    const auto status = index.data(ConversationModel::StatusRole).value<Status>();

    const QColor base = palette().color(QPalette::Base);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const QString stamp = time.date() == QDate::currentDate()
                              ? time.toString(QStringLiteral("HH:mm"))
                              : QLocale().toString(time.date(), QLocale::ShortFormat) +
                                    QLatin1Char(' ') + time.toString(QStringLiteral("HH:mm"));
    QString html = QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp; ")
                       .arg(muted.name(), stamp.toHtmlEscaped());
    const QString nick = QStringLiteral("<b style=\"color:%1\">%2</b>")
                             .arg(NickColor::forNick(sender, base).name(), sender.toHtmlEscaped());
    switch (kind) {
    case Kind::Message:
        html += nick + QStringLiteral(": ") + text;
        break;
    case Kind::Notice:
        html += nick + QStringLiteral(": <i>") + text + QStringLiteral("</i>");
        break;
    case Kind::Action:
        html += QStringLiteral("* ") + nick + QLatin1Char(' ') + text;
        break;
    case Kind::System:
        html += QStringLiteral("<i style=\"color:%1\">— %2</i>").arg(muted.name(), text);
        break;
    case Kind::Error:
        html += QStringLiteral("<i style=\"color:#c0392b\">— %1</i>").arg(text);
        break;
    }
    if (status == Status::Pending)
        html += QStringLiteral(" <i style=\"color:%1\">(%2)</i>")
                    .arg(muted.name(), tr("waiting to be sent").toHtmlEscaped());
    else if (status == Status::Failed)
        html += QStringLiteral(" <b style=\"color:#c0392b\">(%1)</b>")
                    .arg(tr("not sent").toHtmlEscaped());
    return html;
}
