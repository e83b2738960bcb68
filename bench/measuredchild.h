#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rw::bench {

// Runs a program to its end and reports its exit code, its output and its peak RSS, measured on
// exactly that process. The program is started by a small helper (rigwatch_bench in
// --measure-child mode) rather than by the benchmark itself: Linux keeps a process's peak RSS
// across execve, so a child spawned straight from the benchmark, which holds hundreds of
// megabytes of replies by then, would inherit the benchmark's peak.
class MeasuredChild
{
public:
    struct Result
    {
        int exitCode = -1; // -1: did not exit normally
        long maxRssKb = 0;
        QString out;   // stdout
        QString error; // what went wrong, and the end of stderr when the exit code is not 0
    };

    // scratchDir receives the child's stdout and stderr files.
    static Result run(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env, const QString &scratchDir, int timeoutSecs);

    // The helper: rigwatch_bench --measure-child OUT ERR TIMEOUT PROGRAM [ARGS...]. Called from
    // main() before Qt starts; prints "exit=N maxrss=KB" and returns 0.
    static int helperMain(int argc, char **argv);
};

} // namespace rw::bench
