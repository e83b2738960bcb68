#pragma once

#include "monitor/workerstatus.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <vector>

namespace rw {

// Where the monitor's state of each worker of the last snapshot lies, by the worker's position
// in that snapshot. Pools list their workers in the same order poll after poll, so the state
// found at the same position last time is checked first and a hash look-up is needed only for
// another worker; meanwhile the state a few positions ahead is asked of memory, since the
// states lie wherever the hash put them and a large farm's outgrow the CPU's cache.
//
// The addresses point into the monitor's table and hold only while it has neither moved
// (insert, erase, rehash, detach) nor been replaced: its first state's address, taken at the
// end of a poll, detects a detach or a rehash; an insert or erase during a poll is reported
// through moved(). The table is passed to every call and never kept, so a copied Monitor can
// never reach another's states.
class PositionCache
{
public:
    using States = QHash<QString, WorkerState>;

    // Starts a poll of `count` workers over `states`, which from here on moves only by the
    // inserts and erases reported to moved().
    void begin(const States &states, qsizetype count);
    // The state of the snapshot's next worker, `name`, or nullptr when `states` holds none.
    // Called once per worker in the snapshot's order (skip() for a worker without a name).
    WorkerState *find(States &states, const QString &name);
    void skip() { m_next.push_back(nullptr); }
    // States were inserted or erased: no address from before holds.
    void moved()
    {
        m_use = false;
        m_moved = true;
    }
    // Ends the poll of `workers`: their positions serve the next poll unless states moved. The
    // first poll, which inserts every worker, looks them all up once more instead, so the second
    // poll already has them.
    void finish(States &states, const QVector<WorkerSample> &workers, bool firstPoll);
    // Forgets every position (the table was replaced).
    void clear();
    // Positions without a last snapshot (states just restored): the states listed by the last
    // reply, in the order of their store ids (Store numbers an account's first workers in the
    // order of its first reply). A guess, checked name by name like any position.
    void seed(States &states, qint64 listedAt);
    // The states by position in the last snapshot (or seed); nullptr: none.
    const std::vector<WorkerState *> &last() const { return m_last; }

private:
    static const WorkerState *firstOf(const States &states)
    {
        return states.isEmpty() ? nullptr : &*states.cbegin();
    }
    static void prefetch(const void *p)
    {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(p);
        __builtin_prefetch(static_cast<const char *>(p) + 64);
#else
        Q_UNUSED(p);
#endif
    }

    std::vector<WorkerState *> m_last;    // by position in the last snapshot; nullptr: none
    std::vector<WorkerState *> m_next;    // this poll's, filled by find() and skip()
    std::vector<WorkerState *> m_spare;   // the array before m_last, filled again (no fresh pages)
    const WorkerState *m_first = nullptr; // the table's first state when m_last was kept
    bool m_valid = false;                 // m_last may be used (nothing moved in its poll)
    bool m_use = false;                   // this poll still uses m_last
    bool m_moved = false;                 // states moved during this poll
};

// Inline: called for every worker of every poll.
inline WorkerState *PositionCache::find(States &states, const QString &name)
{
    constexpr size_t kAhead = 8;
    const size_t position = m_next.size();
    WorkerState *known = nullptr;
    if (m_use) {
        if (position + kAhead < m_last.size() && m_last[position + kAhead])
            prefetch(m_last[position + kAhead]);
        if (position < m_last.size() && m_last[position] && m_last[position]->sample.name == name)
            known = m_last[position];
    }
    if (!known) {
        const auto it = states.find(name);
        if (it != states.end())
            known = &*it;
    }
    m_next.push_back(known);
    return known;
}

} // namespace rw
