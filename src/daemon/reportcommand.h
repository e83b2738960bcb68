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

#if !defined(RIGWATCHD_WITH_PDF)
// rigwatchd does not load Qt Gui: it hands a PDF report to rigwatchd-pdf, the same program with
// the PDF writer, found next to it (a build tree) or in <libexecdir>/rigwatch. Replaces the
// process with it, given the same arguments; returns only when it cannot (exit code 3, *error
// says why). Needs the QCoreApplication.
int execPdfWriter(char **argv, QString *error);
#endif

// Returns the exit code: 0 written, 2 a bad request (period, group, format, output: *error
// names it), 3 the database could not be read (or, in rigwatchd, a PDF asked for).
int runReport(const DaemonConfig &config, const ReportRequest &request, QString *error);

} // namespace rw
