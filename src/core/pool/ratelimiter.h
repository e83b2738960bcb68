#pragma once

#include "pool/pagedlist.h"

#include <QVector>

namespace rw {

// Keeps one account's requests within its pool's limit (a sliding window of request costs, with a
// small margin for the network's jitter) and
// within any wait the pool asked for (HTTP 429 Retry-After). No timers, no I/O: the poller asks
// how long to wait and says when it sent.
class RateLimiter
{
public:
    explicit RateLimiter(RateLimit limit = {}) : m_limit(limit) {}

    // Milliseconds until the next request may go out; 0 = now.
    qint64 delayMs(qint64 nowMs) const;
    void sent(qint64 nowMs);
    // The pool asked for no request before this moment.
    void blockUntil(qint64 atMs) { m_blockedUntil = qMax(m_blockedUntil, atMs); }
    const RateLimit &limit() const { return m_limit; }
    // What a later run must still count (the same clock as the calls above): the requests in
    // the window, oldest first, and the pool's wait.
    QVector<qint64> inWindow(qint64 nowMs) const
    {
        expire(nowMs);
        return m_sent;
    }
    qint64 blockedUntil() const { return m_blockedUntil; }

private:
    void expire(qint64 nowMs) const;

    RateLimit m_limit;
    mutable QVector<qint64> m_sent; // times of the requests in the current window, oldest first
    qint64 m_blockedUntil = 0;
};

} // namespace rw
