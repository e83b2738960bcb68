#include "workerfilterproxy.h"

#include "workertablemodel.h"

#include <algorithm>

namespace rw {

WorkerFilterProxy::WorkerFilterProxy(QObject *parent) : QAbstractProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

WorkerFilterProxy::~WorkerFilterProxy() = default;

void WorkerFilterProxy::setSearchText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_search)
        return;
    m_search = t;
    invalidate();
}

void WorkerFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidate();
}

void WorkerFilterProxy::setAccountFilter(const QString &accountKey)
{
    if (accountKey == m_account)
        return;
    m_account = accountKey;
    invalidate();
}

void WorkerFilterProxy::setGroupFilter(int group)
{
    if (group == m_group)
        return;
    m_group = group;
    invalidate();
}

QString WorkerFilterProxy::stateFilterText(StateFilter filter)
{
    switch (filter) {
    case All:
        return tr("All");
    case Online:
        return tr("Online");
    case Degraded:
        return tr("Degraded");
    case Offline:
        return tr("Offline");
    case Missing:
        return tr("Missing");
    case Retired:
        return tr("Retired");
    }
    return {};
}

// ---- the source ---------------------------------------------------------------------------------

void WorkerFilterProxy::disconnectSource()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}

void WorkerFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    disconnectSource();
    m_workers = qobject_cast<const WorkerTableModel *>(model);
    m_batching = false;
    m_pending.clear();
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        using M = QAbstractItemModel;
        auto &c = m_connections;
        c << connect(model, &M::dataChanged, this, &WorkerFilterProxy::onDataChanged);
        c << connect(model, &M::headerDataChanged, this, &M::headerDataChanged);
        c << connect(model, &M::rowsAboutToBeRemoved, this,
                     &WorkerFilterProxy::onRowsAboutToBeRemoved);
        c << connect(model, &M::rowsRemoved, this, &WorkerFilterProxy::onRowsRemoved);
        c << connect(model, &M::rowsInserted, this, &WorkerFilterProxy::onRowsInserted);
        c << connect(model, &M::layoutAboutToBeChanged, this,
                     &WorkerFilterProxy::onSourceLayoutAboutToBeChanged);
        c << connect(model, &M::layoutChanged, this, &WorkerFilterProxy::onSourceLayoutChanged);
        c << connect(model, &M::rowsAboutToBeMoved, this,
                     &WorkerFilterProxy::onSourceLayoutAboutToBeChanged);
        c << connect(model, &M::rowsMoved, this, &WorkerFilterProxy::onSourceLayoutChanged);
        // Resets and column changes (the worker table's columns are fixed): everything anew.
        const auto aboutToReset = [this] {
            flushPending();
            beginResetModel();
        };
        const auto reset = [this] {
            rebuild();
            endResetModel();
        };
        c << connect(model, &M::modelAboutToBeReset, this, aboutToReset);
        c << connect(model, &M::modelReset, this, reset);
        c << connect(model, &M::columnsAboutToBeInserted, this, aboutToReset);
        c << connect(model, &M::columnsInserted, this, reset);
        c << connect(model, &M::columnsAboutToBeRemoved, this, aboutToReset);
        c << connect(model, &M::columnsRemoved, this, reset);
        c << connect(model, &M::columnsAboutToBeMoved, this, aboutToReset);
        c << connect(model, &M::columnsMoved, this, reset);
        // A destroyed source is replaced by an empty one without setSourceModel being called.
        // No reset signal, as QSortFilterProxyModel: the source's owner (a panel) may be on its
        // way out too, and would answer a reset with calls to what it has half destroyed.
        c << connect(model, &QObject::destroyed, this, [this] {
            disconnectSource();
            m_workers = nullptr;
            m_batching = false;
            m_pending.clear();
            m_proxyToSource.clear();
            m_sourceToProxy.clear();
        });
        if (m_workers) {
            c << connect(m_workers, &WorkerTableModel::batchStarted, this,
                         [this] { m_batching = true; });
            c << connect(m_workers, &WorkerTableModel::batchFinished, this, [this] {
                m_batching = false;
                flushPending();
            });
        }
    }
    rebuild();
    endResetModel();
}

// ---- mapping ------------------------------------------------------------------------------------

QModelIndex WorkerFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || !sourceModel() ||
        proxyIndex.row() >= m_proxyToSource.size())
        return {};
    return sourceModel()->index(m_proxyToSource[proxyIndex.row()], proxyIndex.column());
}

QModelIndex WorkerFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() ||
        sourceIndex.row() >= m_sourceToProxy.size())
        return {};
    const int row = m_sourceToProxy[sourceIndex.row()];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QModelIndex WorkerFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_proxyToSource.size() || column < 0 ||
        column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex WorkerFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

int WorkerFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int WorkerFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool WorkerFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.isEmpty() && columnCount() > 0;
}

// ---- filtering and order ------------------------------------------------------------------------

bool WorkerFilterProxy::acceptsRow(int sourceRow) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0);
    if (!m_account.isEmpty()) {
        // The worker table's rows know their account by number: no string per row and call.
        const bool same =
            m_workers ? m_workers->accountSlotAt(sourceRow) == m_workers->accountSlot(m_account)
                      : i.data(WorkerTableModel::AccountRole).toString() == m_account;
        if (!same)
            return false;
    }
    if (m_group != kAnyGroup) {
        const int group =
            m_workers ? m_workers->groupAt(sourceRow) : i.data(WorkerTableModel::GroupRole).toInt();
        if (group != m_group)
            return false;
    }
    if (m_state == Degraded) {
        // Only the worker table knows a row's health; another source has no degraded rows.
        const WorkerState st = m_workers ? m_workers->stateAt(sourceRow) : WorkerState();
        if (st.status != WorkerStatus::Online || !st.degraded)
            return false;
    } else if (m_state != All) {
        const auto st = WorkerStatus(i.data(WorkerTableModel::StatusRole).toInt());
        const WorkerStatus wanted = m_state == Online    ? WorkerStatus::Online
                                    : m_state == Offline ? WorkerStatus::Offline
                                    : m_state == Missing ? WorkerStatus::Missing
                                                         : WorkerStatus::Retired;
        if (st != wanted)
            return false;
    }
    if (m_search.isEmpty())
        return true;
    return i.data(WorkerTableModel::NameRole).toString().contains(m_search, Qt::CaseInsensitive) ||
           i.data(WorkerTableModel::HostRole).toString().contains(m_search, Qt::CaseInsensitive);
}

bool WorkerFilterProxy::lessThan(int leftRow, int rightRow) const
{
    const int column = m_sortColumn;
    // The worker table's numeric columns straight from its rows: a sort compares each row with
    // many others, and a QVariant per side each time was most of that.
    if (m_workers) {
        const std::optional<double> a = m_workers->sortNumber(leftRow, column);
        const std::optional<double> b = m_workers->sortNumber(rightRow, column);
        if (a && b) {
            if (*a != *b)
                return *a < *b;
            return m_workers->tieBefore(leftRow, rightRow);
        }
    }
    const QAbstractItemModel *m = sourceModel();
    const QVariant l = m->index(leftRow, column).data(WorkerTableModel::SortRole);
    const QVariant r = m->index(rightRow, column).data(WorkerTableModel::SortRole);
    if (l.userType() == QMetaType::QString || r.userType() == QMetaType::QString) {
        // Natural order for names: rig-2 before rig-10.
        const int c = m_collator.compare(l.toString(), r.toString());
        if (c != 0)
            return c < 0;
    } else {
        const double a = l.toDouble();
        const double b = r.toDouble();
        if (a != b)
            return a < b;
    }
    // Ties broken by name so equal values keep a stable, predictable order.
    if (m_workers)
        return m_workers->tieBefore(leftRow, rightRow);
    return m->index(leftRow, 0).data(WorkerTableModel::NameRole).toString() <
           m->index(rightRow, 0).data(WorkerTableModel::NameRole).toString();
}

bool WorkerFilterProxy::before(int leftRow, int rightRow) const
{
    if (!m_sorted)
        return leftRow < rightRow;
    return m_sortOrder == Qt::AscendingOrder ? lessThan(leftRow, rightRow)
                                             : lessThan(rightRow, leftRow);
}

void WorkerFilterProxy::rebuild()
{
    m_pending.clear();
    m_proxyToSource.clear();
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    const int columns = sourceModel() ? sourceModel()->columnCount() : 0;
    m_sorted = m_sortColumn >= 0 && m_sortColumn < columns;
    m_proxyToSource.reserve(rows);
    for (int r = 0; r < rows; ++r)
        if (acceptsRow(r))
            m_proxyToSource.push_back(r);
    if (m_sorted)
        std::stable_sort(m_proxyToSource.begin(), m_proxyToSource.end(),
                         [this](int a, int b) { return before(a, b); });
    m_sourceToProxy.fill(-1, rows);
    rebuildSourceToProxy();
}

void WorkerFilterProxy::rebuildSourceToProxy(int from)
{
    for (int p = from; p < m_proxyToSource.size(); ++p)
        m_sourceToProxy[m_proxyToSource[p]] = p;
}

