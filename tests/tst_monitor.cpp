// Tests for rw::Monitor: classification at and around every threshold, the events it emits,
// pool reachability, restore after a restart and the incident it reports.
#include "monitor/monitor.h"

#include <QElapsedTimer>
#include <QTest>

using namespace rw;

namespace {
constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00:00 UTC

WorkerSample ws(const QString &name, qint64 share, double rate = 1e12)
{
    WorkerSample s;
    s.name = name;
    s.lastShareAt = share;
    s.hashRate = rate;
    return s;
}

Snapshot snap(const QVector<WorkerSample> &workers, qint64 poolTime = 0)
{
    Snapshot s;
    s.workers = workers;
    s.poolTimeSecs = poolTime;
    for (const WorkerSample &w : workers)
        s.totalHashRate += w.hashRate;
    return s;
}

// "WentOffline rig-01 at+0 1200s" with times relative to T0: readable QCOMPARE diffs.
QStringList describe(const QVector<Event> &events)
{
    static const char *const names[] = {"WentOffline",     "CameBack",     "WentMissing",
                                        "Retired",         "HashrateLow",  "HashrateRecovered",
                                        "PoolUnreachable", "PoolRecovered"};
    QStringList out;
    for (const Event &e : events) {
        QString s = QLatin1String(names[e.kind]);
        if (!e.worker.isEmpty())
            s += QLatin1Char(' ') + e.worker;
        s += QStringLiteral(" at+%1").arg(e.at - T0);
        if (e.durationSecs)
            s += QStringLiteral(" %1s").arg(e.durationSecs);
        out << s;
    }
    return out;
}

WorkerStatus statusOf(const Monitor &m, const QString &name)
{
    return m.workers().value(name).status;
}

const QString A = QStringLiteral("rig-01");
const QString B = QStringLiteral("rig-02");
const QString C = QStringLiteral("矿机-03");
} // namespace

class TestMonitor : public QObject
{
    Q_OBJECT

private slots:
    void firstSight_data();
    void firstSight();
    void offlineThreshold();
    void poolsOwnStateNeverDecides();
    void cameBackWithDuration();
    void retiredBoundary();
    void missingThenRetiredThenForgotten();
    void unlistedJudgedFromLastShare();
    void missingComesBack();
    void backAndGoneBetweenPolls();
    void neverSharedWorker();
    void shareGlitchKeepsKnownShare();
    void poolClockBeatsLocalClock();
    void failureChangesNothing();
    void unreachableThreshold();
    void unreachableWithoutAnySuccess();
    void restoreRaisesNothingTwice();
    void restoreInfersUnreachable();
    void hashrateFloor();
    void incidentPicture();
    void changedRows();
    void rowChangesOffKeepsEverythingElse();
    void reorderedCopiedAndChurningPolls();
    void largeFarm();
};

void TestMonitor::firstSight_data()
{
    QTest::addColumn<qint64>("age");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("events");
    const QStringList none;
    QTest::newRow("share in the future") << qint64(-120) << int(WorkerStatus::Online) << none;
    QTest::newRow("0 s") << qint64(0) << int(WorkerStatus::Online) << none;
    QTest::newRow("599 s") << qint64(599) << int(WorkerStatus::Online) << none;
    QTest::newRow("600 s") << qint64(600) << int(WorkerStatus::Online) << none;
    QTest::newRow("601 s") << qint64(601) << int(WorkerStatus::Offline)
                           << QStringList{QStringLiteral("WentOffline rig-01 at+-601")};
    QTest::newRow("28800 s") << qint64(28800) << int(WorkerStatus::Offline)
                             << QStringList{QStringLiteral("WentOffline rig-01 at+-28800")};
    QTest::newRow("28801 s: retired, no event")
        << qint64(28801) << int(WorkerStatus::Retired) << none;
}

void TestMonitor::firstSight()
{
    QFETCH(qint64, age);
    QFETCH(int, status);
    QFETCH(QStringList, events);
    Monitor m({600, 28800, 0}, 300);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 - age)}), T0)), events);
    QCOMPARE(int(statusOf(m, A)), status);
    QCOMPARE(m.addedWorkers(), QStringList{A});
}

