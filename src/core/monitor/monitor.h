#pragma once

#include "config/accountconfig.h"
#include "monitor/positioncache.h"
#include "monitor/replycheck.h"
#include "monitor/workerstatus.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <optional>

namespace rw {

// Turns one account's poll results into worker classifications, transition events and the
// account's current incident. Pure logic: no I/O, no signals; every "now" is passed in.
//
// Clocks: workers are classified against the pool's clock (Snapshot::poolTimeSecs, else the
// local time), so a wrong local clock raises no false alarms. Pool reachability is measured on
// the local clock only (a failed poll has no pool time): lastSuccessAt() and
// unreachableSince() are local unix seconds.
//
// Classification, from the last share (never from the pool's status flag), age = now - share:
//  - listed:   age <= offline_after -> Online; > offline_after -> Offline;
//              > retired_after -> Retired (shown, never alerted).
//  - a worker listed without any share yet (last_share_at 0) counts from when it was first
//    seen: a new rig gets offline_after to send its first share, then it is Offline.
//  - not listed any more (known before): judged from its last known share, like a rig that
//    stopped: it keeps its state while that share is within offline_after, then it is Missing
//    (alerted like Offline), and Retired once the share is older than retired_after. A list
//    that drops a rig is no proof that it stopped (a truncated or glitching reply), and a rig
//    that did stop crosses offline_after when it would have anyway. An unlisted Retired worker
//    is forgotten after kForgetAfterSecs (removedWorkers()), so churn cannot grow state forever.
//  - a worker first seen already older than retired_after is Retired, without an event;
//    first seen Offline raises WentOffline (it is down, and nobody has been told yet).
//
// Events (only transitions, never a steady state):
//  WentOffline / WentMissing: at = last share (the outage's start).
//  CameBack: at = its latest share, durationSecs = outage length. A Retired worker that comes
//    back also reports CameBack. A down worker that shared again between two polls and is
//    down again reports CameBack then WentOffline.
//  Retired: at = now, durationSecs = time without a share.
//  HashrateLow / HashrateRecovered: total < minHashRate (when > 0); at = now.
//  PoolUnreachable: once, when no poll succeeded for longer than unreachableAfterSecs();
//    at = the first failed poll, detail = the reason. PoolRecovered on the next success.
//
// Health (docs/monitoring.md, "Degraded and flapping workers"):
//  - Degraded: an Online worker under the recovery line (degraded_below + 10 % of its usual
//    rate, usualRateOf()) at every poll for degraded_after seconds, its polls then averaging
//    below degraded_below %: WentDegraded (at = the wait's first poll). It recovers at the first
//    poll at or above the recovery line, or ends when it stops being Online:
//    DegradedRecovered. Its wait is kept (health()), so --once runs see it.
//  - Flapping: more than flap_limit state changes (a poll seeing it up after one saw it down,
//    or the other way round) within flap_window: StartedFlapping. From then on its changes carry
//    Event::flapping (no alert of their own) and it is listed under Incident::flapping instead of
//    Incident::down; it stops (StoppedFlapping) after holding one state for a whole flap_window.
class Monitor
{
public:
    static constexpr qint64 kForgetAfterSecs = 30 * 86400;

    Monitor(const Thresholds &t, int intervalSecs);

    // Continues from persisted state (restart, --once): workers known offline raise nothing
    // again. poolUnreachable = whether PoolUnreachable was already raised; pass the persisted
    // flag (AccountState::poolUnreachable). When omitted it is inferred from incidentSince.
    // `states` by value: moved in, the table is not copied (it is a farm's worth of states).
    void restore(QHash<QString, WorkerState> states, qint64 lastSuccessAt, qint64 unreachableSince,
                 bool hashrateLow, qint64 incidentSince,
                 std::optional<bool> poolUnreachable = std::nullopt);

    // The workers' health records as stored (Store::workerHealth); call after restore().
    void restoreHealth(QHash<QString, WorkerHealth> health);
    // Usual levels from the store (Store::usualLevels), indexed by store id; 0 = none. Workers
    // the vector does not cover keep theirs.
    void setUsualLevels(const QVector<float> &byStoreId);
    // "Accept current hashrate as usual": the worker's current rate becomes its usual level
    // from `now` (pool clock) on, and a degraded state ends. False when the worker is unknown
    // or has no current rate.
    bool acceptUsual(const QString &worker, qint64 now, QVector<Event> *events);

    // Whether a reply can be believed, and at what time to classify it (replycheck.h). Call it
    // before applySnapshot(); a Suspect reply goes to applyFailure() instead.
    ReplyVerdict checkReply(const Snapshot &s, qint64 localNow) const;
    // Called by applySnapshot once for each worker the poll keeps, as its state is final: the
    // listed ones in the reply's order, then the unlisted (PollPack::add).
    using StateVisitor =
        std::function<void(const QString &name, const WorkerState &state, bool listed)>;
    // A successful poll. Names are unique in a parsed snapshot; a repeated name is ignored.
    QVector<Event> applySnapshot(const Snapshot &s, qint64 localNow,
                                 const StateVisitor &visit = {});
    // A failed poll: changes no worker's state (invariant 1 of docs/architecture.md).
    QVector<Event> applyFailure(const QString &reason, qint64 localNow);
    // The ids the store gave workers that had none (Store::recordPoll's `assigned`).
    void setStoreIds(const QVector<StoreId> &ids);
    // The store wrote the workers' states as they are (Store::recordPoll succeeded): marks
    // them WorkerState::identityStored. Costs what changed since the last call, not the farm.
    void identitiesStored();
    // The store's file was replaced by a new one (a damaged file moved aside): the ids and the
    // stored marks of every worker no longer hold, and the next write gives new ones.
    void forgetStore();

