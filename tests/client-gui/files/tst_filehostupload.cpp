#include "fakefilehost.h"
#include "files/filehostupload.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Uploads to a real HTTPS host on 127.0.0.1 (FakeFileHost, a certificate of its own): what is
// sent, the certificate rule, and the user's message for each way it goes wrong.
class tst_FileHostUpload : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sendsTheRawFileWithCredentials();
    void namesAreEncoded_data();
    void namesAreEncoded();
    void longNamesAreShortened_data();
    void longNamesAreShortened();
    void errorsAreExplained_data();
    void errorsAreExplained();
    void earlyRefusalIsExplained_data();
    void earlyRefusalIsExplained();
    void droppedHalfwayIsExplained();
    void otherCertificateIsRefused();
    void pinnedCertificateIsAccepted();
    void stalledHostTimesOut();
    void unreadableFileFails();
    void cancel();

private:
    QString writeFile(const QString& name, const QByteArray& bytes);
    FileHostUpload* upload(const QString& path, const QStringList& fingerprints = {});

    QTemporaryDir m_dir;
    FakeFileHost* m_host = nullptr;
    QNetworkAccessManager* m_network = nullptr;
};

void tst_FileHostUpload::init()
{
    QVERIFY(m_dir.isValid());
    m_host = new FakeFileHost(this);
    QVERIFY(m_host->start());
    m_network = new QNetworkAccessManager(this);
}

void tst_FileHostUpload::cleanup()
{
    delete m_network;
    delete m_host;
}

QString tst_FileHostUpload::writeFile(const QString& name, const QByteArray& bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

FileHostUpload* tst_FileHostUpload::upload(const QString& path, const QStringList& fingerprints)
{
    auto* upload = new FileHostUpload(m_network, this);
    upload->start(
        m_host->uploadUrl(), {QStringLiteral("alice"), QStringLiteral("s3cret:pw")}, path,
        FileHostTrust(fingerprints.isEmpty() ? QStringList{m_host->fingerprint()} : fingerprints));
    return upload;
}

void tst_FileHostUpload::sendsTheRawFileWithCredentials()
{
    QByteArray bytes(300 * 1024, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    const QString path = writeFile(QStringLiteral("notes.txt"), bytes);
    FileHostUpload* sending = upload(path);
    QSignalSpy finished(sending, &FileHostUpload::finished);
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QSignalSpy progress(sending, &FileHostUpload::progressChanged);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(bytes.size()));

    QCOMPARE(m_host->requests().size(), 1);
    const FakeFileHost::Request& request = m_host->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/upload"));
    QCOMPARE(request.headers.value("authorization"),
             "Basic " + QByteArray("alice:s3cret:pw").toBase64());
    QCOMPARE(request.headers.value("content-type"), QByteArray("text/plain"));
    QCOMPARE(request.headers.value("content-length"), QByteArray::number(bytes.size()));
    QCOMPARE(request.headers.value("content-disposition"),
             QByteArray("attachment; filename*=UTF-8''notes.txt"));
    QVERIFY(request.body == bytes); // the raw bytes, not multipart
    const QUrl url = finished.first().first().toUrl();
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    QVERIFY(url.path().endsWith(QLatin1String("/notes.txt")));
}

void tst_FileHostUpload::namesAreEncoded_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("disposition");
    QTest::newRow("space") << "my photo.png"
                           << QByteArray("attachment; filename*=UTF-8''my%20photo.png");
    QTest::newRow("Chinese") << "照片.jpg"
                             << QByteArray("attachment; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg");
    QTest::newRow("quote and semicolon")
        << "a\";b.txt" << QByteArray("attachment; filename*=UTF-8''a%22%3Bb.txt");
    QTest::newRow("path tricks stay in the name")
        << "../etc/passwd" << QByteArray("attachment; filename*=UTF-8''..%2Fetc%2Fpasswd");
}

void tst_FileHostUpload::namesAreEncoded()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, disposition);
    QCOMPARE(FileHostUpload::contentDisposition(name), disposition);
}

void tst_FileHostUpload::longNamesAreShortened_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short stays") << "photo.jpg"
                                 << "photo.jpg";
    QTest::newRow("ASCII") << QString(200, QLatin1Char('a')) + ".pdf"
                           << QString(176, QLatin1Char('a')) + ".pdf";
    // 照 is 9 bytes encoded: 19 of them (171) + ".png" (4) fit in 180.
    QTest::newRow("Chinese") << QString(40, QChar(0x7167)) + ".png"
                             << QString(19, QChar(0x7167)) + ".png";
    // 😀 is a surrogate pair (12 bytes encoded): never cut in half.
    QTest::newRow("emoji") << QString::fromUtf8("😀").repeated(20) + ".txt"
                           << QString::fromUtf8("😀").repeated(14) + ".txt";
    QTest::newRow("no extension") << QString(300, QLatin1Char('b'))
                                  << QString(180, QLatin1Char('b'));
}

void tst_FileHostUpload::longNamesAreShortened()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString fitting = FileHostUpload::fittingName(name);
    QCOMPARE(fitting, expected);
    QVERIFY(QUrl::toPercentEncoding(fitting).size() <= FileHostUpload::MaxEncodedNameBytes);
}

