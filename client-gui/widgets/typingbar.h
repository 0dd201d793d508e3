#pragma once

#include <QLabel>

class TypingTracker;

// The line under the conversation that says who is typing in it ("bob is typing…"); empty
// when nobody is.
class TypingBar : public QLabel
{
    Q_OBJECT

public:
    explicit TypingBar(TypingTracker* tracker, QWidget* parent = nullptr);

    // The conversation on screen (a room or a nick); empty: none.
    void setConversation(const QString& conversation);

private:
    void refresh();

    TypingTracker* m_tracker;
    QString m_conversation;
};
