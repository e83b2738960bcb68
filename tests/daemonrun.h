#pragma once

// rigwatchd as the daemon tests drive it: a real process run to completion while the test's
// own event loop keeps serving the simulated farm, and configuration files written as an
// operator would (readable by the owner only).
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QtTest>

namespace rw::test {

struct DaemonRun
{
    int exitCode = -1; // -1: it crashed or had to be killed
    QString out;
    QString err;
    qint64 ms = 0;
};

// Fails the calling test when any of the secrets shows in what rigwatchd printed.
inline DaemonRun runDaemon(const QStringList &args, const QStringList &secrets,
                           int timeoutMs = 20000)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), args);
    QSignalSpy done(&p, &QProcess::finished);
    if (!done.wait(timeoutMs)) {
        p.kill();
        done.wait(2000);
    }
    DaemonRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError()), t.elapsed()};
    const QString printed = r.out + r.err;
    for (const QString &secret : secrets)
        if (printed.contains(secret))
            QTest::qFail("a secret leaked into rigwatchd's output", __FILE__, __LINE__);
    return r;
}

inline QString writeIni(const QString &path, const QString &text)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

} // namespace rw::test
