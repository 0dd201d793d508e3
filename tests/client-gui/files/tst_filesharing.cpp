// Sending files through confabd's own file host: the token in ISUPPORT, an upload with the
// signed-in account that ends as a link in the room (what a plain IRC client sees), the file
// downloaded again from that link, and the server's refusals (too large, quota, wrong password,
// guests) explained. A real server with TLS and accounts on 127.0.0.1 (filehostfixture.*).
#include "filehostfixture.h"
#include "files/filedownload.h"
#include "files/filehostupload.h"
#include "files/filelink.h"
#include "files/filepreviews.h"
#include "files/filesharing.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/chatcontroller.h"
#include "session/serverconnection.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_FileSharing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fileHostIsAnnounced();
    void fileReachesTheRoomAsALink();
    void offlineRecipientGetsTheLink();
    void tooLargeIsExplained();
    void quotaIsExplained();
    void wrongPasswordIsExplained();
    void pathTricksInNames();
    void guestsCannotSend();
    void notConnectedCannotSend();
    void fileHostAtAnotherAddress();

private:
    QString writeFile(const QString& name, qint64 size);

    QTemporaryDir m_dir;
    FileHostFixture m_fixture;
};

void tst_FileSharing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filesharing"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_FileSharing::init()
{
    QVERIFY(m_fixture.start());
}

void tst_FileSharing::cleanup()
{
    m_fixture.stop();
}

QString tst_FileSharing::writeFile(const QString& name, qint64 size)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray bytes(size, '\0');
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(i * 13 + 7);
    file.write(bytes);
    return file.fileName();
}

void tst_FileSharing::fileHostIsAnnounced()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    QCOMPARE(alice->connection()->fileHostUrl(), m_fixture.uploadUrl());
    QVERIFY2(alice->fileSharing()->canSend(),
             qPrintable(alice->fileSharing()->unavailableReason()));
}

void tst_FileSharing::fileReachesTheRoomAsALink()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    ChatController* bob = m_fixture.signIn(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QSignalSpy bobHears(bob->connection(), &ServerConnection::roomMessage);
    const QString path = writeFile(QStringLiteral("holiday plan.pdf"), 100 * 1024);
    FileSharing* sharing = alice->fileSharing();
    QSignalSpy finished(sharing, &FileSharing::uploadFinished);
    QSignalSpy failed(sharing, &FileSharing::uploadFailed);
    FileHostUpload* upload = sharing->sendFile(QStringLiteral("#lobby"), path);
    QVERIFY(upload);
    QCOMPARE(sharing->uploads().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(sharing->uploads().isEmpty());
    const QUrl url = finished.first().at(1).toUrl();
    const std::optional<FileLink> link =
        FileLink::parse(url.toString(QUrl::FullyEncoded), QStringLiteral("127.0.0.1"));
    QVERIFY2(link, qPrintable(url.toString()));
    QCOMPARE(link->name(), QStringLiteral("holiday plan.pdf"));

    // Bob (and any IRC client) gets the link as the text of a message.
    QTRY_VERIFY(!bobHears.isEmpty());
    const ChatMessage heard = bobHears.last().first().value<ChatMessage>();
    QCOMPARE(heard.sender, QStringLiteral("alice"));
    QCOMPARE(heard.text, url.toString(QUrl::FullyEncoded));

    // And downloads the same bytes from it, with the chat server's certificate.
    FileDownload download(bob->fileSharing()->network());
    QSignalSpy downloaded(&download, &FileDownload::finished);
    QSignalSpy downloadFailed(&download, &FileDownload::failed);
    download.start(url, m_dir.filePath(QStringLiteral("copy.pdf")), bob->fileSharing()->trust());
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size() + downloadFailed.size(), 1, 20000);
    QVERIFY2(downloadFailed.isEmpty(),
             downloadFailed.isEmpty() ? "" : qPrintable(downloadFailed.first().first().toString()));
    QFile original(path);
    QFile copy(m_dir.filePath(QStringLiteral("copy.pdf")));
    QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
    QVERIFY(original.readAll() == copy.readAll());
}

void tst_FileSharing::offlineRecipientGetsTheLink()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    QSignalSpy finished(alice->fileSharing(), &FileSharing::uploadFinished);
    alice->fileSharing()->sendFile(QStringLiteral("bob"),
                                   writeFile(QStringLiteral("for bob.txt"), 2000));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.first().first().toString(), QStringLiteral("bob"));
    const QString url = finished.first().at(1).toUrl().toString(QUrl::FullyEncoded);

    // Bob was away: when he signs in, the server's history brings the link, shown as a file.
    ChatController* bob = m_fixture.signIn(QStringLiteral("bob"));
    QVERIFY(bob);
    const auto hasLink = [bob, url] {
        const ConversationModel* fromAlice = bob->conversations()->find(QStringLiteral("alice"));
        if (!fromAlice)
            return false;
        for (int row = 0; row < fromAlice->rowCount(); ++row) {
            if (fromAlice->index(row).data(ConversationModel::TextRole).toString() == url)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasLink(), 20000);
    QVERIFY(bob->filePreviews()->linkIn(url));
}

void tst_FileSharing::tooLargeIsExplained()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    QSignalSpy failed(alice->fileSharing(), &FileSharing::uploadFailed);
    QSignalSpy finished(alice->fileSharing(), &FileSharing::uploadFinished);
    alice->fileSharing()->sendFile(
        QStringLiteral("#lobby"),
        writeFile(QStringLiteral("big.bin"), FileHostFixture::MaxBytes + 1));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(finished.size(), 0);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("larger than this server accepts")),
             qPrintable(message));
    QCOMPARE(failed.first().first().toString(), QStringLiteral("#lobby"));
}

