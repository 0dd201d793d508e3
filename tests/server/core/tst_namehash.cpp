// NameHash: equal names hash alike however they were built, short names spread over the
// buckets, and the seed is drawn per process (not xxHash's unseeded hash, not the same in two
// processes).
#include "core/namehash.h"

#include <QProcess>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace {

// Set in the environment of the child process sameNameHashesDifferInTwoProcesses() starts: it
// then prints the hash of the variable's value and exits.
const char PrintHashVariable[] = "CONFAB_TEST_PRINT_NAME_HASH";

QStringList shortNames()
{
    QStringList names;
    for (int i = 0; i < 20000; ++i)
        names.append(QStringLiteral("n%1").arg(i));
    return names;
}

} // namespace

class tst_NameHash : public QObject
{
    Q_OBJECT

private slots:
    void equalNamesHashAlike();
    void shortNamesSpreadOverBuckets();
    void isSeeded();
    void sameNameHashesDifferInTwoProcesses();
};

void tst_NameHash::equalNamesHashAlike()
{
    const QString literal = QStringLiteral("alice");
    QString built = QStringLiteral("ali");
    built += QLatin1String("ce");
    QVERIFY(literal.constData() != built.constData());
    QCOMPARE(NameHash()(built), NameHash()(literal));
    QVERIFY(NameHash()(QStringLiteral("alice")) != NameHash()(QStringLiteral("alicf")));
    QVERIFY(NameHash()(QString()) != NameHash()(QStringLiteral("a")));
}

void tst_NameHash::shortNamesSpreadOverBuckets()
{
    // 20 000 names in 4 096 buckets: about 5 a bucket; a poor hash of names that differ in a
    // digit or two piles them up.
    const QStringList names = shortNames();
    constexpr std::size_t Buckets = 4096;
    std::vector<int> counts(Buckets);
    QSet<std::size_t> hashes;
    for (const QString& name : names) {
        const std::size_t hash = NameHash()(name);
        ++counts[hash % Buckets];
        hashes.insert(hash);
    }
    QCOMPARE(hashes.size(), names.size());
    const int fullest = *std::max_element(counts.cbegin(), counts.cend());
    QVERIFY2(fullest <= 20, qPrintable(QStringLiteral("a bucket holds %1 names").arg(fullest)));
    const auto empty = std::count(counts.cbegin(), counts.cend(), 0);
    QVERIFY2(empty < 100, qPrintable(QStringLiteral("%1 buckets are empty").arg(empty)));
}

void tst_NameHash::isSeeded()
{
    // Unseeded, anyone could compute which names share a bucket.
    int sameAsUnseeded = 0;
    for (const QString& name : shortNames()) {
        const std::size_t bytes = std::size_t(name.size()) * sizeof(QChar);
        if (NameHash()(name) == std::size_t(XXH3_64bits(name.constData(), bytes)))
            ++sameAsUnseeded;
    }
    QCOMPARE(sameAsUnseeded, 0);
}

void tst_NameHash::sameNameHashesDifferInTwoProcesses()
{
    const QString name = QStringLiteral("alice");
    auto hashInChild = [&name]() {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QLatin1String(PrintHashVariable), name);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        if (!child.waitForFinished(30000) || child.exitCode() != 0)
            return QByteArray();
        return child.readAllStandardOutput().trimmed();
    };
    const QByteArray first = hashInChild();
    const QByteArray second = hashInChild();
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QVERIFY(first != QByteArray::number(quint64(NameHash()(name))));
}

int main(int argc, char** argv)
{
    const QByteArray printed = qgetenv(PrintHashVariable);
    if (!printed.isEmpty()) {
        std::printf("%llu\n", static_cast<unsigned long long>(NameHash()(QString::fromUtf8(printed))));
        return 0;
    }
    QCoreApplication app(argc, argv);
    tst_NameHash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_namehash.moc"
