// rigwatch_bench_table: figure 3 of the benchmarks, in its own process because it links the GUI.
// The app's worker panel (model, sorted filter proxy, table view) shown offscreen, every step
// timed until the event queue is drained (layout and repaint included): what one poll costs the
// GUI thread. Two tables, a small and a large farm (10 times the small one), and one poll of the
// same 100 changed workers (half of them change state, so rows move) applied to both.
// Prints one machine-readable line for rigwatch_bench:
//   RESULT small=N large=N changes=N repaint=MS apply=MS apply_large=MS reset=MS
//          signals=MS signals_large=MS a=R a_lo=R a_hi=R b=R b_lo=R b_hi=R ...
// repaint: a bare repaint of the small table (what must be painted anyway); apply / apply_large:
// the poll applied to each; reset: the small table emptied and loaded whole (an account's first
// view);
// signals*: the applies without draining (signals and proxy work only). a = apply / repaint and
// b = apply_large / apply are ratios of medians; *_lo / *_hi the quartiles of the same ratio
// taken step by step, the spread.
// --profile apply|reset|repaint [--workers N] [--times N] repeats only one of them (for perf
// record); prints the mean time to stderr.
#include "benchreport.h"
#include "clock.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QCommandLineParser>
#include <QTableView>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace rw;
using namespace rw::bench;

namespace {

// Midday (UTC, the benchmark's time zone), so that every last share is of today, as in most of
// an operator's day: at midnight the last shares of the day before take a slower path.
constexpr qint64 kMidday = (1'767'225'600 + 12 * 3600) * qint64(1000);

QString rigName(int i)
{
    return QStringLiteral("rig-%1").arg(i, 5, 10, QLatin1Char('0'));
}

AccountView farmView(int workers, qint64 now)
{
    AccountView v;
    v.key = QStringLiteral("bench/bitcoin");
    v.displayName = QStringLiteral("bench");
    v.currency = QStringLiteral("bitcoin");
    v.workers.reserve(workers);
    for (int i = 0; i < workers; ++i) {
        WorkerState s;
        s.sample.name = rigName(i);
        s.sample.hashRate = s.sample.hashRate1h = s.sample.hashRate24h = 100e12 + i * 1e9;
        s.sample.staleRate24h = 0.4e12;
        s.sample.host =
            QStringLiteral("10.%1.%2.%3").arg(i / 65536).arg(i / 256 % 256).arg(i % 256);
        const bool down = i % 97 == 0;
        s.sample.lastShareAt = down ? now - 3600 : now - i % 60;
        s.status = down ? WorkerStatus::Offline : WorkerStatus::Online;
        s.statusSince = down ? now - 3600 : now - 86400;
        s.lastListedAt = now;
        v.workers.insert(s.sample.name, s);
    }
    return v;
}

// The next poll: 100 workers, every `step`-th one (the same ones in both tables: rig-00000,
// rig-00100, ..., rig-09900 in the full run), got new rates and shares, and every other one of
// them went offline or came back. The view lists exactly those as changed, as the engine does.
AccountView nextPoll(const AccountView &prev, qint64 now, int step)
{
    AccountView v = prev;
    v.changed.clear();
    for (int k = 0; k < 100; ++k) {
        const QString name = rigName(k * step);
        WorkerState &s = v.workers[name];
        s.sample.hashRate *= 0.9;
        s.sample.lastShareAt = now - 5;
        if (k % 2 == 0) {
            s.status =
                s.status == WorkerStatus::Online ? WorkerStatus::Offline : WorkerStatus::Online;
            s.statusSince = now - 700;
        }
        v.changed << name;
    }
    return v;
}

// Milliseconds of this thread's CPU time spent in f, where every step of the table runs. Not the
// wall clock: on a shared machine a step the scheduler preempts takes a whole time slice longer
// (steps of the same work then read ~2 ms or ~6 ms at random), and that is not what the step
// costs.
template <typename F> double cpuMs(F &&f)
{
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec start{}, end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    f();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    return double(end.tv_sec - start.tv_sec) * 1e3 + double(end.tv_nsec - start.tv_nsec) / 1e6;
#else
    return timeMs(f);
#endif
}

// Layout and repaint of what is on screen. One processEvents() is not enough: the view's
// delayed layout runs from a timer and posts the repaint it asks for, which would then be paid
// by whatever is timed next. Until the dispatcher finds nothing left to do.
void drain()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    for (int i = 0; i < 100 && dispatcher->processEvents(QEventLoop::AllEvents); ++i) {
    }
}

// One farm's table on screen, the poll and its way back (applying `back` after `there` reverts
// it, so every apply changes the same workers), and the table emptied and loaded again for a
// full reset (another account's view no longer is one: every account shares the table).
struct Table
{
    Table(const Clock *clock, int workers, int step, qint64 now)
        : panel(clock), a(farmView(workers, now)), there(nextPoll(a, now + 300, step)), back(a)
    {
        back.changed = there.changed;
        panel.resize(1200, 800);
        panel.show();
        panel.applyView(a);
        drain();
    }
    void apply(const AccountView &v, bool drained)
    {
        panel.applyView(v);
        if (drained)
            drain();
    }
    void reload()
    {
        panel.clear();
        panel.applyView(a);
        drain();
    }
    void repaint()
    {
        panel.view()->viewport()->update();
        drain();
    }

