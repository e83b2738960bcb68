#include "store/outagecsv.h"

#include <QDateTime>

namespace rw {

QString csvField(const QString &s)
{
    QString v = s;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
        v.contains(QLatin1Char('\n')) || v != s) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QString csvUtc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QString outagesCsv(const QVector<Outage> &outages, qint64 nowSecs)
{
    // kind and depth (issue #19), then the account (a farm on several pools) come last, so
    // readers of the first four columns still work.
    QString out = QStringLiteral(
        "worker,went_offline_utc,came_back_utc,duration_s,kind,depth_percent,account\n");
    for (const Outage &o : outages) {
        out += csvField(o.worker) + QLatin1Char(',') + csvUtc(o.start) + QLatin1Char(',') +
               (o.end ? csvUtc(o.end) : QString()) + QLatin1Char(',') +
               QString::number(o.durationSecs(nowSecs)) +
               (o.degraded ? QStringLiteral(",degraded,") + QString::number(qRound(o.depth * 100))
                           : QStringLiteral(",offline,")) +
               QLatin1Char(',') + csvField(o.account) + QLatin1Char('\n');
    }
    return out;
}

} // namespace rw
