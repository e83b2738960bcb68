#pragma once

#include "store/outagecsv.h"
#include "store/store.h"

#include <QAbstractTableModel>

namespace rw {

// The outage log as a table (worker, went offline, came back, duration), shown in local time,
// and as CSV (store/outagecsv.h).
class OutageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ColWorker,
        ColStart,
        ColEnd,
        ColDuration,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setOutages(const QVector<Outage> &outages, qint64 nowSecs);
    const QVector<Outage> &outages() const { return m_outages; }
    QString toCsv() const { return outagesCsv(m_outages, m_now); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<Outage> m_outages;
    qint64 m_now = 0;
};

} // namespace rw
