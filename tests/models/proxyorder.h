#pragma once

// What the worker table shows, for the worker-table tests: the names in the proxy's order, and
// the order a freshly loaded, freshly sorted (and filtered) table shows for a view — what a
// poll must arrive at incrementally.
#include "clock.h"
#include "workerfilterproxy.h"
#include "workertablemodel.h"
#include "workerviews.h"

#include <QStringList>

namespace rw::test {

inline QStringList proxyNames(const QAbstractItemModel &proxy)
{
    QStringList out;
    for (int r = 0; r < proxy.rowCount(); ++r)
        out << proxy.index(r, WorkerTableModel::ColWorker).data().toString();
    return out;
}

inline QStringList sortedFromScratch(const AccountView &v, int column, Qt::SortOrder order,
                                     WorkerFilterProxy::StateFilter filter = WorkerFilterProxy::All,
                                     const QString &search = {})
{
    ManualClock clock(kNow * 1000);
    WorkerTableModel model(&clock);
    WorkerFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setStateFilter(filter);
    proxy.setSearchText(search);
    proxy.sort(column, order);
    model.applyView(v);
    return proxyNames(proxy);
}

} // namespace rw::test
