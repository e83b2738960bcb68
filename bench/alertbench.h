#pragma once

namespace rw::bench {

class BenchReport;

// Figure 10, time to alert (issue #19): a simulated week of a 1,000-worker farm with 1,000
// random rig stops, run through the real Engine against the simulated f2pool on a manual clock,
// once with the defaults (interval 300, min_interval 60) and once with a fixed 300 s poll. The
// mean delay from crossing offline_after to the alert, and the requests each needed.
class AlertBench
{
public:
    explicit AlertBench(BenchReport *report) : m_report(report) {}
    void run();

private:
    BenchReport *m_report;
};

} // namespace rw::bench
