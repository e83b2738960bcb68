#pragma once

namespace rw::bench {

class BenchReport;

// Figure 11: the ingest of a 10,000-worker account on each pool beside f2pool (every page of
// a paged pool, read as the poller reads it, then classified), against f2pool v2's ingest of
// the same workers. The pacing the pools demand is left out of the timing and reported.
class PoolsBench
{
public:
    explicit PoolsBench(BenchReport *report);
    void run();

private:
    BenchReport *m_report;
};

} // namespace rw::bench
