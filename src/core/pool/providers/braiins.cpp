// Braiins Pool (formerly Slush Pool): one GET of the whole worker list, token in a header.
#include "pool/fast/fastpagereader.h"
#include "pool/poolvalues.h"
#include "pool/providers/pagedcommon.h"
#include "pool/providers/providers.h"
#include "pool/workercollector.h"

#include <QJsonArray>

namespace rw {
namespace {
using namespace providers;

QString coinOf(const AccountConfig &a)
{
    return tickerOf(a.currency).toLower(); // bitcoin -> btc
}

PoolRequest request(const AccountConfig &a, int, qint64)
{
    PoolRequest r;
    r.verb = "GET";
    r.request =
        apiRequest(apiUrl(a.url, QStringLiteral("/accounts/workers/json/%1/").arg(coinOf(a))));
    // The help centre names both spellings; a pool reads the one it knows.
    r.request.setRawHeader("SlushPool-Auth-Token", a.secret.toUtf8());
    r.request.setRawHeader("X-SlushPool-Auth-Token", a.secret.toUtf8());
    return r;
}

void readWorker(const QString &key, const QJsonObject &w, WorkerCollector &c)
{
    WorkerSample s;
    s.name = withoutAccountPrefix(key);
    // Rates are in the worker's hash_rate_unit ("Gh/s" in every sample seen).
    const QJsonValue unit = w.value(QLatin1String("hash_rate_unit"));
    const double factor = unit.isString() ? hashRateUnitFactor(unit.toString()).value_or(1e9) : 1e9;
    s.hashRate = poolHashRate(w.value(QLatin1String("hash_rate_5m")), factor).value_or(0);
    s.hashRate1h = poolHashRate(w.value(QLatin1String("hash_rate_60m")), factor).value_or(0);
    s.hashRate24h = poolHashRate(w.value(QLatin1String("hash_rate_24h")), factor).value_or(0);
    s.lastShareAt = poolTime(w.value(QLatin1String("last_share"))).value_or(0);
    s.poolState = poolStateOf(w, {"state"});
    c.add(std::move(s));
}

// {"btc": {"workers": {"user.worker": {...}}}}; also the list without its coin level, and
// workers as an array of objects with a "name".
PageReply read(const QByteArray &body, int, WorkerCollector &c, qsizetype *entries)
{
    PageReply r;
    QJsonObject root;
    if (!readRoot(body, &root, &r))
        return r;
    QJsonValue workers = root.value(QLatin1String("workers"));
    if (workers.isUndefined()) {
        for (auto it = root.constBegin(); it != root.constEnd(); ++it)
            if (it.value().isObject() && it.value().toObject().contains(QLatin1String("workers"))) {
                workers = it.value().toObject().value(QLatin1String("workers"));
                break;
            }
    }
    if (workers.isUndefined() || workers.isNull()) {
        missingList(root, true, "Braiins Pool", ProviderText::tr("reply has no \"workers\" list"),
                    &r);
        return r;
    }
    qsizetype n = 0;
    if (workers.isObject()) {
        const QJsonObject list = workers.toObject();
        for (auto it = list.constBegin(); it != list.constEnd(); ++it, ++n) {
            if (!it.value().isObject()) {
                c.reject(n, QT_TRANSLATE_NOOP("F2poolText", "is not an object"));
                continue;
            }
            readWorker(it.key(), it.value().toObject(), c);
        }
    } else if (workers.isArray()) {
        const QJsonArray list = workers.toArray();
        for (const QJsonValue &v : list) {
            const QString name = nameOf(v.toObject().value(QLatin1String("name")));
            if (!v.isObject() || name.isEmpty())
                c.reject(n, QT_TRANSLATE_NOOP("F2poolText", "has no worker name"));
            else
                readWorker(name, v.toObject(), c);
            ++n;
        }
    } else {
        r.error = ProviderText::tr("reply's \"workers\" is not a list");
        return r;
    }
    *entries = n;
    return r; // one reply holds every worker: no further page
}

// readWorker() on the fast path's values (fastpagereader.h); the name is the key, given.
bool fastWorker(const fastpage::Value *f, WorkerSample *s, std::string_view *,
                fastpage::EntryContext &context)
{
    enum
    {
        Unit,
        Rate5m,
        Rate60m,
        Rate24h,
        LastShare,
        State
    };
    const double factor = f[Unit].kind == fastpage::Value::String
                              ? fastpage::hashRateUnitFactor(f[Unit]).value_or(1e9)
                              : 1e9;
    s->hashRate = fastpage::poolHashRate(f[Rate5m], factor).value_or(0);
    s->hashRate1h = fastpage::poolHashRate(f[Rate60m], factor).value_or(0);
    s->hashRate24h = fastpage::poolHashRate(f[Rate24h], factor).value_or(0);
    s->lastShareAt = fastpage::poolTime(f[LastShare]).value_or(0);
    s->poolState = context.poolState(f[State]).value_or(PoolState());
    return true;
}

// The documented reply, {"btc": {"workers": {"user.worker": {...}}}}, quicker; the variants are
// read().
const fastpage::Spec kFast{
    {"*", "workers"},
    2,
    {"hash_rate_unit", "hash_rate_5m", "hash_rate_60m", "hash_rate_24h", "last_share", "state"},
    6,
    true,
    true,
    fastWorker};

bool fastRead(const QByteArray &body, int, WorkerCollector &c, qsizetype *entries, PageReply *r)
{
    fastpage::Page page;
    if (!fastpage::readPage(body, kFast, c, &page))
        return false;
    *entries = page.entries;
    *r = PageReply(); // one reply holds every worker: no further page
    return true;
}

const PoolFormat::Paging kPaging{
    "Braiins Pool", request, read, 1,
    // the help centre: about one request per 5 s, more are ignored and then the IP is banned
    RateLimit{1, 1, 5000, "1 request per 5 s"},
    QT_TRANSLATE_NOOP("ProviderText", "check the access token"),
    QT_TRANSLATE_NOOP("ProviderText", "the access profile may lack \"Allow access to web APIs\""),
    fastRead};

} // namespace

const PoolFormat &braiinsFormat()
{
    static const PoolFormat f = pagedFormat<kPaging>("braiins");
    return f;
}

} // namespace rw
