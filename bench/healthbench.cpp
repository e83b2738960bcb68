#include "healthbench.h"

#include "benchreport.h"

#include "fakef2pool.h"
#include "monitor/monitor.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"
#include "store/store.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <cmath>
#include <map>
#include <set>

namespace rw::bench {

namespace {

constexpr qint64 kInterval = 300;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;
constexpr double TH = 1e12;

// One simulated rig: its level, what happened to it, and the pool's 24-hour average of it.
struct Rig
{
    QString name;
    double level = 0;     // H/s when healthy
    double factor = 1;    // 2/3 after its loss or downsize
    qint64 downUntil = 0; // rebooting: silent until then
    int rampPolls = 0;    // polls back after a reboot, still warming up
    qint64 lastShare = 0; // pool s
    QVector<double> day;  // its last day of short-window rates, for the pool's day average
    double daySum = 0;
    qsizetype dayAt = 0;
    double poolDay() const { return day.isEmpty() ? 0 : daySum / double(day.size()); }
    void remember(double rate)
    {
        constexpr qsizetype kPolls = kDay / kInterval;
        if (day.size() < kPolls) {
            day.append(rate);
        } else {
            daySum -= day[dayAt];
            day[dayAt] = rate;
            dayAt = (dayAt + 1) % kPolls;
        }
        daySum += rate;
    }
};

} // namespace

HealthBench::HealthBench(BenchReport *report, const QString &scratchDir)
    : m_report(report), m_scratch(scratchDir)
{}

// A week of a 1,000-worker farm polled every 5 minutes through the real Monitor and Store (usual
// levels read from the store every hour, retention as the engine runs it): short-window rates
// with +-10 % noise, rigs rebooting, 20 rigs losing a third of their rate at random times and 5
// downsized by a third with the new level accepted at once. Every one of the 20 must be flagged
// within degraded_after plus one poll of its loss, and nobody else ever.
void HealthBench::detectionQuality()
{
    const bool quick = m_report->quick();
    const int workers = quick ? 200 : 1'000;
    const int days = quick ? 3 : 7;
    const int lossCount = quick ? 5 : 20, downsizeCount = quick ? 2 : 5;
    const int reboots = quick ? 10 : 60;
    const QString account = QStringLiteral("bench/bitcoin");
    QRandomGenerator rng(19);
    const qint64 start = 1'767'225'600;
    const qint64 end = start + days * kDay;

    std::vector<Rig> rigs(static_cast<size_t>(workers));
    for (int i = 0; i < workers; ++i) {
        rigs[size_t(i)].name = QStringLiteral("rig%1").arg(i, 4, 10, QLatin1Char('0'));
        rigs[size_t(i)].level = (80 + rng.bounded(40.0)) * TH;
    }
    // Losses and downsizes after the first two days (so both the pool's average and RigWatch's
    // own level have history), never in the last 3 hours (so each has time to be judged).
    std::set<int> chosen;
    const auto pick = [&] {
        int i;
        do
            i = int(rng.bounded(workers));
        while (!chosen.insert(i).second);
        return i;
    };
    const auto someTime = [&] {
        return start + 2 * kDay + qint64(rng.bounded(double(end - 3 * kHour - start - 2 * kDay)));
    };
    std::map<int, qint64> losses, downsizes; // rig -> when
    for (int n = 0; n < lossCount; ++n)
        losses[pick()] = someTime();
    for (int n = 0; n < downsizeCount; ++n)
        downsizes[pick()] = someTime();
    std::multimap<qint64, int> rebootAt;
    for (int n = 0; n < reboots; ++n) {
        int i;
        do
            i = int(rng.bounded(workers));
        while (chosen.count(i));
        rebootAt.emplace(start + qint64(rng.bounded(double(end - start))), i);
    }

    Thresholds t; // the defaults: 70 %, 1800 s
    Monitor monitor(t, int(kInterval));
    monitor.setRowChanges(false);
    Store store;
    QString error;
    const QString path = m_scratch + QStringLiteral("/health-week.sqlite");
    if (!store.open(path, &error)) {
        m_report->error(12, QStringLiteral("detection quality"), error);
        return;
    }
    std::map<int, qint64> flagged; // rig -> when first flagged
    std::set<int> acceptedRigs;
    qint64 usualHour = -1;
    int polls = 0;
    double usualMs = 0;
    for (qint64 now = start; now < end; now += kInterval, ++polls) {
        for (auto it = rebootAt.begin(); it != rebootAt.end() && it->first <= now;) {
            Rig &r = rigs[size_t(it->second)];
            r.downUntil = it->first + 20 * 60; // 20 min silent: it crosses offline_after
            r.rampPolls = 2;
            it = rebootAt.erase(it);
        }
        Snapshot s;
        s.poolTimeSecs = now;
        s.workers.reserve(workers);
        for (int i = 0; i < workers; ++i) {
            Rig &r = rigs[size_t(i)];
            if (const auto l = losses.find(i); l != losses.end() && now >= l->second)
                r.factor = 2.0 / 3;
            if (const auto d = downsizes.find(i); d != downsizes.end() && now >= d->second)
                r.factor = 2.0 / 3;
            WorkerSample w;
            w.name = r.name;
            double rate = 0;
            if (now >= r.downUntil) {
                rate = r.level * r.factor * (0.9 + rng.bounded(0.2));
                if (r.downUntil > 0 && r.rampPolls > 0) // a pool's window after a restart
                    rate *= r.rampPolls-- == 2 ? 0.4 : 0.75;
                r.lastShare = now - qint64(rng.bounded(60));
            }
            r.remember(rate);
            w.hashRate = rate;
            w.hashRate24h = r.poolDay();
            w.lastShareAt = r.lastShare;
            s.workers << w;
            s.totalHashRate += rate;
        }
        if (now / kHour != usualHour) { // as Engine::refreshUsualLevels
            usualHour = now / kHour;
            usualMs += timeMs([&] { monitor.setUsualLevels(store.usualLevels(account, now)); });
            store.applyRetention(now);
        }
        QVector<Event> events = monitor.applySnapshot(s, now);
        // The operator accepts a downsized rig's new level as soon as it shows.
        for (const auto &[i, when] : downsizes)
            if (now >= when && acceptedRigs.insert(i).second) {
                monitor.acceptUsual(rigs[size_t(i)].name, now, &events);
                store.saveWorkerHealth(account, rigs[size_t(i)].name,
                                       monitor.health().value(rigs[size_t(i)].name));
            }
        QVector<StoreId> assigned;
        if (!store.recordPoll(account, now, s, monitor.workers(), AccountState{}, events, &assigned,
                              {&monitor.health(), monitor.healthChanged()})) {
            m_report->error(12, QStringLiteral("detection quality"), store.lastError());
            return;
        }
        monitor.setStoreIds(assigned);
        for (const Event &e : events)
            if (e.kind == Event::WentDegraded)
                flagged.emplace(e.worker.mid(3).toInt(), now);
    }

    int onTime = 0, late = 0, missed = 0, falseFlags = 0;
    qint64 worstDelay = 0;
    for (const auto &[i, when] : losses) {
        const auto f = flagged.find(i);
        if (f == flagged.end() || f->second < when) {
            ++missed;
            continue;
        }
        const qint64 delay = f->second - when;
        worstDelay = std::max(worstDelay, delay);
        (delay <= t.degradedAfterSecs + kInterval ? onTime : late)++;
    }
    for (const auto &[i, when] : flagged)
        if (!losses.count(i))
            ++falseFlags;
    const bool pass = onTime == lossCount && falseFlags == 0;
    m_report->figure(12,
                     QStringLiteral("degraded rigs flagged within degraded_after + one poll, "
                                    "others flagged (a simulated week, %1 workers)")
                         .arg(QLocale::c().toString(workers)),
                     QStringLiteral("%1 of %2 on time, %3 others flagged")
                         .arg(onTime)
                         .arg(lossCount)
                         .arg(falseFlags),
                     QStringLiteral("%1 of %1, 0").arg(lossCount), pass);
    m_report->info(
        QStringLiteral("late %1, missed %2, worst delay %3 s (limit %4 s); %5 "
                       "downsized and accepted, %6 reboots; %7 polls; usual levels "
                       "from the store %8 ms a pool hour")
            .arg(late)
            .arg(missed)
            .arg(worstDelay)
            .arg(t.degradedAfterSecs + kInterval)
            .arg(downsizeCount)
            .arg(reboots)
            .arg(polls)
            .arg(fixed(usualMs / double(std::max<qint64>(1, (end - start) / kHour)), 1)));
}

// Figure 1's ingest (parse, classify, incident) of a 100,000-worker v2 reply with degraded
// detection on (the defaults, every worker with a usual level) against the same with it off.
void HealthBench::detectionCost()
{
    const int workers = m_report->quick() ? 10'000 : 100'000;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray prev = sim::FakeF2pool::makeV2WorkerList(workers, now - kInterval, 100);
    const QByteArray cur = sim::FakeF2pool::makeV2WorkerList(workers, now, 50);
    ParseResult first = parseF2poolV2WorkerList(prev, {});
    if (!first.ok()) {
        m_report->error(13, QStringLiteral("cost of degraded detection"), first.error);
        return;
    }
    Snapshot previous = *first.snapshot;
    previous.poolTimeSecs = now - kInterval;
    const auto monitorWith = [&](int degradedBelow) {
        Thresholds t;
        t.degradedBelow = degradedBelow;
        Monitor m(t, int(kInterval));
        m.setRowChanges(false);
        m.applySnapshot(previous, now - 2 * kInterval);
        m.applySnapshot(previous, now - kInterval);
        return m;
    };
    const auto ingest = [&](Monitor &m) {
        return timeMs([&] {
            ParseResult r = parseF2poolV2WorkerList(cur, previous.workers);
            r.snapshot->poolTimeSecs = now;
            const QVector<Event> events = m.applySnapshot(*r.snapshot, now);
            const Incident inc = m.incident(now);
            volatile qsizetype seen = events.size() + inc.down.size() + inc.degraded.size();
            (void)seen;
            WorkerCollector::recycle(std::move(r.snapshot->workers));
        });
    };
    const int reps = m_report->quick() ? 3 : 11;
    std::vector<double> on, off;
    for (int i = 0; i < reps + 1; ++i) { // alternated, so load changes hit both alike
        Monitor a = monitorWith(70), b = monitorWith(0);
        const double x = ingest(a), y = ingest(b);
        if (i == 0)
            continue;
        on.push_back(x);
        off.push_back(y);
    }
    const double ratio = median(on) / median(off);
    m_report->figure(13,
                     QStringLiteral("ingest of a %1-worker v2 reply, degraded detection on / off")
                         .arg(QLocale::c().toString(workers)),
                     QStringLiteral("%1 ms / %2 ms = %3")
                         .arg(fixed(median(on), 1), fixed(median(off), 1), fixed(ratio, 2)),
                     QStringLiteral("<= 1.2"), ratio <= 1.2);
}

} // namespace rw::bench
