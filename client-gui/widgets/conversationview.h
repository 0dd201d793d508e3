#pragma once

#include <QPointer>
#include <QTextBrowser>

class ConversationModel;

// Shows one ConversationModel as text: time, coloured sender, message; system lines in grey.
// Read-only: it only reads the model. A "new messages" divider goes before the model's
// dividerRow(); scrolling to the top asks for older lines (scrolledToTop).
class ConversationView : public QTextBrowser
{
    Q_OBJECT

public:
    static constexpr QLatin1String MentionBackground{"#fff1a8"};

    explicit ConversationView(QWidget* parent = nullptr);

    void setModel(ConversationModel* model);
    ConversationModel* model() const { return m_model; }
    // The QTime format of the time before each line ("HH:mm" by default).
    void setTimeFormat(const QString& format);
    // Scrolls to the model's row and selects its line (a search result, in context).
    void showRow(int row);

signals:
    // The user scrolled to the oldest line shown: time to load older ones.
    void scrolledToTop();

private:
    void rebuild();
    // Once the current burst of changes is over (a page of history is many rows).
    void rebuildLater();
    void appendRows(int first, int last);
    QString rowHtml(int row) const;
    QString dividerHtml() const;
    void onScrolled(int value);

    QPointer<ConversationModel> m_model;
    QString m_timeFormat = QStringLiteral("HH:mm");
    bool m_rebuilding = false;
    bool m_rebuildQueued = false;
};
