#include "pool/fast/v1entryscanner.h"

// Eight bytes at a time, the first in the lowest: little-endian only (elsewhere the lists go to
// simdjson On-Demand, as without this scanner).
#if defined(RIGWATCH_HAVE_SIMDJSON) && Q_BYTE_ORDER == Q_LITTLE_ENDIAN

#include "pool/httpdate.h"
#include "pool/jsonspace.h"
#include "pool/workercollector.h"

#include <QtAlgorithms>
#include <QtNumeric>

#define SIMDJSON_EXCEPTIONS 0
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <system_error>

namespace rw {
namespace {

// Every helper answers "read" (true) or "not for this scanner" (false, the caller gives the whole
// slice to simdjson, which decides what is valid and what it means).

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kIntPow10[] = {1ULL,
                                       10ULL,
                                       100ULL,
                                       1000ULL,
                                       10000ULL,
                                       100000ULL,
                                       1000000ULL,
                                       10000000ULL,
                                       100000000ULL,
                                       1000000000ULL,
                                       10000000000ULL,
                                       100000000000ULL,
                                       1000000000000ULL,
                                       10000000000000ULL,
                                       100000000000000ULL,
                                       1000000000000000ULL,
                                       10000000000000000ULL,
                                       100000000000000000ULL,
                                       1000000000000000000ULL,
                                       10000000000000000000ULL};
constexpr std::uint64_t kExactMantissa = std::uint64_t(1) << 53;

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

inline std::uint64_t load(const char *p)
{
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// The lowest set bit marks the first byte equal to c (bits above it may be wrong).
inline std::uint64_t equalBytes(std::uint64_t word, unsigned char c)
{
    const std::uint64_t x = word ^ (kOnes * c);
    return (x - kOnes) & ~x & kHighs;
}

// A mark in the high half of every byte of the word that is not an ASCII digit.
inline std::uint64_t nonDigits(std::uint64_t word)
{
    const std::uint64_t x = word ^ (kOnes * '0'); // a digit's byte is now 0..9
    return (((x & ~kHighs) + kOnes * 6) | x) & (kOnes * 0xF0);
}

// Eight ASCII digits, known to be digits, as their value (little-endian byte order).
inline std::uint64_t eightDigits(std::uint64_t word)
{
    word -= kOnes * '0';
    word = word * 10 + (word >> 8);
    return (((word & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
            (((word >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
           32;
}

// The double of mantissa x 10^exponent when one correctly rounded operation gives it: an integer
// below 2^64 converted, or (Clinger) an integer up to 2^53 times or divided by a power of ten up
// to 10^22. Trailing zeros do not count (8464953600000000000.0 is an integer). False otherwise.
bool exactValue(std::uint64_t mantissa, int exponent, double *out)
{
    if (mantissa == 0) {
        *out = 0;
        return true;
    }
    while (exponent < 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    std::uint64_t whole = 0;
    if (exponent >= 0 && exponent < 20 && !qMulOverflow(mantissa, kIntPow10[exponent], &whole)) {
        *out = double(whole);
        return true;
    }
    while (mantissa > kExactMantissa && mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    if (mantissa > kExactMantissa || exponent < -22 || exponent > 22)
        return false;
    *out =
        exponent >= 0 ? double(mantissa) * kPow10[exponent] : double(mantissa) / kPow10[-exponent];
    return true;
}

// Whether the digits between begin and end (a number's, before its exponent) are all zeros.
bool allZero(const char *begin, const char *end)
{
    for (; begin < end && *begin != 'e' && *begin != 'E'; ++begin)
        if (*begin >= '1' && *begin <= '9')
            return false;
    return true;
}

class Scanner
{
public:
    Scanner(const char *begin, const char *end) : m_p(begin), m_end(end) {}

    const char *at() const { return m_p; }

    void skipSpace()
    {
        while (m_p < m_end && static_cast<unsigned char>(*m_p) <= ' ' && isJsonSpace(*m_p))
            ++m_p;
    }

    bool take(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    qsizetype left() const { return m_end - m_p; }
    void skip(qsizetype n) { m_p += n; }

    // How many ASCII digits start at p (eight bytes at a time).
    size_t digitRun(const char *p) const
    {
        const char *start = p;
        while (p + 8 <= m_end) {
            const std::uint64_t other = nonDigits(load(p));
            if (other != 0)
                return size_t(p - start) + size_t(qCountTrailingZeroBits(other) / 8);
            p += 8;
        }
        while (p < m_end && isDigit(*p))
            ++p;
        return size_t(p - start);
    }

    // The digits from p into *mantissa, eight at a time, at most 19 in all (*kept counts them);
    // returns the end of the run. A further digit sets *over, but for zeros ending a fraction,
    // which change nothing ("8464953600000000000.0").
    const char *readDigits(const char *p, bool fraction, std::uint64_t *mantissa, int *kept,
                           bool *over) const
    {
        while (p + 8 <= m_end) {
            const std::uint64_t word = load(p);
            const std::uint64_t other = nonDigits(word);
            const int n = other != 0 ? int(qCountTrailingZeroBits(other) / 8) : 8;
            if (n == 0)
                return p;
            if (*kept + n > 19)
                return overflow(p, fraction, over);
            *mantissa = n == 8 ? *mantissa * 100000000ULL + eightDigits(word)
                               : *mantissa * kIntPow10[n] + eightDigits((word << (8 * (8 - n))) |
                                                                        ((kOnes * '0') >> (8 * n)));
            *kept += n;
            p += n;
            if (n < 8)
                return p;
        }
        for (; p < m_end && isDigit(*p); ++p) {
            if (*kept == 19)
                return overflow(p, fraction, over);
            *mantissa = *mantissa * 10 + std::uint64_t(*p - '0');
            ++*kept;
        }
        return p;
    }

    const char *overflow(const char *p, bool fraction, bool *over) const
    {
        const char *end = p + digitRun(p);
        *over = *over || !fraction || !std::all_of(p, end, [](char c) { return c == '0'; });
        return end;
    }

    // A string without escapes or control characters; its bytes must be valid UTF-8 (checked
    // only when one is not ASCII). The scanner is at the opening quote.
    Q_ALWAYS_INLINE bool plainString(std::string_view *out)
    {
        const char *start = ++m_p;
        // Eight bytes at a time to the first that needs a look: '"', '\\', control, non-ASCII.
        while (m_p + 8 <= m_end) {
            const std::uint64_t word = load(m_p);
            const std::uint64_t look = equalBytes(word, '"') | equalBytes(word, '\\') |
                                       ((word - kOnes * 0x20) & ~word & kHighs) | (word & kHighs);
            if (look != 0) {
                m_p += qCountTrailingZeroBits(look) / 8;
                break;
            }
            m_p += 8;
        }
        bool ascii = true;
        for (; m_p < m_end; ++m_p) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *out = std::string_view(start, size_t(m_p - start));
                ++m_p;
                return ascii || simdjson::validate_utf8(start, out->size());
            }
            if (c == '\\' || c < 0x20)
                return false;
            ascii = ascii && c < 0x80;
        }
        return false;
    }

    // The exponent part at p, if any ("e-5"): adds its value to *exponent. Returns where it
    // ends (p when there is none), nullptr when it is not JSON.
    const char *exponentPart(const char *p, int *exponent) const
    {
        if (p >= m_end || (*p != 'e' && *p != 'E'))
            return p;
        ++p;
        bool down = false;
        if (p < m_end && (*p == '+' || *p == '-'))
            down = *p++ == '-';
        if (p >= m_end || !isDigit(*p))
            return nullptr;
        int e = 0;
        for (; p < m_end && isDigit(*p); ++p)
            e = e < 10000 ? e * 10 + (*p - '0') : e;
        *exponent += down ? -e : e;
        return p;
    }

    // Where the JSON number at the scanner ends (RFC 8259 grammar), nullptr when it is not one.
    const char *numberEnd(bool *hasExponent) const
    {
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        const size_t integerDigits = digitRun(p);
        if (integerDigits == 0 || (integerDigits > 1 && *p == '0'))
            return nullptr; // no digit, or a leading zero: not JSON
        p += integerDigits;
        if (p < m_end && *p == '.') {
            const size_t fractionDigits = digitRun(++p);
            if (fractionDigits == 0)
                return nullptr;
            p += fractionDigits;
        }
        int exponent = 0;
        const char *end = exponentPart(p, &exponent);
        *hasExponent = end != p;
        return end;
    }

    // A JSON number as the double every correct reader (simdjson, std::from_chars, Qt) gives:
    // its digits read eight at a time into an integer, then exactValue(), or for more than 19
    // significant digits or a value that needs more than one rounding, std::from_chars.
    Q_ALWAYS_INLINE bool number(double *out)
    {
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end || !isDigit(*p) || (*p == '0' && p + 1 < m_end && isDigit(p[1])))
            return false; // no digit, or a leading zero: not JSON
        std::uint64_t mantissa = 0;
        int kept = 0;
        bool over = false;
        p = readDigits(p, false, &mantissa, &kept, &over);
        int exponent = 0;
        if (p + 1 < m_end && p[0] == '.' && p[1] == '0' && (p + 2 == m_end || !isDigit(p[2]))) {
            p += 2; // "103336776159500.0": an integer
        } else if (p < m_end && *p == '.') {
            const char *fraction = ++p;
            const int before = kept;
            p = readDigits(p, true, &mantissa, &kept, &over);
            if (p == fraction)
                return false;
            exponent = before - kept;
        }
        p = exponentPart(p, &exponent);
        if (!p)
            return false;
        double value = 0;
        if (!over && exactValue(mantissa, exponent, &value)) {
            if (*m_p == '-')
                value = -value;
        } else {
            // 1510837712899199.8: std::from_chars rounds correctly (Eisel-Lemire in libstdc++);
            // out of range, underflow and subnormals are the DOM parser's call.
            const auto [end, ec] = std::from_chars(m_p, p, value);
            if (ec != std::errc() || end != p || (value != 0 && !std::isnormal(value)))
                return false;
            if (value == 0 && !allZero(m_p, p))
                return false; // underflow
        }
        *out = value;
        m_p = p;
        return true;
    }

    // A number nothing reads: a plain one (no exponent, up to 300 characters) is a normal double
    // whatever its digits, so its syntax is enough (as jsonchecks::validJson has it).
    bool unusedNumber()
    {
        bool hasExponent = false;
        const char *end = numberEnd(&hasExponent);
        if (!end)
            return false;
        if (hasExponent || end - m_p > 300) {
            double d;
            return number(&d);
        }
        m_p = end;
        return true;
    }

    bool literal(const char *word, size_t size)
    {
        if (size_t(m_end - m_p) < size || std::memcmp(m_p, word, size) != 0)
            return false;
        m_p += size;
        return true;
    }

    // A value the v1 reader does not use (index 3, the flags after the last share): checked.
    bool unusedValue()
    {
        std::string_view s;
        switch (peek()) {
        case '"':
            return plainString(&s);
        case 't':
            return literal("true", 4);
        case 'f':
            return literal("false", 5);
        case 'n':
            return literal("null", 4);
        default:
            return unusedNumber();
        }
    }

private:
    const char *m_p;
    const char *m_end;
};

// Reads entries, the scanner at an entry's '[', into samples: the fields as the DOM parser reads
// them (v1Worker in fastf2poolparser.cpp, f2poolparser.cpp).
class EntryReader
{
public:
    explicit EntryReader(const WorkerCollector &collector) : m_collector(collector) {}

    bool read(Scanner &in, WorkerSample *s)
    {
        const Scanner start = in;
        if (compact(in, s))
            return true;
        in = start;
        *s = WorkerSample();
        return general(in, s);
    }

private:
    // The shape f2pool sends, with no space anywhere: ["name",n,n,n,n,n,"time"(,value)*]. One
    // straight line; anything else is read again by general().
    bool compact(Scanner &in, WorkerSample *s)
    {
        double perDay = 0, staleDay = 0;
        std::string_view text;
        if (!in.take('[') || !name(in, s) || !in.take(',') || !rate(in, &s->hashRate) ||
            !in.take(',') || !rate(in, &s->hashRate1h) || !in.take(',') || !in.unusedNumber() ||
            !in.take(',') || !rate(in, &perDay) || !in.take(',') || !rate(in, &staleDay) ||
            !in.take(','))
            return false;
        if (!sameDayShare(in, &s->lastShareAt)) {
            if (in.peek() != '"' || !in.plainString(&text))
                return false;
            s->lastShareAt = shareTime(text);
        }
        s->hashRate24h = perDay / 86400.0;
        s->staleRate24h = staleDay / 86400.0;
        while (in.take(','))
            if (!in.unusedValue())
                return false;
        return in.take(']');
    }

    bool general(Scanner &in, WorkerSample *s)
    {
        in.take('[');
        in.skipSpace();
        if (in.peek() == ']')
            return false; // an empty entry is not a worker: the DOM parser says why
        for (int index = 0;; ++index) {
            bool ok = true;
            double perDay = 0;
            std::string_view text;
            switch (index) {
            case 0:
                ok = name(in, s);
                break;
            case 1:
                ok = rate(in, &s->hashRate);
                break;
            case 2:
                ok = rate(in, &s->hashRate1h);
                break;
            case 4:
                ok = rate(in, &perDay);
                s->hashRate24h = perDay / 86400.0;
                break;
            case 5:
                ok = rate(in, &perDay);
                s->staleRate24h = perDay / 86400.0;
                break;
            case 6:
                if (in.peek() == '"') {
                    ok = in.plainString(&text);
                    s->lastShareAt = ok ? shareTime(text) : 0;
                } else {
                    double d = 0;
                    ok = in.number(&d);
                    s->lastShareAt = secondsFromNumber(d);
                }
                break;
            default:
                ok = in.unusedValue();
            }
            if (!ok)
                return false;
            in.skipSpace();
            if (in.take(']'))
                return true;
            if (!in.take(','))
                return false;
            in.skipSpace();
        }
    }

    bool name(Scanner &in, WorkerSample *s) const
    {
        std::string_view text;
        if (in.peek() != '"' || !in.plainString(&text) || text.empty())
            return false;
        s->name = m_collector.previousText(text, &WorkerSample::name);
        if (s->name.isNull())
            s->name = QString::fromUtf8(text.data(), qsizetype(text.size()));
        return true;
    }

    // A rate: negative counts as 0 (as in the DOM parser).
    static bool rate(Scanner &in, double *out)
    {
        double d = 0;
        if (!in.number(&d))
            return false;
        *out = d > 0 ? d : 0;
        return true;
    }

    // unixSecondsFromUtf8(text), with the day of "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" remembered from
    // the entry before: a farm's last shares fall on a day or two, and the calendar arithmetic
    // is most of the work.
    qint64 shareTime(std::string_view text)
    {
        int clock = 0;
        if (text.size() < 20 || text.back() != 'Z' || !timeOfDay(text.data() + 10, &clock))
            return unixSecondsFromUtf8(text);
        if (text.size() > 20) { // a fraction: ".digits" before the Z
            if (text[19] != '.' || text.size() == 21)
                return unixSecondsFromUtf8(text);
            for (size_t i = 20; i + 1 < text.size(); ++i)
                if (!isDigit(text[i]))
                    return unixSecondsFromUtf8(text);
        }
        if (std::memcmp(text.data(), m_day, sizeof m_day) != 0) {
            // The date alone, checked as the whole would be (0: invalid, or 1970-01-01, which
            // is left to the general reading).
            const qint64 dayStart = parseIsoDateTime(text.substr(0, sizeof m_day));
            if (dayStart <= 0)
                return unixSecondsFromUtf8(text);
            std::memcpy(m_day, text.data(), sizeof m_day);
            m_dayStart = dayStart;
        }
        return m_dayStart + clock;
    }

    // The last share in f2pool's own form, "YYYY-MM-DDTHH:MM:SS.ffffffZ" with its quotes, on the
    // day of the entry before: read in place, what plainString() and shareTime() would give
    // (every byte is a digit or the separator the form has there, so the string is plain).
    bool sameDayShare(Scanner &in, qint64 *out) const
    {
        constexpr qsizetype kQuoted = 29;
        const char *p = in.at();
        if (m_dayStart <= 0 || in.left() < kQuoted || p[0] != '"' || p[kQuoted - 1] != '"' ||
            std::memcmp(p + 1, m_day, sizeof m_day) != 0)
            return false;
        const char *t = p + 11; // THH:MM:SS.ffffffZ
        int clock = 0;
        if (!timeOfDay(t, &clock) || t[9] != '.' || t[16] != 'Z')
            return false;
        for (int i = 10; i < 16; ++i)
            if (!isDigit(t[i]))
                return false;
        *out = m_dayStart + clock;
        in.skip(kQuoted);
        return true;
    }

    // "THH:MM:SS" at t (nine bytes readable) as seconds since midnight; false when it is not
    // that, or out of range (a leap second, :60, is allowed, as parseIsoDateTime allows it).
    static bool timeOfDay(const char *t, int *seconds)
    {
        if (t[0] != 'T' || t[3] != ':' || t[6] != ':')
            return false;
        for (const int i : {1, 2, 4, 5, 7, 8})
            if (!isDigit(t[i]))
                return false;
        const int h = (t[1] - '0') * 10 + (t[2] - '0'), mi = (t[4] - '0') * 10 + (t[5] - '0'),
                  sec = (t[7] - '0') * 10 + (t[8] - '0');
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        *seconds = h * 3600 + mi * 60 + sec;
        return true;
    }

    const WorkerCollector &m_collector;
    char m_day[10] = {}; // "YYYY-MM-DD" of m_dayStart
    qint64 m_dayStart = 0;
};

} // namespace

bool scanV1List(QByteArrayView text, WorkerCollector &collector, qsizetype *count,
                qsizetype *length)
{
    if (text.isEmpty())
        return false;
    Scanner in(text.data(), text.data() + text.size());
    const qsizetype before = collector.size();
    qsizetype entries = 0;
    in.skipSpace();
    bool ok = in.take('[');
    in.skipSpace();
    EntryReader reader(collector);
    if (ok && !in.take(']')) {
        for (;;) {
            WorkerSample s;
            if (in.peek() != '[' || !reader.read(in, &s)) {
                ok = false;
                break;
            }
            collector.add(std::move(s));
            ++entries;
            in.skipSpace();
            if (in.take(']'))
                break;
            if (!in.take(',')) {
                ok = false;
                break;
            }
            in.skipSpace();
        }
    }
    if (!ok) {
        collector.truncate(before);
        return false;
    }
    *count = entries;
    *length = in.at() - text.data();
    return true;
}

bool scanV1Entries(QByteArrayView array, WorkerCollector &collector, qsizetype *count)
{
    const qsizetype before = collector.size();
    qsizetype length = 0;
    if (!scanV1List(array, collector, count, &length))
        return false;
    const QByteArrayView rest = array.sliced(length);
    if (!std::all_of(rest.begin(), rest.end(), isJsonSpace)) {
        collector.truncate(before);
        return false;
    }
    return true;
}

} // namespace rw

#else

namespace rw {
bool scanV1List(QByteArrayView, WorkerCollector &, qsizetype *, qsizetype *)
{
    return false;
}
bool scanV1Entries(QByteArrayView, WorkerCollector &, qsizetype *)
{
    return false;
}
} // namespace rw

#endif
