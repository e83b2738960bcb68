#pragma once

#include "pool/snapshot.h"

#include <QStringView>

#include <optional>
#include <string_view>
#include <vector>

namespace rw {

// Gathers the workers of one reply into a Snapshot for both f2pool parsers (the DOM one and the
// fast one must agree to the bit): drops duplicate names (the latest share wins), counts entries
// it had to skip, and sums the total when the pool gives none.
class WorkerCollector
{
public:
    explicit WorkerCollector(qsizetype expected);

    void add(WorkerSample &&s);
    void reject(qsizetype index, const char *why);
    // Samples added so far, and dropping those added after a count of them (for a slice of the
    // list the fast path started on and then left to the DOM parser).
    qsizetype size() const { return m_snapshot.workers.size(); }
    void truncate(qsizetype count);
    // A snapshot, or the error for a non-empty list of which no entry was usable.
    ParseResult finish(qsizetype entries, const char *api, std::optional<double> poolTotal);

private:
    struct Key
    {
        quint32 hash;
        quint32 position; // in m_snapshot.workers
    };
    void dropDuplicates();

    Snapshot m_snapshot;
    std::vector<Key> m_keys;
    int m_bad = 0;
    int m_duplicates = 0;
    QString m_firstProblem;
};

// Unix seconds from a number that may be seconds, ms, µs or ns; 0 when unusable.
qint64 secondsFromNumber(double d);
// Unix seconds from text: a number as above, or an ISO-8601 date-time; 0 when unknown.
qint64 unixSecondsFromText(QStringView text);
// The same from UTF-8 bytes, without a QString for the common ISO form.
qint64 unixSecondsFromUtf8(std::string_view text);

} // namespace rw
