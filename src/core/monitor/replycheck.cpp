#include "monitor/replycheck.h"

#include "util/units.h"

#include <cmath>
#include <cstdlib>

namespace rw {
namespace {

// How many of the workers online at the last trusted reply this one still lists; only counted
// when the list shrank below them (the usual poll lists them all and costs nothing here).
struct Lost
{
    qsizetype online = 0;
    qsizetype listed = 0;
};

Lost lostOnline(const Snapshot &s, const ReplyHistory &h)
{
    Lost l;
    if (!h.workers || h.lastPoolTime == 0)
        return l;
    l.online = h.onlineListed; // kept by the monitor as it applies a reply: no walk here
    if (s.workers.size() >= l.online) {
        l.listed = l.online; // renamed rigs aside, none of them can be missing
        return l;
    }
    for (const WorkerSample &sample : s.workers) {
        const auto it = h.workers->constFind(sample.name);
        if (it != h.workers->cend() && it->status == WorkerStatus::Online &&
            it->lastListedAt == h.lastPoolTime)
            ++l.listed;
    }
    return l;
}

struct Evidence
{
    qsizetype withShare = 0;   // workers whose reply has a share time
    qsizetype contradicts = 0; // ... that the clock cannot explain
    qsizetype freshShares = 0; // ... that are within offline_after by the clock
};

Evidence weigh(const Snapshot &s, qint64 clock, const Thresholds &t)
{
    Evidence e;
    for (const WorkerSample &w : s.workers) {
        if (w.lastShareAt <= 0)
            continue;
        ++e.withShare;
        const qint64 age = clock - w.lastShareAt;
        if (age < -kClockToleranceSecs || (w.hashRate > 0 && age > t.offlineAfterSecs))
            ++e.contradicts;
        else if (age <= t.offlineAfterSecs)
            ++e.freshShares;
    }
    return e;
}

bool contradicted(const Evidence &e)
{
    return e.withShare > 0 && e.contradicts * 2 > e.withShare;
}

QString offsetText(qint64 secs)
{
    const QString amount = formatDuration(std::llabs(secs));
    return secs > 0 ? ReplyCheckText::tr("%1 ahead").arg(amount)
                    : ReplyCheckText::tr("%1 behind").arg(amount);
}

} // namespace

ReplyVerdict checkReply(const Snapshot &s, const ReplyHistory &h, const Thresholds &t,
                        qint64 localNow)
{
    ReplyVerdict v;
    // Every rate is finite and non-negative once parsed, but their sum can still overflow, and
    // no network hashes at anywhere near kMaxPlausibleHashRate: such a reply is not a farm.
    if (!std::isfinite(s.totalHashRate) || s.totalHashRate > kMaxPlausibleHashRate) {
        v.kind = ReplyVerdict::Suspect;
        v.reason = ReplyCheckText::tr("reply held as suspect: its total hashrate (%1 H/s) is "
                                      "not plausible")
                       .arg(s.totalHashRate, 0, 'g', 3);
        return v;
    }
    const Lost lost = lostOnline(s, h);
    if (lost.online > 0 && (lost.online - lost.listed) * 2 > lost.online) {
        v.kind = ReplyVerdict::Suspect;
        v.reason = ReplyCheckText::tr("reply held as suspect: it lists %1 of the %2 workers that "
                                      "were online at the last poll")
                       .arg(lost.listed)
                       .arg(lost.online);
        return v;
    }

    const qint64 expected = h.lastPoolTime > 0 && h.lastLocalTime > 0
                                ? h.lastPoolTime + (localNow - h.lastLocalTime)
                                : localNow;
    const qint64 pool = s.poolTimeSecs > 0 ? s.poolTimeSecs : localNow;
    v.now = pool;
    const qint64 offset = pool - expected;
    if (s.poolTimeSecs <= 0 || std::llabs(offset) <= kClockToleranceSecs)
        return v;

    const Evidence byPool = weigh(s, pool, t);
    const bool unconfirmedLeap = std::llabs(offset) > t.retiredAfterSecs &&
                                 byPool.freshShares == 0 && h.workers && !h.workers->isEmpty();
    if (!contradicted(byPool) && !unconfirmedLeap)
        return v;
    const Evidence byExpected = weigh(s, expected, t);
    if (contradicted(byPool) && !contradicted(byExpected)) {
        v.kind = ReplyVerdict::LocalClock;
        v.now = expected;
        v.reason = ReplyCheckText::tr("the pool's clock (its Date header) is %1 of this computer's "
                                      "and of its own workers' shares; classified on this "
                                      "computer's clock")
                       .arg(offsetText(offset));
        return v;
    }
    v.kind = ReplyVerdict::Suspect;
    v.reason = ReplyCheckText::tr("reply held as suspect: the pool's clock (its Date header) is %1 "
                                  "of this computer's, and its workers' shares do not confirm it")
                   .arg(offsetText(offset));
    return v;
}

} // namespace rw
