#pragma once

#include "pool/snapshot.h"

#include <QStringView>

#include <functional>
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
    // previous: the workers of the account's previous poll, as a hint (see previousText()); the
    // result is the same with or without it. Its names must be unique, as in every snapshot the
    // parsers give: a list whose every name is the previous one's at the same position is then
    // known to have no duplicates without looking for them.
    explicit WorkerCollector(qsizetype expected, QVector<WorkerSample> previous = {});

    // Gives a samples array no longer needed (the poll before last's) to this thread's next
    // collector, which fills it instead of allocating one: a large array may be memory fresh
    // from the system at every poll otherwise (glibc maps large blocks apart), and on a
    // virtual machine first touching 2,000 pages can cost more than the whole parse. Kept only
    // when nobody else shares it and it is large; emptied now (its strings let go), its capacity
    // kept. One array per thread at most.
    static void recycle(QVector<WorkerSample> &&samples);

    // The workers known where there is no previous poll (a one-shot run: the store's), a hint
    // like `previous`: a name or host equal to the known worker's shares its string rather than
    // keeping a second copy of a farm's names. What they return must stay unchanged while the
    // collector runs.
    struct KnownWorkers
    {
        // The worker likely listed at this position (the store numbers a farm's workers in the
        // pool's order), or null. Read first, for previousText(): a match costs no look-up
        // and no new string. Every position's worker must have a name no other position's has.
        std::function<const WorkerSample *(qsizetype position)> at;
        // The worker of this name, or null: for the entries `at` did not guess.
        std::function<const WorkerSample *(const QString &name)> find;
        explicit operator bool() const { return bool(find); }
    };
    void setKnown(KnownWorkers known) { m_known = std::move(known); }

    // A string field of the entry read next (the next add()) from its UTF-8 bytes. When the
    // previous poll (or the known workers' guess) listed the same text in that field at the same
    // position - pools list their workers in the same order poll after poll - its QString is
    // shared instead of a new one allocated: a steady farm's poll then allocates no name and no
    // host, and the monitor finds them equal without reading them. Null when it is not the same.
    // (add() shares equal strings read otherwise too, after the fact.)
    QString previousText(std::string_view utf8, QString WorkerSample::*field) const;

    void add(WorkerSample &&s);
    void reject(qsizetype index, const char *why);
    // Samples added so far, and dropping those added after a count of them (for a slice of the
    // list the fast path started on and then left to the DOM parser).
    qsizetype size() const { return m_snapshot.workers.size(); }
    const QVector<WorkerSample> &previous() const { return m_previous; }
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
    // The worker listed at `position` before, from the previous poll or the known workers.
    const WorkerSample *hint(qsizetype position) const;

    Snapshot m_snapshot;
    QVector<WorkerSample> m_previous;
    KnownWorkers m_known;
    bool m_sameNames = true;         // every name so far shares the hint's at its position
    mutable qsizetype m_hintAt = -1; // hint() of that position, asked once per entry
    mutable const WorkerSample *m_hint = nullptr;
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
