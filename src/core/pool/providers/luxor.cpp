// Luxor: the pool API's paged worker list of one subaccount, API key in `authorization`.
#include "pool/fast/fastpagereader.h"
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

void readWorker(const QJsonObject &w, WorkerSample &s)
{
    s.hashRate = poolHashRate(w.value(QLatin1String("hashrate"))).value_or(0);
    s.lastShareAt = poolTime(w.value(QLatin1String("last_share_time"))).value_or(0);
    s.poolState = poolStateOf(w, {"status"});
}

// The paging fields beside the list: "pagination", else the totals.
void readPaging(const QJsonObject &root, int page, qsizetype listSize, PageReply *r)
{
    const QJsonObject p = root.value(QLatin1String("pagination")).toObject();
    const qint64 items = countOf(p.value(QLatin1String("item_count")));
    const qint64 size = countOf(p.value(QLatin1String("page_size")));
    const QJsonValue next = p.value(QLatin1String("next_page_url"));
    r->total = items;
    if (next.isString() && !next.toString().trimmed().isEmpty())
        r->nextPage = page + 1;
    else if (next.isNull() && items < 0)
        r->nextPage = 0; // the pool says so: no next page
    else
        r->nextPage = nextPage(page, 1, -1, items, size > 0 ? size : kPageSize, listSize);
    if (r->total < 0) {
        const qint64 active = countOf(root.value(QLatin1String("total_active")));
        const qint64 inactive = countOf(root.value(QLatin1String("total_inactive")));
        if (active >= 0 && inactive >= 0)
            r->total = active + inactive;
    }
}

// {"workers":[{name, hashrate, last_share_time, status, ...}], "total_active", "total_inactive",
//  "pagination":{"page_number","page_size","item_count","next_page_url",...}}
PageReply read(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (!readRoot(body, &root, &r))
        return r;
    const QJsonValue listValue = root.value(QLatin1String("workers"));
    if (!listValue.isArray()) {
        missingList(root, true, "Luxor",
                    listValue.isUndefined() ? ProviderText::tr("reply has no \"workers\" list")
                                            : ProviderText::tr("reply's \"workers\" is not a list"),
                    &r);
        return r;
    }
    const QJsonArray list = listValue.toArray();
    *entries = readWorkerList(list, c, {"name", "worker_name"}, readWorker);
    readPaging(root, page, list.size(), &r);
    return r;
}

// readWorker() and readWorkerList()'s name on the fast path's values (fastpagereader.h).
bool fastWorker(const fastpage::Value *f, WorkerSample *s, std::string_view *name,
                fastpage::EntryContext &context)
{
    enum
    {
        Name,
        WorkerName,
        Rate,
        LastShare,
        Status
    };
    using V = fastpage::Value;
    if (f[Name].kind == V::String && !f[Name].text.empty())
        *name = f[Name].text;
    else if (f[Name].kind != V::Number && f[WorkerName].kind == V::String &&
             !f[WorkerName].text.empty())
        *name = f[WorkerName].text;
    else
        return false; // a number or no name: read()'s rules
    s->hashRate = fastpage::poolHashRate(f[Rate]).value_or(0);
    s->lastShareAt = fastpage::poolTime(f[LastShare]).value_or(0);
    s->poolState = context.poolState(f[Status]).value_or(PoolState());
    return true;
}

const fastpage::Spec kFast{
    {"workers"}, 1,     {"name", "worker_name", "hashrate", "last_share_time", "status"},
    5,           false, false,
    fastWorker};

// A page of workers, quicker; anything else is read().
bool fastRead(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries,
              PageReply *r)
{
    fastpage::Page p;
    if (!fastpage::readPage(body, kFast, c, &p))
        return false;
    *r = PageReply();
    *entries = p.entries;
    readPaging(p.levels[0], page, p.entries, r);
    return true;
}

const PoolFormat::Paging kPaging{
    "Luxor", request, read, 1,
    // a token bucket per key of unpublished size (HTTP 429 beyond it): one request a second
    RateLimit{60, 1, 60000, "60 requests per minute"},
    QT_TRANSLATE_NOOP("ProviderText", "check the API key"),
    QT_TRANSLATE_NOOP("ProviderText", "the API key may lack read access to this subaccount"),
    fastRead};

} // namespace

const PoolFormat &luxorFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("luxor");
    return f;
}

} // namespace rw
