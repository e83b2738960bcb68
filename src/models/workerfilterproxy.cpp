#include "workerfilterproxy.h"

#include "workertablemodel.h"

namespace rw {

WorkerFilterProxy::WorkerFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(WorkerTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Keeps the order right as polls change values; rows move, the selection follows them.
    setDynamicSortFilter(true);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void WorkerFilterProxy::setSearchText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_search)
        return;
    m_search = t;
    invalidateFilter();
}

void WorkerFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateFilter();
}

QString WorkerFilterProxy::stateFilterText(StateFilter filter)
{
    switch (filter) {
    case All:
        return tr("All");
    case Online:
        return tr("Online");
    case Offline:
        return tr("Offline");
    case Missing:
        return tr("Missing");
    case Retired:
        return tr("Retired");
    }
    return {};
}

bool WorkerFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state != All) {
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

void WorkerFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_workers = qobject_cast<const WorkerTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool WorkerFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The worker table's numeric columns straight from its rows: a poll that moves a worker
    // compares it with a dozen others, a sort with 10,000 of them, and a QVariant per side each
    // time was most of that.
    // (Still the source: a destroyed source is replaced without setSourceModel being called.)
    if (m_workers && m_workers == sourceModel() && sortRole() == WorkerTableModel::SortRole) {
        const std::optional<double> a = m_workers->sortNumber(left.row(), left.column());
        const std::optional<double> b = m_workers->sortNumber(right.row(), right.column());
        if (a && b) {
            if (*a != *b)
                return *a < *b;
            return m_workers->workerAt(left.row()) < m_workers->workerAt(right.row());
        }
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
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
    return left.data(WorkerTableModel::NameRole).toString() <
           right.data(WorkerTableModel::NameRole).toString();
}

} // namespace rw
