// The tray's alert pause across a restart of the app (docs/fault-matrix.md, "restart while
// paused"): each restart is a fresh TrayController on the same settings file, with the clock
// moved by hand. What counts is what the operator sees: isPaused(), the tooltip and the menu.
#include "guisettings.h"
#include "traycontroller.h"

#include "clock.h"

#include <QAction>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {
constexpr qint64 kHour = 3600;
const auto kPauseKey = QStringLiteral("alerts/pausedUntil");

FarmSummary someSummary()
{
    FarmSummary s;
    s.level = FarmSummary::Warning;
    s.online = 9;
    s.total = 10;
    s.hashRate = 9e14;
    s.lastSuccessAt = 1'767'225'600;
    return s;
}
} // namespace

class TestTrayPause : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;

    QString file() const { return m_dir->filePath(QStringLiteral("rigwatch.ini")); }
    // A start of the app: a new controller on the same settings file.
    std::unique_ptr<TrayController> start()
    {
        return std::make_unique<TrayController>(
            std::make_unique<QSettings>(file(), QSettings::IniFormat), &m_clock);
    }
    QVariant stored() const
    {
        QSettings s(file(), QSettings::IniFormat);
        return s.value(kPauseKey);
    }
    static QMenu *pauseMenu(const TrayController &tray)
    {
        for (QAction *a : tray.menu()->actions())
            if (a->menu())
                return a->menu();
        return nullptr;
    }
    // The disabled first line of the pause menu ("Alerts are paused until 04:00").
    static QString pauseNote(const TrayController &tray)
    {
        QMenu *m = pauseMenu(tray);
        return m ? m->actions().first()->text() : QString();
    }
    static QAction *resumeAction(const TrayController &tray)
    {
        QMenu *m = pauseMenu(tray);
        return m ? m->actions().last() : nullptr;
    }
    // as the menu and the tooltip write it in this locale ("04:00", "04:00:00" in C)
    static QString shownTime(qint64 ms)
    {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
    }
    static void verifyShownAsPaused(const TrayController &tray, const QString &until)
    {
        QVERIFY(tray.isPaused());
        QCOMPARE(pauseMenu(tray)->title(), QStringLiteral("Pause alerts (paused)"));
        QCOMPARE(pauseNote(tray), QStringLiteral("Alerts are paused until ") + until);
        QVERIFY(resumeAction(tray)->isEnabled());
        QVERIFY2(tray.toolTip().contains(QStringLiteral("Alerts paused until ") + until),
                 qPrintable(tray.toolTip()));
    }
    static void verifyShownAsOn(const TrayController &tray)
    {
        QVERIFY(!tray.isPaused());
        QCOMPARE(tray.pausedUntilMs(), 0);
        QCOMPARE(pauseMenu(tray)->title(), QStringLiteral("Pause alerts"));
        QCOMPARE(pauseNote(tray), QStringLiteral("Alerts are on"));
        QVERIFY(!resumeAction(tray)->isEnabled());
        QVERIFY2(!tray.toolTip().contains(QStringLiteral("paused")), qPrintable(tray.toolTip()));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock.setMs(1'767'225'600'000); // 2026-01-01 00:00 UTC
    }

    void pauseSurvivesRestart()
    {
        qint64 until = 0;
        {
            auto tray = start();
            QSignalSpy changed(tray.get(), &TrayController::pausedChanged);
            tray->pauseFor(4 * kHour);
            until = tray->pausedUntilMs();
            QCOMPARE(until, m_clock.nowMs() + 4 * kHour * 1000);
            QCOMPARE(changed.size(), 1);
            tray->setSummary(someSummary());
        } // the app quits (or is killed: the pause was written when it was set)
        m_clock.advanceSecs(kHour);
        auto tray = start();
        QSignalSpy changed(tray.get(), &TrayController::pausedChanged);
        QCOMPARE(tray->pausedUntilMs(), until); // the same end, not 4 h from the restart
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(until).time(), QTime(4, 0)); // TZ=UTC
        verifyShownAsPaused(*tray, shownTime(until));
        tray->setSummary(someSummary()); // the first poll after the restart does not end it
        QVERIFY(tray->isPaused());
        QCOMPARE(changed.size(), 0);
    }

    void pauseOverWhileDownIsOver()
    {
        start()->pauseFor(kHour);
        QVERIFY(stored().isValid());
        m_clock.advanceSecs(kHour + 1);
        auto tray = start();
        verifyShownAsOn(*tray);
        QVERIFY2(!stored().isValid(), "an expired pause is dropped from the settings");
        // and it stays over on the next start, even if the clock goes back a little
        tray.reset();
        m_clock.advanceSecs(-120);
        verifyShownAsOn(*start());
    }

    void untilResumedSurvives()
    {
        start()->pauseFor(0);
        QCOMPARE(stored().toString(), QStringLiteral("until-resumed"));
        m_clock.advanceSecs(30 * 24 * kHour); // a month later, a reboot
        auto tray = start();
        QVERIFY(tray->isPaused());
        QCOMPARE(tray->pausedUntilMs(), -1);
        QCOMPARE(pauseNote(*tray), QStringLiteral("Alerts are paused until resumed"));
        QCOMPARE(pauseMenu(*tray)->title(), QStringLiteral("Pause alerts (paused)"));
        QVERIFY(tray->toolTip().contains(QStringLiteral("Alerts paused until resumed")));
        tray->setSummary(someSummary());
        QVERIFY(tray->isPaused());
    }

    void resumeClearsIt()
    {
        {
            auto tray = start();
            tray->pauseFor(4 * kHour);
            QSignalSpy changed(tray.get(), &TrayController::pausedChanged);
            resumeAction(*tray)->trigger(); // the menu's "Resume alerts"
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.first().first().toBool(), false);
            verifyShownAsOn(*tray);
        }
        QVERIFY(!stored().isValid());
        verifyShownAsOn(*start());

        start()->pauseFor(0);
        start()->resume(); // "until resumed", resumed after a restart
        verifyShownAsOn(*start());
    }

    // The pause ends on the wall clock while the app runs, also when a suspended machine held
    // the timer back: the next poll's summary ends it.
    void pauseEndsOnTheClock()
    {
        auto tray = start();
        tray->pauseFor(30 * 60);
        QSignalSpy changed(tray.get(), &TrayController::pausedChanged);
        m_clock.advanceSecs(29 * 60);
        tray->setSummary(someSummary());
        QVERIFY(tray->isPaused());
        m_clock.advanceSecs(60);
        tray->setSummary(someSummary());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toBool(), false);
        verifyShownAsOn(*tray);
        QVERIFY(!stored().isValid());
    }

    // A /mute from Telegram is the engine's mute, the same state as this pause: the tray shows
    // who set it and until when, and "Resume alerts" ends it (pausedChanged(false) unmutes).
    void aTelegramMuteShowsAndResumeEndsIt()
    {
        auto tray = start();
        QSignalSpy changed(tray.get(), &TrayController::pausedChanged);
        const qint64 until = m_clock.nowMs() + 2 * kHour * 1000;
        tray->setEngineMute(true, until, QStringLiteral("@bob"));
        QVERIFY(tray->isPaused());
        QCOMPARE(pauseNote(*tray),
                 QStringLiteral("Alerts muted by @bob until ") + shownTime(until));
        QVERIFY(resumeAction(*tray)->isEnabled());
        resumeAction(*tray)->trigger();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toBool(), false);
        verifyShownAsOn(*tray);
        // the engine echoing this tray's own pause is not shown as someone else's
        tray->setEngineMute(true, 0, QStringLiteral("tray"));
        verifyShownAsOn(*tray);
        // and a mute that ran out is over
        tray->setEngineMute(true, m_clock.nowMs() + 1000, QStringLiteral("@bob"));
        m_clock.advanceSecs(2);
        QVERIFY(!tray->isPaused());
    }

    // Saving the settings dialog rewrites the settings; it must not end (or revive) a pause.
    void savingSettingsKeepsThePause()
    {
        start()->pauseFor(kHour);
        const qint64 until = m_clock.nowMs() + kHour * 1000;
        {
            QSettings qs(file(), QSettings::IniFormat);
            GuiSettings g = GuiSettings::load(qs);
            g.redOfflinePercent = 30;
            g.save(qs);
        }
        QCOMPARE(start()->pausedUntilMs(), until);
    }

    void strangeValuesMeanNotPaused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("garbage") << QStringLiteral("tomorrow");
        QTest::newRow("negative") << QStringLiteral("-5");
        QTest::newRow("a month ahead")
            << QString::number(1'767'225'600'000 + 30LL * 24 * 3600 * 1000);
    }
    void strangeValuesMeanNotPaused()
    {
        QFETCH(QString, value);
        {
            QSettings s(file(), QSettings::IniFormat);
            s.setValue(kPauseKey, value);
        }
        QSettings s(file(), QSettings::IniFormat);
        QCOMPARE(GuiSettings::loadAlertPause(s, m_clock.nowMs()), 0);
        verifyShownAsOn(*start());
    }
};

QTEST_MAIN(TestTrayPause)
#include "tst_traypause.moc"
