// Store's poll history: what each poll records (account totals, worker samples, the outage
// log), the hashrate series read back from raw, hourly and daily tables, outages, retention.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"

#include <QStringList>

#include <limits>

namespace rw {

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

} // namespace

bool Store::Private::applyEvents(int account, const QVector<Event> &events)
{
    for (const Event &e : events) {
        const bool opens = e.kind == Event::WentOffline || e.kind == Event::WentMissing;
        const bool closes = e.kind == Event::CameBack || e.kind == Event::Retired;
        if (e.worker.isEmpty() || !(opens || closes))
            continue; // account-level events live in account_state
        const int worker = workerId(account, e.worker, true);
        if (worker < 0)
            return false;
        if (opens) {
            // The partial unique index keeps an outage already open (offline, then missing).
            if (!exec(
                    prepared(QStringLiteral("INSERT OR IGNORE INTO outages (account_id, worker_id,"
                                            " start_at) VALUES (?, ?, ?)")),
                    {account, worker, e.at}))
                return false;
            continue;
        }
        QSqlQuery *close =
            prepared(QStringLiteral("UPDATE outages SET end_at = max(start_at, ?) WHERE"
                                    " account_id = ? AND worker_id = ? AND end_at IS NULL"));
        if (!exec(close, {e.at, account, worker}))
            return false;
        // Began before this database knew of it (a new file, a lost write): still log it.
        if (close->numRowsAffected() == 0 && e.durationSecs > 0 &&
            !exec(prepared(QStringLiteral("INSERT INTO outages (account_id, worker_id, start_at,"
                                          " end_at) VALUES (?, ?, ?, ?)")),
                  {account, worker, e.at - e.durationSecs, e.at}))
            return false;
    }
    return true;
}

qint64 Store::Private::meta(const char *key)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!exec(q, {QString::fromLatin1(key)}))
        return -1;
    const qint64 value = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return value;
}

// Merges the rows of `src` older than `cut` into `bucket`-second averages in `dst`, weighted
// by the raw samples behind each row, then deletes them. Merging (rather than replacing)
// keeps repeated runs and samples that arrive late exact.
bool Store::Private::rollUp(int account, const QString &src, const QString &dst, qint64 bucket,
                            qint64 cut)
{
    const bool samples = src.startsWith(QLatin1String("samples"));
    const QString weight =
        src.contains(QLatin1Char('_')) ? QStringLiteral("n") : QStringLiteral("1");
    const QString values =
        samples ? QStringLiteral("hashrate") : QStringLiteral("hashrate, online, offline, total");
    QStringList averages, merges;
    for (const QString &v : values.split(QStringLiteral(", "))) {
        averages << QStringLiteral("total(%1 * %2) / total(%2)").arg(v, weight);
        merges
            << QStringLiteral("%1 = (%1 * n + excluded.%1 * excluded.n) / (n + excluded.n)").arg(v);
    }
    const QString keys = samples ? QStringLiteral("at, worker_id") : QStringLiteral("at");
    const QString bucketOf = QStringLiteral("at - at % ") + QString::number(bucket) +
                             (samples ? QStringLiteral(", worker_id") : QString());
    const QString insert =
        QStringLiteral(
            "INSERT INTO %1 (account_id, %2, %3, n) SELECT account_id, %4, %5, total(%6) FROM %7"
            " WHERE account_id = ? AND at < ? GROUP BY %4"
            " ON CONFLICT (account_id, %2) DO UPDATE SET %8, n = n + excluded.n")
            .arg(dst, keys, values, bucketOf, averages.join(QStringLiteral(", ")), weight, src,
                 merges.join(QStringLiteral(", ")));
    return exec(prepared(insert), {account, cut}) &&
           exec(prepared(QStringLiteral("DELETE FROM %1 WHERE account_id = ? AND at < ?").arg(src)),
                {account, cut});
}

