#include "demohistory.h"

#include "fakef2pool.h"
#include "simfarm.h"

#include "store/store.h"

#include <QHash>

#include <cmath>

namespace rw::sim {

namespace {
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86'400;

// One stretch of a rig's story, in seconds before `now`.
struct Episode
{
    QString rig;
    qint64 startAgo;
    qint64 lengthSecs;
    double factor = 0; // 0: an outage; else degraded to this share of its rate
};

// The story. Site B (rig-20 ... rig-36, grouped by host in democonfig.cpp) loses power one
// night; a few single rigs fail; one rig runs on a dying hash board for an afternoon.
QVector<Episode> story(const QStringList &rigs, const QStringList &annex)
{
    QVector<Episode> e;
    const auto rig = [&rigs](int i) { return rigs.value(i % qMax<qsizetype>(1, rigs.size())); };
    e << Episode{rig(4), 27 * kDay + 5 * kHour, 3 * kHour}
      << Episode{rig(11), 21 * kDay + 2 * kHour, 45 * 60}
      << Episode{rig(22), 15 * kDay + 20 * kHour, 9 * kHour}
      << Episode{rig(29), 9 * kDay + 7 * kHour, 2 * kHour}
      << Episode{rig(1), 4 * kDay + 3 * kHour, 30 * 60} << Episode{rig(16), 36 * kHour, 80 * 60}
      << Episode{rig(7), 10 * kDay + 14 * kHour, 14 * kHour, 0.65};
    for (int i = 19; i < rigs.size(); ++i) // the power cut at Site B
        e << Episode{rigs.at(i), 12 * kDay + 2 * kHour + 60 * (i % 3), 95 * 60};
    if (annex.size() > 8)
        e << Episode{annex.at(3), 18 * kDay + 11 * kHour, 5 * kHour}
          << Episode{annex.at(8), 6 * kDay + 16 * kHour, 65 * 60};
    return e;
}

Event event(Event::Kind kind, const QString &rig, qint64 at, qint64 durationSecs = 0,
            double depth = 0)
{
    Event e;
    e.kind = kind;
    e.worker = rig;
    e.at = at;
    e.durationSecs = durationSecs;
    e.depth = depth;
    return e;
}

// A rig's base rate, steady per rig (the sim's rates vary by ±5 % around 100 TH/s).
double baseRate(const QString &rig)
{
    return 100e12 * (0.95 + 0.1 * double(qHash(rig, 36) % 1000) / 1000.0);
}

// The farm's daily rhythm (warm afternoons cost a few percent) and a little noise.
double rhythm(const QString &rig, qint64 at)
{
    constexpr double kPi = 3.14159265358979323846;
    const double day = 2 * kPi * double(at % kDay) / double(kDay);
    const double noise = double(qHash(rig, uint(at / 600)) % 1000) / 1000.0 - 0.5;
    return 1.0 - 0.03 * std::sin(day - 1.0) + 0.02 * noise;
}

// Writes one account's past: polls every hour until two days before now, then every ten
// minutes (the store keeps raw polls for 48 h), until `end`.
bool writeAccount(Store &store, const AccountConfig &account, const QStringList &rigs,
                  const QHash<QString, QString> &hosts, const QVector<Episode> &episodes,
                  qint64 now, qint64 end, qint64 first, qint64 retiredRigStop,
                  const QString &retiredRig)
{
    const qint64 offlineAfter = account.thresholds.offlineAfterSecs;
    const qint64 retiredAfter = account.thresholds.retiredAfterSecs;
    QHash<QString, QVector<Episode>> byRig;
    for (const Episode &e : episodes)
        if (rigs.contains(e.rig))
            byRig[e.rig] << e;
    qint64 at = first;
    qint64 previous = first - kHour;
    QHash<QString, WorkerState> states;
    for (const QString &rig : rigs) {
        WorkerState w;
        w.sample.name = rig;
        w.sample.host = hosts.value(rig);
        w.statusSince = first;
        states.insert(rig, w);
    }
    return store.recordPast(account.key(), [&](PastPoll *p) {
        if (at > end)
            return false;
        p->at = at;
        p->events.clear();
        p->snapshot = Snapshot();
        double total = 0;
        for (const QString &rig : rigs) {
            WorkerState &w = states[rig];
            const WorkerStatus was = w.status;
            const bool wasDegraded = w.degraded;
            double rate = baseRate(rig) * rhythm(rig, at);
            // The share of the step [previous, at) the rig was up, and what is wrong at `at`.
            double up = 1.0;
            double factor = 1.0;
            qint64 downSince = 0;
            qint64 degradedSince = 0;
            for (const Episode &e : byRig.value(rig)) {
                const qint64 start = now - e.startAgo, stop = start + e.lengthSecs;
                const qint64 overlap = qMax<qint64>(0, qMin(stop, at) - qMax(start, previous));
                if (e.factor > 0) {
                    if (at >= start && at < stop) {
                        factor = e.factor;
                        degradedSince = start;
                    }
                    continue;
                }
                up -= double(overlap) / double(at - previous);
                if (at >= start && at < stop)
                    downSince = start;
            }
            if (rig == retiredRig && at >= retiredRigStop) {
                up = qMax(0.0, double(retiredRigStop - previous) / double(at - previous));
                downSince = retiredRigStop;
            }
            rate *= qMax(0.0, up) * factor;
            w.sample.hashRate = rate;
            w.sample.hashRate1h = rate;
            w.sample.hashRate24h = baseRate(rig) * factor;
            w.sample.staleRate24h = w.sample.hashRate24h * 0.002;
            w.lastListedAt = at;
            if (downSince > 0 && at - downSince >= offlineAfter) {
                const WorkerStatus now_ =
                    at - downSince >= retiredAfter ? WorkerStatus::Retired : WorkerStatus::Offline;
                w.sample.lastShareAt = downSince;
                w.sample.hashRate = 0;
                w.status = now_;
                w.statusSince = downSince;
                w.degraded = false;
                if (was == WorkerStatus::Online)
                    p->events << event(Event::WentOffline, rig, downSince);
                if (now_ == WorkerStatus::Retired && was != WorkerStatus::Retired)
                    p->events << event(Event::Retired, rig, downSince + retiredAfter, retiredAfter);
            } else {
                w.sample.lastShareAt = at - 30;
                if (was != WorkerStatus::Online) {
                    p->events << event(Event::CameBack, rig, at, at - w.statusSince);
                    w.statusSince = at;
                }
                w.status = WorkerStatus::Online;
                w.degraded = factor < 1.0;
                if (w.degraded && !wasDegraded)
                    p->events << event(Event::WentDegraded, rig, degradedSince, 0, factor);
                else if (!w.degraded && wasDegraded)
                    p->events << event(Event::DegradedRecovered, rig, at, 0, factor);
            }
            total += w.sample.hashRate;
        }
        p->snapshot.totalHashRate = total;
        p->states = states;
        previous = at;
        at += at < now - 2 * kDay ? kHour : 600;
        return true;
    });
}
} // namespace

bool writeDemoHistory(const SimFarm &farm, const DaemonConfig &config, qint64 now, int days,
                      QString *error)
{
    Store store;
    if (!store.open(config.databasePath, error))
        return false;
    // The past ends where the farm's live schedule begins: its rigs that are down at the start
    // went down at most 15 minutes before it (SimFarm::applyDemoSchedule).
    const qint64 end = now - 20 * 60;
    const qint64 first = (now - qint64(days) * kDay) / kHour * kHour;
    const QStringList rigs = farm.pool()->rigNames();
    QHash<QString, QString> hosts;
    for (const PoolWorkerRow &row : farm.pool()->currentRows())
        hosts.insert(row.name, row.host);
    const QStringList annex = farm.annexRigs() ? farm.annexRigs()->rigNames() : QStringList();
    const QVector<Episode> episodes = story(rigs, annex);
    // The retired rig stopped 10 hours before the start (SimFarm::applyDemoSchedule).
    const QString retired = rigs.size() >= 8 ? rigs.at(rigs.size() - 4) : QString();
    for (int i = 0; i < config.accounts.size(); ++i) {
        const bool second = i > 0;
        const QStringList own = second ? annex : rigs;
        if (own.isEmpty())
            continue;
        // The second hall's pool (Braiins) reports no host.
        if (!writeAccount(store, config.accounts[i], own,
                          second ? QHash<QString, QString>() : hosts, episodes, now, end, first,
                          now - 10 * kHour, second ? QString() : retired)) {
            *error = store.lastError();
            return false;
        }
    }
    if (!store.applyRetention(now)) {
        *error = store.lastError();
        return false;
    }
    return true;
}

} // namespace rw::sim
