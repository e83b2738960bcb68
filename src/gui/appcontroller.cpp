#include "appcontroller.h"

#include "alertcoalescer.h"
#include "autostart.h"
#include "enginehost.h"
#include "farmsummary.h"
#include "guilogging.h"
#include "language.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "traycontroller.h"

#include "clock.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace rw {

AppController::AppController(const Options &options, std::unique_ptr<SecretStore> secrets,
                             QObject *parent)
    : QObject(parent), m_options(options), m_secrets(std::move(secrets)),
      m_host(std::make_unique<EngineHost>(options.clock)), m_alerts(new AlertCoalescer(this))
{
    qRegisterMetaType<rw::SettingsDialog *>();
    QSettings qs;
    m_settings = GuiSettings::load(qs);
    Language::apply(m_settings.language);

    m_window = std::make_unique<MainWindow>(m_host.get(), m_host->clock());
    m_window->setCloseHidesToTray(false);
    QApplication::setQuitOnLastWindowClosed(true);

    connect(m_host.get(), &EngineHost::started, this, &AppController::onStarted);
    connect(m_host.get(), &EngineHost::failed, this, [this](const QString &msg) {
        m_window->showNotice(tr("The engine could not start: %1").arg(msg));
        m_window->setStatusMessage(msg);
    });
    connect(m_host.get(), &EngineHost::storageError, this, [this](const QString &msg) {
        m_window->showNotice(tr("The history database reported a problem: %1").arg(msg));
    });
    connect(m_host.get(), &EngineHost::telegramProblem, this,
            [this](const QString &msg) { m_window->showNotice(tr("Telegram: %1").arg(msg)); });
    connect(m_host.get(), &EngineHost::accountUpdated, this, &AppController::onView);
    connect(m_host.get(), &EngineHost::eventsHappened, this, &AppController::onEvents);
    // One mute: whoever set it (a /mute from Telegram, this tray), the desktop's pop-ups hold too.
    connect(m_host.get(), &EngineHost::muteChanged, this,
            [this](bool muted, qint64, const QString &) {
                m_engineMuted = muted;
                updateAlertPause();
            });

    if (m_options.useTray && trayAvailable())
        attachTray();
    else if (m_options.useTray)
        watchForTray();
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppController::openSettings);
    connect(m_window.get(), &MainWindow::refreshRequested, m_host.get(), &EngineHost::refreshNow);
    connect(m_window.get(), &MainWindow::quitRequested, this, &AppController::quit);
}

bool AppController::trayAvailable() const
{
    return m_options.trayAvailable ? m_options.trayAvailable()
                                   : TrayController::systemTrayAvailable();
}

void AppController::attachTray()
{
    m_tray = std::make_unique<TrayController>(nullptr, m_host->clock());
    m_window->setCloseHidesToTray(true);
    QApplication::setQuitOnLastWindowClosed(false);
    connect(m_window.get(), &MainWindow::hiddenToTray, m_tray.get(), &TrayController::showHideHint);
    connect(m_tray.get(), &TrayController::toggleWindowRequested, this,
            &AppController::toggleWindow);
    connect(m_tray.get(), &TrayController::openRequested, this, &AppController::raiseWindow);
    connect(m_tray.get(), &TrayController::refreshRequested, m_host.get(), &EngineHost::refreshNow);
    connect(m_tray.get(), &TrayController::settingsRequested, this, &AppController::openSettings);
    connect(m_tray.get(), &TrayController::quitRequested, this, &AppController::quit);
    connect(m_tray.get(), &TrayController::pausedChanged, this, &AppController::onPausedChanged);
    // A new end for a pause already running: /status and /metrics show the tray's end.
    connect(m_tray.get(), &TrayController::pauseEndChanged, this, [this](qint64 untilMs) {
        m_host->setAlertsPaused(true, std::max<qint64>(0, untilMs));
    });
    // One mute: a /mute from Telegram shows in the tray, and "Resume alerts" ends it.
    connect(m_host.get(), &EngineHost::muteChanged, m_tray.get(), &TrayController::setEngineMute);
    connect(m_alerts, &AlertCoalescer::alert, m_tray.get(),
            [this](const QString &title, const QString &text, AlertCoalescer::Severity sev) {
                m_tray->showAlert(title, text, int(sev));
            });
    // A pause restored from the last run holds from the first poll: the engine starts
    // paused, so nothing it held back is posted just because the app restarted.
    if (m_tray->isPaused())
        onPausedChanged(true);
}

