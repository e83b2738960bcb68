#include "monitor/monitor.h"

#include "util/units.h"

#include <algorithm>

namespace rw {
namespace {

Event makeEvent(Event::Kind kind, const QString &worker, qint64 at, qint64 duration = 0,
                const QString &detail = {})
{
    Event e{kind, worker, at, duration, detail};
    return e;
}

template <typename T> void assign(T &field, const T &value, bool *changed)
{
    if (field == value)
        return;
    field = value;
    *changed = true;
}

// Takes a known worker's new sample field by field and says whether anything changed. The name
// is the key it was found by, so the stored one stays; so do equal hosts: a 100k-worker poll
// then copies no string.
bool updateSample(WorkerSample &known, const WorkerSample &fresh, bool *hostChanged)
{
    bool changed = false;
    assign(known.hashRate, fresh.hashRate, &changed);
    assign(known.hashRate1h, fresh.hashRate1h, &changed);
    assign(known.hashRate24h, fresh.hashRate24h, &changed);
    assign(known.staleRate24h, fresh.staleRate24h, &changed);
    // A share time never goes back to "never": keep the known one over a 0 glitch.
    if (fresh.lastShareAt > 0 || known.lastShareAt <= 0)
        assign(known.lastShareAt, fresh.lastShareAt, &changed);
    assign(known.host, fresh.host, hostChanged); // shared strings compare without being read
    changed = changed || *hostChanged;
    assign(known.poolState, fresh.poolState, &changed); // shown beside ours, never deciding it
    return changed;
}

} // namespace

// Online/down counts, the down workers and the oldest outage start, gathered while walking the
// workers (so incident() never has to walk them all again).
struct Monitor::Tally
{
    int online = 0;
    int down = 0;
    int counted = 0;
    qint64 earliestDown = 0;
    qint64 earliestOnline = 0; // the oldest share of an online worker (pollschedule.h)
    QVector<Incident::Down> downList;

