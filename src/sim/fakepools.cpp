#include "fakepools.h"

#include "fakef2pool.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace rw::sim {

namespace {
const QByteArray kJson = "application/json; charset=utf-8";

qint64 steadyMs()
{
    static QElapsedTimer t;
    if (!t.isValid())
        t.start();
    return t.elapsed();
}

QByteArray hmacHex(const QString &secret, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

// "12.34 TH/s", as AntPool writes rates.
QString withUnit(double hps)
{
    return QString::number(hps / 1e12, 'f', 2) + QStringLiteral(" TH/s");
}

const QList<QPair<QString, FakePools::Fault>> kFaults = {
    {QStringLiteral("none"), FakePools::Fault::None},
    {QStringLiteral("bad-key"), FakePools::Fault::BadKey},
    {QStringLiteral("forbidden"), FakePools::Fault::Forbidden},
    {QStringLiteral("error-200"), FakePools::Fault::ErrorWith200},
    {QStringLiteral("http500"), FakePools::Fault::Http500},
    {QStringLiteral("invalid-json"), FakePools::Fault::InvalidJson},
    {QStringLiteral("missing-page"), FakePools::Fault::MissingPage},
    {QStringLiteral("missing-fields"), FakePools::Fault::MissingFields},
    {QStringLiteral("rate-limited"), FakePools::Fault::RateLimited},
    {QStringLiteral("hang"), FakePools::Fault::Hang},
};

int intOr(const QString &text, int fallback)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok ? n : fallback;
}
} // namespace

FakePools::FakePools(PoolProvider provider, FakeF2pool *rigs, const Clock *clock, QObject *parent)
    : QObject(parent), m_provider(provider), m_rigs(rigs), m_clock(clock),
      m_server(new HttpServer(this))
{
    m_server->setDateSource([this] { return m_clock->nowSecs() + m_skew; });
    m_server->setHandler([this](const HttpRequest &request, HttpResponder &responder) {
        handle(request, responder);
    });
}

bool FakePools::listen(quint16 port)
{
    return m_server->listen(port);
}

std::optional<FakePools::Fault> FakePools::faultFromString(const QString &mode)
{
    for (const auto &[name, fault] : kFaults)
        if (name == mode)
            return fault;
    return std::nullopt;
}

QStringList FakePools::faultNames()
{
    QStringList names;
    for (const auto &[name, fault] : kFaults)
        names << name;
    return names;
}

std::optional<PoolProvider> FakePools::providerFromString(const QString &name)
{
    for (PoolProvider p : {PoolProvider::Braiins, PoolProvider::Binance, PoolProvider::Luxor,
                           PoolProvider::ViaBtc, PoolProvider::AntPool}) {
        AccountConfig a;
        a.provider = p;
        if (a.providerKey() == name)
            return p;
    }
    return std::nullopt;
}

QByteArray FakePools::lastRequestHeader(const QByteArray &name) const
{
    for (const auto &[k, v] : m_lastHeaders)
        if (k == name.toLower())
            return v;
    return {};
}

void FakePools::resetCounters()
{
    m_listRequests = 0;
    m_badSignatures = 0;
    m_rateHits = 0;
    m_pages.clear();
}

void FakePools::json(HttpResponder &responder, int status, const QByteArray &body,
                     const HttpHeaders &extra)
{
    HttpHeaders h{{"Content-Type", kJson}};
    h += extra;
    responder.respond(status, body, h);
}

void FakePools::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path.startsWith(QLatin1String("/sim/")))
        return handleControl(request, responder);
    m_lastHeaders = request.headers;
    switch (m_provider) {
    case PoolProvider::Braiins:
        return braiins(request, responder);
    case PoolProvider::Binance:
        return binance(request, responder);
    case PoolProvider::Luxor:
        return luxor(request, responder);
    case PoolProvider::ViaBtc:
        return viabtc(request, responder);
    case PoolProvider::AntPool:
        return antpool(request, responder);
    case PoolProvider::F2poolV2:
    case PoolProvider::F2poolV1:
        break;
    }
    responder.respond(404, "not found");
}

