#pragma once

// The JSON checks under the fast f2pool parsers (fastf2poolparser.cpp, its only user): what
// simdjson On-Demand does not check by itself, or reads differently from Qt's parser, so that
// the fast path accepts exactly what the QJsonDocument parsers accept. Every function answers
// "fine" (true) or "not for the fast path" (false). Only with simdjson (RIGWATCH_HAVE_SIMDJSON).

// No exceptions: a simdjson error must be a return value here, never a throw past Qt code (an
// implicit conversion of a simdjson_result that would throw does not compile).
#define SIMDJSON_EXCEPTIONS 0
#include <simdjson.h>

#include <QtGlobal>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>
#include <system_error>

namespace rw::jsonchecks {

namespace od = simdjson::ondemand;
using simdjson::SUCCESS;

// A JSON number token (RFC 8259 grammar; the spaces after it allowed): where it ends, how many
// digits its mantissa has (integer and fraction parts, leading zeros included), and whether it
// has an exponent. nullopt when the token is not a JSON number.
struct NumberToken
{
    size_t end = 0;
    size_t mantissaDigits = 0;
    bool exponent = false;
};

inline std::optional<NumberToken> numberSyntax(std::string_view t)
{
    size_t n = t.size();
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
        --n;
    const auto digit = [&t](size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    NumberToken token;
    size_t i = 0;
    if (i < n && t[i] == '-')
        ++i;
    if (i >= n || !digit(i))
        return std::nullopt;
    if (t[i] == '0') {
        ++i;
        ++token.mantissaDigits;
    } else {
        for (; i < n && digit(i); ++i)
            ++token.mantissaDigits;
    }
    if (i < n && t[i] == '.') {
        const size_t fraction = ++i;
        for (; i < n && digit(i); ++i)
            ++token.mantissaDigits;
        if (i == fraction)
            return std::nullopt;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        token.exponent = true;
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        const size_t exponent = i;
        while (i < n && digit(i))
            ++i;
        if (i == exponent)
            return std::nullopt;
    }
    if (i != n)
        return std::nullopt;
    token.end = n;
    return token;
}

// A JSON number as a double, as Qt's parser would have it: Qt rejects a literal that underflows
// (1e-400, and subnormals), where simdjson quietly gives 0; such a reply goes to the DOM parser.
inline bool jsonNumber(od::value v, double *out)
{
    // More than 19 mantissa digits ("8640000000000000000.0", v1's hashes per day with a
    // decimal) are beyond simdjson's fast path: its fallback is slow, and simdjson 3.0.1
    // On-Demand (Debian 12) even reads "0." followed by 19 or more digits wrong
    // (0.92233720368547758070 -> 0.18446744073709551; found by fuzz_v2parser). Such numbers are
    // read by std::from_chars, which rounds correctly, as Qt's parser does. (A token of 19
    // characters or fewer cannot have more than 19 digits: one comparison for the common case.)
    const std::string_view token = v.raw_json_token();
    std::optional<NumberToken> syntax;
    if (token.size() > 19 && !(syntax = numberSyntax(token)))
        return false; // not a JSON number
    if (syntax && syntax->mantissaDigits > 19) {
        const char *last = token.data() + syntax->end;
        const auto [ptr, ec] = std::from_chars(token.data(), last, *out);
        if (ec != std::errc() || ptr != last)
            return false; // out of range: the DOM parser's call
    } else if (v.get_double().get(*out) != SUCCESS) {
        return false;
    }
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
inline bool shortPlainNumber(std::string_view t)
{
    const std::optional<NumberToken> token = numberSyntax(t);
    return token && !token->exponent && token->end <= 300;
}

// Calls read(element) for every element of an array, read(key, value) for every member of an
// object; false as soon as simdjson reports an error or read() says "not for the fast path".
template <typename Read> inline bool eachElement(od::array a, Read read)
{
    for (auto element : a) {
        od::value v;
        if (std::move(element).get(v) != SUCCESS || !read(v))
            return false;
    }
    return true;
}

template <typename Read> inline bool eachMember(od::object o, Read read)
{
    for (auto member : o) {
        od::field f;
        if (std::move(member).get(f) != SUCCESS || !read(f.key(), f.value()))
            return false;
    }
    return true;
}

// How deep validJson() follows nested arrays and objects before it leaves the reply to the DOM
// parser. The walk recurses, so without a bound a small reply nested tens of thousands of levels
// deep overflows the stack. Real replies are a handful of levels deep; Qt's parser, which then
// decides, has its own limit and names the error.
constexpr int kMaxFastDepth = 64;

// On-Demand skips what it is not asked for without checking it, so "status": 0.0.0 or [1 2] in
// a field RigWatch ignores would pass; the DOM parser rejects such a reply as invalid JSON. Every
// value the fast path does not read is therefore walked and checked here.
inline bool validJson(od::value v, int depth = 0)
{
    od::json_type type;
    if (v.type().get(type) != SUCCESS)
        return false;
    if ((type == od::json_type::object || type == od::json_type::array) && depth >= kMaxFastDepth)
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
                !validJson(f.value(), depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array a;
        if (v.get_array().get(a) != SUCCESS)
            return false;
        return eachElement(a, [depth](od::value &e) { return validJson(e, depth + 1); });
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
// Eight bytes at a time: the input is padded (kFastParserPadding), so reading a few bytes past
// the closing quote stays inside the buffer.
inline bool plainKey(od::raw_json_string key)
{
#if Q_BYTE_ORDER != Q_LITTLE_ENDIAN
    for (const char *p = key.raw(); *p != '"'; ++p)
        if (*p == '\\')
            return false;
    return true;
#else
    constexpr quint64 kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const auto has = [](quint64 word, unsigned char c) {
        const quint64 x = word ^ (kOnes * c);
        return (x - kOnes) & ~x & kHighs; // the lowest set bit marks the first byte equal to c
    };
    for (const char *p = key.raw();; p += 8) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        const quint64 quote = has(word, '"'), backslash = has(word, '\\');
        if (backslash == 0 && quote == 0)
            continue;
        if (backslash == 0)
            return true;
        // Both: which comes first (little-endian: the lower bit is the earlier byte).
        return quote != 0 && (quote & (~quote + 1)) < (backslash & (~backslash + 1));
    }
#endif
}

} // namespace rw::jsonchecks
