// Luxor: the pool API's paged worker list of one subaccount, API key in `authorization`.
#include "pool/poolvalues.h"
#include "pool/providers/pagedcommon.h"
#include "pool/providers/providers.h"
#include "pool/workercollector.h"

#include <QJsonArray>

namespace rw {
namespace {
using namespace providers;

// The largest page we ask for; the pool's paging fields say what it actually sent.
constexpr int kPageSize = 1000;

PoolRequest request(const AccountConfig &a, int page, qint64)
{
    QUrl url =
        apiUrl(a.url, QStringLiteral("/api/v1/pool/workers/") +
                          QString::fromLatin1(QUrl::toPercentEncoding(tickerOf(a.currency))));
    url.setQuery(QStringLiteral("subaccount_names=%1&page_number=%2&page_size=%3")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(a.user)))
                     .arg(page)
                     .arg(kPageSize),
                 QUrl::StrictMode);
    PoolRequest r;
    r.verb = "GET";
    r.request = apiRequest(url);
    r.request.setRawHeader("authorization", a.secret.toUtf8());
    return r;
}

// {"workers":[{name, hashrate, last_share_time, status, ...}], "total_active", "total_inactive",
//  "pagination":{"page_number","page_size","item_count","next_page_url",...}}
PageReply read(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (const QString e = jsonObject(body, &root); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    const QJsonValue listValue = root.value(QLatin1String("workers"));
    if (!listValue.isArray()) {
        const QString msg = messageOf(root);
        if (!msg.isEmpty())
            r.poolError = ProviderText::tr("Luxor error: %1").arg(msg);
        else
            r.error = listValue.isUndefined()
                          ? ProviderText::tr("reply has no \"workers\" list")
                          : ProviderText::tr("reply's \"workers\" is not a list");
        return r;
    }
    const QJsonArray list = listValue.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject w = list.at(i).toObject();
        WorkerSample s;
        s.name = nameOf(w.value(QLatin1String("name")));
        if (s.name.isEmpty())
            s.name = nameOf(w.value(QLatin1String("worker_name")));
        if (s.name.isEmpty()) {
            c.reject(i, QT_TRANSLATE_NOOP("F2poolText", "has no worker name"));
            continue;
        }
        s.hashRate = poolHashRate(w.value(QLatin1String("hashrate"))).value_or(0);
        s.lastShareAt = poolTime(w.value(QLatin1String("last_share_time"))).value_or(0);
        const QJsonValue status = w.value(QLatin1String("status"));
        if (status.isString())
            s.poolState = status.toString();
        c.add(std::move(s));
    }
    *entries = list.size();
    const QJsonObject p = root.value(QLatin1String("pagination")).toObject();
    const qint64 items = countOf(p.value(QLatin1String("item_count")));
    const qint64 size = countOf(p.value(QLatin1String("page_size")));
    const QJsonValue next = p.value(QLatin1String("next_page_url"));
    r.total = items;
    if (next.isString() && !next.toString().trimmed().isEmpty())
        r.nextPage = page + 1;
    else if (next.isNull() && items < 0)
        r.nextPage = 0; // the pool says so: no next page
    else
        r.nextPage = nextPage(page, 1, -1, items, size > 0 ? size : kPageSize, list.size());
    if (r.total < 0) {
        const qint64 active = countOf(root.value(QLatin1String("total_active")));
        const qint64 inactive = countOf(root.value(QLatin1String("total_inactive")));
        if (active >= 0 && inactive >= 0)
            r.total = active + inactive;
    }
    return r;
}

const PoolFormat::Paging kPaging{
    "Luxor", request, read, 1,
    // a token bucket per key of unpublished size (HTTP 429 beyond it): one request a second
    RateLimit{60, 1, 60000, "60 requests per minute"},
    QT_TRANSLATE_NOOP("ProviderText", "check the API key"),
    QT_TRANSLATE_NOOP("ProviderText", "the API key may lack read access to this subaccount")};

ParseResult reference(const QByteArray &body)
{
    return parsePagedReply(kPaging, body);
}

QString errorMessage(const QByteArray &body)
{
    WorkerCollector c(0);
    qsizetype n = 0;
    return read(body, 1, c, &n).poolError;
}

PoolRequest firstPage(const AccountConfig &a)
{
    return request(a, 1, 0);
}

PoolFormat make()
{
    PoolFormat f{"luxor", firstPage, firstPage, reference, errorMessage};
    f.paging = &kPaging;
    return f;
}
} // namespace

const PoolFormat &luxorFormat()
{
    static const PoolFormat f = make();
    return f;
}

} // namespace rw
