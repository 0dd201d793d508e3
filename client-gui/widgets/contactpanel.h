#pragma once

#include <QWidget>

class ContactListModel;
class QListView;
class QSortFilterProxyModel;
class QToolButton;

// The user's contacts beside the rooms: online first, then away, then offline (with when they
// were last seen). Double-click (or Enter) asks for a private conversation, online or not; the
// "+" button and the right-click menu add and remove contacts.
class ContactPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ContactPanel(ContactListModel* model, QWidget* parent = nullptr);

    QListView* list() const { return m_list; }
    // Marks the contact's row as current (the conversation on screen), or none.
    void select(const QString& nick);

public slots:
    // Asks for a name (without blocking) and emits addRequested with it.
    void askForContact(const QString& initial = {});

signals:
    void conversationRequested(const QString& nick);
    void addRequested(const QString& name);
    void removeRequested(const QString& name);

private:
    void showMenu(const QPoint& pos);

    ContactListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QListView* m_list;
    QToolButton* m_addButton;
};
