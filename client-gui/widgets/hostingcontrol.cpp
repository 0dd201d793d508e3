#include "widgets/hostingcontrol.h"

#include "session/hostedlogin.h"
#include "session/serverconnection.h"
#include "widgets/logindialog.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include <utility>

HostingControl::HostingControl(ChatHost* host, ServerConnection* connection,
                               LoginDialog* loginDialog, QWidget* window)
    : QObject(window), m_host(host), m_connection(connection), m_loginDialog(loginDialog),
      m_window(window), m_label(new QLabel(window)), m_action(new QAction(this))
{
    m_label->setObjectName(QStringLiteral("hostingLabel"));
    m_label->setStyleSheet(QStringLiteral("QLabel { background: #2e86de; color: white; "
                                          "border-radius: 3px; padding: 0 6px; }"));
    m_action->setObjectName(QStringLiteral("hostAction"));
    connect(m_action, &QAction::triggered, this, &HostingControl::toggle);
    connect(m_host, &ChatHost::stateChanged, this, &HostingControl::update);
    connect(m_host, &ChatHost::connectionCountChanged, this, &HostingControl::update);
    connect(m_connection, &ServerConnection::stateChanged, this, &HostingControl::update);
    connect(m_host, &ChatHost::stateChanged, this, [this](ChatHost::State state) {
        if (state == ChatHost::State::Stopped && m_afterStop)
            std::exchange(m_afterStop, nullptr)();
    });
    update();
}

int HostingControl::othersCount() const
{
    const int own = HostedLogin::isConnectedToHost(m_host, m_connection) ? 1 : 0;
    return qMax(0, m_host->connectionCount() - own);
}

void HostingControl::update()
{
    const ChatHost::State state = m_host->state();
    m_label->setVisible(state != ChatHost::State::Stopped);
    if (state == ChatHost::State::Running) {
        const HostedChat& chat = m_host->chat();
        const int others = othersCount();
        m_label->setText(others == 0   ? tr("Hosting · nobody else here yet")
                         : others == 1 ? tr("Hosting · 1 other person here")
                                       : tr("Hosting · %n other people here", nullptr, others));
        m_label->setToolTip(tr("You host \"%1\" on this computer: port %2, and %3 with TLS. "
                               "Its certificate's fingerprint: %4")
                                .arg(chat.name)
                                .arg(chat.port)
                                .arg(chat.tlsPort)
                                .arg(chat.fingerprint));
    } else if (state == ChatHost::State::Starting) {
        m_label->setText(tr("Starting the hosted chat…"));
        m_label->setToolTip({});
    } else if (state == ChatHost::State::Stopping) {
        m_label->setText(tr("Ending the hosted chat…"));
        m_label->setToolTip({});
    }
    m_action->setText(state == ChatHost::State::Stopped ? tr("&Host a chat on this computer…")
                                                        : tr("Stop &hosting"));
    m_action->setEnabled(state == ChatHost::State::Stopped || state == ChatHost::State::Running);
}

void HostingControl::toggle()
{
    if (m_host->state() == ChatHost::State::Stopped) {
        if (!m_loginDialog->isVisible())
            m_loginDialog->open();
        m_loginDialog->hostChat();
        return;
    }
    stopHosting();
}

void HostingControl::stopHosting()
{
    if (!m_host->isRunning())
        return;
    confirmEnding(tr("Stop hosting"), tr("&Stop hosting"), [this] { endChat(); });
}

bool HostingControl::readyToQuit(const std::function<void()>& quit)
{
    if (m_host->state() == ChatHost::State::Stopped)
        return true;
    if (m_question)
        return false; // asked already
    if (m_afterStop)
        return false; // ending already
    confirmEnding(tr("Quit Confab"), tr("&Quit and end the chat"), [this, quit] {
        if (m_host->state() == ChatHost::State::Stopped) {
            quit();
            return;
        }
        m_afterStop = quit;
        endChat();
    });
    return false;
}

void HostingControl::confirmEnding(const QString& title, const QString& acceptText,
                                   const std::function<void()>& confirmed)
{
    const int others = othersCount();
    if (others == 0) {
        confirmed();
        return;
    }
    const QString text = others == 1
                             ? tr("The chat you host will end for the other person in it.")
                             : tr("The chat you host will end for the %n other people in it.",
                                  nullptr, others);
    m_question = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_window);
    m_question->setObjectName(QStringLiteral("endHostedChatQuestion"));
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* end = m_question->addButton(acceptText, QMessageBox::DestructiveRole);
    end->setObjectName(QStringLiteral("endChatButton"));
    m_question->setDefaultButton(QMessageBox::Cancel);
    connect(m_question, &QMessageBox::finished, this, [this, end, confirmed] {
        const bool yes = m_question->clickedButton() == end;
        m_question = nullptr;
        if (yes)
            confirmed();
    });
    m_question->open();
}

void HostingControl::endChat()
{
    if (HostedLogin::isConnectedToHost(m_host, m_connection))
        m_connection->disconnectFromServer(QStringLiteral("Leaving"));
    m_host->stop();
}
