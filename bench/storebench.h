#pragma once

#include <QString>

namespace rw::bench {

class BenchReport;

// Figure 5: the SQLite store after 30 simulated days of 1,000 workers polled every 5 minutes,
// with the engine's hourly retention: its size on disk and the 30-day chart query.
class StoreBench
{
public:
    StoreBench(BenchReport *report, const QString &scratchDir);
    void run();

private:
    BenchReport *m_report;
    QString m_scratch;
};

} // namespace rw::bench
