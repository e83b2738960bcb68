// When the next poll goes out after a successful one (monitor/pollschedule.h): at the moment the
// first online worker would cross offline_after, or another timer runs out, within
// [min_interval, interval] and never below the pool's floor; and the engine doing so on a manual
// clock against the simulated f2pool, with the backoff after failures and --once unchanged.
#include "clock.h"
#include "engine/engine.h"
#include "fakef2pool.h"
#include "monitor/monitor.h"
#include "monitor/pollschedule.h"
#include "pool/poller.h"
#include "pool/poolprovider.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;

namespace {
constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00:00 UTC
const QString kList = QStringLiteral("/v2/hash_rate/worker/list");

WorkerSample ws(const QString &name, qint64 share)
{
    WorkerSample s;
    s.name = name;
    s.lastShareAt = share;
    s.hashRate = 1e12;
    return s;
}

Snapshot snap(const QVector<WorkerSample> &workers, qint64 poolTime)
{
    Snapshot s;
    s.workers = workers;
    s.poolTimeSecs = poolTime;
    return s;
}
} // namespace

class TestPollSchedule : public QObject
{
    Q_OBJECT

    // The account "farm1" on `pool`: the defaults (interval 300, min_interval 60,
    // offline_after 600) unless changed.
    static AccountConfig farm1(const FakeF2pool &pool)
    {
        AccountConfig a;
        a.id = QStringLiteral("default");
        a.url = pool.baseUrl();
        a.user = QStringLiteral("farm1");
        a.secret = QStringLiteral("s3cret");
        a.timeoutSecs = 5;
        return a;
    }

    static void makePool(FakeF2pool &pool, int rigs)
    {
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("s3cret"));
        pool.addRigs(rigs); // sharing every 10-59 s
        QVERIFY(pool.listen());
    }

    static qint64 nextPollInSecs(const Engine &engine, const Clock &clock)
    {
        const qint64 at = engine.views().first().nextPollAtMs;
        return at ? (at - clock.nowMs()) / 1000 : -1;
    }

