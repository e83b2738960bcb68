#include "pool/f2poolparser.h"

#include "pool/fast/codekeysearch.h"
#include "pool/httpdate.h"
#include "pool/workercollector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>

#include <cmath>

namespace rw {
namespace {

ParseResult failure(const QString &reason)
{
    ParseResult r;
    r.error = reason;
    return r;
}

// A pool message can be multi-line; keep errors one line. Not shortened here: a message can
// echo the API token, which the poller redacts before it shortens (util/redact.h).
QString oneLine(const QString &text)
{
    return text.simplified();
}

// Values as f2pool sends them (docs/pool-apis.md: numbers may be strings, shares several forms).

// Non-negative finite number from a JSON number or numeric string; 0 otherwise.
// *present tells whether the value was a usable number at all.
double number(const QJsonValue &v, bool *present = nullptr)
{
    double d = 0;
    bool ok = false;
    if (v.isDouble()) {
        d = v.toDouble();
        ok = true;
    } else if (v.isString()) {
        d = v.toString().trimmed().toDouble(&ok); // C locale, whatever the system locale
    }
    ok = ok && std::isfinite(d);
    if (present)
        *present = ok;
    return ok && d > 0 ? d : 0;
}

// Unix seconds from a number, a numeric string or an ISO-8601 string; 0 when unknown.
qint64 unixSeconds(const QJsonValue &v)
{
    if (v.isDouble())
        return secondsFromNumber(v.toDouble());
    if (!v.isString())
        return 0;
    return unixSecondsFromText(v.toString());
}

// Worker names are strings; a bare number is accepted as its decimal text.
QString nameOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    return {};
}

} // namespace

// An error: {"code": <number>, "msg": "kind: description"}, with any HTTP status.
QString detail::errorFromObject(const QJsonObject &o)
{
    const QJsonValue code = o.value(QLatin1String("code"));
    QString codeText;
    if (code.isDouble()) {
        if (code.toDouble() == 0)
            return {};
        codeText = nameOf(code);
    } else if (code.isString()) {
        codeText = oneLine(code.toString());
        if (codeText.isEmpty() || codeText == QLatin1String("0"))
            return {};
    } else {
        return {};
    }
    QString msg;
    for (const char *key : {"msg", "message", "error"}) {
        const QJsonValue m = o.value(QLatin1String(key));
        if (m.isString() && !m.toString().trimmed().isEmpty()) {
            msg = oneLine(m.toString());
            break;
        }
    }
    if (msg.isEmpty())
        return F2poolText::tr("f2pool error %1 (no message)").arg(codeText);
    return F2poolText::tr("f2pool error %1: %2").arg(codeText, msg);
}

QString f2poolErrorMessage(const QByteArray &body)
{
    if (!containsCodeKey(body)) // a 25 MB worker list is not parsed twice
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? detail::errorFromObject(doc.object()) : QString();
}

// Every reply: one object with a "workers" list, unless it is an error.
namespace {

bool looksLikeHtml(const QByteArray &body)
{
    for (const char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '<';
    }
    return false;
}

bool isBlank(const QByteArray &body)
{
    for (const char c : body)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    return true;
}

// The reply's top-level object and its "workers" array, or an error for the operator.
QString workersArray(const QByteArray &body, QJsonObject *root, QJsonArray *workers)
{
    if (isBlank(body))
        return F2poolText::tr("reply is empty");
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return detail::invalidJsonMessage(pe, pe.offset, looksLikeHtml(body));
    if (!doc.isObject())
        return F2poolText::tr("reply is a JSON array, expected an object with a \"workers\" list");
    *root = doc.object();
    return detail::workersOf(*root, workers);
}

} // namespace

QString detail::invalidJsonMessage(const QJsonParseError &error, qsizetype offset, bool html)
{
    QString e = F2poolText::tr("reply is not valid JSON: %1 at offset %2")
                    .arg(error.errorString())
                    .arg(offset);
    if (html)
        e += F2poolText::tr(" (it looks like an HTML page, e.g. a proxy or maintenance page)");
    return e;
}

QString detail::workersOf(const QJsonObject &root, QJsonArray *workers)
{
    const QString poolError = errorFromObject(root);
    if (!poolError.isEmpty())
        return poolError;
    const QJsonValue w = root.value(QLatin1String("workers"));
    if (w.isArray()) {
        *workers = w.toArray();
        return {};
    }
    QString e = w.isUndefined() ? F2poolText::tr("reply has no \"workers\" list")
                                : F2poolText::tr("reply's \"workers\" is not a list");
    for (const char *key : {"msg", "message", "error"}) {
        const QJsonValue m = root.value(QLatin1String(key));
        if (m.isString() && !m.toString().trimmed().isEmpty())
            return e + F2poolText::tr(" (pool says: %1)").arg(oneLine(m.toString()));
    }
    return e;
}

