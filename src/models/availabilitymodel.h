#pragma once

#include "report/availability.h"

#include <QAbstractTableModel>

namespace rw {

// The availability report as a table for the Reports tab: one row per account, per group or
// per worker (setLevel), the figures as ReportText writes them in the CSV and the PDF.
// Qt::UserRole gives each cell's number, so a QSortFilterProxyModel sorts by value.
class AvailabilityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Level
    {
        Accounts,
        Groups,
        Workers
    };
    enum Column
    {
        Name,
        Account,
        Group,
        WorkerCount,
        Availability,
        Downtime,
        Outages,
        Mttr,
        Degraded,
        HashRate,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit AvailabilityModel(QObject *parent = nullptr);
    void setReport(const AvailabilityReport &report);
    const AvailabilityReport &report() const { return m_report; }
    void setLevel(Level level);
    Level level() const { return m_level; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString name, account, group;
        int workers = 0;
        AvailabilityFigures figures;
        double hashRate = 0;
    };
    void rebuild();

    AvailabilityReport m_report;
    Level m_level = Groups;
    QVector<Row> m_rows;
};

} // namespace rw
