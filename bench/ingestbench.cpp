#include "ingestbench.h"

#include "benchreport.h"

#include "fakef2pool.h"
#include "monitor/monitor.h"
#include "pool/poller.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"
#include "pool/workerliststream.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QPair>
#include <QProcess>

#include <simdjson.h>

namespace rw::bench {

namespace {

// The previous poll and the current one: 1 % of the rigs are down in both, another 1 % went
// down since, so the diff has transitions and the incident has names in it.
constexpr int kPrevOfflineEvery = 100;
constexpr int kCurOfflineEvery = 50;
constexpr int kInterval = 300;

Snapshot parsedOrDie(const ParseResult &r)
{
    if (!r.ok())
        qFatal("benchmark reply does not parse: %s", qPrintable(r.error));
    return *r.snapshot;
}

// A monitor as rigwatchd's engine runs it: no list of changed rows, which only the GUI's table
// uses (Monitor::setRowChanges); the breakdown reports what the list adds.
Monitor daemonMonitor(bool rowChanges = false)
{
    Monitor m(Thresholds(), kInterval);
    m.setRowChanges(rowChanges);
    return m;
}

// The previous poll, parsed once: the monitors below hold it, and every parse gets its samples
// as the poller gives each parse its last snapshot (shared strings, see WorkerCollector).
template <typename Parse> Snapshot previousPoll(Parse parse, const QByteArray &prev, qint64 now)
{
    Snapshot p = parsedOrDie(parse(prev, {}));
    p.poolTimeSecs = now - kInterval;
    return p;
}

// A monitor that holds the previous poll as a running one does: given it twice, so that it has
// the arrays of the poll before last to fill again, as from a daemon's third poll on.
Monitor steadyMonitor(const Snapshot &p, qint64 now, bool rowChanges = false)
{
    Monitor m = daemonMonitor(rowChanges);
    m.applySnapshot(p, now - 2 * kInterval);
    m.applySnapshot(p, now - kInterval);
    return m;
}

// One full ingest as rigwatchd's engine does it: parse, classify + diff, incident, on a monitor
// set up outside the timed region. The parse's array goes back as the poller gives back the one
// it no longer needs (WorkerCollector::recycle), for the next parse to fill.
template <typename Parse>
double ingestMs(Parse parse, const Snapshot &p, const QByteArray &cur, qint64 now)
{
    Monitor m = steadyMonitor(p, now);
    return timeMs([&] {
        ParseResult r = parse(cur, p.workers);
        r.snapshot->poolTimeSecs = now; // the provider takes this from the Date header
        const QVector<Event> events = m.applySnapshot(*r.snapshot, now);
        const Incident incident = m.incident(now);
        keep(events.size() + incident.down.size());
        WorkerCollector::recycle(std::move(r.snapshot->workers));
    });
}

// Where an ingest's time goes: the parse alone, and classify + diff + incident alone (with the
// list of changed rows when rowChanges).
template <typename Parse>
QPair<double, double> breakdownMs(Parse parse, const Snapshot &p, const QByteArray &cur, qint64 now,
                                  int reps, bool rowChanges = false)
{
    std::vector<double> parseMs, monitorMs;
    for (int i = 0; i < reps; ++i) {
        Monitor m = steadyMonitor(p, now, rowChanges);
        parseMs.push_back(timeMs([&] {
            ParseResult r = parse(cur, p.workers);
            keep(r.snapshot ? r.snapshot->workers.size() : 0);
            if (r.snapshot)
                WorkerCollector::recycle(std::move(r.snapshot->workers));
        }));
        Snapshot c = parsedOrDie(parse(cur, p.workers));
        c.poolTimeSecs = now;
        monitorMs.push_back(timeMs([&] {
            const QVector<Event> events = m.applySnapshot(c, now);
            keep(events.size() + m.incident(now).down.size());
        }));
        WorkerCollector::recycle(std::move(c.workers));
    }
    return {median(parseMs), median(monitorMs)};
}

// The parse as the poller does it: the reply fed to a WorkerListStream as it arrives, in the
// pieces a network read gives (16 KiB), never whole.
template <PoolProvider provider>
ParseResult parseStreamed(const QByteArray &body, const QVector<WorkerSample> &previous)
{
    constexpr qsizetype kPiece = 16 * 1024;
    WorkerListStream stream(poolFormat(provider), kStreamSliceBytes, body.size(), previous);
    for (qsizetype at = 0; at < body.size(); at += kPiece)
        stream.append(body.constData() + at, qMin(kPiece, body.size() - at));
    return stream.finish().parsed;
}

QString sizeText(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

} // namespace

IngestBench::IngestBench(BenchReport *report, const QString &python, const QString &scratchDir)
    : m_report(report), m_python(python), m_scratch(scratchDir)
{}

void IngestBench::run(bool limit, bool script)
{
    const bool quick = m_report->quick();
    if (limit) {
        parsingLimit(quick ? 10'000 : 100'000, true);
        if (!quick) {
            parsingLimit(10'000, false);
            parsingLimit(1'000, false);
        }
    }
    if (script)
        originalScript(quick ? 10'000 : 100'000);
}

void IngestBench::parsingLimit(int workers, bool judged)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray prev =
        sim::FakeF2pool::makeV2WorkerList(workers, now - kInterval, kPrevOfflineEvery);
    const QByteArray cur = sim::FakeF2pool::makeV2WorkerList(workers, now, kCurOfflineEvery);
    const Snapshot previous = previousPoll(parseF2poolV2WorkerList, prev, now);
    const int reps = m_report->quick() ? 3 : (workers >= 100'000 ? 9 : 31);

    // simdjson as its authors recommend: a reused parser over padded input (the padding copy is
    // made once, outside the timing). Anything slower would flatter our ratio.
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(cur.constData(), size_t(cur.size()));
    if (parser.parse(padded).error() != simdjson::SUCCESS)
        qFatal("simdjson cannot parse the benchmark reply");

    std::vector<double> simd, qjson, ingest;
    for (int i = 0; i < reps + 1; ++i) { // interleaved, so load changes hit all three alike
        const double s = timeMs([&] {
            const auto doc = parser.parse(padded);
            keep(doc.error() == simdjson::SUCCESS ? 1 : 0);
        });
        const double q = timeMs([&] {
            const QJsonDocument doc = QJsonDocument::fromJson(cur);
            keep(doc.isObject() ? 1 : 0);
        });
        const double g = ingestMs(parseF2poolV2WorkerList, previous, cur, now);
        if (i == 0)
            continue; // warm-up: caches, allocator, the parser's buffers
        simd.push_back(s);
        qjson.push_back(q);
        ingest.push_back(g);
    }
    const double s = median(simd), q = median(qjson), g = median(ingest);
    const double ratio = g / s;
    const QString what = QStringLiteral("ingest of a %1-worker v2 reply (%2) / bare simdjson parse")
                             .arg(QLocale::c().toString(workers), sizeText(cur.size()));
    const QString detail =
        QStringLiteral("%1 ms / %2 ms = %3").arg(fixed(g, 1), fixed(s, 1), fixed(ratio, 1));
    if (judged) {
        m_report->figure(1, what, detail, QStringLiteral("<= 2.0"), ratio <= 2.0);
    } else {
        m_report->info(what + QStringLiteral(": ") + detail);
    }
    m_report->info(QStringLiteral("%1 workers: bare QJsonDocument parse %2 ms = %3 x simdjson; "
                                  "our ingest = %4 x QJsonDocument; simdjson %5 GB/s")
                       .arg(QLocale::c().toString(workers), fixed(q, 1), fixed(q / s, 1),
                            fixed(g / q, 2), fixed(double(cur.size()) / (s * 1e6), 2)));
    if (judged) {
        const int breakdownReps = m_report->quick() ? 2 : 5;
        const auto [p, m] = breakdownMs(parseF2poolV2WorkerList, previous, cur, now, breakdownReps);
        const auto [ps, ms] =
            breakdownMs(parseStreamed<PoolProvider::F2poolV2>, previous, cur, now, breakdownReps);
        const double withRows =
            breakdownMs(parseF2poolV2WorkerList, previous, cur, now, breakdownReps, true).second;
        m_report->info(QStringLiteral("where the ingest goes: parseF2poolV2WorkerList %1 ms, "
                                      "Monitor::applySnapshot + incident %2 ms (%5 ms listing "
                                      "the changed rows, as the GUI's engine does); the same "
                                      "parse streamed in 16 KiB pieces as the poller reads it "
                                      "%3 ms (an ingest with it: %4 x simdjson)")
                           .arg(fixed(p, 1), fixed(m, 1), fixed(ps, 1), fixed((ps + ms) / s, 1),
                                fixed(withRows, 1)));
    }
}

void IngestBench::originalScript(int workers)
{
    const QString what = QStringLiteral("original script's algorithm (Python) / our ingest, "
                                        "%1-worker v1 reply")
                             .arg(QLocale::c().toString(workers));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray prev =
        sim::FakeF2pool::makeV1Reply(workers, now - kInterval, kPrevOfflineEvery);
    const QByteArray cur = sim::FakeF2pool::makeV1Reply(workers, now, kCurOfflineEvery);
    const Snapshot previous = previousPoll(parseF2poolV1, prev, now);
    const QString file = m_scratch + QStringLiteral("/v1-%1.json").arg(workers);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(cur) != cur.size()) {
            m_report->error(2, what, QStringLiteral("cannot write ") + file);
            return;
        }
    }
    const int reps = m_report->quick() ? 1 : 5;

    // Python first, then ours, in the same run. The script times only the algorithm (not the
    // interpreter's start or reading the file) and prints the median in milliseconds.
    QProcess py;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC")); // the replies' times are UTC
    py.setProcessEnvironment(env);
    py.start(m_python, {QStringLiteral(RIGWATCH_BENCH_DIR "/original_check.py"), file,
                        QStringLiteral("--repeat"), QString::number(reps)});
    if (!py.waitForFinished(600'000) || py.exitStatus() != QProcess::NormalExit ||
        py.exitCode() != 0) {
        m_report->error(2, what,
                        QStringLiteral("%1 failed: %2")
                            .arg(m_python, QString::fromUtf8(py.readAllStandardError()).trimmed()));
        return;
    }
    // Output: "<median ms> <offline> <retired>"
    const QStringList parts = QString::fromUtf8(py.readAllStandardOutput())
                                  .simplified()
                                  .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = false;
    const double pyMs = parts.value(0).toDouble(&ok);
    if (!ok) {
        m_report->error(2, what, QStringLiteral("unexpected output from original_check.py"));
        return;
    }

    std::vector<double> ours;
    for (int i = 0; i < 2 * reps + 1; ++i) {
        const double t = ingestMs(parseF2poolV1, previous, cur, now);
        if (i > 0)
            ours.push_back(t);
    }
    const double g = median(ours);
    const double ratio = pyMs / g;
    m_report->figure(
        2, what,
        QStringLiteral("%1 ms / %2 ms = %3").arg(fixed(pyMs, 0), fixed(g, 1), fixed(ratio, 1)),
        QStringLiteral(">= 50"), ratio >= 50);
    const auto [p, m] = breakdownMs(parseF2poolV1, previous, cur, now, reps);
    const double withRows = breakdownMs(parseF2poolV1, previous, cur, now, reps, true).second;
    // What the target asks, against the parsing limit of figure 1: the script's time / 50 as a
    // multiple of a bare simdjson parse of the same bytes.
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(cur.constData(), size_t(cur.size()));
    std::vector<double> qjson, simd;
    for (int i = 0; i < reps + 1; ++i) {
        const double q = timeMs([&] { keep(QJsonDocument::fromJson(cur).isObject() ? 1 : 0); });
        const double s =
            timeMs([&] { keep(parser.parse(padded).error() == simdjson::SUCCESS ? 1 : 0); });
        if (i == 0)
            continue;
        qjson.push_back(q);
        simd.push_back(s);
    }
    const double simdMs = median(simd);
    m_report->info(
        QStringLiteral("where our ingest goes: parseF2poolV1 %1 ms, Monitor::applySnapshot + "
                       "incident %2 ms (%7 ms listing the changed rows, as the GUI's engine "
                       "does); for reference a bare QJsonDocument parse %3 ms, a bare simdjson "
                       "parse %4 ms: the target needs the whole ingest within %5 ms = %6 x "
                       "simdjson's bare parse")
            .arg(fixed(p, 1), fixed(m, 1), fixed(median(qjson), 1), fixed(simdMs, 1),
                 fixed(pyMs / 50, 1), fixed(pyMs / 50 / simdMs, 2), fixed(withRows, 1)));
    m_report->info(QStringLiteral("the script found %1 offline and %2 retired rigs; %3")
                       .arg(parts.value(1), parts.value(2), m_python));
}

} // namespace rw::bench
