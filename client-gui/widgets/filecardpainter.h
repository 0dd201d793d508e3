#pragma once

#include "files/filelink.h"
#include "files/filepreviews.h"

#include <QCoreApplication>
#include <QFont>
#include <QRect>

class QPainter;
class QPalette;

// How a file someone sent looks in the conversation, under the sender's name instead of its
// link: a picture as its thumbnail (click to open it), any other file as a card with its name,
// size and a Download button that becomes a progress bar, then Open. Sizes are fixed per kind,
// so a row's height never changes when the picture arrives.
class FileCardPainter
{
    Q_DECLARE_TR_FUNCTIONS(FileCardPainter)

public:
    enum class Hit { None, Picture, Button };

    explicit FileCardPainter(const QFont& font) : m_font(font) {}

    // The space the file takes at most this wide.
    QSize size(const FileLink& link, int width) const;
    void paint(QPainter* painter, const QRect& rect, const FileLink& link,
               const FilePreviews::Preview& preview, const QPalette& palette) const;
    // What is at pos in a file drawn in rect.
    Hit hitAt(const QRect& rect, const FileLink& link, const QPoint& pos) const;
    // The Download / Open button of a card drawn in rect.
    QRect buttonRect(const QRect& rect) const;
    // The card's second line: size and what happens to the file.
    static QString statusText(const FilePreviews::Preview& preview);

private:
    int lineHeight() const;
    void paintPicture(QPainter* painter, const QRect& rect, const FileLink& link,
                      const FilePreviews::Preview& preview, const QPalette& palette) const;
    void paintCard(QPainter* painter, const QRect& rect, const FileLink& link,
                   const FilePreviews::Preview& preview, const QPalette& palette) const;

    QFont m_font;
};
