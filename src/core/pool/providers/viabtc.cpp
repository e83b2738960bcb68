// ViaBTC: the open API's paged worker list, API key in X-API-KEY, from whitelisted IPs only.
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
    r.total = countOf(data.value(QLatin1String("total")));
    bool hasNextSaid = false;
    const bool hasNext = flagOf(data.value(QLatin1String("has_next")), &hasNextSaid);
    const int byCount = nextPage(page, 1, countOf(data.value(QLatin1String("total_page"))), r.total,
                                 kPageSize, list.size());
    // Either field saying "more" is believed: a page too many costs a request, one too few
    // would lose workers.
    if (hasNextSaid && hasNext)
        r.nextPage = page + 1;
    else if (hasNextSaid && countOf(data.value(QLatin1String("total_page"))) < 0)
        r.nextPage = 0;
    else
        r.nextPage = byCount;
    return r;
}

const PoolFormat::Paging kPaging{
    "ViaBTC",
    request,
    read,
    1,
    RateLimit{60, 1, 60000, "60 requests per minute"}, // none published
    QT_TRANSLATE_NOOP("ProviderText", "check the API key"),
    QT_TRANSLATE_NOOP("ProviderText", "this IP address may not be on the API key's whitelist")};

} // namespace

const PoolFormat &viaBtcFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("viabtc");
    return f;
}

} // namespace rw