    // The current trouble; `now` only stamps Incident::at.
    Incident incident(qint64 now) const;

    const QHash<QString, WorkerState> &workers() const { return m_workers; }
    // The states in the order the last reply listed them (after restore(): as the store
    // numbered them); a guess for the next reply's order, valid until the table changes.
    const std::vector<WorkerState *> &listOrder() const { return m_positions.last(); }
    // Only workers with something to keep (WorkerState::hasHealth), and those changed by the
    // last apply (for the store; a name absent from health() there lost its record).
    const QHash<QString, WorkerHealth> &health() const { return m_health; }
    const QStringList &healthChanged() const { return m_healthChanged; }
    // Pool time at which a worker below degraded_below would become degraded; 0 = none.
    qint64 degradedDeadline() const { return m_degradedDeadline; }
    qint64 lastSuccessAt() const { return m_lastSuccessAt; }
    qint64 unreachableSince() const { return m_unreachableSince; } // first failure; 0 = answering
    bool poolUnreachable() const { return m_poolUnreachable; }
    QString lastError() const { return m_lastError; } // reason of the current failure streak
    bool hashrateLow() const { return m_hashrateLow; }
    qint64 incidentSince() const { return m_incidentSince; }
    double totalHashRate() const { return m_totalHashRate; }
    int onlineCount() const { return m_online; }
    int downCount() const { return m_down; } // Offline + Missing
    // The oldest last share (lastShareOf) among the Online workers, from the last walk; 0 = none.
    // The next poll is scheduled from it (pollschedule.h) without another walk of the workers.
    qint64 earliestOnlineShare() const { return m_earliestOnlineShare; }
    const Thresholds &thresholds() const { return m_thresholds; }
    int intervalSecs() const { return m_intervalSecs; }
    qint64 unreachableAfterSecs() const; // max(offline_after, 3 x interval)
    // When a failure streak becomes "pool unreachable" (local unix seconds): the first second
    // past unreachableAfterSecs() without a successful poll. 0 while the pool answers or once
    // the incident is raised. The engine checks again then, so the incident does not wait for
    // the next (backed-off) poll to fail.
    qint64 unreachableDeadline() const;

    // Rows touched by the last apply, for incremental model updates. changedWorkers() lists
    // known workers whose sample, status or statusSince changed; a failure clears all three.
    const QStringList &addedWorkers() const { return m_added; }
    const QStringList &removedWorkers() const { return m_removed; }
    const QStringList &changedWorkers() const { return m_changed; }
    // Whether applySnapshot lists the changed rows (on by default). Only a table of workers uses
    // them (the GUI's), and since every worker's rates move between polls the list holds nearly
    // every worker: at 100k workers it is a third of the apply. rigwatchd turns it off; the
    // list then stays empty (added and removed are still kept: they are few).
    void setRowChanges(bool on) { m_rowChanges = on; }
    bool rowChanges() const { return m_rowChanges; }

    // The worker's last share, or when it was first seen if it never shared.
    static qint64 lastShareOf(const WorkerState &w);
    WorkerStatus classify(qint64 lastShare, qint64 now) const;

private:
    struct Tally;
    void transition(const QString &name, WorkerState &st, WorkerStatus prev, qint64 prevShare,
                    qint64 now, QVector<Event> &events) const;
    bool unlisted(const QString &name, WorkerState &st, qint64 now, QVector<Event> &events) const;
    void unstored(const QString &name, WorkerState &st); // its status, since or host changed
    void updateHashrate(double total, qint64 now, QVector<Event> &events);
    void updateIncidentSince(qint64 now, qint64 earliestDown);
    void recount();
    void takeTally(Tally &t);
    bool below(const WorkerState &st) const;
    // Flapping and degraded for one worker whose events of this apply start at firstEvent;
    // true when its shown state (degraded, flapping) changed.
    bool judge(const QString &name, WorkerState &st, WorkerStatus prevStatus, qint64 now,
               QVector<Event> &events, qsizetype firstEvent);
    void collectHealth();

    Thresholds m_thresholds;
    int m_intervalSecs;
    QHash<QString, WorkerState> m_workers;
    qint64 m_lastSuccessAt = 0;
    qint64 m_unreachableSince = 0;
    bool m_poolUnreachable = false;
    QString m_lastError;
    bool m_hashrateLow = false;
    qint64 m_hashrateLowSince = 0;
    qint64 m_incidentSince = 0;
    qint64 m_lastStamp = 0; // lastListedAt given to the last snapshot's workers (monotonic)
    double m_totalHashRate = 0;
    int m_online = 0;
    int m_down = 0;
    int m_counted = 0;
    qint64 m_earliestOnlineShare = 0;
    qsizetype m_onlineListed = 0; // online and listed by the last reply (checkReply's lost farm)
    QVector<Incident::Down> m_downList; // the Offline and Missing workers, by name
    QHash<QString, WorkerHealth> m_health;
    QStringList m_healthChanged;
    QVector<Incident::Degraded> m_degradedList;
    QVector<Incident::Flapping> m_flappingList;
    qint64 m_degradedDeadline = 0;
    qint64 m_earliestDegraded = 0;
    PositionCache m_positions; // where each worker of the last snapshot has its state
    QStringList m_added;
    QStringList m_removed;
    QStringList m_changed;
    // Workers whose WorkerState::identityStored went false since identitiesStored().
    QStringList m_unstored;
    bool m_rowChanges = true;
};

} // namespace rw
