#include "storebench.h"

#include "benchreport.h"

#include "f2poolreplies.h"
#include "monitor/monitor.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <numeric>

#include <sys/resource.h>

namespace rw::bench {

namespace {

constexpr qint64 kStart = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 kDay = 86'400;
constexpr int kInterval = 300;
// Hourly means are kept for 90 days and rolled into daily ones after that (Store::applyRetention):
// two days more than 90 put the oldest day into the daily tier, so every tier holds rows.
constexpr int kHistoryDays = 90;
constexpr int kDays = kHistoryDays + 2;
const QString kAccount = QStringLiteral("bench/bitcoin");

// A uniform number in [-1, 1) from two integers (splitmix64): the same farm on every run.
double noise(quint64 a, quint64 b)
{
    quint64 z = a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E5D9ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return double(z >> 11) * 0x1.0p-52 - 1.0;
}

// What the calling thread has used so far: user and system CPU, page faults, bytes written
// through write() and pwrite() (so a poll's cost can be split into its kinds).
struct ThreadUsage
{
    double userMs = 0;
    double systemMs = 0;
    double faults = 0;
    double writtenMb = 0;

    static ThreadUsage now()
    {
        ThreadUsage u;
        rusage r{};
        getrusage(RUSAGE_THREAD, &r);
        u.userMs = double(r.ru_utime.tv_sec) * 1e3 + double(r.ru_utime.tv_usec) / 1e3;
        u.systemMs = double(r.ru_stime.tv_sec) * 1e3 + double(r.ru_stime.tv_usec) / 1e3;
        u.faults = double(r.ru_minflt + r.ru_majflt);
        QFile io(QStringLiteral("/proc/thread-self/io"));
        if (io.open(QIODevice::ReadOnly))
            for (const QByteArray &line : io.readAll().split('\n'))
                if (line.startsWith("wchar:"))
                    u.writtenMb = line.mid(6).trimmed().toDouble() / 1e6;
        return u;
    }
    ThreadUsage operator-(const ThreadUsage &o) const
    {
        return {userMs - o.userMs, systemMs - o.systemMs, faults - o.faults,
                writtenMb - o.writtenMb};
    }
};

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates); // 10,000
}

// The farm at time t: every rate moves from poll to poll as a pool's do (a farm that never
// changes would flatter a store that writes what changed), and every day 1 % of the rigs (a
// different 1 % each day) stop for an hour, so the store records outages and the monitor has
// transitions. Names and hosts are made once and shared, as the parser shares them with the
// previous poll.
struct Farm
{
    explicit Farm(int workers)
    {
        names.reserve(workers);
        hosts.reserve(workers);
        for (int i = 0; i < workers; ++i) {
            names << QStringLiteral("rig-%1").arg(i, 5, 10, QLatin1Char('0'));
            hosts << QStringLiteral("10.%1.%2.%3").arg(i >> 16).arg((i >> 8) & 255).arg(i & 255);
        }
    }

    // Fills s in place (its array is reused from poll to poll, as the poller recycles it).
    void fill(Snapshot &s, qint64 t) const
    {
        s.poolTimeSecs = t;
        s.totalHashRate = 0;
        s.workers.resize(names.size());
        const qint64 day = (t - kStart) / kDay;
        const qint64 secOfDay = (t - kStart) % kDay;
        const quint64 poll = quint64(t / kInterval);
        for (int i = 0; i < names.size(); ++i) {
            WorkerSample &w = s.workers[i];
            w.name = names.at(i);
            w.host = hosts.at(i);
            const qint64 outageStart = (i % 24) * 3600;
            const bool down =
                i % 100 == day % 100 && secOfDay >= outageStart && secOfDay < outageStart + 3600;
            const double base = 100e12 * (1.0 + 0.05 * noise(quint64(i), 0));
            const quint64 key = quint64(i) << 24;
            w.hashRate = down ? 0 : base * (1.0 + 0.04 * noise(key, poll));
            w.hashRate1h = base * (down ? 0.5 : 1.0 + 0.01 * noise(key + 1, poll));
            w.hashRate24h = base * (0.97 + 0.005 * noise(key + 2, poll));
            w.staleRate24h = w.hashRate24h * 0.004 * (1.0 + 0.5 * noise(key + 3, poll));
            w.lastShareAt = down ? kStart + day * kDay + outageStart : t - (i * 7) % 60;
            s.totalHashRate += w.hashRate;
        }
    }

