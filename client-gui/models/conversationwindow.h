#pragma once

#include <QAbstractProxyModel>
#include <QPointer>

#include <utility>

class ConversationModel;

// The part of a ConversationModel a view shows: at most maxRows() consecutive rows, so that
// laying them out (which a list view does for every row it has, whenever rows go in) costs the
// same however far back the user has read. The conversation itself keeps every line loaded; the
// window slides over it in steps when the user scrolls past one of its ends (showEarlier,
// showLater), and jumps to the newest lines or around a search result.
//
// Rows the conversation gains go into the window where they touch it: history inside it, older
// lines above it while it holds the whole conversation and has room, and live lines after it when
// it ends at the newest one and the view follows them (or has room). Otherwise the window stops
// at what was there (the view offers to jump to the latest); older pages above a full window are
// announced (earlierRowsArrived) and shown as the view slides up to them, a step at a time.
class ConversationWindow : public QAbstractProxyModel
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxRows = 1000;
    // Rows shown at once when sliding: a step's rows are laid out for the first time in one
    // frame (their text wrapped), so it stays small.
    static constexpr int DefaultStep = 25;

    explicit ConversationWindow(QObject* parent = nullptr);

    // Shows the newest lines of conversation.
    void setConversation(ConversationModel* conversation);
    ConversationModel* conversation() const { return m_conversation; }
    // At most maxRows rows; showEarlier and showLater move by step rows.
    void setLimits(int maxRows, int step);
    int maxRows() const { return m_maxRows; }
    // Following (the view set it at the newest line, or the rows read went away): live lines go
    // in and the oldest rows leave, and the view keeps to the bottom; otherwise a full window
    // stops before live lines.
    void setFollowing(bool following) { m_following = following; }
    bool isFollowing() const { return m_following; }

    // The conversation's row shown as row 0.
    int firstRow() const { return m_first; }
    bool startsAtOldest() const { return m_first == 0; }
    bool endsAtNewest() const;
    // Shows up to step rows before the first one (the last ones leave); false if there are none.
    bool showEarlier();
    // Shows up to step rows after the last one (the first ones leave); false if there are none.
    bool showLater();
    // Shows the newest maxRows rows.
    void showLatest();
    // Shows maxRows rows around the conversation's row.
    void showAround(int conversationRow);
    // The window's index of the conversation's row (invalid when outside the window).
    QModelIndex indexOfRow(int conversationRow) const;

    // The conversation and its row behind an index of a window or of a conversation itself.
    static std::pair<const ConversationModel*, int> locate(const QModelIndex& index);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

signals:
    // Older rows went in above the oldest one shown (a page of history): showEarlier shows them.
    void earlierRowsArrived();

private:
    void setSourceModel(QAbstractItemModel* model) override;
    int sourceCount() const;
    // The first row and the count of a window on the newest rows.
    std::pair<int, int> newestRows() const;
    void onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last);
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onRowsRemoved(const QModelIndex& parent, int first, int last);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                       const QList<int>& roles);
    void onSourceReset();
    // Shows count more rows at the top (count > 0) or the bottom.
    void grow(int count, bool atTop);
    // Lets rows leave from the top or the bottom until at most maxRows remain.
    void trim(bool fromTop);
    void reset(int first, int count);

    QPointer<ConversationModel> m_conversation;
    int m_first = 0;
    int m_count = 0;
    int m_maxRows = DefaultMaxRows;
    int m_step = DefaultStep;
    bool m_following = true;
    // Between an insertion in the conversation and its end: where the new rows go.
    enum class Insert { None, Above, AtTop, Inside, AtBottom };
    Insert m_insert = Insert::None;
    // Between a removal in the conversation and its end: how many of the window's rows go, and
    // how many rows above it.
    int m_removedInside = 0;
    int m_removedBefore = 0;
};
