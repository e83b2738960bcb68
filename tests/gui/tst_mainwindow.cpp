// The desktop app end to end, offscreen: demo mode fills the window from the simulated farm,
// then the settings dialog validates, tests the connection, sends a Telegram test message and
// saves — and the app switches from the demo to the configured (simulated) account.
// Time is a ManualClock the tests move: the demo farm's schedule, the engine and the panels all
// read it, and a poll happens when the test asks for one ("Refresh now"), not when the real
// interval has passed.
#include "appcontroller.h"
#include "chartpanel.h"
#include "clock.h"
#include "enginehost.h"
#include "language.h"
#include "mainwindow.h"
#include "mirrorpanel.h"
#include "outagemodel.h"
#include "outagepanel.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "ui_settingsdialog.h"
#include "workerfilterproxy.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include "pool/poolprovider.h"
#include "simfarm.h"
#include "store/store.h"

#include <QAbstractSeries>
#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineSeries>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeWidget>
#include <QtTest>

using namespace rw;

namespace {
const auto kToken = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");

int offlineRows(const WorkerTableModel *m)
{
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        n += m->stateAt(r).status == WorkerStatus::Offline ? 1 : 0;
    return n;
}

AppController::Options windowOptions(AppController::Options opt, const Clock *clock)
{
    opt.useTray = false; // offscreen has none
    opt.clock = clock;
    return opt;
}

// The app as the widget tests run it: no tray, secrets in memory, time on a ManualClock,
// started. Nothing configured, so it watches the demo farm.
struct WindowApp
{
    explicit WindowApp(AppController::Options opt = {})
        : app(windowOptions(opt, &clock), std::make_unique<MemorySecretStore>())
    {
        app.start();
    }
    MainWindow *window() const { return app.window(); }
    ManualClock clock; // declared first: the engine thread reads it until app is gone
    AppController app;
};

// The window's "Refresh now" (File menu, F5), found by its shortcut whatever the language.
QAction *refreshAction(MainWindow *w)
{
    for (QAction *a : w->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::Refresh))
            return a;
    return nullptr;
}

// Asks for a poll as the user does and waits until the window has the poll made at the clock's
// present time. The engine's own polls come on a real-time timer, one interval apart, so a test
// that moved the clock asks instead of waiting. A poll already in flight ignores the request
// (Poller::pollNow) and answers for an earlier time: then it asks again.
[[nodiscard]] bool pollNow(MainWindow *w, EngineHost *host, const Clock &clock)
{
    QAction *refresh = refreshAction(w);
    if (!refresh)
        return false;
    const qint64 now = clock.nowSecs();
    QSignalSpy updated(host, &EngineHost::accountUpdated);
    for (int asked = 0; asked < 3; ++asked) {
        const qsizetype seen = updated.size();
        refresh->trigger();
        if (!QTest::qWaitFor([&] { return updated.size() > seen; }, 5000))
            return false;
        for (const QList<QVariant> &args : std::as_const(updated))
            if (args.first().value<AccountView>().state.lastAttemptAt >= now)
                return true;
    }
    return false;
}
[[nodiscard]] bool pollNow(WindowApp &demo)
{
    return pollNow(demo.window(), demo.app.host(), demo.clock);
}

