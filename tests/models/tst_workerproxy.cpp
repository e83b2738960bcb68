// The worker table's proxy: numeric sorting, filtering by state and search, and after a poll
// the order a fresh sort gives with the selection kept (see tst_workerpolls for polls that
// move many rows at once).
#include "workerfilterproxy.h"
#include "workertablemodel.h"

#include "clock.h"
#include "proxyorder.h"
#include "workerviews.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QtTest>

#include <numeric>

using namespace rw;
using namespace rw::test;

namespace {

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
} // namespace

class TestWorkerProxy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

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
                 QStringList(
                     {QStringLiteral("rig-2"), QStringLiteral("rig-10"), QStringLiteral("rig-1")}));
        proxy.sort(WorkerTableModel::ColWorker, Qt::AscendingOrder);
        QCOMPARE(
            column(WorkerTableModel::ColWorker),
            QStringList({QStringLiteral("rig-1"), QStringLiteral("rig-2"), QStringLiteral("rig-3"),
                         QStringLiteral("rig-4"), QStringLiteral("rig-10")}));
        proxy.sort(WorkerTableModel::ColOfflineFor, Qt::DescendingOrder);
        // "2 h 00 min" before "47 min", online workers (no duration) last.
        QCOMPARE(column(WorkerTableModel::ColWorker).mid(0, 2),
                 QStringList({QStringLiteral("rig-3"), QStringLiteral("rig-4")}));
    }

    // The proxy compares the worker table's numeric columns straight from its rows; the order
    // must be the one the model's SortRole values give (numbers compared as numbers, text in
    // natural order, ties by name), for every column both ways.
    void sortFollowsTheModelsSortKeys_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int c = 0; c < WorkerTableModel::ColumnCount; ++c)
            for (const Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder})
                QTest::addRow("column %d %s", c, o == Qt::AscendingOrder ? "up" : "down")
                    << c << int(o);
    }

    void sortFollowsTheModelsSortKeys()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        AccountView v = farm(0);
        for (int i = 0; i < 40; ++i) {
            // Repeated values (ties), every state, hosts out of name order.
            WorkerState w = i % 5 == 0   ? down(WorkerStatus::Offline, kNow - 600 - (i % 3) * 60)
                            : i % 7 == 0 ? down(WorkerStatus::Missing, kNow - 9000)
                            : i % 11 == 0
                                ? down(WorkerStatus::Retired, kNow - 90'000)
                                : online(1e12 * (i % 4), QStringLiteral("10.0.%1.1").arg(40 - i));
            w.sample.staleRate24h = w.sample.hashRate24h * (i % 3) / 100;
            v.workers.insert(QStringLiteral("rig-%1").arg(i), w); // rig-2 < rig-10 naturally
        }
        model.applyView(v);
        proxy.sort(column, Qt::SortOrder(order));

        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        QVector<int> rows(model.rowCount());
        std::iota(rows.begin(), rows.end(), 0);
        const auto less = [&](int a, int b) {
            const QVariant l = model.index(a, column).data(WorkerTableModel::SortRole);
            const QVariant r = model.index(b, column).data(WorkerTableModel::SortRole);
            if (l.userType() == QMetaType::QString) {
                const int c = collator.compare(l.toString(), r.toString());
                if (c != 0)
                    return c < 0;
            } else if (l.toDouble() != r.toDouble()) {
                return l.toDouble() < r.toDouble();
            }
            return model.workerAt(a) < model.workerAt(b);
        };
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            return order == Qt::AscendingOrder ? less(a, b) : less(b, a);
        });
        QStringList expected;
        for (int r : rows)
            expected << model.workerAt(r);
        QCOMPARE(proxyNames(proxy), expected);
    }

    void proxyFiltersByStateAndSearch()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
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

    // Issue #20: the Group column names each worker's group (first match in order, by name or
    // by host; "—" for the default group) and the group filter narrows to one group, or to the
    // workers of no group; a new host moves a worker. The state filter has "Degraded" too.
    void groupColumnAndFilters()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        GroupConfig siteA;
        siteA.name = QStringLiteral("site-a");
        siteA.label = QStringLiteral("Site A");
        siteA.workers = {QStringLiteral("a-*")};
        GroupConfig siteB;
        siteB.name = QStringLiteral("site_b");
        siteB.hosts = {QStringLiteral("198.51.100.*")};
        model.setGroups({siteA, siteB});

        AccountView v;
        v.key = QStringLiteral("acme/bitcoin");
        v.workers.insert(QStringLiteral("a-01"), online(1e14, QStringLiteral("198.51.100.4")));
        v.workers.insert(QStringLiteral("b-01"), online(1e14, QStringLiteral("198.51.100.5")));
        WorkerState slow = online(5e13, QStringLiteral("203.0.113.9"));
        slow.degraded = true;
        v.workers.insert(QStringLiteral("x-01"), slow);
        v.added = v.workers.keys();
        model.applyView(v);
        const auto groupText = [&](const QString &worker) {
            return model.index(model.rowOf(worker), WorkerTableModel::ColGroup).data().toString();
        };
        QCOMPARE(model.headerData(WorkerTableModel::ColGroup, Qt::Horizontal).toString(),
                 QStringLiteral("Group"));
        QCOMPARE(groupText(QStringLiteral("a-01")), QStringLiteral("Site A")); // first match wins
        QCOMPARE(groupText(QStringLiteral("b-01")), QStringLiteral("site_b")); // label: its name
        QCOMPARE(groupText(QStringLiteral("x-01")), QStringLiteral("—"));

        proxy.setGroupFilter(1);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("b-01"));
        proxy.setGroupFilter(-1);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("x-01"));

        // x-01 moves into site B's address range: the next poll puts it there.
        AccountView next = v;
        next.added.clear();
        next.workers.insert(QStringLiteral("x-01"), online(1e14, QStringLiteral("198.51.100.77")));
        next.changed = {QStringLiteral("x-01")};
        model.applyView(next);
        QCOMPARE(groupText(QStringLiteral("x-01")), QStringLiteral("site_b"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setGroupFilter(WorkerFilterProxy::kAnyGroup);
        QCOMPARE(proxy.rowCount(), 3);

        AccountView again = v; // degraded again
        again.added.clear();
        again.changed = {QStringLiteral("x-01")};
        model.applyView(again);
        proxy.setStateFilter(WorkerFilterProxy::Degraded);
        QCOMPARE(WorkerFilterProxy::stateFilterText(WorkerFilterProxy::Degraded),
                 QStringLiteral("Degraded"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("x-01"));
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

    // Neighbouring rows of the model changing together reach the proxy as one signal; a poll is
    // placed in one go (at most one layout change, whatever the number of rows it moves), and
    // still every row stands where a fresh sort puts it, the selection with it.
    void neighboursChangingTogetherLandWhereAFreshSortPutsThem_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<int>("filter");
        QTest::newRow("state") << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder)
                               << int(WorkerFilterProxy::All);
        QTest::newRow("hashrate, descending")
            << int(WorkerTableModel::ColHashRate) << int(Qt::DescendingOrder)
            << int(WorkerFilterProxy::All);
        QTest::newRow("name, offline only")
            << int(WorkerTableModel::ColWorker) << int(Qt::AscendingOrder)
            << int(WorkerFilterProxy::Offline);
    }

    void neighboursChangingTogetherLandWhereAFreshSortPutsThem()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(int, filter);
        const auto state = WorkerFilterProxy::StateFilter(filter);
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setStateFilter(state);
        proxy.sort(column, Qt::SortOrder(order));
        AccountView v = mixedFarm();
        model.applyView(v);
        const QString selected = rigName(46); // offline, left alone
        QItemSelectionModel selection(&proxy);
        selection.setCurrentIndex(proxy.mapFromSource(model.index(model.rowOf(selected), 0)),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

        for (int poll = 0; poll < 3; ++poll) {
            v.changed.clear();
            for (int i = 10 + poll; i < 40 + poll; ++i) { // 30 neighbours: state and rate
                if (rigName(i) == selected)
                    continue;
                const bool wasOnline = v.workers.value(rigName(i)).status == WorkerStatus::Online;
                v.workers.insert(rigName(i), wasOnline ? down(WorkerStatus::Offline, kNow - 600 - i)
                                                       : online(1e12 * (i % 9)));
                v.changed << rigName(i);
            }
            layouts.clear();
            model.applyView(v);
            QCOMPARE(proxyNames(proxy), sortedFromScratch(v, column, Qt::SortOrder(order), state));
            QVERIFY(layouts.size() <= 1);
            QCOMPARE(selection.selectedRows().size(), 1);
            QCOMPARE(selection.currentIndex().data(WorkerTableModel::NameRole).toString(),
                     selected);
        }
        QCOMPARE(resets.size(), 0);
    }

    // Sorted by "offline for", the live tick changes the sort keys of every down row alike: the
    // order stays right and nothing moves.
    void liveTickKeepsTheOrder()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(WorkerTableModel::ColOfflineFor, Qt::DescendingOrder);
        const AccountView v = mixedFarm();
        model.applyView(v);
        const QStringList before = proxyNames(proxy);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        clock.advanceSecs(90'000);
        QVector<int> rows(model.rowCount());
        std::iota(rows.begin(), rows.end(), 0);
        model.refreshLive(rows);
        QVERIFY(changed.size() > 0); // the down rows' texts are repainted
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(proxyNames(proxy), before);
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
};

QTEST_MAIN(TestWorkerProxy)
#include "tst_workerproxy.moc"