void FakePools::handleControl(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path == QLatin1String("/sim/fault")) {
        const auto f = faultFromString(request.queryValue(QStringLiteral("mode")));
        if (!f)
            return responder.respond(400, "unknown mode");
        m_fault = *f;
        return responder.respond(200, "ok");
    }
    if (request.path == QLatin1String("/sim/rig")) {
        const QString name = request.queryValue(QStringLiteral("name"));
        const QString state = request.queryValue(QStringLiteral("state"));
        if (state == QLatin1String("stopped"))
            m_rigs->stopRig(name);
        else if (state == QLatin1String("running"))
            m_rigs->startRig(name);
        else if (state == QLatin1String("removed"))
            m_rigs->removeRig(name);
        else
            return responder.respond(400, "state must be running, stopped or removed");
        return responder.respond(200, "ok");
    }
    if (request.path == QLatin1String("/sim/state")) {
        QJsonObject o{{QStringLiteral("requests"), m_listRequests},
                      {QStringLiteral("rejected_signatures"), m_badSignatures},
                      {QStringLiteral("rate_limit_hits"), m_rateHits},
                      {QStringLiteral("workers"), int(m_rigs->currentRows().size())}};
        return json(responder, 200, compact(o));
    }
    if (m_rigs->handleRigControl(request, responder)) // /sim/degrade, /sim/flap
        return;
    responder.respond(404, "not found");
}

// The pool's own limit, as it enforces it (docs/pool-apis.md).
bool FakePools::overRateLimit()
{
    const qint64 now = steadyMs();
    int capacity = 0;
    qint64 window = 0;
    switch (m_provider) {
    case PoolProvider::Braiins:
        capacity = 1, window = 5000;
        break;
    case PoolProvider::Binance:
        capacity = 12000 / 5, window = 60000;
        break;
    case PoolProvider::AntPool:
        capacity = 600, window = 600000;
        break;
    case PoolProvider::Luxor:
        capacity = 120, window = 60000;
        break;
    default:
        break;
    }
    while (!m_recent.empty() && m_recent.front() + window <= now)
        m_recent.pop_front();
    if (m_enforceLimit && capacity > 0 && int(m_recent.size()) >= capacity) {
        ++m_rateHits;
        return true;
    }
    m_recent.push_back(now);
    return false;
}

// kind: 0 bad key, 1 forbidden (IP / permission), 2 rate limit, 3 anything else
QByteArray FakePools::errorBody(int kind) const
{
    switch (m_provider) {
    case PoolProvider::Binance: {
        static const int codes[] = {-2015, -2015, -1003, -1000};
        static const char *msgs[] = {
            "Invalid API-key, IP, or permissions for action.",
            "Invalid API-key, IP, or permissions for action.",
            "Too many requests; please use the websocket for live updates.",
            "An unknown error occured while processing the request."};
        return compact({{QStringLiteral("code"), codes[kind]},
                        {QStringLiteral("msg"), QString::fromLatin1(msgs[kind])}});
    }
    case PoolProvider::ViaBtc: {
        static const int codes[] = {401, 12004, 429, 500};
        static const char *msgs[] = {"invalid api key", "ip not in whitelist", "too many requests",
                                     "internal error"};
        return compact({{QStringLiteral("code"), codes[kind]},
                        {QStringLiteral("data"), QJsonObject()},
                        {QStringLiteral("message"), QString::fromLatin1(msgs[kind])}});
    }
    case PoolProvider::AntPool: {
        static const char *msgs[] = {"key not exist", "no permission", "request too frequent",
                                     "system error"};
        return compact({{QStringLiteral("code"), kind + 1},
                        {QStringLiteral("message"), QString::fromLatin1(msgs[kind])}});
    }
    case PoolProvider::Luxor: {
        static const char *msgs[] = {"Invalid API key", "Forbidden: no access to subaccount",
                                     "Too Many Requests", "Internal error"};
        return compact({{QStringLiteral("error"), QString::fromLatin1(msgs[kind])}});
    }
    default: {
        static const char *msgs[] = {"Invalid token", "Access to web APIs not allowed",
                                     "Too many requests", "Internal error"};
        return compact({{QStringLiteral("detail"), QString::fromLatin1(msgs[kind])}});
    }
    }
}

