#include "models/conversationwindow.h"

#include "models/conversationmodel.h"

#include <algorithm>
#include <tuple>
#include <utility>

ConversationWindow::ConversationWindow(QObject* parent) : QAbstractProxyModel(parent) {}

void ConversationWindow::setConversation(ConversationModel* conversation)
{
    setSourceModel(conversation);
}

void ConversationWindow::setSourceModel(QAbstractItemModel* model)
{
    beginResetModel();
    if (m_conversation)
        m_conversation->disconnect(this);
    QAbstractProxyModel::setSourceModel(model);
    m_conversation = qobject_cast<ConversationModel*>(model);
    m_removedInside = m_removedBefore = 0;
    m_following = true;
    std::tie(m_first, m_count) = newestRows();
    if (m_conversation) {
        connect(m_conversation, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &ConversationWindow::onRowsAboutToBeInserted);
        connect(m_conversation, &QAbstractItemModel::rowsInserted, this,
                &ConversationWindow::onRowsInserted);
        connect(m_conversation, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &ConversationWindow::onRowsAboutToBeRemoved);
        connect(m_conversation, &QAbstractItemModel::rowsRemoved, this,
                &ConversationWindow::onRowsRemoved);
        connect(m_conversation, &QAbstractItemModel::dataChanged, this,
                &ConversationWindow::onDataChanged);
        connect(m_conversation, &QAbstractItemModel::modelAboutToBeReset, this,
                &ConversationWindow::beginResetModel);
        connect(m_conversation, &QAbstractItemModel::modelReset, this,
                &ConversationWindow::onSourceReset);
    }
    endResetModel();
}

void ConversationWindow::setLimits(int maxRows, int step)
{
    m_maxRows = std::max(1, maxRows);
    m_step = std::clamp(step, 1, m_maxRows);
    if (m_count > m_maxRows)
        reset(m_first + m_count - m_maxRows, m_maxRows);
}

int ConversationWindow::sourceCount() const
{
    return m_conversation ? m_conversation->rowCount() : 0;
}

std::pair<int, int> ConversationWindow::newestRows() const
{
    const int count = std::min(m_maxRows, sourceCount());
    return {sourceCount() - count, count};
}

bool ConversationWindow::endsAtNewest() const
{
    return m_first + m_count >= sourceCount();
}

QModelIndex ConversationWindow::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || column != 0 || row < 0 || row >= rowCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ConversationWindow::parent(const QModelIndex&) const
{
    return {};
}

int ConversationWindow::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_conversation ? 0 : m_count;
}

int ConversationWindow::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

bool ConversationWindow::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QModelIndex ConversationWindow::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_conversation || proxyIndex.model() != this)
        return {};
    return m_conversation->index(m_first + proxyIndex.row());
}

QModelIndex ConversationWindow::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_conversation)
        return {};
    return indexOfRow(sourceIndex.row());
}

QModelIndex ConversationWindow::indexOfRow(int conversationRow) const
{
    return index(conversationRow - m_first, 0);
}

std::pair<const ConversationModel*, int> ConversationWindow::locate(const QModelIndex& index)
{
    if (const auto* conversation = qobject_cast<const ConversationModel*>(index.model()))
        return {conversation, index.row()};
    if (const auto* window = qobject_cast<const ConversationWindow*>(index.model()))
        return {window->m_conversation, window->m_first + index.row()};
    return {nullptr, -1};
}

void ConversationWindow::grow(int count, bool atTop)
{
    if (count <= 0)
        return;
    if (atTop) {
        beginInsertRows({}, 0, count - 1);
        m_first -= count;
    } else {
        beginInsertRows({}, m_count, m_count + count - 1);
    }
    m_count += count;
    endInsertRows();
}

void ConversationWindow::trim(bool fromTop)
{
    const int excess = m_count - m_maxRows;
    if (excess <= 0)
        return;
    if (fromTop) {
        beginRemoveRows({}, 0, excess - 1);
        m_first += excess;
    } else {
        beginRemoveRows({}, m_count - excess, m_count - 1);
    }
    m_count -= excess;
    endRemoveRows();
}

