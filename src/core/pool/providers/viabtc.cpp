// ViaBTC: the open API's paged worker list, API key in X-API-KEY, from whitelisted IPs only.
#include "pool/fast/fastpagereader.h"
#include "pool/poolvalues.h"
#include "pool/providers/pagedcommon.h"
#include "pool/providers/providers.h"
#include "pool/workercollector.h"

#include <QJsonArray>

namespace rw {
namespace {
using namespace providers;

constexpr int kPageSize = 100; // the largest `limit` the client libraries use

PoolRequest request(const AccountConfig &a, int page, qint64)
{
    QUrl url = apiUrl(a.url, QStringLiteral("/res/openapi/v1/hashrate/worker"));
    url.setQuery(QStringLiteral("coin=%1&page=%2&limit=%3")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(tickerOf(a.currency))))
                     .arg(page)
                     .arg(kPageSize),
                 QUrl::StrictMode);
    PoolRequest r;
    r.verb = "GET";
    r.request = apiRequest(url);
    r.request.setRawHeader("X-API-KEY", a.secret.toUtf8());
    return r;
}

QString errorText(qint64 code, const QString &msg)
{
    if (code == 12004)
        return ProviderText::tr("ViaBTC error 12004: this IP address is not on the API key's "
                                "whitelist (%1)")
            .arg(msg.isEmpty() ? ProviderText::tr("no message") : msg);
    return msg.isEmpty() ? ProviderText::tr("ViaBTC error %1").arg(code)
                         : ProviderText::tr("ViaBTC error %1: %2").arg(code).arg(msg);
}

void readWorker(const QJsonObject &w, WorkerSample &s)
{
    s.hashRate = poolHashRate(w.value(QLatin1String("hashrate_10min"))).value_or(0);
    s.hashRate1h = poolHashRate(w.value(QLatin1String("hashrate_1hour"))).value_or(0);
    s.hashRate24h = poolHashRate(w.value(QLatin1String("hashrate_24hour"))).value_or(0);
    s.lastShareAt = poolTime(w.value(QLatin1String("last_active"))).value_or(0);
    s.poolState = poolStateOf(w, {"worker_status"});
}

// The paging fields of "data": a flag, a page count, a total.
void readPaging(const QJsonObject &data, int page, qsizetype listSize, PageReply *r)
{
    r->total = countOf(data.value(QLatin1String("total")));
    bool hasNextSaid = false;
    const bool hasNext = flagOf(data.value(QLatin1String("has_next")), &hasNextSaid);
    const int byCount = nextPage(page, 1, countOf(data.value(QLatin1String("total_page"))),
                                 r->total, kPageSize, listSize);
    // Either field saying "more" is believed: a page too many costs a request, one too few
    // would lose workers.
    if (hasNextSaid && hasNext)
        r->nextPage = page + 1;
    else if (hasNextSaid && countOf(data.value(QLatin1String("total_page"))) < 0)
        r->nextPage = 0;
    else
        r->nextPage = byCount;
}

// {"code":0,"data":{"total_page","total","has_next","curr_page","count","data":[...]}}
PageReply read(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (!readRoot(body, &root, &r))
        return r;
    bool hasCode = false;
    if (readErrorCode(root, &r, errorText, &hasCode))
        return r;
    const QJsonValue dataValue = root.value(QLatin1String("data"));
    if (!dataValue.isObject()) {
        missingList(root, !hasCode, "ViaBTC", ProviderText::tr("reply has no \"data\" object"), &r);
        return r;
    }
    const QJsonObject data = dataValue.toObject();
    const QJsonValue listValue = data.value(QLatin1String("data"));
    if (!listValue.isArray()) {
        r.error = ProviderText::tr("reply has no \"data\" list of workers");
        return r;
    }
    const QJsonArray list = listValue.toArray();
    *entries = readWorkerList(list, c, {"worker_name"}, readWorker);
    readPaging(data, page, list.size(), &r);
    return r;
}

// readWorker() on the fast path's values (fastpagereader.h).
bool fastWorker(const fastpage::Value *f, WorkerSample *s, std::string_view *name,
                fastpage::EntryContext &context)
{
    enum
    {
        Name,
        Rate10m,
        Rate1h,
        Rate24h,
        LastActive,
        Status
    };
    if (f[Name].kind != fastpage::Value::String || f[Name].text.empty())
        return false; // a number or no name: read()'s rules
    *name = f[Name].text;
    s->hashRate = fastpage::poolHashRate(f[Rate10m]).value_or(0);
    s->hashRate1h = fastpage::poolHashRate(f[Rate1h]).value_or(0);
    s->hashRate24h = fastpage::poolHashRate(f[Rate24h]).value_or(0);
    s->lastShareAt = fastpage::poolTime(f[LastActive]).value_or(0);
    s->poolState = context.poolState(f[Status]).value_or(PoolState());
    return true;
}

const fastpage::Spec kFast{{"data", "data"},
                           2,
                           {"worker_name", "hashrate_10min", "hashrate_1hour", "hashrate_24hour",
                            "last_active", "worker_status"},
                           6,
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
    "ViaBTC",
    request,
    read,
    1,
    RateLimit{60, 1, 60000, "60 requests per minute"}, // none published
    QT_TRANSLATE_NOOP("ProviderText", "check the API key"),
    QT_TRANSLATE_NOOP("ProviderText", "this IP address may not be on the API key's whitelist"),
    fastRead};

} // namespace

const PoolFormat &viaBtcFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("viabtc");
    return f;
}

} // namespace rw
