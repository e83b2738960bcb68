// Polls that move many rows at once: after polls in which a third of the workers change state
// (some also appear or vanish), under every sort and with filters on, the rows stand where a
// fresh sort puts them, with no model reset, and the selection and the scroll position are as
// the operator left them.
#include "workerfilterproxy.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include "clock.h"
#include "proxyorder.h"
#include "workerviews.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

using namespace rw;
using namespace rw::test;

namespace {

// n workers, every 7th offline since a different time.
AccountView baseFarm(int n)
{
    AccountView v = farm(n);
    v.added.clear();
    for (int i = 0; i < n; i += 7)
        v.workers.insert(rigName(i), down(WorkerStatus::Offline, kNow - 3600 - i));
    return v;
}

// The next poll: every 3rd worker (from `salt` on) flips between online and offline, every 5th
// gets a new rate, two workers appear and one vanishes. Rig `keep` is left alone.
AccountView flipPoll(AccountView v, int salt, int keep = -1)
{
    v.changed.clear();
    v.added.clear();
    v.removed.clear();
    const int n = int(v.workers.size());
    for (int i = salt; i < n; i += 3) {
        const QString name = rigName(i);
        if (i == keep || !v.workers.contains(name))
            continue;
        const bool wasOnline = v.workers.value(name).status == WorkerStatus::Online;
        v.workers.insert(name, wasOnline ? down(WorkerStatus::Offline, kNow - 700 - i)
                                         : online(50e12 + i));
        v.changed << name;
    }
    for (int i = 1; i < n; i += 5) {
        const QString name = rigName(i);
        if (i == keep || !v.workers.contains(name))
            continue;
        WorkerState w = v.workers.value(name);
        w.sample.hashRate = 1e12 * (i % 97) + salt;
        v.workers.insert(name, w);
        if (!v.changed.contains(name))
            v.changed << name;
    }
    for (const QString &name :
         {QStringLiteral("new-%1a").arg(salt), QStringLiteral("new-%1b").arg(salt)}) {
        v.workers.insert(name, down(WorkerStatus::Offline, kNow - 650));
        v.added << name;
    }
    const QString gone = rigName(salt + 2);
    if (salt + 2 != keep && v.workers.remove(gone))
        v.removed << gone;
    return v;
}

} // namespace

