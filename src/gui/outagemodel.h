#pragma once

#include "store/store.h"

#include <QAbstractTableModel>

namespace rw {

// Outages as CSV (ISO-8601 UTC times, durations in seconds to now for ongoing ones).
QString outagesCsv(const QVector<Outage> &outages, qint64 nowSecs);

// The outage log as a table (worker, went offline, came back, duration) and as CSV for the
// hosting SLA spreadsheet. Times shown in local time; the CSV uses ISO-8601 UTC so it means
// the same wherever it is opened.
class OutageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ColWorker, ColStart, ColEnd, ColDuration, ColumnCount };
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
