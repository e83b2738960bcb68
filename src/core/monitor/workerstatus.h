#pragma once

#include "pool/snapshot.h"

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

namespace rw {

enum class WorkerStatus
{
    Online,  // shared within offline_after
    Offline, // no share for more than offline_after (alerted)
    Missing, // known before, no longer listed by the pool (alerted until retired_after)
    Retired, // no share for more than retired_after (shown, never alerted)
};

QString workerStatusKey(WorkerStatus s); // "online", "offline", ... (stable, for storage/metrics)
std::optional<WorkerStatus> workerStatusFromKey(const QString &key);

// What the monitor knows about one worker between polls. Persisted so restarts and --once
// runs continue where the previous run stopped.
struct WorkerState
{
    WorkerSample sample; // last sample the pool gave (kept when the worker goes missing)
    WorkerStatus status = WorkerStatus::Online;
    // The worker's usual hashrate from its own history or a level the operator accepted
    // (H/s; monitor/usualrate.h); 0 = none yet, and usualRateOf() falls back to the pool's
    // 24-hour average. A float: it sits in the padding of this struct, and 7 digits is plenty.
    float usual = 0;
    // unix s (pool clock): when the current status began. Online: first seen, or when it came
    // back. Offline, Missing, Retired: the last share, i.e. when the outage began (for a worker
    // that never shared: when it was first seen). See Monitor::lastShareOf().
    qint64 statusSince = 0;
    qint64 lastListedAt = 0; // unix s: pool time of the last reply that listed the worker
    // The store's number for this worker in its account (Store::workerStates fills it; 0 =
    // not known yet). Carried along so writing a poll needs no look-up by name.
    int storeId = 0;
    bool degraded = false; // Online, and below degraded_below long enough (Monitor)
    bool flapping = false; // changed state more than flap_limit times within flap_window
    // The Monitor keeps more about this worker (when it went below, its recent state changes,
    // an accepted level): see Monitor::health().
    bool hasHealth = false;
    // The store holds this worker's status, statusSince and host as they are now: set on the
    // states Store::workerStates gives back and by Monitor::identitiesStored after a write,
    // cleared by the Monitor when one of them changes. Writing a poll then reads no host of an
    // unchanged worker (a third of the write at 100,000 workers, the strings being cold).
    bool identityStored = false;
};

// The level a worker's current hashrate is held against: its own usual level, else the
// pool's 24-hour average for it; 0 = nothing to go by.
inline double usualRateOf(const WorkerState &w)
{
    return w.usual > 0 ? double(w.usual) : w.sample.hashRate24h;
}

// What the Monitor keeps about a worker's health beyond its state, only for the few workers
// that have some (persisted in the store's worker_health table).
struct WorkerHealth
{
    qint64 belowSince = 0;   // pool s: the poll below degraded_below that began the wait; 0 = none
    double belowSum = 0;     // the fractions of its usual rate at the polls of the wait, summed
    int belowPolls = 0;      // and counted
    double depth = 0;        // the lowest fraction of its usual rate seen (0.62 = 62 %)
    QVector<qint64> changes; // pool s of its state changes within flap_window, oldest first
    double accepted = 0;     // H/s the operator accepted as usual (0 = none)
    qint64 acceptedAt = 0;   // pool s
    bool degraded = false;
    bool flapping = false;
    bool isEmpty() const
    {
        return belowSince == 0 && changes.isEmpty() && accepted == 0 && !degraded && !flapping;
    }
    bool operator==(const WorkerHealth &o) const
    {
        return belowSince == o.belowSince && belowSum == o.belowSum && belowPolls == o.belowPolls &&
               depth == o.depth && changes == o.changes && accepted == o.accepted &&
               acceptedAt == o.acceptedAt && degraded == o.degraded && flapping == o.flapping;
    }
};

// A worker's store id, as the store hands it back for a state that had none.
struct StoreId
{
    QString worker;
    int id = 0;
};

struct Event
{
    enum Kind
    {
        WentOffline,
        CameBack,
        WentMissing,
        Retired,
        HashrateLow,
        HashrateRecovered,
        PoolUnreachable,
        PoolRecovered,
        WentDegraded,      // at = when it went below; detail = "62 % of usual (58 of 94 TH/s)"
        DegradedRecovered, // at = now; durationSecs = how long; detail: why it ended
        StartedFlapping,   // at = now; detail = the number of changes
        StoppedFlapping,   // at = now
    };
    Kind kind;
    QString worker;          // empty for account-level events
    qint64 at = 0;           // unix s
    qint64 durationSecs = 0; // for CameBack / Retired / recoveries: how long it lasted
    QString detail;          // e.g. the poll error for PoolUnreachable
    double depth = 0;        // WentDegraded / DegradedRecovered: fraction of usual (0.62)
    // A change of a flapping worker: kept in the outage log, but no alert of its own.
    bool flapping = false;
};

// The account's current trouble. Empty (isEmpty()) when all is well.
struct Incident
{
    struct Down
    {
        QString worker;
        WorkerStatus status; // Offline or Missing
        qint64 since = 0;    // unix s: last share (the outage started there)
    };
    QVector<Down> down; // sorted by worker name; flapping workers are listed below instead
    struct Degraded
    {
        QString worker;
        double rate = 0;  // H/s now
        double usual = 0; // H/s
        qint64 since = 0; // unix s: when it went below
    };
    QVector<Degraded> degraded; // sorted by worker name
    struct Flapping
    {
        QString worker;
        int changes = 0;     // state changes within flap_window
        WorkerStatus status; // now
    };
    QVector<Flapping> flapping; // sorted by worker name
    // Each listed worker's group label when its chat receives several groups (notify/router.h;
    // the lists are then sorted by group); empty otherwise. The default group has no entry.
    QHash<QString, QString> groups;
    bool hashrateLow = false;
    // Groups whose total hashrate is below their own floor ([group.NAME] min_hashrate): each is
    // a line of its own in its group's chat (notify/router.h).
    struct LowGroup
    {
        QString label;
        double rate = 0;  // H/s, the group's online workers
        double floor = 0; // H/s
    };
    QVector<LowGroup> lowGroups;
    // Notifies even in quiet hours: a floor breached, or at least critical_offline % of a
    // group's or the account's workers down (set by notify/router.h).
    bool critical = false;
    bool poolUnreachable = false;
    QString unreachableReason;
    qint64 unreachableSince = 0;
    double totalHashRate = 0; // H/s at the last successful poll
    double minHashRate = 0;   // the floor (0 = off)
    int online = 0;
    int total = 0;    // workers counted (online + offline + missing; retired excluded)
    qint64 since = 0; // unix s: when the incident began
    qint64 at = 0;    // unix s: the time this picture was taken

    bool isEmpty() const
    {
        return down.isEmpty() && degraded.isEmpty() && flapping.isEmpty() && !hashrateLow &&
               lowGroups.isEmpty() && !poolUnreachable;
    }
};

} // namespace rw

Q_DECLARE_METATYPE(rw::Incident)
Q_DECLARE_METATYPE(rw::Snapshot)
