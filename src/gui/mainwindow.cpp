#include "mainwindow.h"

#include "chartpanel.h"
#include "enginehost.h"
#include "mirrorpanel.h"
#include "outagepanel.h"
#include "reportspanel.h"
#include "statuspanel.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include "pool/poolprovider.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace rw {

namespace {
const auto kGeometry = QStringLiteral("ui/mainWindowGeometry");
const auto kState = QStringLiteral("ui/mainWindowState");
const auto kSplit = QStringLiteral("ui/workersSplitter");
} // namespace

MainWindow::MainWindow(EngineHost *host, const Clock *clock, QWidget *parent)
    : QMainWindow(parent), m_host(host), m_noticeBar(new QWidget(this)),
      m_notice(new QLabel(m_noticeBar)), m_accountLabel(new QLabel(this)),
      m_accounts(new QComboBox(this)), m_tabs(new QTabWidget(this)),
      m_split(new QSplitter(Qt::Vertical, this)), m_workers(new WorkersPanel(clock, this)),
      m_chart(new ChartPanel(host, this)), m_outages(new OutagePanel(host, this)),
      m_mirror(new MirrorPanel(host, this)), m_status(new StatusPanel(clock, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/rigwatch.svg")));
    m_accounts->setObjectName(QStringLiteral("accountSelector"));
    m_accounts->setMinimumContentsLength(16);

    m_split->addWidget(m_workers);
    m_split->addWidget(m_chart);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_tabs->addTab(m_split, QString());
    m_tabs->addTab(m_outages, QString());
    m_tabs->addTab(m_mirror, QString());
    m_tabs->addTab(new ReportsPanel(host, this), QString());

    m_noticeBar->setObjectName(QStringLiteral("noticeBar"));
    m_noticeBar->setStyleSheet(QStringLiteral(
        "#noticeBar { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 3px; }"
        "#noticeBar QLabel { color: #3d3000; }"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_noticeBar);
    dismiss->setObjectName(QStringLiteral("dismissNotices"));
    dismiss->setText(QStringLiteral("×"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_notices.clear();
        m_noticeBar->hide();
    });
    auto *noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->setContentsMargins(8, 4, 4, 4);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_noticeBar->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_accountLabel);
    top->addWidget(m_accounts);
    top->addStretch(1);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_noticeBar);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);

    m_fileMenu = menuBar()->addMenu(QString());
    m_refresh = m_fileMenu->addAction(QString());
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_settings = m_fileMenu->addAction(QString());
    m_settings->setShortcut(QKeySequence::Preferences);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_quit, &QAction::triggered, this, &MainWindow::quitRequested);

    connect(m_accounts, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            selectAccount(m_accounts->itemData(i).toString());
    });
    connect(m_workers, &WorkersPanel::acceptUsualRequested, m_host, &EngineHost::acceptUsual);
    connect(m_workers, &WorkersPanel::workerSelected, this,
            [this](const QString &account, const QString &worker) {
                m_chart->setWorker(account, worker);
                m_chart->setWorkerUsual(m_workers->model()->usualRate(worker, account));
            });

    setAccounts({});
    retranslate();
    QSettings s;
    if (!restoreGeometry(s.value(kGeometry).toByteArray()))
        resize(1180, 760);
    restoreState(s.value(kState).toByteArray());
    if (!m_split->restoreState(s.value(kSplit).toByteArray()))
        m_split->setSizes({420, 320});
}

MainWindow::~MainWindow()
{
    saveLayout();
}

