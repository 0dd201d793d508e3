// The contact list in the real main window against confabd: adding (from a member, from the
// "+" button), presence as it changes, removing, remembering, and writing to an offline contact.
#include "chatwindowfixture.h"
#include "models/contactlistmodel.h"
#include "session/serverconnection.h"
#include "widgets/chatinput.h"

#include <QAbstractButton>
#include <QAction>
#include <QInputDialog>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QStandardPaths>
#include <QTest>

class tst_ContactPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_f.start()); }
    void cleanup() { m_f.stop(); }
    void addedRemovedAndRemembered();
    void offlineContactCanBeWrittenTo();

private:
    QModelIndex row(int r) const
    {
        return m_f.child<QListView>("contactList")->model()->index(r, 0);
    }

    ChatWindowFixture m_f;
};

void tst_ContactPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_contactpanel"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_ContactPanel::addedRemovedAndRemembered()
{
    QCOMPARE(m_f.contactRows(), QStringList());
    m_f.connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(m_f.memberRows(), QStringList{QStringLiteral("bob")});
    m_f.controller()->addContact(QStringLiteral("bob"));
    QTRY_COMPARE(m_f.contactRows(), QStringList{QStringLiteral("bob")});
    QTRY_VERIFY2(row(0).data().toString().contains(QStringLiteral("online")),
                 qPrintable(row(0).data().toString()));

    // The + button asks for a name.
    QTest::mouseClick(m_f.child<QAbstractButton>("addContactButton"), Qt::LeftButton);
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_f.window()->findChild<QInputDialog*>(
                     QStringLiteral("addContactDialog"))));
    dialog->setTextValue(QStringLiteral("carol"));
    dialog->accept();
    QTRY_COMPARE(m_f.contactRows(), (QStringList{"bob", "carol"}));
    QTRY_VERIFY2(row(1).data().toString().contains(QStringLiteral("offline")),
                 qPrintable(row(1).data().toString()));
    ServerConnection* carol = m_f.connectPeer(QStringLiteral("carol"));
    QTRY_COMPARE(row(1).data(ContactListModel::PresenceRole).toInt(),
                 int(ContactPresence::State::Online));
    carol->setAway(QStringLiteral("in a meeting"));
    QTRY_VERIFY2(row(1).data().toString().contains(QStringLiteral("away: in a meeting")),
                 qPrintable(row(1).data().toString()));
    carol->disconnectFromServer(QStringLiteral("bye"));
    QTRY_VERIFY2(row(1).data().toString().contains(QStringLiteral("last seen")),
                 qPrintable(row(1).data().toString()));

    // Online first: dave, added last, comes before carol once online.
    m_f.controller()->addContact(QStringLiteral("dave"));
    m_f.connectPeer(QStringLiteral("dave"));
    QTRY_COMPARE(m_f.contactRows(), (QStringList{"bob", "dave", "carol"}));

    // Right-click on a contact: remove it.
    auto* contacts = m_f.child<QListView>("contactList");
    m_f.rightClick(contacts, row(2));
    auto* menu = m_f.window()->findChild<QMenu*>(QStringLiteral("contactMenu"));
    QVERIFY(menu);
    menu->findChild<QAction*>(QStringLiteral("removeContactAction"))->trigger();
    menu->close();
    QTRY_COMPARE(m_f.contactRows(), (QStringList{"bob", "dave"}));

    // Kept for this server: a new session starts with them.
    ChatController again;
    QCOMPARE(again.contacts()->nicks(), (QStringList{"bob", "dave"}));
}

void tst_ContactPanel::offlineContactCanBeWrittenTo()
{
    m_f.controller()->addContact(QStringLiteral("dave"));
    m_f.controller()->addContact(QStringLiteral("#notaname")); // refused, with a reason shown
    QTRY_VERIFY2(
        m_f.window()->currentConversation()->lastText().contains(QStringLiteral("#notaname")),
        qPrintable(m_f.window()->currentConversation()->lastText()));
    QCOMPARE(m_f.contactRows(), QStringList{QStringLiteral("dave")});
    QTRY_COMPARE(row(0).data(ContactListModel::PresenceRole).toInt(),
                 int(ContactPresence::State::Offline));
    auto* contacts = m_f.child<QListView>("contactList");
    const QRect rect = contacts->visualRect(row(0));
    QTest::mouseClick(contacts->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(contacts->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("dave"));
    m_f.type(QStringLiteral("see you later"));
    QTRY_VERIFY(m_f.viewText(QStringLiteral("dave")).contains(QStringLiteral("see you later")));
    // dave comes online: the contact list says so.
    m_f.connectPeer(QStringLiteral("dave"));
    QTRY_COMPARE(row(0).data(ContactListModel::PresenceRole).toInt(),
                 int(ContactPresence::State::Online));
}

QTEST_MAIN(tst_ContactPanel)
#include "tst_contactpanel.moc"
