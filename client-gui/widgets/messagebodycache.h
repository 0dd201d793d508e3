#pragma once

#include <QCache>
#include <QFont>
#include <QPair>
#include <QPalette>
#include <QString>

class QModelIndex;
class QTextDocument;

// The text of a conversation row as laid out on screen: the message with its links and mention
// highlight, an action with its sender, a system line with its time, and the sending state. Built
// once per row content and width and kept for the rows on screen (MaxDocuments); only the heights
// are kept for more (layout of a long conversation asks every row's height).
class MessageBodyCache
{
public:
    static constexpr int MaxDocuments = 400;
    static constexpr int MaxHeights = 20000;

    MessageBodyCache();

    // Grey for times and system lines, and a faint wash, made from the palette's text and base
    // (any palette, light or dark, gives readable ones: its placeholder colour may not).
    static QColor muted(const QPalette& palette);
    static QColor faint(const QPalette& palette);
    // What a line not (yet) sent says after its text ("waiting to be sent", "not sent"); empty
    // for a sent one. status: a ConversationModel::Status.
    static QString statusNote(int status);

    void setPalette(const QPalette& palette);
    void setFont(const QFont& font);
    void setTimeFormat(const QString& format);
    QString timeFormat() const { return m_timeFormat; }

    // The body of index laid out at width; owned by the cache, valid until the next call.
    QTextDocument* document(const QModelIndex& index, int width);
    int height(const QModelIndex& index, int width);
    // The HTML that document() lays out.
    QString html(const QModelIndex& index) const;

private:
    // A line's body changes only with its sending state (the model's lines are otherwise fixed),
    // and its layout with the width.
    using Key = QPair<quint64, int>;
    static Key keyOf(const QModelIndex& index, int width);
    void clear();

    QPalette m_palette;
    QFont m_font;
    QString m_timeFormat = QStringLiteral("HH:mm");
    QCache<Key, QTextDocument> m_documents{MaxDocuments};
    // The least recently asked go first: those of the rows laid out stay (clearing them all at
    // once would lay out every row's text again in one frame).
    QCache<Key, int> m_heights{MaxHeights};
};
