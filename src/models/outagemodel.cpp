#include "outagemodel.h"

#include "util/units.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <limits>

namespace rw {

void OutageModel::setOutages(const QVector<Outage> &outages, qint64 nowSecs)
{
    beginResetModel(); // a new query's answer: a reset is what it is
    m_outages = outages;
    m_now = nowSecs;
    endResetModel();
}

void OutageModel::setAccountLabels(const QHash<QString, QString> &labels)
{
    m_labels = labels;
    if (!m_outages.isEmpty())
        emit dataChanged(index(0, ColAccount), index(rowCount() - 1, ColAccount));
}

int OutageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_outages.size());
}

int OutageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_outages.size())
        return {};
    const Outage &o = m_outages[index.row()];
    const auto local = [](qint64 s) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(s).toLocalTime(),
                                  QLocale::ShortFormat);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColWorker:
            // A degraded period (issue #19) beside the outages, with its depth.
            return o.degraded ? tr("%1 (degraded, down to %2 % of usual)")
                                    .arg(o.worker)
                                    .arg(qRound(o.depth * 100))
                              : o.worker;
        case ColAccount:
            return m_labels.value(o.account, o.account);
        case ColStart:
            return local(o.start);
        case ColEnd:
            return o.end ? local(o.end) : o.degraded ? tr("still degraded") : tr("still offline");
        case ColDuration:
            return formatDuration(o.durationSecs(m_now));
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case ColWorker:
            return o.worker;
        case ColAccount:
            return m_labels.value(o.account, o.account);
        case ColStart:
            return o.start;
        case ColEnd:
            return o.end ? o.end : std::numeric_limits<qint64>::max();
        case ColDuration:
            return o.durationSecs(m_now);
        }
    } else if (role == Qt::FontRole && !o.end) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant OutageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ColWorker:
        return tr("Worker");
    case ColAccount:
        return tr("Account");
    case ColStart:
        return tr("Went offline");
    case ColEnd:
        return tr("Came back");
    case ColDuration:
        return tr("Duration");
    }
    return {};
}

} // namespace rw
