// Tests of the store's part in issue #19: usual levels computed from a worker's own stored
// history (raw and hourly rows), kept for the hour; accepted levels; health records and
// degraded periods surviving a reopen, as a --once run from a timer needs them.
#include "monitor/monitor.h"
#include "store/store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {

constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 Hour = 3600;
constexpr double TH = 1e12;
const QString Acme = QStringLiteral("acme");

struct Farm
{
    Store store;
    Monitor monitor{Thresholds{}, 600};

    // One poll at `at`: every worker of `rates` sharing, at its rate (pool day average 100 TH).
    QVector<Event> poll(qint64 at, const QVector<QPair<QString, double>> &rates)
    {
        Snapshot s;
        s.poolTimeSecs = at;
        for (const auto &[name, rate] : rates) {
            WorkerSample w;
            w.name = name;
            w.hashRate = rate;
            w.hashRate24h = 100 * TH;
            w.lastShareAt = at - 30;
            s.workers << w;
            s.totalHashRate += rate;
        }
        const QVector<Event> events = monitor.applySnapshot(s, at);
        QVector<StoreId> assigned;
        const bool ok = store.recordPoll(Acme, at, s, monitor.workers(), AccountState{}, events,
                                         &assigned, {&monitor.health(), monitor.healthChanged()});
        if (!ok)
            qWarning() << store.lastError();
        monitor.setStoreIds(assigned);
        return events;
    }

    float levelOf(const QVector<float> &levels, const QString &worker) const
    {
        const int id = monitor.workers().value(worker).storeId;
        return id > 0 && id < levels.size() ? levels.at(id) : -1.f;
    }
};

} // namespace