bool FakePools::answerFault(HttpResponder &responder, int page)
{
    const bool errorsAre200 =
        m_provider == PoolProvider::ViaBtc || m_provider == PoolProvider::AntPool;
    switch (m_fault) {
    case Fault::None:
    case Fault::MissingFields:
        return false;
    case Fault::MissingPage:
        if (page != 2)
            return false;
        json(responder, 500, errorBody(3));
        return true;
    case Fault::BadKey:
        json(responder, errorsAre200 ? 200 : 401, errorBody(0));
        return true;
    case Fault::Forbidden:
        json(responder, errorsAre200 ? 200 : 403, errorBody(1));
        return true;
    case Fault::ErrorWith200:
        json(responder, 200, errorBody(3));
        return true;
    case Fault::Http500:
        json(responder, 500, errorBody(3));
        return true;
    case Fault::InvalidJson:
        responder.respond(200, "<html><body>502 Bad Gateway</body></html>",
                          {{"Content-Type", "text/html"}});
        return true;
    case Fault::RateLimited:
        ++m_rateHits;
        json(responder, errorsAre200 ? 200 : 429, errorBody(2), {{"Retry-After", "7"}});
        return true;
    case Fault::Hang:
        responder.hang();
        return true;
    }
    return false;
}

// ---- Braiins -------------------------------------------------------------------------------

void FakePools::braiins(const HttpRequest &request, HttpResponder &responder)
{
    if (!request.path.startsWith(QLatin1String("/accounts/workers/json/")))
        return responder.respond(404, "not found");
    QByteArray token = request.header("slushpool-auth-token");
    if (token.isEmpty())
        token = request.header("x-slushpool-auth-token");
    if (token != m_secret.toUtf8())
        return json(responder, 401, errorBody(0));
    ++m_listRequests;
    if (overRateLimit()) // the pool ignores them; an answer makes the hit visible in tests
        return json(responder, 429, errorBody(2));
    if (answerFault(responder, 1))
        return;
    const QString coin = request.path.section(QLatin1Char('/'), 4, 4);
    m_pages << 1;
    const qint64 now = m_clock->nowSecs();
    QJsonObject workers;
    for (const PoolWorkerRow &r : m_rigs->currentRows()) {
        const bool off = now - r.lastShareAt > 600;
        workers.insert(m_user + QLatin1Char('.') + r.name,
                       QJsonObject{{QStringLiteral("state"),
                                    off ? QStringLiteral("off") : QStringLiteral("ok")},
                                   {QStringLiteral("last_share"), double(r.lastShareAt)},
                                   {QStringLiteral("hash_rate_unit"), QStringLiteral("Gh/s")},
                                   {QStringLiteral("hash_rate_5m"), r.hashRate / 1e9},
                                   {QStringLiteral("hash_rate_60m"), r.h1HashRate / 1e9},
                                   {QStringLiteral("hash_rate_24h"), r.h24HashRate / 1e9},
                                   {QStringLiteral("hash_rate_scoring"), r.h1HashRate / 1e9},
                                   {QStringLiteral("shares_5m"), 0},
                                   {QStringLiteral("shares_60m"), 0},
                                   {QStringLiteral("shares_24h"), 0}});
    }
    QJsonObject coinObject{{QStringLiteral("workers"), workers}};
    if (m_fault == Fault::MissingFields)
        coinObject = QJsonObject{{QStringLiteral("note"), QStringLiteral("maintenance")}};
    json(responder, 200, compact({{coin, coinObject}}));
}

// ---- Binance -------------------------------------------------------------------------------

