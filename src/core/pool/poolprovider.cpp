#include "pool/poolprovider.h"

#include "pool/f2poolparser.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/providers/providers.h"
#include "pool/workercollector.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rw {

namespace {
QNetworkRequest baseRequest(const AccountConfig &a, const QUrl &url)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("RigWatch/" RIGWATCH_VERSION));
    req.setRawHeader("Accept", "application/json");
    if (!a.secret.isEmpty())
        req.setRawHeader("F2P-API-SECRET", a.secret.toUtf8());
    // redirects could carry the secret to another host
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

QUrl join(const QUrl &base, const QString &path)
{
    QUrl u = base;
    QString p = u.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    return u;
}

// f2pool API v2: the worker list is a POST with a JSON body (docs/pool-apis.md).
PoolRequest f2poolV2WorkerListRequest(const AccountConfig &a)
{
    PoolRequest r;
    r.verb = "POST";
    r.request = baseRequest(a, join(a.url, QStringLiteral("/v2/hash_rate/worker/list")));
    r.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("mining_user_name"), a.user},
                                       {QStringLiteral("currency"), a.currency}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

PoolRequest f2poolV2TestRequest(const AccountConfig &a)
{
    PoolRequest r;
    r.verb = "POST";
    r.request = baseRequest(a, join(a.url, QStringLiteral("/v2/mining_user/list")));
    r.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.body = "{}";
    return r;
}

// f2pool legacy v1: GET {url}/{currency}/{user}, which is also its cheapest call.
PoolRequest f2poolV1Request(const AccountConfig &a)
{
    PoolRequest r;
    r.verb = "GET";
    r.request = baseRequest(
        a,
        join(a.url, QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(a.currency)) +
                        QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(a.user))));
    return r;
}

const PoolFormat::Stream kF2poolV2Stream{"f2pool v2",
                                         detail::readV2Entries,
                                         fastReadV2Entries,
                                         nullptr, // the total is the workers' sum
                                         detail::kV2BytesPerEntry,
                                         '{',
                                         '}'};
const PoolFormat::Stream kF2poolV1Stream{"f2pool v1",
                                         detail::readV1Entries,
                                         fastReadV1Entries,
                                         detail::v1PoolTotal,
                                         detail::kV1BytesPerEntry,
                                         '[',
                                         ']'};

// The pool formats, one entry each.
const PoolFormat kF2poolV2{"f2pool",
                           f2poolV2WorkerListRequest,
                           f2poolV2TestRequest,
                           parseF2poolV2WorkerListReference,
                           f2poolErrorMessage,
                           fastParseF2poolV2WorkerList,
                           &kF2poolV2Stream};
const PoolFormat kF2poolV1{"f2pool-v1",
                           f2poolV1Request,
                           f2poolV1Request, // no cheaper call proves the account
                           parseF2poolV1Reference,
                           f2poolErrorMessage,
                           fastParseF2poolV1,
                           &kF2poolV1Stream};
} // namespace

const PoolFormat &poolFormat(PoolProvider provider)
{
    switch (provider) {
    case PoolProvider::F2poolV1:
        return kF2poolV1;
    case PoolProvider::F2poolV2:
        break;
    case PoolProvider::Braiins:
        return braiinsFormat();
    case PoolProvider::Binance:
        return binanceFormat();
    case PoolProvider::Luxor:
        return luxorFormat();
    case PoolProvider::ViaBtc:
        return viaBtcFormat();
    case PoolProvider::AntPool:
        return antPoolFormat();
    }
    return kF2poolV2;
}

QString providerTitle(PoolProvider provider)
{
    const PoolFormat &f = poolFormat(provider);
    return f.paging ? QString::fromLatin1(f.paging->label) : QString::fromLatin1(f.name);
}

std::optional<PoolProvider> providerFromName(const QString &name)
{
    for (PoolProvider p : allProviders())
        if (name == QLatin1String(poolFormat(p).name))
            return p;
    return std::nullopt;
}

