#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace rw {

class ChartPanel;
class Clock;
class EngineHost;
class MirrorPanel;
class OutagePanel;
class StatusPanel;
class WorkersPanel;

// The window: the farm's worker table (every account's workers in one table) over the
// hashrate chart (the farm's total and each account's), the outage history and the Telegram
// mirror in tabs, and the status bar; with several accounts, a selector narrows table, chart
// and history to one of them. It only arranges panels and routes each account's view to them;
// the panels do the work. Closing it hides it to the
// tray when there is one; geometry and layout persist.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(EngineHost *host, const Clock *clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDemo(bool demo);
    void setAccounts(const QVector<AccountConfig> &accounts);
    // The [group.NAME] groups, in order: the worker table's Group column and filter.
    void setGroups(const QVector<GroupConfig> &groups);
    void setTelegramEnabled(bool enabled);
    void setCloseHidesToTray(bool hide) { m_closeHides = hide; }
    bool closeHidesToTray() const { return m_closeHides; }
    void setStatusMessage(const QString &message);
    // A banner above the tabs for things the operator must read (no tray, engine failure,
    // keychain trouble); dismissable, the newest three are kept.
    void showNotice(const QString &text);
    QString notice() const;
    void applyView(const AccountView &view);
    // The account the selector narrows the window to; empty: the whole farm.
    QString currentAccount() const { return m_current; }

    WorkersPanel *workersPanel() const { return m_workers; }
    ChartPanel *chartPanel() const { return m_chart; }
    OutagePanel *outagePanel() const { return m_outages; }
    MirrorPanel *mirrorPanel() const { return m_mirror; }
    StatusPanel *statusPanel() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }

    void saveLayout() const;

signals:
    void settingsRequested();
    void refreshRequested();
    void quitRequested();
    void hiddenToTray();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void selectAccount(const QString &key);
    void retranslate();
    void updateTitle();
    void updateStatus();
    void updateChartScope();
    void updateOutageAccount();

    QVector<AccountConfig> m_configured;

    EngineHost *m_host;
    QHash<QString, AccountView> m_views;
    QString m_current;
    bool m_demo = false;
    bool m_closeHides = false;

    QWidget *m_noticeBar;
    QLabel *m_notice;
    QStringList m_notices;
    QLabel *m_accountLabel;
    QComboBox *m_accounts;
    QTabWidget *m_tabs;
    QSplitter *m_split;
    WorkersPanel *m_workers;
    ChartPanel *m_chart;
    OutagePanel *m_outages;
    MirrorPanel *m_mirror;
    StatusPanel *m_status;
    QMenu *m_fileMenu;
    QAction *m_refresh;
    QAction *m_settings;
    QAction *m_quit;
};

} // namespace rw
