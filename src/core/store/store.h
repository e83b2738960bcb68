#pragma once

#include "monitor/workerstatus.h"
#include "store/commandrecords.h"
#include "store/pollpack.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

class QThread;

namespace rw {

// One point of a chart series. Hash rates in H/s.
struct SeriesPoint
{
    qint64 at = 0; // unix s
    double hashRate = 0;
    int online = 0; // online workers (account totals only)
};

struct Outage
{
    QString worker;
    qint64 start = 0; // unix s: the last share before the outage
    qint64 end = 0;   // unix s: when the worker was seen sharing again; 0 = still down
    // A degraded period instead (start: the first poll below, end: recovered or stopped),
    // with its depth: the lowest fraction of the usual level seen (0.62 = 62 %).
    bool degraded = false;
    double depth = 0;
    QString account; // the account's key; set by a caller that merges several accounts' logs
    qint64 durationSecs(qint64 now) const { return (end ? end : now) - start; }
};

// The Telegram message that stands (or stood) for an account's incident. Persisted before the
// notifier relies on it, so a restart or a --once run knows what is in the chat.
struct LiveMessage
{
    enum State
    {
        Sending,
        Live,
        Retracted,
        Failed
    };
    qint64 id = 0; // row id in the store; 0 = not saved yet
    QString account;
    QString chat;
    qint64 messageId = 0; // 0 while Sending
    // What the message announces, Announcement::toKey(): readable JSON, not a digest, so a
    // restart can tell growth from shrinking. Stored in the column content_hash, its old name.
    QByteArray announcementKey;
    QString text;        // as sent (HTML)
    qint64 sentAt = 0;   // unix s
    qint64 editedAt = 0; // unix s, 0 = never edited
    State state = Sending;
    QString detail; // why it failed, or how it was retracted
};

// What the notifier must remember about a chat across runs.
struct TelegramChatState
{
    qint64 notBeforeMs = 0; // unix ms: no Bot API call to this chat before (429 retry_after)
    QString migratedTo;     // the supergroup this group became; empty = none
};

// Durable per-account state that is not per worker.
struct AccountState
{
    qint64 lastSuccessAt = 0;    // unix s (local clock) of the last successful poll
    qint64 lastAttemptAt = 0;    // unix s (local clock)
    qint64 unreachableSince = 0; // first failure after the last success; 0 = pool answering
    QString lastError;           // plain words, never a secret
    qint64 incidentSince = 0;    // when the current incident began; 0 = none
    bool hashrateLow = false;
    bool poolUnreachable = false;
    // The pool's rate limit spans runs: the requests still inside its window and any wait the
    // pool asked for (HTTP 429 Retry-After), unix ms (local clock). Kept in `meta`.
    QVector<qint64> poolRequestsMs;
    qint64 poolBlockedUntilMs = 0;
};

// SQLite store (QtSql): account totals, per-worker samples with roll-ups, worker states,
// outages and the notifier's durable state. Synchronous; the GUI owns it on a worker thread.
// Every write is one transaction, so a kill -9 leaves the previous consistent state.
// Writes return false and reads return empty results on error; lastError() says why, naming
// the file. Use it from one thread only (the one that called open()).
// The health records a poll changed (Monitor::healthChanged()), written with the poll.
struct HealthUpdate
{
    const QHash<QString, WorkerHealth> *records = nullptr;
    QStringList changed;
};

// One poll of a made-up past (Store::recordPast, for the demo).
struct PastPoll
{
    qint64 at = 0;
    Snapshot snapshot;
    QHash<QString, WorkerState> states;
    QVector<Event> events;
};

// One bucket of a chunk of workers' mean hash rates, as reports read them
// (Store::visitWorkerBuckets).
struct WorkerBucket
{
    qint64 at = 0;   // unix s: the UTC hour's start (the day's, before the hourly cut-off)
    qint64 span = 0; // 3600 or 86400
    int firstId = 1; // the store id of rates[0]
    // Mean H/s of each worker of the chunk over the bucket; negative = not listed in it.
    QVector<float> rates;
};

class Store : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    // Opens (creating or migrating) the database. On failure returns false and sets *error to
    // a sentence naming the file, e.g. "cannot open database /x/rigwatch.sqlite: ...".
    bool open(const QString &path, QString *error);
    bool isOpen() const;
    void close(); // also done by the destructor
    QString path() const;
    QString lastError() const; // last failed operation, in plain words
    // What kind of failure lastError() is, for whoever must decide what to do about it.
    enum class Problem
    {
        None,
        Transient, // locked by another process, disk full, an I/O error: retrying can work
        Damaged,   // the file is corrupt or not a database: it must be moved aside
        Other,     // permissions, a directory, a newer schema, ...: an operator must act
    };
    Problem lastProblem() const;
    static int schemaVersion();
    // How long a write waits for another process holding the file (default 5000 ms).
    void setBusyTimeout(int ms);
    // From now on every database access checks its thread: the one that opened the store, and
    // never `forbidden` (the GUI thread), or the process stops with a message naming it. On in
    // debug builds; tests turn it on here. QSqlDatabase itself forbids another thread, but only
    // with a warning and a failed query, which a test would not notice.
    static void checkThreads(QThread *forbidden);
    // The QSqlDatabase connection name, for diagnostics and tests on the store's thread.
    QString connectionName() const;

