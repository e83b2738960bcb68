#include "pool/poller.h"

#include "clock.h"
#include "config/proxysetting.h"
#include "logging.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/httpdate.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"
#include "pool/workerliststream.h"
#include "util/redact.h"

#include <QCoreApplication>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace rw {
namespace {
// What Qt's network thread may read ahead of this one: a few slices.
constexpr qint64 kReadBufferBytes = 4 * kStreamSliceBytes;
// A paged list longer than this is taken for a pool that never says "last page".
constexpr int kMaxPages = 5000;

QList<QByteArray> dateHeaders(const QNetworkReply *reply)
{
    QList<QByteArray> dates;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        if (name.compare("Date", Qt::CaseInsensitive) == 0)
            dates << value;
    return dates;
}
} // namespace

QString PollFailure::reasonKey() const
{
    switch (kind) {
    case Timeout:
        return QStringLiteral("timeout");
    case Network:
        return QStringLiteral("network");
    case HttpStatus:
        return QStringLiteral("http");
    case PoolError:
        return QStringLiteral("pool_error");
    case BadReply:
        return QStringLiteral("bad_reply");
    case TooLarge:
        return QStringLiteral("too_large");
    case Suspect:
        return QStringLiteral("suspect");
    }
    return QStringLiteral("unknown");
}

Poller::Poller(const AccountConfig &account, QNetworkAccessManager *nam, const Clock *clock,
               QObject *parent)
    : QObject(parent), m_account(account), m_nam(nam), m_clock(clock),
      m_limiter(poolFormat(account.provider).paging ? poolFormat(account.provider).paging->limit
                                                    : RateLimit{})
{
    m_monotonic.start();
    m_pace.setSingleShot(true);
    connect(&m_pace, &QTimer::timeout, this, &Poller::sendPage);
    qRegisterMetaType<rw::Snapshot>();
    qRegisterMetaType<rw::PollFailure>();
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    // The deadline is also all that bounds a reply Qt never hands over: a status, header or
    // chunk-size line without end. Qt 6.4 collects such a line in its network thread without a
    // limit, out of max_body's sight. Over https it drops the connection at the abort, so it
    // held what arrived before the deadline. Over plain http it reads the line a byte per system
    // call in a loop that returns only once the socket is empty: a server that keeps sending
    // keeps that thread busy after the abort, and with it every request of the network manager
    // (other accounts, Telegram), until it stops. See docs/fault-matrix.md.
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // A pool that began to answer (a drip, a stalled transfer) is told apart from one
        // that said nothing: the first points at the network or the reply's size.
        const bool started =
            m_received > 0 ||
            (m_reply && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
        const QString pool = providerTitle(m_account.provider);
        // A proxy that hangs is named, as when the request's own timeout fires first.
        const QString proxy = proxyLabel(m_nam->proxy());
        abortWith(PollFailure::Timeout,
                  started ? tr("%1 began to answer but did not finish within %2 s (%3 bytes "
                               "received)")
                                .arg(pool)
                                .arg(m_account.timeoutSecs)
                                .arg(m_received)
                  : proxy.isEmpty()
                      ? tr("%1 did not answer within %2 s").arg(pool).arg(m_account.timeoutSecs)
                      : tr("%1 did not answer within %2 s through the proxy at %3")
                            .arg(pool)
                            .arg(m_account.timeoutSecs)
                            .arg(proxy));
    });
    m_next.setSingleShot(true);
    // A coarse timer may fire a few percent early: a poll meant for the moment a worker crosses
    // offline_after would then see it still online and the alert would wait for another.
    m_next.setTimerType(Qt::PreciseTimer);
    connect(&m_next, &QTimer::timeout, this, &Poller::pollNow);
}

Poller::~Poller()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Poller::start()
{
    m_running = true;
    pollNow();
}

void Poller::stop()
{
    m_running = false;
    m_pagedPoll = false;
    m_collector.reset();
    m_pace.stop();
    m_deadline.stop();
    m_deadlineLeftMs = -1;
    m_paceStartMs = 0;
    m_known = {};
    m_body = QByteArray();
    m_stream.reset();
    m_next.stop();
    m_nextAtMs = 0;
    if (m_reply) {
        QNetworkReply *r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
        m_deadline.stop();
    }
}