void FakePools::binance(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path != QLatin1String("/sapi/v1/mining/worker/list"))
        return responder.respond(404, "not found");
    if (request.header("x-mbx-apikey") != m_key.toUtf8())
        return json(responder, 401, errorBody(0));
    const QByteArray raw = request.rawQuery;
    const qsizetype at = raw.indexOf("&signature=");
    if (at < 0 || hmacHex(m_secret, raw.left(at)) != raw.mid(at + 11).toLower()) {
        ++m_badSignatures;
        return json(responder, 400,
                    compact({{QStringLiteral("code"), -1022},
                             {QStringLiteral("msg"),
                              QStringLiteral("Signature for this request is not valid.")}}));
    }
    ++m_listRequests;
    bool ok = false;
    const qint64 ts = request.queryValue(QStringLiteral("timestamp")).toLongLong(&ok);
    const qint64 recv = intOr(request.queryValue(QStringLiteral("recvWindow")), 5000);
    const qint64 serverMs = m_clock->nowMs() + m_skew * 1000;
    if (!ok || ts < serverMs - recv || ts > serverMs + 1000)
        return json(responder, 400,
                    compact({{QStringLiteral("code"), -1021},
                             {QStringLiteral("msg"),
                              QStringLiteral("Timestamp for this request is outside of the "
                                             "recvWindow.")}}));
    if (overRateLimit())
        return json(responder, 429, errorBody(2), {{"Retry-After", "30"}});
    const int page = qMax(1, intOr(request.queryValue(QStringLiteral("pageIndex")), 1));
    if (answerFault(responder, page))
        return;
    if (request.queryValue(QStringLiteral("userName")) != m_user)
        return json(responder, 200,
                    compact({{QStringLiteral("code"), -10010},
                             {QStringLiteral("msg"), QStringLiteral("Mining account not found")}}));
    m_pages << page;
    const int size = m_maxPageSize > 0 ? m_maxPageSize : 20;
    const QVector<PoolWorkerRow> rows = m_rigs->currentRows();
    const qint64 now = m_clock->nowSecs();
    QJsonArray list;
    for (qsizetype i = qsizetype(page - 1) * size; i < rows.size() && i < qsizetype(page) * size;
         ++i) {
        const PoolWorkerRow &r = rows.at(i);
        list.append(QJsonObject{{QStringLiteral("workerId"), QString::number(1000 + i)},
                                {QStringLiteral("workerName"), r.name},
                                {QStringLiteral("status"), now - r.lastShareAt > 600 ? 2 : 1},
                                {QStringLiteral("hashRate"), r.hashRate},
                                {QStringLiteral("dayHashRate"), r.h24HashRate},
                                {QStringLiteral("rejectRate"), 0},
                                {QStringLiteral("lastShareTime"), double(r.lastShareAt) * 1000}});
    }
    QJsonObject data{{QStringLiteral("workerDatas"), list},
                     {QStringLiteral("totalNum"), int(rows.size())},
                     {QStringLiteral("pageSize"), size}};
    if (m_fault == Fault::MissingFields)
        data.remove(QStringLiteral("workerDatas"));
    json(responder, 200,
         compact({{QStringLiteral("code"), 0},
                  {QStringLiteral("msg"), QString()},
                  {QStringLiteral("data"), data}}));
}

// ---- Luxor ---------------------------------------------------------------------------------

