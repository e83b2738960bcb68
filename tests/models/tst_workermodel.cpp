// Worker table model: incremental updates at 10,000 rows (only the changed cells signalled,
// selection kept through the proxy), added and removed workers, and the live "offline for"
// column (repainted only when its text changes).
#include "workerfilterproxy.h"
#include "workertablemodel.h"

#include "clock.h"
#include "util/units.h"
#include "workerviews.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QScopeGuard>
#include <QSet>
#include <QtTest>

using namespace rw;
using namespace rw::test;

namespace {

// Source rows touched by a dataChanged spy.
QSet<int> signalledRows(const QSignalSpy &spy)
{
    QSet<int> rows;
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        for (int r = tl.row(); r <= br.row(); ++r)
            rows.insert(r);
    }
    return rows;
}
} // namespace

class TestWorkerModel : public QObject
{
    Q_OBJECT
private slots:
    // Issue #19: a degraded worker reads "Degraded" in amber with its own icon, sorts between
    // the down and the healthy, and every worker shows its usual level and its share of it.
    void degradedAndUsualColumns()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        WorkerState slow = online(58e12);
        slow.sample.hashRate24h = 94e12;
        slow.degraded = true;
        WorkerState own = online(100e12);
        own.usual = float(125e12); // its own level beats the pool's day average
        WorkerState flap = down(WorkerStatus::Offline, kNow - 900);
        flap.flapping = true;
        v.workers.insert(QStringLiteral("slow"), slow);
        v.workers.insert(QStringLiteral("fine"), online(100e12));
        v.workers.insert(QStringLiteral("own"), own);
        v.workers.insert(QStringLiteral("flap"), flap);
        model.applyView(v);
        const auto idx = [&](const char *n, int col) {
            return model.index(model.rowOf(QLatin1String(n)), col);
        };
        QCOMPARE(idx("slow", WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Degraded"));
        QCOMPARE(idx("fine", WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Online"));
        QCOMPARE(idx("flap", WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Offline, flapping"));
        QVERIFY(idx("slow", 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!idx("fine", 0).data(Qt::ForegroundRole).isValid());
        const QIcon degraded =
            idx("slow", WorkerTableModel::ColState).data(Qt::DecorationRole).value<QIcon>();
        const QIcon fine =
            idx("fine", WorkerTableModel::ColState).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!degraded.isNull());
        QVERIFY(degraded.cacheKey() != fine.cacheKey());
        QCOMPARE(idx("slow", WorkerTableModel::ColUsual).data().toString(),
                 QStringLiteral("94.0 TH/s"));
        QCOMPARE(idx("slow", WorkerTableModel::ColUsualPercent).data().toString(),
                 QStringLiteral("62%"));
        QCOMPARE(idx("own", WorkerTableModel::ColUsual).data().toString(),
                 QStringLiteral("125 TH/s"));
        QCOMPARE(idx("own", WorkerTableModel::ColUsualPercent).data().toString(),
                 QStringLiteral("80%"));
        QCOMPARE(idx("flap", WorkerTableModel::ColUsualPercent).data().toString(), QString());
        const double rank = [&](const char *n) {
            return idx(n, WorkerTableModel::ColState).data(WorkerTableModel::SortRole).toDouble();
        }("slow");
        QVERIFY(
            rank <
            idx("fine", WorkerTableModel::ColState).data(WorkerTableModel::SortRole).toDouble());
        QVERIFY(
            rank >
            idx("flap", WorkerTableModel::ColState).data(WorkerTableModel::SortRole).toDouble());
        QCOMPARE(float(model.usualRate(QStringLiteral("own"), v.key)), float(125e12));
    }

    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // "Last share" in local time: the time alone for today, day and month before that, right
    // on the days the clocks change (the model keeps today's bounds and works the time of day
    // out itself when the offset is the same all day).
    void lastShareIsShownInLocalTime_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("now");   // UTC
        QTest::addColumn<QString>("share"); // UTC
        QTest::addColumn<QString>("shown");
        const QString berlin = QStringLiteral("Europe/Berlin");
        QTest::newRow("today") << berlin << "2026-01-15T12:00:00"
                               << "2026-01-15T10:20:30"
                               << "11:20:30";
        QTest::newRow("just after local midnight") << berlin << "2026-01-15T12:00:00"
                                                   << "2026-01-14T23:30:05"
                                                   << "00:30:05";
        QTest::newRow("yesterday, local") << berlin << "2026-01-15T12:00:00"
                                          << "2026-01-14T22:59:00"
                                          << "14 Jan 23:59";
        QTest::newRow("spring forward, before") << berlin << "2026-03-29T12:00:00"
                                                << "2026-03-29T00:30:00"
                                                << "01:30:00";
        QTest::newRow("spring forward, after") << berlin << "2026-03-29T12:00:00"
                                               << "2026-03-29T01:30:00"
                                               << "03:30:00";
        QTest::newRow("fall back, first 02:30") << berlin << "2026-10-25T12:00:00"
                                                << "2026-10-25T00:30:00"
                                                << "02:30:00";
        QTest::newRow("fall back, second 02:30") << berlin << "2026-10-25T12:00:00"
                                                 << "2026-10-25T01:30:00"
                                                 << "02:30:00";
        QTest::newRow("fall back, evening") << berlin << "2026-10-25T12:00:00"
                                            << "2026-10-25T20:00:00"
                                            << "21:00:00";
        QTest::newRow("west of UTC") << QStringLiteral("America/Sao_Paulo") << "2026-01-15T12:00:00"
                                     << "2026-01-15T02:59:59"
                                     << "14 Jan 23:59"; // the day before there
        QTest::newRow("west of UTC, today")
            << QStringLiteral("America/Sao_Paulo") << "2026-01-15T12:00:00"
            << "2026-01-15T03:00:00"
            << "00:00:00";
    }

    void lastShareIsShownInLocalTime()
    {
        QFETCH(QString, zone);
        QFETCH(QString, now);
        QFETCH(QString, share);
        QFETCH(QString, shown);
        if (!QFile::exists(QStringLiteral("/usr/share/zoneinfo/") + zone))
            QSKIP("no time zone data (tzdata) on this machine");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        const QByteArray oldTz = qgetenv("TZ");
        qputenv("TZ", zone.toLatin1());
        const auto restore = qScopeGuard([&] {
            if (hadTz)
                qputenv("TZ", oldTz);
            else
                qunsetenv("TZ");
        });
        const auto utc = [](const QString &iso) {
            return QDateTime::fromString(iso + QLatin1Char('Z'), Qt::ISODate).toSecsSinceEpoch();
        };
        ManualClock clock(utc(now) * 1000);
        WorkerTableModel model(&clock);
        AccountView v = farm(1);
        v.workers[rigName(0)].sample.lastShareAt = utc(share);
        model.applyView(v);
        QCOMPARE(model.index(0, WorkerTableModel::ColLastShare).data().toString(), shown);
        // The next day, a share of today gets its date (a dated one keeps it).
        clock.advanceSecs(86'400);
        const QString later = model.index(0, WorkerTableModel::ColLastShare).data().toString();
        if (shown.contains(QLatin1Char(' ')))
            QCOMPARE(later, shown);
        else
            QVERIFY2(later.contains(QLatin1Char(' ')) && later.endsWith(shown.left(5)),
                     qPrintable(later));
    }

    void onePercentChangingSignalsOnlyThoseRows()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(WorkerTableModel::ColHashRate, Qt::DescendingOrder);
        // The tester walks the whole model on every signal: it checks the load and the first poll.
        auto tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // (The proxy gets its own tester in the smaller tests: on every signal it walks the whole
        // model, which at 10,000 rows would test the tester's speed, not ours.)

        AccountView v = farm(10'000);
        model.applyView(v);
        QCOMPARE(model.rowCount(), 10'000);
        QCOMPARE(proxy.rowCount(), 10'000);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        // A selected worker in the proxy must still be selected after the poll.
        QItemSelectionModel selection(&proxy);
        const QModelIndex selected = proxy.index(17, 0);
        const QString selectedName = selected.data().toString();
        selection.select(selected, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        for (int poll = 0; poll < 3; ++poll) {
            changed.clear();
            v.changed.clear();
            v.added.clear();
            v.removed.clear();
            QSet<int> expected;
            for (int i = poll; i < 10'000; i += 100) { // 1 % of the farm
                WorkerState w = v.workers.value(rigName(i));
                w.sample.hashRate = 50e12 + poll;
                v.workers.insert(rigName(i), w);
                v.changed << rigName(i);
                expected.insert(model.rowOf(rigName(i)));
            }
            model.applyView(v);
            QCOMPARE(signalledRows(changed), expected);
            QCOMPARE(changed.size(), 100); // no neighbours dragged in
            tester.reset();
        }
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(
            model.index(model.rowOf(rigName(200)), WorkerTableModel::ColHashRate).data().toString(),
            QStringLiteral("50.0 TH/s"));
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), selectedName);
    }

    void pollSignalsOnlyTheCellsThatChanged()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v = farm(10);
        model.applyView(v);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        v.added.clear();
        v.changed = {rigName(2), rigName(5), rigName(7)};
        WorkerState rate = v.workers.value(rigName(2));
        rate.sample.hashRate = 1e12; // only the current rate
        v.workers.insert(rigName(2), rate);
        v.workers.insert(rigName(5), down(WorkerStatus::Offline, kNow - 900)); // the whole row
        WorkerState seen = v.workers.value(rigName(7));
        seen.lastListedAt = kNow; // nothing shown: no signal, no repaint
        v.workers.insert(rigName(7), seen);
        model.applyView(v);

        QCOMPARE(changed.size(), 2);
        auto cells = [&](int i) {
            const auto tl = changed.at(i).at(0).value<QModelIndex>();
            const auto br = changed.at(i).at(1).value<QModelIndex>();
            return QVector<int>{tl.row(), tl.column(), br.row(), br.column()};
        };
        const int r2 = model.rowOf(rigName(2));
        const int r5 = model.rowOf(rigName(5));
        // The current rate, and its share of the usual level (issue #19) beside it.
        QCOMPARE(cells(0), QVector<int>({r2, WorkerTableModel::ColHashRate, r2,
                                         WorkerTableModel::ColUsualPercent}));
        QCOMPARE(cells(1), QVector<int>({r5, 0, r5, WorkerTableModel::ColumnCount - 1}));
        QCOMPARE(model.stateAt(model.rowOf(rigName(7))).lastListedAt, kNow); // still stored
        QCOMPARE(model.index(r2, WorkerTableModel::ColHashRate).data().toString(),
                 QStringLiteral("1.00 TH/s"));
    }

    // Another pool's own word for a worker (Braiins "off", Luxor "INACTIVE") shows beside
    // RigWatch's state, which the last share alone decides; f2pool's rows are as they were.
    void poolStateShowsBesideOurs()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v = farm(3);
        model.applyView(v);
        const int r1 = model.rowOf(rigName(1));
        const QString plain = model.index(r1, WorkerTableModel::ColState).data().toString();
        QVERIFY(!plain.contains(QStringLiteral("pool")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        v.added.clear();
        v.changed = {rigName(1)};
        WorkerState s = v.workers.value(rigName(1));
        s.sample.poolState = QStringLiteral("INACTIVE"); // the pool's view, not ours
        v.workers.insert(rigName(1), s);
        model.applyView(v);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(r1, WorkerTableModel::ColState).data().toString(),
                 plain + QStringLiteral(" (pool: INACTIVE)"));
        QCOMPARE(model.stateAt(r1).status, WorkerStatus::Online);
    }

    void addedAndRemovedWorkersInsertAndRemoveRows()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        AccountView v = farm(1000);
        model.applyView(v);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        v.added = {QStringLiteral("new-a"), QStringLiteral("new-b")};
        v.removed = {rigName(10), rigName(11), rigName(500)};
        v.changed.clear();
        for (const QString &n : std::as_const(v.added))
            v.workers.insert(n, online(1e12));
        for (const QString &n : std::as_const(v.removed))
            v.workers.remove(n);
        model.applyView(v);

        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1); // both new workers in one insert
        int removedRows = 0;
        for (const auto &args : removed)
            removedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(removedRows, 3);
        QCOMPARE(model.rowCount(), 999);
        QCOMPARE(model.rowOf(rigName(10)), -1);
        QVERIFY(model.rowOf(QStringLiteral("new-b")) >= 0);
        // Every row's index entry still points at its own row after the removals.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowOf(model.workerAt(r)), r);
    }

    void offlineForIsLive()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("a-online"), online(1e14));
        v.workers.insert(QStringLiteral("b-offline"), down(WorkerStatus::Offline, kNow - 47 * 60));
        v.workers.insert(QStringLiteral("c-missing"),
                         down(WorkerStatus::Missing, kNow - 3 * 3600 - 5 * 60));
        model.applyView(v);
        const int on = model.rowOf(QStringLiteral("a-online"));
        const int off = model.rowOf(QStringLiteral("b-offline"));
        const int miss = model.rowOf(QStringLiteral("c-missing"));
        auto offlineFor = [&](int row) {
            return model.index(row, WorkerTableModel::ColOfflineFor).data().toString();
        };
        QCOMPARE(offlineFor(on), QString());
        QCOMPARE(offlineFor(off), QStringLiteral("47 min"));
        QCOMPARE(offlineFor(miss), QStringLiteral("3 h 05 min"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advanceSecs(60);
        model.refreshLive({on, off}); // the view says these rows are visible
        QCOMPARE(offlineFor(off), QStringLiteral("48 min"));
        QCOMPARE(changed.size(), 1); // the online row has nothing live to repaint
        const auto tl = changed.first().at(0).value<QModelIndex>();
        const auto br = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(tl.row(), off);
        QCOMPARE(br.row(), off);
        QCOMPARE(tl.column(), int(WorkerTableModel::ColOfflineFor));
        QCOMPARE(br.column(), int(WorkerTableModel::ColOfflineFor));
    }

    void offlineForRepaintsOnlyWhenItsTextChanges()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("a-online"), online(1e14));
        v.workers.insert(QStringLiteral("b-47min"),
                         down(WorkerStatus::Offline, kNow - 47 * 60 - 30));
        v.workers.insert(QStringLiteral("c-20s"), down(WorkerStatus::Missing, kNow - 20));
        model.applyView(v);
        const QVector<int> all = {0, 1, 2};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshLive(all); // the first call repaints every down row
        QCOMPARE(signalledRows(changed), QSet<int>({1, 2}));

        changed.clear();
        clock.advanceSecs(1); // "47 min" stays, "20 s" becomes "21 s"
        model.refreshLive(all);
        QCOMPARE(signalledRows(changed), QSet<int>({2}));
        QCOMPARE(model.index(2, WorkerTableModel::ColOfflineFor).data().toString(),
                 QStringLiteral("21 s"));

        changed.clear();
        clock.advanceSecs(29); // 47 min 30 s -> 48 min; 21 s -> 50 s
        model.refreshLive(all);
        QCOMPARE(signalledRows(changed), QSet<int>({1, 2}));
        QCOMPARE(model.index(1, WorkerTableModel::ColOfflineFor).data().toString(),
                 QStringLiteral("48 min"));

        changed.clear();
        clock.advanceSecs(15); // 48 min 15 s; 65 s -> "1 min"
        model.refreshLive(all);
        QCOMPARE(signalledRows(changed), QSet<int>({2}));
        changed.clear();
        clock.advanceSecs(20); // still "48 min" and "1 min"
        model.refreshLive(all);
        QCOMPARE(changed.size(), 0);
    }

    void liveRowCountFollowsPolls()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v = farm(10);
        model.applyView(v);
        QCOMPARE(model.liveRowCount(), 0);
        v.added.clear();
        v.changed = {rigName(1), rigName(2)};
        v.workers.insert(rigName(1), down(WorkerStatus::Offline, kNow - 900));
        v.workers.insert(rigName(2), down(WorkerStatus::Retired, kNow - 90'000));
        model.applyView(v);
        QCOMPARE(model.liveRowCount(), 2);
        v.changed = {rigName(1)};
        v.workers.insert(rigName(1), online(1e12));
        v.added = {QStringLiteral("new")};
        v.workers.insert(QStringLiteral("new"), down(WorkerStatus::Missing, kNow - 100));
        model.applyView(v);
        QCOMPARE(model.liveRowCount(), 2);
        v.changed.clear();
        v.added.clear();
        v.removed = {rigName(2), QStringLiteral("new")};
        v.workers.remove(rigName(2));
        v.workers.remove(QStringLiteral("new"));
        model.applyView(v);
        QCOMPARE(model.liveRowCount(), 0);
        model.clear();
        QCOMPARE(model.liveRowCount(), 0);
    }

    void downRowsStandOut()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("a"), online(1e14));
        v.workers.insert(QStringLiteral("b"), down(WorkerStatus::Offline, kNow - 900));
        v.workers.insert(QStringLiteral("c"), down(WorkerStatus::Retired, kNow - 90'000));
        model.applyView(v);
        auto idx = [&](const char *n, int col) {
            return model.index(model.rowOf(QLatin1String(n)), col);
        };
        QVERIFY(!idx("a", 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(idx("b", 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(idx("b", 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(idx("c", 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(
            !idx("b", WorkerTableModel::ColState).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(idx("b", WorkerTableModel::ColState).data().toString(), QStringLiteral("Offline"));
        QCOMPARE(idx("a", WorkerTableModel::ColStale).data().toString(), QStringLiteral("1.00%"));
    }

    // One farm on two pools, one table: a worker of the same name on both accounts is two rows,
    // each with its account and pool in the Account column; a poll of one account touches none
    // of the other's rows; the proxy can narrow the table to one account.
    void accountsShareOneTable()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        QAbstractItemModelTester tester(&model);
        AccountConfig east, west;
        east.name = QStringLiteral("East hall");
        east.user = QStringLiteral("farm1");
        west.name = QStringLiteral("West hall");
        west.user = QStringLiteral("farm1");
        west.provider = PoolProvider::Braiins;
        model.setAccounts({east, west});
        QCOMPARE(model.headerData(WorkerTableModel::ColAccount, Qt::Horizontal).toString(),
                 QStringLiteral("Account"));

        AccountView a = farmWithEachState(20);
        a.key = east.key();
        AccountView b = farm(5);
        b.key = west.key();
        model.applyView(a);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.applyView(b);
        QCOMPARE(reset.size(), 0); // the first account's rows stay, selection and all
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 25);

        const int inEast = model.rowOf(rigName(1), east.key());
        const int inWest = model.rowOf(rigName(1), west.key());
        QVERIFY(inEast >= 0 && inWest >= 0 && inEast != inWest);
        QCOMPARE(model.index(inEast, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("East hall (f2pool)"));
        QCOMPARE(model.index(inWest, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("West hall (Braiins Pool)"));
        QCOMPARE(model.index(inEast, WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Offline"));
        QCOMPARE(model.index(inWest, WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Online"));
        QCOMPARE(model.accountAt(inWest), west.key());

        // West's rig-00001 goes down: one row of West changes, East's rig-00001 is not touched.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        b.workers.insert(rigName(1), down(WorkerStatus::Offline, kNow - 700));
        b.added.clear();
        b.changed = QStringList{rigName(1)};
        model.applyView(b);
        QCOMPARE(signalledRows(changed), QSet<int>{inWest});
        QCOMPARE(model.stateAt(inWest).status, WorkerStatus::Offline);
        QCOMPARE(model.stateAt(inEast).sample.lastShareAt, kNow - 4000);

        // West's rig-00003 goes away; East keeps its own.
        b.workers.remove(rigName(3));
        b.changed.clear();
        b.removed = QStringList{rigName(3)};
        model.applyView(b);
        QCOMPARE(model.rowCount(), 24);
        QCOMPARE(model.rowOf(rigName(3), west.key()), -1);
        QVERIFY(model.rowOf(rigName(3), east.key()) >= 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowOf(model.workerAt(r), model.accountAt(r)), r);

        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(WorkerTableModel::ColState, Qt::AscendingOrder);
        QCOMPARE(proxy.rowCount(), 24);
        proxy.setAccountFilter(west.key());
        QCOMPARE(proxy.rowCount(), 4);
        QCOMPARE(proxy.index(0, WorkerTableModel::ColWorker).data().toString(), rigName(1));
        QCOMPARE(proxy.index(0, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("West hall (Braiins Pool)"));
        proxy.setAccountFilter(QString());
        QCOMPARE(proxy.rowCount(), 24);

        // An account no longer configured leaves the table.
        model.setAccounts({west});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.accountAt(0), west.key());
    }

    // Each account's rows count "offline for" on that account's pool clock.
    void offlineForUsesEachAccountsPoolClock()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView a, b;
        a.key = QStringLiteral("a/bitcoin");
        b.key = QStringLiteral("b/bitcoin");
        a.workers.insert(QStringLiteral("rig"), down(WorkerStatus::Offline, kNow - 600));
        b.workers = a.workers;
        b.clockSkewSecs = 3600; // b's pool runs an hour ahead of us
        model.applyView(a);
        model.applyView(b);
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("rig"), a.key), WorkerTableModel::ColOfflineFor)
                .data()
                .toString(),
            formatDuration(600));
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("rig"), b.key), WorkerTableModel::ColOfflineFor)
                .data()
                .toString(),
            formatDuration(4200));
    }
};

QTEST_MAIN(TestWorkerModel)
#include "tst_workermodel.moc"
