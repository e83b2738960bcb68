#include "monitor/pollschedule.h"

#include "monitor/monitor.h"
#include "pool/poolprovider.h"

#include <algorithm>

namespace rw {

PollSchedule::PollSchedule(const AccountConfig &account)
    : PollSchedule(account.thresholds.offlineAfterSecs, account.intervalSecs,
                   account.minIntervalSecs, providerMinIntervalSecs(account.provider))
{}

PollSchedule::PollSchedule(qint64 offlineAfterSecs, int intervalSecs, int minIntervalSecs,
                           int floorSecs)
    // offline_after has no upper limit: a century is as good as never, and leaves room to add.
    : m_offlineAfterSecs(std::min<qint64>(offlineAfterSecs, 100LL * 365 * 86'400)),
      m_longestMs(qint64(qMax(1, intervalSecs)) * 1000)
{
    // min_interval above interval is interval (the configuration says so); the pool's floor
    // wins over min_interval but not over interval, which the operator chose knowingly.
    m_shortestMs = std::min(qint64(std::max(minIntervalSecs, floorSecs)) * 1000, m_longestMs);
}

qint64 PollSchedule::dueAt(qint64 earliestOnlineShare, qint64 otherDeadline) const
{
    // Online while age <= offline_after in whole seconds: the first second past it.
    const qint64 crossing =
        earliestOnlineShare > 0 ? earliestOnlineShare + m_offlineAfterSecs + 1 : 0;
    if (crossing == 0 || otherDeadline == 0)
        return std::max(crossing, otherDeadline);
    return std::min(crossing, otherDeadline);
}

qint64 PollSchedule::nextPollAtMs(qint64 dueAtPoolSecs, qint64 pollPoolSecs,
                                  qint64 pollLocalMs) const
{
    if (dueAtPoolSecs == 0)
        return pollLocalMs + m_longestMs;
    const qint64 waitSecs = dueAtPoolSecs - pollPoolSecs; // both unix seconds: no overflow
    if (waitSecs >= m_longestMs / 1000)
        return pollLocalMs + m_longestMs;
    return pollLocalMs + std::clamp(waitSecs * 1000, m_shortestMs, m_longestMs);
}

qint64 PollSchedule::earliestOnlineShare(const QHash<QString, WorkerState> &workers)
{
    qint64 earliest = 0;
    for (const WorkerState &w : workers) {
        if (w.status != WorkerStatus::Online)
            continue;
        const qint64 share = Monitor::lastShareOf(w);
        if (share > 0 && (earliest == 0 || share < earliest))
            earliest = share;
    }
    return earliest;
}

} // namespace rw
