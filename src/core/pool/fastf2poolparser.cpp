#include "pool/fastf2poolparser.h"

#ifdef RIGWATCH_HAVE_SIMDJSON

#include "pool/workercollector.h"

// No exceptions: a simdjson error must be a return value here, never a throw past Qt code (an
// implicit conversion of a simdjson_result that would throw does not compile).
#define SIMDJSON_EXCEPTIONS 0
#include <simdjson.h>

#include <cmath>
#include <memory>
#include <string>

namespace rw {
namespace {

namespace od = simdjson::ondemand;
using simdjson::SUCCESS;

// Every helper answers "taken" (true) or "not for the fast path" (false); on false the whole
// reply goes to the DOM parser, so no helper has to produce an error message.

static_assert(kFastParserPadding > qsizetype(simdjson::SIMDJSON_PADDING));

// Input as simdjson needs it: SIMDJSON_PADDING readable bytes past the end. A QByteArray read
// by the poller has them (it reserves them); anything else is copied once.
class PaddedInput
{
public:
    explicit PaddedInput(const QByteArray &body)
    {
        const size_t size = size_t(body.size());
        // Free space after the data (one byte of it holds QByteArray's terminating '\0').
        // data_ptr() has no const overload; reading the free space changes nothing.
        const qsizetype spare = const_cast<QByteArray &>(body).data_ptr().freeSpaceAtEnd();
        if (spare > qsizetype(simdjson::SIMDJSON_PADDING)) {
            m_view = simdjson::padded_string_view(body.constData(), size, size + size_t(spare) - 1);
        } else {
            m_copy = std::make_unique<simdjson::padded_string>(body.constData(), size);
            m_view = simdjson::padded_string_view(*m_copy);
        }
    }
    simdjson::padded_string_view view() const { return m_view; }

private:
    std::unique_ptr<simdjson::padded_string> m_copy;
    simdjson::padded_string_view m_view;
};

// simdjson 3.0.1 On-Demand (Debian 12) reads "0." followed by 20 or more digits wrong
// (0.92233720368547758070 -> 0.18446744073709551; found by fuzz_v2parser, the DOM parser and
// strtod agree on 0.9223372036854776). Such numbers go to the DOM parser.
bool zeroWithLongFraction(std::string_view t)
{
    size_t i = t.size() > 0 && t[0] == '-' ? 1 : 0;
    if (t.size() < i + 2 || t[i] != '0' || t[i + 1] != '.')
        return false;
    int digits = 0;
    for (i += 2; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
        ++digits;
    return digits >= 19;
}

// A JSON number as a double, as Qt's parser would have it: Qt rejects a literal that underflows
// (1e-400, and subnormals), where simdjson quietly gives 0; such a reply goes to the DOM parser.
bool jsonNumber(od::value v, double *out)
{
    const std::string_view token = v.raw_json_token();
    if (zeroWithLongFraction(token))
        return false;
    if (v.get_double().get(*out) != SUCCESS)
        return false;
    if (std::fpclassify(*out) == FP_SUBNORMAL)
        return false;
    if (*out == 0) {
        for (const char c : token) {
            if (c == 'e' || c == 'E')
                break;
            if (c >= '1' && c <= '9')
                return false;
        }
    }
    return true;
}

// "0", "-12", "0.0", "123456789012345.6" (and the spaces after it): valid JSON numbers without
// an exponent, checked without converting them - v2 replies carry five unused rates per worker.
// Up to 300 characters such a number is a normal double (at least 1e-298, less than 1e300), so
// Qt's parser takes it too: no overflow, no underflow to check.
bool shortPlainNumber(std::string_view t)
{
    size_t n = t.size();
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
        --n;
    const auto digit = [&t](size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    size_t i = 0;
    if (i < n && t[i] == '-')
        ++i;
    if (i >= n || !digit(i))
        return false;
    if (t[i++] != '0')
        while (i < n && digit(i))
            ++i;
    if (i < n && t[i] == '.') {
        const size_t fraction = ++i;
        while (i < n && digit(i))
            ++i;
        if (i == fraction)
            return false;
    }
    return i == n && n <= 300;
}

// Calls read(element) for every element of an array, read(key, value) for every member of an
// object; false as soon as simdjson reports an error or read() says "not for the fast path".
template <typename Read>
bool eachElement(od::array a, Read read)
{
    for (auto element : a) {
        od::value v;
        if (std::move(element).get(v) != SUCCESS || !read(v))
            return false;
    }
    return true;
}

template <typename Read>
bool eachMember(od::object o, Read read)
{
    for (auto member : o) {
        od::field f;
        if (std::move(member).get(f) != SUCCESS || !read(f.key(), f.value()))
            return false;
    }
    return true;
}

// On-Demand skips what it is not asked for without checking it, so "status": 0.0.0 or [1 2] in
// a field RigWatch ignores would pass; the DOM parser rejects such a reply as invalid JSON. Every
// value the fast path does not read is therefore walked and checked here.
bool validJson(od::value v)
{
    od::json_type type;
    if (v.type().get(type) != SUCCESS)
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object o;
        if (v.get_object().get(o) != SUCCESS)
            return false;
        for (auto member : o) {
            od::field f;
            std::string_view key;
            if (std::move(member).get(f) != SUCCESS || f.unescaped_key().get(key) != SUCCESS ||
                !validJson(f.value()))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array a;
        if (v.get_array().get(a) != SUCCESS)
            return false;
        return eachElement(a, [](od::value &e) { return validJson(e); });
    }
    case od::json_type::number: {
        if (shortPlainNumber(v.raw_json_token()))
            return true;
        double d; // exponents, long or odd numbers: the full check
        return jsonNumber(v, &d);
    }
    case od::json_type::string: {
        std::string_view s;
        return v.get_string().get(s) == SUCCESS;
    }
    case od::json_type::boolean: {
        bool b;
        return v.get_bool().get(b) == SUCCESS;
    }
    case od::json_type::null: {
        bool null = false;
        return v.is_null().get(null) == SUCCESS && null;
    }
    }
    return false;
}

// A key spelled with an escape ("na\u006de") means the same to the DOM parser as the plain one;
// the fast path compares raw bytes, so it leaves such replies to the DOM parser.
bool plainKey(od::raw_json_string key)
{
    for (const char *p = key.raw(); *p != '"'; ++p)
        if (*p == '\\')
            return false;
    return true;
}

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

bool text(od::value v, QString *out)
{
    std::string_view s;
    if (v.get_string().get(s) != SUCCESS)
        return false;
    *out = QString::fromUtf8(s.data(), qsizetype(s.size()));
    return true;
}

// {"name": ..., "hash_rate": ..., "h1_hash_rate": ..., "h24_hash_rate": ...,
//  "h24_stale_hash_rate": ..., other rates ignored}
bool v2RateInfo(od::object info, WorkerSample *s)
{
    enum : unsigned { Name = 1, Rate = 2, Rate1h = 4, Rate24h = 8, Stale24h = 16 };
    unsigned seen = 0;
    const bool ok = eachMember(info, [&seen, s](od::raw_json_string key, od::value &v) {
        if (key.unsafe_is_equal("name"))
            return firstTime(&seen, Name) && text(v, &s->name) && !s->name.isEmpty();
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

// The rigs of a farm mostly share a few public addresses (one NAT): equal hosts share one
// QString instead of one allocation per worker. A small direct-mapped cache, so a reply with
// unique hosts costs one hash per worker and nothing more.
class HostCache
{
public:
    bool read(od::value v, QString *out)
    {
        std::string_view s;
        if (v.get_string().get(s) != SUCCESS)
            return false;
        Slot &slot = m_slots[std::hash<std::string_view>{}(s) % kSlots];
        if (slot.bytes != s) {
            slot.bytes.assign(s.data(), s.size());
            slot.text = QString::fromUtf8(s.data(), qsizetype(s.size()));
        }
        *out = slot.text;
        return true;
    }

private:
    static constexpr size_t kSlots = 256;
    struct Slot
    {
        std::string bytes;
        QString text;
    };
    Slot m_slots[kSlots];
};

// {"hash_rate_info": {...}, "last_share_at": 1767225590, "status": 0, "host": "203.0.113.10"}
bool v2Worker(od::object w, WorkerSample *s, HostCache *hosts)
{
    enum : unsigned { Info = 1, LastShare = 2, Host = 4 };
    unsigned seen = 0;
    const bool ok = eachMember(w, [&seen, s, hosts](od::raw_json_string key, od::value &v) {
        if (key.unsafe_is_equal("hash_rate_info")) {
            od::object info;
            return firstTime(&seen, Info) && v.get_object().get(info) == SUCCESS &&
                   v2RateInfo(info, s);
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
            return type == od::json_type::string ? hosts->read(v, &s->host) : validJson(v);
        }
        return plainKey(key) && validJson(v);
    });
    return ok && (seen & Info);
}

// [name, rate, rate 1 h, ?, hashes 24 h, stale hashes 24 h, last share ISO-8601, ...]
bool v1Worker(od::array w, WorkerSample *s)
{
    int index = 0;
    const bool ok = eachElement(w, [&index, s](od::value &v) {
        bool ok = true;
        double perDay = 0;
        switch (index++) {
        case 0:
            ok = text(v, &s->name) && !s->name.isEmpty();
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
    return eachElement(list, [&](od::value &e) {
        WorkerSample s;
        if (!entry(e, &s))
            return false;
        collector.add(std::move(s));
        ++*entries;
        return true;
    });
}

// One parser per thread, kept between polls: a fresh one costs more than the parse itself (its
// buffers are sized to the reply and every page is faulted in again). It holds on to memory in
// proportion to the largest document seen, about 4 bytes per JSON token; after a document it
// did not take (garbage can be one token per byte) a large one is let go.
class ThreadParser
{
public:
    od::parser &get() { return parser(); }
    void taken() { m_taken = true; }
    ~ThreadParser()
    {
        if (!m_taken && parser().capacity() > (size_t(1) << 20))
            parser() = od::parser();
    }

private:
    static od::parser &parser()
    {
        thread_local od::parser p;
        return p;
    }
    bool m_taken = false;
};

// The parts both APIs share: the top-level object, "code", "workers", the end of the document.
// `entry` reads one element of "workers" into a sample; `other` reads or checks (validJson) the
// value of every other key.
template <typename Entry, typename Other>
std::optional<ParseResult> parseReply(const QByteArray &body, const char *api, int bytesPerEntry,
                                      Entry entry, Other other, std::optional<double> *poolTotal)
{
    if (body.isEmpty())
        return std::nullopt;
    const PaddedInput input(body);
    ThreadParser parser;
    od::document doc;
    od::object root;
    if (parser.get().iterate(input.view()).get(doc) != SUCCESS || doc.get_object().get(root) != SUCCESS)
        return std::nullopt;

    // Sized for the common reply (bytesPerEntry: a little less than a typical entry); grows.
    WorkerCollector collector(body.size() / bytesPerEntry + 1);
    qsizetype entries = 0;
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

struct V2Entry
{
    HostCache *hosts;
    bool operator()(od::value e, WorkerSample *s) const
    {
        od::object w;
        return e.get_object().get(w) == SUCCESS && v2Worker(w, s, hosts);
    }
};

bool v1Entry(od::value e, WorkerSample *s)
{
    od::array w;
    return e.get_array().get(w) == SUCCESS && v1Worker(w, s);
}

} // namespace

bool fastParserAvailable()
{
    return true;
}

std::optional<ParseResult> fastParseF2poolV2WorkerList(const QByteArray &body)
{
    HostCache hosts;
    std::optional<double> total; // v2: always the sum of the workers
    return parseReply(body, "f2pool v2", 300, V2Entry{&hosts}, ignoreKey, &total);
}

std::optional<ParseResult> fastParseF2poolV1(const QByteArray &body)
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
    return parseReply(body, "f2pool v1", 120, v1Entry, other, &total);
}

bool fastReadV2Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector, qsizetype *count)
{
    HostCache hosts;
    return readEntries(array, readable, V2Entry{&hosts}, collector, count);
}

bool fastReadV1Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector, qsizetype *count)
{
    return readEntries(array, readable, v1Entry, collector, count);
}

} // namespace rw

#else // no simdjson: the DOM parsers do all the work

namespace rw {
bool fastParserAvailable()
{
    return false;
}
std::optional<ParseResult> fastParseF2poolV2WorkerList(const QByteArray &)
{
    return std::nullopt;
}
std::optional<ParseResult> fastParseF2poolV1(const QByteArray &)
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