// A pool's word for a worker ("off", "INACTIVE") is kept for display; the last share decides.
void TestMonitor::poolsOwnStateNeverDecides()
{
    Monitor m({600, 28800, 0}, 300);
    WorkerSample fresh = ws(A, T0);
    fresh.poolState = QStringLiteral("off");
    WorkerSample stale = ws(B, T0 - 3600);
    stale.poolState = QStringLiteral("ok");
    m.applySnapshot(snap({fresh, stale}), T0);
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    QCOMPARE(statusOf(m, B), WorkerStatus::Offline);
    QCOMPARE(m.workers().value(A).sample.poolState, QStringLiteral("off"));
    fresh.poolState = QStringLiteral("ok");
    m.applySnapshot(snap({fresh, stale}), T0 + 60);
    QCOMPARE(m.workers().value(A).sample.poolState, QStringLiteral("ok"));
    QVERIFY(m.changedWorkers().contains(A));
}

void TestMonitor::offlineThreshold()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 599)}), T0 + 599)),
             QStringList());
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 600)}), T0 + 600)),
             QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 601)}), T0 + 601)),
             QStringList{QStringLiteral("WentOffline rig-01 at+0")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Offline);
    QCOMPARE(m.workers().value(A).statusSince, T0);
    // Still offline: a steady state raises nothing.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 900)}), T0 + 900)),
             QStringList());
}

void TestMonitor::cameBackWithDuration()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0)}), T0);
    m.applySnapshot(snap({ws(A, T0)}), T0 + 900);
    QCOMPARE(statusOf(m, A), WorkerStatus::Offline);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 4000)}), T0 + 4010)),
             QStringList{QStringLiteral("CameBack rig-01 at+4000 4000s")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    QCOMPARE(m.workers().value(A).statusSince, T0 + 4000);
}

void TestMonitor::retiredBoundary()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 1000)}), T0 + 1000);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 28800)}), T0 + 28800)),
             QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Offline);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 28801)}), T0 + 28801)),
             QStringList{QStringLiteral("Retired rig-01 at+28801 28801s")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Retired);
    const Incident inc = m.incident(T0 + 28801);
    QVERIFY(inc.isEmpty()); // retired: shown, never alerted
    QCOMPARE(inc.total, 1);
    QCOMPARE(inc.online, 1);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 40000)}), T0 + 40000)),
             QStringList());
}

void TestMonitor::missingThenRetiredThenForgotten()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 601)}), T0 + 601)),
             QStringList{QStringLiteral("WentMissing rig-01 at+0")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Missing);
    QCOMPARE(m.workers().value(A).sample.hashRate, 1e12); // the last sample stays visible
    Incident inc = m.incident(T0 + 601);
    QCOMPARE(inc.down.size(), 1);
    QCOMPARE(inc.down[0].worker, A);
    QCOMPARE(inc.down[0].status, WorkerStatus::Missing);
    QCOMPARE(inc.down[0].since, T0);
    QCOMPARE(inc.total, 2);
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 28800)}), T0 + 28800)), QStringList());
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 28801)}), T0 + 28801)),
             QStringList{QStringLiteral("Retired rig-01 at+28801 28801s")});
    QVERIFY(m.incident(T0 + 28801).isEmpty());
    QCOMPARE(m.incident(T0 + 28801).total, 1);
    // An unlisted retired worker is forgotten after 30 days without a share.
    const qint64 forget = T0 + Monitor::kForgetAfterSecs;
    m.applySnapshot(snap({ws(B, forget)}), forget);
    QVERIFY(m.workers().contains(A));
    m.applySnapshot(snap({ws(B, forget + 1)}), forget + 1);
    QVERIFY(!m.workers().contains(A));
    QCOMPARE(m.removedWorkers(), QStringList{A});
}

