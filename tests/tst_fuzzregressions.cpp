// Replays, in the normal test suite, every input the fuzzers found (tests/data/fuzz/<target>/)
// and their seed corpus (tests/fuzz/seeds/<target>/) through the same checks the libFuzzer
// targets run (tests/fuzz/fuzzchecks.h): no crash, no sanitizer report under RIGWATCH_SANITIZE,
// and every promise of the parsers' headers kept.
#include "fuzz/fuzzchecks.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using rw::fuzz::FuzzChecks;

namespace {
using Check = QString (*)(const QByteArray &);

struct Target
{
    const char *name;
    Check check;
};

const Target kTargets[] = {
    {"v2parser", &FuzzChecks::v2Parser},
    {"v1parser", &FuzzChecks::v1Parser},
    {"fastv2_equivalence", &FuzzChecks::fastV2Equivalence},
    {"fastv1_equivalence", &FuzzChecks::fastV1Equivalence},
    {"telegramreply", &FuzzChecks::telegramReply},
    {"config", &FuzzChecks::config},
    {"timestamps", &FuzzChecks::timestamps},
    {"pagedpools", &FuzzChecks::pagedPools},
    {"fastpages_equivalence", &FuzzChecks::fastPagesEquivalence},
};
} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

    static void addInputs(const QString &dir, const char *target, int index)
    {
        const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &f : files) {
            if (f.fileName().startsWith(QLatin1Char('.')) || f.suffix() == QLatin1String("md"))
                continue;
            QTest::addRow("%s/%s", target, qPrintable(f.fileName())) << index << f.filePath();
        }
    }

private slots:
    void initTestCase()
    {
        // The parsers warn once per bad reply; thousands of lines would hide a real failure.
        QLoggingCategory::setFilterRules(
            QStringLiteral("rigwatch.*.warning=false\nrigwatch.*.info=false"));
    }

    void replay_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("file");
        for (int i = 0; i < int(std::size(kTargets)); ++i) {
            const QString name = QLatin1String(kTargets[i].name);
            addInputs(QStringLiteral(RIGWATCH_TEST_DATA "/fuzz/") + name, kTargets[i].name, i);
            addInputs(QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/") + name, kTargets[i].name,
                      i);
        }
    }

    void replay()
    {
        QFETCH(int, target);
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray input = f.readAll();
        const QString broken = kTargets[target].check(input);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }

    // Every target has inputs: an empty folder would make replay() pass without checking.
    void everyTargetHasInputs()
    {
        for (const Target &t : kTargets) {
            const QString seeds =
                QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/") + QLatin1String(t.name);
            QVERIFY2(!QDir(seeds).entryList(QDir::Files).isEmpty(), qPrintable(seeds));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
