#pragma once

#include "config/configfile.h"

#include <QString>

namespace rw {

// rigwatchd --report PERIOD [--group NAME] --format csv|pdf --output FILE: the availability
// report of the configured accounts read from the store, written to FILE. Reads the database
// only (a running daemon may keep writing it).
struct ReportRequest
{
    QString period; // ReportPeriod::parse()
    QString group;  // a [group.NAME] NAME; empty = every group
    QString format; // "csv" or "pdf"
    QString output;
    qint64 now = 0; // unix s
};

// True when the command line asks for a PDF report: the one mode that needs a QGuiApplication.
bool wantsPdfReport(int argc, char **argv);

// Returns the exit code: 0 written, 2 a bad request (period, group, format, output: *error
// names it), 3 the database could not be read.
int runReport(const DaemonConfig &config, const ReportRequest &request, QString *error);

} // namespace rw