void TestMonitor::unlistedJudgedFromLastShare()
{
    // The pool stopped listing a rig that shared a minute ago. A list can drop a rig for no
    // reason of the rig's, so it is judged from its last share, like a rig that stopped: online
    // until that share is older than offline_after, then missing (and alerted).
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0), ws(C, T0)}), T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 60), ws(C, T0 + 60)}), T0 + 60)),
             QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    QVERIFY(m.incident(T0 + 60).isEmpty());
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 600), ws(C, T0 + 600)}), T0 + 600)),
             QStringList());
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 601), ws(C, T0 + 601)}), T0 + 601)),
             QStringList{QStringLiteral("WentMissing rig-01 at+0")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Missing);
    const Incident inc = m.incident(T0 + 601);
    QCOMPARE(inc.down.size(), 1);
    QCOMPARE(inc.down[0].worker, A);
    QCOMPARE(inc.down[0].status, WorkerStatus::Missing);
    QCOMPARE(inc.down[0].since, T0);
    QCOMPARE(inc.online, 2);
    QCOMPARE(inc.total, 3);
    // Still unlisted as its share ages: no second event.
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 900), ws(C, T0 + 900)}), T0 + 900)),
             QStringList());
    // Listed again and sharing: back, the outage measured from its last share.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 1100), ws(B, T0 + 1200), ws(C, T0 + 1200)}),
                                      T0 + 1200)),
             QStringList{QStringLiteral("CameBack rig-01 at+1100 1100s")});
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
}

void TestMonitor::missingComesBack()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 700)}), T0 + 700); // A offline
    QCOMPARE(describe(m.applySnapshot(snap({ws(B, T0 + 1000)}), T0 + 1000)),
             QStringList{QStringLiteral("WentMissing rig-01 at+0")});
    // Listed again but still silent: same outage, no event.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 1300)}), T0 + 1300)),
             QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Offline);
    m.applySnapshot(snap({ws(B, T0 + 1600)}), T0 + 1600);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 1850), ws(B, T0 + 1900)}), T0 + 1900)),
             QStringList{QStringLiteral("CameBack rig-01 at+1850 1850s")});
}

void TestMonitor::backAndGoneBetweenPolls()
{
    // Interval longer than offline_after: the rig shared in between but is silent again.
    Monitor m({600, 28800, 0}, 1800);
    m.applySnapshot(snap({ws(A, T0)}), T0 + 1000);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 1900)}), T0 + 2800)),
             QStringList({QStringLiteral("CameBack rig-01 at+1900 1900s"),
                          QStringLiteral("WentOffline rig-01 at+1900")}));
}

void TestMonitor::neverSharedWorker()
{
    // Counted from first sight: offline_after to send a first share, then offline.
    Monitor m({600, 28800, 0}, 300);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, 0)}), T0)), QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, 0)}), T0 + 600)), QStringList());
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, 0)}), T0 + 601)),
             QStringList{QStringLiteral("WentOffline rig-01 at+0")});
    QCOMPARE(m.incident(T0 + 601).down.value(0).since, T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 700)}), T0 + 710)),
             QStringList{QStringLiteral("CameBack rig-01 at+700 700s")});
}

void TestMonitor::shareGlitchKeepsKnownShare()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0)}), T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, 0)}), T0 + 300)), QStringList());
    QCOMPARE(m.workers().value(A).sample.lastShareAt, T0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, 0)}), T0 + 601)),
             QStringList{QStringLiteral("WentOffline rig-01 at+0")});
    // A repeated name in one snapshot: the first entry counts.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0), ws(A, T0 + 650)}), T0 + 700)),
             QStringList());
}

void TestMonitor::poolClockBeatsLocalClock()
{
    Monitor m({600, 28800, 0}, 300);
    const qint64 localAhead = T0 + 7200; // the PC's clock is two hours fast
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 - 30)}, T0), localAhead)), QStringList());
    QCOMPARE(statusOf(m, A), WorkerStatus::Online);
    // Without a Date header the local clock is all there is.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 - 30)}), localAhead)),
             QStringList{QStringLiteral("WentOffline rig-01 at+-30")});
    // Reachability runs on the local clock: no false "unreachable" from the skew either.
    QCOMPARE(m.lastSuccessAt(), localAhead);
    QVERIFY(m.applyFailure(QStringLiteral("timeout"), localAhead + 300).isEmpty());
}