void Poller::pollNow()
{
    if (m_reply || m_pagedPoll)
        return; // at most one request per account in flight
    m_next.stop();
    m_abortReason.reset();
    if (poolFormat(m_account.provider).paging)
        return startPagedPoll();
    PoolRequest pr = workerListRequest(m_account);
    pr.request.setTransferTimeout(m_account.timeoutSecs * 1000);
    qCDebug(lcPool) << "polling" << m_account.id << redactUrl(pr.request.url());
    m_elapsed.start();
    m_reply = m_nam->sendCustomRequest(pr.request, pr.verb, pr.body);
    // Otherwise Qt's network thread reads the whole reply into the reply's buffer while this one
    // parses the start of it: a worker list would be in memory whole after all. Qt hands the
    // limit on to its network thread only once that has started the request, which for a
    // request with a body (v2's POST) happens from the event loop: a limit set here is lost
    // then. So it is set again from the event loop, right after that start and before the
    // request can go out. Waiting for requestSent instead was too late whenever this thread was
    // busy as the pool began to answer: Qt then read a fast pool's whole reply in one go.
    m_reply->setReadBufferSize(kReadBufferBytes);
    QMetaObject::invokeMethod(
        m_reply, [reply = m_reply.data()] { reply->setReadBufferSize(kReadBufferBytes); },
        Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        m_requestSent = true;
        if (m_reply) // in case a Qt starts the request later still
            m_reply->setReadBufferSize(kReadBufferBytes);
    });
    m_requestSent = false;
    m_deadline.start(m_account.timeoutSecs * 1000);
    m_body = QByteArray();
    m_stream.reset();
    m_received = 0;
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (!m_reply)
            return;
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > m_account.maxBodyBytes)
            return abortWith(PollFailure::TooLarge,
                             tr("the pool's reply is too large (%1 bytes, the limit is %2)")
                                 .arg(declared)
                                 .arg(m_account.maxBodyBytes));
        // A worker list is parsed as it arrives (never whole in memory); an error page is kept.
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status <= 299 && !m_stream && m_received == 0) {
            m_stream = std::make_unique<WorkerListStream>(
                poolFormat(m_account.provider), kStreamSliceBytes,
                qsizetype(qMax<qint64>(declared, 0)), m_previous);
            if (m_known)
                m_stream->setKnown(m_known);
        }
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &Poller::readBody);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (m_reply && received > m_account.maxBodyBytes)
            abortWith(PollFailure::TooLarge,
                      tr("the pool's reply is larger than the limit of %1 bytes")
                          .arg(m_account.maxBodyBytes));
    });
    connect(m_reply, &QNetworkReply::finished, this, &Poller::onFinished);
}

// Takes what arrived out of the reply's own buffer as it comes: a worker list into the stream
// parser, a slice at a time (so a 40 MB reply is never in memory whole), anything else into
// m_body.
void Poller::readBody()
{
    while (m_reply) {
        const qint64 available = m_reply->bytesAvailable();
        if (available <= 0)
            return;
        if (m_received + available > m_account.maxBodyBytes)
            return abortWith(PollFailure::TooLarge,
                             tr("the pool's reply is larger than the limit of %1 bytes")
                                 .arg(m_account.maxBodyBytes));
        if (!m_stream) {
            const QByteArray piece = m_reply->read(available);
            if (piece.isEmpty())
                return;
            m_received += piece.size();
            // Room after the page for the fast page readers' padding (fastf2poolparser.h): they
            // then read it where it is instead of copying it first.
            const qsizetype need = m_body.size() + piece.size() + kFastParserPadding;
            if (m_body.capacity() < need)
                m_body.reserve(qMax(need, 2 * m_body.capacity()));
            m_body += piece;
            continue;
        }
        m_chunk.resize(qsizetype(qMin<qint64>(available, kStreamSliceBytes)));
        const qint64 got = m_reply->read(m_chunk.data(), m_chunk.size());
        if (got <= 0)
            return;
        m_received += got;
        m_stream->append(m_chunk.constData(), qsizetype(got));
    }
}