int providerMinIntervalSecs(PoolProvider provider)
{
    const PoolFormat::Paging *paging = poolFormat(provider).paging;
    if (!paging || paging->limit.capacity <= 0)
        return 1; // f2pool: none published; clients keep to one request a second
    const RateLimit &l = paging->limit;
    const qint64 perRequestMs = (l.windowMs * l.cost + l.capacity - 1) / l.capacity;
    return int(qMax<qint64>(1, (perRequestMs + 999) / 1000));
}

QVector<PoolProvider> allProviders()
{
    return {PoolProvider::F2poolV2, PoolProvider::F2poolV1, PoolProvider::Braiins,
            PoolProvider::Binance,  PoolProvider::Luxor,    PoolProvider::ViaBtc,
            PoolProvider::AntPool};
}

QUrl defaultProviderUrl(PoolProvider provider)
{
    switch (provider) {
    case PoolProvider::F2poolV2:
    case PoolProvider::F2poolV1:
        break;
    case PoolProvider::Braiins:
        return QUrl(QStringLiteral("https://pool.braiins.com"));
    case PoolProvider::Binance:
        return QUrl(QStringLiteral("https://api.binance.com"));
    case PoolProvider::Luxor:
        return QUrl(QStringLiteral("https://app.luxor.tech"));
    case PoolProvider::ViaBtc:
        return QUrl(QStringLiteral("https://www.viabtc.net"));
    case PoolProvider::AntPool:
        return QUrl(QStringLiteral("https://antpool.com"));
    }
    return QUrl(QStringLiteral("https://api.f2pool.com"));
}

bool providerNeedsKey(PoolProvider provider)
{
    return provider == PoolProvider::Binance || provider == PoolProvider::AntPool;
}

bool providerNeedsUser(PoolProvider provider)
{
    return provider != PoolProvider::Braiins && provider != PoolProvider::ViaBtc;
}

bool providerNeedsSecret(PoolProvider provider)
{
    return provider != PoolProvider::F2poolV1;
}

ParseResult parsePagedReply(const PoolFormat::Paging &paging, const QByteArray &body)
{
    WorkerCollector c(0);
    qsizetype entries = 0;
    const PageReply page = paging.read(body, paging.firstPage, c, &entries);
    ParseResult r;
    if (!page.poolError.isEmpty())
        r.error = page.poolError;
    else if (!page.error.isEmpty())
        r.error = page.error;
    else
        return c.finish(entries, paging.label, std::nullopt);
    return r;
}

PageReply PoolFormat::Paging::readPage(const QByteArray &body, int page, WorkerCollector &collector,
                                       qsizetype *entries) const
{
    if (fastRead) {
        PageReply quick;
        if (fastRead(body, page, collector, entries, &quick))
            return quick;
    }
    return read(body, page, collector, entries);
}

ParseResult PoolFormat::parse(const QByteArray &body, const QVector<WorkerSample> &previous) const
{
    if (fast) {
        if (std::optional<ParseResult> quick = fast(body, previous))
            return std::move(*quick);
    }
    return reference(body);
}

PoolRequest workerListRequest(const AccountConfig &a)
{
    return poolFormat(a.provider).workerListRequest(a);
}

PoolRequest testConnectionRequest(const AccountConfig &a)
{
    return poolFormat(a.provider).testConnectionRequest(a);
}

ParseResult parseWorkerList(PoolProvider provider, const QByteArray &body,
                            const QVector<WorkerSample> &previous)
{
    return poolFormat(provider).parse(body, previous);
}

QString providerName(PoolProvider provider)
{
    return QString::fromLatin1(poolFormat(provider).name);
}

ParseResult parseF2poolV2WorkerList(const QByteArray &body, const QVector<WorkerSample> &previous)
{
    return kF2poolV2.parse(body, previous);
}

ParseResult parseF2poolV1(const QByteArray &body, const QVector<WorkerSample> &previous)
{
    return kF2poolV1.parse(body, previous);
}

} // namespace rw
