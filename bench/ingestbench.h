#pragma once

#include <QString>

namespace rw::bench {

class BenchReport;

// Figures 1 and 2: our ingest (parse, classify and diff against the previous poll, incident) of
// f2pool replies, against simdjson's bare parse of the same bytes and against the original
// monitoring script's algorithm in Python.
class IngestBench
{
public:
    IngestBench(BenchReport *report, const QString &python, const QString &scratchDir);
    void run(bool parsingLimit, bool originalScript);

private:
    void parsingLimit(int workers, bool judged); // figure 1 (info lines for smaller replies)
    void originalScript(int workers);            // figure 2

    BenchReport *m_report;
    QString m_python;
    QString m_scratch;
};

} // namespace rw::bench
