#include "widgets/messagegrouping.h"

#include "models/conversationmodel.h"
#include "models/conversationwindow.h"

#include <QModelIndex>

// The index may be the conversation's own or a window's on it (what a view shows): the rows
// before it count either way.

bool MessageGrouping::startsDay(const QModelIndex& index)
{
    const auto [model, row] = ConversationWindow::locate(index);
    return !model || model->startsDay(row);
}

bool MessageGrouping::isSpoken(const QModelIndex& index)
{
    const auto [model, row] = ConversationWindow::locate(index);
    return model && model->isSpoken(row);
}

bool MessageGrouping::continuesGroup(const QModelIndex& index)
{
    const auto [model, row] = ConversationWindow::locate(index);
    return model && model->continuesGroup(row, GroupGapSeconds);
}