void Poller::abortWith(PollFailure::Kind kind, const QString &message)
{
    if (!m_reply || m_abortReason)
        return;
    m_abortReason = std::make_pair(kind, message);
    m_reply->abort(); // emits finished() with OperationCanceledError
}

void Poller::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    if (!m_pagedPoll) // a paged poll's deadline covers all its pages
        m_deadline.stop();
    reply->deleteLater();
    const QString pool = providerTitle(m_account.provider);
    const QStringList secrets{m_account.secret, m_account.apiKey};

    if (m_abortReason)
        return finishWithFailure(m_abortReason->first, m_abortReason->second);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    readBody();
    QByteArray body = std::exchange(m_body, QByteArray());
    std::unique_ptr<WorkerListStream> stream = std::move(m_stream);
    m_chunk = QByteArray();
    const bool httpOk = status >= 200 && status <= 299;
    if (reply->error() != QNetworkReply::NoError && (status == 0 || httpOk)) {
        QString why;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            why = tr("%1 refused the connection").arg(pool);
            break;
        case QNetworkReply::HostNotFoundError:
            why = tr("%1's host %2 was not found").arg(pool, m_account.url.host());
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            if (!proxyLabel(reply->manager()->proxy()).isEmpty()) // a proxy that hangs
                return finishWithFailure(PollFailure::Timeout,
                                         tr("%1 did not answer within %2 s through the proxy at %3")
                                             .arg(pool)
                                             .arg(m_account.timeoutSecs)
                                             .arg(proxyLabel(reply->manager()->proxy())));
            return finishWithFailure(
                PollFailure::Timeout,
                tr("%1 did not answer within %2 s").arg(pool).arg(m_account.timeoutSecs));
        case QNetworkReply::RemoteHostClosedError:
            why = httpOk ? tr("%1 closed the connection before the reply was complete").arg(pool)
                         : tr("%1 closed the connection without answering").arg(pool);
            break;
        default:
            why = tr("network error talking to %1: %2")
                      .arg(pool, redactText(reply->errorString(), secrets));
        }
        // [pool] proxy: a proxy's failure names the proxy, not the pool
        const QString viaProxy =
            proxyFailure(reply->manager()->proxy(), reply->error(), reply->errorString());
        if (!viaProxy.isEmpty() && reply->error() != QNetworkReply::TimeoutError &&
            reply->error() != QNetworkReply::OperationCanceledError)
            why = viaProxy;
        return finishWithFailure(PollFailure::Network, why, status);
    }
    if (m_received > m_account.maxBodyBytes)
        return finishWithFailure(PollFailure::TooLarge,
                                 tr("the pool's reply is larger than the limit of %1 bytes")
                                     .arg(m_account.maxBodyBytes));
    if (m_pagedPoll)
        return onPageReply(reply, status, body);
    if (status < 200 || status > 299) {
        QString msg = tr("%1 answered HTTP %2").arg(pool).arg(status);
        const QString poolError = poolFormat(m_account.provider).errorMessage(body);
        if (!poolError.isEmpty())
            msg += QStringLiteral(" (") + redactText(poolError, secrets) + QLatin1Char(')');
        else if (status == 401 || status == 403)
            msg += tr(" (is the API token right?)");
        return finishWithFailure(PollFailure::HttpStatus, msg, status);
    }
    WorkerListStream::Result result;
    if (stream) {
        result = stream->finish();
    } else { // a 2xx status that came without its metadata first: the whole body, same rules
        result.poolError = poolFormat(m_account.provider).errorMessage(body);
        if (result.poolError.isEmpty())
            result.parsed = parseWorkerList(m_account.provider, body, m_previous);
        body = QByteArray();
    }
    stream.reset(); // the reply is not needed past the parse: free it before the store runs
    if (!result.poolError.isEmpty())
        return finishWithFailure(PollFailure::PoolError, redactText(result.poolError, secrets),
                                 status);
    ParseResult &parsed = result.parsed;
    if (!parsed.ok())
        return finishWithFailure(
            PollFailure::BadReply,
            tr("%1 sent a reply RigWatch cannot read: %2").arg(pool, parsed.error), status);
    parsed.snapshot->poolTimeSecs = parseHttpDateFields(dateHeaders(reply));
    succeed(std::move(*parsed.snapshot));
}

