// Store's poll history: what each poll records (account totals, worker samples, the outage
// log), the hashrate series read back from raw, hourly and daily tables, outages, retention.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"
#include "store/workerpack.h"

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
        if (e.kind == Event::WentDegraded || e.kind == Event::DegradedRecovered) {
            if (!applyDegraded(account, e))
                return false;
            continue;
        }
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
                                    " account_id = ? AND worker_id = ? AND end_at IS NULL"
                                    " AND kind = 'down'"));
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

QString Store::Private::rawSamplesSql(bool recent, const QString &columns)
{
    return recent ? QStringLiteral("SELECT p.at, %1 FROM polls p CROSS JOIN worker_samples_recent s"
                                   " ON s.account_id = p.account_id AND s.at = p.at"
                                   " WHERE p.account_id = ? AND s.chunk = ? AND p.at >= ?"
                                   " AND p.at < ? ORDER BY p.at")
                        .arg(columns)
                  : QStringLiteral("SELECT at, %1 FROM worker_samples WHERE account_id = ? AND"
                                   " chunk = ? AND at >= ? AND at < ? ORDER BY at")
                        .arg(columns);
}

bool Store::Private::settleRecentSamples(int account, qint64 cut)
{
    // In key order, so each chunk's range of worker_samples takes its rows in one pass.
    return exec(prepared(QStringLiteral(
                    "INSERT OR REPLACE INTO worker_samples (account_id, chunk, at, data)"
                    " SELECT account_id, chunk, at, data FROM worker_samples_recent"
                    " WHERE account_id = ? AND at < ? ORDER BY chunk, at")),
                {account, cut}) &&
           exec(prepared(QStringLiteral(
                    "DELETE FROM worker_samples_recent WHERE account_id = ? AND at < ?")),
                {account, cut});
}

// Merges the account totals of `src` older than `cut` into `bucket`-second averages in `dst`,
// weighted by the raw polls behind each row, then deletes them. Merging (rather than
// replacing) keeps repeated runs and polls that arrive late exact.
bool Store::Private::rollUp(int account, const QString &src, const QString &dst, qint64 bucket,
                            qint64 cut)
{
    const QString weight =
        src.contains(QLatin1Char('_')) ? QStringLiteral("n") : QStringLiteral("1");
    QStringList averages, merges;
    for (const char *v : {"hashrate", "online", "offline", "total"}) {
        averages << QStringLiteral("total(%1 * %2) / total(%2)").arg(QLatin1String(v), weight);
        merges << QStringLiteral("%1 = (%1 * n + excluded.%1 * excluded.n) / (n + excluded.n)")
                      .arg(QLatin1String(v));
    }
    const QString bucketOf = QStringLiteral("at - at % ") + QString::number(bucket);
    const QString insert =
        QStringLiteral("INSERT INTO %1 (account_id, at, hashrate, online, offline, total, n)"
                       " SELECT account_id, %2, %3, total(%4) FROM %5"
                       " WHERE account_id = ? AND at < ? GROUP BY %2"
                       " ON CONFLICT (account_id, at) DO UPDATE SET %6, n = n + excluded.n")
            .arg(dst, bucketOf, averages.join(QStringLiteral(", ")), weight, src,
                 merges.join(QStringLiteral(", ")));
    return exec(prepared(insert), {account, cut}) &&
           exec(prepared(QStringLiteral("DELETE FROM %1 WHERE account_id = ? AND at < ?").arg(src)),
                {account, cut});
}

// rollUp() for the packed worker samples: chunk by chunk, the rows of `src` older than `cut`
// become `bucket`-second means in `dst` weighted by the raw samples behind each, merged into a
// row already there (late samples, repeated runs), then deleted.
bool Store::Private::rollUpSamples(int account, const QString &src, const QString &dst,
                                   int weightBytes, qint64 bucket, qint64 cut)
{
    using namespace workerpack;
    const int lastId = lastWorkerId(account);
    if (lastId < 0)
        return false;
    const int chunks = lastId > 0 ? chunkOf(lastId) + 1 : 0;
    QSqlQuery *rows = prepared(
        QStringLiteral("SELECT at, data FROM %1 WHERE account_id = ? AND chunk = ? AND at < ?"
                       " ORDER BY at")
            .arg(src));
    QSqlQuery *existing =
        prepared(QStringLiteral("SELECT data FROM %1 WHERE account_id = ? AND chunk = ? AND at = ?")
                     .arg(dst));
    QSqlQuery *put =
        prepared(QStringLiteral(
                     "INSERT OR REPLACE INTO %1 (account_id, chunk, at, data) VALUES (?, ?, ?, ?)")
                     .arg(dst));
    QSqlQuery *remove = prepared(
        QStringLiteral("DELETE FROM %1 WHERE account_id = ? AND chunk = ? AND at < ?").arg(src));
    for (int chunk = 0; chunk < chunks; ++chunk) {
        if (!exec(rows, {account, chunk, cut}))
            return false;
        std::map<qint64, SampleMean> means; // by bucket start
        while (rows->next()) {
            SampleSlots cells;
            if (!decodeSamples(rows->value(1).toByteArray(), &cells))
                continue;
            const qint64 at = rows->value(0).toLongLong();
            means[at - at % bucket].add(cells);
        }
        rows->finish();
        for (auto &[at, mean] : means) {
            if (!exec(existing, {account, chunk, at}))
                return false;
            if (existing->next()) {
                SampleSlots before;
                if (decodeSamples(existing->value(0).toByteArray(), &before))
                    mean.add(before);
            }
            existing->finish();
            if (!mean.isEmpty() &&
                !exec(put, {account, chunk, at, encodeSamples(mean.result(), weightBytes)}))
                return false;
        }
        if (!exec(remove, {account, chunk, cut}))
            return false;
    }
    return true;
}

