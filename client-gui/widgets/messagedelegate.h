#pragma once

#include "files/filelink.h"
#include "widgets/filecardpainter.h"
#include "widgets/messagebodycache.h"

#include <QCache>
#include <QPixmap>
#include <QPointer>
#include <QRect>
#include <QStyledItemDelegate>

// Paints one row of a ConversationModel the way messengers do: a day separator where a new day
// begins, the "new messages" divider, a sender's initials avatar in their colour with their name
// and time above the first of their consecutive messages (the following ones sit under it), own
// messages tinted with the own colour, system lines small and grey. Wrapped lines align with the
// text, never with the avatar or time. Colours come from the view's palette (light or dark).
// A message that is only a link to a file of the server's file host shows the file instead
// (FileCardPainter: a picture's thumbnail, or a card with a Download button).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int Margin = 8;
    static constexpr int Gap = 8;

    explicit MessageDelegate(QObject* parent = nullptr);

    void setTimeFormat(const QString& format);
    QString timeFormat() const { return m_bodies.timeFormat(); }
    // After a palette or font change: rows are laid out and coloured again.
    void setLook(const QPalette& palette, const QFont& font);
    // Where files sent as links are looked up (none: they stay links).
    void setFilePreviews(FilePreviews* previews) { m_previews = previews; }
    FilePreviews* filePreviews() const { return m_previews; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

    // The link under pos (view coordinates) in the row drawn in rect; empty if none.
    QString anchorAt(const QRect& rect, const QModelIndex& index, const QPoint& pos) const;
    // The row's body as laid out at the width of a row drawn in rect (what tests look into).
    QTextDocument* bodyDocument(const QRect& rect, const QModelIndex& index) const;
    // Where the avatar of the row drawn in rect is; empty when the row has none.
    QRect avatarRect(const QRect& rect, const QModelIndex& index) const;
    // The file the row shows instead of its text, if any.
    std::optional<FileLink> fileLink(const QModelIndex& index) const;
    // Where that file is drawn in the row drawn in rect; empty when it has none.
    QRect fileRect(const QRect& rect, const QModelIndex& index) const;
    // What of the file is under pos (view coordinates) in the row drawn in rect.
    FileCardPainter::Hit fileHitAt(const QRect& rect, const QModelIndex& index,
                                   const QPoint& pos) const;
    // The row as text, the way copying gives it: "12:04  alice: hi", "12:05 — bob joined".
    QString plainText(const QModelIndex& index) const;
    // What the day separator above the row says: "Today", "Yesterday" or the date.
    QString dayText(const QModelIndex& index) const;

private:
    struct Geometry
    {
        QRect daySeparator; // empty: the row does not begin a day
        QRect divider;      // empty: the divider is not before this row
        QRect avatar;       // empty: no avatar (a continued group, a system line)
        QRect header;       // name and time; empty when there is none
        QRect body;
        QRect file;         // the picture or card of a file link; empty for other rows
        std::optional<FileLink> link;
        QRect message;      // header + body: what own tint and selection cover
        int height = 0;
    };

    Geometry geometry(const QRect& rect, const QModelIndex& index) const;
    int lineHeight() const;
    void paintDaySeparator(QPainter* painter, const QRect& rect, const QModelIndex& index,
                           const QPalette& palette) const;
    void paintDivider(QPainter* painter, const QRect& rect) const;
    void paintHeader(QPainter* painter, const QRect& rect, const QModelIndex& index,
                     const QPalette& palette) const;
    QColor senderColor(const QModelIndex& index, const QColor& base) const;
    // Avatar, name, time and text of the row, drawn once into a picture and reused while the
    // row is on screen: text shaping (and colour emoji, PNG inside the font) is the costly part
    // of a frame. The picture covers Geometry::message.
    void paintMessage(QPainter* painter, const Geometry& g, const QModelIndex& index,
                      const QPalette& palette) const;
    void paintFile(QPainter* painter, const Geometry& g, const QPalette& palette) const;

    static constexpr int MaxPictureKb = 16 * 1024; // a few screens of rows
    mutable MessageBodyCache m_bodies;
    mutable QCache<QPair<quint64, int>, QPixmap> m_pictures{MaxPictureKb};
    mutable qreal m_pictureRatio = 1;
    QFont m_font;
    QPointer<FilePreviews> m_previews;
};