void Poller::succeed(Snapshot &&snapshot)
{
    // Shared, not copied; the array it replaces is filled by the next parse.
    WorkerCollector::recycle(std::exchange(m_previous, snapshot.workers));
    m_known = {};
    const qint64 ms = m_elapsed.elapsed();
    m_failures = 0;
    m_pagedPoll = false;
    m_deadline.stop();
    const QString paced = m_pacedMs > 0 ? QStringLiteral(", %1 ms of it waiting for the pool's "
                                                         "rate limit")
                                              .arg(m_pacedMs)
                                        : QString();
    qCInfo(lcPool).noquote() << m_account.id << "polled:" << snapshot.workers.size() << "workers in"
                             << ms << QStringLiteral("ms") + paced;
    m_pacedMs = 0;
    scheduleNext();
    emit polled(snapshot, ms);
}

void Poller::countEarlierRequest(qint64 unixSecs)
{
    const RateLimit &limit = m_limiter.limit();
    if (unixSecs <= 0 || limit.capacity <= 0 || limit.windowMs <= 0)
        return;
    // Whole seconds, stamped when that poll ended: its request left before the second was out.
    // A stamp in the future (the clock was set back) counts as now.
    const qint64 agoMs = qMax<qint64>(0, m_clock->nowMs() - (unixSecs * 1000 + 999));
    if (agoMs < limit.windowMs)
        m_limiter.sent(monotonicMs() - agoMs);
}

QVector<qint64> Poller::requestsInWindowMs() const
{
    const qint64 now = monotonicMs();
    const qint64 toUnix = m_clock->nowMs() - now;
    QVector<qint64> times = m_limiter.inWindow(now);
    for (qint64 &t : times)
        t += toUnix;
    return times;
}

qint64 Poller::blockedUntilMs() const
{
    const qint64 now = monotonicMs();
    const qint64 until = m_limiter.blockedUntil();
    return until > now ? until + (m_clock->nowMs() - now) : 0;
}

void Poller::countEarlierRequests(const QVector<qint64> &unixMs, qint64 blockedUntilUnixMs)
{
    const qint64 now = monotonicMs();
    const qint64 toMonotonic = now - m_clock->nowMs();
    // Oldest first; one long gone leaves the window at the next request. A time ahead of ours
    // (the clock was set back) counts as now.
    for (const qint64 t : unixMs)
        m_limiter.sent(qMin(t + toMonotonic, now));
    if (blockedUntilUnixMs > 0)
        m_limiter.blockUntil(blockedUntilUnixMs + toMonotonic);
}

void Poller::startPagedPoll()
{
    const PoolFormat::Paging *paging = poolFormat(m_account.provider).paging;
    m_pagedPoll = true;
    m_page = paging->firstPage;
    m_pagesDone = 0;
    m_entries = 0;
    m_clockRetried = false;
    m_collector = std::make_unique<WorkerCollector>(0, m_previous);
    if (m_known)
        m_collector->setKnown(m_known);
    m_elapsed.invalidate();
    m_deadlineLeftMs = -1;
    m_pacedMs = 0;
    m_paceStartMs = 0;
    sendPage();
}

