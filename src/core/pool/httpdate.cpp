#include "pool/httpdate.h"

#include <QByteArrayView>
#include <QVarLengthArray>

namespace rw {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// Unix seconds for a validated broken-down UTC time minus a zone offset; 0 when out of range.
qint64 toUnix(int y, int mo, int d, int h, int mi, int s, int offsetSecs)
{
    if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 ||
        h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return 0;
    const qint64 t = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offsetSecs;
    return t > 0 ? t : 0;
}

char16_t code(char c)
{
    return char16_t(uchar(c));
}
char16_t code(QChar c)
{
    return c.unicode();
}
char16_t code(QLatin1Char c)
{
    return c.unicode();
}
bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
char16_t lower(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
}

// Parses exactly n digits at s[pos]; returns -1 if there are not n digits.
template <typename S> int digits(const S &s, qsizetype pos, int n)
{
    if (pos + n > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = code(s[pos + i]);
        if (!isDigit(c))
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

bool equalsIgnoreCase(QByteArrayView a, const char *b)
{
    const QByteArrayView bv(b);
    if (a.size() != bv.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (lower(code(a[i])) != code(bv[i]))
            return false;
    return true;
}

int monthFromName(QByteArrayView t)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (equalsIgnoreCase(t, names[i]))
            return i + 1;
    return 0;
}

bool isWeekday(QByteArrayView t)
{
    static const char *const names[] = {"mon",      "tue",    "wed",      "thu",     "fri",
                                        "sat",      "sun",    "monday",   "tuesday", "wednesday",
                                        "thursday", "friday", "saturday", "sunday"};
    for (const char *n : names)
        if (equalsIgnoreCase(t, n))
            return true;
    return false;
}

// "+0800" / "-0000" -> seconds east of UTC; false if not a numeric zone.
bool numericZone(QByteArrayView t, int *offset)
{
    if (t.size() != 5 || (t[0] != '+' && t[0] != '-'))
        return false;
    const int hh = digits(t, 1, 2), mm = digits(t, 3, 2);
    if (hh < 0 || mm < 0 || hh > 23 || mm > 59)
        return false;
    *offset = (t[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    return true;
}

} // namespace

qint64 parseHttpDate(const QByteArray &value)
{
    // Split on blanks and commas; RFC 850's "06-Nov-94" is split on '-' as well.
    QVarLengthArray<QByteArrayView, 8> tokens;
    const QByteArrayView v(value);
    qsizetype i = 0;
    while (i < v.size()) {
        while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
            ++i;
        const qsizetype start = i;
        while (i < v.size() && v[i] != ' ' && v[i] != '\t' && v[i] != ',')
            ++i;
        if (i == start)
            continue;
        const QByteArrayView tok = v.sliced(start, i - start);
        if (tok.count('-') == 2 && tok[0] != '-') {
            const qsizetype a = tok.indexOf('-'), b = tok.lastIndexOf('-');
            tokens << tok.first(a) << tok.sliced(a + 1, b - a - 1) << tok.sliced(b + 1);
        } else {
            tokens << tok;
        }
        if (tokens.size() > 7)
            return 0;
    }

    int month = 0, numbers[2] = {-1, -1}, numberLen[2] = {0, 0}, nNumbers = 0;
    int h = -1, mi = -1, s = -1, offset = 0;
    bool weekday = false, zone = false;
    for (const QByteArrayView t : tokens) {
        if (t.isEmpty())
            return 0;
        if (t.size() == 8 && t[2] == ':' && t[5] == ':') {
            if (h >= 0)
                return 0;
            h = digits(t, 0, 2), mi = digits(t, 3, 2), s = digits(t, 6, 2);
            if (h < 0 || mi < 0 || s < 0)
                return 0;
        } else if (isDigit(code(t[0]))) {
            if (nNumbers == 2 || (t.size() != 1 && t.size() != 2 && t.size() != 4))
                return 0;
            const int n = digits(t, 0, int(t.size()));
            if (n < 0)
                return 0;
            numberLen[nNumbers] = int(t.size());
            numbers[nNumbers++] = n;
        } else if (int m = monthFromName(t)) {
            if (month)
                return 0;
            month = m;
        } else if (!weekday && !month && nNumbers == 0 && isWeekday(t)) {
            weekday = true;
        } else if (!zone && (equalsIgnoreCase(t, "gmt") || equalsIgnoreCase(t, "utc") ||
                             equalsIgnoreCase(t, "ut") || equalsIgnoreCase(t, "z"))) {
            zone = true;
        } else if (!zone && numericZone(t, &offset)) {
            zone = true;
        } else {
            return 0;
        }
    }
    // In all three formats the day comes before the year.
    if (!month || h < 0 || nNumbers != 2 || numberLen[0] > 2 || numberLen[1] == 1)
        return 0;
    int year = numbers[1];
    if (numberLen[1] == 2) // RFC 850 two-digit year
        year += year < 70 ? 2000 : 1900;
    return toUnix(year, month, numbers[0], h, mi, s, offset);
}

namespace {
// S: QStringView or QLatin1StringView, trimmed.
template <typename S> qint64 isoDateTime(const S &v)
{
    // YYYY-MM-DD
    const int y = digits(v, 0, 4), mo = digits(v, 5, 2), d = digits(v, 8, 2);
    if (y < 0 || mo < 0 || d < 0 || code(v[4]) != u'-' || code(v[7]) != u'-')
        return 0;
    if (v.size() == 10)
        return toUnix(y, mo, d, 0, 0, 0, 0);
    const char16_t sep = lower(code(v[10]));
    if (sep != u't' && sep != u' ')
        return 0;
    // HH:MM[:SS[.fraction]]
    const int h = digits(v, 11, 2), mi = digits(v, 14, 2);
    if (h < 0 || mi < 0 || v.size() < 16 || code(v[13]) != u':')
        return 0;
    qsizetype pos = 16;
    int s = 0;
    if (pos < v.size() && code(v[pos]) == u':') {
        s = digits(v, pos + 1, 2);
        if (s < 0)
            return 0;
        pos += 3;
        if (pos < v.size() && (code(v[pos]) == u'.' || code(v[pos]) == u',')) {
            ++pos;
            const qsizetype fracStart = pos;
            while (pos < v.size() && isDigit(code(v[pos])))
                ++pos;
            if (pos == fracStart)
                return 0;
        }
    }
    // Zone: none (UTC), Z, +HH, +HH:MM, +HHMM
    int offset = 0;
    if (pos < v.size()) {
        const char16_t z = code(v[pos]);
        if (lower(z) == u'z') {
            ++pos;
        } else if (z == u'+' || z == u'-') {
            const int oh = digits(v, pos + 1, 2);
            if (oh < 0 || oh > 23)
                return 0;
            pos += 3;
            int om = 0;
            if (pos < v.size()) {
                if (code(v[pos]) == u':')
                    ++pos;
                om = digits(v, pos, 2);
                if (om < 0 || om > 59)
                    return 0;
                pos += 2;
            }
            offset = (z == u'-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        if (pos != v.size())
            return 0;
    }
    return toUnix(y, mo, d, h, mi, s, offset);
}
} // namespace

qint64 parseIsoDateTime(QStringView value)
{
    return isoDateTime(value.trimmed());
}

qint64 parseIsoDateTime(std::string_view ascii)
{
    // QStringView::trimmed()'s white space, as far as ASCII has it.
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    size_t begin = 0, end = ascii.size();
    while (begin < end && space(ascii[begin]))
        ++begin;
    while (end > begin && space(ascii[end - 1]))
        --end;
    return isoDateTime(QLatin1StringView(ascii.data() + begin, qsizetype(end - begin)));
}

qint64 parseHttpDateFields(const QList<QByteArray> &fields)
{
    for (auto f = fields.crbegin(); f != fields.crend(); ++f) {
        if (const qint64 t = parseHttpDate(*f))
            return t;
        // Joined fields: the shortest tail after a comma that is a whole date is the last one
        // (an IMF-fixdate's own comma follows its weekday, which parseHttpDate does not need).
        for (qsizetype comma = f->lastIndexOf(','); comma > 0;
             comma = f->lastIndexOf(',', comma - 1)) {
            if (const qint64 t = parseHttpDate(f->mid(comma + 1)))
                return t;
        }
    }
    return 0;
}

} // namespace rw