    QStringList names;
    QStringList hosts;
};

qint64 sizeOnDisk(const QString &path)
{
    qint64 total = 0;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        total += QFileInfo(path + QLatin1String(suffix)).size(); // 0 when absent
    return total;
}

void removeStore(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

Monitor daemonMonitor()
{
    // As rigwatchd's engine runs it: no list of changed rows (only the GUI's table uses it).
    Monitor m(Thresholds(), kInterval);
    m.setRowChanges(false);
    return m;
}

} // namespace

StoreBench::StoreBench(BenchReport *report, const QString &scratchDir)
    : m_report(report), m_scratch(scratchDir)
{}

StoreBench::Built StoreBench::build(int workers, int days, QString *error) const
{
    Built b;
    b.workers = workers;
    b.path = m_scratch + QStringLiteral("/store-%1.sqlite").arg(workers);
    b.polls = days * int(kDay / kInterval);
    b.end = kStart + qint64(b.polls - 1) * kInterval;
    removeStore(b.path);
    const Farm farm(workers);
    {
        Store store;
        if (!store.open(b.path, error))
            return {};
        Monitor monitor = daemonMonitor();
        Snapshot s;
        b.writeSecs =
            timeMs([&] {
                for (int i = 0; i < b.polls; ++i) {
                    const qint64 t = kStart + qint64(i) * kInterval;
                    farm.fill(s, t);
                    // As the engine does: the poll packed as the monitor walks it, the new
                    // ids and the written identities handed back.
                    PollPack pack = store.preparePoll(kAccount);
                    const QVector<Event> events = monitor.applySnapshot(
                        s, t, [&pack](const QString &name, const WorkerState &w, bool listed) {
                            pack.add(name, w, listed);
                        });
                    AccountState acc;
                    acc.lastSuccessAt = acc.lastAttemptAt = t;
                    acc.incidentSince = monitor.incidentSince();
                    QVector<StoreId> assigned;
                    if (!store.recordPoll(kAccount, t, s, monitor.workers(), acc, events, &assigned,
                                          {}, &pack))
                        qFatal("recordPoll failed: %s", qPrintable(store.lastError()));
                    monitor.setStoreIds(assigned);
                    monitor.identitiesStored();
                    // Hourly, as the engine does.
                    if (i % 12 == 11 && !store.applyRetention(t))
                        qFatal("applyRetention failed: %s", qPrintable(store.lastError()));
                }
            }) /
            1000;
        if (store.outages(kAccount, kStart, b.end).isEmpty())
            qFatal("the simulated months recorded no outage");
        store.close(); // checkpoints the WAL: what stays on disk between runs
    }
    b.megabytes = double(sizeOnDisk(b.path)) / 1e6;
    return b;
}

void StoreBench::run(bool size, bool query)
{
    const bool quick = m_report->quick();
    const int days = quick ? 3 : kDays;
    const int smallWorkers = quick ? 100 : 1'000;
    const int largeWorkers = quick ? 300 : 10'000;
    const QString daysText = quick ? QString::number(days)
                                   : QStringLiteral("%1 (+2 for the daily tier)").arg(kHistoryDays);
    QString error;
    const Built large = build(largeWorkers, days, &error);
    const Built small = large.polls ? build(smallWorkers, days, &error) : Built();
    if (!small.polls) {
        m_report->error(5, QStringLiteral("store size"), error);
        return;
    }
    if (size) {
        const auto judge = [&](const QString &label, const Built &b, double targetMb) {
            m_report->figure(
                label,
                QStringLiteral("store after %1 days of %2 workers at 5-min polls, 1 % down an "
                               "hour a day, hourly retention")
                    .arg(daysText, english().toString(b.workers)),
                QStringLiteral("%1 MB on disk").arg(fixed(b.megabytes, 1)),
                QStringLiteral("< %1 MB").arg(targetMb), b.megabytes < targetMb);
        };
        judge(QStringLiteral("5a"), large, 100);
        judge(QStringLiteral("5b"), small, 15);
        for (const Built *b : {&large, &small})
            m_report->info(
                QStringLiteral("%1 workers: %2 polls written in %3 s (%4 ms a poll incl. "
                               "the farm, the monitor and hourly retention)")
                    .arg(english().toString(b->workers))
                    .arg(b->polls)
                    .arg(fixed(b->writeSecs, 0), fixed(1000 * b->writeSecs / b->polls, 2)));
    }
    if (query)
        queries(small, large);
    removeStore(small.path);
    removeStore(large.path);
}