class TestWorkerPolls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void manyStateChangesLandWhereAFreshSortPutsThem_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<int>("filter");
        QTest::addColumn<QString>("search");
        QTest::newRow("state, trouble first")
            << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder)
            << int(WorkerFilterProxy::All) << QString();
        QTest::newRow("state, searched")
            << int(WorkerTableModel::ColState) << int(Qt::AscendingOrder)
            << int(WorkerFilterProxy::All) << QStringLiteral("rig-001");
        QTest::newRow("hashrate descending, offline only")
            << int(WorkerTableModel::ColHashRate) << int(Qt::DescendingOrder)
            << int(WorkerFilterProxy::Offline) << QString();
        QTest::newRow("name, online only, searched")
            << int(WorkerTableModel::ColWorker) << int(Qt::AscendingOrder)
            << int(WorkerFilterProxy::Online) << QStringLiteral("1");
        QTest::newRow("offline for, descending")
            << int(WorkerTableModel::ColOfflineFor) << int(Qt::DescendingOrder)
            << int(WorkerFilterProxy::All) << QString();
    }

    void manyStateChangesLandWhereAFreshSortPutsThem()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(int, filter);
        QFETCH(QString, search);
        const auto state = WorkerFilterProxy::StateFilter(filter);
        const auto sortOrder = Qt::SortOrder(order);
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setStateFilter(state);
        proxy.setSearchText(search);
        proxy.sort(column, sortOrder);
        AccountView v = baseFarm(300);
        model.applyView(v);
        QCOMPARE(proxyNames(proxy), sortedFromScratch(v, column, sortOrder, state, search));
        QVERIFY(proxy.rowCount() > 10);

        // A shown worker the polls leave alone (rig-00028 and rig-00105 are offline, rig-00031
        // online): it must stay selected and current.
        const int keep = state == WorkerFilterProxy::Online ? 31 : (search.isEmpty() ? 28 : 105);
        const QString kept = rigName(keep);
        QItemSelectionModel selection(&proxy);
        const QModelIndex sel = proxy.mapFromSource(model.index(model.rowOf(kept), 0));
        QVERIFY2(sel.isValid(), qPrintable(kept));
        selection.setCurrentIndex(sel,
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

        for (int salt = 0; salt < 3; ++salt) {
            v = flipPoll(v, salt, keep);
            QVERIFY(v.changed.size() > 100); // a third of the farm changes state
            model.applyView(v);
            QCOMPARE(proxyNames(proxy), sortedFromScratch(v, column, sortOrder, state, search));
            const QModelIndexList rows = selection.selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().data().toString(), kept);
            QCOMPARE(selection.currentIndex().data(WorkerTableModel::NameRole).toString(), kept);
        }
        QCOMPARE(resets.size(), 0);
    }

    void panelKeepsSelectionAndScrollAcrossAPoll()
    {
        ManualClock clock(kNow * 1000);
        QWidget window;
        auto *panel = new WorkersPanel(&clock, &window);
        window.resize(900, 500);
        AccountView v = baseFarm(2000);
        v.key = QStringLiteral("acme/bitcoin");
        panel->applyView(v);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView *view = panel->view();
        const int keep = 901; // online, left alone by the polls
        const WorkerTableModel *model = panel->model();
        const QModelIndex sel =
            panel->proxy()->mapFromSource(model->index(model->rowOf(rigName(keep)), 0));
        view->selectionModel()->setCurrentIndex(sel, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        const int scrolled = view->verticalScrollBar()->value();
        QVERIFY(scrolled > 0);

        for (int salt = 0; salt < 2; ++salt) {
            v = flipPoll(v, salt, keep);
            panel->applyView(v);
            QCoreApplication::processEvents();
            QCOMPARE(view->verticalScrollBar()->value(), scrolled);
            QCOMPARE(panel->selectedWorker(), rigName(keep));
            const QModelIndexList rows = view->selectionModel()->selectedRows();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().data().toString(), rigName(keep));
            // Where a fresh sort by state puts it, and the whole order with it.
            const QStringList fresh =
                sortedFromScratch(v, WorkerTableModel::ColState, Qt::AscendingOrder);
            QCOMPARE(proxyNames(*panel->proxy()), fresh);
            QCOMPARE(rows.first().row(), fresh.indexOf(rigName(keep)));
        }
    }

    void filterChangesKeepTheSelection()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel model(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(WorkerTableModel::ColState, Qt::AscendingOrder);
        const AccountView v = baseFarm(200);
        model.applyView(v);
        QItemSelectionModel selection(&proxy);
        selection.select(proxy.mapFromSource(model.index(model.rowOf(rigName(14)), 0)),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

        proxy.setSearchText(QStringLiteral("rig-0001"));
        QCOMPARE(proxy.rowCount(), 10);
        QCOMPARE(proxyNames(proxy),
                 sortedFromScratch(v, WorkerTableModel::ColState, Qt::AscendingOrder,
                                   WorkerFilterProxy::All, QStringLiteral("rig-0001")));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), rigName(14));

        proxy.setStateFilter(WorkerFilterProxy::Offline); // rig-00014 is offline
        proxy.setSearchText(QString());
        QCOMPARE(proxyNames(proxy),
                 sortedFromScratch(v, WorkerTableModel::ColState, Qt::AscendingOrder,
                                   WorkerFilterProxy::Offline));
        QCOMPARE(selection.selectedRows().first().data().toString(), rigName(14));
        proxy.setStateFilter(WorkerFilterProxy::Online); // now it is filtered out
        QCOMPARE(selection.selectedRows().size(), 0);
        proxy.setStateFilter(WorkerFilterProxy::All);
        QCOMPARE(proxy.rowCount(), 200);
        QCOMPARE(proxyNames(proxy),
                 sortedFromScratch(v, WorkerTableModel::ColState, Qt::AscendingOrder));
        QCOMPARE(resets.size(), 0);
    }

    void anotherSourceReplacesTheFirst()
    {
        ManualClock clock(kNow * 1000);
        WorkerTableModel first(&clock);
        WorkerTableModel second(&clock);
        first.applyView(baseFarm(30));
        second.applyView(baseFarm(12));
        WorkerFilterProxy proxy;
        proxy.sort(WorkerTableModel::ColState, Qt::AscendingOrder);
        proxy.setSourceModel(&first);
        QCOMPARE(proxy.rowCount(), 30);
        proxy.setSourceModel(&second);
        QCOMPARE(proxy.rowCount(), 12);
        QCOMPARE(proxyNames(proxy),
                 sortedFromScratch(baseFarm(12), WorkerTableModel::ColState, Qt::AscendingOrder));
        // The first one's changes reach the proxy no more.
        QSignalSpy changes(&proxy, &QAbstractItemModel::dataChanged);
        AccountView v = baseFarm(30);
        v = flipPoll(v, 0);
        first.applyView(v);
        QCOMPARE(changes.size(), 0);
        QCOMPARE(proxy.rowCount(), 12);
    }

    void aDeletedSourceLeavesAnEmptyTable()
    {
        ManualClock clock(kNow * 1000);
        auto *model = new WorkerTableModel(&clock);
        WorkerFilterProxy proxy;
        proxy.setSourceModel(model);
        model->applyView(baseFarm(20));
        QCOMPARE(proxy.rowCount(), 20);
        delete model;
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(proxy.columnCount(), 0);
        QVERIFY(!proxy.index(0, 0).isValid());
    }
};

QTEST_MAIN(TestWorkerPolls)
#include "tst_workerpolls.moc"
