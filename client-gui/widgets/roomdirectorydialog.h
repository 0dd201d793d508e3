#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class RoomDirectoryModel;

// The rooms on the server (the answer to /list) in a table that a few typed letters filter;
// double-click (or Join) asks to join the room.
class RoomDirectoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RoomDirectoryDialog(RoomDirectoryModel* model, QWidget* parent = nullptr);

signals:
    void joinRequested(const QString& room);

private:
    void joinCurrent();
    void updateStatus();
    QString roomAt(const QModelIndex& index) const;

    RoomDirectoryModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_table;
    QLabel* m_status;
    QPushButton* m_joinButton;
};
