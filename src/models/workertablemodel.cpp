#include "workertablemodel.h"

#include "clock.h"
#include "pool/poolprovider.h"
#include "util/units.h"

#include <algorithm>
#include <utility>

namespace rw {

WorkerTableModel::WorkerTableModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{}

qint64 WorkerTableModel::poolNow(const Row &r) const
{
    return m_clock->nowSecs() + m_accounts[r.account].clockSkewSecs;
}

QString WorkerTableModel::accountLabel(const AccountConfig &account)
{
    return QStringLiteral("%1 (%2)").arg(account.displayName(), providerTitle(account.provider));
}

int WorkerTableModel::slotFor(const AccountView &view)
{
    const auto it = m_slotOf.constFind(view.key);
    if (it != m_slotOf.cend())
        return it.value();
    Account a;
    a.key = view.key;
    a.label = m_labels.value(view.key, view.displayName.isEmpty() ? view.key : view.displayName);
    m_accounts.push_back(a);
    m_slotOf.insert(view.key, int(m_accounts.size()) - 1);
    return int(m_accounts.size()) - 1;
}

void WorkerTableModel::applyView(const AccountView &view)
{
    const int slot = slotFor(view);
    Account &a = m_accounts[slot];
    if (view.clockSkewSecs != a.clockSkewSecs)
        m_liveCheckedAt = -1; // "now" moved for its rows: the next refresh repaints them all
    a.clockSkewSecs = view.clockSkewSecs;
    if (!a.loaded) {
        loadAccount(slot, view.workers);
        return;
    }
    removeWorkers(slot, view.removed);
    insertWorkers(slot, view.added, view.workers);
    updateWorkers(slot, view.changed, view.workers);
    // The deltas are relative to the previous poll; should one ever be lost, the row count
    // gives it away and a full reload of the account is the honest fix.
    if (m_accounts[slot].index.size() != view.workers.size())
        loadAccount(slot, view.workers);
}

void WorkerTableModel::setAccounts(const QVector<AccountConfig> &accounts)
{
    m_labels.clear();
    for (const AccountConfig &c : accounts)
        m_labels.insert(c.key(), accountLabel(c));
    QVector<int> gone;
    for (int slot = 0; slot < m_accounts.size(); ++slot) {
        Account &a = m_accounts[slot];
        if (!m_labels.contains(a.key)) {
            for (int r : std::as_const(a.index))
                gone << r;
            a.index.clear();
            a.loaded = false;
        } else {
            a.label = m_labels.value(a.key);
        }
    }
    removeRows(std::move(gone));
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ColAccount), index(int(m_rows.size()) - 1, ColAccount),
                         {Qt::DisplayRole, SortRole});
}

void WorkerTableModel::setGroups(const QVector<GroupConfig> &groups)
{
    m_groups = GroupMatcher(groups);
    for (Row &r : m_rows)
        r.group = m_groups.groupOf(r.name, r.state.sample.host);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ColGroup), index(int(m_rows.size()) - 1, ColGroup),
                         {Qt::DisplayRole, SortRole, GroupRole});
}

void WorkerTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_accounts.clear();
    m_slotOf.clear();
    m_liveRows = 0;
    endResetModel();
}

void WorkerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ColState), index(int(m_rows.size()) - 1, ColState),
                         {Qt::DisplayRole});
}

