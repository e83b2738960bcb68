// Tests for the Monitor's degraded and flapping workers (issue #19): the state machines on a
// manual timeline, what the incident lists, and that a restart continues them.
#include "monitor/monitor.h"

#include <QTest>

using namespace rw;

namespace {
constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00:00 UTC
constexpr double TH = 1e12;

WorkerSample ws(const QString &name, qint64 share, double rate, double day = 100 * TH)
{
    WorkerSample s;
    s.name = name;
    s.lastShareAt = share;
    s.hashRate = rate;
    s.hashRate24h = day;
    return s;
}

Snapshot snap(const QVector<WorkerSample> &workers, qint64 poolTime)
{
    Snapshot s;
    s.workers = workers;
    s.poolTimeSecs = poolTime;
    for (const WorkerSample &w : workers)
        s.totalHashRate += w.hashRate;
    return s;
}

QVector<Event::Kind> kinds(const QVector<Event> &events, const QString &worker)
{
    QVector<Event::Kind> out;
    for (const Event &e : events)
        if (e.worker == worker)
            out << e.kind;
    return out;
}

Thresholds defaults()
{
    Thresholds t;
    t.degradedBelow = 70;
    t.degradedAfterSecs = 1800;
    t.flapLimit = 4;
    t.flapWindowSecs = 3600;
    return t;
}

const QString A = QStringLiteral("rig-01");
const QString B = QStringLiteral("rig-02");
} // namespace

class TestWorkerHealth : public QObject
{
    Q_OBJECT

private slots:
    // Below 70 % of usual at every poll for 30 min: degraded then, not before; the incident
    // names it with its rate and usual level; recovery needs 80 %, not 70 %.
    void degradedAfterItsTimeAndRecoversTenPointsHigher()
    {
        Monitor m(defaults(), 300);
        m.applySnapshot(snap({ws(A, T0, 100 * TH), ws(B, T0, 100 * TH)}, T0), T0);
        QVector<Event> ev;
        for (int i = 1; i <= 6; ++i) { // 62 % from T0+300 on; 1800 s later at T0+2100
            const qint64 now = T0 + 300 * i;
            ev = m.applySnapshot(snap({ws(A, now, 62 * TH), ws(B, now, 100 * TH)}, now), now);
            QVERIFY2(!m.workers().value(A).degraded, qPrintable(QString::number(i)));
            QVERIFY(kinds(ev, A).isEmpty());
        }
        QCOMPARE(m.degradedDeadline(), T0 + 300 + 1800);
        qint64 now = T0 + 2100;
        ev = m.applySnapshot(snap({ws(A, now, 62 * TH), ws(B, now, 100 * TH)}, now), now);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{Event::WentDegraded});
        QCOMPARE(ev.first().at, T0 + 300);
        QCOMPARE(ev.first().detail, QStringLiteral("62 % of usual (62.0 TH/s of 100 TH/s)"));
        QVERIFY(m.workers().value(A).degraded);
        const Incident inc = m.incident(now);
        QCOMPARE(inc.degraded.size(), 1);
        QCOMPARE(inc.degraded.first().worker, A);
        QCOMPARE(inc.degraded.first().rate, 62 * TH);
        QCOMPARE(inc.degraded.first().usual, 100 * TH);
        QCOMPARE(inc.degraded.first().since, T0 + 300);
        QVERIFY(inc.down.isEmpty());
        QVERIFY(!inc.isEmpty());
        QCOMPARE(inc.since, T0 + 300);
        QCOMPARE(m.degradedDeadline(), 0);