// The poll's next request, once the pool's rate limit allows it. The deadline counts only the
// time the pool takes: it starts with the first request and stands still while the poll waits
// for the pool's pacing, so a list of many pages on a slow-paced pool (ViaBTC's 60 requests a
// minute) is not failed for the limit RigWatch keeps to.
void Poller::sendPage()
{
    if (!m_pagedPoll || m_reply)
        return;
    const PoolFormat::Paging *paging = poolFormat(m_account.provider).paging;
    if (m_paceStartMs > 0) {
        m_pacedMs += monotonicMs() - m_paceStartMs;
        m_paceStartMs = 0;
    }
    const qint64 wait = m_limiter.delayMs(monotonicMs());
    if (wait > 0) {
        if (m_deadline.isActive()) {
            m_deadlineLeftMs = qMax(1, m_deadline.remainingTime());
            m_deadline.stop();
        }
        qCDebug(lcPool) << m_account.id << "waits" << wait << "ms for the pool's rate limit";
        if (m_elapsed.isValid()) // waits before the first request are not the poll's
            m_paceStartMs = monotonicMs();
        m_pace.start(int(qMin<qint64>(wait, std::numeric_limits<int>::max())));
        return;
    }
    if (!m_deadline.isActive()) {
        if (m_deadlineLeftMs < 0)
            m_elapsed.start(); // the poll's first request
        m_deadline.start(m_deadlineLeftMs >= 0 ? int(m_deadlineLeftMs)
                                               : m_account.timeoutSecs * 1000);
        m_deadlineLeftMs = -1;
    }
    m_limiter.sent(monotonicMs());
    // Strictly growing: AntPool refuses a nonce it has seen, and two pages can go out within 1 ms.
    m_lastStampMs = qMax(m_clock->nowMs() + m_poolOffsetMs, m_lastStampMs + 1);
    PoolRequest pr = paging->request(m_account, m_page, m_lastStampMs);
    pr.request.setTransferTimeout(m_account.timeoutSecs * 1000);
    qCDebug(lcPool) << "polling" << m_account.id << redactUrl(pr.request.url()) << "page" << m_page;
    m_body = QByteArray();
    m_received = 0;
    m_reply = m_nam->sendCustomRequest(pr.request, pr.verb, pr.body);
    m_requestSent = false;
    connect(m_reply, &QNetworkReply::requestSent, this, [this] { m_requestSent = true; });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (!m_reply)
            return;
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > m_account.maxBodyBytes)
            abortWith(PollFailure::TooLarge,
                      tr("the pool's reply is too large (%1 bytes, the limit is %2)")
                          .arg(declared)
                          .arg(m_account.maxBodyBytes));
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &Poller::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &Poller::onFinished);
}

// One page's reply (any HTTP status; transport failures were handled before).
void Poller::onPageReply(QNetworkReply *reply, int status, const QByteArray &body)
{
    const PoolFormat::Paging *paging = poolFormat(m_account.provider).paging;
    const QString pool = providerTitle(m_account.provider);
    const qint64 dateSecs = parseHttpDateFields(dateHeaders(reply));
    // Whole seconds, so the estimate errs behind the pool's clock, never ahead of it.
    if (dateSecs > 0)
        m_poolOffsetMs = dateSecs * 1000 - m_clock->nowMs();
    const QString where =
        m_page != paging->firstPage || m_pagesDone > 0 ? tr(" (page %1)").arg(m_page) : QString();

    if (status == 429 || status == 418) { // too many requests; 418: the IP is banned for a while
        bool ok = false;
        const qint64 after = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
        const qint64 waitSecs = ok && after > 0 ? after : 60;
        m_limiter.blockUntil(monotonicMs() + waitSecs * 1000);
        return finishWithFailure(PollFailure::HttpStatus,
                                 tr("%1 asks RigWatch to slow down (HTTP %2): no request for %3 s")
                                         .arg(pool)
                                         .arg(status)
                                         .arg(waitSecs) +
                                     where,
                                 status);
    }
    qsizetype entries = 0;
    const PageReply page = paging->readPage(body, m_page, *m_collector, &entries);
    if (page.clockRejected && !m_clockRetried && dateSecs > 0) {
        // Signed again with the pool's clock, which this very reply gave.
        m_clockRetried = true;
        m_lastStampMs = 0; // the pool's clock may be behind the timestamps sent so far
        qCInfo(lcPool).noquote() << m_account.id << "the pool's clock differs from ours by"
                                 << m_poolOffsetMs << "ms: signing again with it";
        return sendPage();
    }
    const bool httpOk = status >= 200 && status <= 299;
    if (!page.poolError.isEmpty())
        return finishWithFailure(
            httpOk ? PollFailure::PoolError : PollFailure::HttpStatus,
            (httpOk ? page.poolError
                    : tr("%1 answered HTTP %2 (%3)").arg(pool).arg(status).arg(page.poolError)) +
                where,
            status);
    if (!httpOk) {
        QString msg = tr("%1 answered HTTP %2").arg(pool).arg(status);
        if (status == 401)
            msg += QStringLiteral(" (") +
                   QCoreApplication::translate("ProviderText", paging->unauthorizedHint) +
                   QLatin1Char(')');
        else if (status == 403)
            msg += QStringLiteral(" (") +
                   QCoreApplication::translate("ProviderText", paging->forbiddenHint) +
                   QLatin1Char(')');
        return finishWithFailure(PollFailure::HttpStatus, msg + where, status);
    }
    if (!page.error.isEmpty())
        return finishWithFailure(
            PollFailure::BadReply,
            tr("%1 sent a reply RigWatch cannot read: %2").arg(pool, page.error) + where, status);
    m_entries += entries;
    ++m_pagesDone;
    m_listTotal = page.total;
    if (page.nextPage > 0 && !m_firstPageOnly) {
        if (page.nextPage <= m_page)
            return finishWithFailure(PollFailure::BadReply,
                                     tr("%1's paging goes back from page %2 to %3")
                                         .arg(pool)
                                         .arg(m_page)
                                         .arg(page.nextPage),
                                     status);
        if (m_pagesDone >= kMaxPages)
            return finishWithFailure(
                PollFailure::BadReply,
                tr("%1 still says there is more after %2 pages").arg(pool).arg(m_pagesDone),
                status);
        m_page = page.nextPage;
        m_clockRetried = false;
        return sendPage();
    }
    ParseResult parsed = m_collector->finish(m_entries, paging->label, std::nullopt);
    m_collector.reset();
    if (!parsed.ok())
        return finishWithFailure(
            PollFailure::BadReply,
            tr("%1 sent a reply RigWatch cannot read: %2").arg(pool, parsed.error), status);
    parsed.snapshot->poolTimeSecs = dateSecs;
    qCDebug(lcPool) << m_account.id << "read" << m_pagesDone << "pages";
    succeed(std::move(*parsed.snapshot));
}

