#pragma once

#include <QString>

namespace rw::bench {

class BenchReport;

// The SQLite store at farm scale (issue #18). Figure 5: its size on disk after 90 simulated days
// at 5-minute polls for 10,000 and for 1,000 workers, fed through a Monitor with the engine's
// hourly retention. Figure 7: chart queries on those stores. Figure 8: what storing one
// 100,000-worker poll costs in the loop, against its ingest.
class StoreBench
{
public:
    StoreBench(BenchReport *report, const QString &scratchDir);
    void run(bool size, bool queries); // figures 5 and 7 (7 needs the stores 5 builds)
    void loopWrite();                  // figure 8

private:
    struct Built
    {
        QString path;
        int workers = 0;
        int polls = 0;
        qint64 end = 0; // time of the last poll
        double writeSecs = 0;
        double megabytes = 0;
    };

    Built build(int workers, int days, QString *error) const;
    void queries(const Built &small, const Built &large);

    BenchReport *m_report;
    QString m_scratch;
};

} // namespace rw::bench
