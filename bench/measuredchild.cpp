#include "measuredchild.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace rw::bench {

MeasuredChild::Result MeasuredChild::run(const QString &program, const QStringList &args,
                                         const QProcessEnvironment &env, const QString &scratchDir,
                                         int timeoutSecs)
{
    Result m;
    const QString outFile = scratchDir + QStringLiteral("/child.out");
    const QString errFile = scratchDir + QStringLiteral("/child.err");
    QProcess helper;
    helper.setProcessEnvironment(env);
    helper.start(QCoreApplication::applicationFilePath(),
                 QStringList{QStringLiteral("--measure-child"), outFile, errFile,
                             QString::number(timeoutSecs), program} +
                     args);
    if (!helper.waitForFinished((timeoutSecs + 30) * 1000)) {
        helper.kill();
        helper.waitForFinished(5000);
    }
    const QString said = QString::fromUtf8(helper.readAllStandardOutput());
    const auto value = [&said](const char *key) {
        for (const QString &kv :
             said.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            if (kv.startsWith(QLatin1String(key) + QLatin1Char('=')))
                return kv.section(QLatin1Char('='), 1).toLong();
        return -1L;
    };
    m.exitCode = int(value("exit"));
    m.maxRssKb = value("maxrss");
    m.error = QString::fromUtf8(helper.readAllStandardError());
    QFile o(outFile), e(errFile);
    if (o.open(QIODevice::ReadOnly))
        m.out = QString::fromUtf8(o.readAll());
    if (e.open(QIODevice::ReadOnly) && m.exitCode != 0)
        m.error += QString::fromUtf8(e.readAll().right(2000));
    return m;
}

int MeasuredChild::helperMain(int argc, char **argv)
{
    // argv: self --measure-child OUT ERR TIMEOUT PROGRAM [ARGS...]; prints "exit=N maxrss=KB".
    if (argc < 6) {
        std::fprintf(stderr, "usage: %s --measure-child OUT ERR TIMEOUT PROGRAM [ARGS...]\n",
                     argv[0]);
        return 2;
    }
    const int timeoutSecs = std::atoi(argv[4]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[5], &actions, nullptr, argv + 5, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        std::fprintf(stderr, "cannot start %s: %s\n", argv[5], std::strerror(rc));
        return 2;
    }
    int status = 0;
    struct rusage usage = {};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSecs);
    while (::wait4(pid, &status, WNOHANG, &usage) != pid) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            std::fprintf(stderr, "%s did not finish within %d s\n", argv[5], timeoutSecs);
            break;
        }
        ::usleep(20'000);
    }
    std::printf("exit=%d maxrss=%ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                usage.ru_maxrss);
    return 0;
}

} // namespace rw::bench
