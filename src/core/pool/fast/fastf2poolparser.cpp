#include "pool/fast/fastf2poolparser.h"

#ifdef RIGWATCH_HAVE_SIMDJSON

#include "pool/f2poolparser.h"
#include "pool/fast/v1entryscanner.h"
#include "pool/toplevellist.h"
#include "pool/workercollector.h"
#include "util/textcache.h"

#include "pool/fast/jsonchecks.h"
#include "pool/fast/ondemandinput.h"

#include <cmath>
#include <string>

namespace rw {
namespace {

using namespace jsonchecks;

// Every helper answers "taken" (true) or "not for the fast path" (false); on false the whole
// reply goes to the DOM parser, so no helper has to produce an error message.

// Each known key may appear once per object: with a repeat, which one counts is the DOM's call.
bool firstTime(unsigned *seen, unsigned bit)
{
    if (*seen & bit)
        return false;
    *seen |= bit;
    return true;
}

// A rate: a JSON number; negative or non-finite counts as 0 (as in the DOM parser).
bool rate(od::value v, double *out)
{
    double d = 0;
    if (!jsonNumber(v, &d))
        return false;
    *out = std::isfinite(d) && d > 0 ? d : 0;
    return true;
}

// The strings of an entry (name, host) from its bytes: the previous poll's string when it had
// the same at this position (WorkerCollector::previousText), else a new one - for hosts through
// a TextCache, since the rigs of a farm mostly share a few public addresses (one NAT).
class EntryText
{
public:
    explicit EntryText(const WorkerCollector &collector) : m_collector(collector) {}

    bool name(od::value v, QString *out) const
    {
        std::string_view s;
        if (v.get_string().get(s) != SUCCESS)
            return false;
        *out = m_collector.previousText(s, &WorkerSample::name);
        if (out->isNull())
            *out = QString::fromUtf8(s.data(), qsizetype(s.size()));
        return !out->isEmpty();
    }

