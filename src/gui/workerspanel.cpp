#include "workerspanel.h"

#include "workerfilterproxy.h"
#include "workeritemdelegate.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QShowEvent>
#include <QTableView>
#include <QVBoxLayout>

namespace rw {

namespace {
// A new key since the Account and Group columns came: a header state saved with fewer columns would
// put the columns in the wrong places.
const auto kHeaderKey = QStringLiteral("ui/workerTableHeader3");
} // namespace

WorkersPanel::WorkersPanel(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_model(new WorkerTableModel(clock, this)),
      m_proxy(new WorkerFilterProxy(this)), m_search(new QLineEdit(this)),
      m_state(new QComboBox(this)), m_group(new QComboBox(this)), m_count(new QLabel(this)),
      m_view(new WorkerTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("workerSearch"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    for (int f = WorkerFilterProxy::All; f <= WorkerFilterProxy::Retired; ++f)
        m_state->addItem(QString(), f);
    m_group->setObjectName(QStringLiteral("groupFilter"));
    m_group->setVisible(false); // until groups are configured

    m_view->setObjectName(QStringLiteral("workerTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new WorkerItemDelegate(m_view)); // every repaint after a poll
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(WorkerTableModel::ColState, Qt::AscendingOrder); // trouble first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row height: no per-row size calculation with 10,000 workers.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(WorkerTableModel::ColWorker, 150);
    m_view->setColumnWidth(WorkerTableModel::ColAccount, 170);
    m_view->setColumnHidden(WorkerTableModel::ColAccount, true); // until a second account
    m_view->setColumnWidth(WorkerTableModel::ColGroup, 120);
    m_view->setColumnHidden(WorkerTableModel::ColGroup, true); // until groups are configured
    m_view->setColumnWidth(WorkerTableModel::ColState, 150);   // room for the pool's own word
    m_view->setColumnWidth(WorkerTableModel::ColLastShare, 150);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &WorkersPanel::showContextMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_state);
    top->addWidget(m_group);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setSearchText(t);
        updateCount();
    });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_proxy->setStateFilter(WorkerFilterProxy::StateFilter(m_state->itemData(i).toInt()));
        updateCount();
    });
    connect(m_group, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_proxy->setGroupFilter(i >= 0 ? m_group->itemData(i).toInt()
                                       : WorkerFilterProxy::kAnyGroup);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    emit workerSelected(QString(), QString());
                else
                    emit workerSelected(current.data(WorkerTableModel::AccountRole).toString(),
                                        current.data(WorkerTableModel::NameRole).toString());
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &WorkersPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &WorkersPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WorkersPanel::updateCount);
    // The proxy's filter changes are layout changes that change the row count.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WorkersPanel::updateCount);

    m_tick.setInterval(1000);
    // Whole-second ticks are enough for texts in seconds, and all such timers of the app (the
    // worker table's and the status bar's) then share one wake-up of the GUI thread.
    m_tick.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &WorkersPanel::tick);
    retranslate();
    restoreLayout();
}

WorkersPanel::~WorkersPanel() = default;

void WorkersPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search workers or hosts"));
    for (int i = 0; i < m_state->count(); ++i)
        m_state->setItemText(i, WorkerFilterProxy::stateFilterText(
                                    WorkerFilterProxy::StateFilter(m_state->itemData(i).toInt())));
    m_state->setToolTip(tr("Show only workers in this state"));
    m_group->setToolTip(tr("Show only the workers of this group"));
    for (int i = 0; i < m_group->count(); ++i) {
        const int g = m_group->itemData(i).toInt();
        if (g == WorkerFilterProxy::kAnyGroup)
            m_group->setItemText(i, tr("All groups"));
        else if (g < 0)
            m_group->setItemText(i, tr("No group"));
    }
    m_model->retranslate();
    updateCount();
}

void WorkersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WorkersPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTicking(); // showing repaints every row: no tick needed to catch up
}

void WorkersPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTicking();
}

void WorkersPanel::applyView(const AccountView &view)
{
    m_model->applyView(view);
    updateCount();
    updateTicking();
}