    void add(const WorkerState &w)
    {
        if (w.status == WorkerStatus::Retired)
            return;
        ++counted;
        if (w.status == WorkerStatus::Online) {
            ++online;
            earliestOnline =
                earliestOnline ? std::min(earliestOnline, lastShareOf(w)) : lastShareOf(w);
            return;
        }
        if (w.flapping) // listed once under "flapping" (collectHealth), not as down
            return;
        ++down;
        const qint64 since = lastShareOf(w);
        downList.append(Incident::Down{w.sample.name, w.status, since});
        if (earliestDown == 0 || since < earliestDown)
            earliestDown = since;
    }
};

Monitor::Monitor(const Thresholds &t, int intervalSecs)
    : m_thresholds(t), m_intervalSecs(intervalSecs)
{}

qint64 Monitor::unreachableAfterSecs() const
{
    return std::max<qint64>(m_thresholds.offlineAfterSecs, 3LL * m_intervalSecs);
}

qint64 Monitor::lastShareOf(const WorkerState &w)
{
    // Never shared: statusSince holds when it was first seen (it stays so until a share).
    return w.sample.lastShareAt > 0 ? w.sample.lastShareAt : w.statusSince;
}

WorkerStatus Monitor::classify(qint64 lastShare, qint64 now) const
{
    const qint64 age = now - lastShare; // negative (share "in the future"): online
    if (age > m_thresholds.retiredAfterSecs)
        return WorkerStatus::Retired;
    if (age > m_thresholds.offlineAfterSecs)
        return WorkerStatus::Offline;
    return WorkerStatus::Online;
}

void Monitor::restore(QHash<QString, WorkerState> states, qint64 lastSuccessAt,
                      qint64 unreachableSince, bool hashrateLow, qint64 incidentSince,
                      std::optional<bool> poolUnreachable)
{
    m_workers = std::move(states);
    m_positions.clear();
    m_lastSuccessAt = lastSuccessAt;
    m_unreachableSince = unreachableSince;
    m_hashrateLow = hashrateLow;
    m_hashrateLowSince = hashrateLow ? incidentSince : 0; // best estimate; not persisted
    m_incidentSince = incidentSince;
    // Without the flag: failures alone open an incident only by unreachability, so an
    // incident that began after the failure streak began was opened by it.
    m_poolUnreachable =
        unreachableSince != 0 &&
        poolUnreachable.value_or(incidentSince != 0 && incidentSince >= unreachableSince);
    m_lastError.clear();
    m_added.clear();
    m_removed.clear();
    m_changed.clear();
    m_unstored.clear();
    m_health.clear();
    m_healthChanged.clear();
    m_lastStamp = 0;
    m_totalHashRate = 0;
    for (auto it = m_workers.begin(); it != m_workers.end(); ++it) {
        if (it->sample.name.isEmpty())
            it->sample.name = it.key();
        it->degraded = it->flapping = it->hasHealth = false; // restoreHealth() sets them
        if (!it->identityStored)
            m_unstored.append(it.key());
        m_lastStamp = std::max(m_lastStamp, it->lastListedAt);
        if (it->status != WorkerStatus::Missing)
            m_totalHashRate += it->sample.hashRate;
    }
    m_onlineListed =
        std::count_if(m_workers.cbegin(), m_workers.cend(), [this](const WorkerState &w) {
            return w.status == WorkerStatus::Online && w.lastListedAt == m_lastStamp;
        });
    recount();
    m_positions.seed(m_workers, m_lastStamp);
}

void Monitor::recount()
{
    Tally t;
    for (const WorkerState &w : std::as_const(m_workers))
        t.add(w);
    takeTally(t);
    collectHealth();
}

void Monitor::restoreHealth(QHash<QString, WorkerHealth> health)
{
    m_health.clear();
    for (auto it = health.begin(); it != health.end(); ++it) {
        const auto st = m_workers.find(it.key());
        if (st == m_workers.end() || it->isEmpty())
            continue; // forgotten since: its record goes with it
        st->degraded = it->degraded && st->status == WorkerStatus::Online;
        st->flapping = it->flapping;
        st->hasHealth = true;
        if (it->accepted > 0 && st->usual <= 0)
            st->usual = float(it->accepted);
        m_health.insert(it.key(), std::move(*it));
    }
    // restore() counted the workers already; only health records change the count (a flapping
    // worker is not listed as down), and a walk over a large farm's states is not free.
    if (m_health.isEmpty())
        collectHealth();
    else
        recount();
    updateIncidentSince(m_lastStamp, 0);
}

void Monitor::setUsualLevels(const QVector<float> &byStoreId)
{
    for (WorkerState &w : m_workers)
        if (w.storeId > 0 && w.storeId < byStoreId.size())
            w.usual = byStoreId.at(w.storeId);
}

bool Monitor::acceptUsual(const QString &worker, qint64 now, QVector<Event> *events)
{
    const auto st = m_workers.find(worker);
    if (st == m_workers.end() || !(st->sample.hashRate > 0))
        return false;
    WorkerHealth &h = m_health[worker];
    st->hasHealth = true;
    st->usual = float(st->sample.hashRate);
    h.accepted = st->sample.hashRate;
    h.acceptedAt = now;
    if (h.degraded && events)
        events->append(Event{Event::DegradedRecovered, worker, now, now - h.belowSince,
                             QStringLiteral("current hashrate accepted as usual"), h.depth});
    h.degraded = false;
    h.belowSince = 0;
    h.belowSum = 0;
    h.belowPolls = 0;
    h.depth = 0;
    st->degraded = false;
    if (!m_healthChanged.contains(worker))
        m_healthChanged.append(worker);
    if (m_rowChanges && !m_changed.contains(worker))
        m_changed.append(worker);
    collectHealth();
    updateIncidentSince(now, 0);
    return true;
}

bool Monitor::below(const WorkerState &st) const
{
    // Under the recovery line (degraded_below + 10, at most 100 %): where a wait can begin.
    const double usual = usualRateOf(st);
    const int line = std::min(m_thresholds.degradedBelow + 10, 100);
    return m_thresholds.degradedBelow > 0 && usual > 0 && st.sample.hashRate > 0 &&
           st.sample.hashRate * 100 < usual * line;
}

bool Monitor::judge(const QString &name, WorkerState &st, WorkerStatus prevStatus, qint64 now,
                    QVector<Event> &events, qsizetype firstEvent)
{
    const Thresholds &t = m_thresholds;
    WorkerHealth *h = nullptr;
    if (st.hasHealth) {
        const auto it = m_health.find(name);
        if (it != m_health.end())
            h = &*it;
    }
    const WorkerHealth before = h ? *h : WorkerHealth{};
    const auto get = [&]() -> WorkerHealth & {
        if (!h)
            h = &m_health[name];
        return *h;
    };

    // Flapping: count a change when this poll sees the worker up and the last one saw it down,
    // or the other way round; forget changes older than the window. A share that moved on but
    // is still too old (back and gone again between two polls) changes nothing anyone saw: a
    // pool that reports a stopped rig's share time as "now minus N" would otherwise make every
    // stopped rig "flap" at every poll and keep it in the message after it came back.
    const bool wasUp = prevStatus == WorkerStatus::Online;
    const bool isUp = st.status == WorkerStatus::Online;
    if (t.flapLimit > 0 && wasUp != isUp && prevStatus != WorkerStatus::Retired &&
        st.status != WorkerStatus::Retired)
        get().changes.append(now);
    if (h) {
        const qint64 from = now - t.flapWindowSecs;
        const auto old = std::find_if(h->changes.begin(), h->changes.end(),
                                      [from](qint64 at) { return at > from; });
        if (old != h->changes.begin())
            h->changes.erase(h->changes.begin(), old);
        if (!h->flapping && t.flapLimit > 0 && h->changes.size() > t.flapLimit) {
            h->flapping = true;
            events.append(
                Event{Event::StartedFlapping, name, now, 0, QString::number(h->changes.size())});
        } else if (h->flapping && (h->changes.isEmpty() || t.flapLimit <= 0)) {
            h->flapping = false;
            events.append(Event{Event::StoppedFlapping, name, now, 0, {}});
        }
        if (h->flapping)
            for (qsizetype i = firstEvent; i < events.size(); ++i)
                events[i].flapping = events.at(i).kind != Event::StartedFlapping;
    }

    // Degraded: only an Online worker can be; the rate is held against its usual level. A
    // poll under the recovery line (degraded_below + 10) starts the wait and a poll back at it
    // ends it; after degraded_after the worker is degraded if its polls in the wait averaged
    // below degraded_below. Judging each poll alone would let one noisy poll (a pool's short
    // window moves by 10 % and more) restart the wait of a rig that lost a third of its rate,
    // and its alert would not come on time (docs/monitoring.md).
    // A rate of 0 is a rig stopping, not a weak one: the offline rule takes it (with a short
    // degraded_after it would otherwise be called degraded a moment before it is offline).
    const double usual = usualRateOf(st);
    const bool judged = t.degradedBelow > 0 && usual > 0 && st.sample.hashRate > 0;
    const double fraction = judged ? st.sample.hashRate / usual : 1;
    const bool atRecoveryLine = !judged || fraction * 100 >= t.degradedBelow + 10;
    const auto clear = [&] {
        h->belowSince = 0;
        h->belowSum = 0;
        h->belowPolls = 0;
        h->depth = 0;
    };
    const auto end = [&](const QString &why) {
        if (h->degraded)
            events.append(Event{Event::DegradedRecovered, name, now,
                                std::max<qint64>(0, now - h->belowSince), why, h->depth});
        h->degraded = false;
        clear();
    };
    if (st.status != WorkerStatus::Online) {
        if (h && (h->degraded || h->belowSince))
            end(QStringLiteral("no longer online"));
    } else if (h && h->degraded) {
        if (atRecoveryLine)
            end(QStringLiteral("back at %1 % of usual").arg(qRound(fraction * 100)));
        else
            h->depth = std::min(h->depth, fraction);
    } else if (h && h->belowSince && atRecoveryLine) {
        clear(); // back where it belongs: the wait starts again at the next poll below
    } else if ((h && h->belowSince) || below(st)) {
        WorkerHealth &g = get();
        if (g.belowSince == 0) {
            g.belowSince = now;
            g.depth = fraction;
        }
        g.belowSum += fraction;
        ++g.belowPolls;
        g.depth = std::min(g.depth, fraction);
        if (now - g.belowSince >= t.degradedAfterSecs) {
            const double mean = g.belowSum / g.belowPolls;
            if (mean * 100 < t.degradedBelow) {
                g.degraded = true;
                events.append(
                    Event{Event::WentDegraded, name, g.belowSince, now - g.belowSince,
                          QStringLiteral("%1 % of usual (%2 of %3)")
                              .arg(qRound(fraction * 100))
                              .arg(formatHashRate(st.sample.hashRate), formatHashRate(usual)),
                          fraction});
            } else { // hovering above the line on average: wait again from here
                g.belowSince = now;
                g.belowSum = fraction;
                g.belowPolls = 1;
                g.depth = fraction;
            }
        }
    }

    const bool wasDegraded = st.degraded, wasFlapping = st.flapping;
    st.degraded = h && h->degraded;
    st.flapping = h && h->flapping;
    st.hasHealth = h != nullptr;
    // Each worker is judged once per apply, and the list starts empty: no search needed.
    if (h && !(*h == before))
        m_healthChanged.append(name);
    if (h && h->isEmpty()) {
        m_health.remove(name);
        st.hasHealth = false;
    }
    return st.degraded != wasDegraded || st.flapping != wasFlapping;
}

// The degraded and flapping lists, and the next degraded deadline, from the few health
// records (never a walk of the whole farm).
void Monitor::collectHealth()
{
    m_degradedList.clear();
    m_flappingList.clear();
    m_degradedDeadline = 0;
    m_earliestDegraded = 0;
    for (auto it = m_health.cbegin(); it != m_health.cend(); ++it) {
        const auto st = m_workers.constFind(it.key());
        if (st == m_workers.cend())
            continue;
        if (it->flapping && st->status != WorkerStatus::Retired)
            m_flappingList.append({it.key(), int(it->changes.size()), st->status});
        if (st->status != WorkerStatus::Online)
            continue;
        if (it->degraded) {
            m_degradedList.append(
                {it.key(), st->sample.hashRate, usualRateOf(*st), it->belowSince});
            if (m_earliestDegraded == 0 || it->belowSince < m_earliestDegraded)
                m_earliestDegraded = it->belowSince;
        } else if (it->belowSince > 0) {
            const qint64 at = it->belowSince + m_thresholds.degradedAfterSecs;
            if (m_degradedDeadline == 0 || at < m_degradedDeadline)
                m_degradedDeadline = at;
        }
    }
    const auto byName = [](const auto &a, const auto &b) { return a.worker < b.worker; };
    std::sort(m_degradedList.begin(), m_degradedList.end(), byName);
    std::sort(m_flappingList.begin(), m_flappingList.end(), byName);
}

ReplyVerdict Monitor::checkReply(const Snapshot &s, qint64 localNow) const
{
    ReplyHistory history;
    history.workers = &m_workers;
    history.lastPoolTime = m_lastStamp;
    history.lastLocalTime = m_lastSuccessAt;
    history.onlineListed = m_onlineListed;
    return rw::checkReply(s, history, m_thresholds, localNow);
}

QVector<Event> Monitor::applySnapshot(const Snapshot &s, qint64 localNow, const StateVisitor &visit)
{
    const qint64 now = s.poolTimeSecs > 0 ? s.poolTimeSecs : localNow;
    // Strictly increasing, so "listed by this reply" is exact even if two replies carry the
    // same Date or the pool's clock steps back.
    const qint64 stamp = std::max(now, m_lastStamp + 1);
    m_lastStamp = stamp;
    m_added.clear();
    m_removed.clear();
    m_changed.clear();
    m_healthChanged.clear();

    QVector<Event> events;
    if (m_poolUnreachable)
        events.append(makeEvent(Event::PoolRecovered, {}, localNow, localNow - m_unreachableSince));
    m_lastSuccessAt = localNow;
    m_unreachableSince = 0;
    m_poolUnreachable = false;
    m_lastError.clear();

    Tally tally;
    qsizetype listedKnown = 0;
    qsizetype onlineListed = 0;
    m_workers.reserve(std::max(m_workers.size(), s.workers.size()));
    m_workers.detach(); // before the positions are checked: a detach moves every state
    const bool firstPoll = m_workers.isEmpty();
    if (firstPoll) // every worker is added: sized once, not grown (and copied) as it fills
        m_added.reserve(s.workers.size());
    else if (m_rowChanges) // rates move between polls: most known workers change
        m_changed.reserve(s.workers.size());
    m_positions.begin(m_workers, s.workers.size());
    for (const WorkerSample &sample : s.workers) {
        if (sample.name.isEmpty()) {
            m_positions.skip();
            continue;
        }
        WorkerState *known = m_positions.find(m_workers, sample.name);
        if (!known) { // first seen
            WorkerState st;
            st.sample = sample;
            st.lastListedAt = stamp;
            st.statusSince = now; // first seen; lastShareOf() falls back to it
            const qint64 share = lastShareOf(st);
            st.status = classify(share, now);
            if (st.status != WorkerStatus::Online)
                st.statusSince = share;
            if (st.status == WorkerStatus::Offline)
                events.append(makeEvent(Event::WentOffline, sample.name, share));
            else if (st.status == WorkerStatus::Online && below(st)) // its first poll counts
                judge(sample.name, st, st.status, now, events, events.size());
            tally.add(st);
            onlineListed += st.status == WorkerStatus::Online;
            m_added.append(sample.name);
            m_unstored.append(sample.name);
            m_workers.insert(sample.name, st);
            m_positions.moved();
            if (visit)
                visit(sample.name, st, true);
            continue;
        }
        WorkerState &st = *known;
        if (st.lastListedAt == stamp)
            continue; // repeated name in one snapshot: the first one counted
        ++listedKnown;
        const WorkerStatus prevStatus = st.status;
        const qint64 prevSince = st.statusSince;
        const qint64 prevShare = lastShareOf(st);
        bool hostChanged = false;
        bool changed = updateSample(st.sample, sample, &hostChanged);
        st.lastListedAt = stamp;
        const qsizetype firstEvent = events.size();
        transition(sample.name, st, prevStatus, prevShare, now, events);
        if (hostChanged || st.status != prevStatus || st.statusSince != prevSince) {
            changed = true;
            unstored(sample.name, st);
        }
        // The common case (healthy, no change) costs one comparison.
        if (st.hasHealth || events.size() > firstEvent ||
            (st.status == WorkerStatus::Online && below(st)))
            changed = judge(sample.name, st, prevStatus, now, events, firstEvent) || changed;
        if (changed && m_rowChanges)
            m_changed.append(sample.name);
        tally.add(st);
        onlineListed += st.status == WorkerStatus::Online;
        if (visit)
            visit(sample.name, st, true);
    }

    // Workers this reply did not list. Skipped entirely when every known worker was listed.
    if (listedKnown + m_added.size() < m_workers.size()) {
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            WorkerState &st = *it;
            if (st.lastListedAt != stamp) {
                const qint64 share = lastShareOf(st);
                if (st.status == WorkerStatus::Retired && now - share > kForgetAfterSecs) {
                    if (m_health.remove(it.key()))
                        m_healthChanged.append(it.key());
                    m_removed.append(it.key());
                    it = m_workers.erase(it);
                    m_positions.moved();
                    continue;
                }
                const qsizetype firstEvent = events.size();
                const WorkerStatus prevStatus = st.status;
                bool changed = unlisted(it.key(), st, now, events);
                if (changed)
                    unstored(it.key(), st);
                if (st.hasHealth || events.size() > firstEvent)
                    changed = judge(it.key(), st, prevStatus, now, events, firstEvent) || changed;
                if (changed && m_rowChanges)
                    m_changed.append(it.key());
                tally.add(st);
                if (visit)
                    visit(it.key(), st, false);
            }
            ++it;
        }
    }
    takeTally(tally);
    collectHealth();
    m_onlineListed = onlineListed;
    m_positions.finish(m_workers, s.workers, firstPoll);

