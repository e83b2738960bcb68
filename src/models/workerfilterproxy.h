#pragma once

#include "monitor/workerstatus.h"

#include <QCollator>
#include <QSortFilterProxyModel>

namespace rw {

class WorkerTableModel;

// Search and state filter over the worker table; sorts by the model's numeric SortRole so
// "10 TH/s" sorts above "9 TH/s" and "2 h" above "47 min".
class WorkerFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum StateFilter
    {
        All,
        Online,
        Offline,
        Missing,
        Retired
    };

    explicit WorkerFilterProxy(QObject *parent = nullptr);

    // Case-insensitive substring of the worker name or its host.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_state; }

    static QString stateFilterText(StateFilter filter);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    StateFilter m_state = All;
    QCollator m_collator;
    const WorkerTableModel *m_workers = nullptr; // the source, when it is the worker table
};

} // namespace rw