void WorkerTableModel::loadAccount(int slot, const QHash<QString, WorkerState> &workers)
{
    m_liveCheckedAt = -1;
    Account &a = m_accounts[slot];
    a.loaded = true;
    if (m_rows.isEmpty() || m_rows.size() == a.index.size()) {
        // The only account (its first view, or a reload): a reset is right here, and cheaper
        // than inserts with 100,000 rows.
        beginResetModel();
        m_rows.clear();
        for (Account &other : m_accounts)
            other.index.clear();
        m_liveRows = 0;
        QStringList names = workers.keys();
        std::sort(names.begin(), names.end());
        m_rows.reserve(names.size());
        for (const QString &n : std::as_const(names)) {
            a.index.insert(n, int(m_rows.size()));
            m_rows.push_back(makeRow(n, workers.value(n), slot));
            m_liveRows += isLive(m_rows.back().state) ? 1 : 0;
        }
        endResetModel();
        return;
    }
    // Beside other accounts' rows: this account's rows out, then all of them in.
    QVector<int> rows;
    rows.reserve(a.index.size());
    for (int r : std::as_const(a.index))
        rows << r;
    removeRows(std::move(rows));
    insertWorkers(slot, workers.keys(), workers);
}

void WorkerTableModel::removeWorkers(int slot, const QStringList &names)
{
    QVector<int> rows;
    const QHash<QString, int> &byName = m_accounts[slot].index;
    for (const QString &n : names) {
        const int r = byName.value(n, -1);
        if (r >= 0)
            rows << r;
    }
    removeRows(std::move(rows));
}

void WorkerTableModel::removeRows(QVector<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // Remove contiguous runs from the bottom up so earlier row numbers stay valid.
    int i = 0;
    while (i < rows.size()) {
        int last = rows[i];
        int first = last;
        while (i + 1 < rows.size() && rows[i + 1] == first - 1)
            first = rows[++i];
        ++i;
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            m_accounts[m_rows[r].account].index.remove(m_rows[r].name);
            m_liveRows -= isLive(m_rows[r].state) ? 1 : 0;
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    reindexFrom(rows.last());
}

void WorkerTableModel::insertWorkers(int slot, const QStringList &names,
                                     const QHash<QString, WorkerState> &workers)
{
    QHash<QString, int> &byName = m_accounts[slot].index;
    QStringList fresh;
    for (const QString &n : names)
        if (!byName.contains(n) && workers.contains(n))
            fresh << n;
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end());
    // Appended at the end: the proxy sorts; the source order need not be.
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.reserve(m_rows.size() + fresh.size());
    for (const QString &n : std::as_const(fresh)) {
        byName.insert(n, int(m_rows.size()));
        m_rows.push_back(makeRow(n, workers.value(n), slot));
        m_liveRows += isLive(m_rows.back().state) ? 1 : 0;
    }
    endInsertRows();
}

void WorkerTableModel::updateWorkers(int slot, const QStringList &names,
                                     const QHash<QString, WorkerState> &workers)
{
    const QHash<QString, int> &byName = m_accounts[slot].index;
    struct Change
    {
        int row;
        const WorkerState *state;
        std::pair<int, int> columns;
    };
    QVector<Change> changes;
    changes.reserve(names.size());
    for (const QString &n : names) {
        const int r = byName.value(n, -1);
        const auto it = workers.constFind(n);
        if (r < 0 || it == workers.cend())
            continue;
        const auto columns = shownChange(m_rows[r].state, it.value());
        if (columns.second < 0) {
            m_rows[r].state = it.value(); // nothing on screen changed: no signal, no repaint
            continue;
        }
        changes.push_back({r, &it.value(), columns});
    }
    std::sort(changes.begin(), changes.end(),
              [](const Change &a, const Change &b) { return a.row < b.row; });
    // One signal per contiguous run (spanning the columns that changed in it) keeps the repaint
    // small. Each run's rows change just before their signal, never earlier: a sorting proxy that
    // takes the runs one by one (a QSortFilterProxyModel; WorkerFilterProxy waits for the batch's
    // end) moves a changed row by comparing it with the others, which must still hold what it
    // last saw of them, or rows land in the wrong place.
    if (changes.isEmpty())
        return;
    emit batchStarted();
    int i = 0;
    while (i < changes.size()) {
        const int start = i;
        int last = changes[i].row;
        auto columns = changes[i].columns;
        while (i + 1 < changes.size() && changes[i + 1].row <= last + 1) {
            last = changes[++i].row;
            columns.first = std::min(columns.first, changes[i].columns.first);
            columns.second = std::max(columns.second, changes[i].columns.second);
        }
        for (int k = start; k <= i; ++k) {
            Row &row = m_rows[changes[k].row];
            m_liveRows += (isLive(*changes[k].state) ? 1 : 0) - (isLive(row.state) ? 1 : 0);
            if (row.state.sample.host != changes[k].state->sample.host)
                row.group = m_groups.groupOf(row.name, changes[k].state->sample.host);
            row.state = *changes[k].state;
        }
        emit dataChanged(index(changes[start].row, columns.first), index(last, columns.second));
        ++i;
    }
    emit batchFinished();
}