    WorkersPanel panel;
    AccountView a, there, back;
};

double quartile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double at = q * double(v.size() - 1);
    const size_t i = size_t(at);
    return i + 1 < v.size() ? v[i] + (at - double(i)) * (v[i + 1] - v[i]) : v[i];
}

int profile(const QString &what, int workers, int times)
{
    ManualClock clock(kMidday);
    Table t(&clock, workers, std::min(workers / 100, 100), clock.nowSecs()); // as the full run
    const bool reset = what == QLatin1String("reset");
    const double ms = cpuMs([&] {
        for (int i = 0; i < times; ++i) {
            for (const AccountView *v : {&t.there, &t.back}) {
                if (what == QLatin1String("repaint"))
                    t.repaint();
                else if (reset)
                    t.reload();
                else
                    t.apply(*v, true);
            }
        }
    });
    std::fprintf(stderr, "%s, %d workers: %.4f ms each\n", qPrintable(what), workers,
                 ms / (2.0 * times));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rigwatch_bench_table"));
    QCommandLineParser p;
    const QCommandLineOption quickOpt(QStringLiteral("quick"),
                                      QStringLiteral("1,000 and 10,000 workers, 3 rounds."));
    const QCommandLineOption profileOpt(
        QStringLiteral("profile"),
        QStringLiteral("Only repeat the apply, the reset or a bare repaint (for perf record)."),
        QStringLiteral("apply|reset|repaint"));
    const QCommandLineOption workersOpt(QStringLiteral("workers"),
                                        QStringLiteral("Farm size for --profile."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption timesOpt(QStringLiteral("times"),
                                      QStringLiteral("Repetitions for --profile."),
                                      QStringLiteral("N"), QStringLiteral("500"));
    p.addOptions({quickOpt, profileOpt, workersOpt, timesOpt});
    p.process(app);
    if (p.isSet(profileOpt))
        return profile(p.value(profileOpt), p.value(workersOpt).toInt(), p.value(timesOpt).toInt());

    const bool quick = p.isSet(quickOpt);
    const int small = quick ? 1'000 : 10'000;
    const int large = 10 * small;
    const int rounds = quick ? 3 : 25;

    ManualClock clock(kMidday);
    const qint64 now = clock.nowSecs();
    auto s = std::make_unique<Table>(&clock, small, small / 100, now);
    auto l = std::make_unique<Table>(&clock, large, small / 100, now);

    // Interleaved, so that a machine slowing down or speeding up mid-run moves both sides of
    // each ratio alike; the first round warms caches up and is dropped.
    std::vector<double> repaint, apply, applyLarge, reset, signalsSmall, signalsLarge, a, b;
    for (int round = 0; round <= rounds; ++round) {
        for (const bool forth : {true, false}) {
            const double r = cpuMs([&] { s->repaint(); });
            const double t1 = cpuMs([&] { s->apply(forth ? s->there : s->back, true); });
            const double t2 = cpuMs([&] { l->apply(forth ? l->there : l->back, true); });
            if (round == 0)
                continue;
            repaint.push_back(r);
            apply.push_back(t1);
            applyLarge.push_back(t2);
            a.push_back(t1 / r);
            b.push_back(t2 / t1);
        }
        for (int twice = 0; twice < 2; ++twice) {
            const double z = cpuMs([&] { s->reload(); });
            if (round > 0)
                reset.push_back(z);
        }
        for (const bool forth : {true, false}) {
            const double u1 = cpuMs([&] { s->apply(forth ? s->there : s->back, false); });
            drain();
            const double u2 = cpuMs([&] { l->apply(forth ? l->there : l->back, false); });
            drain();
            if (round == 0)
                continue;
            signalsSmall.push_back(u1);
            signalsLarge.push_back(u2);
        }
    }
    const auto spread = [](const char *name, const std::vector<double> &v) {
        std::printf(" %s_lo=%.4f %s_hi=%.4f", name, quartile(v, 0.25), name, quartile(v, 0.75));
    };
    std::printf("RESULT small=%d large=%d changes=%lld repaint=%.4f apply=%.4f apply_large=%.4f "
                "reset=%.4f signals=%.4f signals_large=%.4f a=%.4f b=%.4f",
                small, large, static_cast<long long>(s->there.changed.size()), median(repaint),
                median(apply), median(applyLarge), median(reset), median(signalsSmall),
                median(signalsLarge), median(apply) / median(repaint),
                median(applyLarge) / median(apply));
    spread("a", a);
    spread("b", b);
    spread("repaint", repaint);
    spread("apply", apply);
    spread("apply_large", applyLarge);
    spread("reset", reset);
    std::printf("\n");
    return 0;
}
