#include "report/reportperiod.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace rw {

namespace {

qint64 midnight(const QDate &day, const QTimeZone &zone)
{
    // A zone whose clocks skip midnight (a DST change at 00:00) starts the day at the first
    // minute that exists: QDateTime moves a time in the gap forward.
    return QDateTime(day, QTime(0, 0), zone).toSecsSinceEpoch();
}

QDate today(qint64 now, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(now, zone).date();
}

} // namespace

QString ReportPeriod::label() const
{
    const QString a = first.toString(Qt::ISODate);
    return first == last ? a : a + QStringLiteral(" – ") + last.toString(Qt::ISODate);
}

ReportPeriod ReportPeriod::ofDays(const QDate &first, const QDate &last, const QTimeZone &zone)
{
    ReportPeriod p;
    p.first = first;
    p.last = last;
    p.from = midnight(first, zone);
    p.to = midnight(last.addDays(1), zone);
    return p;
}

ReportPeriod ReportPeriod::yesterday(qint64 now, const QTimeZone &zone)
{
    const QDate day = today(now, zone).addDays(-1);
    return ofDays(day, day, zone);
}

ReportPeriod ReportPeriod::lastDays(int days, qint64 now, const QTimeZone &zone)
{
    const QDate end = today(now, zone).addDays(-1);
    return ofDays(end.addDays(1 - days), end, zone);
}

ReportPeriod ReportPeriod::lastMonth(qint64 now, const QTimeZone &zone)
{
    const QDate t = today(now, zone);
    const QDate first = QDate(t.year(), t.month(), 1).addMonths(-1);
    return ofDays(first, first.addMonths(1).addDays(-1), zone);
}

std::optional<ReportPeriod> ReportPeriod::parse(const QString &text, qint64 now,
                                                const QTimeZone &zone, QString *error)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("yesterday"))
        return yesterday(now, zone);
    if (t == QLatin1String("last-7-days"))
        return lastDays(7, now, zone);
    if (t == QLatin1String("last-month"))
        return lastMonth(now, zone);
    const QStringList parts = t.split(QStringLiteral(".."));
    if (parts.size() != 2) {
        *error = tr("bad period \"%1\": use yesterday, last-7-days, last-month or "
                    "YYYY-MM-DD..YYYY-MM-DD")
                     .arg(text);
        return std::nullopt;
    }
    const QDate first = QDate::fromString(parts.at(0), Qt::ISODate);
    const QDate last = QDate::fromString(parts.at(1), Qt::ISODate);
    for (int i = 0; i < 2; ++i) {
        const QDate &d = i == 0 ? first : last;
        if (!d.isValid() || parts.at(i).size() != 10) {
            *error =
                tr("bad period \"%1\": \"%2\" is not a date (YYYY-MM-DD)").arg(text, parts.at(i));
            return std::nullopt;
        }
    }
    if (last < first) {
        *error = tr("bad period \"%1\": it ends before it begins").arg(text);
        return std::nullopt;
    }
    ReportPeriod p = ofDays(first, last, zone);
    if (p.from >= now) {
        *error = tr("bad period \"%1\": it has not begun yet").arg(text);
        return std::nullopt;
    }
    // A period that includes today ends now: the rest of the day is not known yet.
    p.to = std::min(p.to, now);
    return p;
}

} // namespace rw
