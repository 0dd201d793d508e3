#include "irccasemapping.h"

#include <QTest>

class tst_IrcCaseMapping : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void equals_data();
    void equals();
    void names_data();
    void names();
};

using Mapping = IrcCaseMapping::Mapping;

void tst_IrcCaseMapping::fold_data()
{
    QTest::addColumn<Mapping>("mapping");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("folded");

    QTest::newRow("ascii letters") << Mapping::Ascii << "AlIcE" << "alice";
    QTest::newRow("ascii keeps brackets") << Mapping::Ascii << "[A]\\~" << "[a]\\~";
    QTest::newRow("rfc1459 letters") << Mapping::Rfc1459 << "BOB" << "bob";
    QTest::newRow("rfc1459 brackets") << Mapping::Rfc1459 << "[Bob]\\~" << "{bob}|^";
    QTest::newRow("rfc1459 lower specials unchanged") << Mapping::Rfc1459 << "{}|^" << "{}|^";
    QTest::newRow("channel") << Mapping::Rfc1459 << "#Lobby" << "#lobby";
    QTest::newRow("non-ascii untouched")
        << Mapping::Rfc1459 << QStringLiteral("\u00c9COLE") << QStringLiteral("\u00c9cole");
    QTest::newRow("empty") << Mapping::Ascii << "" << "";
    QTest::newRow("already folded") << Mapping::Rfc1459 << "bob{1}" << "bob{1}";
    QTest::newRow("last character only") << Mapping::Rfc1459 << "bob[" << "bob{";
}

void tst_IrcCaseMapping::fold()
{
    QFETCH(Mapping, mapping);
    QFETCH(QString, input);
    QFETCH(QString, folded);
    const IrcCaseMapping caseMapping(mapping);
    QCOMPARE(caseMapping.fold(input), folded);
    QCOMPARE(caseMapping.fold(QStringView(input)), folded);
    // A name that is folded already comes back shared, not copied.
    const QString again = caseMapping.fold(folded);
    QCOMPARE(again, folded);
    QVERIFY(folded.isEmpty() || again.constData() == folded.constData());
}

void tst_IrcCaseMapping::equals_data()
{
    QTest::addColumn<Mapping>("mapping");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("ascii same case") << Mapping::Ascii << "alice" << "alice" << true;
    QTest::newRow("ascii other case") << Mapping::Ascii << "Alice" << "aLICE" << true;
    QTest::newRow("ascii brackets differ") << Mapping::Ascii << "a[" << "a{" << false;
    QTest::newRow("rfc1459 brackets equal") << Mapping::Rfc1459 << "a[]\\~" << "A{}|^" << true;
    QTest::newRow("different names") << Mapping::Rfc1459 << "alice" << "alicia" << false;
    QTest::newRow("prefix is not equal") << Mapping::Rfc1459 << "bob" << "bobby" << false;
}

void tst_IrcCaseMapping::equals()
{
    QFETCH(Mapping, mapping);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    const IrcCaseMapping caseMapping(mapping);
    QCOMPARE(caseMapping.equals(a, b), equal);
    QCOMPARE(caseMapping.equals(b, a), equal);
}

void tst_IrcCaseMapping::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");

    QTest::newRow("ascii") << "ascii" << true;
    QTest::newRow("rfc1459") << "rfc1459" << true;
    QTest::newRow("unknown") << "rfc7613" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_IrcCaseMapping::names()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    const std::optional<IrcCaseMapping> mapping = IrcCaseMapping::fromName(name);
    QCOMPARE(mapping.has_value(), known);
    if (known)
        QCOMPARE(mapping->name(), name);
}

QTEST_GUILESS_MAIN(tst_IrcCaseMapping)
#include "tst_irccasemapping.moc"