// Figure 7: the chart's queries on the large farm's store against the account chart's on the
// small farm's: what a view costs must not grow with the farm. Both stores freshly opened, as
// when the window opens; the queries interleaved, in the thread's CPU time, medians.
void StoreBench::queries(const Built &small, const Built &large)
{
    Store smallStore, largeStore;
    QString error;
    if (!smallStore.open(small.path, &error) || !largeStore.open(large.path, &error)) {
        m_report->error(7, QStringLiteral("chart queries"), error);
        return;
    }
    // A worker in a middle chunk whose outage day (Farm) falls in the last 30 days.
    const QString worker =
        QStringLiteral("rig-%1").arg(large.workers / 2 + 77, 5, 10, QLatin1Char('0'));
    const qint64 end = large.end;
    qsizetype accountPoints = 0, worker30Points = 0, worker7Points = 0;
    const auto account1k = [&] {
        keep(smallStore.accountSeries(kAccount, small.end - 30 * kDay, small.end).size());
    };
    const auto account = [&] {
        accountPoints = largeStore.accountSeries(kAccount, end - 30 * kDay, end).size();
    };
    const auto worker30 = [&] {
        worker30Points = largeStore.workerSeries(kAccount, worker, end - 30 * kDay, end).size();
    };
    const auto worker7 = [&] {
        worker7Points = largeStore.workerHourly(kAccount, worker, end - 7 * kDay, end).size();
    };
    // The first calls, on cold statements and pages, reported apart.
    const double first[4] = {threadCpuMs(account1k), threadCpuMs(account), threadCpuMs(worker30),
                             threadCpuMs(worker7)};
    std::vector<double> base, acc, w30, w7;
    const int reps = m_report->quick() ? 3 : 21;
    for (int i = 0; i < reps; ++i) {
        base.push_back(threadCpuMs(account1k));
        acc.push_back(threadCpuMs(account));
        w30.push_back(threadCpuMs(worker30));
        w7.push_back(threadCpuMs(worker7));
    }
    if (accountPoints == 0 || worker30Points == 0 || worker7Points == 0) {
        m_report->error(7, QStringLiteral("chart queries"),
                        QStringLiteral("a query returned no points"));
        return;
    }
    const double b = median(base);
    const QString largeText = english().toString(large.workers);
    const QString smallText = english().toString(small.workers);
    const auto judge = [&](const QString &label, const QString &what, double ms) {
        const double ratio = ms / b;
        m_report->figure(
            label,
            QStringLiteral("%1 at %2 workers / the 30-day account chart at %3")
                .arg(what, largeText, smallText),
            QStringLiteral("%1 ms / %2 ms = %3").arg(fixed(ms, 2), fixed(b, 2), fixed(ratio, 2)),
            QStringLiteral("<= 5"), ratio <= 5);
    };
    judge(QStringLiteral("7a"), QStringLiteral("30-day account chart"), median(acc));
    judge(QStringLiteral("7b"), QStringLiteral("one worker's 30 days (workerSeries)"), median(w30));
    judge(QStringLiteral("7c"), QStringLiteral("one worker's 7-day hourly history (workerHourly)"),
          median(w7));
    m_report->info(
        QStringLiteral("thread CPU time, medians of %1 interleaved rounds on freshly "
                       "opened stores; first calls %2 / %3 / %4 / %5 ms; points %6 / "
                       "%7 / %8; %9")
            .arg(reps)
            .arg(fixed(first[0], 2), fixed(first[1], 2), fixed(first[2], 2), fixed(first[3], 2))
            .arg(accountPoints)
            .arg(worker30Points)
            .arg(worker7Points)
            .arg(worker));
}

