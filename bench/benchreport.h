#pragma once

#include <QString>
#include <QVector>

#include <algorithm>
#include <chrono>
#include <vector>

#include <time.h>

namespace rw::bench {

// Collects the benchmark figures and prints them: one line per figure with its target and
// verdict, indented reference lines under it, and a summary as the last line. Figures are
// ratios measured in the same run, because absolute times on a shared machine mean little.
class BenchReport
{
public:
    enum class Verdict
    {
        Pass,
        FallShort,
        Ran,
        NotAvailable,
        Error
    };

    explicit BenchReport(bool quick) : m_quick(quick) {}

    bool quick() const { return m_quick; }

    // One judged figure. In quick mode the verdict becomes Ran (quick runs only prove that the
    // benchmark still executes; their sizes are too small to judge).
    void figure(int number, const QString &what, const QString &measured, const QString &target,
                bool pass);
    // A figure judged in parts, each with its own verdict: "3a", "3b".
    void figure(const QString &label, const QString &what, const QString &measured,
                const QString &target, bool pass);
    void notAvailable(int number, const QString &what, const QString &why);
    void error(int number, const QString &what, const QString &why);
    // A reference line under the last figure (not judged).
    void info(const QString &line);

    // Prints the summary line; returns the process exit code (non-zero only when a figure could
    // not be measured at all — falling short of a target is a result, not a failure).
    int finish();

private:
    void print(const QString &label, const QString &what, const QString &text, Verdict v);
    static QString verdictWord(Verdict v);

    bool m_quick;
    QVector<Verdict> m_verdicts;
};

// Monotonic milliseconds of one call of f.
template <typename F> double timeMs(F &&f)
{
    const auto start = std::chrono::steady_clock::now();
    f();
    const auto end = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(end - start).count();
}

// CPU milliseconds the calling thread spent in one call of f: on a shared, loaded machine a
// preempted call reads longer in wall time, and that is not what it costs.
template <typename F> double threadCpuMs(F &&f)
{
    timespec start{}, end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    f();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    return double(end.tv_sec - start.tv_sec) * 1e3 + double(end.tv_nsec - start.tv_nsec) / 1e6;
}

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Keeps a value alive so the optimiser cannot drop the work that produced it.
void keep(long long value);

QString fixed(double value, int decimals = 2);

} // namespace rw::bench