    m_totalHashRate = s.totalHashRate;
    updateHashrate(s.totalHashRate, now, events);
    updateIncidentSince(now, tally.earliestDown);
    return events;
}

void Monitor::transition(const QString &name, WorkerState &st, WorkerStatus prev, qint64 prevShare,
                         qint64 now, QVector<Event> &events) const
{
    const qint64 share = lastShareOf(st);
    const WorkerStatus next = classify(share, now);
    st.status = next;
    if (next == prev && share == prevShare)
        return;
    if (next != WorkerStatus::Online)
        st.statusSince = share;

    if (prev == WorkerStatus::Online) {
        if (next == WorkerStatus::Offline)
            events.append(makeEvent(Event::WentOffline, name, share));
        else if (next == WorkerStatus::Retired)
            events.append(makeEvent(Event::Retired, name, now, now - share));
        return;
    }
    // prev is Offline, Missing or Retired: an outage that began at prevShare.
    const bool sharedAgain = share > prevShare;
    if (next == WorkerStatus::Online) {
        const qint64 at = std::min(share, now);
        st.statusSince = at;
        events.append(makeEvent(Event::CameBack, name, at, std::max<qint64>(0, at - prevShare)));
    } else if (next == WorkerStatus::Offline) {
        if (sharedAgain) // back and gone again between two polls: close one outage, open one
            events.append(makeEvent(Event::CameBack, name, share, share - prevShare));
        if (sharedAgain || prev == WorkerStatus::Retired) // Retired: thresholds were widened
            events.append(makeEvent(Event::WentOffline, name, share));
        // Missing -> Offline: listed again but still silent; the same outage goes on.
    } else if (prev != WorkerStatus::Retired) {
        events.append(makeEvent(Event::Retired, name, now, now - share));
    }
}