    bool host(od::value v, QString *out)
    {
        std::string_view s;
        if (v.get_string().get(s) != SUCCESS)
            return false;
        *out = m_collector.previousText(s, &WorkerSample::host);
        if (out->isNull())
            *out = m_hosts.text(s);
        return true;
    }

private:
    const WorkerCollector &m_collector;
    TextCache m_hosts;
};

// {"name": ..., "hash_rate": ..., "h1_hash_rate": ..., "h24_hash_rate": ...,
//  "h24_stale_hash_rate": ..., other rates ignored}
bool v2RateInfo(od::object info, WorkerSample *s, const EntryText &strings)
{
    enum : unsigned
    {
        Name = 1,
        Rate = 2,
        Rate1h = 4,
        Rate24h = 8,
        Stale24h = 16
    };
    unsigned seen = 0;
    const bool ok = eachMember(info, [&seen, s, &strings](od::raw_json_string key, od::value &v) {
        if (key.unsafe_is_equal("name"))
            return firstTime(&seen, Name) && strings.name(v, &s->name);
        if (key.unsafe_is_equal("hash_rate"))
            return firstTime(&seen, Rate) && rate(v, &s->hashRate);
        if (key.unsafe_is_equal("h1_hash_rate"))
            return firstTime(&seen, Rate1h) && rate(v, &s->hashRate1h);
        if (key.unsafe_is_equal("h24_hash_rate"))
            return firstTime(&seen, Rate24h) && rate(v, &s->hashRate24h);
        if (key.unsafe_is_equal("h24_stale_hash_rate"))
            return firstTime(&seen, Stale24h) && rate(v, &s->staleRate24h);
        return plainKey(key) && validJson(v);
    });
    // Without a name inside, the DOM parser looks at the flattened shape.
    return ok && (seen & Name);
}

// {"hash_rate_info": {...}, "last_share_at": 1767225590, "status": 0, "host": "203.0.113.10"}
bool v2Worker(od::object w, WorkerSample *s, EntryText &strings)
{
    enum : unsigned
    {
        Info = 1,
        LastShare = 2,
        Host = 4
    };
    unsigned seen = 0;
    const bool ok = eachMember(w, [&seen, s, &strings](od::raw_json_string key, od::value &v) {
        if (key.unsafe_is_equal("hash_rate_info")) {
            od::object info;
            return firstTime(&seen, Info) && v.get_object().get(info) == SUCCESS &&
                   v2RateInfo(info, s, strings);
        }
        if (key.unsafe_is_equal("last_share_at")) {
            double d = 0;
            const bool number = firstTime(&seen, LastShare) && jsonNumber(v, &d);
            s->lastShareAt = secondsFromNumber(d);
            return number;
        }
        if (key.unsafe_is_equal("host")) {
            od::json_type type;
            if (!firstTime(&seen, Host) || v.type().get(type) != SUCCESS)
                return false;
            // Any other type: no host, as in the DOM parser.
            return type == od::json_type::string ? strings.host(v, &s->host) : validJson(v);
        }
        return plainKey(key) && validJson(v);
    });
    return ok && (seen & Info);
}

// [name, rate, rate 1 h, ?, hashes 24 h, stale hashes 24 h, last share ISO-8601, ...]
bool v1Worker(od::array w, WorkerSample *s, const EntryText &strings)
{
    int index = 0;
    const bool ok = eachElement(w, [&index, s, &strings](od::value &v) {
        bool ok = true;
        double perDay = 0;
        switch (index++) {
        case 0:
            ok = strings.name(v, &s->name);
            break;
        case 1:
            ok = rate(v, &s->hashRate);
            break;
        case 2:
            ok = rate(v, &s->hashRate1h);
            break;
        case 4:
            ok = rate(v, &perDay);
            s->hashRate24h = perDay / 86400.0;
            break;
        case 5:
            ok = rate(v, &perDay);
            s->staleRate24h = perDay / 86400.0;
            break;
        case 6: {
            od::json_type type;
            ok = v.type().get(type) == SUCCESS;
            if (ok && type == od::json_type::string) {
                std::string_view iso;
                ok = v.get_string().get(iso) == SUCCESS;
                s->lastShareAt = ok ? unixSecondsFromUtf8(iso) : 0;
            } else if (ok && type == od::json_type::number) {
                double d = 0;
                ok = jsonNumber(v, &d);
                s->lastShareAt = secondsFromNumber(d);
            } else {
                ok = false; // null, bool: the DOM parser's rules
            }
            break;
        }
        default:
            ok = validJson(v); // index 3 and the trailing flags are not used
        }
        return ok;
    });
    return ok && index > 0;
}

// Every element of a "workers" list through entry() into the collector; false at the first
// element the fast path does not take.
template <typename Entry>
bool addEntries(od::array list, Entry &entry, WorkerCollector &collector, qsizetype *entries)
{
    EntryText strings(collector);
    return eachElement(list, [&](od::value &e) {
        WorkerSample s;
        if (!entry(e, &s, strings))
            return false;
        collector.add(std::move(s));
        ++*entries;
        return true;
    });
}

// The parts both APIs share: the top-level object, "code", "workers", the end of the document.
// `entry` reads one element of "workers" into a sample; `other` reads or checks (validJson) the
// value of every other key. The collector may hold `entries` read already (fastParseF2poolV1).
template <typename Entry, typename Other>
std::optional<ParseResult> parseReply(const QByteArray &body, WorkerCollector &collector,
                                      qsizetype entries, const char *api, Entry entry, Other other,
                                      std::optional<double> *poolTotal)
{
    if (body.isEmpty())
        return std::nullopt;
    const PaddedInput input(body);
    ThreadParser parser;
    od::document doc;
    od::object root;
    if (parser.get().iterate(input.view()).get(doc) != SUCCESS ||
        doc.get_object().get(root) != SUCCESS)
        return std::nullopt;

    bool sawWorkers = false;
    const bool ok = eachMember(root, [&](od::raw_json_string key, od::value &v) {
        if (key.unsafe_is_equal("workers")) {
            od::array list;
            if (sawWorkers || v.get_array().get(list) != SUCCESS)
                return false;
            sawWorkers = true;
            return addEntries(list, entry, collector, &entries);
        }
        if (key.unsafe_is_equal("code")) {
            double code = 0; // f2pool's error bodies carry a non-zero code: the DOM says which
            return jsonNumber(v, &code) && code == 0;
        }
        return plainKey(key) && other(key, v);
    });
    // Anything after the top-level object makes the reply invalid JSON.
    if (!ok || !sawWorkers || doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return std::nullopt;
    parser.taken();
    return collector.finish(entries, api, *poolTotal);
}

// A slice of "workers" as a document of its own: "[entry,entry,...]".
template <typename Entry>
bool readEntries(QByteArrayView array, qsizetype readable, Entry entry, WorkerCollector &collector,
                 qsizetype *count)
{
    if (array.isEmpty() || readable < array.size() + qsizetype(simdjson::SIMDJSON_PADDING))
        return false;
    const simdjson::padded_string_view input(array.data(), size_t(array.size()), size_t(readable));
    ThreadParser parser;
    od::document doc;
    od::array list;
    const qsizetype before = collector.size();
    qsizetype entries = 0;
    const bool ok = parser.get().iterate(input).get(doc) == SUCCESS &&
                    doc.get_array().get(list) == SUCCESS &&
                    addEntries(list, entry, collector, &entries) &&
                    doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
    if (!ok) {
        collector.truncate(before);
        return false;
    }
    parser.taken();
    *count = entries;
    return true;
}

// The top-level keys v2 does not use: checked, not read.
bool ignoreKey(od::raw_json_string, od::value &v)
{
    return validJson(v);
}

bool v2Entry(od::value e, WorkerSample *s, EntryText &strings)
{
    od::object w;
    return e.get_object().get(w) == SUCCESS && v2Worker(w, s, strings);
}

bool v1Entry(od::value e, WorkerSample *s, EntryText &strings)
{
    od::array w;
    return e.get_array().get(w) == SUCCESS && v1Worker(w, s, strings);
}

} // namespace

bool fastParserAvailable()
{
    return true;
}

std::optional<ParseResult> fastParseF2poolV2WorkerList(const QByteArray &body,
                                                       const QVector<WorkerSample> &previous)
{
    std::optional<double> total; // v2: always the sum of the workers
    // Sized for the common reply (a little less than a typical entry a worker); grows.
    WorkerCollector collector(body.size() / detail::kV2BytesPerEntry + 1, previous);
    return parseReply(body, collector, 0, "f2pool v2", v2Entry, ignoreKey, &total);
}

std::optional<ParseResult> fastParseF2poolV1(const QByteArray &body,
                                             const QVector<WorkerSample> &previous)
{
    std::optional<double> total;
    bool sawTotal = false;
    const auto other = [&total, &sawTotal](od::raw_json_string key, od::value &v) {
        if (!key.unsafe_is_equal("hashrate"))
            return validJson(v);
        double d = 0;
        if (sawTotal || !jsonNumber(v, &d))
            return false;
        sawTotal = true;
        if (std::isfinite(d))
            total = d > 0 ? d : 0;
        return true;
    };
    WorkerCollector collector(body.size() / detail::kV1BytesPerEntry + 1, previous);
    // The common reply: its list read by the entry scanner straight from the bytes, and only the
    // rest - with [] in the list's place, valid JSON exactly when the whole is - through
    // On-Demand, a few KB instead of the whole reply. Otherwise On-Demand reads it all.
    TopLevelListFinder finder;
    qsizetype at = 0, entries = 0, length = 0;
    if (finder.scan(body, 0, &at) == TopLevelListFinder::Verdict::Found &&
        scanV1List(QByteArrayView(body).sliced(at), collector, &entries, &length)) {
        QByteArray rest;
        rest.reserve(body.size() - length + 2 + kFastParserPadding);
        rest.append(body.constData(), at)
            .append("[]")
            .append(QByteArrayView(body).sliced(at + length));
        return parseReply(rest, collector, entries, "f2pool v1", v1Entry, other, &total);
    }
    return parseReply(body, collector, 0, "f2pool v1", v1Entry, other, &total);
}

bool fastReadV2Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector,
                       qsizetype *count)
{
    return readEntries(array, readable, v2Entry, collector, count);
}

bool fastReadV1Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector,
                       qsizetype *count)
{
    return scanV1Entries(array, collector, count) ||
           readEntries(array, readable, v1Entry, collector, count);
}

} // namespace rw

#else // no simdjson: the DOM parsers do all the work

namespace rw {
bool fastParserAvailable()
{
    return false;
}
std::optional<ParseResult> fastParseF2poolV2WorkerList(const QByteArray &,
                                                       const QVector<WorkerSample> &)
{
    return std::nullopt;
}
std::optional<ParseResult> fastParseF2poolV1(const QByteArray &, const QVector<WorkerSample> &)
{
    return std::nullopt;
}
bool fastReadV2Entries(QByteArrayView, qsizetype, WorkerCollector &, qsizetype *)
{
    return false;
}
bool fastReadV1Entries(QByteArrayView, qsizetype, WorkerCollector &, qsizetype *)
{
    return false;
}
} // namespace rw

#endif
