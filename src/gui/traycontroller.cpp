#include "traycontroller.h"

#include "guilogging.h"
#include "guisettings.h"

#include <QAction>
#include <QDateTime>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

namespace rw {

namespace {
constexpr qint64 kPauseCheckMs = 60'000;
} // namespace

TrayController::TrayController(std::unique_ptr<QSettings> settings, const Clock *clock,
                               QObject *parent)
    : QObject(parent), m_store(settings ? std::move(settings) : std::make_unique<QSettings>()),
      m_clock(clock ? clock : SystemClock::instance())
{
    m_menu = new QMenu;
    m_pauseTimer.setSingleShot(true);
    connect(&m_pauseTimer, &QTimer::timeout, this, [this] {
        if (pauseIsOver())
            resume();
        else
            armPauseTimer();
    });
    // A pause set before a restart goes on until its end; one that ended meanwhile is over.
    m_pausedUntilMs = GuiSettings::loadAlertPause(*m_store, m_clock->nowMs());
    if (m_pausedUntilMs != 0)
        qCInfo(lcGui) << "alerts stay paused"
                      << (m_pausedUntilMs < 0
                              ? QStringLiteral("until resumed")
                              : QStringLiteral("until %1")
                                    .arg(QDateTime::fromMSecsSinceEpoch(m_pausedUntilMs)
                                             .toString(Qt::ISODate)));
    else
        GuiSettings::saveAlertPause(*m_store, 0); // drop a pause that is over
    armPauseTimer();
    buildMenu();
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, &TrayController::refresh);
    if (systemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason r) {
                    if (r == QSystemTrayIcon::Trigger)
                        emit toggleWindowRequested();
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::openRequested);
        m_tick.start();
    }
    refresh();
    if (m_tray)
        m_tray->show();
}

TrayController::~TrayController()
{
    delete m_menu; // a context menu has no parent widget
}

bool TrayController::systemTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::buildMenu()
{
    m_open = m_menu->addAction(QString());
    connect(m_open, &QAction::triggered, this, &TrayController::openRequested);
    m_refresh = m_menu->addAction(QString());
    connect(m_refresh, &QAction::triggered, this, &TrayController::refreshRequested);
    m_pauseMenu = m_menu->addMenu(QString());
    m_pausedNote = m_pauseMenu->addAction(QString());
    m_pausedNote->setEnabled(false);
    m_pauseMenu->addSeparator();
    m_pause30 = m_pauseMenu->addAction(QString());
    connect(m_pause30, &QAction::triggered, this, [this] { pauseFor(30 * 60); });
    m_pause1h = m_pauseMenu->addAction(QString());
    connect(m_pause1h, &QAction::triggered, this, [this] { pauseFor(3600); });
    m_pause4h = m_pauseMenu->addAction(QString());
    connect(m_pause4h, &QAction::triggered, this, [this] { pauseFor(4 * 3600); });
    m_pauseForever = m_pauseMenu->addAction(QString());
    connect(m_pauseForever, &QAction::triggered, this, [this] { pauseFor(0); });
    m_pauseMenu->addSeparator();
    m_resume = m_pauseMenu->addAction(QString());
    connect(m_resume, &QAction::triggered, this, &TrayController::resume);
    m_menu->addSeparator();
    m_settings = m_menu->addAction(QString());
    connect(m_settings, &QAction::triggered, this, &TrayController::settingsRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString());
    connect(m_quit, &QAction::triggered, this, &TrayController::quitRequested);
    retranslate();
}

void TrayController::retranslate()
{
    m_open->setText(tr("Open RigWatch"));
    m_refresh->setText(tr("Refresh now"));
    m_pause30->setText(tr("For 30 minutes"));
    m_pause1h->setText(tr("For 1 hour"));
    m_pause4h->setText(tr("For 4 hours"));
    m_pauseForever->setText(tr("Until resumed"));
    m_resume->setText(tr("Resume alerts"));
    m_settings->setText(tr("Settings…"));
    m_quit->setText(tr("Quit"));
    refresh();
}

void TrayController::setSummary(const FarmSummary &summary)
{
    m_summary = summary;
    if (pauseIsOver()) // every poll checks the wall clock too, whatever the timer did
        resume();
    refresh();
}

