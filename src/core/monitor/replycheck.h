#pragma once

#include "config/accountconfig.h"
#include "monitor/workerstatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace rw {

struct ReplyCheckText
{
    Q_DECLARE_TR_FUNCTIONS(ReplyCheckText)
};

// Whether a well-formed reply can be believed before it changes any worker's state. A pool (or
// a proxy in front of it) can answer with valid JSON that is still wrong: an empty or truncated
// list, or a Date header hours or years off. Applied as they are, such replies raise farm-wide
// alerts at once, or retire the whole farm and withdraw real ones. The rules (docs/monitoring.md):
//
// - Lost farm: a reply that no longer lists more than half of the workers that were online at
//   the last trusted reply is Suspect. Pools keep silent rigs in the list for many hours, so
//   online rigs do not leave it all at once when a farm loses power: their shares age instead.
// - Clock: the pool's clock P (from Date) is compared with where the last trusted reply's clock
//   should be now, E (its pool time plus the local time elapsed since; the local time on a first
//   reply). When they differ by more than kClockToleranceSecs the reply's own workers decide:
//   a clock is contradicted when most workers with a share either have a share "from the
//   future" by it, or are hashing now by the pool's own figures while their share is older than
//   offline_after by it. P not contradicted: trusted. P contradicted and E not: classified on E
//   (LocalClock). Both contradicted, or P beyond retired_after from E with no share to confirm
//   it: Suspect.
// - Hashrate: a total that is not finite or beyond kMaxPlausibleHashRate is Suspect.
struct ReplyVerdict
{
    enum Kind
    {
        Trusted,    // classify at the pool's clock (or the local one when the reply has none)
        LocalClock, // the pool's Date is wrong: classify at `now`, the expected pool time
        Suspect,    // do not apply; `reason` says why
    };
    Kind kind = Trusted;
    qint64 now = 0; // the time to classify the reply at
    QString reason; // plain words for LocalClock and Suspect
};

struct ReplyHistory
{
    const QHash<QString, WorkerState> *workers = nullptr; // the monitor's states
    qsizetype onlineListed = 0; // of them: online and listed by the last trusted reply
    qint64 lastPoolTime = 0;    // the time the last trusted reply was classified at; 0: none yet
    qint64 lastLocalTime = 0;   // local unix seconds of that reply
};

constexpr qint64 kClockToleranceSecs = 120;
// 1 YH/s: a thousand times the whole Bitcoin network.
constexpr double kMaxPlausibleHashRate = 1e24;

ReplyVerdict checkReply(const Snapshot &s, const ReplyHistory &history, const Thresholds &t,
                        qint64 localNow);

} // namespace rw