// Daily rows before hourly_cut, hourly rows in [hourly_cut, raw_cut), raw rows from raw_cut:
// each span from the finest table that holds it, and none twice. `worker` 0 = account totals.
QVector<SeriesPoint> Store::Private::series(const QString &what, int account, int worker,
                                            qint64 from, qint64 to)
{
    sqlError = QSqlError();
    const qint64 hourlyCut = meta("hourly_cut"), rawCut = meta("raw_cut");
    const struct
    {
        const char *suffix;
        qint64 begin, lo, hi;
    } parts[] = {
        {"_daily", from - Day + 1, 0, hourlyCut}, // roll-up buckets overlapping [from, to]
        {"_hourly", from - Hour + 1, hourlyCut, rawCut},
        {"", from, rawCut, std::numeric_limits<qint64>::max()},
    };
    const QString span = QStringLiteral("polls%1 WHERE account_id = ? AND at >= ? AND at <= ?"
                                        " AND at >= ? AND at < ?");
    // Worker rows are keyed (account, time, worker): seek the poll times rather than scan
    // every worker's rows.
    const QString sql =
        worker ? QStringLiteral("SELECT at, hashrate, 0 FROM samples%1 WHERE account_id = ?"
                                " AND worker_id = ? AND at IN (SELECT at FROM ") +
                     span + QStringLiteral(") ORDER BY at")
               : QStringLiteral("SELECT at, hashrate, online FROM ") + span +
                     QStringLiteral(" ORDER BY at");
    QVector<SeriesPoint> points;
    for (const auto &part : parts) {
        if (hourlyCut < 0 || rawCut < 0)
            break;
        if (part.lo >= part.hi)
            continue;
        QSqlQuery *q = prepared(sql.arg(QLatin1String(part.suffix)));
        const bool ok = worker
                            ? exec(q, {account, worker, account, part.begin, to, part.lo, part.hi})
                            : exec(q, {account, part.begin, to, part.lo, part.hi});
        if (!ok)
            break;
        while (q->next())
            points.append(
                {q->value(0).toLongLong(), q->value(1).toDouble(), qRound(q->value(2).toDouble())});
        q->finish();
    }
    if (sqlError.isValid())
        fail(what);
    return points;
}

bool Store::recordPoll(const QString &account, qint64 at, const Snapshot &snapshot,
                       const QHash<QString, WorkerState> &states, const AccountState &accountState,
                       const QVector<Event> &events)
{
    return d->transaction(
        StoreText::tr("cannot save the poll of account \"%1\"").arg(account), [&] {
            const int acc = d->accountId(account, true);
            int online = 0, offline = 0;
            for (const WorkerState &s : states) {
                online += s.status == WorkerStatus::Online;
                offline += s.status == WorkerStatus::Offline || s.status == WorkerStatus::Missing;
            }
            // OR REPLACE: a repeated poll time (the pool's Date header did not move) replaces it.
            if (acc < 0 ||
                !d->exec(d->prepared(QStringLiteral(
                             "INSERT OR REPLACE INTO polls (account_id, at, hashrate,"
                             " online, offline, total) VALUES (?, ?, ?, ?, ?, ?)")),
                         {acc, at, snapshot.totalHashRate, online, offline, online + offline}))
                return false;
            QSqlQuery *sample =
                d->prepared(QStringLiteral("INSERT OR REPLACE INTO samples (account_id, at,"
                                           " worker_id, hashrate) VALUES (?, ?, ?, ?)"));
            for (const WorkerSample &w : snapshot.workers) {
                const int worker = d->workerId(acc, w.name, true);
                if (worker < 0 || !d->exec(sample, {acc, at, worker, w.hashRate}))
                    return false;
            }
            return d->saveWorkerStates(acc, states) && d->saveAccountState(acc, accountState) &&
                   d->applyEvents(acc, events);
        });
}

bool Store::recordFailure(const QString &account, const AccountState &accountState,
                          const QVector<Event> &events)
{
    return d->transaction(
        StoreText::tr("cannot save the failed poll of account \"%1\"").arg(account), [&] {
            const int acc = d->accountId(account, true);
            return acc > 0 && d->saveAccountState(acc, accountState) && d->applyEvents(acc, events);
        });
}

