// Tests for the reply check (monitor/replycheck.h) through Monitor: a well-formed reply that
// lost the farm, or whose Date header is wrong, never raises a farm-wide alert, and a real
// outage of the whole farm still alerts when offline_after has passed.
#include "monitor/monitor.h"

#include <QTest>

#include <algorithm>

using namespace rw;

namespace {
constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00:00 UTC
constexpr qint64 kYear = 365 * 86400;

QVector<WorkerSample> farm(int n, qint64 share, double rate = 1e14)
{
    QVector<WorkerSample> out;
    for (int i = 0; i < n; ++i) {
        WorkerSample s;
        s.name = QStringLiteral("rig-%1").arg(i, 2, 10, QLatin1Char('0'));
        s.lastShareAt = share;
        s.hashRate = rate;
        out << s;
    }
    return out;
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

// What the engine does with a reply: check it, then apply it, or count it as a failed poll.
struct Applied
{
    ReplyVerdict verdict;
    QVector<Event> events;
};
Applied apply(Monitor &m, const Snapshot &s, qint64 localNow)
{
    Applied a;
    a.verdict = m.checkReply(s, localNow);
    if (a.verdict.kind == ReplyVerdict::Suspect) {
        a.events = m.applyFailure(a.verdict.reason, localNow);
        return a;
    }
    Snapshot judged = s;
    judged.poolTimeSecs = a.verdict.now;
    a.events = m.applySnapshot(judged, localNow);
    return a;
}

int countKind(const QVector<Event> &events, Event::Kind kind)
{
    return int(std::count_if(events.cbegin(), events.cend(),
                             [kind](const Event &e) { return e.kind == kind; }));
}
} // namespace

class TestReplyCheck : public QObject
{
    Q_OBJECT

private slots:
    void emptyListAfterGoodPollIsHeld();
    void heldListBecomesUnreachableIfItPersists();
    void oneRigLeavingTheListIsNoSuspect();
    void dateAheadIsOverruledByTheShares_data();
    void dateAheadIsOverruledByTheShares();
    void dateLeapWithoutEvidenceIsHeld();
    void wrongLocalClockStillTrustsThePool();
    void realWholeFarmOutageAlertsOnTime();
    void implausibleHashrateIsHeld();
};

void TestReplyCheck::emptyListAfterGoodPollIsHeld()
{
    Monitor m({600, 28800, 0}, 300);
    QCOMPARE(apply(m, snap(farm(5, T0 - 30), T0), T0).verdict.kind, ReplyVerdict::Trusted);
    const Applied empty = apply(m, snap({}, T0 + 300), T0 + 300);
    QCOMPARE(empty.verdict.kind, ReplyVerdict::Suspect);
    QVERIFY2(empty.verdict.reason.contains(QLatin1String("0 of the 5 workers")),
             qPrintable(empty.verdict.reason));
    QVERIFY(empty.events.isEmpty()); // no "5 of 5 workers offline"
    QVERIFY(m.incident(T0 + 300).isEmpty());
    QCOMPARE(m.onlineCount(), 5);
    // The next good poll goes on as if nothing happened.
    const Applied good = apply(m, snap(farm(5, T0 + 590), T0 + 600), T0 + 600);
    QCOMPARE(good.verdict.kind, ReplyVerdict::Trusted);
    QVERIFY(good.events.isEmpty());
    QVERIFY(m.incident(T0 + 600).isEmpty());
}

void TestReplyCheck::heldListBecomesUnreachableIfItPersists()
{
    // A pool that keeps answering with an empty list has lost sight of the farm: after
    // unreachableAfterSecs (max(offline_after, 3 intervals)) that is one pool-level incident
    // naming the reason, not a list of every rig.
    Monitor m({600, 28800, 0}, 300);
    apply(m, snap(farm(5, T0 - 30), T0), T0);
    QVector<Event> events;
    for (qint64 t = T0 + 300; t <= T0 + 1200; t += 300)
        events += apply(m, snap({}, t), t).events;
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, Event::PoolUnreachable);
    QVERIFY(events[0].detail.contains(QLatin1String("suspect")));
    const Incident inc = m.incident(T0 + 1200);
    QVERIFY(inc.poolUnreachable);
    QVERIFY(inc.down.isEmpty());
}

void TestReplyCheck::oneRigLeavingTheListIsNoSuspect()
{
    Monitor m({600, 28800, 0}, 300);
    apply(m, snap(farm(5, T0), T0), T0);
    QVector<WorkerSample> four = farm(5, T0 + 300);
    four.removeFirst();
    const Applied a = apply(m, snap(four, T0 + 300), T0 + 300);
    QCOMPARE(a.verdict.kind, ReplyVerdict::Trusted);
    QVERIFY(a.events.isEmpty()); // judged from its share at T0: still fresh
    const Applied later = apply(m, snap(four, T0 + 601), T0 + 601);
    QCOMPARE(countKind(later.events, Event::WentMissing), 1);
}