void tst_FileSharing::quotaIsExplained()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    FileSharing* sharing = alice->fileSharing();
    QSignalSpy failed(sharing, &FileSharing::uploadFailed);
    QSignalSpy finished(sharing, &FileSharing::uploadFinished);
    // 200 KB each, 600 KB of room: the fourth does not fit.
    for (int i = 0; i < 4; ++i) {
        const int before = int(finished.size() + failed.size());
        sharing->sendFile(QStringLiteral("#lobby"),
                          writeFile(QStringLiteral("part%1.bin").arg(i), 200 * 1024));
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.size() + failed.size()), before + 1, 20000);
    }
    QCOMPARE(finished.size(), 3);
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("your storage on the server is full")),
             qPrintable(message));
}

void tst_FileSharing::wrongPasswordIsExplained()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    FileHostUpload upload(alice->fileSharing()->network());
    QSignalSpy failed(&upload, &FileHostUpload::failed);
    upload.start(m_fixture.uploadUrl(), {QStringLiteral("alice"), QStringLiteral("not it")},
                 writeFile(QStringLiteral("a.txt"), 10), alice->fileSharing()->trust());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY2(
        failed.first().first().toString().contains(QLatin1String("did not accept your account")),
        qPrintable(failed.first().first().toString()));
}

void tst_FileSharing::pathTricksInNames()
{
    ChatController* alice = m_fixture.signIn(QStringLiteral("alice"));
    QVERIFY(alice);
    FileHostUpload upload(alice->fileSharing()->network());
    QSignalSpy failed(&upload, &FileHostUpload::failed);
    QSignalSpy finished(&upload, &FileHostUpload::finished);
    upload.start(m_fixture.uploadUrl(),
                 {QStringLiteral("alice"), QString::fromLatin1(FileHostFixture::Password)},
                 writeFile(QStringLiteral("a.txt"), 10), alice->fileSharing()->trust(),
                 QStringLiteral("../../etc/passwd"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size() + finished.size(), 1, 20000);
    if (!finished.isEmpty()) { // taken under a safe name
        const QString url = finished.first().first().toUrl().toString(QUrl::FullyEncoded);
        const std::optional<FileLink> link = FileLink::parse(url, QStringLiteral("127.0.0.1"));
        QVERIFY2(link, qPrintable(url));
        QVERIFY(!link->name().contains(QLatin1Char('/')));
    } else { // or refused, and said so
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("refused the file")),
                 qPrintable(failed.first().first().toString()));
    }
}

void tst_FileSharing::guestsCannotSend()
{
    ChatController* guest = m_fixture.signIn(QString(), QStringLiteral("visitor"));
    QVERIFY(guest);
    FileSharing* sharing = guest->fileSharing();
    QCOMPARE(sharing->unavailableReason(),
             QStringLiteral("Guests cannot send files: sign in with an account to send them."));
    QSignalSpy failed(sharing, &FileSharing::uploadFailed);
    QVERIFY(!sharing->sendFile(QStringLiteral("#lobby"), writeFile(QStringLiteral("g.txt"), 5)));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).toString(), sharing->unavailableReason());

    // Even with the URL, the server refuses a guest's upload: no credentials.
    FileHostUpload upload(sharing->network());
    QSignalSpy refused(&upload, &FileHostUpload::failed);
    upload.start(m_fixture.uploadUrl(), {}, writeFile(QStringLiteral("g.txt"), 5),
                 sharing->trust());
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
    QVERIFY2(
        refused.first().first().toString().contains(QLatin1String("did not accept your account")),
        qPrintable(refused.first().first().toString()));
}

void tst_FileSharing::notConnectedCannotSend()
{
    ChatController offline;
    QCOMPARE(offline.fileSharing()->unavailableReason(),
             QStringLiteral("Files can be sent once you are connected."));
}

void tst_FileSharing::fileHostAtAnotherAddress()
{
    // Reached as "localhost", the server names its file host by the address it was reached on.
    ChatController* alice =
        m_fixture.signIn(QStringLiteral("alice"), {}, QStringLiteral("localhost"), true);
    QVERIFY(alice);
    QCOMPARE(alice->connection()->fileHostUrl().host(), QStringLiteral("127.0.0.1"));
    // Over TLS the chat server vouches for it: files can be sent, and its links are files.
    QVERIFY2(alice->fileSharing()->canSend(),
             qPrintable(alice->fileSharing()->unavailableReason()));
    QSignalSpy finished(alice->fileSharing(), &FileSharing::uploadFinished);
    alice->fileSharing()->sendFile(QStringLiteral("#lobby"),
                                   writeFile(QStringLiteral("x.txt"), 10));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(
        alice->filePreviews()->linkIn(finished.first().at(1).toUrl().toString(QUrl::FullyEncoded)));

    // Over plain text, anybody on the way could have named that host: the password stays home.
    ChatController* plain =
        m_fixture.signIn(QStringLiteral("bob"), {}, QStringLiteral("localhost"), false);
    QVERIFY(plain);
    QVERIFY(!plain->connection()->isEncrypted());
    QVERIFY2(plain->fileSharing()->unavailableReason().startsWith(
                 QStringLiteral("This server takes files at another address (127.0.0.1)")),
             qPrintable(plain->fileSharing()->unavailableReason()));
}

QTEST_MAIN(tst_FileSharing)
#include "tst_filesharing.moc"
