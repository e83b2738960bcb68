#include "pool/workercollector.h"

#include "pool/f2poolparser.h"
#include "pool/httpdate.h"
#include "util/allocator.h"

#include <QHashFunctions>

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rw {
namespace {
Q_LOGGING_CATEGORY(lcCollector, "rigwatch.pool")

constexpr qsizetype kRecycledMin = 1024; // samples: smaller arrays live in the heap anyway
// A samples array this large (~45,000 workers) is filled in huge pages where the system has
// them; it is kept between polls (recycle()), or mapped apart in a one-shot run.
constexpr size_t kHugeArrayBytes = 4 * 1024 * 1024;

QVector<WorkerSample> &spareSamples()
{
    thread_local QVector<WorkerSample> spare;
    return spare;
}
} // namespace

void WorkerCollector::recycle(QVector<WorkerSample> &&samples)
{
    if (!samples.isDetached() || samples.capacity() < kRecycledMin)
        return;
    samples.clear(); // keeps the capacity: the array is not shared
    spareSamples() = std::move(samples);
}

WorkerCollector::WorkerCollector(qsizetype expected, QVector<WorkerSample> previous)
    : m_previous(std::move(previous))
{
    QVector<WorkerSample> &spare = spareSamples();
    if (spare.capacity() >= expected && spare.isDetached())
        m_snapshot.workers = std::move(spare);
    spare = {};
    const bool fresh = m_snapshot.workers.capacity() < expected;
    m_snapshot.workers.reserve(expected);
    // A large array is a mapping of its own, filled from start to end.
    if (fresh && size_t(expected) * sizeof(WorkerSample) >= kHugeArrayBytes)
        adviseHugePages(m_snapshot.workers.data(), size_t(expected) * sizeof(WorkerSample));
}

const WorkerSample *WorkerCollector::hint(qsizetype position) const
{
    if (position < m_previous.size())
        return &m_previous.at(position);
    // Only without a previous poll: the known workers' names are unique among themselves, not
    // with the previous poll's (m_sameNames relies on it).
    if (position != m_hintAt) {
        m_hintAt = position;
        m_hint = m_previous.isEmpty() && m_known.at ? m_known.at(position) : nullptr;
    }
    return m_hint;
}

QString WorkerCollector::previousText(std::string_view utf8, QString WorkerSample::*field) const
{
    const WorkerSample *before = hint(m_snapshot.workers.size());
    if (!before || utf8.empty())
        return {};
    const QString &known = before->*field;
    const auto n = qsizetype(utf8.size());
    if (known.size() != n)
        return {};
    // Equal only when every byte is ASCII and equals its UTF-16 unit: then the bytes decode to
    // exactly the known text (a non-ASCII byte never matches, so "é" in UTF-8 is not taken for
    // a previous two-character "Ã©").
    quint64 high = 0;
    size_t i = 0;
    for (; i + 8 <= utf8.size(); i += 8) {
        quint64 word;
        std::memcpy(&word, utf8.data() + i, sizeof word);
        high |= word;
    }
    for (; i < utf8.size(); ++i)
        high |= static_cast<unsigned char>(utf8[i]);
    if (high & 0x8080808080808080ULL)
        return {};
    return QStringView(known) == QLatin1StringView(utf8.data(), n) ? known : QString();
}

namespace {
// The known string instead of an equal new one (read by the DOM parser, which makes its own).
void share(QString &text, const QString &known)
{
    if (text.constData() != known.constData() && !known.isEmpty() && text == known)
        text = known;
}
} // namespace

void WorkerCollector::add(WorkerSample &&s)
{
    const qsizetype at = m_snapshot.workers.size();
    const WorkerSample *guess = hint(at);
    if (guess)
        share(s.name, guess->name);
    const bool same = guess && s.name.constData() == guess->name.constData();
    if (same || at < m_previous.size()) { // then there is a guess
        share(s.host, guess->host);
    } else if (m_known) {
        // Not the guess: the known workers are asked by name (the previous poll is a hint by
        // position only).
        if (const WorkerSample *known = m_known.find(s.name)) {
            share(s.name, known->name);
            share(s.host, known->host);
        }
    }
    m_sameNames = m_sameNames && same;
    m_snapshot.workers.append(std::move(s));
}

// Equal names have equal hashes: sort the (hash, position) keys by hash with a stable radix
// sort - three passes over a small array instead of one random probe per worker into a table
// larger than the cache - and look at runs of equal hashes only. Same result as checking each
// worker as it came: the first position stays, holding the entry with the latest share (the
// earliest of equal ones).
void WorkerCollector::dropDuplicates()
{
    // Every name is the hint's at the same position: as unique as those were.
    if (m_sameNames)
        return;
    QVector<WorkerSample> &w = m_snapshot.workers;
    const size_t n = size_t(w.size());
    if (n < 2)
        return;
    std::vector<Key> keys;
    keys.reserve(n);
    const WorkerSample *samples = w.constData();
    for (size_t i = 0; i < n; ++i)
        keys.push_back(Key{quint32(qHash(samples[i].name)), quint32(i)});
    std::vector<Key> sorted(n);
    constexpr int kBits = 11;
    constexpr quint32 kMask = (1u << kBits) - 1;
    for (int shift = 0; shift < 32; shift += kBits) {
        size_t count[kMask + 2] = {};
        for (const Key &k : keys)
            ++count[((k.hash >> shift) & kMask) + 1];
        for (quint32 b = 1; b <= kMask + 1; ++b)
            count[b] += count[b - 1];
        for (const Key &k : keys)
            sorted[count[(k.hash >> shift) & kMask]++] = k;
        keys.swap(sorted);
    }
    std::vector<bool> dropped;
    for (size_t run = 0; run < n;) {
        size_t end = run + 1;
        while (end < n && keys[end].hash == keys[run].hash)
            ++end;
        for (size_t i = run + 1; i < end; ++i) { // positions ascend within a run (stable sort)
            const quint32 later = keys[i].position;
            for (size_t j = run; j < i; ++j) {
                const quint32 first = keys[j].position;
                if ((!dropped.empty() && dropped[first]) || w[first].name != w[later].name)
                    continue;
                if (dropped.empty())
                    dropped.resize(n);
                if (w[later].lastShareAt > w[first].lastShareAt)
                    w[first] = std::move(w[later]);
                dropped[later] = true;
                ++m_duplicates;
                break;
            }
        }
        run = end;
    }
    if (dropped.empty())
        return;
    qsizetype out = 0;
    for (qsizetype i = 0; i < w.size(); ++i)
        if (!dropped[size_t(i)])
            w[out++] = std::move(w[i]);
    w.resize(out);
}

void WorkerCollector::truncate(qsizetype count)
{
    if (count >= m_snapshot.workers.size())
        return;
    m_snapshot.workers.resize(count);
    // Dropped samples cannot have broken m_sameNames; one that did stays conservative.
}

void WorkerCollector::reject(qsizetype index, const char *why)
{
    if (m_bad++ == 0)
        m_firstProblem = F2poolText::tr("entry %1 %2")
                             .arg(index)
                             .arg(QCoreApplication::translate("F2poolText", why));
}

ParseResult WorkerCollector::finish(qsizetype entries, const char *api,
                                    std::optional<double> poolTotal)
{
    ParseResult r;
    dropDuplicates();
    if (entries > 0 && m_snapshot.workers.isEmpty()) {
        r.error = F2poolText::tr("reply's \"workers\" list has %1 entries and none is a usable "
                                 "worker (%2)")
                      .arg(entries)
                      .arg(m_firstProblem);
        return r;
    }
    if (m_bad > 0)
        qCWarning(lcCollector, "%s reply: skipped %d of %lld worker entries (first: %s)", api,
                  m_bad, static_cast<long long>(entries), qUtf8Printable(m_firstProblem));
    if (m_duplicates > 0)
        qCInfo(lcCollector, "%s reply: %d duplicate worker names, kept the latest share", api,
               m_duplicates);
    if (poolTotal) {
        m_snapshot.totalHashRate = *poolTotal;
    } else {
        double sum = 0;
        for (const WorkerSample &w : std::as_const(m_snapshot.workers))
            sum += w.hashRate;
        m_snapshot.totalHashRate = sum;
    }
    r.snapshot = std::move(m_snapshot);
    return r;
}

qint64 secondsFromNumber(double d)
{
    if (!std::isfinite(d) || d <= 0 || d > 1e21)
        return 0;
    if (d > 1e18)
        d /= 1e9; // nanoseconds
    else if (d > 1e15)
        d /= 1e6; // microseconds
    else if (d > 1e12)
        d /= 1e3; // milliseconds
    return static_cast<qint64>(d);
}

qint64 unixSecondsFromText(QStringView text)
{
    const QStringView s = text.trimmed();
    bool ok = false;
    const double d = s.toDouble(&ok); // C locale, whatever the system locale
    return ok ? secondsFromNumber(d) : parseIsoDateTime(s);
}

qint64 unixSecondsFromUtf8(std::string_view text)
{
    // A date-time with a clock part has a ':', which no number has: skip the number attempt. Read
    // from the bytes when they are ASCII (else trimming may differ: U+00A0 is white space).
    if (text.find(':') != std::string_view::npos &&
        std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return parseIsoDateTime(text);
    return unixSecondsFromText(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

} // namespace rw
