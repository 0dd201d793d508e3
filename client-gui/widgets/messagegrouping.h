#pragma once

class QModelIndex;

// How rows of a ConversationModel group on screen: a row that begins a new day gets a day
// separator above it; a message that follows one of the same sender closely (same day, within
// GroupGapSeconds, no "new messages" divider between) goes under the first one's name and time.
class MessageGrouping
{
public:
    static constexpr int GroupGapSeconds = 5 * 60;

    // The row is the first one, or its local date differs from the row before.
    static bool startsDay(const QModelIndex& index);
    // The row continues the group of the row before: no name, time or avatar of its own.
    static bool continuesGroup(const QModelIndex& index);
    // The row is said by someone (a message, an action or a notice), not a system line.
    static bool isSpoken(const QModelIndex& index);
};