QVector<int> WorkerFilterProxy::persistentSourceRows(const QModelIndexList &indexes) const
{
    QVector<int> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex &i : indexes)
        rows << (i.isValid() && i.row() < m_proxyToSource.size() ? m_proxyToSource[i.row()] : -1);
    return rows;
}

void WorkerFilterProxy::remapPersistent(const QModelIndexList &from, const QVector<int> &sourceRows)
{
    QModelIndexList to;
    to.reserve(from.size());
    for (int k = 0; k < from.size(); ++k) {
        const int s = sourceRows[k];
        const int row = s >= 0 && s < m_sourceToProxy.size() ? m_sourceToProxy[s] : -1;
        to << (row >= 0 ? index(row, from[k].column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
}

void WorkerFilterProxy::layoutChange(const std::function<void()> &change)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    const QVector<int> sourceRows = persistentSourceRows(from);
    change();
    remapPersistent(from, sourceRows);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void WorkerFilterProxy::invalidate()
{
    flushPending();
    layoutChange([this] { rebuild(); });
}

void WorkerFilterProxy::sort(int column, Qt::SortOrder order)
{
    flushPending();
    m_sortColumn = column;
    m_sortOrder = order;
    layoutChange([this] { rebuild(); });
}

// ---- the source's changes -----------------------------------------------------------------------

void WorkerFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                      const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const bool first = m_pending.isEmpty();
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
        m_pending << r;
    m_pendingFirstColumn =
        first ? topLeft.column() : std::min(m_pendingFirstColumn, topLeft.column());
    m_pendingLastColumn =
        first ? bottomRight.column() : std::max(m_pendingLastColumn, bottomRight.column());
    if (first) {
        m_pendingRoles = roles;
        m_pendingAllRoles = roles.isEmpty();
    } else if (!m_pendingAllRoles) {
        m_pendingAllRoles = roles.isEmpty();
        for (int role : roles)
            if (!m_pendingRoles.contains(role))
                m_pendingRoles << role;
    }
    if (!m_batching)
        flushPending();
}

// Places a batch of changed rows: out of the table for those the filter no longer takes, into
// it for those it now takes, and for the others a move only if one is out of order with a
// neighbour. The rows not in the batch kept their values, so they are still in order among
// themselves; the changed ones are taken out and merged back in, all in one layout change.
void WorkerFilterProxy::flushPending()
{
    if (m_pending.isEmpty())
        return;
    QVector<int> changed;
    changed.swap(m_pending);
    const QList<int> roles = m_pendingAllRoles ? QList<int>() : m_pendingRoles;
    const int firstColumn = m_pendingFirstColumn;
    const int lastColumn = m_pendingLastColumn;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    while (!changed.isEmpty() && changed.last() >= m_sourceToProxy.size())
        changed.removeLast();

    QVector<int> leaving, entering, staying;
    for (int s : std::as_const(changed)) {
        const bool shown = m_sourceToProxy[s] >= 0;
        const bool accepted = acceptsRow(s);
        if (shown && !accepted)
            leaving << m_sourceToProxy[s];
        else if (!shown && accepted)
            entering << s;
        else if (shown)
            staying << s;
    }

    removeProxyRows(std::move(leaving));

    // Staying: moved only if one of them is out of order with a neighbour.
    bool inOrder = true;
    if (m_sorted) {
        const int n = int(m_proxyToSource.size());
        for (int s : std::as_const(staying)) {
            const int p = m_sourceToProxy[s];
            if ((p > 0 && before(s, m_proxyToSource[p - 1])) ||
                (p + 1 < n && before(m_proxyToSource[p + 1], s))) {
                inOrder = false;
                break;
            }
        }
    }
    if (!inOrder) {
        layoutChange([&] {
            // Out by their old places, in by their new ones: a copy of the row map in pieces,
            // and the reverse map rewritten only between the first and the last row that moved.
            QVector<int> places;
            places.reserve(staying.size());
            for (int s : std::as_const(staying))
                places << m_sourceToProxy[s];
            std::sort(places.begin(), places.end());
            QVector<int> rest;
            rest.reserve(m_proxyToSource.size() - staying.size());
            auto at = m_proxyToSource.cbegin();
            for (int p : std::as_const(places)) {
                rest.append(at, m_proxyToSource.cbegin() + p);
                at = m_proxyToSource.cbegin() + p + 1;
            }
            rest.append(at, m_proxyToSource.cend());
            std::sort(staying.begin(), staying.end(),
                      [this](int a, int b) { return before(a, b); });
            QVector<int> merged;
            merged.reserve(m_proxyToSource.size());
            auto from = rest.cbegin();
            int firstNew = -1;
            int lastNew = -1;
            for (int s : std::as_const(staying)) {
                const auto to = std::upper_bound(from, rest.cend(), s,
                                                 [this](int a, int b) { return before(a, b); });
                merged.append(from, to);
                lastNew = int(merged.size());
                firstNew = firstNew < 0 ? lastNew : firstNew;
                merged.push_back(s);
                from = to;
            }
            merged.append(from, rest.cend());
            m_proxyToSource.swap(merged);
            const int first = std::min(places.first(), firstNew);
            const int last = std::max(places.last(), lastNew);
            for (int p = first; p <= last; ++p)
                m_sourceToProxy[m_proxyToSource[p]] = p;
        });
    }

    // Entering: each inserted where it belongs.
    std::sort(entering.begin(), entering.end(), [this](int a, int b) { return before(a, b); });
    for (int s : std::as_const(entering)) {
        const auto at = std::upper_bound(m_proxyToSource.cbegin(), m_proxyToSource.cend(), s,
                                         [this](int a, int b) { return before(a, b); });
        const int p = int(at - m_proxyToSource.cbegin());
        beginInsertRows({}, p, p);
        m_proxyToSource.insert(p, s);
        rebuildSourceToProxy(p);
        endInsertRows();
    }

    // What the view must repaint: the staying rows where they now are, a run at a time.
    QVector<int> rows;
    rows.reserve(staying.size());
    for (int s : std::as_const(staying))
        rows << m_sourceToProxy[s];
    std::sort(rows.begin(), rows.end());
    for (int i = 0; i < rows.size();) {
        const int firstRow = rows[i];
        while (i + 1 < rows.size() && rows[i + 1] == rows[i] + 1)
            ++i;
        emit dataChanged(index(firstRow, firstColumn), index(rows[i], lastColumn), roles);
        ++i;
    }
}

void WorkerFilterProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    flushPending();
    QVector<int> shown;
    for (int s = first; s <= last && s < m_sourceToProxy.size(); ++s)
        if (m_sourceToProxy[s] >= 0)
            shown << m_sourceToProxy[s];
    removeProxyRows(std::move(shown));
}

// Removes the given proxy rows from the bottom up, a contiguous run at a time.
void WorkerFilterProxy::removeProxyRows(QVector<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int i = 0; i < rows.size();) {
        const int lastRow = rows[i];
        int firstRow = lastRow;
        while (i + 1 < rows.size() && rows[i + 1] == firstRow - 1)
            firstRow = rows[++i];
        ++i;
        beginRemoveRows({}, firstRow, lastRow);
        for (int p = firstRow; p <= lastRow; ++p)
            m_sourceToProxy[m_proxyToSource[p]] = -1;
        m_proxyToSource.remove(firstRow, lastRow - firstRow + 1);
        rebuildSourceToProxy(firstRow);
        endRemoveRows();
    }
}

