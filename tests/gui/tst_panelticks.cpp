// The window's once-a-second ticks: the worker table's "offline for" and the status bar's
// "ago"/"next poll in" only wake the GUI thread while they are on screen (not in the tray) and,
// for the table, while some worker is down; the status bar keeps counting while shown without
// cutting its text short.
#include "statuspanel.h"
#include "workerspanel.h"

#include "clock.h"
#include "workerviews.h"

#include <QDateTime>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using namespace rw::test;

class TestPanelTicks : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The worker panel reads its column layout from the settings: not the tester's own.
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("RigWatchTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }

    void panelTicksOnlyWhileShownWithWorkersDown()
    {
        ManualClock clock(kNow * 1000);
        QWidget window;
        auto *panel = new WorkersPanel(&clock, &window);
        window.resize(900, 500);
        AccountView v = farm(50);
        panel->applyView(v);
        QVERIFY(!panel->isTicking()); // not on screen
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!panel->isTicking()); // every worker online: nothing counts up
        v.added.clear();
        v.changed = {rigName(3)};
        v.workers.insert(rigName(3), down(WorkerStatus::Offline, kNow - 900));
        panel->applyView(v);
        QVERIFY(panel->isTicking());
        window.hide(); // to the tray
        QVERIFY(!panel->isTicking());
        window.show();
        QVERIFY(panel->isTicking());
        v.workers.insert(rigName(3), online(1e12));
        panel->applyView(v);
        QVERIFY(!panel->isTicking());
    }

    void statusTicksOnlyWhileShown()
    {
        ManualClock clock(kNow * 1000);
        QWidget window;
        auto *status = new StatusPanel(&clock, &window);
        AccountView v = farm(3);
        v.lastPollOk = true;
        v.state.lastSuccessAt = kNow - 5;
        v.nextPollAtMs = (kNow + 60) * 1000;
        status->setView(v);
        QVERIFY(!status->isTicking());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(status->isTicking());
        QVERIFY2(status->text().contains(QStringLiteral("(5 s ago) · next poll in 1 min")),
                 qPrintable(status->text()));
        // Shown, it keeps counting on its clock, with no new poll: on the next tick the text
        // catches up with the time the clock moved to.
        clock.advanceSecs(2);
        QTRY_VERIFY2(status->text().contains(QStringLiteral("(7 s ago) · next poll in 58 s")),
                     qPrintable(status->text()));
        window.hide();
        QVERIFY(!status->isTicking());
        clock.advanceSecs(10);
        window.show(); // back from the tray: up to date at once, and counting again
        QVERIFY2(status->text().contains(QStringLiteral("(17 s ago) · next poll in 48 s")),
                 qPrintable(status->text()));
        QVERIFY(status->isTicking());
    }

    // The last successful poll's local time, worked out once per poll: a new poll shows its own.
    void statusShowsEachPollsTime()
    {
        const qint64 now = 1'767'225'600; // the panel counts "ago" on the clock it is given
        ManualClock clock(now * 1000);
        QWidget window;
        auto *status = new StatusPanel(&clock, &window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto shownTime = [](qint64 secs) {
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime().time(),
                                      QLocale::ShortFormat);
        };
        AccountView v = farm(3);
        v.lastPollOk = true;
        const QStringList ago{QStringLiteral("2 h"), QStringLiteral("1 h"), QStringLiteral("5 s")};
        int i = 0;
        for (const qint64 at : {now - 7200, now - 3600, now - 5}) {
            v.state.lastSuccessAt = at;
            status->setView(v);
            QVERIFY2(status->text().contains(QStringLiteral("Last successful poll ") +
                                             shownTime(at) + QStringLiteral(" (") + ago.at(i++)),
                     qPrintable(status->text()));
        }
    }

    void statusTextIsNeverCutShort()
    {
        QWidget window;
        ManualClock clock(kNow * 1000);
        auto *status = new StatusPanel(&clock, &window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *poll = status->findChild<QLabel *>(QStringLiteral("pollStatus"));
        QVERIFY(poll);
        for (const QString &message :
             {QStringLiteral("Starting…"),
              QStringLiteral("The history database could not be opened: disk I/O error while "
                             "reading the write-ahead log"),
              QStringLiteral("Short")}) {
            status->setMessage(message);
            QCoreApplication::processEvents();
            QCOMPARE(poll->text(), message);
            QVERIFY(poll->width() >= poll->fontMetrics().horizontalAdvance(message));
            QVERIFY(poll->height() >= poll->fontMetrics().height());
        }
        // Shrinking a lot gives the room back.
        QVERIFY(poll->width() < poll->fontMetrics().horizontalAdvance(QStringLiteral("x")) * 40);
    }
};

QTEST_MAIN(TestPanelTicks)
#include "tst_panelticks.moc"
