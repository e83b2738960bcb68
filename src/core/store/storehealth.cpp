// Store's worker health (issue #19): the Monitor's per-worker records (below since when,
// recent state changes, an accepted level), degraded periods in the outage log, and each
// worker's usual level computed from its own hourly means.

#include "store/store.h"

#include "monitor/usualrate.h"
#include "store/schema.h"
#include "store/store_p.h"
#include "store/workerpack.h"

#include <QStringList>

#include <cstring>

namespace rw {

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 kUsualWindow = 7 * 86400;

QString changesText(const QVector<qint64> &changes)
{
    QStringList parts;
    parts.reserve(changes.size());
    for (qint64 at : changes)
        parts << QString::number(at);
    return parts.join(QLatin1Char(' '));
}

QVector<qint64> changesOf(const QString &text)
{
    QVector<qint64> out;
    for (const QString &part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 at = part.toLongLong(&ok);
        if (ok)
            out << at;
    }
    return out;
}

} // namespace

bool Store::Private::applyDegraded(int account, const Event &e)
{
    const int worker = workerId(account, e.worker, true);
    if (worker < 0)
        return false;
    if (e.kind == Event::WentDegraded)
        return exec(prepared(QStringLiteral(
                        "INSERT OR IGNORE INTO outages (account_id, worker_id, start_at, kind,"
                        " depth) VALUES (?, ?, ?, 'degraded', ?)")),
                    {account, worker, e.at, e.depth});
    QSqlQuery *close = prepared(QStringLiteral(
        "UPDATE outages SET end_at = max(start_at, ?), depth = min(coalesce(depth, ?), ?)"
        " WHERE account_id = ? AND worker_id = ? AND end_at IS NULL AND kind = 'degraded'"));
    return exec(close, {e.at, e.depth, e.depth, account, worker});
}

