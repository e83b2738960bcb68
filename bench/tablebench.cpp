// rigwatch_bench_table: figure 3 of the benchmarks, in its own process because it links the GUI.
// Applying a 10,000-worker poll in which 1 % of the workers changed, against a full model reset
// with the same data. Prints one machine-readable line for rigwatch_bench:
//   RESULT workers=N changes=N apply=MS reset=MS panel_apply=MS panel_reset=MS
//          model_apply=MS model_reset=MS values_apply=MS values_reset=MS
// apply/reset: the app's worker panel (model, sorted filter proxy, table view) shown offscreen,
// timed until the event queue is drained (layout and repaint included) - what one poll costs
// the GUI thread. panel_*: the same without draining. model_*: the model alone, nothing attached.
// --profile apply|reset|repaint [--times N] repeats only one side of the judged figure (or a bare
// repaint of the table, the floor under both), for perf record; prints the mean time to stderr.
#include "benchreport.h"
#include "clock.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTableView>

#include <cstdio>

using namespace rw;
using namespace rw::bench;

namespace {

AccountView farmView(int workers, qint64 now)
{
    AccountView v;
    v.key = QStringLiteral("bench/bitcoin");
    v.displayName = QStringLiteral("bench");
    v.currency = QStringLiteral("bitcoin");
    v.workers.reserve(workers);
    for (int i = 0; i < workers; ++i) {
        WorkerState s;
        s.sample.name = QStringLiteral("rig-%1").arg(i, 5, 10, QLatin1Char('0'));
        s.sample.hashRate = s.sample.hashRate1h = s.sample.hashRate24h = 100e12 + i * 1e9;
        s.sample.staleRate24h = 0.4e12;
        s.sample.host = QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
        const bool down = i % 97 == 0;
        s.sample.lastShareAt = down ? now - 3600 : now - i % 60;
        s.status = down ? WorkerStatus::Offline : WorkerStatus::Online;
        s.statusSince = down ? now - 3600 : now - 86400;
        s.lastListedAt = now;
        v.workers.insert(s.sample.name, s);
    }
    return v;
}

// The next poll: every 100th worker changed (1 %): half went offline or came back (with
// flips), all got new rates and shares. The view lists exactly those as changed, as the engine
// does.
AccountView nextPoll(const AccountView &prev, qint64 now, bool flips = true)
{
    AccountView v = prev;
    v.changed.clear();
    int i = 0;
    for (auto it = v.workers.begin(); it != v.workers.end(); ++it, ++i) {
        if (i % 100 != 0)
            continue;
        WorkerState &s = it.value();
        s.sample.hashRate *= 0.9;
        s.sample.lastShareAt = now - 5;
        if (flips && i % 200 == 0) {
            s.status =
                s.status == WorkerStatus::Online ? WorkerStatus::Offline : WorkerStatus::Online;
            s.statusSince = now - 700;
        }
        v.changed << it.key();
    }
    return v;
}

struct Pair
{
    double apply = 0;
    double reset = 0;
};

// Alternates two polls so every apply changes the same 1 %; a reset is forced by switching the
// account key, which makes the model reload every row (its behaviour for another account).
template <typename Apply>
Pair measure(int reps, const AccountView &a, const AccountView &b, Apply apply)
{
    AccountView back = a; // applying it after b reverts b's changes
    back.changed = b.changed;
    AccountView other = a;
    other.key = QStringLiteral("other/bitcoin");
    apply(a);
    std::vector<double> incremental, full;
    for (int i = 0; i < reps + 1; ++i) {
        const double t1 = timeMs([&] { apply(b); });
        const double t2 = timeMs([&] { apply(back); });
        const double r1 = timeMs([&] { apply(other); }); // another account: full reset
        const double r2 = timeMs([&] { apply(a); });     // and back: full reset again
        if (i == 0)
            continue; // warm-up
        incremental.push_back(t1);
        incremental.push_back(t2);
        full.push_back(r1);
        full.push_back(r2);
    }
    return {median(incremental), median(full)};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rigwatch_bench_table"));
    QCommandLineParser p;
    const QCommandLineOption quickOpt(QStringLiteral("quick"),
                                      QStringLiteral("1,000 workers, 3 runs."));
    const QCommandLineOption profileOpt(
        QStringLiteral("profile"),
        QStringLiteral("Only repeat the judged apply, reset or a bare repaint (for perf record)."),
        QStringLiteral("apply|reset|repaint"));
    const QCommandLineOption timesOpt(QStringLiteral("times"),
                                      QStringLiteral("Repetitions for --profile."),
                                      QStringLiteral("N"), QStringLiteral("500"));
    p.addOption(quickOpt);
    p.addOption(profileOpt);
    p.addOption(timesOpt);
    p.process(app);
    const bool quick = p.isSet(quickOpt);
    const int workers = quick ? 1'000 : 10'000;
    const int reps = quick ? 3 : 15;

    ManualClock clock;
    const qint64 now = clock.nowSecs();
    const AccountView a = farmView(workers, now);
    const AccountView b = nextPoll(a, now + 300);

    WorkersPanel panel(&clock);
    panel.resize(1200, 800);
    panel.show();
    QApplication::processEvents();
    if (p.isSet(profileOpt)) {
        // One side of the judged figure only, so a profile shows where its time goes; "repaint"
        // repaints the table without any change, the floor under both sides.
        const QString what = p.value(profileOpt);
        AccountView other = a;
        other.key = QStringLiteral("other/bitcoin");
        AccountView back = a;
        back.changed = b.changed;
        const AccountView &there = what == QLatin1String("reset") ? other : b;
        const AccountView &again = what == QLatin1String("reset") ? a : back;
        panel.applyView(a);
        QApplication::processEvents();
        const int times = p.value(timesOpt).toInt();
        const double ms = timeMs([&] {
            for (int i = 0; i < times; ++i) {
                for (const AccountView *v : {&there, &again}) {
                    if (what == QLatin1String("repaint"))
                        panel.view()->viewport()->update();
                    else
                        panel.applyView(*v);
                    QApplication::processEvents();
                }
            }
        });
        std::fprintf(stderr, "%s: %.4f ms each\n", qPrintable(what), ms / (2.0 * times));
        return 0;
    }
    const Pair drained = measure(reps, a, b, [&panel](const AccountView &v) {
        panel.applyView(v);
        QApplication::processEvents(); // layout and repaint of what is on screen
    });
    const Pair bare = measure(reps, a, b, [&panel](const AccountView &v) { panel.applyView(v); });
    // The same 1 % with new rates and shares but no state change: no worker moves in the
    // table sorted by state, so what the proxy does per moved worker is left out.
    const AccountView values = nextPoll(a, now + 300, false);
    const Pair valuesOnly = measure(reps, a, values, [&panel](const AccountView &v) {
        panel.applyView(v);
        QApplication::processEvents();
    });
    panel.hide();

    WorkerTableModel model(&clock);
    const Pair alone = measure(reps, a, b, [&model](const AccountView &v) { model.applyView(v); });

    std::printf("RESULT workers=%d changes=%lld apply=%.4f reset=%.4f panel_apply=%.4f "
                "panel_reset=%.4f model_apply=%.4f model_reset=%.4f values_apply=%.4f "
                "values_reset=%.4f\n",
                workers, static_cast<long long>(b.changed.size()), drained.apply, drained.reset,
                bare.apply, bare.reset, alone.apply, alone.reset, valuesOnly.apply,
                valuesOnly.reset);
    return 0;
}