void FakePools::luxor(const HttpRequest &request, HttpResponder &responder)
{
    if (!request.path.startsWith(QLatin1String("/api/v1/pool/workers/")))
        return responder.respond(404, "not found");
    if (request.header("authorization") != m_secret.toUtf8())
        return json(responder, 401, errorBody(0));
    ++m_listRequests;
    if (overRateLimit())
        return json(responder, 429, errorBody(2), {{"Retry-After", "10"}});
    const int page = qMax(1, intOr(request.queryValue(QStringLiteral("page_number")), 1));
    if (answerFault(responder, page))
        return;
    if (request.queryValue(QStringLiteral("subaccount_names")) != m_user)
        return json(responder, 403, errorBody(1));
    m_pages << page;
    const int max = m_maxPageSize > 0 ? m_maxPageSize : 1000;
    const int size = qBound(1, intOr(request.queryValue(QStringLiteral("page_size")), 10), max);
    const QVector<PoolWorkerRow> rows = m_rigs->currentRows();
    const qint64 now = m_clock->nowSecs();
    QJsonArray list;
    int active = 0;
    for (const PoolWorkerRow &r : rows)
        active += now - r.lastShareAt <= 600 ? 1 : 0;
    for (qsizetype i = qsizetype(page - 1) * size; i < rows.size() && i < qsizetype(page) * size;
         ++i) {
        const PoolWorkerRow &r = rows.at(i);
        list.append(QJsonObject{{QStringLiteral("id"), int(i + 1)},
                                {QStringLiteral("currency_type"), QStringLiteral("BTC")},
                                {QStringLiteral("subaccount_name"), m_user},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("firmware"), QStringLiteral("LuxOS")},
                                {QStringLiteral("hashrate"), r.hashRate},
                                {QStringLiteral("efficiency"), 0.99},
                                {QStringLiteral("stale_shares"), 0},
                                {QStringLiteral("rejected_shares"), 0},
                                {QStringLiteral("last_share_time"), iso(r.lastShareAt)},
                                {QStringLiteral("status"), now - r.lastShareAt > 600
                                                               ? QStringLiteral("INACTIVE")
                                                               : QStringLiteral("ACTIVE")}});
    }
    const bool more = qsizetype(page) * size < rows.size();
    const QString next = QStringLiteral("%1/api/v1/pool/workers/BTC?subaccount_names=%2&"
                                        "page_number=%3&page_size=%4")
                             .arg(baseUrl().toString(), m_user)
                             .arg(page + 1)
                             .arg(size);
    QJsonObject o{
        {QStringLiteral("currency_type"), QStringLiteral("BTC")},
        {QStringLiteral("total_active"), active},
        {QStringLiteral("total_inactive"), int(rows.size()) - active},
        {QStringLiteral("workers"), list},
        {QStringLiteral("pagination"),
         QJsonObject{{QStringLiteral("page_number"), page},
                     {QStringLiteral("page_size"), size},
                     {QStringLiteral("item_count"), int(rows.size())},
                     {QStringLiteral("previous_page_url"), QJsonValue()},
                     {QStringLiteral("next_page_url"), more ? QJsonValue(next) : QJsonValue()}}}};
    if (m_fault == Fault::MissingFields)
        o.remove(QStringLiteral("workers"));
    json(responder, 200, compact(o));
}

// ---- ViaBTC --------------------------------------------------------------------------------

void FakePools::viabtc(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path != QLatin1String("/res/openapi/v1/hashrate/worker"))
        return responder.respond(404, "not found");
    if (request.header("x-api-key") != m_secret.toUtf8())
        return json(responder, 200, errorBody(0));
    ++m_listRequests;
    const int page = qMax(1, intOr(request.queryValue(QStringLiteral("page")), 1));
    if (answerFault(responder, page))
        return;
    m_pages << page;
    const int max = m_maxPageSize > 0 ? m_maxPageSize : 100;
    const int size = qBound(1, intOr(request.queryValue(QStringLiteral("limit")), 50), max);
    const QVector<PoolWorkerRow> rows = m_rigs->currentRows();
    const qint64 now = m_clock->nowSecs();
    QJsonArray list;
    for (qsizetype i = qsizetype(page - 1) * size; i < rows.size() && i < qsizetype(page) * size;
         ++i) {
        const PoolWorkerRow &r = rows.at(i);
        list.append(QJsonObject{
            {QStringLiteral("worker_id"), int(i + 1)},
            {QStringLiteral("worker_name"), r.name},
            {QStringLiteral("worker_status"),
             now - r.lastShareAt > 600 ? QStringLiteral("unactive") : QStringLiteral("active")},
            {QStringLiteral("hashrate_10min"), QString::number(r.hashRate, 'f', 0)},
            {QStringLiteral("hashrate_1hour"), QString::number(r.h1HashRate, 'f', 0)},
            {QStringLiteral("hashrate_24hour"), QString::number(r.h24HashRate, 'f', 0)},
            {QStringLiteral("reject_rate"), QStringLiteral("0.001")},
            {QStringLiteral("last_active"), double(r.lastShareAt)}});
    }
    const int pages = int((rows.size() + size - 1) / size);
    QJsonObject data{
        {QStringLiteral("count"), int(list.size())}, {QStringLiteral("curr_page"), page},
        {QStringLiteral("has_next"), page < pages},  {QStringLiteral("total"), int(rows.size())},
        {QStringLiteral("total_page"), pages},       {QStringLiteral("data"), list}};
    if (m_fault == Fault::MissingFields)
        data.remove(QStringLiteral("data"));
    json(responder, 200,
         compact({{QStringLiteral("code"), 0},
                  {QStringLiteral("data"), data},
                  {QStringLiteral("message"), QStringLiteral("OK")}}));
}