void WorkersPanel::setAccounts(const QVector<AccountConfig> &accounts)
{
    m_model->setAccounts(accounts);
    m_view->setColumnHidden(WorkerTableModel::ColAccount, accounts.size() < 2);
    updateCount();
    updateTicking();
}

void WorkersPanel::setGroups(const QVector<GroupConfig> &groups)
{
    const int kept = m_group->currentIndex() >= 0 ? m_group->currentData().toInt()
                                                  : WorkerFilterProxy::kAnyGroup;
    {
        const QSignalBlocker block(m_group);
        m_group->clear();
        m_group->addItem(QString(), WorkerFilterProxy::kAnyGroup);
        for (int g = 0; g < groups.size(); ++g)
            m_group->addItem(groups[g].displayLabel(), g);
        m_group->addItem(QString(), -1); // the default group: the workers of no group
    }
    m_model->setGroups(groups);
    const int i =
        m_group->findData(kept < int(groups.size()) ? kept : WorkerFilterProxy::kAnyGroup);
    m_group->setCurrentIndex(i >= 0 ? i : 0);
    m_proxy->setGroupFilter(m_group->currentData().toInt());
    m_group->setVisible(!groups.isEmpty());
    m_view->setColumnHidden(WorkerTableModel::ColGroup, groups.isEmpty());
    retranslate();
}

void WorkersPanel::setAccountFilter(const QString &accountKey)
{
    m_proxy->setAccountFilter(accountKey);
    updateCount();
}

void WorkersPanel::clear()
{
    m_model->clear();
    updateTicking();
}

void WorkersPanel::updateTicking()
{
    // Hidden in the tray, on another tab, or every worker online: nothing to keep current, so
    // the GUI thread is not woken up every second for nothing.
    const bool needed = isVisible() && m_model->liveRowCount() > 0;
    if (needed && !m_tick.isActive())
        m_tick.start();
    else if (!needed)
        m_tick.stop();
}

QString WorkersPanel::selectedWorker() const
{
    const QModelIndex i = m_view->selectionModel()->currentIndex();
    return i.isValid() ? i.data(WorkerTableModel::NameRole).toString() : QString();
}

QString WorkersPanel::selectedAccount() const
{
    const QModelIndex i = m_view->selectionModel()->currentIndex();
    return i.isValid() ? i.data(WorkerTableModel::AccountRole).toString() : QString();
}

void WorkersPanel::tick()
{
    // Only rows on screen get a dataChanged for their "offline for" cell: cheap at any size.
    if (!isVisible() || m_proxy->rowCount() == 0)
        return;
    const int first = m_view->rowAt(0);
    if (first < 0)
        return;
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_proxy->rowCount() - 1;
    QVector<int> rows;
    rows.reserve(last - first + 1);
    for (int r = first; r <= last; ++r)
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    m_model->refreshLive(rows);
}

void WorkersPanel::showContextMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid())
        return;
    const QString worker = index.data(WorkerTableModel::NameRole).toString();
    const QString account = index.data(WorkerTableModel::AccountRole).toString();
    const auto status = WorkerStatus(index.data(WorkerTableModel::StatusRole).toInt());
    QMenu menu(this);
    QAction *accept = menu.addAction(tr("Accept current hashrate as usual"));
    accept->setObjectName(QStringLiteral("acceptUsual"));
    // Only a rig that runs has a current rate to accept.
    accept->setEnabled(status == WorkerStatus::Online);
    accept->setToolTip(tr("After a deliberate change (a downsize, an underclock): the rig's "
                          "current hashrate becomes its usual level, so it is no longer "
                          "called degraded."));
    connect(accept, &QAction::triggered, this,
            [this, account, worker] { emit acceptUsualRequested(account, worker); });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

void WorkersPanel::updateCount()
{
    m_count->setText(tr("%1 of %2 workers").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void WorkersPanel::saveLayout() const
{
    QSettings().setValue(kHeaderKey, m_view->horizontalHeader()->saveState());
}

void WorkersPanel::restoreLayout()
{
    const QByteArray state = QSettings().value(kHeaderKey).toByteArray();
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace rw
