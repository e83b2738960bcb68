#include "pool/workercollector.h"

#include "pool/httpdate.h"

#include <QHashFunctions>

#include <QLoggingCategory>

#include <cmath>

namespace rw {
namespace {
Q_LOGGING_CATEGORY(lcCollector, "rigwatch.pool")
} // namespace

WorkerCollector::WorkerCollector(qsizetype expected)
{
    m_snapshot.workers.reserve(expected);
    size_t n = 16;
    while (n < size_t(expected) * 2)
        n *= 2;
    m_slots.resize(n);
}

void WorkerCollector::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.index < 0)
            continue;
        size_t i = s.hash & mask;
        while (m_slots[i].index >= 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void WorkerCollector::add(WorkerSample &&s)
{
    if (size_t(m_snapshot.workers.size() + 1) * 2 > m_slots.size())
        grow();
    const quint32 hash = quint32(qHash(s.name));
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    for (; m_slots[i].index >= 0; i = (i + 1) & mask) {
        if (m_slots[i].hash != hash)
            continue;
        WorkerSample &kept = m_snapshot.workers[m_slots[i].index];
        if (kept.name != s.name)
            continue;
        if (s.lastShareAt > kept.lastShareAt)
            kept = std::move(s);
        ++m_duplicates;
        return;
    }
    m_slots[i] = Slot{hash, qint32(m_snapshot.workers.size())};
    m_snapshot.workers.append(std::move(s));
}

void WorkerCollector::reject(qsizetype index, const char *why)
{
    if (m_bad++ == 0)
        m_firstProblem = QStringLiteral("entry %1 %2").arg(index).arg(QLatin1String(why));
}

ParseResult WorkerCollector::finish(qsizetype entries, const char *api,
                                    std::optional<double> poolTotal)
{
    ParseResult r;
    if (entries > 0 && m_snapshot.workers.isEmpty()) {
        r.error = QStringLiteral("reply's \"workers\" list has %1 entries and none is a usable "
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
    m_slots = {}; // the snapshot outlives the collector's index; free it before returning
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
    // A date-time with a clock part has a ':', which no number has: skip the number attempt.
    constexpr size_t kMax = 64;
    if (text.size() <= kMax && text.find(':') != std::string_view::npos) {
        char16_t wide[kMax];
        size_t n = 0;
        for (const char c : text) {
            if (static_cast<unsigned char>(c) >= 0x80)
                break;
            wide[n++] = char16_t(c);
        }
        if (n == text.size())
            return parseIsoDateTime(QStringView(wide, qsizetype(n)));
    }
    return unixSecondsFromText(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

} // namespace rw
