#include "engine/engine.h"

#include "clock.h"
#include "config/proxysetting.h"
#include "engine/eventtext.h"
#include "logging.h"
#include "monitor/monitor.h"
#include "monitor/pollschedule.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>

#include <algorithm>
#include <utility>

namespace rw {

struct Engine::Account
{
    explicit Account(const AccountConfig &c) : config(c), schedule(c) {}
    AccountConfig config;
    std::unique_ptr<QNetworkAccessManager> network; // before the poller: outlives its replies
    std::unique_ptr<Poller> poller;
    std::unique_ptr<Monitor> monitor;
    PollSchedule schedule;
    AccountView view;
    QString lastError;
    qint64 lastAttemptAt = 0;
    bool onceWaiting = false;
    // A poll sent before runOnce() (restore(true)): its outcome waits for it.
    bool early = false;
    std::function<void()> held;
    qint64 usualHour = -1; // the pool-clock hour the usual levels were last read for
    // Fires when a failure streak reaches "pool unreachable", which may fall between two
    // backed-off polls (up to four intervals apart): the incident is raised on time.
    QTimer unreachableCheck;
};

Engine::Engine(const QVector<AccountConfig> &accounts, Store *store, const Clock *clock,
               QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{
    qRegisterMetaType<rw::AccountView>();
    qRegisterMetaType<QVector<rw::Event>>();
    for (const AccountConfig &c : accounts) {
        auto a = std::make_unique<Account>(c);
        a->monitor = std::make_unique<Monitor>(c.thresholds, c.intervalSecs);
        a->network = std::make_unique<QNetworkAccessManager>();
        a->network->setProxy(effectiveProxy(c.proxy, c.proxySet, c.url)); // [pool] proxy
        a->poller = std::make_unique<Poller>(c, a->network.get(), clock);
        a->view.key = c.key();
        a->view.displayName = c.displayName();
        a->view.currency = c.currency;
        a->view.minHashRate = c.thresholds.minHashRate;
        a->view.offlineAfterSecs = c.thresholds.offlineAfterSecs;
        Account *raw = a.get();
        // An early poll's outcome (restore(true)) waits for runOnce(); any other is taken now.
        const auto take = [raw](std::function<void()> outcome) {
            if (raw->early && !raw->onceWaiting)
                raw->held = std::move(outcome);
            else
                outcome();
        };
        connect(a->poller.get(), &Poller::polled, this,
                [this, raw, take](const Snapshot &s, qint64 ms) {
                    take([this, raw, s, ms] { onPolled(*raw, s, ms); });
                });
        connect(a->poller.get(), &Poller::failed, this, [this, raw, take](const PollFailure &f) {
            take([this, raw, f] { onFailed(*raw, f); });
        });
        a->unreachableCheck.setSingleShot(true);
        connect(&a->unreachableCheck, &QTimer::timeout, this,
                [this, raw] { onUnreachableDeadline(*raw); });
        connect(a->poller.get(), &Poller::nextPollScheduled, this,
                [raw](qint64 at) { raw->view.nextPollAtMs = at; });
        m_accounts.push_back(std::move(a));
    }
    m_retention.setInterval(3600 * 1000);
    connect(&m_retention, &QTimer::timeout, this,
            [this] { write([this] { return applyRetention(); }); });
}

Engine::~Engine() = default;

void Engine::setRowChanges(bool on)
{
    for (const auto &a : m_accounts)
        a->monitor->setRowChanges(on);
}

void Engine::restore(bool pollFirst)
{
    if (!m_store)
        return;
    QVector<AccountState> states;
    for (auto &a : m_accounts) {
        const AccountState st = m_store->accountState(a->config.key());
        // The pool's limit spans runs: the previous run's requests, or (a store from before
        // they were kept) its last one.
        if (st.poolRequestsMs.isEmpty() && st.poolBlockedUntilMs == 0)
            a->poller->countEarlierRequest(st.lastAttemptAt);
        else
            a->poller->countEarlierRequests(st.poolRequestsMs, st.poolBlockedUntilMs);
        states.append(st);
    }
    if (pollFirst) {
        for (auto &a : m_accounts) {
            a->early = true;
            a->poller->pollNow();
        }
        // Qt starts a request from the event loop: let it go out before the store is read, or
        // the pool would only begin to prepare its reply after. Nothing else is wired yet, and
        // an answer that comes meanwhile is held for runOnce().
        QElapsedTimer waited;
        waited.start();
        const auto pending = [this] {
            return std::any_of(m_accounts.cbegin(), m_accounts.cend(),
                               [](const auto &a) { return a->poller->requestPending(); });
        };
        QTimer wake; // WaitForMoreEvents below returns by this time at the latest
        wake.start(200);
        while (pending() && waited.elapsed() < 200)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    for (size_t i = 0; i < m_accounts.size(); ++i) {
        Account *a = m_accounts[i].get();
        const QString key = a->config.key();
        const AccountState &st = states.at(qsizetype(i));
        a->monitor->restore(m_store->workerStates(key), st.lastSuccessAt, st.unreachableSince,
                            st.hashrateLow, st.incidentSince, st.poolUnreachable);
        a->monitor->restoreHealth(m_store->workerHealth(key));
        // The week of samples the usual levels come from is read while the pool prepares its
        // reply, not after it (the poll reads them again only if the pool's hour differs).
        if (pollFirst)
            refreshUsualLevels(*a, m_clock->nowSecs());
        a->lastError = st.lastError;
        a->lastAttemptAt = st.lastAttemptAt;
        a->view.workers = a->monitor->workers();
        if (pollFirst) {
            // The early poll's parse shares these workers' names and hosts instead of making
            // a second copy of a farm's strings. It holds a shared copy of the table, let go of
            // with that poll, so nothing the monitor does can change what it points into. The
            // monitor's list order (the store's numbering, which is the pool's order) is the
            // guess for each position: a right guess costs no new string and no look-up, a cold
            // hash probe is made only where it is wrong. The monitor outlives the hint and
            // changes that order only once the poll is in.
            WorkerCollector::KnownWorkers known;
            known.at = [monitor = a->monitor.get()](qsizetype at) -> const WorkerSample * {
                const std::vector<WorkerState *> &order = monitor->listOrder();
                // The parse asks in list order: the states, names and hosts a few workers
                // ahead are fetched while this one is compared (they lie in hash order, cold).
                constexpr size_t kAhead = 8;
                if (size_t(at) + 2 * kAhead < order.size()) {
                    __builtin_prefetch(order[size_t(at) + 2 * kAhead]);
                    const WorkerSample &ahead = order[size_t(at) + kAhead]->sample;
                    __builtin_prefetch(ahead.name.constData());
                    __builtin_prefetch(ahead.host.constData());
                }
                return size_t(at) < order.size() ? &order[size_t(at)]->sample : nullptr;
            };
            known.find = [states = a->view.workers](const QString &name) -> const WorkerSample * {
                const auto it = states.constFind(name);
                return it == states.cend() ? nullptr : &it->sample;
            };
            a->poller->setKnownWorkers(std::move(known));
        }
        // Only a table of workers reads the rows (setRowChanges): a list of every name would
        // be a farm's worth of memory for nothing in rigwatchd.
        if (a->monitor->rowChanges()) {
            a->view.added.reserve(a->view.workers.size());
            for (auto it = a->view.workers.cbegin(); it != a->view.workers.cend(); ++it)
                a->view.added.append(it.key());
        }
        a->view.state = st;
        const qint64 now = st.lastSuccessAt ? st.lastSuccessAt : m_clock->nowSecs();
        a->view.incident = a->monitor->incident(now);
        a->view.totalHashRate = a->view.incident.totalHashRate;
        qCDebug(lcEngine) << a->config.id << "restored" << a->view.workers.size() << "workers";
    }
}

void Engine::start()
{
    for (auto &a : m_accounts)
        a->poller->start();
    m_retention.start();
}

void Engine::stop()
{
    m_retention.stop();
    for (auto &a : m_accounts) {
        a->poller->stop();
        a->unreachableCheck.stop();
    }
}

void Engine::refreshNow()
{
    for (auto &a : m_accounts)
        a->poller->pollNow();
}

void Engine::runOnce()
{
    m_onceOutstanding = int(m_accounts.size());
    if (m_onceOutstanding == 0) {
        emit cycleFinished();
        return;
    }
    for (auto &a : m_accounts) {
        a->onceWaiting = true;
        if (a->held) // answered while restore() read the store: taken up now, as it would be
            QMetaObject::invokeMethod(this, std::exchange(a->held, {}), Qt::QueuedConnection);
        else
            a->poller->pollNow(); // ignored while the early poll is in flight
        a->early = false;
    }
}

bool Engine::write(const std::function<bool()> &op)
{
    if (!m_store || op())
        return true;
    // A damaged file: the recovery (Runtime) moves it aside and opens a new one; this write,
    // with the state the engine holds, is the new file's first.
    if (m_store->lastProblem() == Store::Problem::Damaged && m_recoverStore && m_recoverStore()) {
        // The new file knows none of the workers: the ids the states carry are the old file's.
        for (const auto &a : m_accounts)
            a->monitor->forgetStore();
        if (op())
            return true;
    }
    emit storageError(m_store->lastError());
    return false;
}

bool Engine::applyRetention()
{
    // On the clock the samples were stamped with (the pool's), not the local one: a local clock
    // days fast would otherwise roll fresh samples up for good (the cut-offs never move back).
    // Before the first good poll of this run there is nothing new to trim.
    if (!m_store || m_lastRecordedAt == 0)
        return true;
    return m_store->applyRetention(m_lastRecordedAt);
}

void Engine::cycleStep(Account &a)
{
    if (!a.onceWaiting)
        return;
    a.onceWaiting = false;
    if (--m_onceOutstanding == 0) {
        applyRetention();
        emit cycleFinished();
    }
}

AccountState Engine::stateOf(const Account &a) const
{
    AccountState st;
    st.lastSuccessAt = a.monitor->lastSuccessAt();
    st.unreachableSince = a.monitor->unreachableSince();
    st.hashrateLow = a.monitor->hashrateLow();
    st.incidentSince = a.monitor->incidentSince();
    st.poolUnreachable = a.monitor->poolUnreachable();
    st.lastError = a.lastError;
    st.lastAttemptAt = a.lastAttemptAt;
    st.poolRequestsMs = a.poller->requestsInWindowMs();
    st.poolBlockedUntilMs = a.poller->blockedUntilMs();
    return st;
}

void Engine::onPolled(Account &a, const Snapshot &reply, qint64 durationMs)
{
    const qint64 polledAtMs = m_clock->nowMs();
    const qint64 now = polledAtMs / 1000;
    const ReplyVerdict verdict = a.monitor->checkReply(reply, now);
    if (verdict.kind == ReplyVerdict::Suspect) {
        // Reported like a failed poll (log, tray, --once, /metrics) and never as workers going
        // down: only if the pool keeps answering so does it become "pool unreachable".
        a.view.replyNotice = verdict.reason;
        qCWarning(lcEngine).noquote() << a.config.id << verdict.reason;
        PollFailure suspect;
        suspect.kind = PollFailure::Suspect;
        suspect.message = verdict.reason;
        suspect.durationMs = durationMs;
        onFailed(a, suspect);
        return;
    }
    Snapshot snapshot = reply; // shares the worker list
    if (verdict.kind == ReplyVerdict::LocalClock) {
        snapshot.poolTimeSecs = verdict.now;
        if (a.view.replyNotice != verdict.reason)
            qCWarning(lcEngine).noquote() << a.config.id << verdict.reason;
        a.view.replyNotice = verdict.reason;
    } else {
        a.view.replyNotice.clear();
    }
    a.unreachableCheck.stop();
    a.lastAttemptAt = now;
    a.lastError.clear();
    // The published view shares the monitor's state table; let go of the engine's share first,
    // or the monitor copies the whole table to write this poll (at 100k workers that copy costs
    // several times the apply). Whoever else still holds a view (the GUI, /metrics) keeps it.
    a.view.workers = {};
    const qint64 at = snapshot.poolTimeSecs ? snapshot.poolTimeSecs : now;
    refreshUsualLevels(a, at);
    // The store's share of the poll is packed while the monitor walks the reply (PollPack).
    PollPack pack;
    Monitor::StateVisitor packWorker;
    if (m_store) {
        pack = m_store->preparePoll(a.config.key());
        packWorker = [&pack](const QString &name, const WorkerState &state, bool listed) {
            pack.add(name, state, listed);
        };
    }
    const QVector<Event> events = a.monitor->applySnapshot(snapshot, now, packWorker);
    a.view.lastPollOk = true;
    a.view.lastPollDurationMs = durationMs;
    a.view.totalHashRate = snapshot.totalHashRate;
    a.view.clockSkewSecs = snapshot.poolTimeSecs ? snapshot.poolTimeSecs - now : 0;
    a.view.changed = a.monitor->changedWorkers();
    a.view.added = a.monitor->addedWorkers();
    a.view.removed = a.monitor->removedWorkers();
    const AccountState st = stateOf(a);
    // The ids given to new workers go back into their states, so the next poll looks none of
    // them up by name; a one-shot run has no next poll.
    QVector<StoreId> assigned;
    bool packed = true; // a second attempt (a new file, write()) goes by the states instead
    const bool stored = write([&] {
        const bool usePack = std::exchange(packed, false);
        return m_store->recordPoll(a.config.key(), at, snapshot, a.monitor->workers(), st, events,
                                   a.onceWaiting ? nullptr : &assigned,
                                   {&a.monitor->health(), a.monitor->healthChanged()},
                                   usePack ? &pack : nullptr);
    });
    // Before the table is published again: nothing else shares it, so this copies nothing.
    a.monitor->setStoreIds(assigned);
    if (stored)
        a.monitor->identitiesStored();
    m_lastRecordedAt = qMax(m_lastRecordedAt, at);
    scheduleNextPoll(a, snapshot.poolTimeSecs ? snapshot.poolTimeSecs : now, polledAtMs);
    emit pollFinished(a.config.key(), durationMs, true, QString());
    publish(a, events);
    cycleStep(a);
}

void Engine::refreshUsualLevels(Account &a, qint64 poolNow)
{
    // Once an hour of the pool's clock (and at a process's first poll): the levels move
    // slowly, and computing them reads a week of the farm's samples.
    const qint64 hour = poolNow / 3600;
    if (!m_store || hour == a.usualHour || a.config.thresholds.degradedBelow <= 0)
        return;
    a.usualHour = hour;
    const QVector<float> levels = m_store->usualLevels(a.config.key(), poolNow);
    if (!m_store->lastError().isEmpty() && levels.isEmpty())
        qCWarning(lcEngine).noquote() << a.config.id << m_store->lastError();
    a.monitor->setUsualLevels(levels);
}

bool Engine::acceptUsual(const QString &accountKey, const QString &worker)
{
    for (auto &a : m_accounts) {
        if (a->config.key() != accountKey)
            continue;
        const qint64 poolNow = m_clock->nowSecs() + a->view.clockSkewSecs;
        QVector<Event> events;
        a->view.workers = {}; // see onPolled: the monitor must not copy the table
        if (!a->monitor->acceptUsual(worker, poolNow, &events)) {
            a->view.workers = a->monitor->workers();
            return false;
        }
        a->view.changed = QStringList{worker};
        a->view.added.clear();
        a->view.removed.clear();
        const bool saved = write([&] {
            return m_store->saveWorkerHealth(accountKey, worker,
                                             a->monitor->health().value(worker)) &&
                   m_store->recordFailure(accountKey, stateOf(*a), events);
        });
        qCInfo(lcEngine).noquote()
            << a->config.id << QStringLiteral("%1: current hashrate accepted as usual").arg(worker);
        publish(*a, events);
        return saved;
    }
    return false;
}

void Engine::onFailed(Account &a, const PollFailure &failure)
{
    const qint64 now = m_clock->nowSecs();
    a.lastAttemptAt = now;
    a.lastError = failure.message;
    if (failure.kind != PollFailure::Suspect)
        a.view.replyNotice.clear();
    const QVector<Event> events = a.monitor->applyFailure(failure.message, now);
    a.view.lastPollOk = false;
    a.view.lastPollDurationMs = failure.durationMs;
    keepFailure(a, events);
    emit pollFinished(a.config.key(), failure.durationMs, false, failure.reasonKey());
    publish(a, events);
    armUnreachableCheck(a);
    cycleStep(a);
}

void Engine::keepFailure(Account &a, const QVector<Event> &events)
{
    // No rows changed; the account's state and the events go to the store.
    a.view.changed.clear();
    a.view.added.clear();
    a.view.removed.clear();
    write([&] { return m_store->recordFailure(a.config.key(), stateOf(a), events); });
}

void Engine::armUnreachableCheck(Account &a)
{
    const qint64 at = a.monitor->unreachableDeadline();
    if (!m_retention.isActive() || at == 0) { // only in loop mode: start() .. stop()
        a.unreachableCheck.stop();
        return;
    }
    const qint64 ms = std::clamp<qint64>((at - m_clock->nowSecs()) * 1000, 0, 24 * 3600 * 1000);
    a.unreachableCheck.start(int(ms));
}

// The next poll at the moment the first online worker would cross offline_after, or another
// timer of the account runs out, within [min_interval, interval] (pollschedule.h). Measured
// from the poll, so the time spent storing it does not delay the next one.
void Engine::scheduleNextPoll(Account &a, qint64 poolNow, qint64 polledAtMs)
{
    const qint64 otherDeadline = a.monitor->degradedDeadline(); // pool clock; 0 = none
    const qint64 due = a.schedule.dueAt(a.monitor->earliestOnlineShare(), otherDeadline);
    const qint64 at = a.schedule.nextPollAtMs(due, poolNow, polledAtMs);
    qCDebug(lcEngine).noquote() << a.config.id << "next poll in" << (at - polledAtMs) << "ms"
                                << (due ? "(something may cross a threshold)" : "");
    a.poller->scheduleNextAt(at);
}

void Engine::onUnreachableDeadline(Account &a)
{
    // No poll answered since the last failure (a success stops this timer): the streak is as
    // long as it was then plus the time waited. Re-judged exactly as a failure would be, with
    // the last failure's reason; nothing is counted as a poll.
    const QVector<Event> events = a.monitor->applyFailure(a.lastError, m_clock->nowSecs());
    if (events.isEmpty()) { // woke early (a clock that moved): wait for the rest
        armUnreachableCheck(a);
        return;
    }
    keepFailure(a, events);
    publish(a, events);
}

void Engine::publish(Account &a, const QVector<Event> &events)
{
    // the incident is stamped on the pool's clock, like the classification: durations in the
    // check line and the Telegram text stay right when the local clock is wrong
    const qint64 now = m_clock->nowSecs() + a.view.clockSkewSecs;
    a.view.workers = a.monitor->workers();
    a.view.state = stateOf(a);
    a.view.incident = a.monitor->incident(now);
    a.view.nextPollAtMs = a.poller->nextPollAtMs();
    for (const Event &e : events)
        qCInfo(lcEngine).noquote() << a.config.id << eventText(e);
    if (!events.isEmpty())
        emit eventsHappened(a.config.key(), events);
    emit accountUpdated(a.view);
}

QVector<AccountConfig> Engine::accounts() const
{
    QVector<AccountConfig> out;
    for (const auto &a : m_accounts)
        out << a->config;
    return out;
}

AccountView Engine::view(const QString &accountKey) const
{
    for (const auto &a : m_accounts)
        if (a->config.key() == accountKey)
            return a->view;
    return {};
}

QVector<AccountView> Engine::views() const
{
    QVector<AccountView> out;
    for (const auto &a : m_accounts)
        out << a->view;
    return out;
}

} // namespace rw
