#pragma once

// Store's private part, shared by the files that implement Store: store.cpp (connection,
// transactions, ids, worker and account state), storeseries.cpp (poll history: recording,
// series, roll-ups, outages) and storemessages.cpp (the Telegram message rows).

#include "store/pollpack.h"
#include "store/store.h"
#include "store/workerpack.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVector>

#include <bitset>
#include <functional>
#include <initializer_list>
#include <map>
#include <vector>

namespace rw {

namespace storedetail {
Q_DECLARE_LOGGING_CATEGORY(lcStore) // rigwatch.store, defined in store.cpp
} // namespace storedetail

struct Store::Private
{
    QSqlDatabase db;
    QString connection;
    QString path;
    QString lastError;
    QSqlError sqlError; // why the statement that just failed failed
    Store::Problem problem = Store::Problem::None;
    QThread *owner = nullptr; // the thread that opened it: the only one that may use it
    int busyTimeoutMs = 5000;
    // Prepared once, reused for every poll. std::map: pointers stay valid on insertion.
    std::map<QString, QSqlQuery> queries;
    // Per account: name -> id, and what the file holds of its workers' states, so a poll
    // writes only the chunks that changed. Dropped whenever a transaction rolls back. One
    // writer per file (Runtime locks it), so the file cannot change behind it.
    struct Workers
    {
        // Names resolved by name so far: new workers, and those a caller passed without
        // WorkerState::storeId. Workers restored by Store::workerStates carry their id, so a
        // warm start builds no table of the farm's names.
        QHash<QString, int> ids;
        bool fresh = false; // the file held no worker of the account: a name not in ids is new
        int next = 0;       // the next new id; 0 = not read yet
        bool chunksLoaded = false;
        // What the file holds, by chunk: which slots have a worker, and a hash of each
        // readings row. With the states' WorkerState::identityStored, enough to tell what
        // changed at a fraction of the memory of the rows themselves.
        std::vector<std::bitset<workerpack::kChunkSlots>> present;
        std::vector<size_t> readings;
    };
    QHash<QString, int> accountIds;
    QHash<int, Workers> workerIds;
    // Per account: the rate-limit record the file holds (AccountState::poolRequestsMs), so an
    // unchanged one is not written again. Dropped with the ids when a transaction rolls back.
    QHash<int, QString> paceWritten;

    QSqlQuery *prepared(const QString &sql);
    bool exec(QSqlQuery *q, std::initializer_list<QVariant> values);
    QSqlQuery *read(const QString &what, const QString &sql,
                    std::initializer_list<QVariant> values);
    bool transaction(const QString &what, const std::function<bool()> &body);
    void fail(const QString &what);
    void checkThread() const; // qFatal on a wrong thread, when checks are on (checkThreads)
    void closeConnection();

    int accountId(const QString &key, bool create); // 0 = unknown, -1 = error
    int workerId(int account, const QString &name, bool create);
    // The highest id the account's workers have (0: none), read once per process; -1: error.
    int lastWorkerId(int account);
    // Reads what the file holds of the account's workers into the cache (once), and into
    // *states when given (then always from the file).
    bool loadWorkerChunks(int account, QHash<QString, WorkerState> *states = nullptr);
    // An account's first workers are numbered in the order their pool lists them, which it keeps
    // poll after poll: states restored in id order then line up with the next reply
    // (PositionCache::seed). Does nothing once the file knows any worker of the account.
    bool numberInListOrder(int account, const QVector<WorkerSample> &workers);
    // The poll's worker rows (store.cpp); also counts the workers online and those offline or
    // missing (retired ones are neither).
    bool saveWorkers(int account, qint64 at, qint64 listedAt,
                     const QHash<QString, WorkerState> &states, int *online, int *offline,
                     QVector<StoreId> *assigned);
    // The same from a pack the monitor filled (PollPack), which it completes with the workers
    // of `states` that have no id yet (listed when stamped `listedAt`).
    bool savePack(int account, qint64 at, qint64 listedAt,
                  const QHash<QString, WorkerState> &states, PollPack &pack,
                  QVector<StoreId> *assigned);
    bool saveAccountState(int account, const AccountState &s);
    bool applyEvents(int account, const QVector<Event> &events);
    bool applyDegraded(int account, const Event &e); // a degraded period opens or closes
    // Writes the health records of `names` (deleted where `health` has none).
    bool saveHealth(int account, const QHash<QString, WorkerState> *states,
                    const QHash<QString, WorkerHealth> &health, const QStringList &names);
    qint64 meta(const char *key);
    // Raw worker sample rows live in two tables: worker_samples (keyed account, chunk, at)
    // before meta recent_cut, worker_samples_recent (keyed account, at, chunk: a poll's rows
    // append) from it on, until Store::applyRetention moves them; the cut is a whole hour.
    // The SELECT of one chunk's rows in [from, to) of either, in time order: binds the
    // `columns`' own values, then account, chunk, from, to; gives at, then the columns (of
    // `data`). In the recent table the rows are found poll by poll, through `polls`.
    static QString rawSamplesSql(bool recent, const QString &columns);
    // Moves the recent raw samples before `cut` into worker_samples.
    bool settleRecentSamples(int account, qint64 cut);
    bool rollUp(int account, const QString &src, const QString &dst, qint64 bucket, qint64 cut);
    bool rollUpSamples(int account, const QString &src, const QString &dst, int weightBytes,
                       qint64 bucket, qint64 cut);
    QVector<SeriesPoint> series(const QString &what, int account, int worker, qint64 from,
                                qint64 to);
    QVector<LiveMessage> messages(const QString &where, std::initializer_list<QVariant> values);
};

} // namespace rw
