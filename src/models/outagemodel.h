#pragma once

#include "store/outagecsv.h"
#include "store/store.h"

#include <QAbstractTableModel>
#include <QHash>

namespace rw {

// The outage log as a table (worker, account, went offline, came back, duration), shown in
// local time, and as CSV (store/outagecsv.h). The Account column names each outage's account
// and pool by the labels given (a farm's history on several pools in one table).
class OutageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ColWorker,
        ColAccount,
        ColStart,
        ColEnd,
        ColDuration,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setOutages(const QVector<Outage> &outages, qint64 nowSecs);
    // Account key -> what the Account column shows ("East hall (f2pool)"); a key without a
    // label shows as itself.
    void setAccountLabels(const QHash<QString, QString> &labels);
    const QVector<Outage> &outages() const { return m_outages; }
    QString toCsv() const { return outagesCsv(m_outages, m_now); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<Outage> m_outages;
    QHash<QString, QString> m_labels;
    qint64 m_now = 0;
};

} // namespace rw
