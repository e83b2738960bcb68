#include "report/availability.h"

#include "monitor/groupmatcher.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace rw {

namespace {

struct Span
{
    qint64 start = 0, end = 0;
};

// Merges the intervals (unsorted, possibly overlapping: a retired worker's return is logged as
// one outage over its whole absence, on top of the one closed at retirement) and clips them to
// [lo, hi): the total length and how many merged intervals have some length inside.
void unionWithin(QVector<Span> spans, qint64 lo, qint64 hi, qint64 *secs, int *count)
{
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start < b.start; });
    QVector<Span> merged;
    for (const Span &s : std::as_const(spans)) {
        if (!merged.isEmpty() && s.start <= merged.last().end)
            merged.last().end = std::max(merged.last().end, s.end);
        else
            merged.append(s);
    }
    *secs = 0;
    *count = 0;
    for (const Span &s : std::as_const(merged)) {
        const qint64 len = std::min(s.end, hi) - std::max(s.start, lo);
        if (len > 0) {
            *secs += len;
            ++*count;
        }
    }
}

// What the buckets told about one worker.
struct Trace
{
    qint64 firstBucket = -1; // start of the first bucket listing it; -1 = none
    double rateTime = 0;     // sum of mean x overlap
    qint64 rateSecs = 0;
    int slot = -1; // group slot; -1 = left out by the query
};

struct Bucket
{
    qint64 overlap = 0;
    bool any = false;
    QVector<double> sums; // by group slot
};

} // namespace

QVector<WorkerAvailability> AccountAvailability::topByDowntime(int n) const
{
    QVector<WorkerAvailability> top;
    for (const WorkerAvailability &w : workers)
        if (w.figures.downSecs > 0)
            top.append(w);
    std::sort(top.begin(), top.end(), [](const WorkerAvailability &a, const WorkerAvailability &b) {
        if (a.figures.downSecs != b.figures.downSecs)
            return a.figures.downSecs > b.figures.downSecs;
        if (a.figures.outages != b.figures.outages)
            return a.figures.outages > b.figures.outages;
        return a.worker < b.worker;
    });
    if (n >= 0 && top.size() > n)
        top.resize(n);
    return top;
}

Availability::Availability(QVector<AccountConfig> accounts, QVector<GroupConfig> groups)
    : m_accounts(std::move(accounts)), m_groups(std::move(groups))
{}

QString Availability::defaultGroupLabel()
{
    return tr("Ungrouped");
}

AvailabilityReport Availability::compute(const Store &store, const AvailabilityQuery &query) const
{
    AvailabilityReport report;
    report.from = query.from;
    report.to = query.to;
    for (const AccountConfig &a : m_accounts) {
        if (!query.account.isEmpty() && a.key() != query.account)
            continue;
        report.accounts.append(account(store, a, query, &report.error));
    }
    return report;
}

