#include "workertablemodel.h"

#include "clock.h"
#include "util/units.h"

#include <algorithm>
#include <utility>

namespace rw {

WorkerTableModel::WorkerTableModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{}

qint64 WorkerTableModel::poolNow() const
{
    return m_clock->nowSecs() + m_clockSkewSecs;
}

void WorkerTableModel::applyView(const AccountView &view)
{
    if (view.clockSkewSecs != m_clockSkewSecs)
        m_liveCheckedAt = -1; // "now" moved for every row: the next refresh repaints them all
    m_clockSkewSecs = view.clockSkewSecs;
    if (view.key != m_account) {
        loadAll(view);
        return;
    }
    removeWorkers(view.removed);
    insertWorkers(view.added, view.workers);
    updateWorkers(view.changed, view.workers);
    // The deltas are relative to the previous poll; should one ever be lost, the row count
    // gives it away and a full reload is the honest fix.
    if (m_rows.size() != view.workers.size())
        loadAll(view);
}

void WorkerTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_account.clear();
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

void WorkerTableModel::loadAll(const AccountView &view)
{
    m_clockSkewSecs = view.clockSkewSecs;
    // Only on the first view of an account or when switching accounts: a reset is right here.
    beginResetModel();
    m_account = view.key;
    m_rows.clear();
    m_index.clear();
    QStringList names = view.workers.keys();
    std::sort(names.begin(), names.end());
    m_rows.reserve(names.size());
    m_liveRows = 0;
    m_liveCheckedAt = -1;
    for (const QString &n : std::as_const(names)) {
        m_index.insert(n, int(m_rows.size()));
        m_rows.push_back({n, view.workers.value(n)});
        m_liveRows += isLive(m_rows.back().state) ? 1 : 0;
    }
    endResetModel();
}

void WorkerTableModel::removeWorkers(const QStringList &names)
{
    QVector<int> rows;
    for (const QString &n : names) {
        const int r = m_index.value(n, -1);
        if (r >= 0)
            rows << r;
    }
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
            m_index.remove(m_rows[r].name);
            m_liveRows -= isLive(m_rows[r].state) ? 1 : 0;
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    reindexFrom(rows.last());
}

void WorkerTableModel::insertWorkers(const QStringList &names,
                                     const QHash<QString, WorkerState> &workers)
{
    QStringList fresh;
    for (const QString &n : names)
        if (!m_index.contains(n) && workers.contains(n))
            fresh << n;
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end());
    // Appended at the end: the proxy sorts; the source order need not be.
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const QString &n : std::as_const(fresh)) {
        m_index.insert(n, int(m_rows.size()));
        m_rows.push_back({n, workers.value(n)});
        m_liveRows += isLive(m_rows.back().state) ? 1 : 0;
    }
    endInsertRows();
}

void WorkerTableModel::updateWorkers(const QStringList &names,
                                     const QHash<QString, WorkerState> &workers)
{
    struct Change
    {
        int row;
        const WorkerState *state;
        std::pair<int, int> columns;
    };
    QVector<Change> changes;
    changes.reserve(names.size());
    for (const QString &n : names) {
        const int r = m_index.value(n, -1);
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
            row.state = *changes[k].state;
        }
        emit dataChanged(index(changes[start].row, columns.first), index(last, columns.second));
        ++i;
    }
    emit batchFinished();
}

std::pair<int, int> WorkerTableModel::shownChange(const WorkerState &was, const WorkerState &is)
{
    if (was.status != is.status)
        return {0, ColumnCount - 1}; // colour, font and tooltip of the whole row
    const WorkerSample &a = was.sample;
    const WorkerSample &b = is.sample;
    int first = ColumnCount;
    int last = -1;
    auto mark = [&](bool differs, int column) {
        if (differs) {
            first = std::min(first, column);
            last = std::max(last, column);
        }
    };
    mark(a.hashRate != b.hashRate, ColHashRate);
    mark(a.hashRate1h != b.hashRate1h, ColHashRate1h);
    mark(a.hashRate24h != b.hashRate24h, ColHashRate24h);
    mark(a.hashRate24h != b.hashRate24h || a.staleRate24h != b.staleRate24h, ColStale);
    mark(a.lastShareAt != b.lastShareAt, ColLastShare);
    mark(a.lastShareAt != b.lastShareAt || was.statusSince != is.statusSince, ColOfflineFor);
    mark(a.host != b.host, ColHost);
    mark(a.poolState != b.poolState, ColState);
    return {first, last};
}

void WorkerTableModel::reindexFrom(int row)
{
    for (int r = row; r < m_rows.size(); ++r)
        m_index[m_rows[r].name] = r;
}

void WorkerTableModel::refreshLive(const QVector<int> &rows)
{
    // Texts only move forward in time, so a row repainted since the last call for any other
    // reason (a poll, scrolling) shows a text between the two compared here: none is missed.
    const qint64 now = poolNow();
    const qint64 before = m_liveCheckedAt;
    m_liveCheckedAt = now;
    emit batchStarted();
    for (int r : rows) {
        if (r < 0 || r >= m_rows.size())
            continue;
        const qint64 down = downForSecs(m_rows[r].state, now);
        if (down < 0)
            continue;
        if (before >= 0 && before <= now &&
            formatDuration(down) == formatDuration(downForSecs(m_rows[r].state, before)))
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

QHash<QString, WorkerState> WorkerTableModel::states() const
{
    QHash<QString, WorkerState> all;
    all.reserve(m_rows.size());
    for (const Row &r : m_rows)
        all.insert(r.name, r.state);
    return all;
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