void Poller::finishWithFailure(PollFailure::Kind kind, const QString &message, int status)
{
    m_pagedPoll = false;
    m_collector.reset();
    m_stream.reset(); // an aborted reply's partial parse (and any hint it holds) goes now
    m_body = QByteArray();
    m_known = {};
    m_pace.stop();
    m_deadline.stop();
    PollFailure f;
    f.kind = kind;
    // Every reason, whatever path it took: a pool's message can echo the token.
    f.message = redactedLine(message, {m_account.secret, m_account.apiKey});
    f.httpStatus = status;
    f.durationMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    ++m_failures;
    qCWarning(lcPool).noquote() << m_account.id << "poll failed:" << f.message;
    scheduleNext();
    emit failed(f);
}

qint64 Poller::backoffDelayMs(int intervalSecs, int failures, double jitter01)
{
    const qint64 interval = qint64(intervalSecs) * 1000;
    if (failures <= 0)
        return interval;
    // 1, 2, 4 intervals, capped at 4 intervals and at 30 min (but never below one interval)
    const qint64 cap = qMax(interval, qMin<qint64>(interval * 4, 30 * 60 * 1000));
    qint64 delay = interval << qMin(failures - 1, 10);
    delay = qMin(delay, cap);
    // +-10 % jitter so that many farms behind one NAT do not synchronise
    return qMax<qint64>(1000, qint64(delay * (0.9 + 0.2 * jitter01)));
}

void Poller::scheduleNext()
{
    if (!m_running)
        return;
    const qint64 delay =
        backoffDelayMs(m_account.intervalSecs, m_failures,
                       m_failures ? QRandomGenerator::global()->generateDouble() : 0.5);
    const qint64 exact = m_failures ? delay : qint64(m_account.intervalSecs) * 1000;
    m_next.start(int(qMin<qint64>(exact, std::numeric_limits<int>::max())));
    m_nextAtMs = m_clock->nowMs() + exact;
    emit nextPollScheduled(m_nextAtMs);
}

void Poller::scheduleNextAt(qint64 atMs)
{
    if (!m_running || inFlight() || m_failures > 0)
        return;
    const qint64 now = m_clock->nowMs();
    const qint64 delay = std::clamp<qint64>(atMs - now, 0, qint64(m_account.intervalSecs) * 1000);
    m_next.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
    m_nextAtMs = now + delay;
    emit nextPollScheduled(m_nextAtMs);
}

} // namespace rw
