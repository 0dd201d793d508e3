#include "widgets/messagegrouping.h"

#include "models/conversationmodel.h"

#include <QDateTime>
#include <QModelIndex>

namespace {

QDate localDate(const QModelIndex& index)
{
    return index.data(ConversationModel::DayRole).toDate();
}

} // namespace

bool MessageGrouping::startsDay(const QModelIndex& index)
{
    const QModelIndex before = index.siblingAtRow(index.row() - 1);
    return !before.isValid() || localDate(before) != localDate(index);
}

bool MessageGrouping::isSpoken(const QModelIndex& index)
{
    using Kind = ConversationModel::Kind;
    const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
    return kind == Kind::Message || kind == Kind::Action || kind == Kind::Notice;
}

bool MessageGrouping::continuesGroup(const QModelIndex& index)
{
    const QModelIndex before = index.siblingAtRow(index.row() - 1);
    if (!before.isValid() || !isSpoken(before) || !isSpoken(index) || startsDay(index))
        return false;
    const auto* model = qobject_cast<const ConversationModel*>(index.model());
    if (model && model->dividerRow() == index.row())
        return false;
    if (before.data(ConversationModel::SenderRole).toString() !=
            index.data(ConversationModel::SenderRole).toString() ||
        before.data(ConversationModel::IsOwnRole).toBool() !=
            index.data(ConversationModel::IsOwnRole).toBool())
        return false;
    const qint64 gap = before.data(ConversationModel::TimeRole)
                           .toDateTime()
                           .secsTo(index.data(ConversationModel::TimeRole).toDateTime());
    return gap >= 0 && gap <= GroupGapSeconds;
}