QVector<SeriesPoint> Store::accountSeries(const QString &account, qint64 from, qint64 to) const
{
    const QString what =
        StoreText::tr("cannot read the hashrate history of account \"%1\"").arg(account);
    const int acc = d->accountId(account, false);
    if (acc < 0)
        d->fail(what);
    return acc > 0 ? d->series(what, acc, 0, from, to) : QVector<SeriesPoint>();
}

QVector<SeriesPoint> Store::workerSeries(const QString &account, const QString &worker, qint64 from,
                                         qint64 to) const
{
    const QString what =
        StoreText::tr("cannot read the hashrate history of worker \"%1\"").arg(worker);
    const int acc = d->accountId(account, false);
    const int id = acc > 0 ? d->workerId(acc, worker, false) : acc;
    if (id < 0)
        d->fail(what);
    return id > 0 ? d->series(what, acc, id, from, to) : QVector<SeriesPoint>();
}

QVector<Outage> Store::outages(const QString &account, qint64 from, qint64 to,
                               const QString &workerFilter, int limit, int *matching) const
{
    const QString what = StoreText::tr("cannot read the outages of account \"%1\"").arg(account);
    QVector<Outage> list;
    const int acc = d->accountId(account, false);
    QSqlQuery *q =
        acc <= 0
            ? nullptr
            : d->read(what,
                      QStringLiteral(
                          "SELECT w.name, o.start_at, o.end_at FROM outages o JOIN workers w ON "
                          "w.account_id ="
                          " o.account_id AND w.id = o.worker_id WHERE o.account_id = ? AND "
                          "o.start_at <= ? AND"
                          " (o.end_at IS NULL OR o.end_at >= ?) ORDER BY o.start_at DESC, w.name"),
                      {acc, to, from});
    if (acc < 0)
        d->fail(what);
    int found = 0;
    while (q && q->next()) {
        const QString worker = q->value(0).toString();
        if (!worker.contains(workerFilter, Qt::CaseInsensitive)) // an empty filter matches all
            continue;
        if (limit < 0 || found < limit)
            list.append({worker, q->value(1).toLongLong(), q->value(2).toLongLong()});
        ++found;
    }
    if (q)
        q->finish();
    if (matching)
        *matching = found;
    return list;
}

bool Store::applyRetention(qint64 now)
{
    return d->transaction(StoreText::tr("cannot roll up old samples"), [&] {
        // Whole UTC hours and days, never moving back, so each bucket lives in one table.
        const qint64 oldRaw = d->meta("raw_cut"), oldHourly = d->meta("hourly_cut");
        const qint64 rawCut = qMax(oldRaw, (now - 48 * Hour) / Hour * Hour);
        const qint64 hourlyCut = qMax(oldHourly, (now - 90 * Day) / Day * Day);
        QSqlQuery *ids = d->prepared(QStringLiteral("SELECT id FROM accounts"));
        if (oldRaw < 0 || oldHourly < 0 || !d->exec(ids, {}))
            return false;
        QVector<int> accounts;
        while (ids->next())
            accounts << ids->value(0).toInt();
        ids->finish();
        for (int acc : std::as_const(accounts)) {
            for (const QString &t : {QStringLiteral("polls"), QStringLiteral("samples")}) {
                const QString hourly = t + QStringLiteral("_hourly");
                if (!d->rollUp(acc, t, hourly, Hour, rawCut) ||
                    !d->rollUp(acc, hourly, t + QStringLiteral("_daily"), Day, hourlyCut))
                    return false;
            }
        }
        QSqlQuery *set =
            d->prepared(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        return d->exec(set, {QStringLiteral("raw_cut"), rawCut}) &&
               d->exec(set, {QStringLiteral("hourly_cut"), hourlyCut});
    });
}

} // namespace rw