// The outage history's tab, shown (its queries run only while it is on screen).
OutagePanel *showOutageHistory(MainWindow *w)
{
    w->tabs()->setCurrentIndex(1);
    return w->outagePanel();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Every window test runs the real engine thread: one query of the database on this (the
        // GUI) thread stops the test (invariant 7 of docs/architecture.md).
        Store::checkThreads(QThread::currentThread());
        // Keep the tester's own settings and keychain out of this.
        QCoreApplication::setOrganizationName(QStringLiteral("RigWatchTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QSettings().clear();
        QSettings().setValue(QStringLiteral("storage/database"),
                             m_dir.filePath(QStringLiteral("configured.sqlite")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void demoFillsTheWindow()
    {
        WindowApp demo; // nothing configured: demo
        AppController &app = demo.app;
        MainWindow *w = demo.window();
        QVERIFY(w->isVisible());
        QVERIFY(app.isDemo());

        // The foundation's promise: a populated worker table within 5 s of starting. The demo
        // farm is split across two pools: 36 rigs on f2pool, 12 in a second hall on Braiins, in
        // one table.
        WorkerTableModel *model = w->workersPanel()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 48, 5000);
        // The demo starts with trouble: rig-07 and rig-19 (the rows restored from the demo's
        // past may come first, all of them online).
        QTRY_COMPARE(offlineRows(model), 2);
        QVERIFY(w->windowTitle().contains(QStringLiteral("DEMO — simulated farm")));
        // Nothing configured: the tray says so in grey, whatever the demo rigs do.
        QCOMPARE(app.traySummary().level, FarmSummary::NotConfigured);
        QVERIFY(app.traySummary().tooltip(0, 0, true).contains(QStringLiteral("Not configured")));
        QTRY_VERIFY(w->statusPanel()->text().contains(QStringLiteral("Last successful poll")));
        QVERIFY(w->statusPanel()->text().contains(QStringLiteral("DEMO")));
        QVERIFY(w->statusPanel()->text().contains(QStringLiteral("next poll in")));

        // The chart, the outage log and the Telegram mirror come from the store on the engine
        // thread.
        QTRY_VERIFY(w->chartPanel()->pointCount() >= 1);
        w->tabs()->setCurrentIndex(1);
        QTRY_VERIFY(w->outagePanel()->model()->rowCount() >= 1);
        w->tabs()->setCurrentIndex(2);
        QTRY_VERIFY(w->mirrorPanel()->messageCount() >= 1);

        // The search box narrows the table; selecting the worker asks for its curve, and the
        // chart draws it beside the total, named after it.
        w->tabs()->setCurrentIndex(0);
        w->workersPanel()->proxy()->setSearchText(QStringLiteral("rig-07"));
        QCOMPARE(w->workersPanel()->proxy()->rowCount(), 1);
        const int sent = w->chartPanel()->requestCount();
        QTableView *view = w->workersPanel()->view();
        view->selectionModel()->setCurrentIndex(view->model()->index(0, 0),
                                                QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
        QTRY_VERIFY(w->chartPanel()->requestCount() > sent);
        const auto series = w->chartPanel()->chart()->series();
        const bool named = std::any_of(series.cbegin(), series.cend(), [](QAbstractSeries *s) {
            return s->name() == QStringLiteral("Worker rig-07");
        });
        QVERIFY(named);
    }

    // The demo farm, the engine and the window keep one time: the farm's outages come and go on
    // its schedule (src/sim/simfarm.cpp) as the clock moves, and between polls the status bar
    // and the worker table count on the clock the engine judged the poll on.
    void demoRunsOnTheClock()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        WorkerTableModel *model = w->workersPanel()->model();
        StatusPanel *status = w->statusPanel();
        QTRY_COMPARE(model->rowCount(), 48);
        const auto stateOf = [model](const QString &rig) {
            return model->stateAt(model->rowOf(rig)).status;
        };
        const auto offlineFor = [model](const QString &rig) {
            return model->index(model->rowOf(rig), WorkerTableModel::ColOfflineFor)
                .data()
                .toString();
        };
        QVERIFY(pollNow(demo));
        QVERIFY2(status->text().contains(QStringLiteral("(0 s ago) · next poll in 10 s")),
                 qPrintable(status->text()));
        QCOMPARE(stateOf(QStringLiteral("rig-07")), WorkerStatus::Offline); // down 7 min at start
        QCOMPARE(offlineFor(QStringLiteral("rig-07")), QStringLiteral("7 min"));
        QCOMPARE(stateOf(QStringLiteral("rig-04")), WorkerStatus::Online);

        // No poll: the counts move on the panels' own ticks.
        demo.clock.advanceSecs(4);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("(4 s ago) · next poll in 6 s")),
                     qPrintable(status->text()));
        demo.clock.advanceSecs(56);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("(1 min ago) · polling now…")),
                     qPrintable(status->text()));
        QCOMPARE(offlineFor(QStringLiteral("rig-07")), QStringLiteral("8 min"));

        // rig-04 stops sharing 20 s in: 90 s in, it has been silent past offline_after (60 s).
        demo.clock.advanceSecs(30);
        QVERIFY(pollNow(demo));
        QVERIFY2(status->text().contains(QStringLiteral("(0 s ago) · next poll in 10 s")),
                 qPrintable(status->text()));
        QCOMPARE(stateOf(QStringLiteral("rig-04")), WorkerStatus::Offline);
        QCOMPARE(offlineFor(QStringLiteral("rig-04")), QStringLiteral("1 min"));
        QCOMPARE(offlineRows(model), 3);

        // 160 s in: rig-07 is back (at 150 s), so is rig-04 (at 140 s); rig-12, silent since
        // 90 s in, is offline.
        demo.clock.advanceSecs(70);
        QVERIFY(pollNow(demo));
        QCOMPARE(stateOf(QStringLiteral("rig-07")), WorkerStatus::Online);
        QCOMPARE(offlineFor(QStringLiteral("rig-07")), QString());
        QCOMPARE(stateOf(QStringLiteral("rig-04")), WorkerStatus::Online);
        QCOMPARE(stateOf(QStringLiteral("rig-12")), WorkerStatus::Offline);
        QCOMPARE(offlineFor(QStringLiteral("rig-12")), QStringLiteral("1 min"));
    }

    // In Chinese, the demo's channel speaks Chinese too: its messages follow the app's language
    // like a configured account's would.
    void demoChannelSpeaksTheWindowsLanguage()
    {
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("zh_CN"));
        const auto backToEnglish = qScopeGuard([] { // the tests after this one read English
            QSettings().remove(QStringLiteral("ui/language"));
            Language::apply(QStringLiteral("en"));
        });
        {
            WindowApp demo;
            MainWindow *w = demo.window();
            w->tabs()->setCurrentIndex(2);
            QTRY_VERIFY(w->mirrorPanel()->messageCount() >= 1);
            const auto *list = w->mirrorPanel()->findChild<QTreeWidget *>();
            QVERIFY(list);
            QString row;
            for (int c = 0; c < list->columnCount(); ++c)
                row += list->topLevelItem(0)->text(c) + QLatin1Char('|');
            QVERIFY2(row.contains(QStringLiteral("台离线")), qPrintable(row));

            // Qt's own texts (dialog buttons) and the formats of dates and numbers follow the
            // chosen language too, not only RigWatch's strings.
            QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
            QCOMPARE(box.button(QDialogButtonBox::Save)->text(), QStringLiteral("保存"));
            QCOMPARE(QLocale().language(), QLocale::Chinese);
        }
    }

    // The engine publishes each poll's workers as a share of its own state table; whoever still
    // holds that share at the next poll makes the engine copy the whole table before writing
    // it. The window keeps no share of any account's workers (the one table has the rows), and
    // narrowing the window to one account and back loses no worker.
    void windowHoldsNoShareOfAnyAccountsWorkers()
    {
        ManualClock clock;
        EngineHost host(&clock);
        MainWindow w(&host, &clock);
        AccountConfig a, b;
        a.user = QStringLiteral("farma");
        b.user = QStringLiteral("farmb");
        a.currency = b.currency = QStringLiteral("bitcoin");
        w.setAccounts({a, b});
        QCOMPARE(w.currentAccount(), QString()); // the whole farm
        auto viewOf = [](const AccountConfig &c, const QStringList &names) {
            AccountView v;
            v.key = c.key();
            v.displayName = c.user;
            for (const QString &n : names) {
                WorkerState st;
                st.sample.name = n;
                st.sample.lastShareAt = 1'800'000'000;
                st.status = WorkerStatus::Online;
                v.workers.insert(n, st);
                v.added << n;
            }
            return v;
        };
        AccountView va = viewOf(a, {QStringLiteral("rig-a1"), QStringLiteral("rig-a2")});
        AccountView vb = viewOf(b, {QStringLiteral("rig-b1")});
        w.applyView(va);
        w.applyView(vb);
        QVERIFY2(va.workers.isDetached(), "the window still shares an account's workers");
        QVERIFY2(vb.workers.isDetached(), "the window still shares an account's workers");
        WorkerTableModel *model = w.workersPanel()->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(w.workersPanel()->proxy()->rowCount(), 3);

        auto *selector = w.findChild<QComboBox *>(QStringLiteral("accountSelector"));
        QVERIFY(selector);
        QCOMPARE(selector->count(), 3);
        QCOMPARE(selector->itemText(0), QStringLiteral("All accounts (farm)"));
        selector->setCurrentIndex(2);
        QCOMPARE(w.currentAccount(), b.key());
        QCOMPARE(model->rowCount(), 3); // a filter: the table keeps every row
        QCOMPARE(w.workersPanel()->proxy()->rowCount(), 1);
        QCOMPARE(w.workersPanel()->proxy()->index(0, 0).data().toString(),
                 QStringLiteral("rig-b1"));
        selector->setCurrentIndex(0);
        QCOMPARE(w.workersPanel()->proxy()->rowCount(), 3);
        // The next poll of an account updates the table as usual.
        AccountView next = viewOf(a, {});
        next.workers = model->states(a.key());
        WorkerState gone = next.workers.value(QStringLiteral("rig-a2"));
        gone.status = WorkerStatus::Offline;
        next.workers.insert(QStringLiteral("rig-a2"), gone);
        next.changed = QStringList{QStringLiteral("rig-a2")};
        w.applyView(next);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->stateAt(model->rowOf(QStringLiteral("rig-a2"), a.key())).status,
                 WorkerStatus::Offline);
        QVERIFY(next.workers.isDetached());
    }

    // One farm on two pools, one table: an Account column names each row's account and pool, a
    // worker of the same name on both stays two rows, the selector narrows to one account.
    void accountsOnTwoPoolsShareOneTable()
    {
        ManualClock clock;
        EngineHost host(&clock);
        MainWindow w(&host, &clock);
        w.show();
        AccountConfig f2, lux;
        f2.user = lux.user = QStringLiteral("farm1");
        f2.name = QStringLiteral("East hall");
        lux.provider = PoolProvider::Luxor;
        w.setAccounts({f2, lux});
        QVERIFY(f2.key() != lux.key());
        auto *selector = w.findChild<QComboBox *>(QStringLiteral("accountSelector"));
        QVERIFY(selector);
        QCOMPARE(selector->itemText(1), QStringLiteral("East hall (bitcoin)"));
        QCOMPARE(selector->itemText(2), QStringLiteral("farm1 (bitcoin, Luxor)"));
        auto viewOf = [](const AccountConfig &c, WorkerStatus status) {
            AccountView v;
            v.key = c.key();
            v.displayName = c.displayName();
            WorkerState st;
            st.sample.name = QStringLiteral("rig-01");
            st.sample.lastShareAt = 1'800'000'000;
            st.status = status;
            v.workers.insert(st.sample.name, st);
            v.added << st.sample.name;
            v.incident.total = 1;
            v.incident.online = status == WorkerStatus::Online ? 1 : 0;
            return v;
        };
        w.applyView(viewOf(f2, WorkerStatus::Online));
        w.applyView(viewOf(lux, WorkerStatus::Offline));
        QTableView *table = w.workersPanel()->view();
        QVERIFY(!table->isColumnHidden(WorkerTableModel::ColAccount));
        QAbstractItemModel *shown = table->model();
        QCOMPARE(shown->rowCount(), 2);
        QCOMPARE(shown->headerData(WorkerTableModel::ColAccount, Qt::Horizontal).toString(),
                 QStringLiteral("Account"));
        // Sorted by state, trouble first: Luxor's offline rig-01, then East hall's.
        QCOMPARE(shown->index(0, WorkerTableModel::ColWorker).data().toString(),
                 QStringLiteral("rig-01"));
        QCOMPARE(shown->index(0, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("farm1 (Luxor)"));
        QCOMPARE(shown->index(0, WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Offline"));
        QCOMPARE(shown->index(1, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("East hall (f2pool)"));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("Farm (1/2 online)")),
                 qPrintable(w.windowTitle()));
        selector->setCurrentIndex(2);
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, WorkerTableModel::ColState).data().toString(),
                 QStringLiteral("Offline"));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("farm1 (0/1 online)")),
                 qPrintable(w.windowTitle()));

        // With one account there is nothing to tell apart: no Account column, no selector.
        w.setAccounts({f2});
        QVERIFY(table->isColumnHidden(WorkerTableModel::ColAccount));
        QVERIFY(!selector->isVisible());
        QCOMPARE(shown->rowCount(), 1);
    }

    // The demo's farm on two pools: the Account column names each hall and its pool, and the
    // chart draws the farm's total with a curve per account.
    void demoFarmOnTwoPoolsInOneTableAndChart()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        WorkerTableModel *model = w->workersPanel()->model();
        QTRY_COMPARE(model->rowCount(), 48);
        QVERIFY(!w->workersPanel()->view()->isColumnHidden(WorkerTableModel::ColAccount));
        const int hall2 = model->rowOf(QStringLiteral("hall2-01"));
        QVERIFY(hall2 >= 0);
        QCOMPARE(model->index(hall2, WorkerTableModel::ColAccount).data().toString(),
                 QStringLiteral("Hall 2 (Braiins Pool)"));
        QTRY_COMPARE(w->chartPanel()->accountCurves().size(), 2);
        QVERIFY(w->chartPanel()->accountCurves().contains(QStringLiteral("Hall 2 (Braiins Pool)")));
        const auto series = w->chartPanel()->chart()->series();
        QVERIFY(std::any_of(series.cbegin(), series.cend(), [](QAbstractSeries *s) {
            return s->name() == QStringLiteral("Farm hashrate");
        }));

        // "All accounts": the outage history is the farm's, both pools' outages in one table,
        // each named by its account and pool.
        OutagePanel *outages = showOutageHistory(w);
        QCOMPARE(outages->accounts().size(), 2);
        QTableView *history = outages->findChild<QTableView *>();
        QVERIFY(history && !history->isColumnHidden(OutageModel::ColAccount));
        QTRY_VERIFY(outages->model()->rowCount() >= 1);
        QSet<QString> pools;
        for (int r = 0; r < outages->model()->rowCount(); ++r)
            pools << outages->model()->index(r, OutageModel::ColAccount).data().toString();
        QVERIFY2(pools.contains(QStringLiteral("Hall 2 (Braiins Pool)")),
                 qPrintable(QStringList(pools.values()).join(QLatin1Char('|'))));
        QVERIFY(pools.size() == 2);
        // One account chosen: its history alone, no Account column.
        auto *selector = w->findChild<QComboBox *>(QStringLiteral("accountSelector"));
        selector->setCurrentIndex(2);
        QCOMPARE(outages->accounts().size(), 1);
        QVERIFY(history->isColumnHidden(OutageModel::ColAccount));
    }

    // Issue #20's demo with a past: 30 days of history are in the store before the first poll
    // (a month of chart, outages and a degraded period in the history), and the two sites are
    // groups: a Group column and filter in the table, one group's total in the chart.
    void demoHasAPastAndTwoSites()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        WorkerTableModel *model = w->workersPanel()->model();
        QTRY_COMPARE(model->rowCount(), 48);
        QVERIFY(!w->workersPanel()->view()->isColumnHidden(WorkerTableModel::ColGroup));
        const auto group = [&](const char *rig) {
            return model->index(model->rowOf(QString::fromLatin1(rig)), WorkerTableModel::ColGroup)
                .data()
                .toString();
        };
        QCOMPARE(group("rig-05"), QStringLiteral("Site A")); // by name
        QCOMPARE(group("rig-25"), QStringLiteral("Site B")); // by host
        QCOMPARE(group("hall2-01"), QStringLiteral("—"));    // the second hall: no group
        auto *filter = w->workersPanel()->findChild<QComboBox *>(QStringLiteral("groupFilter"));
        QVERIFY(filter && filter->isVisible());
        filter->setCurrentIndex(filter->findText(QStringLiteral("Site A")));
        QCOMPARE(w->workersPanel()->proxy()->rowCount(), 19); // rig-01 ... rig-19
        filter->setCurrentIndex(filter->findText(QStringLiteral("No group")));
        QCOMPARE(w->workersPanel()->proxy()->rowCount(), 12);
        filter->setCurrentIndex(0);

        // A month of chart: the first point is close to 30 days back.
        ChartPanel *chart = w->chartPanel();
        chart->setRange(ChartPanel::Month);
        QTRY_VERIFY(chart->pointCount() > 500);
        const auto total = [&] {
            for (QAbstractSeries *s : chart->chart()->series())
                if (auto *line = qobject_cast<QLineSeries *>(s);
                    line && line->name().contains(QStringLiteral("hashrate")) && line->count() > 0)
                    return line;
            return static_cast<QLineSeries *>(nullptr);
        };
        QTRY_VERIFY(total() != nullptr);
        const qint64 now = demo.clock.nowMs();
        QVERIFY2(now - qint64(total()->at(0).x()) > 29LL * 86'400'000,
                 qPrintable(QString::number((now - qint64(total()->at(0).x())) / 86'400'000)));
        // One group's total: its own curve, below the farm's.
        const int sent = chart->requestCount();
        chart->setGroup(QStringLiteral("site-a"));
        QTRY_VERIFY(chart->requestCount() > sent);
        QTRY_VERIFY(std::any_of(chart->chart()->series().cbegin(), chart->chart()->series().cend(),
                                [](QAbstractSeries *s) {
                                    return s->name() == QStringLiteral("Hashrate of Site A") &&
                                           static_cast<QLineSeries *>(s)->count() > 500;
                                }));

        // The outage history of the month, both pools' (the farm's view), a degraded period too.
        OutagePanel *outages = showOutageHistory(w);
        auto *range = outages->findChild<QComboBox *>();
        range->setCurrentIndex(2); // last 30 days
        QTRY_VERIFY(outages->model()->rowCount() >= 20);
        bool degraded = false, old = false;
        for (const Outage &o : outages->model()->outages()) {
            degraded = degraded || o.degraded;
            old = old || o.start < demo.clock.nowSecs() - 20 * 86'400;
        }
        QVERIFY(degraded);
        QVERIFY(old);
    }

    // Hidden to the tray, the window asks the store for no chart after a poll (CPU for nobody);
    // shown again, the chart catches up at once.
    void chartWaitsWhileHidden()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        ChartPanel *chart = w->chartPanel();
        QTRY_VERIFY(chart->pointCount() >= 1);

        w->hide();
        const int sent = chart->requestCount();
        demo.clock.advanceSecs(10); // a poll with a new point to draw
        QVERIFY(pollNow(demo));
        QCoreApplication::processEvents();
        QCOMPARE(chart->requestCount(), sent);

        w->show();
        QTRY_COMPARE(chart->requestCount(), sent + 1);
    }

    // Asked for with --demo, the tray shows the simulated farm like a real one (it starts with
    // rigs down).
    void explicitDemoShowsTheFarmInTheTray()
    {
        AppController::Options opt;
        opt.demo = true;
        WindowApp demo(opt);
        QTRY_VERIFY(offlineRows(demo.window()->workersPanel()->model()) >= 1);
        const FarmSummary::Level level = demo.app.traySummary().level;
        QVERIFY2(level == FarmSummary::Warning || level == FarmSummary::Alert,
                 qPrintable(FarmSummary::levelText(level)));
    }

    // No tray at start (a session that starts RigWatch before its panel): a normal window that
    // says so; when the tray appears within two minutes, RigWatch moves into it.
    void movesIntoATrayThatAppearsLater()
    {
        bool available = false;
        ManualClock clock;
        AppController::Options opt;
        opt.clock = &clock;
        opt.trayAvailable = [&available] { return available; };
        opt.trayRetryMs = 20;
        AppController app(opt, std::make_unique<MemorySecretStore>());
        app.start();
        QVERIFY(!app.tray());
        QVERIFY(!app.window()->closeHidesToTray());
        QVERIFY(QApplication::quitOnLastWindowClosed());
        QTest::qWait(100);
        QVERIFY(!app.tray());

        available = true;
        QTRY_VERIFY(app.tray());
        QVERIFY(app.window()->closeHidesToTray());
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        QApplication::setQuitOnLastWindowClosed(true); // as the other tests expect
    }

    // The outage history on screen follows the polls (an outage that begins or ends shows up
    // without touching the filters); hidden, it asks the store for nothing until shown.
    void outageHistoryFollowsPolls()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        OutagePanel *outages = showOutageHistory(w);
        // Ongoing ones: the demo's past has closed outages of its own.
        const auto ongoing = [outages] {
            int n = 0;
            for (const Outage &o : outages->model()->outages())
                n += o.end == 0 ? 1 : 0;
            return n;
        };
        QTRY_COMPARE(ongoing(), 2); // rig-07 and rig-19, down at the start

        // 90 s in (src/sim/simfarm.cpp): two more rigs are down.
        int sent = outages->requestCount();
        demo.clock.advanceSecs(90);
        QVERIFY(pollNow(demo));
        QTRY_VERIFY(outages->requestCount() > sent);
        // rig-04 offline, and rig-27, dropped from the pool's list 45 s in, missing
        QTRY_COMPARE(ongoing(), 4);

        w->tabs()->setCurrentIndex(0);
        QCoreApplication::processEvents();
        sent = outages->requestCount();
        demo.clock.advanceSecs(10);
        QVERIFY(pollNow(demo));
        QCoreApplication::processEvents();
        QCOMPARE(outages->requestCount(), sent);
        w->tabs()->setCurrentIndex(1);
        QCOMPARE(outages->requestCount(), sent + 1);
    }

    // Switching the language while the app runs: the window, the outage history (its summary
    // comes from a new query) and Qt's own formats change at once, and back again.
    void languageSwitchesLive()
    {
        const auto backToEnglish = qScopeGuard([] { Language::apply(QStringLiteral("en")); });
        WindowApp demo;
        MainWindow *w = demo.window();
        OutagePanel *outages = showOutageHistory(w);
        QTRY_VERIFY(outages->model()->rowCount() >= 1);
        QTRY_VERIFY(outages->summaryText().contains(QStringLiteral("downtime in total")));
        QCOMPARE(w->tabs()->tabText(1), QStringLiteral("Outage history"));

        QVERIFY(Language::apply(QStringLiteral("zh_CN")));
        QTRY_COMPARE(w->tabs()->tabText(1), QStringLiteral("离线记录"));
        QTRY_VERIFY2(outages->summaryText().contains(QStringLiteral("累计离线")),
                     qPrintable(outages->summaryText()));
        QCOMPARE(QLocale().language(), QLocale::Chinese);

        QVERIFY(Language::apply(QStringLiteral("en")));
        QTRY_COMPARE(w->tabs()->tabText(1), QStringLiteral("Outage history"));
        QTRY_VERIFY(outages->summaryText().contains(QStringLiteral("downtime in total")));
    }

    // The export writes every matching outage from the engine thread, and says when it cannot.
    void outageExportWritesTheLog()
    {
        WindowApp demo;
        MainWindow *w = demo.window();
        OutagePanel *outages = showOutageHistory(w);
        QTRY_VERIFY(outages->model()->rowCount() >= 1);

        QSignalSpy exported(outages, &OutagePanel::exported);
        const QString path = m_dir.filePath(QStringLiteral("outages.csv"));
        outages->exportCsv(path);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toString(), QString());
        const int written = exported.first().at(0).toInt();
        QVERIFY(written >= outages->model()->rowCount());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(
            lines.value(0),
            QStringLiteral(
                "worker,went_offline_utc,came_back_utc,duration_s,kind,depth_percent,account"));
        QCOMPARE(lines.size(), written + 1);
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("rig-")), qPrintable(lines.value(1)));

        exported.clear();
        outages->exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/outages.csv")));
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().at(1).toString().startsWith(QStringLiteral("Cannot write")),
                 qPrintable(exported.first().at(1).toString()));
    }

    void settingsDialogValidatesTestsAndSaves()
    {
        ManualClock clock;
        sim::SimFarm farm(&clock);
        sim::SimFarm::Options fo;
        fo.user = QStringLiteral("acmefarm");
        fo.secret = QStringLiteral("pool-secret-1234");
        fo.token = kToken;
        QVERIFY2(farm.start(fo), qPrintable(farm.errorString()));

        auto secrets = std::make_unique<MemorySecretStore>();
        MemorySecretStore *store = secrets.get();
        AppController app(windowOptions({}, &clock), std::move(secrets));
        app.start();
        QTRY_COMPARE(app.window()->workersPanel()->model()->rowCount(), 48); // the demo

        QSignalSpy opened(&app, &AppController::settingsDialogOpened);
        app.openSettings();
        QTRY_COMPARE(opened.size(), 1);
        SettingsDialog *d = app.settingsDialog();
        QVERIFY(d && d->isVisible());
        Ui::SettingsDialog *ui = d->ui();
        QPushButton *save = ui->buttons->button(QDialogButtonBox::Save);

        // Point the Telegram fields at the simulated Bot API before typing.
        GuiSettings base = d->settings();
        base.telegram.url = farm.telegramUrl();
        d->setSettings(base);

        ui->addAccount->click();
        ui->user->setText(QStringLiteral("Acme Farm")); // invalid: caps and a space
        QVERIFY(ui->validation->text().contains(QStringLiteral("lowercase")));
        QVERIFY(!save->isEnabled());
        ui->user->setText(QStringLiteral("acmefarm"));
        ui->poolUrl->setText(farm.poolUrl().toString());
        QVERIFY(ui->validation->text().contains(QStringLiteral("API token")));
        // The legacy API needs no token: switching the provider rechecks at once, both ways.
        ui->provider->setCurrentIndex(ui->provider->findData(int(PoolProvider::F2poolV1)));
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));
        QVERIFY(save->isEnabled());
        ui->provider->setCurrentIndex(ui->provider->findData(int(PoolProvider::F2poolV2)));
        QVERIFY(ui->validation->text().contains(QStringLiteral("API token")));
        QVERIFY(!save->isEnabled());
        ui->secret->setText(QStringLiteral("pool-secret-1234"));
        QTRY_VERIFY(ui->validation->text().isEmpty());
        QVERIFY(save->isEnabled());

        ui->testConnection->click();
        QTRY_VERIFY(ui->connectionResult->text().contains(QStringLiteral("found 36 workers")));

        ui->botToken->setText(kToken);
        ui->chat->setText(QStringLiteral("-1001234567890"));
        ui->sendTest->click();
        QTRY_VERIFY(ui->sendTest->isEnabled());
        QVERIFY2(ui->telegramResult->text().contains(QStringLiteral("posted a test message")) &&
                     ui->telegramResult->text().contains(QStringLiteral("deleted it")),
                 qPrintable(ui->telegramResult->text()));
        QVERIFY(!ui->telegramResult->text().contains(kToken)); // never shows the token

        save->click();
        QTRY_VERIFY(!app.settingsDialog());
        // Tokens went to the SecretStore, not to QSettings.
        QVERIFY(store->contains(QStringLiteral("pool/acmefarm/bitcoin")));
        QVERIFY(store->contains(QStringLiteral("telegram/bot-token")));
        QSettings qs;
        for (const QString &k : qs.allKeys())
            QVERIFY2(!qs.value(k).toString().contains(QStringLiteral("pool-secret")),
                     qPrintable(k));

        // The app now watches the configured account: no longer the demo.
        QVERIFY(!app.isDemo());
        QTRY_VERIFY(!app.window()->windowTitle().contains(QStringLiteral("DEMO")));
        QTRY_VERIFY(app.window()->windowTitle().contains(QStringLiteral("acmefarm")));
        QTRY_COMPARE(app.window()->workersPanel()->model()->rowCount(), 36);
        QVERIFY(farm.pool()->requestCount(QStringLiteral("/v2/hash_rate/worker/list")) >= 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