QString TrayController::toolTip() const
{
    const QString tip = m_summary.tooltip(m_clock->nowSecs(), m_pausedUntilMs, m_demo);
    return m_pausedUntilMs == 0 && engineMuted() ? tip + QLatin1Char('\n') + engineMuteText() : tip;
}

QString TrayController::engineMuteText() const
{
    if (m_engineMuteUntilMs == 0)
        return tr("Alerts muted by %1 until resumed").arg(m_engineMuteBy);
    return tr("Alerts muted by %1 until %2")
        .arg(m_engineMuteBy,
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_engineMuteUntilMs).time(),
                                QLocale::ShortFormat));
}

void TrayController::setDemo(bool demo)
{
    m_demo = demo;
    refresh();
}

void TrayController::refresh()
{
    const bool paused = isPaused();
    if (m_pausedUntilMs == 0 && engineMuted())
        m_pausedNote->setText(engineMuteText());
    else if (m_pausedUntilMs < 0)
        m_pausedNote->setText(tr("Alerts are paused until resumed"));
    else if (paused)
        m_pausedNote->setText(
            tr("Alerts are paused until %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_pausedUntilMs).time(),
                                        QLocale::ShortFormat)));
    else
        m_pausedNote->setText(tr("Alerts are on"));
    m_pauseMenu->setTitle(paused ? tr("Pause alerts (paused)") : tr("Pause alerts"));
    m_resume->setEnabled(paused);
    if (!m_tray)
        return;
    const QString icon = m_summary.iconPath(paused);
    if (icon != m_iconPath) {
        m_iconPath = icon;
        m_tray->setIcon(QIcon(icon));
    }
    m_tray->setToolTip(toolTip());
}

void TrayController::showAlert(const QString &title, const QString &text, int severity)
{
    if (!m_tray || isPaused())
        return;
    const auto icon = severity >= 2   ? QSystemTrayIcon::Critical
                      : severity == 1 ? QSystemTrayIcon::Warning
                                      : QSystemTrayIcon::Information;
    m_tray->showMessage(title, text, icon, 10'000);
}

void TrayController::showHideHint()
{
    const auto key = QStringLiteral("ui/hideHintShown");
    if (!m_tray || m_store->value(key, false).toBool())
        return;
    m_store->setValue(key, true);
    m_tray->showMessage(tr("RigWatch is still running"),
                        tr("RigWatch keeps watching the farm from the tray. Use Quit in the tray "
                           "menu to stop it."),
                        QSystemTrayIcon::Information, 8000);
}

void TrayController::pauseFor(qint64 secs)
{
    const bool was = m_pausedUntilMs != 0; // a mute from Telegram is replaced by this pause
    setPausedUntil(secs <= 0 ? -1 : m_clock->nowMs() + secs * 1000);
    refresh();
    if (!was)
        emit pausedChanged(true);
    emit pauseEndChanged(m_pausedUntilMs);
}

bool TrayController::engineMuted() const
{
    return m_engineMuted && m_engineMuteBy != QLatin1String("tray") &&
           (m_engineMuteUntilMs == 0 || m_clock->nowMs() < m_engineMuteUntilMs);
}

void TrayController::setEngineMute(bool muted, qint64 untilMs, const QString &by)
{
    m_engineMuted = muted;
    m_engineMuteUntilMs = untilMs;
    m_engineMuteBy = by;
    // The engine ends this tray's pause on the same clock: ended there, it is over here too.
    if (!muted && pauseIsOver())
        resume();
    refresh();
}

void TrayController::resume()
{
    if (!isPaused())
        return;
    m_engineMuted = false; // the engine ends its mute too: pausedChanged(false) unmutes it
    setPausedUntil(0);
    refresh();
    emit pausedChanged(false);
}

void TrayController::setPausedUntil(qint64 untilMs)
{
    m_pausedUntilMs = untilMs;
    GuiSettings::saveAlertPause(*m_store, untilMs);
    armPauseTimer();
}

void TrayController::armPauseTimer()
{
    if (m_pausedUntilMs <= 0) {
        m_pauseTimer.stop();
        return;
    }
    const qint64 left = std::max<qint64>(0, m_pausedUntilMs - m_clock->nowMs());
    m_pauseTimer.start(int(std::min(left, kPauseCheckMs)));
}

bool TrayController::pauseIsOver() const
{
    return m_pausedUntilMs > 0 && m_clock->nowMs() >= m_pausedUntilMs;
}

} // namespace rw
