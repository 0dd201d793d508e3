#include "widgets/initialsavatar.h"

#include "widgets/nickcolor.h"

#include <QFont>
#include <QPainter>
#include <QRect>
#include <QTextBoundaryFinder>

namespace {

// The first grapheme (a letter with its accents, an emoji with its modifiers) of word.
QString firstGrapheme(const QString& word)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, word);
    const qsizetype end = finder.toNextBoundary();
    return word.left(end > 0 ? end : word.size());
}

} // namespace

QString InitialsAvatar::initials(const QString& name)
{
    // Letters only: "[bot]alice" → "A"; IRC decorations and digits say nothing of a person.
    QStringList words;
    QString word;
    for (const QChar c : name) {
        if (c.isLetter() || c.isMark() || c.isSurrogate() || c.isSymbol()) {
            word += c;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    if (words.isEmpty())
        return name.isEmpty() ? QStringLiteral("?") : firstGrapheme(name).toUpper();
    QString result = firstGrapheme(words.constFirst()).toUpper();
    if (words.size() > 1 && words.constLast().at(0).script() == QChar::Script_Latin)
        result += firstGrapheme(words.constLast()).toUpper();
    return result;
}

void InitialsAvatar::paint(QPainter* painter, const QRect& rect, const QString& name,
                           const QColor& color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(rect);
    const QColor ink = NickColor::contrast(color, Qt::white) >= NickColor::contrast(color, Qt::black)
                           ? QColor(Qt::white)
                           : QColor(Qt::black);
    painter->setPen(ink);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(qMax(8, rect.height() * 2 / 5));
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, initials(name));
    painter->restore();
}
