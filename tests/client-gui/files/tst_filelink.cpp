#include "files/filelink.h"

#include <QTest>

// Which message texts are files of the server's file host, and file names made safe.
class tst_FileLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void images_data();
    void images();
    void safeFileName_data();
    void safeFileName();
};

void tst_FileLink::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("isFile");
    QTest::addColumn<QString>("name");
    const QString id = QStringLiteral("abcdefghijklmnopqrstuv");
    QTest::newRow("picture") << "https://192.168.1.5:6680/files/" + id + "/cat.png"
                             << "192.168.1.5" << true << "cat.png";
    QTest::newRow("encoded name") << "https://chat.lan:6680/files/" + id + "/my%20%E7%85%A7.pdf"
                                  << "CHAT.lan" << true << "my 照.pdf";
    QTest::newRow("spaces around") << "  https://10.0.0.1/files/" + id + "/a.txt "
                                   << "10.0.0.1" << true << "a.txt";
    QTest::newRow("IPv6") << "https://[fe80::1]:6680/files/A-_cdefghijklmnopqrstu/x.zip"
                          << "[fe80::1]" << true << "x.zip";
    QTest::newRow("IPv6 host given bare") << "https://[::1]:6680/files/" + id + "/x.zip"
                                          << "::1" << true << "x.zip";
    QTest::newRow("other host") << "https://evil.example/files/" + id + "/cat.png"
                                << "192.168.1.5" << false << "";
    QTest::newRow("plain http") << "http://192.168.1.5/files/" + id + "/cat.png"
                                << "192.168.1.5" << false << "";
    QTest::newRow("short id") << "https://192.168.1.5/files/abc/cat.png"
                              << "192.168.1.5" << false << "";
    QTest::newRow("text around") << "look https://192.168.1.5/files/" + id + "/cat.png"
                                 << "192.168.1.5" << false << "";
    QTest::newRow("query") << "https://192.168.1.5/files/" + id + "/cat.png?x=1"
                           << "192.168.1.5" << false << "";
    QTest::newRow("deeper path") << "https://192.168.1.5/files/" + id + "/a/cat.png"
                                 << "192.168.1.5" << false << "";
    QTest::newRow("encoded slash") << "https://192.168.1.5/files/" + id + "/..%2F..%2Fetc"
                                   << "192.168.1.5" << false << "";
    QTest::newRow("dot dot name") << "https://192.168.1.5/files/" + id + "/%2E%2E"
                                  << "192.168.1.5" << false << "";
    QTest::newRow("credentials in URL") << "https://u:p@192.168.1.5/files/" + id + "/a.png"
                                        << "192.168.1.5" << false << "";
    QTest::newRow("no host known") << "https://192.168.1.5/files/" + id + "/a.png"
                                   << "" << false << "";
}

void tst_FileLink::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(bool, isFile);
    QFETCH(QString, name);
    const std::optional<FileLink> link = FileLink::parse(text, host);
    QCOMPARE(link.has_value(), isFile);
    if (link) {
        QCOMPARE(link->name(), name);
        QCOMPARE(link->id().size(), FileLink::IdLength);
        QCOMPARE(link->url().toString(QUrl::FullyEncoded), text.trimmed());
    }
}

void tst_FileLink::images_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isImage");
    QTest::newRow("png") << "a.png" << true;
    QTest::newRow("JPG upper case") << "B.JPG" << true;
    QTest::newRow("jpeg") << "c.jpeg" << true;
    QTest::newRow("gif") << "d.gif" << true;
    QTest::newRow("webp") << "e.webp" << true;
    QTest::newRow("pdf") << "f.pdf" << false;
    QTest::newRow("svg is not shown inline") << "g.svg" << false;
    QTest::newRow("no extension") << "png" << false;
}

void tst_FileLink::images()
{
    QFETCH(QString, name);
    QFETCH(bool, isImage);
    QCOMPARE(FileLink::isImageName(name), isImage);
}

void tst_FileLink::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("plain") << "report.pdf"
                           << "report.pdf";
    QTest::newRow("Chinese") << "报告.pdf"
                             << "报告.pdf";
    QTest::newRow("folders") << "../../.bashrc"
                             << "_.._.bashrc";
    QTest::newRow("backslash") << "a\\b.txt"
                               << "a_b.txt";
    QTest::newRow("hidden") << ".profile"
                            << "profile";
    QTest::newRow("control") << QStringLiteral("a\nb") << "a_b";
    QTest::newRow("only dots") << ".."
                               << "file";
    QTest::newRow("empty") << ""
                           << "file";
}

void tst_FileLink::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QCOMPARE(FileLink::safeFileName(name), safe);
}

QTEST_GUILESS_MAIN(tst_FileLink)
#include "tst_filelink.moc"
