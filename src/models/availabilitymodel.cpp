#include "availabilitymodel.h"

#include "report/reportwriter.h"
#include "util/units.h"

namespace rw {

AvailabilityModel::AvailabilityModel(QObject *parent) : QAbstractTableModel(parent) {}

void AvailabilityModel::setReport(const AvailabilityReport &report)
{
    beginResetModel();
    m_report = report;
    rebuild();
    endResetModel();
}

void AvailabilityModel::setLevel(Level level)
{
    if (level == m_level)
        return;
    beginResetModel();
    m_level = level;
    rebuild();
    endResetModel();
}

void AvailabilityModel::rebuild()
{
    m_rows.clear();
    for (const AccountAvailability &a : std::as_const(m_report.accounts)) {
        switch (m_level) {
        case Accounts:
            m_rows.append({a.label, a.label, {}, a.workerCount, a.figures, a.averageHashRate});
            break;
        case Groups:
            for (const GroupAvailability &g : a.groups)
                m_rows.append(
                    {g.label, a.label, g.label, g.workerCount, g.figures, g.averageHashRate});
            break;
        case Workers:
            for (const WorkerAvailability &w : a.workers)
                m_rows.append({w.worker, a.label, ReportText::groupLabel(a, w.group), 1, w.figures,
                               w.averageHashRate});
            break;
        }
    }
}

int AvailabilityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AvailabilityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AvailabilityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const AvailabilityFigures &f = r.figures;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= WorkerCount ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != SortRole && role != Qt::DisplayRole)
        return {};
    if (role == Qt::DisplayRole) { // the columns shown otherwise than they sort
        switch (index.column()) {
        case Availability:
            return ReportText::availability(f);
        case Downtime:
            return ReportText::duration(f.downSecs);
        case Mttr:
            return f.outages ? ReportText::duration(f.mttrSecs()) : QStringLiteral("—");
        case Degraded:
            return f.degradedPeriods ? tr("%1 in %n period(s)", nullptr, f.degradedPeriods)
                                           .arg(ReportText::duration(f.degradedSecs))
                                     : QStringLiteral("—");
        case HashRate:
            return formatHashRate(r.hashRate);
        }
    }
    switch (index.column()) {
    case Name:
        return r.name;
    case Account:
        return r.account;
    case Group:
        return r.group;
    case WorkerCount:
        return r.workers;
    case Availability:
        return f.availability();
    case Downtime:
        return f.downSecs;
    case Outages:
        return f.outages;
    case Mttr:
        return f.mttrSecs();
    case Degraded:
        return f.degradedSecs;
    case HashRate:
        return r.hashRate;
    }
    return {};
}

QVariant AvailabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return m_level == Accounts ? tr("Account") : m_level == Groups ? tr("Group") : tr("Worker");
    case Account:
        return tr("Account");
    case Group:
        return tr("Group");
    case WorkerCount:
        return tr("Workers");
    case Availability:
        return tr("Availability");
    case Downtime:
        return tr("Downtime");
    case Outages:
        return tr("Outages");
    case Mttr:
        return tr("MTTR");
    case Degraded:
        return tr("Degraded");
    case HashRate:
        return tr("Avg. hashrate");
    }
    return {};
}

} // namespace rw
