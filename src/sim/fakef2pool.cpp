#include "fakef2pool.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <utility>

namespace rw::sim {

namespace {
const QByteArray kJson = "application/json; charset=utf-8";

double clamp01(double v)
{
    return qBound(0.0, v, 1.0);
}
} // namespace

FakeF2pool::FakeF2pool(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_server(new HttpServer(this))
{
    m_server->setDateSource([this] { return m_clock->nowSecs() + m_skew; });
    m_server->setHandler([this](const HttpRequest &request, HttpResponder &responder) {
        handle(request, responder);
    });
}

bool FakeF2pool::listen(quint16 port)
{
    if (!m_server->listen(port)) {
        qCWarning(lcSim) << "fake f2pool cannot listen on port" << port << m_server->errorString();
        return false;
    }
    return true;
}

// ---- rigs ----------------------------------------------------------------------------------

void FakeF2pool::addRigs(int n, const QString &prefix)
{
    int existing = 0;
    for (const Rig &r : std::as_const(m_rigs))
        existing += r.name.startsWith(prefix) ? 1 : 0;
    const int width = qMax(2, int(QString::number(existing + n).size()));
    for (int i = 0; i < n; ++i) {
        const int number = existing + i + 1;
        const double rate = 100e12 * (1.0 + 0.1 * (m_rng.generateDouble() - 0.5));
        addRig(prefix + QStringLiteral("%1").arg(number, width, 10, QLatin1Char('0')), rate,
               QStringLiteral("198.51.100.%1").arg((number - 1) % 254 + 1));
    }
}

void FakeF2pool::addRig(const QString &name, double hashRate, const QString &host)
{
    if (rig(name, false)) {
        qCWarning(lcSim) << "rig" << name << "already exists";
        return;
    }
    Rig r;
    r.name = name;
    r.host = host;
    r.baseRate = hashRate;
    r.sharePeriod = 10 + int(m_rng.bounded(50));
    r.sharePhase = int(m_rng.bounded(r.sharePeriod));
    m_rigIndex.insert(name, m_rigs.size());
    m_rigs.append(r);
}

QStringList FakeF2pool::rigNames() const
{
    QStringList names;
    for (const Rig &r : m_rigs)
        names.append(r.name);
    return names;
}

void FakeF2pool::stopRig(const QString &name)
{
    if (Rig *r = rig(name); r && !r->stoppedAt)
        r->stoppedAt = m_clock->nowSecs();
}

void FakeF2pool::startRig(const QString &name)
{
    if (Rig *r = rig(name)) {
        const qint64 now = m_clock->nowSecs();
        if (r->stoppedAt || r->removedAt || flapSilentSince(*r, now))
            r->startedAt = now;
        r->stoppedAt.reset();
        r->removedAt.reset();
        r->flapPeriod = 0;
    }
}

void FakeF2pool::degradeRig(const QString &name, double factor)
{
    if (Rig *r = rig(name))
        r->rateSteps.append({m_clock->nowSecs(), qBound(0.0, factor, kMaxRateFactor)});
}

void FakeF2pool::flapRig(const QString &name, qint64 periodSecs)
{
    Rig *r = rig(name);
    if (!r)
        return;
    const qint64 now = m_clock->nowSecs();
    if (periodSecs <= 0) {
        if (flapSilentSince(*r, now))
            r->startedAt = now;
        r->flapPeriod = 0;
        return;
    }
    r->flapSince = now;
    r->flapPeriod = periodSecs;
}

double FakeF2pool::rigRateFactor(const QString &name) const
{
    const Rig *r = rig(name);
    return r ? rateFactor(*r, m_clock->nowSecs(), 0) : 1;
}

qint64 FakeF2pool::rigFlapPeriod(const QString &name) const
{
    const Rig *r = rig(name);
    return r ? r->flapPeriod : 0;
}

void FakeF2pool::removeRig(const QString &name)
{
    if (Rig *r = rig(name))
        r->removedAt = m_clock->nowSecs();
}

void FakeF2pool::setRigStoppedSince(const QString &name, qint64 lastShareAt)
{
    if (Rig *r = rig(name))
        r->stoppedAt = lastShareAt;
}

void FakeF2pool::scheduleOutage(const QString &name, qint64 startAt, qint64 durationSecs)
{
    if (Rig *r = rig(name))
        r->outages.append({startAt, startAt + qMax<qint64>(0, durationSecs)});
}

void FakeF2pool::scheduleRemoval(const QString &name, qint64 at)
{
    if (Rig *r = rig(name))
        r->removedAt = at;
}

bool FakeF2pool::isRigUp(const QString &name) const
{
    const Rig *r = rig(name);
    return r && up(*r, m_clock->nowSecs());
}

bool FakeF2pool::isRigListed(const QString &name) const
{
    const Rig *r = rig(name);
    return r && listed(*r, m_clock->nowSecs());
}

std::optional<qint64> FakeF2pool::rigLastShareAt(const QString &name) const
{
    if (const Rig *r = rig(name))
        return lastShare(*r, m_clock->nowSecs());
    return std::nullopt;
}

QVector<PoolWorkerRow> FakeF2pool::currentRows() const
{
    const qint64 now = m_clock->nowSecs();
    QVector<PoolWorkerRow> rows;
    rows.reserve(m_rigs.size());
    for (const Rig &r : m_rigs)
        if (listed(r, now))
            rows.append(row(r, now));
    return rows;
}

FakeF2pool::Rig *FakeF2pool::rig(const QString &name, bool warnIfMissing)
{
    // Rigs are only ever appended, so an index into m_rigs stays right (a linear search made a
    // 100,000-rig farm take half a minute to build).
    const auto it = m_rigIndex.constFind(name);
    if (it != m_rigIndex.cend())
        return &m_rigs[*it];
    if (warnIfMissing)
        qCWarning(lcSim) << "no rig named" << name;
    return nullptr;
}

const FakeF2pool::Rig *FakeF2pool::rig(const QString &name) const
{
    return const_cast<FakeF2pool *>(this)->rig(name);
}

bool FakeF2pool::up(const Rig &r, qint64 now) const
{
    if (r.stoppedAt && *r.stoppedAt <= now)
        return false;
    for (const auto &o : r.outages)
        if (o.first <= now && now < o.second)
            return false;
    return !flapSilentSince(r, now);
}

// A flapping rig's phases count from flapSince: even ones silent, odd ones sharing.
std::optional<qint64> FakeF2pool::flapSilentSince(const Rig &r, qint64 now) const
{
    if (r.flapPeriod <= 0 || now < r.flapSince)
        return std::nullopt;
    const qint64 phase = (now - r.flapSince) / r.flapPeriod;
    if (phase % 2)
        return std::nullopt;
    return r.flapSince + phase * r.flapPeriod;
}

qint64 FakeF2pool::upSince(const Rig &r, qint64 now) const
{
    qint64 since = r.startedAt;
    for (const auto &o : r.outages)
        if (o.second <= now)
            since = qMax(since, o.second);
    if (r.flapPeriod > 0 && now >= r.flapSince + r.flapPeriod) // a sharing phase
        since = qMax(since, r.flapSince + (now - r.flapSince) / r.flapPeriod * r.flapPeriod);
    return since;
}

double FakeF2pool::rateFactor(const Rig &r, qint64 now, qint64 windowSecs) const
{
    double factor = 1; // before the first step
    if (windowSecs <= 0) {
        for (const auto &step : r.rateSteps)
            if (step.first <= now)
                factor = step.second;
        return factor;
    }
    // The mean of a step function over [now - window, now].
    const qint64 from = now - windowSecs;
    qint64 t = from;
    double sum = 0;
    for (const auto &step : r.rateSteps) {
        if (step.first > now)
            break;
        if (step.first > t) {
            sum += factor * double(step.first - t);
            t = step.first;
        }
        factor = step.second;
    }
    sum += factor * double(now - t);
    return sum / double(windowSecs);
}

qint64 FakeF2pool::lastShare(const Rig &r, qint64 now) const
{
    if (!up(r, now)) {
        // The last share is where the current outage began.
        qint64 since = std::numeric_limits<qint64>::max();
        if (r.stoppedAt && *r.stoppedAt <= now)
            since = *r.stoppedAt;
        for (const auto &o : r.outages)
            if (o.first <= now && now < o.second)
                since = qMin(since, o.first);
        if (const std::optional<qint64> silent = flapSilentSince(r, now))
            since = qMin(since, *silent);
        return since;
    }
    const qint64 sharingSince = upSince(r, now);
    // Shares arrive on a per-rig rhythm, so last_share_at is 0..60 s old and never moves back.
    const qint64 sinceShare =
        ((now - r.sharePhase) % r.sharePeriod + r.sharePeriod) % r.sharePeriod;
    return qMax(now - sinceShare, qMin(sharingSince, now));
}

bool FakeF2pool::listed(const Rig &r, qint64 now) const
{
    if (r.removedAt && *r.removedAt <= now)
        return false;
    return m_dropAfter <= 0 || up(r, now) || now - lastShare(r, now) < m_dropAfter;
}

PoolWorkerRow FakeF2pool::row(const Rig &r, qint64 now) const
{
    const bool isUp = up(r, now);
    PoolWorkerRow w;
    w.name = r.name;
    w.host = r.host;
    w.lastShareAt = lastShare(r, now);
    w.status = f2pool::statusFor(w.lastShareAt, now);
    // Averages fall off while a rig is down and build up after it returns; rough is enough.
    double frac1 = 1;
    double frac24 = 1;
    if (isUp) {
        const qint64 since = upSince(r, now);
        if (since > 0) {
            frac1 = clamp01(double(now - since) / 3'600);
            frac24 = clamp01(0.5 + double(now - since) / 86'400);
        }
    } else {
        frac1 = clamp01(1.0 - double(now - w.lastShareAt) / 3'600);
        frac24 = clamp01(1.0 - double(now - w.lastShareAt) / 86'400);
    }
    auto jitter = [this](double span) { return 1.0 + span * (m_rng.generateDouble() - 0.5) * 2; };
    // A degraded rig: the short window shows it at once, the longer ones as they fill.
    w.hashRate = isUp ? r.baseRate * rateFactor(r, now, 0) * jitter(0.04) : 0;
    w.h1HashRate = r.baseRate * rateFactor(r, now, 3'600) * frac1 * jitter(0.01);
    w.h24HashRate = r.baseRate * rateFactor(r, now, 86'400) * frac24 * jitter(0.005);
    w.h1StaleHashRate = w.h1HashRate * 0.004 * jitter(0.5);
    w.h24StaleHashRate = w.h24HashRate * 0.004;
    w.h24DelayHashRate = w.h24HashRate * 0.001;
    w.localHashRate = w.hashRate * 1.02;
    w.h24LocalHashRate = w.h24HashRate * 1.02;
    return w;
}

// ---- requests ------------------------------------------------------------------------------

void FakeF2pool::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path.startsWith(QLatin1String("/sim/"))) {
        handleControl(request, responder);
        return;
    }
    ++m_requestsByPath[request.path];
    m_lastHeaders = request.headers;
    m_lastBody = request.body;
    m_lastPath = request.path;
    if (request.path.startsWith(QLatin1String("/v2/")))
        handleV2(request, responder);
    else
        handleV1(request, responder);
    Q_EMIT requestServed(request.path);
}

void FakeF2pool::handleV2(const HttpRequest &request, HttpResponder &responder)
{
    const QString &path = request.path;
    const bool workers = path == QLatin1String("/v2/hash_rate/worker/list");
    const bool info = path == QLatin1String("/v2/hash_rate/info");
    const bool users = path == QLatin1String("/v2/mining_user/list");
    if (applyFault(responder))
        return;
    if (!workers && !info && !users) {
        responder.respond(404, "404 page not found", {{"Content-Type", "text/plain"}});
        return;
    }
    if (request.method != "POST") {
        responder.respond(405, "405 method not allowed", {{"Content-Type", "text/plain"}});
        return;
    }
    // Never echo the token: the product's logs may carry this message.
    if (!m_secret.isEmpty() && request.header("f2p-api-secret") != m_secret.toUtf8()) {
        replyJson(responder, m_errorStatus,
                  f2pool::error(5010, QStringLiteral("permission denied: the API secret is "
                                                     "missing, invalid or lacks this scope")));
        return;
    }
    if (users) {
        replyJson(responder, 200, f2pool::v2MiningUserList(m_user, m_currency, m_address));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = doc.object();
    auto paramsError = [&](const QString &why) {
        replyJson(responder, m_errorStatus,
                  f2pool::error(5001, QStringLiteral("params error: ") + why));
    };
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return paramsError(QStringLiteral("body is not a JSON object"));
    const QString user = body.value(QLatin1String("mining_user_name")).toString();
    const QString address = body.value(QLatin1String("address")).toString();
    const QString currency = body.value(QLatin1String("currency")).toString();
    if (user.isEmpty() && address.isEmpty())
        return paramsError(QStringLiteral("mining_user_name or address is required"));
    if (currency.isEmpty())
        return paramsError(QStringLiteral("currency is required"));
    if ((!user.isEmpty() && user != m_user) || (user.isEmpty() && address != m_address))
        return paramsError(QStringLiteral("mining user not found"));
    if (currency != m_currency)
        return paramsError(
            QStringLiteral("currency %1 is not enabled for this user").arg(currency));

    const QVector<PoolWorkerRow> rows = currentRows();
    replyJson(responder, 200,
              workers ? f2pool::v2WorkerList(rows) : f2pool::v2Info(m_user, m_currency, rows));
}

void FakeF2pool::handleV1(const HttpRequest &request, HttpResponder &responder)
{
    if (applyFault(responder))
        return;
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 2) {
        responder.respond(404, "404 page not found", {{"Content-Type", "text/plain"}});
        return;
    }
    if (request.method != "GET") {
        responder.respond(405, "405 method not allowed", {{"Content-Type", "text/plain"}});
        return;
    }
    // v1 needs no token; a token that is sent must be right.
    if (!m_secret.isEmpty() && request.hasHeader("f2p-api-secret") &&
        request.header("f2p-api-secret") != m_secret.toUtf8()) {
        replyJson(responder, 401, f2pool::error(401, QStringLiteral("unauthorized")));
        return;
    }
    if (parts[0] != m_currency || parts[1] != m_user) {
        replyJson(responder, 404, f2pool::error(404, QStringLiteral("user not found")));
        return;
    }
    replyJson(responder, 200, f2pool::v1Reply(currentRows(), m_clock->nowSecs()));
}

void FakeF2pool::replyJson(HttpResponder &responder, int status, const QByteArray &body)
{
    // Faults that need the real reply (drip it, cut it) act here; the rest in applyFault().
    switch (m_fault) {
    case Fault::Drip:
        responder.drip(status, body, {{"Content-Type", kJson}}, m_dripIntervalMs, true);
        return;
    case Fault::TruncatedJson:
        responder.truncate(status, body, body.size() / 2, {{"Content-Type", kJson}});
        return;
    case Fault::ChunkExtensions:
        responder.streamChunked(
            status, {{"Content-Type", kJson}},
            [body, sent = false]() mutable {
                return std::exchange(sent, true) ? QByteArray() : body;
            },
            m_chunkExtensionBytes);
        return;
    default:
        responder.respond(status, body, {{"Content-Type", kJson}});
    }
}

bool FakeF2pool::applyFault(HttpResponder &responder)
{
    switch (m_fault) {
    case Fault::None:
    case Fault::Drip:
    case Fault::TruncatedJson:
    case Fault::ChunkExtensions:
        return false;
    case Fault::Hang:
        responder.hang();
        return true;
    case Fault::Http500:
        responder.respond(500, "<html><body><h1>500 Internal Server Error</h1></body></html>\n",
                          {{"Content-Type", "text/html"}});
        return true;
    case Fault::Http401:
        responder.respond(401,
                          f2pool::error(5010, QStringLiteral("permission denied: unauthorized")),
                          {{"Content-Type", kJson}});
        return true;
    case Fault::ErrorCode5010:
        responder.respond(m_errorStatus,
                          f2pool::error(5010, QStringLiteral("permission denied: this token "
                                                             "has no access to this endpoint")),
                          {{"Content-Type", kJson}});
        return true;
    case Fault::InvalidJson:
        // What a captive proxy or a CDN error page looks like: 200, but not JSON.
        responder.respond(200,
                          "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                          "<body>Checking your browser</body></html>\n",
                          {{"Content-Type", "text/html; charset=UTF-8"}});
        return true;
    case Fault::Oversized: {
        f2pool::ChunkedBody body =
            f2pool::oversizedWorkerList(m_oversizedBytes, m_clock->nowSecs());
        responder.stream(200, {{"Content-Type", kJson}},
                         m_oversizedSendsLength ? body.totalBytes : -1, std::move(body.next));
        return true;
    }
    case Fault::ChunkedFlood: {
        f2pool::ChunkedBody body =
            f2pool::oversizedWorkerList(m_oversizedBytes, m_clock->nowSecs());
        responder.streamChunked(200, {{"Content-Type", kJson}}, std::move(body.next));
        return true;
    }
    case Fault::EndlessHeader:
        responder.streamRaw([started = false]() mutable -> QByteArray {
            if (!std::exchange(started, true))
                return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ";
            return QByteArray(64 * 1024, 'a');
        });
        return true;
    case Fault::Refused:
        // Only reached by a request that raced the listener closing.
        responder.closeWithoutAnswer();
        return true;
    case Fault::EmptyList:
        // Both APIs read "workers" from the top-level object; v1's other fields are optional.
        responder.respond(200, "{\"workers\":[]}", {{"Content-Type", kJson}});
        return true;
    case Fault::DeepJson: {
        constexpr int kLevels = 60000;
        responder.respond(200,
                          "{\"x\":" + QByteArray(kLevels, '[') + QByteArray(kLevels, ']') +
                              ",\"workers\":[]}",
                          {{"Content-Type", kJson}});
        return true;
    }
    }
    return false;
}

} // namespace rw::sim