void Monitor::setStoreIds(const QVector<StoreId> &ids)
{
    for (const StoreId &s : ids)
        if (const auto it = m_workers.find(s.worker); it != m_workers.end())
            it->storeId = s.id;
}

void Monitor::unstored(const QString &name, WorkerState &st)
{
    if (!st.identityStored)
        return; // listed already
    st.identityStored = false;
    m_unstored.append(name);
}

void Monitor::forgetStore()
{
    m_unstored.clear();
    for (auto it = m_workers.begin(); it != m_workers.end(); ++it) {
        it->storeId = 0;
        it->identityStored = false;
        m_unstored.append(it.key());
    }
}

void Monitor::identitiesStored()
{
    for (const QString &name : std::as_const(m_unstored))
        if (const auto it = m_workers.find(name); it != m_workers.end())
            it->identityStored = true;
    m_unstored.clear();
}

bool Monitor::unlisted(const QString &name, WorkerState &st, qint64 now,
                       QVector<Event> &events) const
{
    const qint64 share = lastShareOf(st);
    const qint64 age = now - share;
    WorkerStatus next = WorkerStatus::Missing;
    if (age > m_thresholds.retiredAfterSecs)
        next = WorkerStatus::Retired;
    else if (age <= m_thresholds.offlineAfterSecs && st.status == WorkerStatus::Online)
        next = WorkerStatus::Online; // not listed, but its last share is still recent
    if (next == st.status)
        return false;
    if (next == WorkerStatus::Missing)
        events.append(makeEvent(Event::WentMissing, name, share, 0,
                                QStringLiteral("no longer listed by the pool")));
    else
        events.append(makeEvent(Event::Retired, name, now, age));
    st.status = next;
    st.statusSince = share;
    return true;
}

