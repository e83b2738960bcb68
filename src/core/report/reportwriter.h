#pragma once

#include "report/availability.h"

#include <QCoreApplication>
#include <QString>

namespace rw {

// The availability report as text: the CSV file (docs/reports.md lists its columns) and the
// figures as the PDF and the tray app's Reports tab show them, from one place so all three
// agree.
class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)
public:
    // One row per account, group and worker, in that order per account; durations in seconds,
    // hash rates in H/s, times in UTC.
    static QString csv(const AvailabilityReport &report);
    // "79.17 %", or a dash when nothing was expected.
    static QString availability(const AvailabilityFigures &f);
    // "3 h 05 min" (util/units.h), "0 s" for none.
    static QString duration(qint64 secs);
    // What a group's row is called: its label, or the default group's.
    static QString groupLabel(const AccountAvailability &a, int group);
};

} // namespace rw
