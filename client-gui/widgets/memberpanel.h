#pragma once

#include <QWidget>

#include <functional>
#include <utility>

class MemberListModel;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

// The members of the room on screen, beside the conversation (as HexChat shows them):
// operators and voiced people first with their marks, a filter by name, double-click for a
// private conversation and a right-click menu that also adds the person to the contacts.
class MemberPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MemberPanel(MemberListModel* model, QWidget* parent = nullptr);

    QListView* list() const { return m_list; }
    // Whether a nick is among the user's contacts already (the menu offers to add the others).
    void setContactCheck(std::function<bool(const QString&)> isContact)
    {
        m_isContact = std::move(isContact);
    }

signals:
    void conversationRequested(const QString& nick);
    void addContactRequested(const QString& nick);

private:
    void showMenu(const QPoint& pos);
    void updateCount();

    MemberListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_title;
    QLineEdit* m_filter;
    QListView* m_list;
    std::function<bool(const QString&)> m_isContact;
};
