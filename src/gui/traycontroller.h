#pragma once

#include "farmsummary.h"

#include <QObject>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace rw {

// The tray icon: the farm's state at a glance (icon shape + colour), the tooltip line, the
// menu (Open, Refresh now, Pause alerts, Settings…, Quit) and native notifications. Owns the
// alert pause (30 min, 1 h, 4 h, until resumed) and says so in the menu and the tooltip.
// Without a system tray it stays inert and available() is false: the app then keeps its
// window open instead.
class TrayController : public QObject
{
    Q_OBJECT
public:
    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;

    static bool systemTrayAvailable();
    bool available() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

    void setSummary(const FarmSummary &summary);
    void retranslate(); // after a language switch
    void setDemo(bool demo);
    void showAlert(const QString &title, const QString &text, int severity);
    // Tells the user once that closing the window keeps RigWatch running here.
    void showHideHint();

    bool isPaused() const { return m_pausedUntilMs != 0; }
    qint64 pausedUntilMs() const { return m_pausedUntilMs; } // -1 = until resumed
    void pauseFor(qint64 secs);                                // <= 0 = until resumed
    void resume();

signals:
    void toggleWindowRequested();
    void openRequested();
    void refreshRequested();
    void settingsRequested();
    void quitRequested();
    void pausedChanged(bool paused);

private:
    void buildMenu();
    void refresh();

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
    FarmSummary m_summary;
    bool m_demo = false;
    qint64 m_pausedUntilMs = 0;
    QTimer m_pauseTimer;
    QTimer m_tick; // the tooltip says "updated 12 s ago": keep it true
};

} // namespace rw
