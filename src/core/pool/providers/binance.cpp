// Binance Pool: the mining REST API's signed, paged worker list ("Request for Miner List").
#include "pool/fast/fastpagereader.h"
#include "pool/poolvalues.h"
#include "pool/providers/pagedcommon.h"
#include "pool/providers/providers.h"
#include "pool/workercollector.h"

#include <QDateTime>
#include <QJsonArray>

namespace rw {
namespace {
using namespace providers;

// Binance names the algorithm, not the coin.
QString algoOf(const QString &currency)
{
    const QString c = currency.toLower();
    if (c == QLatin1String("bitcoin") || c == QLatin1String("bitcoin-cash") ||
        c == QLatin1String("btc") || c == QLatin1String("bch"))
        return QStringLiteral("sha256");
    if (c == QLatin1String("litecoin") || c == QLatin1String("dogecoin") ||
        c == QLatin1String("ltc"))
        return QStringLiteral("scrypt");
    return c; // "sha256", "scrypt", ... written as they are
}

// A request is accepted within recvWindow ms after its timestamp (at most 60,000); the
// timestamp comes from the pool's clock as the poller knows it (its Date headers).
constexpr int kRecvWindowMs = 10000;

PoolRequest request(const AccountConfig &a, int page, qint64 poolNowMs)
{
    const QByteArray query = "algo=" + QUrl::toPercentEncoding(algoOf(a.currency)) +
                             "&userName=" + QUrl::toPercentEncoding(a.user) +
                             "&pageIndex=" + QByteArray::number(page) +
                             "&recvWindow=" + QByteArray::number(kRecvWindowMs) +
                             "&timestamp=" + QByteArray::number(poolNowMs);
    QUrl url = apiUrl(a.url, QStringLiteral("/sapi/v1/mining/worker/list"));
    // The signature covers the query exactly as sent.
    url.setQuery(QString::fromLatin1(query + "&signature=" + hmacSha256Hex(a.secret, query)),
                 QUrl::StrictMode);
    PoolRequest r;
    r.verb = "GET";
    r.request = apiRequest(url);
    r.request.setRawHeader("X-MBX-APIKEY", a.apiKey.toUtf8());
    return r;
}

QString errorText(qint64 code, const QString &msg)
{
    QString what;
    switch (code) {
    case -2015:
    case -2014:
    case -2008:
    case -1002:
        what = ProviderText::tr("the API key, this IP address or the key's permissions were "
                                "refused: check the key, its IP whitelist and that it may read "
                                "the mining pool");
        break;
    case -1022:
        what = ProviderText::tr("the signature was refused: check the API secret");
        break;
    case -1021:
        what = ProviderText::tr("the request's timestamp is outside the pool's window: check the "
                                "computer's clock");
        break;
    case -1003:
        what = ProviderText::tr("too many requests from this IP address");
        break;
    }
    const QString head = ProviderText::tr("Binance Pool error %1").arg(code);
    QString text = head;
    if (!what.isEmpty())
        text += QStringLiteral(": ") + what;
    if (!msg.isEmpty())
        text += what.isEmpty() ? QStringLiteral(": ") + msg
                               : QString(QStringLiteral(" (") + msg + QLatin1Char(')'));
    return text;
}

// The worker's status as its number (1, 2, 3; 0 for anything else), without converting a
// number beyond int (undefined).
int statusCode(double status)
{
    return status >= 1 && status < 4 ? int(status) : 0;
}

void readWorker(const QJsonObject &w, WorkerSample &s)
{
    s.hashRate = poolHashRate(w.value(QLatin1String("hashRate"))).value_or(0);
    s.hashRate24h = poolHashRate(w.value(QLatin1String("dayHashRate"))).value_or(0);
    s.lastShareAt = poolTime(w.value(QLatin1String("lastShareTime"))).value_or(0);
    switch (statusCode(poolNumber(w.value(QLatin1String("status"))).value_or(0))) {
    case 1:
        s.poolState = QStringLiteral("valid");
        break;
    case 2:
        s.poolState = QStringLiteral("invalid");
        break;
    case 3:
        s.poolState = QStringLiteral("no longer valid");
        break;
    }
}

// The paging fields of "data": a total of workers and a page size.
void readPaging(const QJsonObject &data, int page, qsizetype entries, PageReply *r)
{
    r->total = countOf(data.value(QLatin1String("totalNum")));
    qint64 pageSize = countOf(data.value(QLatin1String("pageSize")));
    if (pageSize <= 0 && r->total >= 0)
        pageSize = 20; // the documented size
    r->nextPage = nextPage(page, 1, -1, r->total, pageSize, entries);
}

// {"code":0,"msg":"","data":{"workerDatas":[...],"totalNum":N,"pageSize":20}}
PageReply read(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (!readRoot(body, &root, &r))
        return r;
    bool hasCode = false;
    if (readErrorCode(root, &r, errorText, &hasCode)) {
        r.clockRejected = codeOf(root) == -1021;
        return r;
    }
    const QJsonValue dataValue = root.value(QLatin1String("data"));
    if (!hasCode && !dataValue.isObject()) {
        missingList(root, true, "Binance Pool",
                    ProviderText::tr("reply has neither \"code\" nor \"data\""), &r);
        return r;
    }
    if (dataValue.isNull()) { // an account without workers
        *entries = 0;
        return r;
    }
    if (!dataValue.isObject()) {
        r.error = ProviderText::tr("reply's \"data\" is not an object");
        return r;
    }
    const QJsonObject data = dataValue.toObject();
    const QJsonValue listValue = data.value(QLatin1String("workerDatas"));
    if (!listValue.isArray() && !listValue.isNull()) {
        r.error = ProviderText::tr("reply has no \"workerDatas\" list");
        return r;
    }
    *entries = readWorkerList(listValue.toArray(), c, {"workerName"}, readWorker);
    readPaging(data, page, *entries, &r);
    return r;
}

// readWorker() on the fast path's values (fastpagereader.h).
bool fastWorker(const fastpage::Value *f, WorkerSample *s, std::string_view *name,
                fastpage::EntryContext &)
{
    enum
    {
        Name,
        Rate,
        DayRate,
        LastShare,
        Status
    };
    if (f[Name].kind != fastpage::Value::String || f[Name].text.empty())
        return false; // a number or no name: read()'s rules
    *name = f[Name].text;
    s->hashRate = fastpage::poolHashRate(f[Rate]).value_or(0);
    s->hashRate24h = fastpage::poolHashRate(f[DayRate]).value_or(0);
    s->lastShareAt = fastpage::poolTime(f[LastShare]).value_or(0);
    switch (statusCode(fastpage::poolNumber(f[Status]).value_or(0))) {
    case 1:
        s->poolState = QStringLiteral("valid");
        break;
    case 2:
        s->poolState = QStringLiteral("invalid");
        break;
    case 3:
        s->poolState = QStringLiteral("no longer valid");
        break;
    }
    return true;
}

const fastpage::Spec kFast{{"data", "workerDatas"},
                           2,
                           {"workerName", "hashRate", "dayHashRate", "lastShareTime", "status"},
                           5,
                           false,
                           false,
                           fastWorker};

// A page of workers (code 0 or none), quicker; anything else is read().
bool fastRead(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries,
              PageReply *r)
{
    return fastReadCodedPage(body, kFast, 1, readPaging, page, c, entries, r);
}

const PoolFormat::Paging kPaging{
    "Binance Pool", request, read, 1,
    // Weight 5 a request against the IP's 12,000 a minute: half of it, for the farm's other
    // programs on the same IP.
    RateLimit{6000, 5, 60000, "request weight 6,000 per minute"},
    QT_TRANSLATE_NOOP("ProviderText", "check the API key and secret"),
    QT_TRANSLATE_NOOP("ProviderText",
                      "the key may lack the mining permission or this IP is not whitelisted"),
    fastRead};

} // namespace

const PoolFormat &binanceFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("binance");
    return f;
}

} // namespace rw