// Daily rows before hourly_cut, hourly rows in [hourly_cut, raw_cut), raw rows from raw_cut
// (a worker's from recent_cut on in worker_samples_recent): each span from the finest table
// that holds it, and none twice. `worker` 0 = account totals.
QVector<SeriesPoint> Store::Private::series(const QString &what, int account, int worker,
                                            qint64 from, qint64 to)
{
    sqlError = QSqlError();
    const qint64 hourlyCut = meta("hourly_cut"), rawCut = meta("raw_cut");
    const qint64 recentCut = worker ? meta("recent_cut") : std::numeric_limits<qint64>::max();
    constexpr qint64 End = std::numeric_limits<qint64>::max();
    enum Tier
    {
        Daily,
        Hourly,
        Raw,
        Recent
    };
    const struct
    {
        Tier tier;
        qint64 begin, lo, hi;
        int weightBytes; // of the tier's worker sample rows
    } parts[] = {
        {Daily, from - Day + 1, 0, hourlyCut, 2}, // roll-up buckets overlapping [from, to]
        {Hourly, from - Hour + 1, hourlyCut, rawCut, 1},
        {Raw, from, rawCut, recentCut, 0},
        {Recent, from, recentCut, End, 0},
    };
    const auto rolledSql = [worker](Tier tier) {
        const QLatin1String suffix(tier == Daily ? "_daily" : "_hourly");
        // Worker rows are keyed (account, chunk, time): the worker's curve is one range of its
        // chunk's rows, of which only the worker's code is read.
        return worker ? QStringLiteral("SELECT at, substr(data, ?, 2) FROM worker_samples%1"
                                       " WHERE account_id = ? AND chunk = ? AND at >= ? AND"
                                       " at < ? ORDER BY at")
                            .arg(suffix)
                      : QStringLiteral("SELECT at, hashrate, online FROM polls%1 WHERE"
                                       " account_id = ? AND at >= ? AND at < ? ORDER BY at")
                            .arg(suffix);
    };
    const int chunk = worker ? workerpack::chunkOf(worker) : 0;
    const int slot = worker ? workerpack::slotOf(worker) : 0;
    QVector<SeriesPoint> points;
    for (const auto &part : parts) {
        if (hourlyCut < 0 || rawCut < 0 || recentCut < 0)
            break;
        // [lo, hi) of the tier, within [begin, to]
        const qint64 lo = std::max(part.begin, part.lo);
        const qint64 hi = std::min(to == End ? End : to + 1, part.hi);
        if (lo >= hi || (!worker && part.tier == Recent))
            continue;
        QString sql;
        if (part.tier == Daily || part.tier == Hourly)
            sql = rolledSql(part.tier);
        else if (worker)
            sql = rawSamplesSql(part.tier == Recent, QStringLiteral("substr(data, ?, 2)"));
        else
            sql = QStringLiteral("SELECT at, hashrate, online FROM polls WHERE account_id = ?"
                                 " AND at >= ? AND at < ? ORDER BY at");
        QSqlQuery *q = prepared(sql);
        const int offset = 2 + slot * (2 + part.weightBytes); // substr() counts from 1
        const bool ok =
            worker ? exec(q, {offset, account, chunk, lo, hi}) : exec(q, {account, lo, hi});
        if (!ok)
            break;
        while (q->next()) {
            if (!worker) {
                points.append({q->value(0).toLongLong(), q->value(1).toDouble(),
                               qRound(q->value(2).toDouble())});
            } else if (const auto value = workerpack::rateOfCode(q->value(1).toByteArray())) {
                points.append({q->value(0).toLongLong(), *value, 0});
            }
        }
        q->finish();
    }
    if (sqlError.isValid())
        fail(what);
    return points;
}

