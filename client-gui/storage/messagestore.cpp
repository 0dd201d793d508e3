#include "storage/messagestore.h"

#include "storage/messagestoreworker.h"

#include <QCryptographicHash>
#include <QThread>

MessageStore::MessageStore(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new MessageStoreWorker)
{
    qRegisterMetaType<StoredMessage>();
    qRegisterMetaType<QList<StoredMessage>>();
    qRegisterMetaType<QList<StoredConversation>>();
    m_thread->setObjectName(QStringLiteral("message store"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MessageStoreWorker::opened, this, &MessageStore::opened);
    connect(m_worker, &MessageStoreWorker::latestLoaded, this, &MessageStore::latestLoaded);
    connect(m_worker, &MessageStoreWorker::searchFinished, this, &MessageStore::searchFinished);
    connect(m_worker, &MessageStoreWorker::conversationsLoaded, this,
            &MessageStore::conversationsLoaded);
    m_thread->start();
}

MessageStore::~MessageStore()
{
    // What was queued before is written first (one queue, in order); then the database closes.
    QMetaObject::invokeMethod(m_worker, &MessageStoreWorker::close,
                              Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString MessageStore::fileNameFor(const QString& host, quint16 port, const QString& login)
{
    // One file per server and login; the name is a digest so that any host or nick makes a
    // valid file name.
    const QByteArray key = QStringLiteral("%1:%2/%3").arg(host.toLower()).arg(port).arg(login.toCaseFolded()).toUtf8();
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
    return digest + QStringLiteral(".sqlite");
}

void MessageStore::open(const QString& path)
{
    if (path == m_path)
        return;
    m_path = path;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path] { worker->open(path); },
                              Qt::QueuedConnection);
}

void MessageStore::append(const QList<StoredMessage>& messages)
{
    if (messages.isEmpty())
        return;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, messages] { worker->append(messages); },
                              Qt::QueuedConnection);
}

int MessageStore::loadLatest(const QString& conversation, int limit, const QDateTime& before)
{
    const int id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, conversation, limit, before] {
            worker->loadLatest(id, conversation, limit, before);
        },
        Qt::QueuedConnection);
    return id;
}

int MessageStore::search(const QString& query, const QString& conversation)
{
    const int id = m_nextRequest++;
    const QString text = query.left(MaxQueryChars);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, text, conversation] {
            worker->search(id, text, conversation, SearchLimit);
        },
        Qt::QueuedConnection);
    return id;
}

void MessageStore::setLimits(int maxPerConversation, int maxMessages)
{
    const int perConversation =
        maxPerConversation > 0 ? maxPerConversation : DefaultMaxPerConversation;
    const int total = maxMessages > 0 ? maxMessages : DefaultMaxMessages;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, perConversation, total] { worker->setLimits(perConversation, total); },
        Qt::QueuedConnection);
}

int MessageStore::loadConversations(int limit)
{
    const int id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, limit] { worker->loadConversations(id, limit); },
        Qt::QueuedConnection);
    return id;
}