void AppController::watchForTray()
{
    qCWarning(lcGui) << "no system tray available: running as a normal window";
    m_window->showNotice(tr("No system tray was found on this desktop: RigWatch runs as a "
                            "normal window, and closing it quits."));
    // Started with the session, RigWatch may come up before the desktop's panel: keep looking
    // for a while, and move into the tray when it appears.
    auto *retry = new QTimer(this);
    retry->setInterval(m_options.trayRetryMs);
    const int attempts = qMax(1, kTrayWaitMs / qMax(1, m_options.trayRetryMs));
    connect(retry, &QTimer::timeout, this, [this, retry, attempts, tries = 0]() mutable {
        if (trayAvailable()) {
            retry->stop();
            retry->deleteLater();
            qCInfo(lcGui) << "a system tray appeared: RigWatch lives there now";
            attachTray();
            m_tray->setDemo(m_demo);
            updateTray();
            m_window->showNotice(tr("The system tray is available now: closing the window "
                                    "keeps RigWatch running there."));
        } else if (++tries >= attempts) {
            retry->stop();
            retry->deleteLater();
        }
    });
    retry->start();
}

AppController::~AppController()
{
    if (m_window)
        m_window->saveLayout();
    m_host->stop();
}

void AppController::start()
{
    startEngine();
    if (!(m_options.minimized && m_tray))
        m_window->show();
}

void AppController::startEngine()
{
    m_demo = m_options.demo || !m_settings.isConfigured();
    m_views.clear();
    m_alerts->setLanguage(m_settings.language); // the balloons speak like the channel
    m_window->setDemo(m_demo);
    m_window->setStatusMessage(tr("Starting…"));
    if (m_tray)
        m_tray->setDemo(m_demo);
    updateTray();
    if (m_demo) {
        qCInfo(lcGui) << "no account configured or --demo: watching the simulated farm";
        DaemonConfig demo; // the farm's own; only the language of its messages is ours
        demo.telegram.language = m_settings.language;
        m_host->start(demo, true);
        return;
    }
    // Tokens come from the keychain asynchronously; the engine starts when they are in.
    loadSecrets(m_secrets.get(), m_settings, this,
                [this](const GuiSettings &filled, const QStringList &errors) {
                    for (const QString &e : errors)
                        m_window->showNotice(e);
                    m_host->start(filled.toDaemonConfig(), false);
                });
}

void AppController::onStarted()
{
    m_window->setAccounts(m_host->accounts());
    m_window->setGroups(m_host->groups());
    m_window->setTelegramEnabled(m_host->telegramEnabled());
}

void AppController::onView(const AccountView &view)
{
    m_views.insert(view.key, view.withoutWorkers()); // for the tray's summary
    m_alerts->setIncident(view.key, view.displayName, view.incident);
    m_window->applyView(view);
    updateTray();
}

void AppController::onEvents(const QString &key, const QVector<Event> &events)
{
    m_alerts->add(key, events);
}

void AppController::updateTray()
{
    if (m_tray)
        m_tray->setSummary(traySummary());
}

