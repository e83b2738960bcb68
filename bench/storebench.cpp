#include "storebench.h"

#include "benchreport.h"

#include "monitor/monitor.h"
#include "store/store.h"

#include <QFileInfo>
#include <QLocale>

namespace rw::bench {

namespace {

constexpr qint64 kStart = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 kDay = 86'400;
constexpr int kInterval = 300;
const QString kAccount = QStringLiteral("bench/bitcoin");

// The farm at time t: every day 1 % of the rigs (a different 1 % each day) stop for an hour, so
// the store records outages and the monitor has transitions, as on a real farm.
struct Farm
{
    explicit Farm(int workers)
    {
        names.reserve(workers);
        for (int i = 0; i < workers; ++i)
            names << QStringLiteral("rig-%1").arg(i, 5, 10, QLatin1Char('0'));
    }

    Snapshot at(qint64 t) const
    {
        Snapshot s;
        s.poolTimeSecs = t;
        s.workers.reserve(names.size());
        const qint64 day = (t - kStart) / kDay;
        const qint64 secOfDay = (t - kStart) % kDay;
        for (int i = 0; i < names.size(); ++i) {
            WorkerSample w;
            w.name = names.at(i);
            const qint64 outageStart = (i % 24) * 3600;
            const bool down =
                i % 100 == day % 100 && secOfDay >= outageStart && secOfDay < outageStart + 3600;
            const double base = 100e12 * (1.0 + 0.001 * (i % 50));
            w.hashRate = down ? 0 : base * (1.0 + 0.01 * double((t / kInterval + i) % 7));
            w.hashRate1h = base;
            w.hashRate24h = base;
            w.staleRate24h = base * 0.004;
            w.lastShareAt = down ? kStart + day * kDay + outageStart : t - (i * 7) % 60;
            w.host = QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
            s.totalHashRate += w.hashRate;
            s.workers.append(std::move(w));
        }
        return s;
    }

    QStringList names;
};

qint64 sizeOnDisk(const QString &path)
{
    qint64 total = 0;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        total += QFileInfo(path + QLatin1String(suffix)).size(); // 0 when absent
    return total;
}

} // namespace

StoreBench::StoreBench(BenchReport *report, const QString &scratchDir)
    : m_report(report), m_scratch(scratchDir)
{}

void StoreBench::run()
{
    const int workers = m_report->quick() ? 100 : 1000;
    const int days = m_report->quick() ? 2 : 30;
    const QString what = QStringLiteral("store after %1 days of %2 workers at 5-min polls")
                             .arg(days)
                             .arg(QLocale::c().toString(workers));
    const QString path = m_scratch + QStringLiteral("/store-bench.sqlite");
    const Farm farm(workers);
    const int polls = days * int(kDay / kInterval);
    const qint64 end = kStart + qint64(polls - 1) * kInterval;

    double writeMs = 0;
    {
        Store store;
        QString error;
        if (!store.open(path, &error)) {
            m_report->error(5, what, error);
            return;
        }
        Monitor monitor(Thresholds(), kInterval);
        writeMs = timeMs([&] {
            for (int i = 0; i < polls; ++i) {
                const qint64 t = kStart + qint64(i) * kInterval;
                const Snapshot s = farm.at(t);
                const QVector<Event> events = monitor.applySnapshot(s, t);
                AccountState acc;
                acc.lastSuccessAt = acc.lastAttemptAt = t;
                acc.incidentSince = monitor.incidentSince();
                if (!store.recordPoll(kAccount, t, s, monitor.workers(), acc, events))
                    qFatal("recordPoll failed: %s", qPrintable(store.lastError()));
                if (i % 12 == 11 && !store.applyRetention(t)) // hourly, as the engine does
                    qFatal("applyRetention failed: %s", qPrintable(store.lastError()));
            }
        });
        if (store.outages(kAccount, kStart, end).isEmpty())
            qFatal("the simulated month recorded no outage");
        store.close(); // checkpoints the WAL: what stays on disk between runs
    }
    const double mb = double(sizeOnDisk(path)) / 1e6;

    // The chart's 30-day query on a freshly opened database, as when the window opens.
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        m_report->error(5, what, error);
        return;
    }
    qsizetype points = 0;
    const double firstMs =
        timeMs([&] { points = store.accountSeries(kAccount, end - 30 * kDay, end).size(); });
    std::vector<double> again, worker;
    for (int i = 0; i < 7; ++i) {
        again.push_back(
            timeMs([&] { keep(store.accountSeries(kAccount, end - 30 * kDay, end).size()); }));
        worker.push_back(timeMs([&] {
            keep(store.workerSeries(kAccount, farm.names.at(7), end - 30 * kDay, end).size());
        }));
    }
    const double queryMs = std::max(firstMs, median(again));
    m_report->figure(5, what,
                     QStringLiteral("%1 MB on disk, 30-day chart query %2 ms (%3 points)")
                         .arg(fixed(mb, 1), fixed(queryMs, 1))
                         .arg(points),
                     QStringLiteral("< 50 MB, < 50 ms"), mb < 50 && queryMs < 50);
    m_report->info(
        QStringLiteral("query: first %1 ms, then median %2 ms; one worker's 30 days %3 ms; "
                       "writing took %4 ms per poll incl. monitor and hourly retention")
            .arg(fixed(firstMs, 1), fixed(median(again), 1), fixed(median(worker), 1),
                 fixed(writeMs / polls, 2)));
}

} // namespace rw::bench
