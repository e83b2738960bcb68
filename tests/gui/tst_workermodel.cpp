// Worker table model and its filter proxy: incremental updates at 10,000 rows, numeric
// sorting, filtering, order and selection after a poll, and the live "offline for" column
// (repainted only when its text changes).
#include "workerfilterproxy.h"
#include "workertablemodel.h"

#include "clock.h"
#include "workerviews.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSet>
#include <QtTest>

using namespace rw;
using namespace rw::test;

namespace {

QStringList proxyNames(const QAbstractItemModel &proxy)
{
    QStringList out;
    for (int r = 0; r < proxy.rowCount(); ++r)
        out << proxy.index(r, WorkerTableModel::ColWorker).data().toString();
    return out;
}

// The order a freshly loaded, freshly sorted table shows for this view: what a poll must
// arrive at incrementally.
QStringList sortedFromScratch(const AccountView &v, int column, Qt::SortOrder order,
                              WorkerFilterProxy::StateFilter filter = WorkerFilterProxy::All)
{
    ManualClock clock(kNow * 1000);
    WorkerTableModel model(&clock);
    WorkerFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setStateFilter(filter);
    proxy.sort(column, order);
    model.applyView(v);
    return proxyNames(proxy);
}

// A 200-worker farm with a few down, and the next poll: some go offline, one comes back, some
// only change their rates (listed in changed, as the engine does).
AccountView mixedFarm()
{
    AccountView v = farm(200);
    v.added.clear();
    for (int i = 0; i < 200; i += 23)
        v.workers.insert(rigName(i), down(WorkerStatus::Offline, kNow - 3600 - i));
    return v;
}

AccountView nextPollOf(AccountView v)
{
    v.changed.clear();
    for (int i = 5; i < 200; i += 37) { // go offline
        v.workers.insert(rigName(i), down(WorkerStatus::Offline, kNow - 700));
        v.changed << rigName(i);
    }
    WorkerState back = online(42e12); // rig-00023 was offline and is back
    v.workers.insert(rigName(23), back);
    v.changed << rigName(23);
    for (int i = 1; i < 200; i += 50) { // rates only
        WorkerState w = v.workers.value(rigName(i));
        w.sample.hashRate = 1e12 * i;
        v.workers.insert(rigName(i), w);
        v.changed << rigName(i);
    }
    return v;
}

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
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

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
        QCOMPARE(model.index(model.rowOf(rigName(200)), WorkerTableModel::ColHashRate).data().toString(),
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
        QCOMPARE(cells(0), QVector<int>({r2, WorkerTableModel::ColHashRate, r2,
                                         WorkerTableModel::ColHashRate}));
        QCOMPARE(cells(1), QVector<int>({r5, 0, r5, WorkerTableModel::ColumnCount - 1}));
        QCOMPARE(model.stateAt(model.rowOf(rigName(7))).lastListedAt, kNow); // still stored
        QCOMPARE(model.index(r2, WorkerTableModel::ColHashRate).data().toString(),
                 QStringLiteral("1.00 TH/s"));
    }

    void addedAndRemovedWorkersInsertAndRemoveRows()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
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