private slots:
    void nextPollTime_data()
    {
        QTest::addColumn<qint64>("oldestOnlineShare"); // relative to the poll; 0 = none
        QTest::addColumn<qint64>("otherDeadline");     // relative to the poll; 0 = none
        QTest::addColumn<qint64>("waitSecs");
        // offline_after 600: a worker with a share at T is offline from T + 601 on.
        QTest::newRow("no online worker") << qint64(0) << qint64(0) << qint64(300);
        QTest::newRow("all sharing: the interval") << qint64(-30) << qint64(0) << qint64(300);
        QTest::newRow("crosses within the interval") << qint64(-400) << qint64(0) << qint64(201);
        QTest::newRow("crosses at the interval") << qint64(-301) << qint64(0) << qint64(300);
        QTest::newRow("crosses sooner than min_interval")
            << qint64(-590) << qint64(0) << qint64(60);
        QTest::newRow("crossed already: min_interval") << qint64(-900) << qint64(0) << qint64(60);
        QTest::newRow("a share from the future") << qint64(+20) << qint64(0) << qint64(300);
        QTest::newRow("a degraded timer first") << qint64(-30) << qint64(100) << qint64(100);
        QTest::newRow("the crossing first") << qint64(-400) << qint64(250) << qint64(201);
        QTest::newRow("only a timer") << qint64(0) << qint64(75) << qint64(75);
        QTest::newRow("a timer too soon") << qint64(0) << qint64(5) << qint64(60);
        QTest::newRow("a timer past the interval") << qint64(0) << qint64(4000) << qint64(300);
    }

    void nextPollTime()
    {
        QFETCH(qint64, oldestOnlineShare);
        QFETCH(qint64, otherDeadline);
        QFETCH(qint64, waitSecs);
        const PollSchedule s(600, 300, 60, 1);
        const qint64 local = 1'700'000'000'123; // the poll by our clock
        const qint64 due = s.dueAt(oldestOnlineShare ? T0 + oldestOnlineShare : 0,
                                   otherDeadline ? T0 + otherDeadline : 0);
        QCOMPARE(s.nextPollAtMs(due, T0, local), local + waitSecs * 1000);
    }

    // The pool's clock is not ours: the wait is measured on the pool's clock and the timer set
    // on ours, by the difference seen at the poll.
    void poolClockIsCarriedOverToOurs()
    {
        const PollSchedule s(600, 300, 60, 1);
        const qint64 poolNow = T0 + 7200; // the pool two hours ahead of this computer
        const qint64 local = T0 * 1000 + 250;
        QCOMPARE(s.nextPollAtMs(s.dueAt(poolNow - 500, 0), poolNow, local), local + 101'000);
    }

    // offline_after and the other timers have no upper limit: far away is the interval, never an
    // overflow into the past.
    void farAwayIsTheInterval()
    {
        const PollSchedule s(std::numeric_limits<qint64>::max(), 300, 60, 1);
        QCOMPARE(s.nextPollAtMs(s.dueAt(T0 - 30, 0), T0, 5000), qint64(305'000));
        const PollSchedule d(600, 300, 60, 1);
        QCOMPARE(d.nextPollAtMs(d.dueAt(0, std::numeric_limits<qint64>::max()), T0, 5000),
                 qint64(305'000));
    }

    void bounds()
    {
        // min_interval above interval is interval; the pool's floor wins over min_interval,
        // never over interval.
        QCOMPARE(PollSchedule(600, 300, 60, 1).shortestMs(), qint64(60'000));
        QCOMPARE(PollSchedule(600, 300, 500, 1).shortestMs(), qint64(300'000));
        QCOMPARE(PollSchedule(600, 300, 1, 5).shortestMs(), qint64(5'000));
        QCOMPARE(PollSchedule(600, 3, 1, 5).shortestMs(), qint64(3'000));
        QCOMPARE(PollSchedule(600, 300, 60, 1).longestMs(), qint64(300'000));
        // From an account: its provider's floor.
        AccountConfig braiins;
        braiins.provider = PoolProvider::Braiins;
        braiins.minIntervalSecs = 1;
        QCOMPARE(PollSchedule(braiins).shortestMs(), qint64(5'000));
        AccountConfig f2pool;
        f2pool.minIntervalSecs = 1;
        QCOMPARE(PollSchedule(f2pool).shortestMs(), qint64(1'000));
    }

    void providerFloors_data()
    {
        QTest::addColumn<int>("provider"); // a PoolProvider
        QTest::addColumn<int>("floor");
        // f2pool publishes none (clients keep to one request a second); the others' follow from
        // their documented limits (docs/pool-apis.md).
        QTest::newRow("f2pool") << int(PoolProvider::F2poolV2) << 1;
        QTest::newRow("f2pool-v1") << int(PoolProvider::F2poolV1) << 1;
        QTest::newRow("braiins: 1 request per 5 s") << int(PoolProvider::Braiins) << 5;
        QTest::newRow("binance: weight 5 of 6,000 a minute") << int(PoolProvider::Binance) << 1;
        QTest::newRow("luxor: 60 a minute") << int(PoolProvider::Luxor) << 1;
        QTest::newRow("viabtc: 60 a minute") << int(PoolProvider::ViaBtc) << 1;
        QTest::newRow("antpool: 600 per 10 min") << int(PoolProvider::AntPool) << 1;
    }

    void providerFloors()
    {
        QFETCH(int, provider);
        QFETCH(int, floor);
        QCOMPARE(providerMinIntervalSecs(PoolProvider(provider)), floor);
    }

    // The monitor keeps the oldest online share while it walks the workers anyway: the same as
    // a walk of its own, listed or not, never shared or not, and after a restore.
    void monitorKeepsTheOldestOnlineShare()
    {
        Thresholds t; // offline_after 600
        Monitor m(t, 300);
        QCOMPARE(m.earliestOnlineShare(), qint64(0));
        m.applySnapshot(snap({ws(QStringLiteral("a"), T0 - 30), ws(QStringLiteral("b"), T0 - 400),
                              ws(QStringLiteral("down"), T0 - 1000), ws(QStringLiteral("new"), 0)},
                             T0),
                        T0);
        QCOMPARE(m.earliestOnlineShare(), T0 - 400);
        QCOMPARE(PollSchedule::earliestOnlineShare(m.workers()), T0 - 400);

        // "b" is no longer listed but still online by its last share; "new" never shared and
        // counts from when it was first seen (T0).
        m.applySnapshot(
            snap({ws(QStringLiteral("a"), T0 + 50), ws(QStringLiteral("new"), 0)}, T0 + 60),
            T0 + 60);
        QCOMPARE(m.earliestOnlineShare(), T0 - 400);
        m.applySnapshot(
            snap({ws(QStringLiteral("a"), T0 + 250), ws(QStringLiteral("new"), 0)}, T0 + 260),
            T0 + 260);
        QCOMPARE(statusOf(m, QStringLiteral("b")), WorkerStatus::Missing);
        QCOMPARE(m.earliestOnlineShare(), T0); // "new", first seen at T0
        QCOMPARE(PollSchedule::earliestOnlineShare(m.workers()), T0);

        Monitor restored(t, 300);
        restored.restore(m.workers(), T0 + 260, 0, false, 0);
        QCOMPARE(restored.earliestOnlineShare(), T0);
    }

    // The engine against the simulated f2pool, on a manual clock: a rig that stopped is polled
    // for when it crosses offline_after, and alerted then, not at the interval's next poll.
    void engineTakesTheNextPollToTheCrossing()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 5);
        pool.setRigStoppedSince(QStringLiteral("rig-02"), T0 - 400);
        Engine engine({farm1(pool)}, nullptr, &clock);
        QVector<Event> events;
        connect(&engine, &Engine::eventsHappened, this,
                [&events](const QString &, const QVector<Event> &e) { events += e; });
        int updates = 0;
        connect(&engine, &Engine::accountUpdated, this, [&updates] { ++updates; });
        engine.start();
        QTRY_COMPARE(updates, 1);
        QVERIFY(events.isEmpty());
        QCOMPARE(nextPollInSecs(engine, clock), qint64(201)); // T0 - 400 + 601

        clock.setMs(engine.views().first().nextPollAtMs);
        engine.refreshNow();
        QTRY_COMPARE(updates, 2);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Event::WentOffline);
        QCOMPARE(events.first().worker, QStringLiteral("rig-02"));
        // The rest share every minute at most: nothing can cross before the interval.
        QCOMPARE(nextPollInSecs(engine, clock), qint64(300));
        engine.stop();
    }

    void crossingSoonerThanMinIntervalWaitsForIt()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 3);
        pool.setRigStoppedSince(QStringLiteral("rig-01"), T0 - 590);
        AccountConfig a = farm1(pool);
        a.minIntervalSecs = 45;
        Engine engine({a}, nullptr, &clock);
        engine.start();
        QTRY_VERIFY(engine.views().first().lastPollOk);
        QCOMPARE(nextPollInSecs(engine, clock), qint64(45));
        engine.stop();
    }

    // min_interval = interval: the fixed schedule of before.
    void minIntervalEqualToIntervalKeepsItFixed()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 3);
        pool.setRigStoppedSince(QStringLiteral("rig-01"), T0 - 400);
        AccountConfig a = farm1(pool);
        a.minIntervalSecs = 300;
        Engine engine({a}, nullptr, &clock);
        engine.start();
        QTRY_VERIFY(engine.views().first().lastPollOk);
        QCOMPARE(nextPollInSecs(engine, clock), qint64(300));
        engine.stop();
    }

    // After a failure the backoff stands (one interval and more, with jitter), however close a
    // rig was to crossing at the last good poll.
    void failureKeepsTheBackoff()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 3);
        pool.setRigStoppedSince(QStringLiteral("rig-01"), T0 - 500);
        Engine engine({farm1(pool)}, nullptr, &clock);
        int updates = 0;
        connect(&engine, &Engine::accountUpdated, this, [&updates] { ++updates; });
        engine.start();
        QTRY_COMPARE(updates, 1);
        QCOMPARE(nextPollInSecs(engine, clock), qint64(101));
        pool.setFault(FakeF2pool::Fault::Http500);
        clock.advanceSecs(101);
        engine.refreshNow();
        QTRY_COMPARE(updates, 2);
        QVERIFY(!engine.views().first().lastPollOk);
        QVERIFY2(nextPollInSecs(engine, clock) >= 269, // 300 - 10 % jitter
                 qPrintable(QString::number(nextPollInSecs(engine, clock))));
        engine.stop();
    }

    // The poller takes the engine's moment after a success, never later than the interval, and
    // leaves its backoff alone after a failure.
    void pollerTakesTheMomentOnlyAfterASuccess()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 3);
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        Poller p(farm1(pool), &nam, &clock);
        QSignalSpy ok(&p, &Poller::polled);
        QSignalSpy failed(&p, &Poller::failed);
        p.scheduleNextAt(clock.nowMs() + 50'000); // not started: nothing
        QCOMPARE(p.nextPollAtMs(), qint64(0));
        p.start();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(p.nextPollAtMs(), clock.nowMs() + 300'000);
        p.scheduleNextAt(clock.nowMs() + 50'000);
        QCOMPARE(p.nextPollAtMs(), clock.nowMs() + 50'000);
        p.scheduleNextAt(clock.nowMs() + 900'000);
        QCOMPARE(p.nextPollAtMs(), clock.nowMs() + 300'000);

        pool.setFault(FakeF2pool::Fault::Http500);
        p.pollNow();
        QTRY_COMPARE(failed.size(), 1);
        const qint64 backoff = p.nextPollAtMs();
        p.scheduleNextAt(clock.nowMs() + 50'000);
        QCOMPARE(p.nextPollAtMs(), backoff);
        p.stop();
    }

    // --once polls once and schedules nothing.
    void onceSchedulesNothing()
    {
        ManualClock clock(T0 * 1000);
        FakeF2pool pool(&clock);
        makePool(pool, 3);
        pool.setRigStoppedSince(QStringLiteral("rig-01"), T0 - 500);
        Engine engine({farm1(pool)}, nullptr, &clock);
        QSignalSpy finished(&engine, &Engine::cycleFinished);
        engine.runOnce();
        QVERIFY(finished.wait(5000));
        QCOMPARE(engine.views().first().nextPollAtMs, qint64(0));
        QCOMPARE(pool.requestCount(kList), 1);
    }

private:
    static WorkerStatus statusOf(const Monitor &m, const QString &name)
    {
        return m.workers().value(name).status;
    }
};

QTEST_GUILESS_MAIN(TestPollSchedule)
#include "tst_pollschedule.moc"