void TestMonitor::failureChangesNothing()
{
    Monitor m({600, 28800, 100}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0 - 700), ws(C, T0 - 30000)}), T0);
    const QHash<QString, WorkerState> before = m.workers();
    const Incident incBefore = m.incident(T0);
    const qint64 far = T0 + 86400;
    const QVector<Event> events = m.applyFailure(QStringLiteral("HTTP 502"), far);
    QCOMPARE(describe(events), QStringList{QStringLiteral("PoolUnreachable at+86400 86400s")});
    QStringList keys = m.workers().keys(), keysBefore = before.keys();
    keys.sort();
    keysBefore.sort();
    QCOMPARE(keys, keysBefore);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const WorkerState &now = m.workers().value(it.key());
        QCOMPARE(now.status, it->status);
        QCOMPARE(now.statusSince, it->statusSince);
        QCOMPARE(now.sample.lastShareAt, it->sample.lastShareAt);
        QCOMPARE(now.lastListedAt, it->lastListedAt);
    }
    QVERIFY(m.changedWorkers().isEmpty());
    QVERIFY(m.addedWorkers().isEmpty());
    const Incident inc = m.incident(far);
    QCOMPARE(inc.down.size(), incBefore.down.size());
    QCOMPARE(inc.online, 1);
    QCOMPARE(inc.hashrateLow, false);
    QCOMPARE(inc.totalHashRate, 3e12);
    QVERIFY(inc.poolUnreachable);
    QCOMPARE(inc.unreachableReason, QStringLiteral("HTTP 502"));
}

void TestMonitor::unreachableThreshold()
{
    Monitor m({600, 28800, 0}, 300); // threshold = max(600, 3 x 300) = 900
    QCOMPARE(m.unreachableAfterSecs(), 900);
    m.applySnapshot(snap({ws(A, T0)}), T0);
    const QString why = QStringLiteral("timeout after 30 s");
    QVERIFY(m.applyFailure(why, T0 + 300).isEmpty());
    QCOMPARE(m.unreachableSince(), T0 + 300);
    QVERIFY(m.applyFailure(why, T0 + 600).isEmpty());
    QVERIFY(m.applyFailure(why, T0 + 900).isEmpty()); // exactly the threshold: not yet
    QVERIFY(m.incident(T0 + 900).isEmpty());
    const QVector<Event> ev = m.applyFailure(why, T0 + 901);
    QCOMPARE(describe(ev), QStringList{QStringLiteral("PoolUnreachable at+300 901s")});
    QCOMPARE(ev[0].detail, why);
    QVERIFY(m.applyFailure(why, T0 + 1200).isEmpty()); // once
    Incident inc = m.incident(T0 + 1200);
    QVERIFY(inc.poolUnreachable);
    QCOMPARE(inc.unreachableSince, T0 + 300);
    QCOMPARE(inc.since, T0 + 300);
    // A shared throughout (a failed poll cannot tell otherwise): only the pool recovered.
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 1490)}), T0 + 1500)),
             QStringList{QStringLiteral("PoolRecovered at+1500 1200s")});
    QCOMPARE(m.unreachableSince(), 0);
    QVERIFY(m.incident(T0 + 1500).isEmpty());

    Monitor slow({1800, 28800, 0}, 300); // offline_after dominates
    QCOMPARE(slow.unreachableAfterSecs(), 1800);
}

void TestMonitor::unreachableWithoutAnySuccess()
{
    Monitor m({600, 28800, 0}, 300);
    QVERIFY(m.applyFailure(QStringLiteral("connection refused"), T0).isEmpty());
    QVERIFY(m.applyFailure(QStringLiteral("connection refused"), T0 + 900).isEmpty());
    QCOMPARE(describe(m.applyFailure(QStringLiteral("connection refused"), T0 + 901)),
             QStringList{QStringLiteral("PoolUnreachable at+0 901s")});
    QVERIFY(m.workers().isEmpty());
}