void ConversationWindow::reset(int first, int count)
{
    if (first == m_first && count == m_count)
        return;
    beginResetModel();
    m_first = first;
    m_count = count;
    endResetModel();
}

bool ConversationWindow::showEarlier()
{
    if (m_first == 0)
        return false;
    grow(std::min(m_step, m_first), true);
    trim(false);
    return true;
}

bool ConversationWindow::showLater()
{
    const int after = sourceCount() - m_first - m_count;
    if (after <= 0)
        return false;
    grow(std::min(m_step, after), false);
    trim(true);
    return true;
}

void ConversationWindow::showLatest()
{
    const auto [first, count] = newestRows();
    reset(first, count);
}

void ConversationWindow::showAround(int conversationRow)
{
    const int count = std::min(m_maxRows, sourceCount());
    reset(std::clamp(conversationRow - count / 2, 0, sourceCount() - count), count);
}

// Where the conversation's new rows go is decided before they are in, so that the window's rows
// answer for what they were until endInsertRows.
void ConversationWindow::onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last)
{
    m_insert = Insert::None;
    if (parent.isValid())
        return;
    const int added = last - first + 1;
    const int end = m_first + m_count;
    if (first == end && end == sourceCount()) {
        // Live lines after the newest one shown: in while following (the oldest rows leave), or
        // while there is room; else the window stays where the user reads.
        if (m_following || m_count + added <= m_maxRows)
            m_insert = Insert::AtBottom;
    } else if (first == 0 && m_first == 0 && m_count + added <= m_maxRows) {
        m_insert = Insert::AtTop; // older lines, and the window has room for them
    } else if (first <= m_first) {
        m_insert = Insert::Above;
    } else if (first < end) {
        m_insert = Insert::Inside; // history among the rows shown
    }
    if (m_insert != Insert::None && m_insert != Insert::Above)
        beginInsertRows({}, first - m_first, last - m_first);
}

void ConversationWindow::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const Insert insert = std::exchange(m_insert, Insert::None);
    const int added = last - first + 1;
    if (insert == Insert::Above) {
        // An older page while the window starts at the oldest line: the view shows it by sliding
        // up (showEarlier), a step at a time, not all in one frame. Its rows go in one by one,
        // each above the last: announced once, for the first.
        const bool atOldest = m_first == 0;
        m_first += added;
        if (atOldest)
            emit earlierRowsArrived();
        return;
    }
    if (insert == Insert::None)
        return;
    m_count += added;
    endInsertRows();
    // Bounded again, losing rows at the end away from the reader.
    if (insert == Insert::AtBottom)
        trim(true);
    else if (insert == Insert::Inside)
        trim(m_following);
}

void ConversationWindow::onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    m_removedBefore = std::max(0, std::min(last, m_first - 1) - first + 1);
    const int from = std::max(first, m_first);
    const int to = std::min(last, m_first + m_count - 1);
    m_removedInside = std::max(0, to - from + 1);
    if (m_removedInside > 0)
        beginRemoveRows({}, from - m_first, to - m_first);
}

void ConversationWindow::onRowsRemoved(const QModelIndex& parent, int, int)
{
    if (parent.isValid())
        return;
    m_first -= std::exchange(m_removedBefore, 0);
    if (m_removedInside > 0) {
        m_count -= std::exchange(m_removedInside, 0);
        endRemoveRows();
    }
    if (m_count == 0 && sourceCount() > 0) { // the rows read are gone: back to the newest
        m_following = true;
        showLatest();
    }
}

void ConversationWindow::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                       const QList<int>& roles)
{
    const int from = std::max(topLeft.row(), m_first) - m_first;
    const int to = std::min(bottomRight.row(), m_first + m_count - 1) - m_first;
    if (from <= to)
        emit dataChanged(index(from, 0), index(to, 0), roles);
}

void ConversationWindow::onSourceReset()
{
    std::tie(m_first, m_count) = newestRows();
    endResetModel();
}