    void proxySortsNumerically()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("rig-10"), online(9e12));
        v.workers.insert(QStringLiteral("rig-2"), online(10e12));
        v.workers.insert(QStringLiteral("rig-1"), online(950e9));
        v.workers.insert(QStringLiteral("rig-3"), down(WorkerStatus::Offline, kNow - 2 * 3600));
        v.workers.insert(QStringLiteral("rig-4"), down(WorkerStatus::Offline, kNow - 47 * 60));
        model.applyView(v);

        auto column = [&](int col) {
            QStringList out;
            for (int r = 0; r < proxy.rowCount(); ++r)
                out << proxy.index(r, col).data().toString();
            return out;
        };
        proxy.sort(WorkerTableModel::ColHashRate, Qt::DescendingOrder);
        // As text "950 GH/s" would come first; as numbers 10 TH/s does.
        QCOMPARE(column(WorkerTableModel::ColWorker).mid(0, 3),
                 QStringList({QStringLiteral("rig-2"), QStringLiteral("rig-10"), QStringLiteral("rig-1")}));
        proxy.sort(WorkerTableModel::ColWorker, Qt::AscendingOrder);
        QCOMPARE(column(WorkerTableModel::ColWorker),
                 QStringList({QStringLiteral("rig-1"), QStringLiteral("rig-2"), QStringLiteral("rig-3"),
                              QStringLiteral("rig-4"), QStringLiteral("rig-10")}));
        proxy.sort(WorkerTableModel::ColOfflineFor, Qt::DescendingOrder);
        // "2 h 00 min" before "47 min", online workers (no duration) last.
        QCOMPARE(column(WorkerTableModel::ColWorker).mid(0, 2),
                 QStringList({QStringLiteral("rig-3"), QStringLiteral("rig-4")}));
    }

    void proxyFiltersByStateAndSearch()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("hall-a-01"), online(1e14, QStringLiteral("203.0.113.7")));
        v.workers.insert(QStringLiteral("hall-a-02"), down(WorkerStatus::Offline, kNow - 900));
        v.workers.insert(QStringLiteral("hall-b-01"), down(WorkerStatus::Missing, kNow - 9000));
        v.workers.insert(QStringLiteral("hall-b-02"), down(WorkerStatus::Retired, kNow - 90'000));
        model.applyView(v);

        QCOMPARE(proxy.rowCount(), 4);
        proxy.setStateFilter(WorkerFilterProxy::Offline);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("hall-a-02"));
        proxy.setStateFilter(WorkerFilterProxy::Missing);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("hall-b-01"));
        proxy.setStateFilter(WorkerFilterProxy::Retired);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("hall-b-02"));
        proxy.setStateFilter(WorkerFilterProxy::All);
        proxy.setSearchText(QStringLiteral("HALL-B"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("113.7")); // hosts are searched too
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("hall-a-01"));
        proxy.setSearchText(QStringLiteral("a-0"));
        proxy.setStateFilter(WorkerFilterProxy::Online);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("nothing-like-this"));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void offlineForIsLive()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("a-online"), online(1e14));
        v.workers.insert(QStringLiteral("b-offline"), down(WorkerStatus::Offline, kNow - 47 * 60));
        v.workers.insert(QStringLiteral("c-missing"), down(WorkerStatus::Missing, kNow - 3 * 3600 - 5 * 60));
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

    void pollKeepsSortOrderAndSelection_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("selected");
        QTest::newRow("state, trouble first")
            << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder) << rigName(5);
        QTest::newRow("state, selected comes back")
            << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder) << rigName(23);
        QTest::newRow("state, selected unchanged")
            << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder) << rigName(100);
        QTest::newRow("hashrate, descending")
            << int(WorkerTableModel::ColHashRate) << int(Qt::DescendingOrder) << rigName(51);
        QTest::newRow("offline for, descending")
            << int(WorkerTableModel::ColOfflineFor) << int(Qt::DescendingOrder) << rigName(42);
    }

    void pollKeepsSortOrderAndSelection()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, selected);
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(column, Qt::SortOrder(order));
        AccountView v = mixedFarm();
        model.applyView(v);
        QCOMPARE(proxyNames(proxy), sortedFromScratch(v, column, Qt::SortOrder(order)));

        QItemSelectionModel selection(&proxy);
        const QModelIndex sel = proxy.mapFromSource(model.index(model.rowOf(selected), 0));
        selection.setCurrentIndex(sel,
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);

        const AccountView there = nextPollOf(v);
        AccountView back = mixedFarm(); // and back again: every worker of "there" changes back
        back.changed = there.changed;
        for (const AccountView &poll : {there, back}) {
            model.applyView(poll);
            // Every changed worker is where a fresh sort would put it.
            QCOMPARE(proxyNames(proxy), sortedFromScratch(poll, column, Qt::SortOrder(order)));
            const QModelIndexList rows = selection.selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().data().toString(), selected);
            QCOMPARE(selection.currentIndex().data(WorkerTableModel::NameRole).toString(),
                     selected);
        }
        QCOMPARE(reset.size(), 0);
    }

    void pollKeepsStateFilterRight()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(WorkerTableModel::ColWorker, Qt::AscendingOrder);
        proxy.setStateFilter(WorkerFilterProxy::Offline);
        AccountView v = mixedFarm();
        model.applyView(v);
        QVERIFY(proxyNames(proxy).contains(rigName(23)));
        QItemSelectionModel selection(&proxy);
        selection.select(proxy.mapFromSource(model.index(model.rowOf(rigName(46)), 0)),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        v = nextPollOf(v);
        model.applyView(v);
        const QStringList shown = proxyNames(proxy);
        QCOMPARE(shown, sortedFromScratch(v, WorkerTableModel::ColWorker, Qt::AscendingOrder,
                                          WorkerFilterProxy::Offline));
        QVERIFY(shown.contains(rigName(5)));   // went offline: appears
        QVERIFY(!shown.contains(rigName(23))); // came back: gone from "Offline"
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), rigName(46));
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
        auto idx = [&](const char *n, int col) { return model.index(model.rowOf(QLatin1String(n)), col); };
        QVERIFY(!idx("a", 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(idx("b", 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(idx("b", 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(idx("c", 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!idx("b", WorkerTableModel::ColState).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(idx("b", WorkerTableModel::ColState).data().toString(), QStringLiteral("Offline"));
        QCOMPARE(idx("a", WorkerTableModel::ColStale).data().toString(), QStringLiteral("1.00%"));
    }
};

QTEST_MAIN(TestWorkerModel)
#include "tst_workermodel.moc"
