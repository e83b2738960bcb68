#include "processbench.h"

#include "benchreport.h"
#include "measuredchild.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <chrono>

#include <unistd.h>

#ifdef __linux__
#include <sched.h>
#endif

namespace rw::bench {

namespace {

const QString kUser = QStringLiteral("demo"); // rigwatch_sim's defaults
const QString kSecret = QStringLiteral("demo-secret");
// Runs of `rigwatchd --once` before the measured one: a farm's database has seen many polls.
constexpr int kWarmRuns = 10;

bool reportedOk(const MeasuredChild::Result &m)
{
    return m.exitCode == 0 && m.out.startsWith(QLatin1String("OK"));
}

QString failureText(const MeasuredChild::Result &m)
{
    return QStringLiteral("exit %1: %2 %3")
        .arg(m.exitCode)
        .arg(m.out.trimmed().left(200), m.error.trimmed().right(300));
}

// utime + stime of a running process, in seconds, from /proc/<pid>/stat.
double cpuSecondsOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // The command name (field 2) may hold spaces; fields are counted after its ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble(); // fields 14, 15
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

QProcessEnvironment isolatedEnvironment(const QString &home)
{
    // Settings, databases and caches of the measured programs go to the scratch directory,
    // never into the user's own.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.insert(QLatin1String(var),
                   home + QLatin1Char('/') + QString::fromLatin1(var).toLower());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    return env;
}

} // namespace

ProcessBench::ProcessBench(BenchReport *report, const QString &binDir, const QString &scratchDir)
    : m_report(report), m_bin(binDir), m_scratch(scratchDir)
{}

// ---- figure 3 ---------------------------------------------------------------------------------

void ProcessBench::tableModel()
{
    const QString what = QStringLiteral("worker table");
    const QString program = m_bin + QStringLiteral("/rigwatch_bench_table");
    if (!QFileInfo::exists(program)) {
        m_report->notAvailable(3, what,
                               QStringLiteral("not available yet: rigwatch_bench_table was "
                                              "not built (no GUI target rigwatch_gui)"));
        return;
    }
    QStringList args;
    if (m_report->quick())
        args << QStringLiteral("--quick");
    const MeasuredChild::Result m =
        MeasuredChild::run(program, args, isolatedEnvironment(m_scratch), m_scratch, 600);
    // "RESULT small=N large=N changes=N repaint=MS apply=MS ... a=R a_lo=R ..." (tablebench.cpp)
    QHash<QString, double> r;
    for (const QString &line : m.out.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("RESULT ")))
            continue;
        for (const QString &kv : line.mid(7).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            r.insert(kv.section(QLatin1Char('='), 0, 0),
                     kv.section(QLatin1Char('='), 1).toDouble());
    }
    if (m.exitCode != 0 || !r.contains(QStringLiteral("a")) || !r.contains(QStringLiteral("b"))) {
        m_report->error(3, what,
                        QStringLiteral("rigwatch_bench_table failed (exit %1): %2")
                            .arg(m.exitCode)
                            .arg(m.error + m.out.right(500)));
        return;
    }
    const auto v = [&r](const QByteArray &key) { return r.value(QLatin1String(key)); };
    const auto ms = [&v](const QByteArray &key) -> QString {
        return fixed(v(key), 3) + QStringLiteral(" ms");
    };
    const auto spread = [&v](const QByteArray &key) {
        return QStringLiteral("%1-%2").arg(fixed(v(key + "_lo"), 2), fixed(v(key + "_hi"), 2));
    };
    const QLocale english(QLocale::English, QLocale::UnitedStates); // 10,000
    const QString small = english.toString(int(v("small")));
    const QString large = english.toString(int(v("large")));
    const QString changes = QString::number(int(v("changes")));
    m_report->figure(
        QStringLiteral("3a"),
        QStringLiteral("worker table: applying a poll with %1 changes to %2 workers / a bare "
                       "repaint of the same table")
            .arg(changes, small),
        QStringLiteral("%1 / %2 = %3 (step by step %4, quartiles)")
            .arg(ms("apply"), ms("repaint"), fixed(v("a"), 2), spread("a")),
        QStringLiteral("<= 2.5"), v("a") <= 2.5);
    m_report->figure(
        QStringLiteral("3b"),
        QStringLiteral("worker table: the same %1 changes applied to %2 workers / to %3")
            .arg(changes, large, small),
        QStringLiteral("%1 / %2 = %3 (step by step %4, quartiles)")
            .arg(ms("apply_large"), ms("apply"), fixed(v("b"), 2), spread("b")),
        QStringLiteral("<= 2.0"), v("b") <= 2.0);
    m_report->info(
        QStringLiteral("reference: a full reset of the %1-worker table %2 "
                       "(quartiles %3 ms) = %4 x the apply")
            .arg(small, ms("reset"), spread("reset"), fixed(v("reset") / v("apply"), 0)));
    m_report->info(QStringLiteral("times' quartiles: repaint %1, apply %2, apply to %3 workers %4 "
                                  "(ms)")
                       .arg(spread("repaint"), spread("apply"), large, spread("apply_large")));
    m_report->info(QStringLiteral("without layout and repaint (signals and proxy only): %1 "
                                  "workers %2, %3 workers %4")
                       .arg(small, ms("signals"), large, ms("signals_large")));
}

