// AntPool: the user API's paged worker list, a form POST signed with the key's secret.
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

constexpr int kPageSize = 50; // the largest pageSize the client libraries use

PoolRequest request(const AccountConfig &a, int page, qint64 poolNowMs)
{
    // The nonce must grow from request to request: the pool's clock in ms does.
    const QByteArray nonce = QByteArray::number(poolNowMs);
    const QByteArray signature =
        hmacSha256Hex(a.secret, a.user.toUtf8() + a.apiKey.toUtf8() + nonce).toUpper();
    auto field = [](const char *name, const QByteArray &value) -> QByteArray {
        return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
    };
    PoolRequest r;
    r.verb = "POST";
    r.request = apiRequest(apiUrl(a.url, QStringLiteral("/api/userWorkerList.htm")));
    r.request.setHeader(QNetworkRequest::ContentTypeHeader,
                        QByteArray("application/x-www-form-urlencoded"));
    r.body = field("key", a.apiKey.toUtf8()) + '&' + field("nonce", nonce) + '&' +
             field("signature", signature) + '&' +
             field("coinType", tickerOf(a.currency).toUtf8()) + '&' +
             field("userId", a.user.toUtf8()) + '&' + field("workerStatus", "0") + '&' +
             field("page", QByteArray::number(page)) + '&' +
             field("pageSize", QByteArray::number(kPageSize));
    return r;
}

QString errorText(qint64 code, const QString &msg)
{
    return msg.isEmpty() ? ProviderText::tr("AntPool error %1").arg(code)
                         : ProviderText::tr("AntPool error %1: %2").arg(code).arg(msg);
}

void readWorker(const QJsonObject &w, WorkerSample &s)
{
    // "12.3 TH/s" strings; a bare number is H/s
    s.hashRate = poolHashRate(w.value(QLatin1String("hsLast10min"))).value_or(0);
    s.hashRate1h = poolHashRate(w.value(QLatin1String("hsLast1h"))).value_or(0);
    s.hashRate24h = poolHashRate(w.value(QLatin1String("hsLast1d"))).value_or(0);
    if (!w.contains(QLatin1String("hsLast10min")))
        s.hashRate = s.hashRate1h;
    s.lastShareAt = poolTime(w.value(QLatin1String("shareLastTime"))).value_or(0);
    s.poolState = poolStateOf(w, {"workerStatus", "status"});
}

// The paging fields beside the rows: a page count, a total, a page size.
void readPaging(const QJsonObject &holder, int page, qsizetype listSize, PageReply *r)
{
    r->total = countOf(holder.value(QLatin1String("totalRecord")));
    r->nextPage = nextPage(page, 1, countOf(holder.value(QLatin1String("totalPage"))), r->total,
                           countOf(holder.value(QLatin1String("pageSize"))), listSize);
}

// {"code":0,"message":"ok","data":{"result":{"rows":[...],"page":1,"totalPage":N}}}; also
// data.rows without "result", and rows under "data" as a list.
PageReply read(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (!readRoot(body, &root, &r))
        return r;
    bool hasCode = false;
    if (readErrorCode(root, &r, errorText, &hasCode))
        return r;
    QJsonObject holder = root.value(QLatin1String("data")).toObject();
    if (holder.value(QLatin1String("result")).isObject())
        holder = holder.value(QLatin1String("result")).toObject();
    const QJsonValue listValue = holder.value(QLatin1String("rows"));
    if (!listValue.isArray()) {
        missingList(root, !hasCode, "AntPool",
                    ProviderText::tr("reply has no \"rows\" list of workers"), &r);
        return r;
    }
    const QJsonArray list = listValue.toArray();
    *entries = readWorkerList(list, c, {"workerId"}, readWorker, withoutAccountPrefix);
    readPaging(holder, page, list.size(), &r);
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
        Rate1d,
        LastShare,
        WorkerStatus,
        Status
    };
    if (f[Name].kind != fastpage::Value::String || f[Name].text.empty())
        return false; // a number or no name: read()'s rules
    *name = f[Name].text;
    s->hashRate = fastpage::poolHashRate(f[Rate10m]).value_or(0);
    s->hashRate1h = fastpage::poolHashRate(f[Rate1h]).value_or(0);
    s->hashRate24h = fastpage::poolHashRate(f[Rate1d]).value_or(0);
    if (f[Rate10m].kind == fastpage::Value::Absent)
        s->hashRate = s->hashRate1h;
    s->lastShareAt = fastpage::poolTime(f[LastShare]).value_or(0);
    std::optional<PoolState> state = context.poolState(f[WorkerStatus]);
    if (!state)
        state = context.poolState(f[Status]);
    s->poolState = state.value_or(PoolState());
    return true;
}

// The documented reply's data.result.rows; the variants are read().
const fastpage::Spec kFast{
    {"data", "result", "rows"},
    3,
    {"workerId", "hsLast10min", "hsLast1h", "hsLast1d", "shareLastTime", "workerStatus", "status"},
    7,
    false,
    true,
    fastWorker};

// A page of workers (code 0 or none), quicker; anything else is read().
bool fastRead(const QByteArray &body, int page, WorkerCollector &c, qsizetype *entries,
              PageReply *r)
{
    return fastReadCodedPage(body, kFast, 2, readPaging, page, c, entries, r);
}

const PoolFormat::Paging kPaging{
    "AntPool", request, read, 1,
    // 600 requests per 10 minutes per key, then a ban
    RateLimit{600, 1, 600000, "600 requests per 10 min"},
    QT_TRANSLATE_NOOP("ProviderText", "check the user id, API key and secret"),
    QT_TRANSLATE_NOOP("ProviderText", "the API key may lack the permission to read workers"),
    fastRead};

} // namespace

const PoolFormat &antPoolFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("antpool");
    return f;
}

} // namespace rw
