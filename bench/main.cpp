// rigwatch_bench: the figures of issues 7, 18, 19, 20 and 22 as ratios measured in one run. One
// line per figure with its target and PASS / FALL SHORT, reference lines indented under it, a
// summary last. Usually started by scripts/bench; see docs/benchmarks.md.
#include "alertbench.h"
#include "benchreport.h"
#include "healthbench.h"
#include "ingestbench.h"
#include "measuredchild.h"
#include "poolsbench.h"
#include "processbench.h"
#include "reportbench.h"
#include "storebench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

#ifdef __linux__
#include <sched.h>
#endif

using namespace rw::bench;

namespace {

// Both sides of every ratio on one CPU: the benchmark and every process it starts (Python for
// figure 2, the table benchmark, rigwatchd...) stay on the CPU it started on, so that no side
// of a ratio gets a CPU the other did not (on a shared virtual machine they need not be alike,
// and the scheduler moves processes between them). Returns the CPU, or -1 when it could not pin.
int pinToOneCpu()
{
#ifdef __linux__
    const int cpu = sched_getcpu();
    cpu_set_t set;
    CPU_ZERO(&set);
    if (cpu < 0)
        return -1;
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0 ? cpu : -1;
#else
    return -1;
#endif
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--measure-child") == 0)
        return MeasuredChild::helperMain(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rigwatch_bench"));
    // The parsers warn about nothing here, but the store and monitor log at info: keep the
    // figures readable.
    QLoggingCategory::setFilterRules(
        QStringLiteral("rigwatch.*.info=false\nrigwatch.*.debug=false"));

    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("RigWatch benchmarks (ratios measured in one run)."));
    p.addHelpOption();
    const QCommandLineOption quickOpt(
        QStringLiteral("quick"),
        QStringLiteral("Smoke run: small sizes, a few seconds, nothing judged."));
    const QCommandLineOption onlyOpt(QStringLiteral("only"),
                                     QStringLiteral("Run only these figures, e.g. 1,2,5."),
                                     QStringLiteral("list"));
    const QCommandLineOption pythonOpt(QStringLiteral("python"),
                                       QStringLiteral("Python 3 for figure 2 [python3 on PATH]."),
                                       QStringLiteral("exe"));
    p.addOptions({quickOpt, onlyOpt, pythonOpt});
    p.process(app);

    QList<int> only;
    for (const QString &n : p.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        only << n.trimmed().toInt();
    const auto wanted = [&only](int figure) { return only.isEmpty() || only.contains(figure); };
    QString python = p.value(pythonOpt);
    if (python.isEmpty())
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));

    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::fprintf(stderr, "rigwatch_bench: cannot create a scratch directory\n");
        return 2;
    }
    BenchReport report(p.isSet(quickOpt));
    const int cpu = pinToOneCpu();
    if (cpu >= 0)
        std::printf("(every figure's processes run on CPU %d)\n", cpu);
    else
        std::printf("(not pinned to one CPU: ratios may mix CPUs of different speed)\n");
    IngestBench ingest(&report, python, scratch.path());
    ProcessBench processes(&report, QCoreApplication::applicationDirPath(), scratch.path());
    StoreBench store(&report, scratch.path());

    if (wanted(1) || wanted(2))
        ingest.run(wanted(1), wanted(2));
    if (wanted(3))
        processes.tableModel();
    if (wanted(4))
        processes.memory();
    if (wanted(5) || wanted(7))
        store.run(wanted(5), wanted(7));
    if (wanted(8))
        store.loopWrite();
    if (wanted(6))
        processes.idle();
    if (wanted(9))
        processes.wholeProcess(python);
    if (wanted(10))
        AlertBench(&report).run();
    if (wanted(11))
        PoolsBench(&report).run();
    HealthBench health(&report, scratch.path());
    if (wanted(12))
        health.detectionQuality();
    if (wanted(13))
        health.detectionCost();
    if (wanted(14))
        ReportBench(&report, scratch.path()).run();
    return report.finish();
}