void MainWindow::retranslate()
{
    if (auto *dismiss = m_noticeBar->findChild<QToolButton *>(QStringLiteral("dismissNotices"))) {
        dismiss->setToolTip(tr("Dismiss these notices"));
        dismiss->setAccessibleName(dismiss->toolTip());
    }
    m_accountLabel->setText(tr("Account:"));
    if (m_accounts->count() > 0 && m_accounts->itemData(0).toString().isEmpty())
        m_accounts->setItemText(0, tr("All accounts (farm)"));
    m_tabs->setTabText(0, tr("Workers"));
    m_tabs->setTabText(1, tr("Outage history"));
    m_tabs->setTabText(2, tr("Telegram"));
    m_tabs->setTabText(m_tabs->indexOf(findChild<ReportsPanel *>()), tr("Reports"));
    m_fileMenu->setTitle(tr("&RigWatch"));
    m_refresh->setText(tr("&Refresh now"));
    m_settings->setText(tr("&Settings…"));
    m_quit->setText(tr("&Quit"));
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    // Qt appends the application's display name ("— RigWatch") itself.
    QStringList parts;
    if (m_current.isEmpty() && m_views.size() > 1) {
        int online = 0, total = 0;
        for (const AccountView &v : std::as_const(m_views)) {
            online += v.incident.online;
            total += v.incident.total;
        }
        parts << tr("Farm (%1/%2 online)").arg(online).arg(total);
    } else {
        const auto it = m_current.isEmpty() ? m_views.constBegin() : m_views.constFind(m_current);
        if (it != m_views.cend())
            parts << tr("%1 (%2/%3 online)")
                         .arg(it->displayName)
                         .arg(it->incident.online)
                         .arg(it->incident.total);
    }
    if (m_demo)
        parts << tr("DEMO — simulated farm");
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::setDemo(bool demo)
{
    m_demo = demo;
    m_status->setDemo(demo);
    updateTitle();
}

void MainWindow::setAccounts(const QVector<AccountConfig> &accounts)
{
    m_configured = accounts;
    const QString keep = m_current;
    {
        const QSignalBlocker block(m_accounts);
        m_accounts->clear();
        // The farm first: one table, one chart for every account.
        if (accounts.size() > 1)
            m_accounts->addItem(QString(), QString());
        for (const AccountConfig &a : accounts) {
            // Which pool an account is on, once a farm spans several (f2pool's as before).
            const bool f2pool =
                a.provider == PoolProvider::F2poolV2 || a.provider == PoolProvider::F2poolV1;
            m_accounts->addItem(
                f2pool ? QStringLiteral("%1 (%2)").arg(a.displayName(), a.currency)
                       : QStringLiteral("%1 (%2, %3)")
                             .arg(a.displayName(), a.currency, providerTitle(a.provider)),
                a.key());
        }
    }
    retranslate(); // the farm's entry
    // The selector only appears when there is something to select.
    m_accountLabel->setVisible(accounts.size() > 1);
    m_accounts->setVisible(accounts.size() > 1);
    QHash<QString, AccountView> kept;
    for (const AccountConfig &a : accounts)
        if (m_views.contains(a.key()))
            kept.insert(a.key(), m_views.value(a.key()));
    m_views = kept;
    m_workers->setAccounts(accounts);
    const int i = m_accounts->findData(keep);
    m_accounts->setCurrentIndex(i >= 0 ? i : 0);
    m_current = QStringLiteral("\n"); // none: selectAccount() sets every panel
    selectAccount(m_accounts->currentData().toString());
}

void MainWindow::setGroups(const QVector<GroupConfig> &groups)
{
    m_workers->setGroups(groups);
    m_chart->setGroups(groups);
}

void MainWindow::setTelegramEnabled(bool enabled)
{
    m_mirror->setTelegramEnabled(enabled);
}

void MainWindow::setStatusMessage(const QString &message)
{
    m_status->setMessage(message);
}

void MainWindow::showNotice(const QString &text)
{
    m_notices.removeAll(text);
    m_notices << text;
    while (m_notices.size() > 3)
        m_notices.removeFirst();
    m_notice->setText(m_notices.join(QLatin1Char('\n')));
    m_noticeBar->show();
}

QString MainWindow::notice() const
{
    return m_noticeBar->isHidden() ? QString() : m_notice->text();
}

void MainWindow::selectAccount(const QString &key)
{
    if (key == m_current)
        return;
    m_current = key;
    m_workers->setAccountFilter(key);
    updateChartScope();
    updateOutageAccount();
    updateStatus();
    updateTitle();
}

void MainWindow::updateChartScope()
{
    if (!m_current.isEmpty() || m_configured.size() < 2) {
        const QString key = !m_current.isEmpty()      ? m_current
                            : !m_configured.isEmpty() ? m_configured.first().key()
                            : !m_views.isEmpty()      ? m_views.constBegin().key()
                                                      : QString();
        m_chart->setAccount(key, m_views.value(key).minHashRate);
        return;
    }
    QStringList keys;
    QHash<QString, QString> labels;
    for (const AccountConfig &a : std::as_const(m_configured)) {
        keys << a.key();
        labels.insert(a.key(), WorkerTableModel::accountLabel(a));
    }
    m_chart->setAccounts(keys, labels);
}

void MainWindow::updateOutageAccount()
{
    // The history of the account chosen; with "All accounts", every account's together.
    if (!m_current.isEmpty()) {
        m_outages->setAccount(m_current);
        return;
    }
    QStringList keys;
    QHash<QString, QString> labels;
    for (const AccountConfig &a : std::as_const(m_configured)) {
        keys << a.key();
        labels.insert(a.key(), WorkerTableModel::accountLabel(a));
    }
    if (keys.isEmpty() && !m_views.isEmpty())
        keys << m_views.constBegin().key(); // views before the account list
    m_outages->setAccounts(keys, labels);
}

void MainWindow::updateStatus()
{
    // The farm: an account whose last poll failed speaks first, else the last one polled.
    const AccountView *shown = nullptr;
    if (!m_current.isEmpty()) {
        const auto it = m_views.constFind(m_current);
        shown = it != m_views.cend() ? &it.value() : nullptr;
    } else {
        for (const AccountView &v : std::as_const(m_views))
            if (!shown || (!v.lastPollOk && shown->lastPollOk) ||
                (v.lastPollOk == shown->lastPollOk &&
                 v.state.lastSuccessAt > shown->state.lastSuccessAt))
                shown = &v;
    }
    if (shown)
        m_status->setView(*shown);
}

void MainWindow::applyView(const AccountView &view)
{
    // Every account's workers are in the one table; the window keeps no share of them
    // (AccountView::withoutWorkers says why).
    m_views.insert(view.key, view.withoutWorkers());
    m_workers->applyView(view);
    if (m_workers->selectedAccount() == view.key && !m_workers->selectedWorker().isEmpty())
        m_chart->setWorkerUsual(
            m_workers->model()->usualRate(m_workers->selectedWorker(), view.key));
    updateStatus();
    if (m_current.isEmpty() && m_configured.size() < 2) {
        updateChartScope(); // views before the account list: the first one's
        updateOutageAccount();
    }
    if (m_current.isEmpty() || m_current == view.key) {
        if (m_current == view.key)
            m_chart->setAccount(view.key, view.minHashRate);
        if (view.lastPollOk) {
            m_chart->refresh();
            m_outages->pollArrived();
        }
    }
    updateTitle();
}

void MainWindow::saveLayout() const
{
    QSettings s;
    s.setValue(kGeometry, saveGeometry());
    s.setValue(kState, saveState());
    s.setValue(kSplit, m_split->saveState());
    m_workers->saveLayout();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_closeHides) {
        hide();
        event->ignore();
        emit hiddenToTray();
        return;
    }
    event->accept();
    emit quitRequested();
}

} // namespace rw