    // One successful poll, in one transaction: account totals row, a raw sample per listed
    // worker, the monitor's worker states (upsert; workers absent from `states` are deleted),
    // the account state, and the outage log updated from `events`.
    // Outage log: WentOffline/WentMissing open an outage at event.at unless the worker has one
    // open; CameBack and Retired close it at event.at (a retired worker's outage ends when it
    // is given up on). A close without an open outage records [at - durationSecs, at].
    // `online` counts Online states, `offline` Offline + Missing, `total` both (retired excluded).
    // `assigned`, when given, receives the ids given to states that had none (storeId 0): hand
    // them to the monitor (Monitor::setStoreIds) and the next poll looks none of them up again.
    bool recordPoll(const QString &account, qint64 at, const Snapshot &snapshot,
                    const QHash<QString, WorkerState> &states, const AccountState &accountState,
                    const QVector<Event> &events, QVector<StoreId> *assigned = nullptr,
                    const HealthUpdate &health = {}, PollPack *pack = nullptr);
    // An empty pack sized for the account's known workers, for Monitor::applySnapshot to fill
    // (PollPack::add as its visitor) and recordPoll to write: then recordPoll writes the workers
    // from the pack rather than walking `states` again, and completes it with new workers' ids.
    PollPack preparePoll(const QString &account);
    // A past written at once (storedemo.cpp; the demo's 30 days): the polls next() fills, in
    // time order until it returns false, recorded as recordPoll() records them, in one
    // transaction; then applyRetention() rolls them up like a lived past.
    bool recordPast(const QString &account, const std::function<bool(PastPoll *)> &next);
    // A failed poll: only the account state (and events such as PoolUnreachable) change.
    bool recordFailure(const QString &account, const AccountState &accountState,
                       const QVector<Event> &events);

    QHash<QString, WorkerState> workerStates(const QString &account) const;
    // At most this many workers of the account are stored (its whole chunks of worker ids): a
    // size hint for workerStates(). 0 when none are, or on error.
    qint64 storedWorkerBound(const QString &account) const;
    // The health records (Monitor::health()) of the account's workers, by name.
    QHash<QString, WorkerHealth> workerHealth(const QString &account) const;
    // One worker's record, outside a poll ("accept current hashrate as usual").
    bool saveWorkerHealth(const QString &account, const QString &worker,
                          const WorkerHealth &health);
    // Each worker's usual level from its own hourly means over the 7 days before `now`
    // (monitor/usualrate.h: only hours after a level it accepted; that level until 24 hours
    // exist), indexed by store id (Monitor::setUsualLevels); 0 = none. Computed at most once
    // per hour of `now` and kept in the file, so --once runs read it back in milliseconds.
    QVector<float> usualLevels(const QString &account, qint64 now);
    AccountState accountState(const QString &account) const;
    QStringList accounts() const;

