#include "notify/deliverypacer.h"

#include <QtGlobal>

#include <algorithm>

namespace rw {

DeliveryPacer::DeliveryPacer()
{
    m_mono.start();
}

qint64 DeliveryPacer::waitMs() const
{
    const qint64 t = now();
    qint64 at = std::max(m_notBefore, m_haltUntil);
    if (!m_calls.empty())
        at = std::max(at, m_calls.back() + m_limits.minGapMs);
    if (m_lastFinished >= 0)
        at = std::max(at, m_lastFinished + m_limits.minGapMs);
    // Count only the calls still inside the window: m_calls may hold older ones until the
    // next recordCall() trims it.
    int inWindow = 0;
    for (qint64 c : m_calls)
        if (c > t - 60'000)
            ++inWindow;
    if (m_limits.perMinute > 0 && inWindow >= m_limits.perMinute) {
        // Half a second to spare: the window is judged by arrival times we cannot see.
        const qint64 oldest = m_calls[m_calls.size() - size_t(m_limits.perMinute)];
        at = std::max(at, oldest + 60'500);
    }
    return std::max<qint64>(0, at - t);
}

void DeliveryPacer::recordCall()
{
    const qint64 t = now();
    m_calls.push_back(t);
    while (!m_calls.empty() && m_calls.front() <= t - 60'000)
        m_calls.pop_front();
}

void DeliveryPacer::callFinished()
{
    m_lastFinished = now();
}

void DeliveryPacer::retryAfter(int secs)
{
    m_notBefore = std::max(m_notBefore, now() + qint64(std::max(1, secs)) * 1000);
}

void DeliveryPacer::notBefore(qint64 msFromNow)
{
    if (msFromNow > 0)
        m_notBefore = std::max(m_notBefore, now() + msFromNow);
}

void DeliveryPacer::transientFailure()
{
    ++m_transient;
    qint64 delay = m_limits.backoffStartMs;
    for (int i = 1; i < m_transient && delay < m_limits.backoffMaxMs; ++i)
        delay *= 2;
    m_notBefore = std::max(m_notBefore, now() + std::min<qint64>(delay, m_limits.backoffMaxMs));
}

void DeliveryPacer::chatWideFailure()
{
    ++m_halts;
    qint64 delay = m_limits.haltStartMs;
    for (int i = 1; i < m_halts && delay < m_limits.haltMaxMs; ++i)
        delay *= 2;
    m_haltUntil = now() + std::min<qint64>(delay, m_limits.haltMaxMs);
}

void DeliveryPacer::succeeded()
{
    m_transient = 0;
    m_halts = 0;
    m_haltUntil = 0;
}

bool DeliveryPacer::halted() const
{
    return m_haltUntil > now();
}

} // namespace rw
