#include "report/reportwriter.h"

#include "store/outagecsv.h"
#include "util/units.h"

#include <QDateTime>
#include <QStringList>

namespace rw {

namespace {

QString row(const QString &level, const QString &account, const QString &group,
            const QString &worker, const AvailabilityReport &r, int workers,
            const AvailabilityFigures &f, double rate)
{
    const double pct = f.availability();
    const QStringList cells{
        level,
        csvField(account),
        csvField(group),
        csvField(worker),
        csvUtc(r.from),
        csvUtc(r.to),
        QString::number(workers),
        QString::number(f.expectedSecs),
        QString::number(f.onlineSecs()),
        QString::number(f.downSecs),
        pct < 0 ? QString() : QString::number(pct, 'f', 2),
        QString::number(f.outages),
        QString::number(f.mttrSecs()),
        QString::number(f.degradedPeriods),
        QString::number(f.degradedSecs),
        QString::number(rate, 'f', 0),
    };
    return cells.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace

QString ReportText::csv(const AvailabilityReport &report)
{
    QString out = QStringLiteral(
        "level,account,group,worker,from_utc,to_utc,workers,expected_s,online_s,downtime_s,"
        "availability_percent,outages,mttr_s,degraded_periods,degraded_s,avg_hashrate_hs\n");
    for (const AccountAvailability &a : report.accounts) {
        out += row(QStringLiteral("account"), a.label, {}, {}, report, a.workerCount, a.figures,
                   a.averageHashRate);
        for (const GroupAvailability &g : a.groups)
            out += row(QStringLiteral("group"), a.label, g.label, {}, report, g.workerCount,
                       g.figures, g.averageHashRate);
        for (const WorkerAvailability &w : a.workers)
            out += row(QStringLiteral("worker"), a.label, groupLabel(a, w.group), w.worker, report,
                       1, w.figures, w.averageHashRate);
    }
    return out;
}

QString ReportText::availability(const AvailabilityFigures &f)
{
    const double pct = f.availability();
    return pct < 0 ? QStringLiteral("—") : QString::number(pct, 'f', 2) + QStringLiteral(" %");
}

QString ReportText::duration(qint64 secs)
{
    return formatDuration(secs);
}

QString ReportText::groupLabel(const AccountAvailability &a, int group)
{
    for (const GroupAvailability &g : a.groups)
        if (g.group == group)
            return g.label;
    return group < 0 ? Availability::defaultGroupLabel() : QString();
}

} // namespace rw