FarmSummary AppController::traySummary() const
{
    const bool watching = m_demo || m_settings.isConfigured();
    FarmSummary shown =
        watching ? FarmSummary::of(m_views.values().toVector(), m_settings.redOfflinePercent)
                 : FarmSummary();
    if (m_views.isEmpty() && watching)
        shown.level = FarmSummary::Waiting;
    // Nothing configured: the window shows the simulated farm to explore, but the tray, the
    // glance an operator trusts, says "not configured" in grey, not the demo rigs' colours.
    // (Asked for with --demo, the tray shows the demo farm's state like a real one.)
    if (!m_options.demo && !m_settings.isConfigured())
        shown.level = FarmSummary::NotConfigured;
    return shown;
}

void AppController::updateAlertPause()
{
    m_alerts->setPaused(m_engineMuted || (m_tray && m_tray->pausedUntilMs() != 0));
}

void AppController::onPausedChanged(bool paused)
{
    // The tray's end (clock ms; -1 until resumed) is the engine's too: one state, one end.
    const qint64 until = paused && m_tray ? std::max<qint64>(0, m_tray->pausedUntilMs()) : 0;
    m_host->setAlertsPaused(paused, until);
    if (!paused)
        m_engineMuted = false; // Resume ends the engine's mute, whoever set it
    updateAlertPause();
    if (paused || !m_tray)
        return;
    // Resuming: say once what stands now, since the alerts for it were swallowed.
    const FarmSummary s =
        FarmSummary::of(m_views.values().toVector(), m_settings.redOfflinePercent);
    if (s.level == FarmSummary::Warning || s.level == FarmSummary::Alert ||
        s.level == FarmSummary::Unreachable)
        m_tray->showAlert(tr("Alerts resumed"),
                          tr("%1 of %2 workers online. %3")
                              .arg(s.online)
                              .arg(s.total)
                              .arg(FarmSummary::levelText(s.level)),
                          s.level == FarmSummary::Alert ? 2 : 1);
}

void AppController::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized())
        m_window->hide();
    else
        raiseWindow();
}

void AppController::raiseWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void AppController::openSettings()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_host.get(), m_secrets.get(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &SettingsDialog::saved, this, &AppController::applySettings);
    loadSecrets(m_secrets.get(), m_settings, dialog,
                [this, dialog](const GuiSettings &filled, const QStringList &errors) {
                    GuiSettings s = filled;
                    s.startOnLogin = Autostart::isEnabled();
                    dialog->setSettings(s);
                    for (const QString &e : errors)
                        m_window->showNotice(e);
                    dialog->open();
                    emit settingsDialogOpened(dialog);
                });
}

SettingsDialog *AppController::settingsDialog() const
{
    return m_dialog;
}

void AppController::applySettings(const GuiSettings &settings)
{
    const bool languageChanged = settings.language != m_settings.language;
    m_options.demo = false; // saved settings are a deliberate choice: watch them
    m_settings = settings;
    m_settings.telegram.token.clear(); // the controller keeps no tokens; the keychain does
    for (AccountConfig &a : m_settings.accounts) {
        a.secret.clear();
        a.apiKey.clear();
    }
    if (languageChanged && !Language::apply(settings.language))
        m_window->showNotice(tr("The translation for %1 is missing from this build; RigWatch "
                                "stays in English.")
                                 .arg(settings.language));
    if (m_tray && languageChanged)
        m_tray->retranslate();
    QString error;
    if (settings.startOnLogin != Autostart::isEnabled() &&
        !Autostart::setEnabled(settings.startOnLogin, &error))
        m_window->showNotice(error);
    startEngine();
}

void AppController::quit()
{
    emit quitting();
    m_window->saveLayout();
    if (m_tray && m_tray->trayIcon())
        m_tray->trayIcon()->hide();
    m_host->stop();
    // exit(), not quit(): Qt 6's quit() first asks every window to close, and the main window
    // refuses while it hides to the tray, so a SIGTERM (logout, systemctl --user stop) would be
    // ignored until the session killed the app mid-write.
    QCoreApplication::exit(0);
}

} // namespace rw
