#pragma once

#include <QPointer>
#include <QTextBrowser>

class ConversationModel;

// Shows one ConversationModel as text: time, coloured sender, message; system lines in grey.
// Read-only: it only reads the model.
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

private:
    void rebuild();
    void appendRows(int first, int last);
    QString rowHtml(int row) const;

    QPointer<ConversationModel> m_model;
    QString m_timeFormat = QStringLiteral("HH:mm");
};