class TestStoreHealth : public QObject
{
    Q_OBJECT

private slots:
    // Three days every 10 minutes; "dip" loses 40 % for its last day. Its usual level stays at
    // its healthy level (a high quantile of its hours), the new worker has too few hours, and
    // hours in both the hourly roll-ups and the raw rows count.
    void usualLevelsFromOwnHistory()
    {
        QTemporaryDir dir;
        Farm f;
        QVERIFY2(f.store.open(dir.filePath(QStringLiteral("h.sqlite")), nullptr),
                 qPrintable(f.store.lastError()));
        qint64 at = T0;
        for (; at < T0 + 3 * 24 * Hour; at += 600) {
            const bool late = at >= T0 + 2 * 24 * Hour;
            QVector<QPair<QString, double>> rates{
                {QStringLiteral("steady"), 100 * TH},
                {QStringLiteral("dip"), late ? 60 * TH : 90 * TH}};
            if (at >= T0 + 3 * 24 * Hour - 10 * Hour)
                rates.append({QStringLiteral("new"), 50 * TH});
            f.poll(at, rates);
        }
        QVERIFY(f.store.applyRetention(at)); // the first day goes into hourly rows
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("x"));
        {
            db.setDatabaseName(dir.filePath(QStringLiteral("h.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM worker_samples_hourly")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toInt() > 0);
        }

        const QVector<float> levels = f.store.usualLevels(Acme, at);
        QCOMPARE(qRound(f.levelOf(levels, QStringLiteral("steady")) / TH), 100);
        QCOMPARE(qRound(f.levelOf(levels, QStringLiteral("dip")) / TH), 90);
        QCOMPARE(f.levelOf(levels, QStringLiteral("new")), 0.f);

        // Kept for the hour: the same answer without the samples behind it.
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM worker_samples")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM worker_samples_hourly")));
        }
        QCOMPARE(f.store.usualLevels(Acme, at + 60), levels);
        // The next hour computes them again: nothing left to go by.
        QCOMPARE(f.levelOf(f.store.usualLevels(Acme, at + Hour), QStringLiteral("steady")), 0.f);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("x"));
    }

    // An accepted level stands until a day of hours after it exists, and only those count.
    void acceptedLevel()
    {
        QTemporaryDir dir;
        Farm f;
        QVERIFY(f.store.open(dir.filePath(QStringLiteral("h.sqlite")), nullptr));
        qint64 at = T0;
        for (; at < T0 + 30 * Hour; at += 600)
            f.poll(at, {{QStringLiteral("rig"), 100 * TH}});
        QCOMPARE(qRound(f.store.usualLevels(Acme, at).value(1) / TH), 100);
        // As the engine does it: through the monitor, whose record the store then keeps.
        f.poll(at, {{QStringLiteral("rig"), 66 * TH}});
        QVERIFY(f.monitor.acceptUsual(QStringLiteral("rig"), at, nullptr));
        QVERIFY(f.store.saveWorkerHealth(Acme, QStringLiteral("rig"),
                                         f.monitor.health().value(QStringLiteral("rig"))));
        QCOMPARE(qRound(f.store.usualLevels(Acme, at).value(1) / TH), 66); // same hour: anew
        at += 600;
        for (; at < T0 + 56 * Hour; at += 600)
            f.poll(at, {{QStringLiteral("rig"), 70 * TH}});
        QCOMPARE(qRound(f.store.usualLevels(Acme, at).value(1) / TH), 70);
    }

    // A degraded worker's record and its period in the outage log: what a later process (a
    // --once run) reads back.
    void healthAndDegradedPeriodsSurviveAReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        qint64 at = T0;
        {
            Farm f;
            QVERIFY(f.store.open(path, nullptr));
            for (; at <= T0 + 3000; at += 600)
                f.poll(at, {{QStringLiteral("a"), 50 * TH}, {QStringLiteral("b"), 100 * TH}});
            QVERIFY(f.monitor.workers().value(QStringLiteral("a")).degraded);
        }
        Store store;
        QVERIFY(store.open(path, nullptr));
        const QHash<QString, WorkerHealth> health = store.workerHealth(Acme);
        QCOMPARE(health.keys(), QStringList{QStringLiteral("a")});
        QVERIFY(health.value(QStringLiteral("a")).degraded);
        QCOMPARE(health.value(QStringLiteral("a")).belowSince, T0);
        QCOMPARE(health.value(QStringLiteral("a")).depth, 0.5);
        QVector<Outage> log = store.outages(Acme, T0, at);
        QCOMPARE(log.size(), 1);
        QVERIFY(log.first().degraded);
        QCOMPARE(log.first().start, T0);
        QCOMPARE(log.first().end, 0);
        QCOMPARE(log.first().depth, 0.5);

        // The next process continues: no second WentDegraded, and recovery closes the period.
        Farm g;
        QVERIFY(g.store.open(path, nullptr));
        g.monitor.restore(g.store.workerStates(Acme), at - 600, 0, false, T0);
        g.monitor.restoreHealth(g.store.workerHealth(Acme));
        QVERIFY(g.poll(at, {{QStringLiteral("a"), 50 * TH}, {QStringLiteral("b"), 100 * TH}})
                    .isEmpty());
        at += 600;
        const QVector<Event> ev =
            g.poll(at, {{QStringLiteral("a"), 95 * TH}, {QStringLiteral("b"), 100 * TH}});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev.first().kind, Event::DegradedRecovered);
        QVERIFY(g.store.workerHealth(Acme).isEmpty());
        log = g.store.outages(Acme, T0, at);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().end, at);
    }

    // A degraded worker that goes offline: the degraded period closes and an outage opens,
    // both in the log (one open row per worker and kind).
    void degradedThenOfflineLogsBoth()
    {
        QTemporaryDir dir;
        Farm f;
        Thresholds t;
        t.degradedAfterSecs = 0;
        f.monitor = Monitor(t, 600);
        QVERIFY(f.store.open(dir.filePath(QStringLiteral("h.sqlite")), nullptr));
        f.poll(T0, {{QStringLiteral("a"), 50 * TH}, {QStringLiteral("b"), 100 * TH}});
        // "a" is no longer listed with a fresh share: silent for 20 minutes.
        Snapshot s;
        s.poolTimeSecs = T0 + 1200;
        WorkerSample a;
        a.name = QStringLiteral("a");
        a.lastShareAt = T0 - 30;
        a.hashRate24h = 100 * TH;
        WorkerSample b = a;
        b.name = QStringLiteral("b");
        b.lastShareAt = T0 + 1190;
        b.hashRate = 100 * TH;
        s.workers = {a, b};
        const QVector<Event> events = f.monitor.applySnapshot(s, T0 + 1200);
        QVERIFY(f.store.recordPoll(Acme, T0 + 1200, s, f.monitor.workers(), AccountState{}, events,
                                   nullptr, {&f.monitor.health(), f.monitor.healthChanged()}));
        const QVector<Outage> log = f.store.outages(Acme, T0 - Hour, T0 + Hour);
        QCOMPARE(log.size(), 2);
        const auto degraded =
            std::find_if(log.cbegin(), log.cend(), [](const Outage &o) { return o.degraded; });
        QVERIFY(degraded != log.cend());
        QCOMPARE(degraded->end, T0 + 1200);
        const auto down =
            std::find_if(log.cbegin(), log.cend(), [](const Outage &o) { return !o.degraded; });
        QVERIFY(down != log.cend());
        QCOMPARE(down->start, T0 - 30);
        QCOMPARE(down->end, 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreHealth)
#include "tst_storehealth.moc"
