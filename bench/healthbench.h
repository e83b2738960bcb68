#pragma once

#include <QString>

namespace rw::bench {

class BenchReport;

// Issue #19's proofs for degraded rigs: a simulated week of a farm through the real monitor and
// store (figure 12, detection quality), and what the detection adds to figure 1's ingest
// (figure 13, cost).
class HealthBench
{
public:
    HealthBench(BenchReport *report, const QString &scratchDir);
    void detectionQuality(); // figure 12
    void detectionCost();    // figure 13

private:
    BenchReport *m_report;
    QString m_scratch;
};

} // namespace rw::bench