void WorkerFilterProxy::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || first >= m_sourceToProxy.size())
        return;
    // The source rows below the removed ones moved up; no proxy row moved.
    const int count = std::min(last, int(m_sourceToProxy.size()) - 1) - first + 1;
    for (int &s : m_proxyToSource)
        if (s > last)
            s -= count;
    m_sourceToProxy.remove(first, count);
}

void WorkerFilterProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    flushPending();
    const int count = last - first + 1;
    if (first < m_sourceToProxy.size()) {
        for (int &s : m_proxyToSource)
            if (s >= first)
                s += count;
    }
    m_sourceToProxy.insert(std::min<qsizetype>(first, m_sourceToProxy.size()), count, -1);
    // New rows are placed as changed rows the filter now takes.
    for (int s = first; s <= last; ++s)
        m_pending << s;
    m_pendingFirstColumn = 0;
    m_pendingLastColumn = columnCount() - 1;
    m_pendingAllRoles = true;
    flushPending();
}

void WorkerFilterProxy::onSourceLayoutAboutToBeChanged()
{
    flushPending();
    emit layoutAboutToBeChanged();
    m_layoutFrom = persistentIndexList();
    m_layoutSources.clear();
    for (const QModelIndex &i : std::as_const(m_layoutFrom))
        m_layoutSources << QPersistentModelIndex(mapToSource(i));
}

void WorkerFilterProxy::onSourceLayoutChanged()
{
    rebuild();
    QVector<int> sourceRows;
    for (const QPersistentModelIndex &s : std::as_const(m_layoutSources))
        sourceRows << (s.isValid() ? s.row() : -1);
    remapPersistent(m_layoutFrom, sourceRows);
    m_layoutFrom.clear();
    m_layoutSources.clear();
    emit layoutChanged();
}

} // namespace rw