AccountAvailability Availability::account(const Store &store, const AccountConfig &config,
                                          const AvailabilityQuery &query, QString *error) const
{
    const qint64 from = query.from, to = query.to;
    AccountAvailability result;
    result.key = config.key();
    result.label = config.displayName();
    if (to <= from)
        return result;
    const int defaultSlot = int(m_groups.size());
    const int slotCount = defaultSlot + 1;
    const auto wanted = [&](int slot) {
        return query.groups.isEmpty() || query.groups.contains(slot == defaultSlot ? -1 : slot);
    };

    const QStringList names = store.workerNames(result.key);
    const QHash<QString, WorkerState> states = store.workerStates(result.key);
    const QVector<Outage> outages = store.outages(result.key, from, to);
    const auto noteError = [&] {
        if (error->isEmpty() && !store.lastError().isEmpty())
            *error = store.lastError();
    };

    // Each worker's group: by its host when it is still known, by its name alone when forgotten.
    GroupMatcher matcher(m_groups);
    QVector<Trace> traces(names.size());
    QHash<QString, int> index;
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i).isEmpty())
            continue;
        index.insert(names.at(i), i);
        const auto st = states.constFind(names.at(i));
        const int g =
            matcher.groupOf(names.at(i), st != states.cend() ? st->sample.host : QString());
        const int slot = g < 0 ? defaultSlot : g;
        traces[i].slot = wanted(slot) ? slot : -1;
    }

    std::map<qint64, Bucket> buckets;
    const bool read = store.visitWorkerBuckets(result.key, from, to, [&](const WorkerBucket &b) {
        const qint64 overlap = std::min(b.at + b.span, to) - std::max(b.at, from);
        if (overlap <= 0)
            return;
        Bucket &bucket = buckets[b.at];
        bucket.overlap = overlap;
        if (bucket.sums.isEmpty())
            bucket.sums.resize(slotCount);
        for (int i = 0; i < b.rates.size(); ++i) {
            const int id = b.firstId + i;
            if (b.rates.at(i) < 0 || id > traces.size())
                continue;
            // RigWatch ran in this bucket: a group whose workers were all down in it counts
            // it at zero, however the query filters the workers.
            bucket.any = true;
            Trace &t = traces[id - 1];
            if (t.slot < 0)
                continue;
            if (t.firstBucket < 0 || b.at < t.firstBucket)
                t.firstBucket = b.at;
            t.rateTime += double(b.rates.at(i)) * double(overlap);
            t.rateSecs += overlap;
            bucket.sums[t.slot] += b.rates.at(i);
        }
    });
    if (!read)
        noteError();

    QHash<int, QVector<Span>> down, degraded;
    QHash<int, qint64> earliest;
    for (const Outage &o : outages) {
        const int i = index.value(o.worker, -1);
        if (i < 0 || traces.at(i).slot < 0)
            continue;
        (o.degraded ? degraded : down)[i].append({o.start, o.end ? o.end : to});
        if (!earliest.contains(i) || o.start < earliest.value(i))
            earliest.insert(i, o.start);
    }

    QVector<GroupAvailability> groups(slotCount);
    for (int i = 0; i < traces.size(); ++i) {
        const Trace &t = traces.at(i);
        if (t.slot < 0)
            continue;
        qint64 start = t.firstBucket;
        if (earliest.contains(i))
            start = start < 0 ? earliest.value(i) : std::min(start, earliest.value(i));
        if (start < 0)
            continue; // no trace in the period: not known yet, or long gone
        start = std::max(start, from);
        qint64 end = to;
        const auto st = states.constFind(names.at(i));
        const bool active = st != states.cend() && st->status != WorkerStatus::Retired;
        const QVector<Span> downs = down.value(i);
        if (!active) {
            if (!downs.isEmpty()) {
                // Given up on when its last outage closed (Store::recordPoll: a retirement
                // closes the outage then).
                end = from;
                for (const Span &s : downs)
                    end = std::max(end, s.end);
                end = std::min(end, to);
            } else if (st != states.cend() && st->statusSince < from) {
                continue; // retired before the period, listed by the pool since
            }
        }
        if (end <= start)
            continue;
        WorkerAvailability w;
        w.worker = names.at(i);
        w.group = t.slot == defaultSlot ? -1 : t.slot;
        w.figures.expectedSecs = end - start;
        unionWithin(downs, start, end, &w.figures.downSecs, &w.figures.outages);
        unionWithin(degraded.value(i), start, end, &w.figures.degradedSecs,
                    &w.figures.degradedPeriods);
        w.averageHashRate = t.rateSecs > 0 ? t.rateTime / double(t.rateSecs) : 0;
        groups[t.slot].figures.add(w.figures);
        ++groups[t.slot].workerCount;
        result.figures.add(w.figures);
        ++result.workerCount;
        result.workers.append(w);
    }
    std::sort(result.workers.begin(), result.workers.end(),
              [](const WorkerAvailability &a, const WorkerAvailability &b) {
                  return a.worker < b.worker;
              });

    // Hash rates: the sum of the workers' means per bucket, averaged over the buckets in which
    // any worker of the account was listed (a stretch RigWatch did not run is left out, not
    // counted as 0).
    QVector<double> groupTime(slotCount);
    double accountTime = 0;
    qint64 coveredSecs = 0;
    for (const auto &[at, bucket] : buckets) {
        if (!bucket.any)
            continue;
        coveredSecs += bucket.overlap;
        double total = 0;
        for (int s = 0; s < slotCount; ++s) {
            groupTime[s] += bucket.sums.at(s) * double(bucket.overlap);
            total += bucket.sums.at(s);
            if (query.series)
                groups[s].hashRate.append({at, bucket.sums.at(s), 0});
        }
        accountTime += total * double(bucket.overlap);
        if (query.series)
            result.hashRate.append({at, total, 0});
    }
    result.averageHashRate = coveredSecs > 0 ? accountTime / double(coveredSecs) : 0;
    for (int s = 0; s < slotCount; ++s) {
        GroupAvailability &g = groups[s];
        if (g.workerCount == 0)
            continue;
        g.group = s == defaultSlot ? -1 : s;
        g.name = s == defaultSlot ? QString() : m_groups.at(s).name;
        g.label = s == defaultSlot ? defaultGroupLabel() : m_groups.at(s).displayLabel();
        g.averageHashRate = coveredSecs > 0 ? groupTime.at(s) / double(coveredSecs) : 0;
        result.groups.append(g);
    }
    return result;
}

} // namespace rw
