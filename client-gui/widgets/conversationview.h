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
    explicit ConversationView(QWidget* parent = nullptr);

    void setModel(ConversationModel* model);
    ConversationModel* model() const { return m_model; }

private:
    void rebuild();
    void appendRows(int first, int last);
    QString rowHtml(int row) const;

    QPointer<ConversationModel> m_model;
};
