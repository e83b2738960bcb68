#pragma once

#include "config/accountconfig.h"
#include "pool/ratelimiter.h"
#include "pool/snapshot.h"
#include "pool/workercollector.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
#include <QNetworkReply>

namespace rw {

class Clock;
class WorkerCollector;
class WorkerListStream;

// A worker list is parsed a slice of this many bytes at a time as it arrives.
inline constexpr qsizetype kStreamSliceBytes = 256 * 1024;

struct PollFailure
{
    // Suspect: a well-formed reply that cannot be believed (monitor/replycheck.h); set by the
    // engine, not the poller, and counted like a failure so it changes no worker's state.
    enum Kind
    {
        Timeout,
        Network,
        HttpStatus,
        PoolError,
        BadReply,
        TooLarge,
        Suspect
    };
    Kind kind = Network;
    QString message; // plain words for the operator, never a secret
    int httpStatus = 0;
    qint64 durationMs = 0;
    QString reasonKey() const; // stable label for metrics: timeout, network, http, ...
};

// Polls one pool account: at most one request in flight, a hard deadline on every request
// (a hung or drip-feeding server fails within timeout + a few ms), a cap on the body size, and
// backoff with jitter after failures. Produces a Snapshot or a PollFailure, never both.
// A paged pool (PoolFormat::paging) is asked for every page within one poll and one deadline,
// paced to the pool's rate limit; any page that fails fails the whole poll.
class Poller : public QObject
{
    Q_OBJECT
public:
    Poller(const AccountConfig &account, QNetworkAccessManager *nam, const Clock *clock,
           QObject *parent = nullptr);
    ~Poller() override;

    const AccountConfig &account() const { return m_account; }
    void start();   // first poll now, then every interval
    void stop();    // aborts a request in flight; no further polls
    void pollNow(); // ignored while a request is in flight
    // A request of an earlier run went out by the end of second unixSecs (the store's
    // AccountState::lastAttemptAt): the pool's rate limit counts it, so a `rigwatchd --once`
    // from a timer waits for it as the loop would (Braiins: one request per 5 s).
    void countEarlierRequest(qint64 unixSecs);
    // The same, whole: the requests inside the pool's window and the wait it asked for (unix ms,
    // this poller's clock), as a run saves them (AccountState) and the next restores them.
    QVector<qint64> requestsInWindowMs() const;
    qint64 blockedUntilMs() const;
    void countEarlierRequests(const QVector<qint64> &unixMs, qint64 blockedUntilUnixMs);
    // For the next poll only: workers known by name (a one-shot run's restored states) whose
    // strings the parse shares (WorkerCollector::setKnown). Let go of when that poll ends.
    void setKnownWorkers(WorkerCollector::KnownWorkers known) { m_known = std::move(known); }
    // Another pace than the provider's own (tests: a limit that bites within seconds).
    void setRateLimit(const RateLimit &limit) { m_limiter = RateLimiter(limit); }
    // "Test connection": of a paged list only the first page, the cheapest call that proves
    // the credentials read the workers. listTotal() then says how many the pool has in all.
    void setFirstPageOnly(bool on) { m_firstPageOnly = on; }
    qint64 listTotal() const { return m_listTotal; } // -1: the pool did not say
    bool inFlight() const { return m_reply != nullptr || m_pagedPoll; }
    // A request is out with Qt but not yet on its way to the pool: Qt starts it (and sends its
    // body) from this thread's event loop.
    bool requestPending() const { return m_reply != nullptr && !m_requestSent; }
    qint64 nextPollAtMs() const { return m_nextAtMs; } // local clock, 0 = none scheduled
    int consecutiveFailures() const { return m_failures; }
    // After a successful poll: the next one at atMs (local clock) instead of an interval away,
    // as the engine's PollSchedule decides; never later than the interval. Ignored while a poll
    // is in flight, after a failure (the backoff stands) and when not started (--once).
    void scheduleNextAt(qint64 atMs);

    // Delay before the next poll after n consecutive failures (n = 0: the interval).
    static qint64 backoffDelayMs(int intervalSecs, int failures, double jitter01);

signals:
    void polled(const rw::Snapshot &snapshot, qint64 durationMs);
    void failed(const rw::PollFailure &failure);
    void nextPollScheduled(qint64 atMs);

private:
    void onFinished();
    void finishWithFailure(PollFailure::Kind kind, const QString &message, int status = 0);
    void scheduleNext();
    void abortWith(PollFailure::Kind kind, const QString &message);
    void readBody();
    void startPagedPoll();
    void sendPage();
    void onPageReply(QNetworkReply *reply, int status, const QByteArray &body);
    void succeed(Snapshot &&snapshot);
    qint64 monotonicMs() const { return m_monotonic.elapsed(); }

    AccountConfig m_account;
    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;  // an error reply so far, read as it arrives
    QByteArray m_chunk; // the latest piece of a worker list, on its way to m_stream
    std::unique_ptr<WorkerListStream> m_stream; // a 2xx reply's worker list, parsed as it arrives
    // The last successful poll's workers: the next parse shares their names and hosts where they
    // are the same (no string allocated for a steady farm). Shared with the snapshot emitted,
    // so it costs the samples' array once the engine has let go of it.
    QVector<WorkerSample> m_previous;
    qint64 m_received = 0;
    bool m_requestSent = false;
    WorkerCollector::KnownWorkers m_known;
    QTimer m_deadline;
    QTimer m_next;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    int m_failures = 0;
    qint64 m_nextAtMs = 0;
    std::optional<std::pair<PollFailure::Kind, QString>> m_abortReason;

    // A paged pool's poll: the page asked for, what the pages so far gave, the pacing.
    bool m_pagedPoll = false;
    int m_page = 0;
    int m_pagesDone = 0;
    bool m_clockRetried = false;
    qsizetype m_entries = 0;
    std::unique_ptr<WorkerCollector> m_collector;
    RateLimiter m_limiter;
    bool m_firstPageOnly = false;
    qint64 m_listTotal = -1;
    QTimer m_pace;
    // The pool's pacing is not the pool being slow: the deadline stands still while a poll
    // waits for its rate limit, with this much of it left (-1: not paused).
    qint64 m_deadlineLeftMs = -1;
    qint64 m_pacedMs = 0;      // this poll's waits for the rate limit so far
    qint64 m_paceStartMs = 0;  // when the current wait began (monotonic)
    QElapsedTimer m_monotonic; // the limiter's time: real time, whatever the clock says
    qint64 m_poolOffsetMs = 0; // the pool's clock minus ours, from its Date headers
    qint64 m_lastStampMs = 0;  // the last request's timestamp / nonce
};

} // namespace rw

Q_DECLARE_METATYPE(rw::PollFailure)
