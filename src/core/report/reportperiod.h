#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace rw {

// A report's period: whole local days, from the first day's midnight to the midnight after the
// last, in the zone the operator configured ([telegram] timezone, else the system's).
struct ReportPeriod
{
    Q_DECLARE_TR_FUNCTIONS(ReportPeriod)
public:
    QDate first, last; // inclusive
    qint64 from = 0;   // unix s, inclusive
    qint64 to = 0;     // unix s, exclusive

    // "2026-11-01 – 2026-11-30", or one date for a single day.
    QString label() const;

    static ReportPeriod ofDays(const QDate &first, const QDate &last, const QTimeZone &zone);
    // Relative to the local date of `now`: yesterday; the 7 days before today; the previous
    // calendar month.
    static ReportPeriod yesterday(qint64 now, const QTimeZone &zone);
    static ReportPeriod lastDays(int days, qint64 now, const QTimeZone &zone);
    static ReportPeriod lastMonth(qint64 now, const QTimeZone &zone);
    // "yesterday", "last-7-days", "last-month" or "YYYY-MM-DD..YYYY-MM-DD" (inclusive; a
    // range that includes today ends at `now`). On bad text or a period that has not begun,
    // nullopt and *error says what is wrong with it.
    static std::optional<ReportPeriod> parse(const QString &text, qint64 now, const QTimeZone &zone,
                                             QString *error);
};

} // namespace rw
