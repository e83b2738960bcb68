// The built programs as a newcomer starts them: `rigwatch --demo` (offscreen) and
// `rigwatchd --demo` come up, poll the simulated farm, and exit 0 on SIGTERM.
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestSmoke : public QObject
{
    Q_OBJECT

    static void upThenTerminated(const QString &program, const QStringList &args)
    {
        QTemporaryDir home; // no settings or history of the machine's user leak in or out
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/") + program, args);
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        QString log;
        // the first poll of the simulated farm is logged within seconds
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += QString::fromUtf8(p.readAllStandardError())).contains(QStringLiteral("polled")),
            15000);
        QVERIFY2(p.state() == QProcess::Running, qPrintable(log));
        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(10000));
        log += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(log.right(3000)));
        QVERIFY2(p.exitCode() == 0, qPrintable(log.right(3000)));
        QVERIFY2(!log.contains(QStringLiteral("demo-secret")) &&
                     !log.contains(QStringLiteral("demo-token")),
                 "a secret of the simulated farm reached the log");
    }

    static QString onPath(const QString &program)
    {
        return QStandardPaths::findExecutable(program);
    }

private slots:
    // With a system tray the main window hides to it instead of closing; a SIGTERM (logout,
    // systemctl --user stop) must still quit at once, window open or not. Needs an X server
    // with a tray: Xvfb and trayer (scripts/setup installs both).
    void trayAppQuitsOnSigtermWithATray()
    {
        if (!QFileInfo::exists(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatch")))
            QSKIP("rigwatch is not built here (RIGWATCH_BUILD_GUI=OFF)");
        if (onPath(QStringLiteral("Xvfb")).isEmpty() || onPath(QStringLiteral("trayer")).isEmpty())
            QSKIP("needs Xvfb and trayer");
        const QString display =
            QStringLiteral(":%1").arg(90 + QCoreApplication::applicationPid() % 100);
        QProcess xvfb;
        xvfb.start(onPath(QStringLiteral("Xvfb")),
                   {display, QStringLiteral("-screen"), QStringLiteral("0"),
                    QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"),
                    QStringLiteral("tcp")});
        QVERIFY(xvfb.waitForStarted());
        QTest::qWait(500);
        QProcessEnvironment x = QProcessEnvironment::systemEnvironment();
        x.insert(QStringLiteral("DISPLAY"), display);
        QProcess tray;
        tray.setProcessEnvironment(x);
        tray.start(onPath(QStringLiteral("trayer")), {});
        QVERIFY(tray.waitForStarted());
        QTest::qWait(500);

        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = x;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatch"),
                {QStringLiteral("--demo"), QStringLiteral("--new-instance")});
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        QString log;
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += QString::fromUtf8(p.readAllStandardError())).contains(QStringLiteral("polled")),
            20000);
        QVERIFY2(p.state() == QProcess::Running, qPrintable(log));
        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        const bool ended = p.state() == QProcess::NotRunning || done.wait(5000);
        if (!ended)
            p.kill();
        tray.kill();
        xvfb.kill();
        tray.waitForFinished();
        xvfb.waitForFinished();
        QVERIFY2(ended, "still running 5 s after SIGTERM");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }
    void daemonDemo() { upThenTerminated(QStringLiteral("rigwatchd"), {QStringLiteral("--demo")}); }
    void trayAppDemo()
    {
        if (!QFileInfo::exists(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatch")))
            QSKIP("rigwatch is not built here (RIGWATCH_BUILD_GUI=OFF)");
        upThenTerminated(QStringLiteral("rigwatch"),
                         {QStringLiteral("--demo"), QStringLiteral("--new-instance")});
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