bool Store::Private::saveHealth(int account, const QHash<QString, WorkerState> *states,
                                const QHash<QString, WorkerHealth> &health,
                                const QStringList &names)
{
    for (const QString &name : names) {
        int id = 0;
        if (states)
            if (const auto st = states->constFind(name); st != states->cend())
                id = st->storeId;
        if (id <= 0)
            id = workerId(account, name, true);
        if (id < 0)
            return false;
        const auto h = health.constFind(name);
        if (h == health.cend() || h->isEmpty()) {
            if (!exec(prepared(QStringLiteral(
                          "DELETE FROM worker_health WHERE account_id = ? AND worker_id = ?")),
                      {account, id}))
                return false;
            continue;
        }
        if (!exec(prepared(QStringLiteral(
                      "INSERT OR REPLACE INTO worker_health (account_id, worker_id, below_since,"
                      " below_sum, below_polls, depth, changes, accepted, accepted_at, degraded,"
                      " flapping) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                  {account, id, h->belowSince, h->belowSum, h->belowPolls, h->depth,
                   changesText(h->changes), h->accepted, h->acceptedAt, int(h->degraded),
                   int(h->flapping)}))
            return false;
    }
    return true;
}

QHash<QString, WorkerHealth> Store::workerHealth(const QString &account) const
{
    const QString what =
        StoreText::tr("cannot read the worker health of account \"%1\"").arg(account);
    QHash<QString, WorkerHealth> out;
    const int acc = d->accountId(account, false);
    if (acc < 0)
        d->fail(what);
    if (acc <= 0)
        return out;
    QSqlQuery *q =
        d->read(what,
                QStringLiteral("SELECT w.name, h.below_since, h.depth, h.changes, h.accepted,"
                               " h.accepted_at, h.degraded, h.flapping, h.below_sum, h.below_polls"
                               " FROM worker_health h JOIN workers w"
                               " ON w.account_id = h.account_id AND w.id = h.worker_id"
                               " WHERE h.account_id = ?"),
                {acc});
    while (q && q->next()) {
        WorkerHealth h;
        h.belowSince = q->value(1).toLongLong();
        h.depth = q->value(2).toDouble();
        h.changes = changesOf(q->value(3).toString());
        h.accepted = q->value(4).toDouble();
        h.acceptedAt = q->value(5).toLongLong();
        h.degraded = q->value(6).toBool();
        h.flapping = q->value(7).toBool();
        h.belowSum = q->value(8).toDouble();
        h.belowPolls = q->value(9).toInt();
        out.insert(q->value(0).toString(), h);
    }
    if (q)
        q->finish();
    return out;
}

bool Store::saveWorkerHealth(const QString &account, const QString &worker,
                             const WorkerHealth &health)
{
    return d->transaction(
        StoreText::tr("cannot save the usual hashrate of \"%1\"").arg(worker), [&] {
            const int acc = d->accountId(account, true);
            QHash<QString, WorkerHealth> one;
            one.insert(worker, health);
            // A changed accepted level changes the usual levels: compute them again.
            return acc > 0 && d->saveHealth(acc, nullptr, one, {worker}) &&
                   d->exec(d->prepared(QStringLiteral("DELETE FROM meta WHERE key = ?")),
                           {QStringLiteral("usual_at.%1").arg(acc)});
        });
}

QVector<float> Store::usualLevels(const QString &account, qint64 now)
{
    using namespace workerpack;
    const QString what =
        StoreText::tr("cannot compute the usual hashrates of account \"%1\"").arg(account);
    QVector<float> levels;
    const int acc = d->accountId(account, false);
    if (acc <= 0) {
        if (acc < 0)
            d->fail(what);
        return levels;
    }
    const QString stampKey = QStringLiteral("usual_at.%1").arg(acc);
    const qint64 hour = now / Hour * Hour;

    // Kept from earlier this hour: read back.
    QSqlQuery *stamp =
        d->read(what, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {stampKey});
    const qint64 computedAt = stamp && stamp->next() ? stamp->value(0).toLongLong() : -1;
    if (stamp)
        stamp->finish();
    if (computedAt == hour) {
        QSqlQuery *q = d->read(
            what, QStringLiteral("SELECT chunk, data FROM worker_usual WHERE account_id = ?"),
            {acc});
        while (q && q->next()) {
            const int chunk = q->value(0).toInt();
            const QByteArray data = q->value(1).toByteArray();
            const int n = int(data.size() / sizeof(float));
            const int first = chunk * kChunkSlots + 1;
            if (levels.size() < first + n)
                levels.resize(first + n);
            std::memcpy(levels.data() + first, data.constData(), size_t(n) * sizeof(float));
        }
        if (q)
            q->finish();
        return levels;
    }

    // Computed: one chunk of workers at a time, from its hourly roll-ups and its raw samples
    // (grouped into hours) of the last week.
    const qint64 from = hour - kUsualWindow;
    const qint64 rawCut = d->meta("raw_cut"), recentCut = d->meta("recent_cut");
    QHash<int, QPair<double, qint64>> accepted; // id -> level, since
    int maxId = 0;
    {
        QSqlQuery *q =
            d->read(what,
                    QStringLiteral("SELECT worker_id, accepted, accepted_at FROM"
                                   " worker_health WHERE account_id = ? AND accepted > 0"),
                    {acc});
        while (q && q->next())
            accepted.insert(q->value(0).toInt(),
                            {q->value(1).toDouble(), q->value(2).toLongLong()});
        if (q)
            q->finish();
        QSqlQuery *ids = d->read(
            what, QStringLiteral("SELECT max(id) FROM workers WHERE account_id = ?"), {acc});
        if (ids && ids->next())
            maxId = ids->value(0).toInt();
        if (ids)
            ids->finish();
    }
    if (rawCut < 0 || recentCut < 0)
        return {};
    levels.resize(maxId + 1);
    const bool ok = d->transaction(what, [&] {
        for (int chunk = 0; chunk * kChunkSlots < maxId; ++chunk) {
            std::array<QVector<double>, kChunkSlots> means;
            std::array<qint64, kChunkSlots> after{};
            for (int slot = 0; slot < kChunkSlots; ++slot) {
                const auto a = accepted.constFind(chunk * kChunkSlots + slot + 1);
                if (a != accepted.cend())
                    after[size_t(slot)] = a->second;
            }
            const auto take = [&](qint64 at, const SampleSlots &cells) {
                for (int slot = 0; slot < kChunkSlots; ++slot)
                    if (cells.code[size_t(slot)] && at >= after[size_t(slot)])
                        means[size_t(slot)].append(decodeRate(cells.code[size_t(slot)]));
            };
            SampleSlots cells;
            QSqlQuery *hourly = d->read(
                what,
                QStringLiteral("SELECT at, data FROM worker_samples_hourly WHERE account_id = ?"
                               " AND chunk = ? AND at >= ? AND at < ?"),
                {acc, chunk, from, rawCut});
            while (hourly && hourly->next())
                if (decodeSamples(hourly->value(1).toByteArray(), &cells))
                    take(hourly->value(0).toLongLong(), cells);
            if (hourly)
                hourly->finish();
            // Raw rows, in time order from both their tables (Store::Private::rawSamplesSql,
            // which meet at a whole hour): one mean an hour.
            SampleMean mean;
            qint64 bucket = -1;
            const auto flush = [&] {
                if (!mean.isEmpty())
                    take(bucket, mean.result());
                mean = SampleMean();
            };
            bool readAll = hourly != nullptr;
            for (const bool recent : {false, true}) {
                const qint64 lo = recent ? std::max(from, recentCut) : std::max(from, rawCut);
                const qint64 hi = recent ? std::numeric_limits<qint64>::max() : recentCut;
                if (lo >= hi)
                    continue;
                QSqlQuery *raw =
                    d->read(what, Private::rawSamplesSql(recent, QStringLiteral("data")),
                            {acc, chunk, lo, hi});
                while (raw && raw->next()) {
                    const qint64 at = raw->value(0).toLongLong() / Hour * Hour;
                    if (at != bucket) {
                        flush();
                        bucket = at;
                    }
                    if (decodeSamples(raw->value(1).toByteArray(), &cells))
                        mean.add(cells);
                }
                if (raw)
                    raw->finish();
                readAll = readAll && raw;
            }
            flush();
            if (!readAll)
                return false;

            const int width = std::min(kChunkSlots, maxId - chunk * kChunkSlots);
            QByteArray packed(int(width * sizeof(float)), '\0');
            auto *out = reinterpret_cast<float *>(packed.data());
            for (int slot = 0; slot < width; ++slot) {
                const int id = chunk * kChunkSlots + slot + 1;
                UsualRateInput in;
                in.hourlyMeans = std::move(means[size_t(slot)]);
                const auto a = accepted.constFind(id);
                in.accepted = a != accepted.cend() ? a->first : 0;
                const UsualRate u = usualRate(in); // no pool average here: the monitor has it
                out[slot] = float(u.rate);
                levels[id] = out[slot];
            }
            if (!d->exec(d->prepared(QStringLiteral("INSERT OR REPLACE INTO worker_usual"
                                                    " (account_id, chunk, data) VALUES (?, ?, ?)")),
                         {acc, chunk, packed}))
                return false;
        }
        return d->exec(
            d->prepared(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")),
            {stampKey, hour});
    });
    return ok ? levels : QVector<float>();
}

} // namespace rw
