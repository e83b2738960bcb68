#pragma once

#include <QElapsedTimer>

#include <deque>

namespace rw {

// Decides when the next Bot API call to a chat may go out: at most one call per minGapMs and
// perMinute calls in any 60 s (sends, edits and deletes alike), never before a 429's
// retry_after, with exponential backoff after transient failures and a longer, growing pause
// after chat-wide refusals (bad token, bot kicked) so a broken setup does not spin.
// Real monotonic time: pacing is about Telegram's clock, not the monitor's.
class DeliveryPacer
{
public:
    struct Limits
    {
        int minGapMs = 1000;
        int perMinute = 20;
        int backoffStartMs = 2000;
        int backoffMaxMs = 300'000;
        int haltStartMs = 60'000;
        int haltMaxMs = 1'800'000;
    };

    DeliveryPacer();
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    qint64 waitMs() const; // 0: a call may go out now
    void recordCall();     // a call went out
    // Its answer came back. The gap is also measured from here: Telegram counts arrivals, and a
    // request slowed down on the way must not let the next one arrive too soon after it.
    void callFinished();

    void retryAfter(int secs);
    void notBefore(qint64 msFromNow); // a retry_after remembered from an earlier run
    void transientFailure();
    void chatWideFailure();
    void succeeded();

    bool halted() const; // a chat-wide refusal pause is running
    int transientStreak() const { return m_transient; }

private:
    qint64 now() const { return m_mono.elapsed(); }

    Limits m_limits;
    QElapsedTimer m_mono;
    std::deque<qint64> m_calls; // start times of the calls in the last minute
    qint64 m_lastFinished = -1;
    qint64 m_notBefore = 0;
    qint64 m_haltUntil = 0;
    int m_transient = 0;
    int m_halts = 0;
};

} // namespace rw
