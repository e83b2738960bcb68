#include "reportcommand.h"

#include "monitor/groupmatcher.h"
#include "notify/localschedule.h"
#include "report/availability.h"
#include "report/reportperiod.h"
#include "report/reportwriter.h"
#include "store/store.h"

#if defined(RIGWATCHD_WITH_PDF)
#include "reportpdf.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace rw {

bool wantsPdfReport(int argc, char **argv)
{
    bool report = false, pdf = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        report = report || a == "--report" || a.startsWith("--report=");
        pdf = pdf || a == "--format=pdf" ||
              (a == "--format" && i + 1 < argc && QByteArray(argv[i + 1]).toLower() == "pdf");
    }
    return report && pdf;
}

#if !defined(RIGWATCHD_WITH_PDF)
int execPdfWriter(char **argv, QString *error)
{
#if defined(Q_OS_UNIX)
    const QString name = QStringLiteral("rigwatchd-pdf");
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList places{
        dir + QLatin1Char('/') + name,
        QDir::cleanPath(dir + QStringLiteral("/" RIGWATCHD_LIBEXEC_FROM_BIN "/") + name)};
    for (const QString &path : places) {
        if (!QFileInfo(path).isExecutable())
            continue;
        // The same arguments, byte for byte; only the program differs.
        const QByteArray program = QFile::encodeName(path);
        std::vector<char *> args{const_cast<char *>(program.constData())};
        for (char **a = argv + 1; *a; ++a)
            args.push_back(*a);
        args.push_back(nullptr);
        std::fflush(stdout);
        std::fflush(stderr);
        ::execv(program.constData(), args.data());
        *error = QStringLiteral("cannot start the PDF writer %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return 3;
    }
    *error = QStringLiteral("--format pdf needs the PDF writer %1, which is not installed (looked "
                            "for %2); --format csv needs nothing more")
                 .arg(name, places.join(QStringLiteral(" and ")));
#else
    Q_UNUSED(argv)
    *error = QStringLiteral("--format pdf is not available on this system: use --format csv");
#endif
    return 3;
}
#endif

int runReport(const DaemonConfig &config, const ReportRequest &request, QString *error)
{
    const QString format = request.format.toLower();
    if (format != QLatin1String("csv") && format != QLatin1String("pdf")) {
        *error =
            request.format.isEmpty()
                ? QStringLiteral("--report needs --format csv or --format pdf")
                : QStringLiteral("unknown --format \"%1\": use csv or pdf").arg(request.format);
        return 2;
    }
    if (request.output.isEmpty()) {
        *error = QStringLiteral("--report needs --output FILE");
        return 2;
    }
    const LocalSchedule schedule(config.telegram);
    const auto period = ReportPeriod::parse(request.period, request.now, schedule.zone(), error);
    if (!period)
        return 2;
    AvailabilityQuery query;
    query.from = period->from;
    query.to = period->to;
    QString groupLabel;
    if (!request.group.isEmpty()) {
        const int g = GroupMatcher(config.groups).indexOf(request.group);
        if (g < 0) {
            QStringList known;
            for (const GroupConfig &c : config.groups)
                known << c.name;
            *error = known.isEmpty()
                         ? QStringLiteral("unknown group \"%1\": the configuration has no "
                                          "[group.NAME] section")
                               .arg(request.group)
                         : QStringLiteral("unknown group \"%1\": the configuration has %2")
                               .arg(request.group, known.join(QStringLiteral(", ")));
            return 2;
        }
        query.groups.insert(g);
        groupLabel = config.groups.at(g).displayLabel();
    }
    // The output is checked before the database is read: a typo costs no wait.
    const QFileInfo out(request.output);
    if (out.isDir() || !QFileInfo(out.absolutePath()).isDir() ||
        !QFileInfo(out.absolutePath()).isWritable() || (out.exists() && !out.isWritable())) {
        *error = QStringLiteral("cannot write the report to %1: %2")
                     .arg(request.output, out.isDir() ? QStringLiteral("it is a directory")
                                          : !QFileInfo(out.absolutePath()).isDir()
                                              ? QStringLiteral("its folder does not exist")
                                              : QStringLiteral("permission denied"));
        return 2;
    }
    if (!QFileInfo::exists(config.databasePath)) {
        *error = QStringLiteral("no database at %1: rigwatchd has not recorded any history there")
                     .arg(config.databasePath);
        return 3;
    }
    Store store;
    if (!store.open(config.databasePath, error))
        return 3;
    const Availability engine(config.accounts, config.groups);
    const AvailabilityReport report = engine.compute(store, query);
    if (!report.error.isEmpty()) {
        *error = report.error;
        return 3;
    }
    const QString periodText = period->label() + QStringLiteral(" (") +
                               QString::fromUtf8(schedule.zone().id()) + QLatin1Char(')');
    if (format == QLatin1String("pdf")) {
#if defined(RIGWATCHD_WITH_PDF)
        return ReportPdf::write(report, {{}, groupLabel, periodText}, request.output, error) ? 0
                                                                                             : 2;
#else
        *error = QStringLiteral("this rigwatchd has no PDF writer: run rigwatchd-pdf");
        return 3; // main() hands a PDF report to rigwatchd-pdf before it gets here
#endif
    }
    QFile f(request.output);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(ReportText::csv(report).toUtf8()) < 0 || !f.flush()) {
        *error = QStringLiteral("cannot write the report to %1: %2")
                     .arg(request.output, f.errorString());
        return 2;
    }
    return 0;
}

} // namespace rw