// ---- figure 4 ---------------------------------------------------------------------------------

ProcessBench::SimPool ProcessBench::startSim(int rigs, QString *error,
                                             const QStringList &extra) const
{
    SimPool sim;
    sim.process = std::make_unique<QProcess>();
    sim.process->setProcessEnvironment(isolatedEnvironment(m_scratch));
    // Its log goes to a file: a full pipe nobody reads would stall it mid-reply.
    const QString log = m_scratch + QStringLiteral("/rigwatch_sim.err");
    sim.process->setStandardErrorFile(log);
    sim.process->start(m_bin + QStringLiteral("/rigwatch_sim"),
                       QStringList{QStringLiteral("--rigs"), QString::number(rigs),
                                   QStringLiteral("--no-outages")} +
                           extra);
#ifdef __linux__
    // The pool is another machine: the farm it serves must not take the CPU the measured
    // process is pinned to (main.cpp), or a whole-process time would count the pool's work.
    if (sim.process->processId() > 0) {
        cpu_set_t all;
        CPU_ZERO(&all);
        for (long cpu = 0; cpu < ::sysconf(_SC_NPROCESSORS_CONF) && cpu < CPU_SETSIZE; ++cpu)
            CPU_SET(cpu, &all);
        sched_setaffinity(pid_t(sim.process->processId()), sizeof all, &all);
    }
#endif
    QByteArray out;
    // rigwatch_sim builds its farm before it listens; 100,000 rigs take it a while.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
    while (sim.process->state() != QProcess::NotRunning &&
           std::chrono::steady_clock::now() < deadline) {
        sim.process->waitForReadyRead(1000);
        out += sim.process->readAllStandardOutput();
        const int at = out.indexOf("pool ");
        const int eol = out.indexOf('\n', at);
        if (at >= 0 && eol > at) {
            sim.url = QString::fromUtf8(out.mid(at + 5, eol - at - 5)).trimmed();
            if (sim.url.endsWith(QLatin1Char('/')))
                sim.url.chop(1);
            return sim;
        }
    }
    QFile err(log);
    err.open(QIODevice::ReadOnly);
    *error = QStringLiteral("rigwatch_sim did not start: ") +
             QString::fromUtf8(err.readAll().right(500)).trimmed();
    stop(sim.process.get());
    sim.process.reset();
    return sim;
}