// API v2: {"workers": [{"hash_rate_info": {"name": "rig-1", "hash_rate": ..., "h1_hash_rate":
// ..., "h24_hash_rate": ..., "h24_stale_hash_rate": ...}, "last_share_at": ..., "host": ...}]}.
void detail::readV2Entries(const QJsonArray &list, qsizetype from, qsizetype indexBase,
                           WorkerCollector &c)
{
    const QLatin1String kInfo("hash_rate_info"), kName("name"), kRate("hash_rate"),
        kRate1h("h1_hash_rate"), kRate24h("h24_hash_rate"), kStale24h("h24_stale_hash_rate"),
        kLastShare("last_share_at"), kHost("host"), kWorkerName("worker_name");
    for (qsizetype i = from; i < list.size(); ++i) {
        const QJsonValue entry = list.at(i);
        if (!entry.isObject()) {
            c.reject(indexBase + i - from, QT_TRANSLATE_NOOP("F2poolText", "is not an object"));
            continue;
        }
        const QJsonObject w = entry.toObject();
        const QJsonObject info = w.value(kInfo).toObject();
        WorkerSample s;
        s.name = nameOf(info.value(kName));
        if (s.name.isEmpty()) // tolerate a flattened shape
            s.name = nameOf(w.value(kName));
        if (s.name.isEmpty())
            s.name = nameOf(w.value(kWorkerName));
        if (s.name.isEmpty()) {
            c.reject(indexBase + i - from, QT_TRANSLATE_NOOP("F2poolText", "has no worker name"));
            continue;
        }
        const QJsonObject &rates = info.isEmpty() ? w : info;
        s.hashRate = number(rates.value(kRate));
        s.hashRate1h = number(rates.value(kRate1h));
        s.hashRate24h = number(rates.value(kRate24h));
        s.staleRate24h = number(rates.value(kStale24h));
        s.lastShareAt = unixSeconds(w.value(kLastShare));
        const QJsonValue host = w.value(kHost);
        if (host.isString())
            s.host = host.toString();
        c.add(std::move(s));
    }
}

// Legacy v1: {"hashrate": ..., "workers": [[name, rate, rate 1 h, rejected 1 h, hashes 24 h,
// stale hashes 24 h, last share ISO-8601, ...]]}, read by position.
void detail::readV1Entries(const QJsonArray &list, qsizetype from, qsizetype indexBase,
                           WorkerCollector &c)
{
    for (qsizetype i = from; i < list.size(); ++i) {
        const QJsonValue entry = list.at(i);
        if (!entry.isArray()) {
            c.reject(indexBase + i - from, QT_TRANSLATE_NOOP("F2poolText", "is not a list"));
            continue;
        }
        const QJsonArray w = entry.toArray();
        WorkerSample s;
        s.name = nameOf(w.at(0)); // at() past the end is Undefined: short rows are tolerated
        if (s.name.isEmpty()) {
            c.reject(indexBase + i - from, QT_TRANSLATE_NOOP("F2poolText", "has no worker name"));
            continue;
        }
        s.hashRate = number(w.at(1));
        s.hashRate1h = number(w.at(2));
        s.hashRate24h = number(w.at(4)) / 86400.0;
        s.staleRate24h = number(w.at(5)) / 86400.0;
        s.lastShareAt = unixSeconds(w.at(6));
        c.add(std::move(s));
    }
}

std::optional<double> detail::v1PoolTotal(const QJsonObject &root)
{
    bool hasTotal = false;
    const double total = number(root.value(QLatin1String("hashrate")), &hasTotal);
    return hasTotal ? std::optional<double>(total) : std::nullopt;
}

// The whole reply: its list, entry by entry, into one snapshot.
namespace {
using ReadEntries = void (*)(const QJsonArray &, qsizetype, qsizetype, WorkerCollector &);

ParseResult parseDom(const QByteArray &body, ReadEntries read, const char *api, bool v1)
{
    QJsonObject root;
    QJsonArray list;
    const QString error = workersArray(body, &root, &list);
    if (!error.isEmpty())
        return failure(error);
    WorkerCollector c(list.size());
    read(list, 0, 0, c);
    return c.finish(list.size(), api, v1 ? detail::v1PoolTotal(root) : std::nullopt);
}
} // namespace

ParseResult parseF2poolV2WorkerListReference(const QByteArray &body)
{
    return parseDom(body, detail::readV2Entries, "f2pool v2", false);
}

ParseResult parseF2poolV1Reference(const QByteArray &body)
{
    return parseDom(body, detail::readV1Entries, "f2pool v1", true);
}

} // namespace rw