void Monitor::updateHashrate(double total, qint64 now, QVector<Event> &events)
{
    const double floor = m_thresholds.minHashRate;
    const bool low = floor > 0 && total < floor;
    if (low && !m_hashrateLow) {
        m_hashrateLowSince = now;
        events.append(
            makeEvent(Event::HashrateLow, {}, now, 0,
                      QStringLiteral("%1 < %2").arg(formatHashRate(total), formatHashRate(floor))));
    } else if (!low && m_hashrateLow) {
        const qint64 lasted =
            m_hashrateLowSince > 0 ? std::max<qint64>(0, now - m_hashrateLowSince) : 0;
        events.append(makeEvent(Event::HashrateRecovered, {}, now, lasted,
                                floor > 0 ? formatHashRate(total)
                                          : QStringLiteral("hashrate floor disabled")));
        m_hashrateLowSince = 0;
    }
    m_hashrateLow = low;
}

void Monitor::updateIncidentSince(qint64 now, qint64 earliestDown)
{
    const bool open = m_down > 0 || m_hashrateLow || m_poolUnreachable ||
                      !m_degradedList.isEmpty() || !m_flappingList.isEmpty();
    if (!open) {
        m_incidentSince = 0;
        return;
    }
    if (m_incidentSince != 0)
        return;
    // The incident begins where its oldest trouble began, not when we noticed it.
    qint64 since = now;
    if (m_down > 0 && earliestDown > 0)
        since = std::min(since, earliestDown);
    if (m_earliestDegraded > 0)
        since = std::min(since, m_earliestDegraded);
    if (m_poolUnreachable && m_unreachableSince > 0)
        since = std::min(since, m_unreachableSince);
    m_incidentSince = since;
}

