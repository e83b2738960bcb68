#pragma once

#include "pool/snapshot.h"
#include "pool/toplevellist.h"
#include "pool/workercollector.h"

#include <QByteArray>
#include <QString>

namespace rw {

struct PoolFormat;

// Parses an f2pool worker list while it arrives, so a 40 MB reply never has to be in memory
// whole: the poller hands it every piece as it is read, and slices of the "workers" list are
// parsed into the snapshot and dropped as soon as they are complete. What it holds at any time
// is the start of the reply up to the list, the unparsed rest (about one slice) and the samples.
//
// The answer is the one the pool format's parse (PoolFormat::parse, and its errorMessage) gives
// for the whole reply - the same snapshot, the same errors - which tests and the fuzzers check
// with every way of cutting a reply into pieces. How: once the top-level "workers": [ is seen,
// whenever a slice of complete entries is ready the slice is parsed as a JSON array of its own
// (fast path, else the DOM parser's rules) and cut out of the reply. Boundaries between entries
// are first guessed cheaply ("},{" or "],[" near the end of what is held, spaces allowed); a
// wrong guess (inside a string or a nested list) always makes the slice invalid JSON, so it is
// never taken, and from then on boundaries are found by reading every byte. A slice that is
// invalid at a true boundary is never cut either: the rest of the reply is kept and judged at
// the end. At the end, the reply with the cut entries left out - a valid document exactly when
// the whole one is - is parsed with the entries already taken standing in as one marker entry;
// the error offsets are those of the whole reply.
class WorkerListStream
{
public:
    // format: the pool's API; a format without PoolFormat::stream is read whole at the end.
    // expectedBytes: the reply's Content-Length when known (0 if not), to size the snapshot.
    // previous: the account's previous poll, whose strings are shared where they are the same
    // (WorkerCollector::previousText); it changes no value of the result.
    explicit WorkerListStream(const PoolFormat &format, qsizetype sliceBytes = 256 * 1024,
                              qsizetype expectedBytes = 0,
                              const QVector<WorkerSample> &previous = {});

    void append(const char *data, qsizetype size);
    void append(const QByteArray &data) { append(data.constData(), data.size()); }
    void setKnown(WorkerCollector::KnownWorkers known) { m_collector.setKnown(std::move(known)); }

    qsizetype heldBytes() const;                         // bytes of the reply held now
    qsizetype entriesTaken() const { return m_entries; } // entries parsed and cut so far

    struct Result
    {
        ParseResult parsed;
        QString
            poolError; // "f2pool error 5010: ..." as the format's errorMessage(whole reply) says
    };
    // The verdict on everything appended; call once.
    Result finish();

private:
    enum class Phase
    {
        Prefix,
        List,
        Whole
    };
    void scanPrefix(qsizetype from);
    void tryCut();
    qsizetype quickBoundary();
    void lexTo(qsizetype end);
    bool takeSlice(qsizetype end);
    Result finishWhole(const QByteArray &body);

    const PoolFormat &m_format;
    qsizetype m_sliceBytes;
    Phase m_phase = Phase::Prefix;
    QByteArray m_prefix;  // the reply up to the list's '['
    QByteArray m_pending; // the rest, but for the entries cut: [0] is the '[' or ',' before them
    qsizetype m_cutBytes = 0; // bytes of entries (with their commas) cut from the list
    qsizetype m_entries = 0;
    qsizetype m_lastTry = 0; // m_pending's size at the last slice attempt
    // How boundaries between entries are found: by a quick look for "},{" at the end of what is
    // held; after a slice that was not valid JSON, by reading every byte; after a slice cut at
    // a true boundary that was still not valid JSON, not at all (the rest is judged whole).
    enum class Cutting
    {
        Quick,
        Lexed,
        Off
    };
    Cutting m_cutting = Cutting::Quick;
    qsizetype m_lexAt = 1;       // Lexed: m_pending is read up to here
    qsizetype m_lexBoundary = 0; // Lexed: the last boundary found, 0 = none
    int m_lexDepth = 0;          // Lexed: nesting inside the current entry; < 0: the list ended
    bool m_lexInString = false;
    bool m_lexEscape = false;
    bool m_sawCodeText = false; // "code" somewhere in a slice (f2poolErrorMessage's quick test)
    WorkerCollector m_collector;

    TopLevelListFinder m_finder; // where the list starts
};

} // namespace rw
