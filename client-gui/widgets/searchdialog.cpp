#include "widgets/searchdialog.h"

#include "storage/messagestore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int TypingPauseMs = 250; // search when the typing pauses, not at every key

} // namespace

SearchDialog::SearchDialog(MessageStore* store, QWidget* parent)
    : QDialog(parent), m_store(store), m_queryEdit(new QLineEdit(this)),
      m_scopeCombo(new QComboBox(this)), m_results(new QListWidget(this)),
      m_summary(new QLabel(this)), m_typingTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Search messages"));
    m_queryEdit->setObjectName(QStringLiteral("searchEdit"));
    m_scopeCombo->setObjectName(QStringLiteral("searchScope"));
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_summary->setObjectName(QStringLiteral("searchSummary"));
    m_queryEdit->setPlaceholderText(tr("Words to find, in any language"));
    m_queryEdit->setClearButtonEnabled(true);
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    m_summary->setWordWrap(true);
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(TypingPauseMs);

    auto* top = new QHBoxLayout;
    top->addWidget(m_queryEdit, 1);
    top->addWidget(m_scopeCombo);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
    resize(560, 420);

    connect(m_queryEdit, &QLineEdit::textChanged, m_typingTimer, qOverload<>(&QTimer::start));
    connect(m_queryEdit, &QLineEdit::returnPressed, this, &SearchDialog::search);
    connect(m_typingTimer, &QTimer::timeout, this, &SearchDialog::search);
    connect(m_scopeCombo, &QComboBox::currentIndexChanged, this, &SearchDialog::search);
    connect(m_store, &MessageStore::searchFinished, this, &SearchDialog::onSearchFinished);
    connect(m_results, &QListWidget::itemActivated, this, &SearchDialog::onItemActivated);
}

void SearchDialog::openFor(const QString& conversation)
{
    m_conversation = conversation;
    const QSignalBlocker blocker(m_scopeCombo);
    m_scopeCombo->clear();
    if (!conversation.isEmpty())
        m_scopeCombo->addItem(tr("In %1").arg(conversation), conversation);
    m_scopeCombo->addItem(tr("In all conversations"), QString());
    m_scopeCombo->setCurrentIndex(0);
    show();
    raise();
    activateWindow();
    m_queryEdit->setFocus();
    m_queryEdit->selectAll();
    search();
}

QString SearchDialog::conversation() const
{
    return m_scopeCombo->currentData().toString();
}

void SearchDialog::search()
{
    m_typingTimer->stop();
    const QString query = m_queryEdit->text().trimmed();
    if (query.isEmpty()) {
        m_pendingRequest = 0;
        m_shown.clear();
        m_results->clear();
        m_summary->setText(tr("Type to search the messages kept on this computer."));
        return;
    }
    m_pendingRequest = m_store->search(query, conversation());
}

void SearchDialog::onSearchFinished(int requestId, const QString& query,
                                    const QList<StoredMessage>& results)
{
    if (requestId != m_pendingRequest)
        return; // an older search, overtaken by typing
    m_pendingRequest = 0;
    m_shown = results;
    m_results->clear();
    const QLocale locale;
    for (const StoredMessage& message : results) {
        const QString when = locale.toString(message.time.toLocalTime(), QLocale::ShortFormat);
        const QString who = message.senderName.isEmpty() ? message.sender : message.senderName;
        auto* item = new QListWidgetItem(
            tr("%1 · %2 · %3: %4").arg(when, message.conversation, who, message.text), m_results);
        item->setToolTip(message.text);
    }
    if (results.isEmpty())
        m_summary->setText(tr("No messages contain “%1”.").arg(query));
    else if (results.size() >= MessageStore::SearchLimit)
        m_summary->setText(tr("The newest %n messages that contain “%1”:", nullptr,
                              int(results.size()))
                               .arg(query));
    else
        m_summary->setText(tr("%n message(s) contain “%1”:", nullptr, int(results.size())).arg(query));
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void SearchDialog::onItemActivated(QListWidgetItem* item)
{
    const int row = m_results->row(item);
    if (row < 0 || row >= m_shown.size())
        return;
    emit resultChosen(m_shown.at(row));
    hide();
}