void TestReplyCheck::dateAheadIsOverruledByTheShares_data()
{
    QTest::addColumn<qint64>("skew");
    QTest::newRow("an hour ahead") << qint64(3600);
    QTest::newRow("ten years ahead") << 10 * kYear;
    QTest::newRow("ten years behind") << -10 * kYear;
}

void TestReplyCheck::dateAheadIsOverruledByTheShares()
{
    // The farm hashes (the pool's own current hashrate says so) and shares by the local clock,
    // but the Date header is off: the reply is classified on the expected clock, nobody is
    // offline or retired, no outage is recorded.
    QFETCH(qint64, skew);
    Monitor m({600, 28800, 0}, 300);
    apply(m, snap(farm(5, T0 - 30), T0), T0);
    const Applied a = apply(m, snap(farm(5, T0 + 280), T0 + 300 + skew), T0 + 300);
    QCOMPARE(a.verdict.kind, ReplyVerdict::LocalClock);
    QCOMPARE(a.verdict.now, T0 + 300);
    QVERIFY(a.verdict.reason.contains(QLatin1String(skew > 0 ? "ahead" : "behind")));
    QVERIFY(a.events.isEmpty());
    QCOMPARE(m.onlineCount(), 5);
    QVERIFY(m.incident(T0 + 300).isEmpty());
    // On a first poll too (no history: the local clock is the expectation).
    Monitor fresh({600, 28800, 0}, 300);
    const Applied first = apply(fresh, snap(farm(5, T0 - 30), T0 + skew), T0);
    QCOMPARE(first.verdict.kind, ReplyVerdict::LocalClock);
    QCOMPARE(fresh.onlineCount(), 5);
}

void TestReplyCheck::dateLeapWithoutEvidenceIsHeld()
{
    // Nothing hashes and no share confirms a Date ten years on: taken as it is, it would
    // retire the whole farm ("OK 0/0") and withdraw the real alerts.
    Monitor m({600, 28800, 0}, 300);
    apply(m, snap(farm(5, T0 - 30), T0), T0);
    const Applied a = apply(m, snap(farm(5, T0 - 30, 0), T0 + 300 + 10 * kYear), T0 + 300);
    QCOMPARE(a.verdict.kind, ReplyVerdict::Suspect);
    QCOMPARE(countKind(a.events, Event::Retired), 0);
    QCOMPARE(m.incident(T0 + 300).total, 5);
}

void TestReplyCheck::wrongLocalClockStillTrustsThePool()
{
    // This computer's clock is two hours fast; the pool's Date and its shares agree with each
    // other, so the pool's clock wins (the reason it is used at all).
    Monitor m({600, 28800, 0}, 300);
    const qint64 local = T0 + 7200;
    const Applied a = apply(m, snap(farm(5, T0 - 30), T0), local);
    QCOMPARE(a.verdict.kind, ReplyVerdict::Trusted);
    QCOMPARE(a.verdict.now, T0);
    QCOMPARE(m.onlineCount(), 5);
    const Applied b = apply(m, snap(farm(5, T0 + 290), T0 + 300), local + 300);
    QCOMPARE(b.verdict.kind, ReplyVerdict::Trusted);
    QVERIFY(b.events.isEmpty());
}

void TestReplyCheck::realWholeFarmOutageAlertsOnTime()
{
    // The whole farm loses power at T0 + 100: the pool keeps listing every rig, their shares
    // stop and their current hashrate drops to zero. Every rig is alerted at the first poll
    // after offline_after, as before the reply check existed.
    Monitor m({600, 28800, 0}, 60);
    apply(m, snap(farm(20, T0 - 10), T0), T0);
    int offline = 0;
    qint64 alertedAt = 0;
    for (qint64 t = T0 + 60; t <= T0 + 900; t += 60) {
        const qint64 share = std::min(t - 5, T0 + 100);
        const Applied a = apply(m, snap(farm(20, share, t > T0 + 400 ? 0 : 1e14), t), t);
        QCOMPARE(a.verdict.kind, ReplyVerdict::Trusted);
        const int n = countKind(a.events, Event::WentOffline);
        if (n > 0 && alertedAt == 0)
            alertedAt = t;
        offline += n;
    }
    QCOMPARE(offline, 20);
    QCOMPARE(alertedAt, T0 + 720); // the first poll with the last share older than 600 s
}

void TestReplyCheck::implausibleHashrateIsHeld()
{
    Monitor m({600, 28800, 0}, 300);
    apply(m, snap(farm(2, T0), T0), T0);
    const Applied a = apply(m, snap(farm(2, T0 + 300, 1e308), T0 + 300), T0 + 300);
    QCOMPARE(a.verdict.kind, ReplyVerdict::Suspect);
    QVERIFY(a.events.isEmpty());
}

QTEST_GUILESS_MAIN(TestReplyCheck)
#include "tst_replycheck.moc"
