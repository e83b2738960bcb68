// The Reports tab end to end, offscreen: the demo farm's history, computed on the engine thread
// (a database query on the GUI thread stops the test), shown per account, group and worker,
// sorted by availability, and exported as CSV and PDF.
#include "appcontroller.h"
#include "availabilitymodel.h"
#include "clock.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "reportspanel.h"
#include "secretstore.h"

#include "report/reportwriter.h"

#include "store/store.h"

#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace rw;

class TestReportsPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Store::checkThreads(QThread::currentThread());
        QCoreApplication::setOrganizationName(QStringLiteral("RigWatchTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void demoReport()
    {
        ManualClock clock;
        AppController::Options opt;
        opt.useTray = false;
        opt.clock = &clock;
        AppController app(opt, std::make_unique<MemorySecretStore>());
        app.start(); // nothing configured: the demo farm
        MainWindow *w = app.window();
        QVERIFY(w);
        ReportsPanel *panel = w->findChild<ReportsPanel *>();
        QVERIFY(panel);
        QCOMPARE(w->tabs()->tabText(w->tabs()->indexOf(panel)), QStringLiteral("Reports"));
        // Wait for the first poll, then let an hour pass with another one.
        QSignalSpy updated(app.host(), &EngineHost::accountUpdated);
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1, 10000);
        clock.advanceSecs(3600);
        app.host()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 2, 10000);

        w->show();
        w->tabs()->setCurrentWidget(panel);
        QSignalSpy shown(panel, &ReportsPanel::shown);
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock.nowMs()).date();
        panel->setCustomPeriod(today, today);
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 1, 10000);
        AvailabilityModel *model = panel->model();
        const AvailabilityReport &report = model->report();
        QVERIFY(!report.accounts.isEmpty());
        AvailabilityFigures all;
        int workers = 0, csvRows = 1;
        for (const AccountAvailability &a : report.accounts) {
            all.add(a.figures);
            workers += a.workerCount;
            csvRows += 1 + int(a.groups.size()) + a.workerCount;
        }
        QVERIFY(workers > 0);
        QVERIFY(all.expectedSecs > 0);
        QVERIFY(panel->summaryText().contains(QStringLiteral("availability")));
        QVERIFY(panel->summaryText().contains(ReportText::availability(all)));

        // Per worker, sorted by availability (lowest first): the table shows the figures.
        model->setLevel(AvailabilityModel::Workers);
        QCOMPARE(model->rowCount(), workers);
        auto *view = panel->findChild<QTableView *>();
        view->sortByColumn(AvailabilityModel::Availability, Qt::AscendingOrder);
        const QAbstractItemModel *shownModel = view->model();
        double previous = -2;
        for (int r = 0; r < shownModel->rowCount(); ++r) {
            const double v = shownModel->index(r, AvailabilityModel::Availability)
                                 .data(AvailabilityModel::SortRole)
                                 .toDouble();
            QVERIFY(v >= previous);
            previous = v;
        }
        const QString firstCell =
            shownModel->index(0, AvailabilityModel::Availability).data().toString();
        QVERIFY(firstCell.endsWith(QStringLiteral(" %")) || firstCell == QStringLiteral("—"));
        if (!qEnvironmentVariableIsEmpty("RIGWATCH_SHOT"))
            w->grab().save(qEnvironmentVariable("RIGWATCH_SHOT"));

        // The exports, written on the engine thread.
        QSignalSpy exported(panel, &ReportsPanel::exported);
        const QString csv = m_dir.filePath(QStringLiteral("r.csv"));
        panel->exportTo(csv, false);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        QCOMPARE(exported.first().first().toString(), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("level,account,group,worker,"));
        QCOMPARE(text.count('\n'), csvRows);
        const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
        panel->exportTo(pdf, true);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 20000);
        QCOMPARE(exported.last().first().toString(), QString());
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        // A folder that does not exist: the error comes back, nothing is lost.
        panel->exportTo(m_dir.filePath(QStringLiteral("no/such/dir.csv")), false);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 3, 10000);
        QVERIFY(exported.last().first().toString().contains(QStringLiteral("no/such/dir.csv")));
    }
};

QTEST_MAIN(TestReportsPanel)
#include "tst_reportspanel.moc"
