#pragma once

#include "report/availability.h"

#include <QCoreApplication>
#include <QString>

namespace rw {

// The availability report as a PDF a hosting provider can hand to a client: per account the
// farm's name, the group's when the report covers one, the period, the figures per account,
// group and worker (ReportText, as in the CSV and the Reports tab) and a chart of each group's
// hash rate from the hourly roll-ups. Qt's own PDF writer and QPainter: needs a
// QGuiApplication (the "offscreen" platform does on a server), no window.
class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)
public:
    struct Header
    {
        QString farm;   // e.g. the accounts' names; empty = from the report
        QString group;  // the group's label when the report covers one group; empty = all
        QString period; // ReportPeriod::label(), and the zone
    };
    // Writes `path`; on failure returns false and *error names the file and why.
    static bool write(const AvailabilityReport &report, const Header &header, const QString &path,
                      QString *error);
};

} // namespace rw