void tst_FileHostUpload::errorsAreExplained_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("400 bad name") << 400 << QByteArray("bad file name")
                                  << "the server refused the file or its name. (bad file name)";
    QTest::newRow("401 guest") << 401 << QByteArray("sign in to upload")
                               << "the server did not accept your account";
    QTest::newRow("408 too slow") << 408 << QByteArray("too slow")
                                  << "too slow and the server gave up";
    QTest::newRow("411 no length")
        << 411 << QByteArray("length required") << "did not accept how the file was sent";
    QTest::newRow("413 too large") << 413 << QByteArray("the limit is 10 MB")
                                   << "larger than this server accepts. (the limit is 10 MB)";
    QTest::newRow("503 busy") << 503 << QByteArray("busy") << "the server is busy";
    QTest::newRow("507 quota") << 507 << QByteArray("quota full")
                               << "your storage on the server is full";
    QTest::newRow("500 other") << 500 << QByteArray("oops") << "(HTTP 500). (oops)";
}

void tst_FileHostUpload::errorsAreExplained()
{
    QFETCH(int, status);
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    m_host->setUploadAnswer(status, text);
    FileHostUpload* sending = upload(writeFile(QStringLiteral("a.bin"), QByteArray(1000, 'x')));
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QSignalSpy finished(sending, &FileHostUpload::finished);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(finished.size(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("“a.bin” was not sent: ")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void tst_FileHostUpload::earlyRefusalIsExplained_data()
{
    QTest::addColumn<bool>("close");
    QTest::addColumn<QString>("expected");
    QTest::newRow("reads the rest")
        << false << "larger than this server accepts. (the limit is 1 MB)";
    // Qt never sees an answer sent before the request ended when the host closes at once: the
    // host is asked again with the headers alone (FileHostProbe).
    QTest::newRow("closes at once")
        << true << "larger than this server accepts. (the limit is 1 MB)";
}

void tst_FileHostUpload::earlyRefusalIsExplained()
{
    QFETCH(bool, close);
    QFETCH(QString, expected);
    // A host that refuses a large file from its headers, without waiting for it.
    m_host->setAnswerEarly(true, close);
    m_host->setUploadAnswer(413, "the limit is 1 MB");
    FileHostUpload* sending =
        upload(writeFile(QStringLiteral("big.bin"), QByteArray(8 * 1024 * 1024, 'b')));
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void tst_FileHostUpload::droppedHalfwayIsExplained()
{
    // Closed while the file was going, and no refusal from the headers alone either.
    m_host->setDropUploads(true);
    FileHostUpload* sending =
        upload(writeFile(QStringLiteral("half.bin"), QByteArray(4 * 1024 * 1024, 'h')));
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("stopped the upload before the whole file was sent")),
             qPrintable(message));
    // The upload (which Qt tries again itself when the connection closes without an answer),
    // then the probe: the same headers, no body.
    QVERIFY(m_host->requests().size() >= 2);
    const FakeFileHost::Request& probe = m_host->requests().last();
    QVERIFY(probe.body.isEmpty());
    QCOMPARE(probe.headers.value("content-length"), QByteArray::number(4 * 1024 * 1024));
    QCOMPARE(probe.headers.value("authorization"),
             m_host->requests().first().headers.value("authorization"));
}

void tst_FileHostUpload::otherCertificateIsRefused()
{
    FileHostUpload* sending =
        upload(writeFile(QStringLiteral("a.txt"), "secret"), {QStringLiteral("AB:CD:EF")});
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("certificate")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(m_host->requests().isEmpty()); // neither the password nor the file went out
}

void tst_FileHostUpload::pinnedCertificateIsAccepted()
{
    // The fingerprint as a pin may be written: lower case, spaces.
    const QString pin = m_host->fingerprint().toLower().replace(QLatin1Char(':'), QLatin1Char(' '));
    FileHostUpload* sending = upload(writeFile(QStringLiteral("a.txt"), "hello"),
                                     {QString(), QStringLiteral("00:11"), pin});
    QSignalSpy finished(sending, &FileHostUpload::finished);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(m_host->requests().size(), 1);
}

void tst_FileHostUpload::stalledHostTimesOut()
{
    m_host->setSilent(true);
    auto* sending = new FileHostUpload(m_network, this);
    sending->setStallTimeout(300);
    QSignalSpy failed(sending, &FileHostUpload::failed);
    sending->start(m_host->uploadUrl(), {QStringLiteral("alice"), QStringLiteral("pw")},
                   writeFile(QStringLiteral("slow.txt"), "abc"),
                   FileHostTrust({m_host->fingerprint()}));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("stalled")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(m_host->requests().size(), 1);
}

void tst_FileHostUpload::unreadableFileFails()
{
    FileHostUpload* sending = upload(m_dir.filePath(QStringLiteral("missing.txt")));
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(
        failed.first().first().toString().startsWith(QStringLiteral("Cannot read “missing.txt”")));
    QVERIFY(m_host->requests().isEmpty());
}

void tst_FileHostUpload::cancel()
{
    m_host->setSilent(true);
    FileHostUpload* sending = upload(writeFile(QStringLiteral("c.txt"), "abc"));
    QSignalSpy failed(sending, &FileHostUpload::failed);
    QTRY_COMPARE(m_host->requests().size(), 1);
    QVERIFY(sending->isRunning());
    sending->cancel();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("cancelled")));
    QVERIFY(!sending->isRunning());
}

QTEST_GUILESS_MAIN(tst_FileHostUpload)
#include "tst_filehostupload.moc"
