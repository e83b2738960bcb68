#pragma once

#include "pool/snapshot.h"

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
    // unix s (pool clock): when the current status began. Online: first seen, or when it came
    // back. Offline, Missing, Retired: the last share, i.e. when the outage began (for a worker
    // that never shared: when it was first seen). See Monitor::lastShareOf().
    qint64 statusSince = 0;
    qint64 lastListedAt = 0; // unix s: pool time of the last reply that listed the worker
    // The store's number for this worker in its account (Store::workerStates fills it; 0 =
    // not known yet). Carried along so writing a poll needs no look-up by name.
    int storeId = 0;
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
    };
    Kind kind;
    QString worker;          // empty for account-level events
    qint64 at = 0;           // unix s
    qint64 durationSecs = 0; // for CameBack / Retired / recoveries: how long it lasted
    QString detail;          // e.g. the poll error for PoolUnreachable
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
    QVector<Down> down; // sorted by worker name
    bool hashrateLow = false;
    bool poolUnreachable = false;
    QString unreachableReason;
    qint64 unreachableSince = 0;
    double totalHashRate = 0; // H/s at the last successful poll
    double minHashRate = 0;   // the floor (0 = off)
    int online = 0;
    int total = 0;    // workers counted (online + offline + missing; retired excluded)
    qint64 since = 0; // unix s: when the incident began
    qint64 at = 0;    // unix s: the time this picture was taken

    bool isEmpty() const { return down.isEmpty() && !hashrateLow && !poolUnreachable; }
};

} // namespace rw

Q_DECLARE_METATYPE(rw::Incident)
Q_DECLARE_METATYPE(rw::Snapshot)
