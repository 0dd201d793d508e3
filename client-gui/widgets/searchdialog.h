#pragma once

#include "storage/storedmessage.h"

#include <QDialog>
#include <QList>

class MessageStore;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

// Searches the messages kept on this computer (MessageStore) as the user types: in one
// conversation (Ctrl+F) or in all of them (Ctrl+Shift+F), newest first. Choosing a result says
// which message it was; the main window then shows it in its conversation.
class SearchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SearchDialog(MessageStore* store, QWidget* parent = nullptr);

    // Opens on one conversation (empty: all), keeping the last search text.
    void openFor(const QString& conversation);
    QString conversation() const;

signals:
    void resultChosen(const StoredMessage& message);

private:
    void search();
    void onSearchFinished(int requestId, const QString& query, const QList<StoredMessage>& results);
    void onItemActivated(QListWidgetItem* item);

    MessageStore* m_store;
    QLineEdit* m_queryEdit;
    QComboBox* m_scopeCombo;
    QListWidget* m_results;
    QLabel* m_summary;
    QTimer* m_typingTimer;
    QString m_conversation;
    QList<StoredMessage> m_shown;
    int m_pendingRequest = 0;
};
