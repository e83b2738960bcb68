#include "pool/ratelimiter.h"

namespace rw {

namespace {
// The pool counts arrivals, we count departures: a request that took longer to arrive than the
// next one must not make the two look closer than the window. A twentieth of it, at most 0.5 s.
qint64 marginMs(const RateLimit &l)
{
    return qMin<qint64>(l.windowMs / 20, 500);
}
} // namespace

void RateLimiter::expire(qint64 nowMs) const
{
    const qint64 window = m_limit.windowMs + marginMs(m_limit);
    qsizetype drop = 0;
    while (drop < m_sent.size() && m_sent.at(drop) + window <= nowMs)
        ++drop;
    if (drop)
        m_sent.remove(0, drop);
}

qint64 RateLimiter::delayMs(qint64 nowMs) const
{
    qint64 delay = qMax<qint64>(0, m_blockedUntil - nowMs);
    if (m_limit.capacity <= 0 || m_limit.windowMs <= 0)
        return delay;
    expire(nowMs);
    const int cost = qMax(1, m_limit.cost);
    const qsizetype allowed = qMax(1, m_limit.capacity / cost);
    if (m_sent.size() < allowed)
        return delay;
    // the oldest request that must leave the window before one more fits
    const qint64 frees = m_sent.at(m_sent.size() - allowed) + m_limit.windowMs + marginMs(m_limit);
    return qMax(delay, frees - nowMs);
}

void RateLimiter::sent(qint64 nowMs)
{
    if (m_limit.capacity <= 0 || m_limit.windowMs <= 0)
        return;
    expire(nowMs);
    m_sent.append(nowMs);
}

} // namespace rw
