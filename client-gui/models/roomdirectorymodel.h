#pragma once

#include <QAbstractTableModel>
#include <QList>

// The rooms on the server as /list tells them: name, how many people, topic. Filled line by line
// while the answer arrives; complete() says when it is all there.
class RoomDirectoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UsersColumn, TopicColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };

    explicit RoomDirectoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    bool isComplete() const { return m_complete; }

public slots:
    void clear(); // a new request: empty and not complete
    void addRoom(const QString& name, int users, const QString& topic);
    void finish();

signals:
    void completeChanged(bool complete);

private:
    struct Room
    {
        QString name;
        int users = 0;
        QString topic;
    };
    QList<Room> m_rooms;
    bool m_complete = false;
};
