#include "chatwindowfixture.h"

#include "models/contactlistmodel.h"
#include "models/conversationstore.h"
#include "models/memberlistmodel.h"
#include "models/roomlistmodel.h"
#include "session/clientsettings.h"
#include "session/serverconnection.h"
#include "widgets/chatinput.h"
#include "widgets/conversationview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QListView>
#include <QSettings>
#include <QTest>

ChatWindowFixture::ChatWindowFixture() = default;

ChatWindowFixture::~ChatWindowFixture()
{
    stop();
}

bool ChatWindowFixture::start()
{
    QSettings().remove(QStringLiteral("contacts"));
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    m_server = std::make_unique<Server>(config);
    if (!m_server->listen()) {
        qWarning("server: %s", qPrintable(m_server->errorString()));
        return false;
    }
    QSettings().setValue(SettingsKeys::Host, QStringLiteral("127.0.0.1"));
    m_controller = std::make_unique<ChatController>();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    ServerConnection* own = m_controller->connection();
    own->setHost(QStringLiteral("127.0.0.1"));
    own->setPort(m_server->serverPort());
    own->setDesiredNick(QStringLiteral("me"));
    own->connectToServer();
    const bool ready = QTest::qWaitFor([this] {
        return m_controller->rooms()->isJoined(QStringLiteral("#lobby")) &&
               m_window->currentConversation();
    });
    QApplication::setActiveWindow(m_window.get());
    return ready;
}

void ChatWindowFixture::stop()
{
    m_window.reset();
    m_controller.reset();
    qDeleteAll(m_peers);
    m_peers.clear();
    m_server.reset();
}

ServerConnection* ChatWindowFixture::connectPeer(const QString& nick)
{
    auto* peer = new ServerConnection;
    m_peers.append(peer);
    peer->setHost(QStringLiteral("127.0.0.1"));
    peer->setPort(m_server->serverPort());
    peer->setDesiredNick(nick);
    peer->setAutoReconnect(false);
    peer->connectToServer();
    if (!QTest::qWaitFor([peer] { return peer->isRegistered(); }))
        qWarning("%s did not register", qPrintable(nick));
    return peer;
}

void ChatWindowFixture::type(const QString& line)
{
    auto* input = child<ChatInput>("messageInput");
    input->setFocus();
    QTest::keyClicks(input, line);
    QTest::keyClick(input, Qt::Key_Return);
}

QStringList ChatWindowFixture::memberRows() const
{
    auto* list = child<QListView>("memberList");
    QStringList rows;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        rows.append(list->model()->index(row, 0).data(MemberListModel::NickRole).toString());
    rows.removeAll(QStringLiteral("me"));
    return rows;
}

QModelIndex ChatWindowFixture::memberIndex(const QString& nick) const
{
    auto* list = child<QListView>("memberList");
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(MemberListModel::NickRole).toString() == nick)
            return index;
    }
    return {};
}

QStringList ChatWindowFixture::contactRows() const
{
    auto* list = child<QListView>("contactList");
    QStringList rows;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        rows.append(list->model()->index(row, 0).data(ContactListModel::NickRole).toString());
    return rows;
}

QString ChatWindowFixture::viewText(const QString& name) const
{
    ConversationView* view = m_window->viewFor(name);
    return view ? view->toPlainText() : QString();
}

void ChatWindowFixture::rightClick(QListView* list, const QModelIndex& index) const
{
    const QPoint at = list->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, list->viewport()->mapToGlobal(at));
    QApplication::sendEvent(list->viewport(), &event);
}