    // Chart data from raw, hourly or daily tables depending on range.
    // Ordered by time. Each span comes from the finest table that still holds it (raw for the
    // last 48 h, hourly up to 90 days, daily before), never twice. A roll-up point is stamped
    // with the start of its hour/day (UTC) and is returned when its bucket overlaps [from, to];
    // its value is the mean of the raw samples it replaced. Worker points have online = 0.
    QVector<SeriesPoint> accountSeries(const QString &account, qint64 from, qint64 to) const;
    QVector<SeriesPoint> workerSeries(const QString &account, const QString &worker, qint64 from,
                                      qint64 to) const;
    // A worker's hourly means over [from, to], for estimates that read days of one worker's
    // history: workerSeries() with the raw samples of each UTC hour averaged into one point
    // stamped with the hour's start (roll-ups are whole hours already; daily ones stay daily).
    QVector<SeriesPoint> workerHourly(const QString &account, const QString &worker, qint64 from,
                                      qint64 to) const;
    // Outages overlapping [from, to]; worker filter is a substring match, empty = all.
    // Newest start first; the match ignores case.
    // At most limit of them (newest first; -1 = all); *matching gets how many there are.
    QVector<Outage> outages(const QString &account, qint64 from, qint64 to,
                            const QString &workerFilter = {}, int limit = -1,
                            int *matching = nullptr) const;

    // Reports (storereport.cpp). The account's worker names by store id, forgotten workers
    // included: index id - 1, an empty name where no worker has that id.
    QStringList workerNames(const QString &account) const;
    // Every worker's mean hash rate per UTC hour (per day before the hourly cut-off) over the
    // buckets overlapping [from, to), from the roll-ups (the raw samples of the last 48 h
    // averaged by hour): rows per chunk and bucket, never per poll. Returns false on error.
    bool visitWorkerBuckets(const QString &account, qint64 from, qint64 to,
                            const std::function<void(const WorkerBucket &)> &visit) const;

    // Rolls raw samples older than 48 h into hourly averages and hourly older than 90 days into
    // daily ones; deletes what was rolled up. Returns false on error.
    // Cut-offs are whole UTC hours/days (a sample stays raw until its hour is entirely older
    // than 48 h). Idempotent; samples arriving late into a rolled-up bucket are merged into it
    // by the next run (and left out of the series until then).
    bool applyRetention(qint64 now);

    // Notifier state.
    // Inserts (m.id == 0, and sets m.id) or updates the row m.id. Returns false on error.
    bool saveMessage(LiveMessage &m);
    // Writes m under its own id (m.id != 0), whether or not that row exists: for a new file that
    // must take over the messages a damaged one knew (Runtime).
    bool adoptMessage(const LiveMessage &m);
    QVector<LiveMessage>
    liveMessages(const QString &account = {}) const;            // Sending/Live, oldest first
    QVector<LiveMessage> messageHistory(int limit = 200) const; // newest first, all states
    // Per chat as configured (a default state when none is stored).
    bool saveChatState(const QString &chat, const TelegramChatState &state);
    TelegramChatState chatState(const QString &chat) const;
    // The local day (QDate::toJulianDay()) of the last scheduled daily digest sent to chat;
    // 0 = none yet. Kept so the digest goes once a day across restarts and --once runs.
    qint64 digestDay(const QString &chat) const;
    bool saveDigestDay(const QString &chat, qint64 julianDay);

    // Telegram commands (storecommands.cpp): the next getUpdates offset per bot (its numeric
    // id, never the token; 0 = none stored), the mutes and the acknowledgements.
    qint64 updateOffset(const QString &bot) const;
    bool saveUpdateOffset(const QString &bot, qint64 nextOffset);
    QVector<MuteRecord> mutes() const;
    bool saveMute(const MuteRecord &mute);
    bool removeMute(const QString &scope);
    QVector<AckRecord> acks() const;
    bool saveAck(const AckRecord &ack);
    bool removeAck(const QString &account);

private:
    struct Private;
    Private *d;
};

} // namespace rw
