// Store's reading for availability reports: worker names by id and each worker's hourly means,
// a chunk's row at a time, so a report's cost follows its period and the farm's chunks, not
// the number of polls.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"
#include "store/workerpack.h"

#include <limits>
#include <map>

namespace rw {

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

WorkerBucket bucketOf(qint64 at, qint64 span, int chunk, const workerpack::SampleSlots &cells)
{
    WorkerBucket b;
    b.at = at;
    b.span = span;
    b.firstId = chunk * workerpack::kChunkSlots + 1;
    b.rates.resize(workerpack::kChunkSlots);
    for (int i = 0; i < workerpack::kChunkSlots; ++i) {
        const quint16 code = cells.code[size_t(i)];
        b.rates[i] = code ? float(workerpack::decodeRate(code)) : -1.0f;
    }
    return b;
}

} // namespace

QStringList Store::workerNames(const QString &account) const
{
    const QString what = StoreText::tr("cannot read the workers of account \"%1\"").arg(account);
    QStringList names;
    const int acc = d->accountId(account, false);
    if (acc < 0)
        d->fail(what);
    QSqlQuery *q = acc <= 0 ? nullptr
                            : d->read(what,
                                      QStringLiteral("SELECT id, name FROM workers WHERE"
                                                     " account_id = ? ORDER BY id"),
                                      {acc});
    while (q && q->next()) {
        const int id = q->value(0).toInt();
        if (id < 1)
            continue;
        while (names.size() < id)
            names.append(QString());
        names[id - 1] = q->value(1).toString();
    }
    if (q)
        q->finish();
    return names;
}

bool Store::visitWorkerBuckets(const QString &account, qint64 from, qint64 to,
                               const std::function<void(const WorkerBucket &)> &visit) const
{
    using namespace workerpack;
    const QString what =
        StoreText::tr("cannot read the hashrate history of account \"%1\"").arg(account);
    const int acc = d->accountId(account, false);
    if (acc < 0) {
        d->fail(what);
        return false;
    }
    if (acc == 0 || to <= from)
        return true; // nothing recorded for it yet
    const qint64 hourlyCut = d->meta("hourly_cut"), rawCut = d->meta("raw_cut");
    const qint64 recentCut = d->meta("recent_cut");
    QSqlQuery *lastId = d->read(
        what, QStringLiteral("SELECT coalesce(max(id), 0) FROM workers WHERE account_id = ?"),
        {acc});
    if (hourlyCut < 0 || rawCut < 0 || recentCut < 0 || !lastId || !lastId->next()) {
        d->fail(what);
        return false;
    }
    const int maxId = lastId->value(0).toInt();
    lastId->finish();
    const int chunks = maxId > 0 ? chunkOf(maxId) + 1 : 0;
    // The tiers as Store::series() splits them: each span from the finest table holding it.
    // The raw rows' two tables (Store::Private::rawSamplesSql) meet at a whole hour, so no
    // hour's mean is split between them.
    const struct
    {
        const char *suffix; // nullptr: the recent raw rows
        qint64 span, lo, hi;
    } tiers[] = {
        {"_daily", Day, 0, hourlyCut},
        {"_hourly", Hour, hourlyCut, rawCut},
        {"", Hour, rawCut, recentCut},
        {nullptr, Hour, std::max(rawCut, recentCut), std::numeric_limits<qint64>::max()},
    };
    for (int chunk = 0; chunk < chunks; ++chunk) {
        for (const auto &tier : tiers) {
            if (tier.lo >= tier.hi)
                continue;
            // Buckets overlapping [from, to): for raw rows, every sample of the hour holding
            // `from`, so the first hour's mean is the same as once it is rolled up.
            const qint64 begin = std::max(from - from % tier.span, tier.lo);
            const qint64 end = std::min(to, tier.hi);
            if (begin >= end)
                continue;
            const bool raw = !tier.suffix || tier.suffix[0] == '\0';
            QSqlQuery *q = d->read(
                what,
                raw ? Private::rawSamplesSql(!tier.suffix, QStringLiteral("data"))
                    : QStringLiteral("SELECT at, data FROM worker_samples%1 WHERE account_id = ?"
                                     " AND chunk = ? AND at >= ? AND at < ? ORDER BY at")
                          .arg(QLatin1String(tier.suffix)),
                {acc, chunk, begin, end});
            if (!q)
                return false;
            SampleMean hour;
            qint64 hourAt = -1;
            while (q->next()) {
                SampleSlots cells;
                if (!decodeSamples(q->value(1).toByteArray(), &cells))
                    continue;
                const qint64 at = q->value(0).toLongLong();
                if (!raw) {
                    visit(bucketOf(at - at % tier.span, tier.span, chunk, cells));
                    continue;
                }
                if (at - at % Hour != hourAt) {
                    if (!hour.isEmpty())
                        visit(bucketOf(hourAt, Hour, chunk, hour.result()));
                    hour = SampleMean();
                    hourAt = at - at % Hour;
                }
                hour.add(cells);
            }
            q->finish();
            if (!hour.isEmpty())
                visit(bucketOf(hourAt, Hour, chunk, hour.result()));
        }
    }
    return true;
}

} // namespace rw
