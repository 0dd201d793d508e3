// The upload's header values: file names from Content-Disposition (with the tricks people and
// programs send), content types, and the download's Content-Disposition.
#include "files/uploadheaders.h"

#include <QTest>

class tst_UploadHeaders : public QObject
{
    Q_OBJECT

private slots:
    void fileName_data();
    void fileName();
    void safeFileNameCutsAtCharacters();
    void contentType_data();
    void contentType();
    void inlineTypesAreRasterPictures();
    void downloadDispositionRoundTrips();
};

void tst_UploadHeaders::fileName_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("name");
    QTest::newRow("quoted") << QByteArray("attachment; filename=\"a b.txt\"") << "a b.txt";
    QTest::newRow("token") << QByteArray("attachment; filename=a.txt") << "a.txt";
    QTest::newRow("form-data") << QByteArray("form-data; name=\"f\"; filename=\"x.png\"")
                               << "x.png";
    QTest::newRow("escaped quote")
        << QByteArray(R"(attachment; filename="say \"hi\".txt")") << "say \"hi\".txt";
    QTest::newRow("utf-8 ext") << QByteArray("attachment; filename*=UTF-8''caf%C3%A9.png")
                               << QStringLiteral("café.png");
    QTest::newRow("ext wins") << QByteArray("attachment; filename=\"fallback.png\"; "
                                            "filename*=utf-8''%E5%9B%BE.png")
                              << QStringLiteral("图.png");
    QTest::newRow("bad ext falls back")
        << QByteArray("attachment; filename*=UTF-8''%ZZ; filename=\"ok.txt\"") << "ok.txt";
    QTest::newRow("latin1 ext refused")
        << QByteArray("attachment; filename*=iso-8859-1''a%E9") << QString();
    QTest::newRow("invalid utf-8")
        << QByteArray("attachment; filename*=UTF-8''%C3%28") << QString();
    QTest::newRow("unix path") << QByteArray("attachment; filename=\"../../etc/passwd\"")
                               << "passwd";
    QTest::newRow("windows path") << QByteArray(R"(attachment; filename="C:\\a\\..\\b.txt")")
                                  << "b.txt";
    QTest::newRow("encoded path") << QByteArray("attachment; filename*=UTF-8''..%2F..%2Fx") << "x";
    QTest::newRow("hidden") << QByteArray("attachment; filename=\".bashrc\"") << "bashrc";
    QTest::newRow("only dots") << QByteArray("attachment; filename=\"..\"") << QString();
    QTest::newRow("control chars")
        << QByteArray("attachment; filename*=UTF-8''a%0D%0Ab%00.txt") << "ab.txt";
    QTest::newRow("bidi override")
        << QByteArray("attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe") << "invoicefdp.exe";
    QTest::newRow("unterminated") << QByteArray("attachment; filename=\"a.txt") << QString();
    QTest::newRow("no name") << QByteArray("attachment") << QString();
    QTest::newRow("garbage") << QByteArray(";;=;") << QString();
    QTest::newRow("bad type") << QByteArray("att achment; filename=a") << QString();
}

void tst_UploadHeaders::fileName()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, name);
    QCOMPARE(UploadHeaders::fileName(header), name);
}

void tst_UploadHeaders::safeFileNameCutsAtCharacters()
{
    const QString longName = QString(150, QChar(0x56fe)); // 3 UTF-8 bytes each
    const QString safe = UploadHeaders::safeFileName(longName);
    QVERIFY(safe.toUtf8().size() <= UploadHeaders::MaxNameBytes);
    QCOMPARE(safe, QString(UploadHeaders::MaxNameBytes / 3, QChar(0x56fe)));
    const QString emoji = QString(60, QChar(0xd83d)).replace(QChar(0xd83d), QStringLiteral("😀"));
    const QString cut = UploadHeaders::safeFileName(emoji);
    QVERIFY(cut.toUtf8().size() <= UploadHeaders::MaxNameBytes);
    QVERIFY(!cut.back().isHighSurrogate());
    QCOMPARE(QString::fromUtf8(cut.toUtf8()), cut);
}

void tst_UploadHeaders::contentType_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("plain") << QByteArray("image/png") << QByteArray("image/png");
    QTest::newRow("case and params")
        << QByteArray("Text/Plain; charset=UTF-8") << QByteArray("text/plain");
    QTest::newRow("empty") << QByteArray() << QByteArray("application/octet-stream");
    QTest::newRow("no subtype") << QByteArray("image") << QByteArray("application/octet-stream");
    QTest::newRow("spaces inside")
        << QByteArray("image/p ng") << QByteArray("application/octet-stream");
    QTest::newRow("header injection")
        << QByteArray("text/html\r\nX-Evil: 1") << QByteArray("application/octet-stream");
}

void tst_UploadHeaders::contentType()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, type);
    QCOMPARE(UploadHeaders::contentType(header), type);
}

void tst_UploadHeaders::inlineTypesAreRasterPictures()
{
    QVERIFY(UploadHeaders::isInlineType("image/png"));
    QVERIFY(UploadHeaders::isInlineType("image/jpeg"));
    QVERIFY(!UploadHeaders::isInlineType("image/svg+xml"));
    QVERIFY(!UploadHeaders::isInlineType("text/html"));
    QVERIFY(!UploadHeaders::isInlineType("application/octet-stream"));
}

void tst_UploadHeaders::downloadDispositionRoundTrips()
{
    const QString name = QStringLiteral("图 \"q\".png");
    const QByteArray header = UploadHeaders::contentDisposition(name, true);
    QVERIFY(header.startsWith("inline; filename=\"_ _q_.png\""));
    QCOMPARE(UploadHeaders::fileName(header), name);
    QVERIFY(UploadHeaders::contentDisposition(name, false).startsWith("attachment;"));
}

QTEST_APPLESS_MAIN(tst_UploadHeaders)
#include "tst_uploadheaders.moc"