void ProcessBench::stop(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(10'000)) {
        process->kill();
        process->waitForFinished(5'000);
    }
}

qint64 ProcessBench::fetchReplySize(const QString &url, QString *error) const
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(url + QStringLiteral("/v2/hash_rate/worker/list")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setRawHeader("F2P-API-SECRET", kSecret.toUtf8());
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("mining_user_name"), kUser},
                                  {QStringLiteral("currency"), QStringLiteral("bitcoin")}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = nam.post(req, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 size = reply->isFinished() && reply->error() == QNetworkReply::NoError
                            ? reply->readAll().size()
                            : -1;
    if (size < 0)
        *error =
            QStringLiteral("fetching the reply from rigwatch_sim failed: ") + reply->errorString();
    delete reply;
    return size;
}

MeasuredChild::Result ProcessBench::rigwatchdOnce(const QString &poolUrl, const QString &tag,
                                                  bool fresh) const
{
    const QString dir = m_scratch + QStringLiteral("/rigwatchd-") + tag;
    if (fresh)
        QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString ini = dir + QStringLiteral("/rigwatch.ini");
    QFile f(ini);
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral("[pool]\nurl = %1\nuser = %2\nsecret = %3\ntimeout = 300\n"
                           "[storage]\ndatabase = %4/rigwatch.sqlite\n")
                .arg(poolUrl, kUser, kSecret, dir)
                .toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return MeasuredChild::run(m_bin + QStringLiteral("/rigwatchd"),
                              {QStringLiteral("--once"), QStringLiteral("--config"), ini},
                              isolatedEnvironment(m_scratch), m_scratch, 600);
}

bool ProcessBench::warmDatabase(const QString &poolUrl, const QString &tag, int runs,
                                QString *error, long *firstRssKb) const
{
    for (int i = 0; i < runs; ++i) {
        const MeasuredChild::Result m = rigwatchdOnce(poolUrl, tag, i == 0);
        if (i == 0 && firstRssKb)
            *firstRssKb = m.maxRssKb;
        if (!reportedOk(m)) {
            *error = QStringLiteral("rigwatchd --once did not report OK (%1)").arg(failureText(m));
            return false;
        }
    }
    return true;
}

void ProcessBench::memory()
{
    const int rigs = m_report->quick() ? 10'000 : 100'000;
    const int warmRuns = m_report->quick() ? 1 : kWarmRuns;
    const QString what =
        QStringLiteral("peak RSS growth of rigwatchd --once on a %1-worker reply, warm database "
                       "(%2 runs before) / reply size")
            .arg(QLocale::c().toString(rigs))
            .arg(warmRuns);
    QString error;
    // Baseline: the same cycle on a 10-worker farm (the process, Qt, SQLite, the code itself).
    MeasuredChild::Result small, big;
    qint64 replyBytes = 0;
    long freshRssKb = 0; // the first run, on a fresh database: the figure's form before issue #18
    {
        SimPool sim = startSim(10, &error);
        if (!sim.process) {
            m_report->error(4, what, error);
            return;
        }
        if (warmDatabase(sim.url, QStringLiteral("small"), warmRuns, &error))
            small = rigwatchdOnce(sim.url, QStringLiteral("small"), false);
        stop(sim.process.get());
        if (!error.isEmpty()) {
            m_report->error(4, what, error);
            return;
        }
    }
    {
        SimPool sim = startSim(rigs, &error);
        if (!sim.process) {
            m_report->error(4, what, error);
            return;
        }
        replyBytes = fetchReplySize(sim.url, &error);
        // The rates change from request to request (FakeF2pool jitters them), so every run
        // writes a poll that differs from the one before, as on a farm.
        if (replyBytes > 0 &&
            warmDatabase(sim.url, QStringLiteral("big"), warmRuns, &error, &freshRssKb))
            big = rigwatchdOnce(sim.url, QStringLiteral("big"), false);
        stop(sim.process.get());
        if (replyBytes > 0 && !error.isEmpty()) {
            m_report->error(4, what, error);
            return;
        }
    }
    if (replyBytes <= 0) {
        m_report->error(4, what, error);
        return;
    }
    for (const MeasuredChild::Result *m : {&small, &big}) {
        if (m->exitCode != 0 || !m->out.startsWith(QLatin1String("OK"))) {
            m_report->error(4, what,
                            QStringLiteral("rigwatchd --once did not report OK (exit %1): %2 %3")
                                .arg(m->exitCode)
                                .arg(m->out.trimmed(), m->error.trimmed().right(300)));
            return;
        }
    }
    const double growth = double(big.maxRssKb - small.maxRssKb) * 1024;
    const double ratio = growth / double(replyBytes);
    m_report->figure(4, what,
                     QStringLiteral("(%1 MiB - %2 MiB) / %3 MiB = %4")
                         .arg(fixed(big.maxRssKb / 1024.0, 1), fixed(small.maxRssKb / 1024.0, 1),
                              fixed(replyBytes / 1048576.0, 1), fixed(ratio, 2)),
                     QStringLiteral("<= 1.5"), ratio <= 1.5);
    m_report->info(
        QStringLiteral("peak RSS (MiB), both on warm databases: 10 workers %1, %2 workers %3; "
                       "rigwatchd said: %4")
            .arg(fixed(small.maxRssKb / 1024.0, 1), QLocale::c().toString(rigs),
                 fixed(big.maxRssKb / 1024.0, 1), big.out.trimmed().left(60)));
    m_report->info(QStringLiteral("the first run, on a fresh database: %1 MiB, (%1 - %2) / %3 = %4")
                       .arg(fixed(freshRssKb / 1024.0, 1), fixed(small.maxRssKb / 1024.0, 1),
                            fixed(replyBytes / 1048576.0, 1),
                            fixed(double(freshRssKb - small.maxRssKb) * 1024 / replyBytes, 2)));
}

// ---- figure 6 ---------------------------------------------------------------------------------

ProcessBench::IdleRun ProcessBench::idleRun(const QStringList &args, const QString &home) const
{
    IdleRun run;
    const int warmUpSecs = m_report->quick() ? 2 : 15;
    const int windowSecs = m_report->quick() ? 2 : 60;
    QDir().mkpath(home);
    QProcess gui;
    gui.setProcessEnvironment(isolatedEnvironment(home));
    gui.setStandardOutputFile(QProcess::nullDevice());
    const QString log = home + QStringLiteral("/rigwatch.err");
    gui.setStandardErrorFile(log);
    gui.start(m_bin + QStringLiteral("/rigwatch"),
              args + QStringList{QStringLiteral("--new-instance")});
    if (!gui.waitForStarted(10'000)) {
        run.error = QStringLiteral("cannot start rigwatch");
        return run;
    }
    QThread::sleep(warmUpSecs); // start-up, first poll, first paint
    const qint64 pid = gui.processId();
    const double cpu0 = cpuSecondsOf(pid);
    const auto t0 = std::chrono::steady_clock::now();
    QThread::sleep(windowSecs);
    const double cpu1 = cpuSecondsOf(pid);
    run.wallSecs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const bool alive = gui.state() == QProcess::Running && cpu0 >= 0 && cpu1 >= 0;
    stop(&gui);
    QFile err(log);
    err.open(QIODevice::ReadOnly);
    const QByteArray said = err.readAll();
    run.windowShown = said.contains("no system tray available");
    if (!alive) {
        run.error = QStringLiteral("rigwatch exited early: ") +
                    QString::fromUtf8(said.right(300)).trimmed();
        return run;
    }
    run.cpuSecs = cpu1 - cpu0;
    return run;
}

void ProcessBench::idle()
{
    // Figure 6 of docs/benchmarks.md: rigwatch between polls. An account of 100 workers on
    // rigwatch_sim polled every 300 s, so the 60 s window holds no poll at all (the first one
    // happens during the warm-up). Demo mode, which polls its in-process farm every 10 s, is
    // reported with it.
    const QString what =
        QStringLiteral("idle CPU of rigwatch --minimized between polls (offscreen)");
    if (!QFileInfo::exists(m_bin + QStringLiteral("/rigwatch"))) {
        m_report->notAvailable(6, what,
                               QStringLiteral("skipped: %1/rigwatch is absent (built without "
                                              "the GUI)")
                                   .arg(m_bin));
        return;
    }
    QString error;
    SimPool sim = startSim(100, &error, {QStringLiteral("--secret"), QString()});
    if (!sim.process) {
        m_report->error(6, what, QStringLiteral("cannot start rigwatch_sim: %1").arg(error));
        return;
    }
    const QString home = m_scratch + QStringLiteral("/gui-configured");
    QDir().mkpath(home + QStringLiteral("/xdg_config_home/RigWatch"));
    QFile conf(home + QStringLiteral("/xdg_config_home/RigWatch/rigwatch.conf"));
    conf.open(QIODevice::WriteOnly);
    conf.write(
        QStringLiteral("[accounts]\n1\\id=bench\n1\\url=%1\n1\\user=%2\n1\\currency=bitcoin\n"
                       "size=1\n\n[poll]\ninterval=300\ntimeout=30\n")
            .arg(sim.url, kUser)
            .toUtf8());
    conf.close();
    const IdleRun between = idleRun({QStringLiteral("--minimized")}, home);
    stop(sim.process.get());
    if (!between.error.isEmpty()) {
        m_report->error(6, what, between.error);
        return;
    }
    const double percent = 100.0 * between.cpuSecs / between.wallSecs;
    m_report->figure(
        6, what,
        QStringLiteral("%1 s CPU in %2 s = %3 % of a core")
            .arg(fixed(between.cpuSecs, 2), fixed(between.wallSecs, 0), fixed(percent, 3)),
        QStringLiteral("< 0.2 %"), percent < 0.2);
    m_report->info(QStringLiteral("an account of 100 workers on rigwatch_sim, 300 s interval: no "
                                  "poll in the window%1")
                       .arg(between.windowShown
                                ? QStringLiteral("; offscreen has no system tray, so the main "
                                                 "window was shown, not hidden")
                                : QString()));

    const IdleRun demo = idleRun({QStringLiteral("--demo"), QStringLiteral("--minimized")},
                                 m_scratch + QStringLiteral("/gui-demo"));
    if (!demo.error.isEmpty()) {
        m_report->info(QStringLiteral("demo mode: not measured (%1)").arg(demo.error));
        return;
    }
    m_report->info(
        QStringLiteral("demo mode (rigwatch --demo --minimized), which polls its in-process "
                       "simulated farm every 10 s, ~%1 polls and the fake pool's and Telegram "
                       "sink's work in the window: %2 s CPU in %3 s = %4 % of a core")
            .arg(int(demo.wallSecs / 10))
            .arg(fixed(demo.cpuSecs, 2), fixed(demo.wallSecs, 0),
                 fixed(100.0 * demo.cpuSecs / demo.wallSecs, 3)));
    m_report->info(
        QStringLiteral("CPU time is counted in %1 ms ticks").arg(1000 / ::sysconf(_SC_CLK_TCK)));
}

// ---- figure 9 ---------------------------------------------------------------------------------

// The whole of one check, as an operator runs it: `rigwatchd --once` (provider f2pool v2, a
// warm database) against the original script's whole process (bench/original_process.py:
// the interpreter's start, the v1 fetch, json.loads, its loop), both against the same simulated
// farm, both started through the same helper, alternated; wall time, medians.
void ProcessBench::wholeProcess(const QString &python)
{
    const int rigs = m_report->quick() ? 1'000 : 100'000;
    const int rounds = m_report->quick() ? 1 : 5;
    const int warmRuns = m_report->quick() ? 1 : kWarmRuns;
    const QString what =
        QStringLiteral("the original script's whole process / rigwatchd --once (warm database), "
                       "%1 workers")
            .arg(QLocale::c().toString(rigs));
    if (python.isEmpty()) {
        m_report->notAvailable(9, what, QStringLiteral("no python3 on PATH"));
        return;
    }
    QString error;
    SimPool sim = startSim(rigs, &error);
    if (!sim.process) {
        m_report->error(9, what, error);
        return;
    }
    const QString tag = QStringLiteral("whole");
    const QString script = QStringLiteral(RIGWATCH_BENCH_DIR "/original_process.py");
    const QString v1Url = sim.url + QStringLiteral("/bitcoin/") + kUser;
    QProcessEnvironment env = isolatedEnvironment(m_scratch);
    // The script imports original_check.py: its bytecode goes to the scratch directory, not
    // into the source tree.
    env.insert(QStringLiteral("PYTHONPYCACHEPREFIX"), m_scratch + QStringLiteral("/pycache"));
    const auto runScript = [&] {
        return MeasuredChild::run(python, {script, v1Url}, env, m_scratch, 600);
    };
    std::vector<double> ours, theirs;
    QString scriptSaid;
    // The warm-up runs of both (the first python run also fills the page cache with the
    // interpreter) are not timed.
    if (warmDatabase(sim.url, tag, warmRuns, &error)) {
        const MeasuredChild::Result w = runScript();
        if (w.exitCode != 0)
            error = QStringLiteral("%1 %2 failed (%3)").arg(python, script, failureText(w));
    }
    for (int i = 0; i < rounds && error.isEmpty(); ++i) {
        MeasuredChild::Result m;
        ours.push_back(timeMs([&] { m = rigwatchdOnce(sim.url, tag, false); }));
        if (!reportedOk(m)) {
            error = QStringLiteral("rigwatchd --once did not report OK (%1)").arg(failureText(m));
            break;
        }
        theirs.push_back(timeMs([&] { m = runScript(); }));
        if (m.exitCode != 0) {
            error = QStringLiteral("%1 %2 failed (%3)").arg(python, script, failureText(m));
            break;
        }
        scriptSaid = m.out.trimmed();
    }
    stop(sim.process.get());
    if (!error.isEmpty()) {
        m_report->error(9, what, error);
        return;
    }
    const double ratio = median(theirs) / median(ours);
    m_report->figure(9, what,
                     QStringLiteral("%1 ms / %2 ms = %3")
                         .arg(fixed(median(theirs), 0), fixed(median(ours), 0), fixed(ratio, 2)),
                     QStringLiteral(">= 3"), ratio >= 3);
    const auto range = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return QStringLiteral("%1-%2").arg(fixed(v.front(), 0), fixed(v.back(), 0));
    };
    m_report->info(QStringLiteral("wall time, medians of %1 alternated runs after %2 untimed "
                                  "rigwatchd runs and one of the script; ranges: script %3 ms, "
                                  "rigwatchd %4 ms; the script said \"%5\" (its fetch ms, "
                                  "json.loads + loop ms, offline, retired)")
                       .arg(rounds)
                       .arg(warmRuns)
                       .arg(range(theirs), range(ours), scriptSaid));
}

} // namespace rw::bench