void TestMonitor::restoreRaisesNothingTwice()
{
    Monitor first({600, 28800, 100}, 300);
    first.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    first.applySnapshot(snap({ws(A, T0 + 700, 10)}), T0 + 700); // B missing, A low
    QCOMPARE(first.downCount(), 1);
    QVERIFY(first.hashrateLow());
    first.applyFailure(QStringLiteral("timeout"), T0 + 1000);
    QCOMPARE(describe(first.applyFailure(QStringLiteral("timeout"), T0 + 1700)),
             QStringList{QStringLiteral("PoolUnreachable at+1000 1000s")});

    // A --once run later: same state, nothing new to say.
    Monitor again({600, 28800, 100}, 300);
    again.restore(first.workers(), first.lastSuccessAt(), first.unreachableSince(),
                  first.hashrateLow(), first.incidentSince(), first.poolUnreachable());
    QCOMPARE(again.incident(T0 + 2000).down.size(), 1);
    QCOMPARE(again.incidentSince(), first.incidentSince());
    QVERIFY(again.applyFailure(QStringLiteral("timeout"), T0 + 2000).isEmpty());
    QCOMPARE(again.incident(T0 + 2000).unreachableReason, QStringLiteral("timeout"));
    QCOMPARE(describe(again.applySnapshot(snap({ws(A, T0 + 2290, 10)}), T0 + 2300)),
             QStringList{QStringLiteral("PoolRecovered at+2300 1300s")});
    QVERIFY(again.incident(T0 + 2300).hashrateLow);
    QCOMPARE(again.incident(T0 + 2300).down.value(0).worker, B);
}

void TestMonitor::restoreInfersUnreachable()
{
    // Without the persisted flag: an incident that began with the failure streak was raised.
    QHash<QString, WorkerState> states;
    Monitor m({600, 28800, 0}, 300);
    m.restore(states, T0, T0 + 300, false, T0 + 300);
    QVERIFY(m.poolUnreachable());
    QVERIFY(m.applyFailure(QStringLiteral("x"), T0 + 1500).isEmpty());
    Monitor fresh({600, 28800, 0}, 300);
    fresh.restore(states, T0, T0 + 300, false, 0);
    QCOMPARE(describe(fresh.applyFailure(QStringLiteral("x"), T0 + 1500)),
             QStringList{QStringLiteral("PoolUnreachable at+300 1500s")});
}

void TestMonitor::hashrateFloor()
{
    Monitor m({600, 28800, 100}, 300);
    QVERIFY(m.applySnapshot(snap({ws(A, T0, 150)}), T0).isEmpty());
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 300, 99)}), T0 + 300)),
             QStringList{QStringLiteral("HashrateLow at+300")});
    QVERIFY(m.applySnapshot(snap({ws(A, T0 + 600, 50)}), T0 + 600).isEmpty());
    QCOMPARE(m.incident(T0 + 600).since, T0 + 300);
    QCOMPARE(m.incident(T0 + 600).minHashRate, 100.0);
    QCOMPARE(describe(m.applySnapshot(snap({ws(A, T0 + 900, 100)}), T0 + 900)),
             QStringList{QStringLiteral("HashrateRecovered at+900 600s")});
    QVERIFY(m.incident(T0 + 900).isEmpty());
    Monitor off({600, 28800, 0}, 300);
    QVERIFY(off.applySnapshot(snap({}), T0).isEmpty()); // floor off: an empty farm is no alarm
}

void TestMonitor::incidentPicture()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(
        snap({ws(C, T0 - 5000), ws(B, T0 - 900), ws(A, T0), ws(QStringLiteral("old"), T0 - 90000)}),
        T0);
    const Incident inc = m.incident(T0 + 5);
    QCOMPARE(inc.down.size(), 2);
    QCOMPARE(inc.down[0].worker, B); // sorted by name
    QCOMPARE(inc.down[0].since, T0 - 900);
    QCOMPARE(inc.down[1].worker, C);
    QCOMPARE(inc.down[1].status, WorkerStatus::Offline);
    QCOMPARE(inc.online, 1);
    QCOMPARE(inc.total, 3);         // the retired one is not counted
    QCOMPARE(inc.since, T0 - 5000); // the oldest trouble
    QCOMPARE(inc.at, T0 + 5);
    QCOMPARE(inc.totalHashRate, 4e12);
    QVERIFY(!inc.poolUnreachable);
}

