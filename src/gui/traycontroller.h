#pragma once

#include "clock.h"
#include "farmsummary.h"

#include <QObject>
#include <QSettings>
#include <QTimer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace rw {

// The tray icon: the farm's state at a glance (icon shape + colour), the tooltip line, the
// menu (Open, Refresh now, Pause alerts, Settings…, Quit) and native notifications. Owns the
// alert pause (30 min, 1 h, 4 h, until resumed) and says so in the menu and the tooltip; the
// pause is kept in the settings, so a restart of the app (or a reboot) does not end it early.
// Without a system tray it stays inert and available() is false: the app then keeps its
// window open instead.
class TrayController : public QObject
{
    Q_OBJECT
public:
    // settings: where the pause outlives the process (null = the app's QSettings; tests pass an
    // INI file). clock: "now" for the pause's end and the tooltip. A pause found in settings is
    // restored here, without pausedChanged(): callers ask isPaused() after construction.
    explicit TrayController(std::unique_ptr<QSettings> settings = nullptr,
                            const Clock *clock = SystemClock::instance(),
                            QObject *parent = nullptr);
    ~TrayController() override;

    static bool systemTrayAvailable();
    bool available() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

    void setSummary(const FarmSummary &summary); // also ends a pause whose time is up
    QString toolTip() const; // what the tray shows, also without a system tray (tests)
    void retranslate();      // after a language switch
    void setDemo(bool demo);
    void showAlert(const QString &title, const QString &text, int severity);
    // Tells the user once that closing the window keeps RigWatch running here.
    void showHideHint();

    bool isPaused() const { return m_pausedUntilMs != 0 || engineMuted(); }
    // The engine's mute (MuteState): set by a Telegram /mute or this tray's pause. One set by
    // someone else shows as "Alerts muted by @name until 16:00" and Resume ends it.
    void setEngineMute(bool muted, qint64 untilMs, const QString &by);
    qint64 pausedUntilMs() const { return m_pausedUntilMs; } // -1 = until resumed
    void pauseFor(qint64 secs);                              // <= 0 = until resumed
    void resume();

signals:
    void toggleWindowRequested();
    void openRequested();
    void refreshRequested();
    void settingsRequested();
    void quitRequested();
    void pausedChanged(bool paused);
    // This tray's pause was set or moved to a new end (clock ms, -1 = until resumed).
    void pauseEndChanged(qint64 untilMs);

private:
    void buildMenu();
    void refresh();
    void setPausedUntil(qint64 untilMs); // stores it and arms the timer
    void armPauseTimer();
    bool pauseIsOver() const;
    bool engineMuted() const;       // by someone else than this tray, and not over
    QString engineMuteText() const; // "Alerts muted by @bob until 16:00"

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu; // owned: a context menu has no parent widget
    QMenu *m_pauseMenu = nullptr;
    QAction *m_open = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_pausedNote = nullptr;
    QAction *m_pause30 = nullptr;
    QAction *m_pause1h = nullptr;
    QAction *m_pause4h = nullptr;
    QAction *m_pauseForever = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_quit = nullptr;
    std::unique_ptr<QSettings> m_store; // where the pause is kept
    const Clock *m_clock;
    FarmSummary m_summary;
    QString m_iconPath; // the icon shown: set again only when it changes (not each tooltip tick)
    bool m_demo = false;
    qint64 m_pausedUntilMs = 0;
    bool m_engineMuted = false;
    qint64 m_engineMuteUntilMs = 0; // 0 = until resumed
    QString m_engineMuteBy;
    QTimer m_pauseTimer; // re-checks the clock at least every minute: a suspend stops timers
    QTimer m_tick;       // the tooltip says "updated 12 s ago": keep it true
};

} // namespace rw
