#pragma once

#include "measuredchild.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace rw::bench {

class BenchReport;

// Figures measured on whole processes: 3 (the worker table model, in rigwatch_bench_table, a
// GUI-linked child), 4 (peak RSS of `rigwatchd --once` on a 100k-worker reply served by
// rigwatch_sim in another process, on a warm database), 6 (CPU used by the idle tray app) and 9
// (wall time of `rigwatchd --once` against the original script's whole process).
class ProcessBench
{
public:
    ProcessBench(BenchReport *report, const QString &binDir, const QString &scratchDir);

    void tableModel();                        // figure 3
    void memory();                            // figure 4
    void idle();                              // figure 6
    void wholeProcess(const QString &python); // figure 9

private:
    struct SimPool
    {
        std::unique_ptr<QProcess> process;
        QString url;
    };

    struct IdleRun
    {
        double cpuSecs = 0;
        double wallSecs = 0;
        bool windowShown = false; // no system tray: the window stayed on screen
        QString error;
    };

    SimPool startSim(int rigs, QString *error, const QStringList &extra = {}) const;
    IdleRun idleRun(const QStringList &args, const QString &home) const;
    static void stop(QProcess *process);
    qint64 fetchReplySize(const QString &url, QString *error) const;
    // fresh: a new database; otherwise the one the runs before under the same tag left.
    MeasuredChild::Result rigwatchdOnce(const QString &poolUrl, const QString &tag,
                                        bool fresh = true) const;
    // `runs` runs of rigwatchd --once on a fresh database under tag; false (and *error) when
    // one did not report OK. *firstRssKb (when given) gets the first run's peak RSS.
    bool warmDatabase(const QString &poolUrl, const QString &tag, int runs, QString *error,
                      long *firstRssKb = nullptr) const;

    BenchReport *m_report;
    QString m_bin;
    QString m_scratch;
};

} // namespace rw::bench