        now += 300; // 75 %: above the threshold, below the recovery line
        ev = m.applySnapshot(snap({ws(A, now, 75 * TH), ws(B, now, 100 * TH)}, now), now);
        QVERIFY(kinds(ev, A).isEmpty());
        QVERIFY(m.workers().value(A).degraded);
        now += 300; // 80 %: recovered
        ev = m.applySnapshot(snap({ws(A, now, 80 * TH), ws(B, now, 100 * TH)}, now), now);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{Event::DegradedRecovered});
        QCOMPARE(ev.first().depth, 0.62);
        QVERIFY(!m.workers().value(A).degraded);
        QVERIFY(m.incident(now).isEmpty());
        QVERIFY(m.health().isEmpty()); // nothing left to keep
    }

    // A noisy poll above the line (but under the recovery line) does not restart the wait of a
    // rig that averages below it; one poll back at the recovery line does.
    void theWaitEndsOnlyAtTheRecoveryLine()
    {
        Monitor m(defaults(), 300);
        qint64 now = T0;
        const auto poll = [&](double rate) {
            now += 300;
            return m.applySnapshot(snap({ws(A, now, rate)}, now), now);
        };
        poll(100 * TH);
        const double noisy[] = {60, 72, 64, 73, 61, 66}; // a third lost, +-10 % noise
        for (double r : noisy)
            QVERIFY(kinds(poll(r * TH), A).isEmpty());
        QCOMPARE(kinds(poll(65 * TH), A), QVector<Event::Kind>{Event::WentDegraded});
        QCOMPARE(m.health().value(A).belowSince, T0 + 600);

        Monitor n(defaults(), 300);
        now = T0;
        const auto pollN = [&](double rate) {
            now += 300;
            return n.applySnapshot(snap({ws(A, now, rate)}, now), now);
        };
        for (int i = 0; i < 5; ++i)
            pollN(50 * TH);
        pollN(80 * TH); // back at the recovery line
        QCOMPARE(n.health().value(A).belowSince, 0);
        for (int i = 0; i < 6; ++i)
            QVERIFY(kinds(pollN(50 * TH), A).isEmpty());
        QCOMPARE(kinds(pollN(50 * TH), A), QVector<Event::Kind>{Event::WentDegraded});
    }

    // Hovering around the line (averaging above it) is not degraded; the wait moves on.
    void hoveringAboveOnAverageIsNotDegraded()
    {
        Monitor m(defaults(), 300);
        qint64 now = T0;
        m.applySnapshot(snap({ws(A, now, 100 * TH)}, now), now);
        for (int i = 0; i < 40; ++i) {
            now += 300;
            const double r = i % 2 ? 69 : 77;
            QVERIFY(kinds(m.applySnapshot(snap({ws(A, now, r * TH)}, now), now), A).isEmpty());
        }
        QVERIFY(!m.workers().value(A).degraded);
    }

    void degradedAfterZeroIsImmediateAndBelowZeroIsOff()
    {
        Thresholds t = defaults();
        t.degradedAfterSecs = 0;
        Monitor m(t, 300);
        const QVector<Event> ev = m.applySnapshot(snap({ws(A, T0, 40 * TH)}, T0), T0);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{Event::WentDegraded});

        t.degradedBelow = 0;
        Monitor off(t, 300);
        for (int i = 0; i < 20; ++i)
            QVERIFY(
                off.applySnapshot(snap({ws(A, T0 + i * 300, 1 * TH)}, T0 + i * 300), T0 + i * 300)
                    .isEmpty());
        QVERIFY(off.incident(T0).isEmpty());
    }

    // An offline worker is not also degraded; its degraded period ends when it stops.
    void offlineIsNotAlsoDegraded()
    {
        Thresholds t = defaults();
        t.degradedAfterSecs = 0;
        Monitor m(t, 300);
        m.applySnapshot(snap({ws(A, T0, 50 * TH), ws(B, T0, 100 * TH)}, T0), T0);
        QVERIFY(m.workers().value(A).degraded);
        const qint64 now = T0 + 1200; // A's last share stays at T0: offline
        const QVector<Event> ev =
            m.applySnapshot(snap({ws(A, T0, 0), ws(B, now, 100 * TH)}, now), now);
        QCOMPARE(kinds(ev, A),
                 (QVector<Event::Kind>{Event::WentOffline, Event::DegradedRecovered}));
        QVERIFY(!m.workers().value(A).degraded);
        const Incident inc = m.incident(now);
        QCOMPARE(inc.down.size(), 1);
        QVERIFY(inc.degraded.isEmpty());
    }

    // Without a usual level (no own level, no pool day average) nobody is degraded.
    void noUsualLevelNoVerdict()
    {
        Thresholds t = defaults();
        t.degradedAfterSecs = 0;
        Monitor m(t, 300);
        const QVector<Event> ev = m.applySnapshot(snap({ws(A, T0, 1 * TH, 0)}, T0), T0);
        QVERIFY(ev.isEmpty());
        QVERIFY(!m.workers().value(A).degraded);
    }

    // An own usual level wins over the pool's day average; accepting the current rate ends a
    // degraded state and makes the new level the usual one at once.
    void usualLevelsAndAcceptingTheCurrentRate()
    {
        Thresholds t = defaults();
        t.degradedAfterSecs = 0;
        Monitor m(t, 300);
        m.applySnapshot(snap({ws(A, T0, 90 * TH, 90 * TH)}, T0), T0);
        QVERIFY(!m.workers().value(A).degraded);
        QVector<StoreId> ids{{A, 1}};
        m.setStoreIds(ids);
        m.setUsualLevels({0.f, float(140 * TH)}); // its own history says 140 TH/s
        QCOMPARE(usualRateOf(m.workers().value(A)), double(float(140 * TH)));
        QVector<Event> ev =
            m.applySnapshot(snap({ws(A, T0 + 300, 90 * TH, 90 * TH)}, T0 + 300), T0 + 300);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{Event::WentDegraded});

        QVector<Event> accepted;
        QVERIFY(m.acceptUsual(A, T0 + 400, &accepted));
        QCOMPARE(kinds(accepted, A), QVector<Event::Kind>{Event::DegradedRecovered});
        QCOMPARE(float(usualRateOf(m.workers().value(A))), float(90 * TH));
        QVERIFY(m.incident(T0 + 400).isEmpty());
        QVERIFY(m.healthChanged().contains(A));
        QCOMPARE(m.health().value(A).accepted, 90 * TH);
        QCOMPARE(m.health().value(A).acceptedAt, T0 + 400);
        ev = m.applySnapshot(snap({ws(A, T0 + 600, 88 * TH, 90 * TH)}, T0 + 600), T0 + 600);
        QVERIFY(kinds(ev, A).isEmpty());
        QVERIFY(!m.acceptUsual(QStringLiteral("nobody"), T0, nullptr));
    }

    // Five changes within the hour make a worker flapping: listed once under "flapping", not
    // as down; its further changes are marked (no alert); an hour in one state ends it.
    void flappingAndCalmingDown()
    {
        Monitor m(defaults(), 60);
        qint64 now = T0;
        m.applySnapshot(snap({ws(A, now, 100 * TH), ws(B, now, 100 * TH)}, now), now);
        qint64 share = now;
        int changes = 0;
        QVector<Event> ev;
        // Down (no share for 11 min), then up, alternately: one change per step.
        while (changes < 5) {
            const bool goDown = m.workers().value(A).status == WorkerStatus::Online;
            now += goDown ? 660 : 60;
            if (!goDown)
                share = now;
            ev = m.applySnapshot(
                snap({ws(A, share, goDown ? 0 : 100 * TH), ws(B, now, 100 * TH)}, now), now);
            ++changes;
            if (changes < 5) {
                QVERIFY(!m.workers().value(A).flapping);
                for (const Event &e : ev)
                    QVERIFY(!e.flapping);
            }
        }
        QVERIFY(m.workers().value(A).flapping);
        QVERIFY(kinds(ev, A).contains(Event::StartedFlapping));
        for (const Event &e : ev)
            if (e.worker == A && e.kind != Event::StartedFlapping)
                QVERIFY(e.flapping); // the change that made it flapping is not an alert either
        Incident inc = m.incident(now);
        QCOMPARE(inc.flapping.size(), 1);
        QCOMPARE(inc.flapping.first().worker, A);
        QCOMPARE(inc.flapping.first().changes, 5);
        QVERIFY(inc.down.isEmpty()); // down right now, but listed as flapping only
        QVERIFY(!inc.isEmpty());

        // Back for good: still flapping within the hour, calm after a whole window in one state.
        share = now += 60;
        ev = m.applySnapshot(snap({ws(A, share, 100 * TH), ws(B, now, 100 * TH)}, now), now);
        const qint64 lastChange = share;
        while (now < lastChange + 3600 - 300) {
            now += 300;
            ev = m.applySnapshot(snap({ws(A, now, 100 * TH), ws(B, now, 100 * TH)}, now), now);
            QVERIFY2(m.workers().value(A).flapping, qPrintable(QString::number(now - T0)));
        }
        now = lastChange + 3600;
        ev = m.applySnapshot(snap({ws(A, now, 100 * TH), ws(B, now, 100 * TH)}, now), now);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{Event::StoppedFlapping});
        QVERIFY(!m.workers().value(A).flapping);
        QVERIFY(m.incident(now).isEmpty());
    }

    // A pool that gives a stopped rig's last share as "now minus 50 min" at every poll: the
    // share moves, the rig stays down. Nothing anyone saw changed: it is not flapping, and it
    // leaves the incident as soon as it really shares again.
    void aMovingOldShareIsNoFlap()
    {
        Monitor m(defaults(), 2);
        qint64 now = T0;
        for (int i = 0; i < 20; ++i, now += 2)
            for (const Event &e : m.applySnapshot(snap({ws(A, now - 3000, 0)}, now), now))
                QVERIFY(!e.flapping && e.kind != Event::StartedFlapping);
        QVERIFY(!m.workers().value(A).flapping);
        QCOMPARE(m.incident(now).down.size(), 1);
        m.applySnapshot(snap({ws(A, now - 3, 100 * TH)}, now), now);
        QVERIFY(m.incident(now).isEmpty());
    }

    // A rig whose rate dropped to 0 is stopping: the offline rule takes it, never "degraded".
    void aStoppingRigIsNotDegraded()
    {
        Thresholds t = defaults();
        t.degradedAfterSecs = 0;
        Monitor m(t, 300);
        m.applySnapshot(snap({ws(A, T0, 100 * TH)}, T0), T0);
        const QVector<Event> ev = m.applySnapshot(snap({ws(A, T0 + 290, 0)}, T0 + 300), T0 + 300);
        QVERIFY(kinds(ev, A).isEmpty());
        QVERIFY(!m.workers().value(A).degraded);
    }

    void flapLimitZeroIsOff()
    {
        Thresholds t = defaults();
        t.flapLimit = 0;
        Monitor m(t, 60);
        qint64 now = T0, share = T0;
        m.applySnapshot(snap({ws(A, now, 100 * TH)}, now), now);
        for (int i = 0; i < 12; ++i) {
            const bool goDown = i % 2 == 0;
            now += goDown ? 660 : 60;
            if (!goDown)
                share = now;
            for (const Event &e : m.applySnapshot(snap({ws(A, share, 100 * TH)}, now), now))
                QVERIFY(!e.flapping && e.kind != Event::StartedFlapping);
        }
        QVERIFY(m.health().isEmpty());
    }

    // The health records survive a restart (the store keeps them): a degraded worker stays
    // degraded without a second WentDegraded, and a timer running continues from its start.
    void restoredHealthContinues()
    {
        Thresholds t = defaults();
        Monitor first(t, 300);
        qint64 now = T0;
        for (; now <= T0 + 2400; now += 300)
            first.applySnapshot(snap({ws(A, now, 50 * TH), ws(B, now, 60 * TH)}, now), now);
        QVERIFY(first.workers().value(A).degraded);
        QVERIFY(first.workers().value(B).degraded);

        Monitor second(t, 300);
        second.restore(first.workers(), now, 0, false, first.incidentSince());
        QVERIFY(!second.workers().value(A).degraded); // nothing without the records
        QHash<QString, WorkerHealth> health = first.health();
        health[B].degraded = false; // B: its timer is still running, started at T0
        second.restoreHealth(health);
        QVERIFY(second.workers().value(A).degraded);
        QCOMPARE(second.incident(now).degraded.size(), 1);
        QCOMPARE(second.degradedDeadline(), T0 + 1800);
        const QVector<Event> ev =
            second.applySnapshot(snap({ws(A, now, 50 * TH), ws(B, now, 60 * TH)}, now), now);
        QCOMPARE(kinds(ev, A), QVector<Event::Kind>{});
        QCOMPARE(kinds(ev, B), QVector<Event::Kind>{Event::WentDegraded});
        QCOMPARE(ev.first().at, T0);
    }
};

QTEST_GUILESS_MAIN(TestWorkerHealth)
#include "tst_workerhealth.moc"
