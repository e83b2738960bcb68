#pragma once

#include <QString>

namespace rw::bench {

class BenchReport;

// Issue #20's proof for availability reports (figure 14): the report of a farm of 1,000 workers
// in five groups is built from the hourly roll-ups and the outage log, so 90 days cost at most
// 3.5 times what 30 days cost, whatever the number of polls behind them.
class ReportBench
{
public:
    ReportBench(BenchReport *report, const QString &scratchDir);
    void run(); // figure 14

private:
    BenchReport *m_report;
    QString m_scratch;
};

} // namespace rw::bench
