#include "alertbench.h"

#include "benchreport.h"
#include "clock.h"
#include "engine/engine.h"
#include "fakef2pool.h"

#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace rw::bench {
namespace {

constexpr qint64 kStart = 1'767'225'600; // 2026-01-01 00:00:00 UTC

struct Stop
{
    QString rig;
    qint64 at = 0;
    qint64 secs = 0;
};

struct Outcome
{
    bool ok = false;
    int alerts = 0;
    int requests = 0;
    double meanDelaySecs = 0;
    qint64 maxDelaySecs = 0;
};

// The same stops for both runs: rigs stop at random moments for 15 min to 2 h (long enough to
// cross offline_after), a rig never twice at once.
QVector<Stop> timeline(int rigs, int stops, qint64 days)
{
    QRandomGenerator rng(19);
    const qint64 first = kStart + 3600;
    const qint64 last = kStart + days * 86'400 - 3 * 3600;
    QVector<Stop> out;
    QVector<qint64> busyUntil(rigs, 0);
    while (out.size() < stops) {
        const int rig = int(rng.bounded(rigs));
        const qint64 at = first + qint64(rng.bounded(quint64(last - first)));
        const qint64 secs = 900 + qint64(rng.bounded(6300));
        if (busyUntil[rig] > at - 3600) // overlapping or right after its last: pick again
            continue;
        busyUntil[rig] = std::max(busyUntil[rig], at + secs);
        // Named as FakeF2pool::addRigs names them.
        const int width = std::max(2, int(QString::number(rigs).size()));
        out.append({QStringLiteral("rig-%1").arg(rig + 1, width, 10, QLatin1Char('0')), at, secs});
    }
    return out;
}

// One run: the engine polls when its own schedule says, the clock jumps there, and every
// WentOffline is an alert (the notifier posts on that event) at the clock's time.
Outcome simulate(int rigs, const QVector<Stop> &stops, qint64 days, int minIntervalSecs)
{
    ManualClock clock(kStart * 1000);
    sim::FakeF2pool pool(&clock);
    pool.setUser(QStringLiteral("farm1"));
    pool.setSecret(QStringLiteral("s3cret"));
    pool.setDropAfterSecs(0);
    pool.addRigs(rigs);
    for (const Stop &s : stops)
        pool.scheduleOutage(s.rig, s.at, s.secs);
    Outcome out;
    if (!pool.listen())
        return out;
    AccountConfig a; // the defaults, but for min_interval
    a.id = QStringLiteral("default");
    a.url = pool.baseUrl();
    a.user = QStringLiteral("farm1");
    a.secret = QStringLiteral("s3cret");
    a.minIntervalSecs = minIntervalSecs;
    const qint64 offlineAfter = a.thresholds.offlineAfterSecs;
    Engine engine({a}, nullptr, &clock);
    engine.setRowChanges(false);
    double delaySum = 0;
    QObject::connect(&engine, &Engine::eventsHappened, &engine,
                     [&](const QString &, const QVector<Event> &events) {
                         for (const Event &e : events) {
                             if (e.kind != Event::WentOffline)
                                 continue;
                             const qint64 delay = clock.nowSecs() - (e.at + offlineAfter);
                             delaySum += double(delay);
                             out.maxDelaySecs = std::max(out.maxDelaySecs, delay);
                             ++out.alerts;
                         }
                     });
    QEventLoop loop;
    bool polled = false;
    QObject::connect(&engine, &Engine::pollFinished, &loop, [&] {
        polled = true;
        loop.quit();
    });
    auto waitForPoll = [&] {
        if (!polled) {
            QTimer guard; // a poll that never ends would be a bug: give up, do not hang
            guard.setSingleShot(true);
            QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
            guard.start(10'000);
            loop.exec();
        }
        return std::exchange(polled, false);
    };
    engine.start();
    if (!waitForPoll())
        return out;
    const qint64 end = (kStart + days * 86'400) * 1000;
    while (true) {
        const qint64 next = engine.views().first().nextPollAtMs;
        if (next <= clock.nowMs() || next > end)
            break;
        clock.setMs(next);
        engine.refreshNow();
        if (!waitForPoll())
            return out;
    }
    engine.stop();
    out.requests = pool.requestCount(QStringLiteral("/v2/hash_rate/worker/list"));
    out.meanDelaySecs = out.alerts ? delaySum / out.alerts : 0;
    out.ok = out.alerts > 0;
    return out;
}

} // namespace

void AlertBench::run()
{
    const bool quick = m_report->quick();
    const int rigs = quick ? 100 : 1000;
    const int stops = quick ? 20 : 1000;
    const qint64 days = quick ? 1 : 7;
    const QString what = QStringLiteral("Time to alert, %1 stops in a %2-worker farm over %3 "
                                        "day(s): mean delay past offline_after, fixed 300 s poll "
                                        "/ defaults")
                             .arg(stops)
                             .arg(rigs)
                             .arg(days);
    const QVector<Stop> plan = timeline(rigs, stops, days);
    const Outcome adaptive = simulate(rigs, plan, days, 60);
    const Outcome steady = simulate(rigs, plan, days, 300);
    if (!adaptive.ok || !steady.ok || adaptive.alerts != stops || steady.alerts != stops) {
        m_report->error(10, what,
                        QStringLiteral("alerts seen: %1 with the defaults, %2 with a fixed poll, "
                                       "%3 stops")
                            .arg(adaptive.alerts)
                            .arg(steady.alerts)
                            .arg(stops));
        return;
    }
    const double shorter = steady.meanDelaySecs / std::max(adaptive.meanDelaySecs, 1e-9);
    const double moreRequests = double(adaptive.requests) / double(steady.requests);
    m_report->figure(10, what,
                     QStringLiteral("%1x shorter at %2x the requests")
                         .arg(fixed(shorter, 1), fixed(moreRequests, 2)),
                     QStringLiteral(">= 5x at <= 1.5x"), shorter >= 5 && moreRequests <= 1.5);
    m_report->info(QStringLiteral("defaults (interval 300, min_interval 60): mean %1 s, longest "
                                  "%2 s, %3 requests")
                       .arg(fixed(adaptive.meanDelaySecs, 1))
                       .arg(adaptive.maxDelaySecs)
                       .arg(adaptive.requests));
    m_report->info(QStringLiteral("fixed 300 s poll: mean %1 s, longest %2 s, %3 requests")
                       .arg(fixed(steady.meanDelaySecs, 1))
                       .arg(steady.maxDelaySecs)
                       .arg(steady.requests));
}

} // namespace rw::bench