qint64 Monitor::unreachableDeadline() const
{
    if (m_unreachableSince == 0 || m_poolUnreachable)
        return 0;
    const qint64 base = m_lastSuccessAt > 0 ? m_lastSuccessAt : m_unreachableSince;
    return base + unreachableAfterSecs() + 1;
}

QVector<Event> Monitor::applyFailure(const QString &reason, qint64 localNow)
{
    m_added.clear();
    m_removed.clear();
    m_changed.clear();
    m_healthChanged.clear();
    QVector<Event> events;
    if (m_unreachableSince == 0)
        m_unreachableSince = localNow;
    m_lastError = reason;
    const qint64 base = m_lastSuccessAt > 0 ? m_lastSuccessAt : m_unreachableSince;
    if (!m_poolUnreachable && localNow - base > unreachableAfterSecs()) {
        m_poolUnreachable = true;
        events.append(
            makeEvent(Event::PoolUnreachable, {}, m_unreachableSince, localNow - base, reason));
    }
    updateIncidentSince(localNow, 0);
    return events;
}

void Monitor::takeTally(Tally &t)
{
    m_online = t.online;
    m_down = t.down;
    m_counted = t.counted;
    m_earliestOnlineShare = t.earliestOnline;
    std::sort(t.downList.begin(), t.downList.end(),
              [](const Incident::Down &a, const Incident::Down &b) { return a.worker < b.worker; });
    m_downList = std::move(t.downList);
}

Incident Monitor::incident(qint64 now) const
{
    Incident inc;
    inc.down = m_downList; // shared: the states have not changed since the last walk
    inc.degraded = m_degradedList;
    inc.flapping = m_flappingList;
    inc.hashrateLow = m_hashrateLow;
    inc.poolUnreachable = m_poolUnreachable;
    if (m_poolUnreachable) {
        inc.unreachableReason = m_lastError;
        inc.unreachableSince = m_unreachableSince;
    }
    inc.totalHashRate = m_totalHashRate;
    inc.minHashRate = m_thresholds.minHashRate;
    inc.online = m_online;
    inc.total = m_counted;
    inc.since = inc.isEmpty() ? 0 : m_incidentSince;
    inc.at = now;
    return inc;
}

} // namespace rw