// ---- AntPool -------------------------------------------------------------------------------

void FakePools::antpool(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path != QLatin1String("/api/userWorkerList.htm") || request.method != "POST")
        return responder.respond(404, "not found");
    QHash<QString, QString> form;
    for (const auto &[k, v] : HttpRequest::parseForm(request.body))
        form.insert(k, v);
    if (form.value(QStringLiteral("key")) != m_key)
        return json(responder, 200, errorBody(0));
    const QString nonce = form.value(QStringLiteral("nonce"));
    const QByteArray expected =
        hmacHex(m_secret, m_user.toUtf8() + m_key.toUtf8() + nonce.toUtf8()).toUpper();
    if (form.value(QStringLiteral("signature")).toUtf8() != expected) {
        ++m_badSignatures;
        return json(responder, 200,
                    compact({{QStringLiteral("code"), 5},
                             {QStringLiteral("message"), QStringLiteral("signature error")}}));
    }
    const qint64 n = nonce.toLongLong();
    if (n <= m_lastNonce)
        return json(responder, 200,
                    compact({{QStringLiteral("code"), 6},
                             {QStringLiteral("message"), QStringLiteral("nonce error")}}));
    m_lastNonce = n;
    ++m_listRequests;
    if (overRateLimit())
        return json(responder, 200, errorBody(2));
    const int page = qMax(1, intOr(form.value(QStringLiteral("page")), 1));
    if (answerFault(responder, page))
        return;
    m_pages << page;
    const int max = m_maxPageSize > 0 ? m_maxPageSize : 50;
    const int size = qBound(1, intOr(form.value(QStringLiteral("pageSize")), 10), max);
    const QVector<PoolWorkerRow> rows = m_rigs->currentRows();
    QJsonArray list;
    for (qsizetype i = qsizetype(page - 1) * size; i < rows.size() && i < qsizetype(page) * size;
         ++i) {
        const PoolWorkerRow &r = rows.at(i);
        list.append(
            QJsonObject{{QStringLiteral("workerId"), QString(m_user + QLatin1Char('.') + r.name)},
                        {QStringLiteral("hsLast10min"), withUnit(r.hashRate)},
                        {QStringLiteral("hsLast1h"), withUnit(r.h1HashRate)},
                        {QStringLiteral("hsLast1d"), withUnit(r.h24HashRate)},
                        {QStringLiteral("rejectRatio"), QStringLiteral("0.01%")},
                        {QStringLiteral("shareLastTime"), double(r.lastShareAt) * 1000}});
    }
    const int pages = int((rows.size() + size - 1) / size);
    QJsonObject result{{QStringLiteral("rows"), list},
                       {QStringLiteral("page"), page},
                       {QStringLiteral("pageSize"), size},
                       {QStringLiteral("totalPage"), pages},
                       {QStringLiteral("totalRecord"), int(rows.size())}};
    if (m_fault == Fault::MissingFields)
        result.remove(QStringLiteral("rows"));
    json(responder, 200,
         compact({{QStringLiteral("code"), 0},
                  {QStringLiteral("message"), QStringLiteral("ok")},
                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("result"), result}}}}));
}

} // namespace rw::sim
