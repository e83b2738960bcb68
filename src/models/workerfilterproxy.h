#pragma once

#include "monitor/workerstatus.h"

#include <QAbstractProxyModel>
#include <QCollator>
#include <QVector>

#include <functional>

namespace rw {

class WorkerTableModel;

// Search, state, account and group filters over the worker table, sorted by the model's numeric
// SortRole so "10 TH/s" sorts above "9 TH/s" and "2 h" above "47 min"; keeps the order as polls
// change values (rows move, the selection follows them).
//
// Not a QSortFilterProxyModel: that one moves each changed row on its own, a layout change and
// its whole row map rebuilt per moved row, so a poll cost as much more as the farm was larger.
// Here a poll of the worker table (between WorkerTableModel::batchStarted and batchFinished) is
// placed in one go: rows whose place is unchanged cost a comparison with their neighbours, and
// if any moved, one layout change takes them out and merges them back in. Filter changes and
// sorts are layout changes too (as QSortFilterProxyModel::invalidate). Any other source model
// works as well, each of its dataChanged signals taken as one batch.
class WorkerFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    enum StateFilter
    {
        All,
        Online,
        Degraded, // online, but well below its usual hashrate (issue #19)
        Offline,
        Missing,
        Retired
    };

    explicit WorkerFilterProxy(QObject *parent = nullptr);
    ~WorkerFilterProxy() override;

    // Case-insensitive substring of the worker name or its host.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_state; }
    // Only the workers of this account (its key); empty: every account's.
    void setAccountFilter(const QString &accountKey);
    QString accountFilter() const { return m_account; }

    // Only the workers of this group (its index among WorkerTableModel::groups(); -1: the
    // default group's, the workers of no group); kAnyGroup: every group's.
    static constexpr int kAnyGroup = -2;
    void setGroupFilter(int group);
    int groupFilter() const { return m_group; }

    static QString stateFilterText(StateFilter filter);

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Filters and sorts every row again (a layout change).
    void invalidate();

    void setSourceModel(QAbstractItemModel *model) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool acceptsRow(int sourceRow) const;
    bool lessThan(int leftRow, int rightRow) const; // source rows, in the sort column
    bool before(int leftRow, int rightRow) const;   // the same, in the sort order
    void rebuild();                                 // filter and sort everything
    void rebuildSourceToProxy(int from = 0);
    void removeProxyRows(QVector<int> rows);
    // Proxy rows of the persistent indexes, as source rows, across a layout change.
    QVector<int> persistentSourceRows(const QModelIndexList &indexes) const;
    void remapPersistent(const QModelIndexList &from, const QVector<int> &sourceRows);
    void layoutChange(const std::function<void()> &change);

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void flushPending();
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceLayoutAboutToBeChanged();
    void onSourceLayoutChanged();
    void disconnectSource();

    QString m_search;
    StateFilter m_state = All;
    QString m_account;
    int m_group = kAnyGroup;
    QCollator m_collator;
    int m_sortColumn = -1; // -1: the source's order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_sorted = false;                       // a sort column the source has
    const WorkerTableModel *m_workers = nullptr; // the source, when it is the worker table

    QVector<int> m_proxyToSource; // the shown source rows, in order
    QVector<int> m_sourceToProxy; // -1: filtered out

    // A batch of changed source rows waiting to be placed, and what changed in them.
    bool m_batching = false;
    QVector<int> m_pending;
    int m_pendingFirstColumn = 0;
    int m_pendingLastColumn = -1;
    QList<int> m_pendingRoles;
    bool m_pendingAllRoles = false;

    // Across a layout change of the source.
    QModelIndexList m_layoutFrom;
    QList<QPersistentModelIndex> m_layoutSources;

    QVector<QMetaObject::Connection> m_connections;
};

} // namespace rw