std::pair<int, int> WorkerTableModel::shownChange(const WorkerState &was, const WorkerState &is)
{
    if (was.status != is.status || was.degraded != is.degraded || was.flapping != is.flapping)
        return {0, ColumnCount - 1}; // colour, font and tooltip of the whole row
    int first = ColumnCount;
    int last = -1;
    for (int c = 0; c < ColumnCount; ++c) {
        const auto changed = columnDef(c).changed;
        if (changed && changed(was, is)) {
            first = std::min(first, c);
            last = c;
        }
    }
    return {first, last};
}

void WorkerTableModel::reindexFrom(int row)
{
    for (int r = row; r < m_rows.size(); ++r)
        m_accounts[m_rows[r].account].index[m_rows[r].name] = r;
}

void WorkerTableModel::refreshLive(const QVector<int> &rows)
{
    // Texts only move forward in time, so a row repainted since the last call for any other
    // reason (a poll, scrolling) shows a text between the two compared here: none is missed.
    const qint64 now = m_clock->nowSecs();
    const qint64 before = m_liveCheckedAt;
    m_liveCheckedAt = now;
    emit batchStarted();
    for (int r : rows) {
        if (r < 0 || r >= m_rows.size())
            continue;
        const qint64 skew = m_accounts[m_rows[r].account].clockSkewSecs;
        const qint64 down = downForSecs(m_rows[r].state, now + skew);
        if (down < 0)
            continue;
        if (before >= 0 && before <= now &&
            formatDuration(down) == formatDuration(downForSecs(m_rows[r].state, before + skew)))
            continue;
        const QModelIndex i = index(r, ColOfflineFor);
        emit dataChanged(i, i, {Qt::DisplayRole, SortRole});
    }
    emit batchFinished();
}

QString WorkerTableModel::workerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

QString WorkerTableModel::accountAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_accounts[m_rows[row].account].key : QString();
}

int WorkerTableModel::accountSlotAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].account : -1;
}

int WorkerTableModel::rowOf(const QString &worker, const QString &account) const
{
    if (!account.isEmpty()) {
        const int slot = m_slotOf.value(account, -1);
        return slot >= 0 ? m_accounts[slot].index.value(worker, -1) : -1;
    }
    for (const Account &a : m_accounts)
        if (const int r = a.index.value(worker, -1); r >= 0)
            return r;
    return -1;
}

QHash<QString, WorkerState> WorkerTableModel::states(const QString &account) const
{
    QHash<QString, WorkerState> all;
    const int slot = m_slotOf.value(account, -1);
    if (slot < 0)
        return all;
    all.reserve(m_accounts[slot].index.size());
    for (int r : m_accounts[slot].index)
        all.insert(m_rows[r].name, m_rows[r].state);
    return all;
}

QStringList WorkerTableModel::accounts() const
{
    QStringList keys;
    for (const Account &a : m_accounts)
        keys << a.key;
    return keys;
}

bool WorkerTableModel::tieBefore(int leftRow, int rightRow) const
{
    const Row &l = m_rows[leftRow];
    const Row &r = m_rows[rightRow];
    if (l.name != r.name)
        return l.name < r.name;
    return l.account < r.account;
}

WorkerState WorkerTableModel::stateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].state : WorkerState();
}

int WorkerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

} // namespace rw