// Figure 8: storing a poll in the loop, against ingesting it. Both as rigwatchd's engine does
// them on each poll: the ingest is figure 1's (parse with the previous poll as a hint, classify
// and diff, incident; the parse's array recycled), the store is Store::recordPoll of that
// snapshot with the monitor's states, on a store that already holds the farm's previous polls.
// Every poll's reply is new, with every rate moved, as a pool's are. Thread CPU time, medians.
void StoreBench::loopWrite()
{
    const int workers = m_report->quick() ? 2'000 : 100'000;
    const int warm = m_report->quick() ? 2 : 4; // untimed polls before (the first fills the store)
    const int reps = m_report->quick() ? 3 : 11;
    const QString what =
        QStringLiteral("storing a %1-worker poll (Store::recordPoll, warm store, + packing) / "
                       "its ingest (parse + classify, as figure 1)")
            .arg(english().toString(workers));
    const QString path = m_scratch + QStringLiteral("/store-loop.sqlite");
    removeStore(path);
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        m_report->error(8, what, error);
        return;
    }
    const qint64 start = QDateTime::currentSecsSinceEpoch() / kInterval * kInterval;
    // The pool's reply at poll k: 1 % of the rigs down since before the first poll (their last
    // share stays where it was, as a stopped rig's does); every rate moves.
    const auto reply = [workers, start](int k) {
        const qint64 t = start + qint64(k) * kInterval;
        QVector<sim::PoolWorkerRow> rows = sim::f2pool::syntheticRows(workers, t, 100);
        for (int i = 0; i < rows.size(); ++i) {
            sim::PoolWorkerRow &r = rows[i];
            if (r.hashRate == 0) {
                r.lastShareAt = start - 3'600 - i % 600;
                r.status = sim::f2pool::statusFor(r.lastShareAt, t);
            }
            const quint64 key = quint64(i) << 24;
            r.h1HashRate *= 1.0 + 0.01 * noise(key + 1, quint64(t));
            r.h24HashRate *= 1.0 + 0.005 * noise(key + 2, quint64(t));
            r.h24StaleHashRate *= 1.0 + 0.5 * noise(key + 3, quint64(t));
        }
        return sim::f2pool::v2WorkerList(rows);
    };

    // Two monitors fed the same replies: `plain` as figure 1 times the ingest, `monitor` as the
    // engine runs it, packing the store's share of the poll as it walks (PollPack). What the
    // packing adds to the walk is the store's, and is counted with the write.
    Monitor plain = daemonMonitor();
    Monitor monitor = daemonMonitor();
    Snapshot previous;
    std::vector<double> ingest, write, packing, ratios;
    std::vector<double> writeUser, writeSystem, writeFaults, writeMb;
    qint64 replyBytes = 0;
    for (int k = 0; k < warm + reps; ++k) {
        const qint64 t = start + qint64(k) * kInterval;
        const QByteArray body = reply(k);
        replyBytes = body.size();
        ParseResult r;
        QVector<Event> events;
        double ingestMs = threadCpuMs([&] {
            r = parseF2poolV2WorkerList(body, previous.workers);
            if (!r.ok())
                return;
            r.snapshot->poolTimeSecs = t; // the provider takes this from the Date header
        });
        if (!r.ok()) {
            m_report->error(8, what, QStringLiteral("the reply does not parse: ") + r.error);
            return;
        }
        const double plainMs = threadCpuMs([&] {
            const QVector<Event> plainEvents = plain.applySnapshot(*r.snapshot, t);
            keep(plainEvents.size() + plain.incident(t).down.size());
        });
        PollPack pack = store.preparePoll(kAccount);
        const double packedMs = threadCpuMs([&] {
            events = monitor.applySnapshot(*r.snapshot, t,
                                           [&pack](const QString &name, const WorkerState &s,
                                                   bool listed) { pack.add(name, s, listed); });
            keep(events.size() + monitor.incident(t).down.size());
        });
        ingestMs += plainMs;
        const double packMs = std::max(0.0, packedMs - plainMs);
        AccountState acc;
        acc.lastSuccessAt = acc.lastAttemptAt = t;
        acc.incidentSince = monitor.incidentSince();
        bool stored = false;
        const ThreadUsage before = ThreadUsage::now();
        QVector<StoreId> assigned;
        const double writeMs = threadCpuMs([&] {
            stored = store.recordPoll(kAccount, t, *r.snapshot, monitor.workers(), acc, events,
                                      &assigned, {}, &pack);
            monitor.setStoreIds(assigned); // as the engine does
            if (stored)
                monitor.identitiesStored();
        });
        const ThreadUsage used = ThreadUsage::now() - before;
        if (!stored) {
            m_report->error(8, what, store.lastError());
            return;
        }
        // The poller keeps this poll as the next one's hint and gives back the one before.
        WorkerCollector::recycle(std::move(previous.workers));
        previous = std::move(*r.snapshot);
        if (k < warm)
            continue;
        ingest.push_back(ingestMs);
        write.push_back(writeMs);
        packing.push_back(packMs);
        writeUser.push_back(used.userMs);
        writeSystem.push_back(used.systemMs);
        writeFaults.push_back(used.faults);
        writeMb.push_back(used.writtenMb);
        ratios.push_back((writeMs + packMs) / ingestMs);
    }
    // The polls' samples were appended to the recent table; once their hour is over the
    // engine's hourly retention moves them into the chunk rows (Store::applyRetention). That
    // move is part of storing them: timed here for all the polls above, and each poll's share
    // added to its write.
    bool settled = false;
    const qint64 lastPoll = start + qint64(warm + reps - 1) * kInterval;
    const double settleMs = threadCpuMs([&] { settled = store.applyRetention(lastPoll + 3600); });
    if (!settled) {
        m_report->error(8, what, store.lastError());
        return;
    }
    const double settleShare = settleMs / double(warm + reps);
    // Judged on the means: the WAL's checkpoint lands in one poll of several, and its cost is
    // the store's as much as the rest (a median would leave it out).
    const auto mean = [](const std::vector<double> &v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    };
    const double ratio = (mean(write) + mean(packing) + settleShare) / mean(ingest);
    std::vector<double> sorted = ratios;
    std::sort(sorted.begin(), sorted.end());
    m_report->figure(8, what,
                     QStringLiteral("(%1 + %2 + %3) ms / %4 ms = %5")
                         .arg(fixed(mean(write), 1), fixed(mean(packing), 1), fixed(settleShare, 1),
                              fixed(mean(ingest), 1), fixed(ratio, 2)),
                     QStringLiteral("<= 0.5"), ratio <= 0.5);
    m_report->info(QStringLiteral("the second term: what packing the poll (PollPack) adds to "
                                  "the monitor's walk (the same apply with and without it); the "
                                  "third: each poll's share of moving the %1 polls' samples out "
                                  "of the recent table once their hour is over (%2 ms in all)")
                       .arg(warm + reps)
                       .arg(fixed(settleMs, 1)));
    m_report->info(
        QStringLiteral("thread CPU time, means of %1 polls after %2 untimed (medians %3 ms / "
                       "%4 ms); reply %5 MB; poll by poll the ratio ran %6-%7")
            .arg(reps)
            .arg(warm)
            .arg(fixed(median(write), 1), fixed(median(ingest), 1), fixed(replyBytes / 1e6, 1),
                 fixed(sorted.front(), 2), fixed(sorted.back(), 2)));
    m_report->info(QStringLiteral("where recordPoll's time goes (medians): %1 ms user, %2 ms "
                                  "system (the kernel: page faults and writes), %3 page faults, "
                                  "%4 MB written through write()")
                       .arg(fixed(median(writeUser), 1), fixed(median(writeSystem), 1),
                            fixed(median(writeFaults), 0), fixed(median(writeMb), 1)));
    store.close();
    m_report->info(QStringLiteral("the store after %1 polls: %2 MB on disk")
                       .arg(warm + reps)
                       .arg(fixed(sizeOnDisk(path) / 1e6, 1)));
    removeStore(path);
}

} // namespace rw::bench
