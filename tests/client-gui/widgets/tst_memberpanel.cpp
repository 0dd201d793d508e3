// The member list beside a room's conversation, in the real main window against confabd:
// operator and voice marks, and every change of membership (join, part, mode, nick, quit).
#include "chatwindowfixture.h"
#include "irccommand.h"
#include "models/conversationstore.h"
#include "models/memberlistmodel.h"
#include "session/serverconnection.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QStandardPaths>
#include <QTest>

class tst_MemberPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_f.start()); }
    void cleanup() { m_f.stop(); }
    void marksAndChanges();
    void doubleClickAndMenu();

private:
    void mode(const QString& modes, const QString& nick)
    {
        m_f.controller()->connection()->sendRaw(
            IrcCommand::mode(QStringLiteral("#ops"), modes, {nick}));
    }

    ChatWindowFixture m_f;
};

void tst_MemberPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_memberpanel"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_MemberPanel::marksAndChanges()
{
    ServerConnection* bob = m_f.connectPeer(QStringLiteral("bob"));
    ServerConnection* carol = m_f.connectPeer(QStringLiteral("carol"));
    m_f.type(QStringLiteral("/join #ops"));
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("#ops"));
    auto* count = m_f.child<QLabel>("memberCount");
    QTRY_COMPARE(m_f.memberIndex(QStringLiteral("me")).data().toString(), QStringLiteral("@me"));
    QVERIFY2(count->text().contains(QStringLiteral("1")), qPrintable(count->text()));
    bob->join(QStringLiteral("#ops"));
    carol->join(QStringLiteral("#ops"));
    QTRY_COMPARE(m_f.memberRows(), (QStringList{"bob", "carol"}));
    QVERIFY2(count->text().contains(QStringLiteral("3")), qPrintable(count->text()));

    mode(QStringLiteral("+v"), QStringLiteral("carol"));
    QTRY_COMPARE(m_f.memberIndex(QStringLiteral("carol")).data().toString(),
                 QStringLiteral("+carol"));
    QCOMPARE(m_f.memberRows(), (QStringList{"carol", "bob"})); // voice before nothing
    mode(QStringLiteral("+o"), QStringLiteral("bob"));
    QTRY_COMPARE(m_f.memberIndex(QStringLiteral("bob")).data().toString(), QStringLiteral("@bob"));
    QCOMPARE(m_f.memberRows(), (QStringList{"bob", "carol"})); // operators first

    bob->setNick(QStringLiteral("robert")); // the mark goes with the person
    QTRY_COMPARE(m_f.memberIndex(QStringLiteral("robert")).data(MemberListModel::PrefixesRole),
                 QVariant(QStringLiteral("@")));
    QVERIFY(!m_f.memberIndex(QStringLiteral("bob")).isValid());
    mode(QStringLiteral("-o"), QStringLiteral("robert"));
    QTRY_COMPARE(m_f.memberIndex(QStringLiteral("robert")).data(MemberListModel::PrefixesRole),
                 QVariant(QString()));
    QCOMPARE(m_f.memberRows(), (QStringList{"carol", "robert"}));

    carol->part(QStringLiteral("#ops"));
    QTRY_COMPARE(m_f.memberRows(), QStringList{"robert"});
    bob->disconnectFromServer(QStringLiteral("bye"));
    QTRY_COMPARE(m_f.memberRows(), QStringList());
    QVERIFY2(count->text().contains(QStringLiteral("1")), qPrintable(count->text()));

    // Another room: its own members; a private conversation: none, and no panel.
    m_f.window()->showConversation(
        m_f.controller()->conversations()->find(QStringLiteral("#lobby")));
    QTRY_COMPARE(m_f.memberRows(), QStringList{"carol"});
    QVERIFY(m_f.child<QWidget>("memberPanel")->isVisible());
    m_f.controller()->openPrivateConversation(QStringLiteral("carol"));
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("carol"));
    QVERIFY(!m_f.child<QWidget>("memberPanel")->isVisible());
    QCOMPARE(m_f.memberRows(), QStringList());
}

void tst_MemberPanel::doubleClickAndMenu()
{
    m_f.connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(m_f.memberRows(), QStringList{QStringLiteral("bob")});
    auto* list = m_f.child<QListView>("memberList");
    const QRect rect = list->visualRect(m_f.memberIndex(QStringLiteral("bob")));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("bob"));

    m_f.window()->showConversation(
        m_f.controller()->conversations()->find(QStringLiteral("#lobby")));
    QTRY_VERIFY(m_f.memberIndex(QStringLiteral("bob")).isValid());
    m_f.rightClick(list, m_f.memberIndex(QStringLiteral("bob")));
    auto* menu = m_f.window()->findChild<QMenu*>(QStringLiteral("memberMenu"));
    QVERIFY(menu);
    auto* add = menu->findChild<QAction*>(QStringLiteral("addContactAction"));
    QVERIFY(add->isEnabled());
    add->trigger();
    menu->close();
    QTRY_COMPARE(m_f.contactRows(), QStringList{QStringLiteral("bob")});
    QTRY_VERIFY(!m_f.window()->findChild<QMenu*>(QStringLiteral("memberMenu")));
    m_f.rightClick(list, m_f.memberIndex(QStringLiteral("bob"))); // a contact already
    menu = m_f.window()->findChild<QMenu*>(QStringLiteral("memberMenu"));
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction*>(QStringLiteral("addContactAction"))->isEnabled());
    menu->findChild<QAction*>(QStringLiteral("privateMessageAction"))->trigger();
    menu->close();
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("bob"));
}

QTEST_MAIN(tst_MemberPanel)
#include "tst_memberpanel.moc"
