#pragma once

#include "engine/accountview.h"
#include "farmsummary.h"
#include "guisettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace rw {

class Clock;

class AlertCoalescer;
class EngineHost;
class MainWindow;
class SecretStore;
class SettingsDialog;
class TrayController;

// Wires the desktop app together: settings and secrets in, the engine thread started (or the
// simulated farm when nothing is configured or --demo was given), the window, the tray and
// the native alerts fed from it, the settings dialog's result applied. main() only parses the
// command line and hands over.
class AppController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false;      // --demo: watch the simulated farm whatever is configured
        bool minimized = false; // --minimized: start in the tray (when there is one)
        bool useTray = true;    // tests switch the tray off
        // Whether the desktop has a system tray now (default: QSystemTrayIcon's answer); without
        // one at start, asked again every trayRetryMs for two minutes.
        std::function<bool()> trayAvailable;
        int trayRetryMs = 3000;
        const Clock *clock = nullptr; // "now" for the engine and every panel; nullptr: the system's
    };
    static constexpr int kTrayWaitMs = 120'000;

    AppController(const Options &options, std::unique_ptr<SecretStore> secrets,
                  QObject *parent = nullptr);
    ~AppController() override;

    void start();
    void raiseWindow();
    void quit();
    // Opens the settings dialog once the tokens are read (asynchronously); returns at once.
    void openSettings();

    MainWindow *window() const { return m_window.get(); }
    EngineHost *host() const { return m_host.get(); }
    TrayController *tray() const { return m_tray.get(); }
    // What the tray icon and tooltip show (also without a tray, for tests).
    FarmSummary traySummary() const;
    SettingsDialog *settingsDialog() const; // null when closed
    AlertCoalescer *alerts() const { return m_alerts; }
    bool isDemo() const { return m_demo; }

signals:
    void settingsDialogOpened(rw::SettingsDialog *dialog);
    void quitting();

private:
    bool trayAvailable() const;
    void attachTray();
    void watchForTray();
    void startEngine();
    void applySettings(const GuiSettings &settings);
    void onStarted();
    void onView(const AccountView &view);
    void onEvents(const QString &key, const QVector<Event> &events);
    void onPausedChanged(bool paused);
    void updateAlertPause(); // the pop-ups hold while the tray or the engine says muted
    void updateTray();
    void toggleWindow();

    Options m_options;
    std::unique_ptr<SecretStore> m_secrets;
    GuiSettings m_settings;
    bool m_demo = false;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    AlertCoalescer *m_alerts;
    QPointer<SettingsDialog> m_dialog;
    QHash<QString, AccountView> m_views;
    bool m_engineMuted = false; // a mute in force in the engine (MuteState), whoever set it
};

} // namespace rw
