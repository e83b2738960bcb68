#pragma once

#include "config/accountconfig.h"
#include "monitor/workerstatus.h"

#include <QHash>

namespace rw {

// When to poll an account again after a successful poll: at the first moment a poll could see
// something cross a threshold, so that an alert comes within min_interval plus one request of
// the threshold instead of up to a whole interval late. That moment is the earliest of
//  - the first second at which the online worker with the oldest share is past offline_after,
//    if it sends no further share (pool clock: shares are stamped by the pool);
//  - otherDeadline: any other timer of the account that a poll must see run out (a degraded
//    worker's degraded_after), also on the pool's clock; 0 = none;
// clamped to [shortest, interval], where shortest is min_interval but never below what the pool
// allows (providerMinIntervalSecs) nor above interval. Backoff after failures is the poller's,
// and untouched by this. Pure: no clock of its own, no I/O.
class PollSchedule
{
public:
    explicit PollSchedule(const AccountConfig &account);
    PollSchedule(qint64 offlineAfterSecs, int intervalSecs, int minIntervalSecs, int floorSecs);

    qint64 shortestMs() const { return m_shortestMs; }
    qint64 longestMs() const { return m_longestMs; }

    // The pool-clock second a poll should happen at, from the oldest share among the online
    // workers (Monitor::earliestOnlineShare(); 0 = no online worker) and otherDeadline; 0 = nothing
    // is due (the next poll is an interval away).
    qint64 dueAt(qint64 earliestOnlineShare, qint64 otherDeadline) const;

    // The next poll on the local clock: the poll happened at pollPoolSecs by the pool's clock
    // (the time the monitor classified it at) and at pollLocalMs by ours; their difference
    // carries dueAt over to the local clock. The pool's Date is cut to whole seconds, so the
    // pool is at or past dueAt when the poll goes out, never before it.
    qint64 nextPollAtMs(qint64 dueAtPoolSecs, qint64 pollPoolSecs, qint64 pollLocalMs) const;

    // The same oldest share the monitor keeps while it walks the workers, by a walk of its own
    // (Monitor::lastShareOf of every Online worker; 0 = none).
    static qint64 earliestOnlineShare(const QHash<QString, WorkerState> &workers);

private:
    qint64 m_offlineAfterSecs;
    qint64 m_shortestMs;
    qint64 m_longestMs;
};

} // namespace rw