bool Store::recordPoll(const QString &account, qint64 at, const Snapshot &snapshot,
                       const QHash<QString, WorkerState> &states, const AccountState &accountState,
                       const QVector<Event> &events, QVector<StoreId> *assigned,
                       const HealthUpdate &health, PollPack *pack)
{
    const bool stored =
        d->transaction(StoreText::tr("cannot save the poll of account \"%1\"").arg(account), [&] {
            const int acc = d->accountId(account, true);
            // The monitor stamps the workers this reply listed (WorkerState::lastListedAt); the
            // first of the snapshot's tells which stamp that is.
            qint64 listedAt = at;
            for (const WorkerSample &w : snapshot.workers) {
                if (w.name.isEmpty())
                    continue;
                if (const auto st = states.constFind(w.name); st != states.cend())
                    listedAt = st->lastListedAt;
                break;
            }
            int online = pack ? pack->online() : 0, offline = pack ? pack->offline() : 0;
            if (assigned)
                assigned->clear(); // a rolled back attempt's ids are gone with it
            if (acc < 0 || !d->numberInListOrder(acc, snapshot.workers))
                return false;
            if (pack ? !d->savePack(acc, at, listedAt, states, *pack, assigned)
                     : !d->saveWorkers(acc, at, listedAt, states, &online, &offline, assigned))
                return false;
            // OR REPLACE: a repeated poll time (the pool's Date header did not move) replaces it.
            return d->exec(d->prepared(QStringLiteral(
                               "INSERT OR REPLACE INTO polls (account_id, at, hashrate,"
                               " online, offline, total) VALUES (?, ?, ?, ?, ?, ?)")),
                           {acc, at, snapshot.totalHashRate, online, offline, online + offline}) &&
                   d->saveAccountState(acc, accountState) && d->applyEvents(acc, events) &&
                   (!health.records ||
                    d->saveHealth(acc, &states, *health.records, health.changed));
        });
    if (!stored && assigned)
        assigned->clear();
    return stored;
}

PollPack Store::preparePoll(const QString &account)
{
    const int acc = d->accountId(account, false);
    if (acc <= 0)
        return PollPack();
    // An error leaves the pack to grow as it is filled; recordPoll reports it.
    return PollPack(std::max(d->lastWorkerId(acc), 0));
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

QVector<SeriesPoint> Store::workerHourly(const QString &account, const QString &worker, qint64 from,
                                         qint64 to) const
{
    QVector<SeriesPoint> hours;
    int samples = 0; // behind the last hour's point
    for (const SeriesPoint &p : workerSeries(account, worker, from, to)) {
        const qint64 hour = p.at - p.at % Hour;
        // Roll-up points are stamped with their bucket's start; a daily one stays as it is.
        if (!hours.isEmpty() && hours.last().at == hour && p.at != hour) {
            hours.last().hashRate = (hours.last().hashRate * samples + p.hashRate) / (samples + 1);
            ++samples;
            continue;
        }
        hours.append({p.at == hour ? p.at : hour, p.hashRate, 0});
        samples = 1;
    }
    return hours;
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
                          "SELECT w.name, o.start_at, o.end_at, o.kind, o.depth FROM outages o"
                          " JOIN workers w ON "
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
            list.append({worker, q->value(1).toLongLong(), q->value(2).toLongLong(),
                         q->value(3).toString() == QLatin1String("degraded"),
                         q->value(4).toDouble(), QString()});
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
        const qint64 oldRecent = d->meta("recent_cut");
        const qint64 rawCut = qMax(oldRaw, (now - 48 * Hour) / Hour * Hour);
        const qint64 hourlyCut = qMax(oldHourly, (now - 90 * Day) / Day * Day);
        const qint64 recentCut = qMax(oldRecent, now / Hour * Hour);
        QSqlQuery *ids = d->prepared(QStringLiteral("SELECT id FROM accounts"));
        if (oldRaw < 0 || oldHourly < 0 || oldRecent < 0 || !d->exec(ids, {}))
            return false;
        QVector<int> accounts;
        while (ids->next())
            accounts << ids->value(0).toInt();
        ids->finish();
        for (int acc : std::as_const(accounts)) {
            const QString samples = QStringLiteral("worker_samples");
            if (!d->settleRecentSamples(acc, recentCut) ||
                !d->rollUp(acc, QStringLiteral("polls"), QStringLiteral("polls_hourly"), Hour,
                           rawCut) ||
                !d->rollUp(acc, QStringLiteral("polls_hourly"), QStringLiteral("polls_daily"), Day,
                           hourlyCut) ||
                !d->rollUpSamples(acc, samples, samples + QStringLiteral("_hourly"), 1, Hour,
                                  rawCut) ||
                !d->rollUpSamples(acc, samples + QStringLiteral("_hourly"),
                                  samples + QStringLiteral("_daily"), 2, Day, hourlyCut))
                return false;
        }
        QSqlQuery *set =
            d->prepared(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        return d->exec(set, {QStringLiteral("raw_cut"), rawCut}) &&
               d->exec(set, {QStringLiteral("hourly_cut"), hourlyCut}) &&
               d->exec(set, {QStringLiteral("recent_cut"), recentCut});
    });
}

} // namespace rw
