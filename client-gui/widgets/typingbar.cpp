#include "widgets/typingbar.h"

#include "session/typingtracker.h"

TypingBar::TypingBar(TypingTracker* tracker, QWidget* parent) : QLabel(parent), m_tracker(tracker)
{
    setObjectName(QStringLiteral("typingBar"));
    QFont font = this->font();
    font.setItalic(true);
    setFont(font);
    setMinimumHeight(fontMetrics().height()); // the layout does not jump when it fills
    connect(tracker, &TypingTracker::changed, this, [this] { refresh(); });
}

void TypingBar::setConversation(const QString& conversation)
{
    m_conversation = conversation;
    refresh();
}

void TypingBar::refresh()
{
    const QStringList nicks =
        m_conversation.isEmpty() ? QStringList() : m_tracker->typing(m_conversation);
    switch (nicks.size()) {
    case 0:
        setText(QString());
        break;
    case 1:
        setText(tr("%1 is typing…").arg(nicks.at(0)));
        break;
    case 2:
        setText(tr("%1 and %2 are typing…").arg(nicks.at(0), nicks.at(1)));
        break;
    default:
        setText(tr("%n people are typing…", nullptr, int(nicks.size())));
        break;
    }
}