void TestMonitor::changedRows()
{
    Monitor m({600, 28800, 0}, 300);
    m.applySnapshot(snap({ws(A, T0), ws(B, T0)}), T0);
    QCOMPARE(m.addedWorkers(), QStringList({A, B}));
    QVERIFY(m.changedWorkers().isEmpty());
    m.applySnapshot(snap({ws(A, T0), ws(B, T0 + 300), ws(C, T0 + 300)}), T0 + 300);
    QCOMPARE(m.addedWorkers(), QStringList{C});
    QCOMPARE(m.changedWorkers(), QStringList{B});                  // A's row is exactly as before
    m.applySnapshot(snap({ws(A, T0), ws(C, T0 + 610)}), T0 + 610); // A offline, B unlisted
    QCOMPARE(m.changedWorkers(), QStringList({A, C}));             // B's share is recent: unchanged
    m.applySnapshot(snap({ws(A, T0), ws(C, T0 + 901)}), T0 + 901);
    QCOMPARE(m.changedWorkers(), QStringList({C, B})); // B went missing
    m.applySnapshot(snap({ws(A, T0), ws(C, T0 + 1200)}), T0 + 1200);
    QCOMPARE(m.changedWorkers(), QStringList{C}); // A still offline, B still missing: unchanged
    QVERIFY(m.addedWorkers().isEmpty());
}

// rigwatchd's monitor lists no changed rows; every state, event and count is the same.
void TestMonitor::rowChangesOffKeepsEverythingElse()
{
    Monitor with({600, 28800, 0}, 300), without({600, 28800, 0}, 300);
    without.setRowChanges(false);
    const QVector<Snapshot> polls = {
        snap({ws(A, T0), ws(B, T0)}), snap({ws(A, T0), ws(B, T0 + 300), ws(C, T0 + 300)}),
        snap({ws(A, T0), ws(C, T0 + 610)}), snap({ws(A, T0 + 900), ws(C, T0 + 900)})};
    const QVector<qint64> at = {T0, T0 + 300, T0 + 610, T0 + 900};
    for (int i = 0; i < polls.size(); ++i) {
        const QVector<Event> a = with.applySnapshot(polls[i], at[i]);
        const QVector<Event> b = without.applySnapshot(polls[i], at[i]);
        QCOMPARE(b.size(), a.size());
        for (int e = 0; e < a.size(); ++e) {
            QCOMPARE(b[e].kind, a[e].kind);
            QCOMPARE(b[e].worker, a[e].worker);
            QCOMPARE(b[e].at, a[e].at);
        }
        QVERIFY(without.changedWorkers().isEmpty());
        QCOMPARE(without.addedWorkers(), with.addedWorkers());
        QCOMPARE(without.workers().keys(), with.workers().keys());
        for (auto it = with.workers().cbegin(); it != with.workers().cend(); ++it) {
            const WorkerState &other = without.workers().value(it.key());
            QCOMPARE(other.status, it->status);
            QCOMPARE(other.statusSince, it->statusSince);
            QCOMPARE(other.sample.lastShareAt, it->sample.lastShareAt);
        }
        QCOMPARE(without.incident(at[i]).down.size(), with.incident(at[i]).down.size());
    }
    QVERIFY(!with.changedWorkers().isEmpty()); // the last poll changed rows: A came back
}

