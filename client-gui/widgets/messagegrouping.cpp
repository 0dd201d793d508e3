#include "widgets/messagegrouping.h"

#include "models/conversationmodel.h"

#include <QModelIndex>

namespace {

const ConversationModel* modelOf(const QModelIndex& index)
{
    return qobject_cast<const ConversationModel*>(index.model());
}

} // namespace

bool MessageGrouping::startsDay(const QModelIndex& index)
{
    const ConversationModel* model = modelOf(index);
    return !model || model->startsDay(index.row());
}

bool MessageGrouping::isSpoken(const QModelIndex& index)
{
    const ConversationModel* model = modelOf(index);
    return model && model->isSpoken(index.row());
}

bool MessageGrouping::continuesGroup(const QModelIndex& index)
{
    const ConversationModel* model = modelOf(index);
    return model && model->continuesGroup(index.row(), GroupGapSeconds);
}
