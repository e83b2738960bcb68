// The engine between polls. It publishes each account's workers as an implicitly shared copy of the
// monitor's state table. The engine's own copy must not make the monitor copy the whole table at
// the next poll (at 100k workers that copy costs several times the poll's apply): with nobody else
// holding a view, polls update the table in place; a view someone keeps stays as it was.
#include "clock.h"
#include "engine/engine.h"
#include "fakef2pool.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace rw;
using namespace rw::sim;

class TestEngineViews : public QObject
{
    Q_OBJECT

    // Where the state table's first worker lives: the same address after a poll means the
    // table was updated in place, not copied. Taken from a temporary view, so nothing is held.
    static const void *tableAddress(const Engine &engine)
    {
        const QVector<AccountView> views = engine.views();
        return views.isEmpty() || views.first().workers.isEmpty()
                   ? nullptr
                   : static_cast<const void *>(&*views.first().workers.cbegin());
    }

    // The account "farm1" on `pool`, polled every `interval` seconds.
    static AccountConfig farm1(const FakeF2pool &pool, int interval)
    {
        AccountConfig a;
        a.id = QStringLiteral("default");
        a.url = pool.baseUrl();
        a.user = QStringLiteral("farm1");
        a.secret = QStringLiteral("s3cret");
        a.intervalSecs = interval;
        a.timeoutSecs = 5;
        return a;
    }

private slots:
    void pollsUpdateTheStatesInPlace()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        FakeF2pool pool(&clock);
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("s3cret"));
        pool.addRigs(50);
        QVERIFY(pool.listen());
        const AccountConfig a = farm1(pool, 3600);
        Engine engine({a}, nullptr, &clock);
        int updates = 0; // counted, not kept: a kept view would hold the table
        connect(&engine, &Engine::accountUpdated, this, [&updates] { ++updates; });
        engine.start();
        QTRY_COMPARE(updates, 1);
        const void *first = tableAddress(engine);
        QVERIFY(first);

        clock.advanceSecs(300);
        pool.stopRig(QStringLiteral("rig-07"));
        engine.refreshNow();
        QTRY_COMPARE(updates, 2);
        QCOMPARE(tableAddress(engine), first);

        // A view kept by someone (the GUI, /metrics) is a picture of its poll: the next poll
        // writes a copy, and the kept view still says what it said.
        const AccountView kept = engine.views().first();
        const WorkerStatus keptStatus = kept.workers.value(QStringLiteral("rig-07")).status;
        clock.advanceSecs(1200);
        engine.refreshNow();
        QTRY_COMPARE(updates, 3);
        QCOMPARE(kept.workers.value(QStringLiteral("rig-07")).status, keptStatus);
        QCOMPARE(engine.views().first().workers.value(QStringLiteral("rig-07")).status,
                 WorkerStatus::Offline);
        engine.stop();
    }

    // A new worker's store id goes back into its state with the poll that stored it: the next
    // poll finds every worker's rows without a look-up by name.
    void newWorkersGetTheirStoreIdsInPlace()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        FakeF2pool pool(&clock);
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("s3cret"));
        pool.addRigs(40);
        QVERIFY(pool.listen());
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("rw.sqlite")), nullptr));
        Engine engine({farm1(pool, 3600)}, &store, &clock);
        int updates = 0;
        connect(&engine, &Engine::accountUpdated, this, [&updates] { ++updates; });
        engine.start();
        QTRY_COMPARE(updates, 1);
        {
            std::set<int> ids;
            const QHash<QString, WorkerState> workers = engine.views().first().workers;
            for (const WorkerState &s : workers)
                ids.insert(s.storeId);
            QCOMPARE(ids.size(), size_t(40));
            QVERIFY(!ids.count(0));
        }
        pool.addRigs(1); // one more, new to the store
        clock.advanceSecs(300);
        engine.refreshNow();
        QTRY_COMPARE(updates, 2);
        const QHash<QString, WorkerState> workers = engine.views().first().workers;
        QCOMPARE(workers.size(), 41);
        for (const WorkerState &s : workers)
            QVERIFY2(s.storeId > 0, qPrintable(s.sample.name));
        // The ids are the store's: a restart reads the same ones back.
        const QHash<QString, WorkerState> stored = store.workerStates(engine.views().first().key);
        for (auto it = workers.cbegin(); it != workers.cend(); ++it)
            QCOMPARE(stored.value(it.key()).storeId, it->storeId);
        engine.stop();
    }

    // rigwatchd's engine lists no changed rows (no table of workers to update); the GUI's does.
    void rowChangesAreListedOnlyWhenWanted()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        FakeF2pool pool(&clock);
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("s3cret"));
        pool.addRigs(5);
        QVERIFY(pool.listen());
        const AccountConfig a = farm1(pool, 3600);
        for (const bool wanted : {true, false}) {
            Engine engine({a}, nullptr, &clock);
            if (!wanted)
                engine.setRowChanges(false);
            QStringList changed;
            int updates = 0;
            connect(&engine, &Engine::accountUpdated, this,
                    [&](const AccountView &v) { changed = v.changed, ++updates; });
            engine.start();
            QTRY_COMPARE(updates, 1);
            pool.stopRig(QStringLiteral("rig-03"));
            clock.advanceSecs(900);
            engine.refreshNow();
            QTRY_COMPARE(updates, 2);
            QCOMPARE(changed.contains(QStringLiteral("rig-03")), wanted);
            QCOMPARE(engine.views().first().workers.value(QStringLiteral("rig-03")).status,
                     WorkerStatus::Offline);
            engine.stop();
        }
    }

    // Failed polls back off (up to four intervals apart), but "pool unreachable" is raised when
    // max(offline_after, 3 x interval) has passed without a successful poll, not at the next
    // failure after that: the engine checks again at that moment, without polling.
    void poolUnreachableIsRaisedOnTimeBetweenBackedOffPolls()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        FakeF2pool pool(&clock);
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("s3cret"));
        pool.addRigs(3);
        QVERIFY(pool.listen());
        AccountConfig a = farm1(pool, 60); // unreachable after max(120, 3 x 60) = 180 s
        a.thresholds.offlineAfterSecs = 120;
        Engine engine({a}, nullptr, &clock);
        QVector<Event> events;
        connect(&engine, &Engine::eventsHappened, this,
                [&events](const QString &, const QVector<Event> &e) { events += e; });
        int updates = 0;
        connect(&engine, &Engine::accountUpdated, this, [&updates] { ++updates; });
        engine.start();
        QTRY_COMPARE(updates, 1);

        pool.setFault(FakeF2pool::Fault::Http500);
        clock.advanceSecs(179);
        engine.refreshNow();
        QTRY_COMPARE(updates, 2);
        QVERIFY(!engine.views().first().incident.poolUnreachable);
        const int requests = pool.requestCount(QStringLiteral("/v2/hash_rate/worker/list"));
        // The next poll is a backed-off interval away (>= 54 s); the deadline is 2 s away.
        QVERIFY(engine.views().first().nextPollAtMs >= clock.nowMs() + 54000);
        clock.advanceSecs(2);
        QTRY_VERIFY_WITH_TIMEOUT(engine.views().first().incident.poolUnreachable, 6000);
        QCOMPARE(pool.requestCount(QStringLiteral("/v2/hash_rate/worker/list")), requests);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Event::PoolUnreachable);
        QVERIFY(engine.views().first().incident.unreachableReason.contains(QStringLiteral("500")));

        // The pool answers again: the incident ends at that poll, and no check is left armed.
        pool.setFault(FakeF2pool::Fault::None);
        clock.advanceSecs(30);
        engine.refreshNow();
        QTRY_VERIFY(!engine.views().first().incident.poolUnreachable);
        QCOMPARE(events.last().kind, Event::PoolRecovered);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestEngineViews)
#include "tst_engineviews.moc"