// The monitor remembers where each worker was in the last reply to skip hash look-ups. Every
// state must still end up with its own worker's sample: replies in another order, with workers
// added and dropped, a repeated name, and a copy of workers() held across a poll (which moves
// every state when the monitor writes).
void TestMonitor::reorderedCopiedAndChurningPolls()
{
    Monitor m({600, 28800, 0}, 300);
    QVector<WorkerSample> workers;
    for (int i = 0; i < 40; ++i)
        workers.append(ws(QStringLiteral("w%1").arg(i), T0, 1e12 + i));
    qint64 now = T0;
    const auto check = [&m, &now](const QVector<WorkerSample> &listed, const char *step) {
        for (const WorkerSample &w : listed) {
            const WorkerState st = m.workers().value(w.name);
            if (st.sample.name != w.name || st.sample.hashRate != w.hashRate ||
                st.sample.lastShareAt != w.lastShareAt)
                return QStringLiteral("%1: %2 holds %3 / %4")
                    .arg(QLatin1String(step), w.name, st.sample.name)
                    .arg(st.sample.hashRate);
        }
        // The incident's down workers (gathered during the apply) are the states' down ones.
        QStringList down, expected;
        for (const Incident::Down &d : m.incident(now).down)
            down << QStringLiteral("%1 %2").arg(d.worker).arg(d.since);
        for (auto it = m.workers().cbegin(); it != m.workers().cend(); ++it)
            if (it->status == WorkerStatus::Offline || it->status == WorkerStatus::Missing)
                expected << QStringLiteral("%1 %2").arg(it.key()).arg(Monitor::lastShareOf(*it));
        std::sort(expected.begin(), expected.end());
        if (down != expected)
            return QStringLiteral("%1: incident lists %2, the states say %3")
                .arg(QLatin1String(step), down.join(QLatin1Char(',')),
                     expected.join(QLatin1Char(',')));
        return QString();
    };
    const auto poll = [&](const QVector<WorkerSample> &listed) {
        now += 300;
        return m.applySnapshot(snap(listed), now);
    };
    poll(workers);
    for (int round = 0; round < 3; ++round) { // the same order: positions are used
        for (WorkerSample &w : workers) {
            w.hashRate += 1;
            w.lastShareAt = now + 300;
        }
        poll(workers);
        QVERIFY2(check(workers, "same order").isEmpty(), qPrintable(check(workers, "same order")));
    }

    const QHash<QString, WorkerState> held = m.workers(); // shares, then detaches on write
    workers[7].lastShareAt = now - 1000;                  // w7 stopped sharing
    for (WorkerSample &w : workers)
        w.hashRate += 1;
    poll(workers);
    QVERIFY2(check(workers, "held copy").isEmpty(), qPrintable(check(workers, "held copy")));
    QCOMPARE(held.value(QStringLiteral("w7")).status, WorkerStatus::Online);
    QCOMPARE(statusOf(m, QStringLiteral("w7")), WorkerStatus::Offline);

    std::reverse(workers.begin(), workers.end());
    for (WorkerSample &w : workers)
        w.hashRate += 1;
    poll(workers);
    QVERIFY2(check(workers, "reversed").isEmpty(), qPrintable(check(workers, "reversed")));
    poll(workers);
    QVERIFY2(check(workers, "reversed again").isEmpty(),
             qPrintable(check(workers, "reversed again")));

    // One worker dropped, two new ones in the middle, a repeated name at the end.
    workers.removeAt(3);
    workers.insert(10, ws(QStringLiteral("new-a"), now + 300, 5));
    workers.insert(20, ws(QStringLiteral("new-b"), now + 300, 6));
    for (WorkerSample &w : workers)
        w.lastShareAt = std::max(w.lastShareAt, now);
    QVector<WorkerSample> withRepeat = workers;
    withRepeat.append(ws(workers[0].name, now + 300, 999));
    poll(withRepeat);
    QVERIFY2(check(workers, "churn").isEmpty(), qPrintable(check(workers, "churn")));
    QCOMPARE(m.addedWorkers(), QStringList({QStringLiteral("new-a"), QStringLiteral("new-b")}));
    for (int round = 0; round < 2; ++round) {
        for (WorkerSample &w : workers)
            w.hashRate *= 2;
        poll(workers);
        QVERIFY2(check(workers, "after churn").isEmpty(),
                 qPrintable(check(workers, "after churn")));
        QCOMPARE(m.changedWorkers().size(), workers.size());
    }
}

void TestMonitor::largeFarm()
{
    constexpr int n = 100'000;
    QVector<WorkerSample> workers;
    workers.reserve(n);
    for (int i = 0; i < n; ++i)
        workers.append(ws(QStringLiteral("w%1").arg(i), T0, 1e13));
    Monitor m({600, 28800, 0}, 300);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m.applySnapshot(snap(workers), T0).isEmpty());
    const qint64 firstMs = timer.restart();
    for (int i = 0; i < n; ++i)
        if (i % 100) // every 100th rig stopped sharing
            workers[i].lastShareAt = T0 + 700;
    const QVector<Event> events = m.applySnapshot(snap(workers), T0 + 700);
    const qint64 secondMs = timer.restart();
    const Incident inc = m.incident(T0 + 700);
    qInfo("100k workers: first apply %lld ms, second %lld ms, incident %lld ms", firstMs, secondMs,
          timer.elapsed());
    QCOMPARE(events.size(), n / 100);
    QCOMPARE(inc.down.size(), n / 100);
    QCOMPARE(inc.online, n - n / 100);
    QCOMPARE(m.changedWorkers().size(), n); // every share moved or went offline
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
