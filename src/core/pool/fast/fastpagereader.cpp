#include "pool/fast/fastpagereader.h"

#include "pool/httpdate.h"
#include "pool/poolvalues.h"
#include "pool/workercollector.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace rw::fastpage {

namespace {

// The same value as Qt's parser gives it, for the reference functions (the uncommon forms).
QJsonValue jsonOf(const Value &v)
{
    switch (v.kind) {
    case Value::Absent:
        return QJsonValue(QJsonValue::Undefined);
    case Value::Null:
        return QJsonValue(QJsonValue::Null);
    case Value::Bool:
        return QJsonValue(v.boolean);
    case Value::Number:
        return QJsonValue(v.number);
    case Value::String:
        return QJsonValue(QString::fromUtf8(v.text.data(), qsizetype(v.text.size())));
    case Value::Other:
        break;
    }
    return QJsonValue(QJsonObject()); // the readers take no object or array
}

bool isAscii(std::string_view t)
{
    return std::all_of(t.begin(), t.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// QChar::isSpace() on ASCII: tab to carriage return, and the space.
bool isAsciiSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// QString::trimmed() of ASCII text.
std::string_view trimmed(std::string_view t)
{
    while (!t.empty() && isAsciiSpace(t.front()))
        t.remove_prefix(1);
    while (!t.empty() && isAsciiSpace(t.back()))
        t.remove_suffix(1);
    return t;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "0", "12", "12.345": what the hash rates hold, and what QString::toDouble() surely reads as
// std::from_chars does (both round correctly). Anything else goes to the reference.
bool plainDecimal(std::string_view t)
{
    if (t.empty() || t.size() > 64 || !isDigit(t[0]) ||
        (t[0] == '0' && t.size() > 1 && t[1] != '.'))
        return false;
    size_t i = 0;
    while (i < t.size() && isDigit(t[i]))
        ++i;
    if (i == t.size())
        return true;
    if (t[i] != '.' || ++i == t.size())
        return false;
    while (i < t.size() && isDigit(t[i]))
        ++i;
    return i == t.size();
}

// poolvalues.cpp's hashRateUnitFactor() on trimmed ASCII.
std::optional<double> unitFactor(std::string_view u)
{
    if (u.size() > 4) // even after "/s" and "h" are cut, more than one letter: unknown
        return std::nullopt;
    char b[4];
    size_t n = u.size();
    for (size_t i = 0; i < n; ++i)
        b[i] = (u[i] >= 'A' && u[i] <= 'Z') ? char(u[i] - 'A' + 'a') : u[i];
    if (n >= 2 && ((b[n - 2] == '/' && b[n - 1] == 's') || (b[n - 2] == 'p' && b[n - 1] == 's')))
        n -= 2;
    if (n >= 1 && b[n - 1] == 'h')
        --n;
    if (n == 0)
        return 1.0;
    if (n != 1)
        return std::nullopt;
    return siPrefixFactor(b[0]);
}

// poolHashRate() of a string: nullopt in *result and false when the reference has to read it.
bool stringHashRate(std::string_view text, double defaultFactor, std::optional<double> *result)
{
    if (!isAscii(text))
        return false;
    const std::string_view t = trimmed(text);
    // Where the reference's number ends: digits, '.', '-', '+', and an 'e' before a digit or '-'.
    size_t end = 0;
    while (end < t.size() && (isDigit(t[end]) || t[end] == '.' || t[end] == '-' || t[end] == '+' ||
                              ((t[end] == 'e' || t[end] == 'E') && end + 1 < t.size() &&
                               (isDigit(t[end + 1]) || t[end + 1] == '-'))))
        ++end;
    const std::string_view number = t.substr(0, end);
    if (!plainDecimal(number))
        return false;
    double d = 0;
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), d);
    if (ec != std::errc() || ptr != number.data() + number.size() || !std::isfinite(d))
        return false;
    const std::string_view unit = trimmed(t.substr(end));
    if (unit.empty()) {
        *result = d * defaultFactor;
    } else {
        const std::optional<double> factor = unitFactor(unit);
        *result = factor ? std::optional<double>(d * *factor) : std::nullopt;
    }
    return true;
}

} // namespace

std::optional<double> poolNumber(const Value &v)
{
    if (v.kind == Value::Number)
        return v.number; // finite: jsonNumber() takes no other
    if (v.kind != Value::String)
        return std::nullopt;
    return rw::poolNumber(jsonOf(v));
}

std::optional<double> hashRateUnitFactor(const Value &unit)
{
    if (unit.kind == Value::String && isAscii(unit.text))
        return unitFactor(trimmed(unit.text));
    if (unit.kind != Value::String)
        return std::nullopt;
    const QString text = QString::fromUtf8(unit.text.data(), qsizetype(unit.text.size()));
    return rw::hashRateUnitFactor(text);
}

std::optional<double> poolHashRate(const Value &v, double defaultFactor)
{
    std::optional<double> rate;
    if (v.kind == Value::Number) {
        rate = v.number * defaultFactor;
    } else if (v.kind == Value::String) {
        if (!stringHashRate(v.text, defaultFactor, &rate))
            return rw::poolHashRate(jsonOf(v), defaultFactor);
    }
    if (!rate || *rate < 0)
        return std::nullopt;
    return rate;
}

std::optional<qint64> poolTime(const Value &v)
{
    switch (v.kind) {
    case Value::Absent:
    case Value::Null:
        return 0;
    case Value::Number:
        return secondsFromNumber(v.number);
    case Value::String:
        if (isAscii(v.text)) {
            const std::string_view t = trimmed(v.text);
            if (t.empty())
                return 0;
            // With a ':' it is no number: an ISO-8601 date-time or nothing.
            if (t.find(':') != std::string_view::npos) {
                const qint64 s = parseIsoDateTime(t);
                return s == 0 ? std::nullopt : std::optional<qint64>(s);
            }
        }
        return rw::poolTime(jsonOf(v));
    case Value::Bool:
    case Value::Other:
        break;
    }
    return std::nullopt;
}

std::optional<PoolState> EntryContext::poolState(const Value &v)
{
    if (v.kind == Value::Number) { // providers::nameOf() of a number
        const double d = v.number;
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return PoolState(QString::number(static_cast<qint64>(d)));
        return PoolState();
    }
    if (v.kind != Value::String)
        return std::nullopt;
    const std::string_view utf8 = v.text;
    for (Slot &slot : m_slots) {
        if (slot.used && slot.bytes == utf8)
            return slot.state;
    }
    for (Slot &slot : m_slots) {
        if (!slot.used) {
            slot.used = true;
            slot.bytes.assign(utf8.data(), utf8.size());
            slot.state = PoolState(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
            return slot.state;
        }
    }
    // A page of many words: no cache.
    return PoolState(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
}

} // namespace rw::fastpage

#ifdef RIGWATCH_HAVE_SIMDJSON

#include "pool/fast/jsonchecks.h"
#include "pool/fast/ondemandinput.h"

namespace rw::fastpage {
namespace {

using namespace jsonchecks;

// One page's walk; every function answers "taken" (true) or "not for the fast path" (false).
class PageWalk
{
public:
    // inOrder: a list keyed by name is added as it comes, as long as its keys ascend (as pools
    // send them); a key out of order stops the walk (outOfOrder()), to be walked again sorting.
    PageWalk(const Spec &spec, WorkerCollector &collector, Page *page, bool inOrder)
        : m_spec(spec), m_collector(collector), m_page(page), m_inOrder(inOrder)
    {}

    // The members of the object at path[0..level) into levels[level], descending along the path.
    bool level(od::object o, int level, QJsonObject *out)
    {
        bool sawPathKey = false;
        for (auto member : o) {
            od::field f;
            std::string_view key;
            if (std::move(member).get(f) != SUCCESS || f.unescaped_key().get(key) != SUCCESS)
                return false;
            od::value &v = f.value();
            const char *step = m_spec.path[level];
            const bool any = std::strcmp(step, "*") == 0;
            bool onPath = !any && key == step;
            if (any) {
                // Any object, but not one named after the next step: the reference reads a
                // list at that name first (Braiins' "workers" without its coin level).
                od::json_type type;
                if (v.type().get(type) != SUCCESS)
                    return false;
                if (level + 1 < m_spec.depth && key == m_spec.path[level + 1])
                    return false;
                onPath = type == od::json_type::object;
            }
            if (onPath) {
                if (!any && sawPathKey)
                    return false; // a repeated key: which one counts is Qt's call
                sawPathKey = true;
                if (level + 1 == m_spec.depth) {
                    if (++m_lists > 1)
                        return false;
                    if (!list(v))
                        return false;
                    continue;
                }
                od::object inner;
                if (v.get_object().get(inner) != SUCCESS)
                    return false;
                const int listsBefore = m_lists;
                QJsonObject next;
                if (!this->level(inner, level + 1, &next))
                    return false;
                // Under "*", only the object that held the list counts (the reference skips
                // objects without it).
                if (m_lists > listsBefore)
                    m_page->levels[level + 1] = std::move(next);
                continue;
            }
            QJsonValue value;
            const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
            if (out->contains(name) || !json(v, 0, &value))
                return false;
            out->insert(name, value);
        }
        return true;
    }

    int lists() const { return m_lists; }
    qsizetype entries() const { return m_entries; }
    bool outOfOrder() const { return m_outOfOrder; }

private:
    // A value the provider may look at (paging fields, "code") as Qt's parser reads it.
    bool json(od::value v, int depth, QJsonValue *out)
    {
        od::json_type type;
        if (v.type().get(type) != SUCCESS)
            return false;
        if ((type == od::json_type::object || type == od::json_type::array) &&
            depth >= kMaxFastDepth)
            return false;
        switch (type) {
        case od::json_type::object: {
            od::object o;
            if (v.get_object().get(o) != SUCCESS)
                return false;
            QJsonObject object;
            for (auto member : o) {
                od::field f;
                std::string_view key;
                QJsonValue inner;
                if (std::move(member).get(f) != SUCCESS || f.unescaped_key().get(key) != SUCCESS ||
                    !json(f.value(), depth + 1, &inner))
                    return false;
                const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
                if (object.contains(name))
                    return false;
                object.insert(name, inner);
            }
            *out = object;
            return true;
        }
        case od::json_type::array: {
            od::array a;
            if (v.get_array().get(a) != SUCCESS)
                return false;
            QJsonArray array;
            const bool ok = eachElement(a, [&](od::value &e) {
                QJsonValue inner;
                if (!json(e, depth + 1, &inner))
                    return false;
                array.append(inner);
                return true;
            });
            *out = array;
            return ok;
        }
        case od::json_type::number: {
            double d = 0;
            if (!jsonNumber(v, &d))
                return false;
            *out = QJsonValue(d);
            return true;
        }
        case od::json_type::string: {
            std::string_view s;
            if (v.get_string().get(s) != SUCCESS)
                return false;
            *out = QJsonValue(QString::fromUtf8(s.data(), qsizetype(s.size())));
            return true;
        }
        case od::json_type::boolean: {
            bool b = false;
            if (v.get_bool().get(b) != SUCCESS)
                return false;
            *out = QJsonValue(b);
            return true;
        }
        case od::json_type::null: {
            bool null = false;
            *out = QJsonValue(QJsonValue::Null);
            return v.is_null().get(null) == SUCCESS && null;
        }
        }
        return false;
    }

    // One value of an entry, captured for the provider's mapping.
    static bool capture(od::value v, Value *out)
    {
        od::json_type type;
        if (v.type().get(type) != SUCCESS)
            return false;
        switch (type) {
        case od::json_type::number: {
            out->kind = Value::Number;
            if (!jsonNumber(v, &out->number))
                return false;
            // Qt reads every zero ("-0", "-0.0") as 0, where simdjson keeps -0.0 (a rate shown
            // as "-0").
            if (out->number == 0)
                out->number = 0;
            return true;
        }
        case od::json_type::string:
            out->kind = Value::String;
            return v.get_string().get(out->text) == SUCCESS;
        case od::json_type::boolean:
            out->kind = Value::Bool;
            return v.get_bool().get(out->boolean) == SUCCESS;
        case od::json_type::null: {
            bool null = false;
            out->kind = Value::Null;
            return v.is_null().get(null) == SUCCESS && null;
        }
        case od::json_type::object:
        case od::json_type::array:
            out->kind = Value::Other;
            return validJson(v);
        }
        return false;
    }

    bool entry(od::value v, WorkerSample *s, std::string_view *name)
    {
        od::object o;
        if (v.get_object().get(o) != SUCCESS)
            return false; // the reference rejects it: its message, its count
        Value fields[8];
        const bool ok = eachMember(o, [&](od::raw_json_string key, od::value &value) {
            for (int i = 0; i < m_spec.fieldCount; ++i) {
                if (key.unsafe_is_equal(m_spec.fields[i]))
                    return fields[i].kind == Value::Absent && capture(value, &fields[i]);
            }
            return plainKey(key) && validJson(value);
        });
        return ok && m_spec.entry(fields, s, name, m_context);
    }

    // The worker's name from its bytes: the previous poll's string where it is the same.
    bool add(WorkerSample &&s, std::string_view name)
    {
        if (m_spec.withoutAccountPrefix) {
            const size_t dot = name.find('.');
            if (dot != std::string_view::npos && dot > 0 && dot + 1 < name.size())
                name.remove_prefix(dot + 1);
        }
        if (name.empty())
            return false;
        s.name = m_collector.previousText(name, &WorkerSample::name);
        if (s.name.isNull())
            s.name = QString::fromUtf8(name.data(), qsizetype(name.size()));
        m_collector.add(std::move(s));
        ++m_entries;
        return true;
    }

    bool list(od::value v)
    {
        if (!m_spec.keyedByName) {
            od::array a;
            if (v.get_array().get(a) != SUCCESS)
                return false;
            return eachElement(a, [this](od::value &e) {
                WorkerSample s;
                std::string_view name;
                return entry(e, &s, &name) && add(std::move(s), name);
            });
        }
        od::object o;
        if (v.get_object().get(o) != SUCCESS)
            return false;
        // QJsonObject iterates its keys in UTF-16 order, which is the UTF-8 bytes' order
        // without 4-byte sequences (characters beyond U+FFFF).
        const auto beyondBmp = [](std::string_view key) {
            return std::any_of(key.begin(), key.end(),
                               [](char c) { return static_cast<unsigned char>(c) >= 0xF0; });
        };
        if (m_inOrder) {
            // Straight into the collector (no array of samples between) while the keys ascend.
            std::string_view last;
            bool first = true;
            for (auto member : o) {
                od::field f;
                std::string_view key;
                if (std::move(member).get(f) != SUCCESS || f.unescaped_key().get(key) != SUCCESS ||
                    beyondBmp(key))
                    return false;
                if (!first && !(last < key)) {
                    m_outOfOrder = last != key; // a repeated name: which one counts is Qt's call
                    return false;
                }
                first = false;
                last = key;
                WorkerSample s;
                std::string_view name = key;
                if (!entry(f.value(), &s, &name) || name != key || !add(std::move(s), key))
                    return false;
            }
            return true;
        }
        struct Keyed
        {
            std::string_view key;
            WorkerSample sample;
        };
        std::vector<Keyed> keyed;
        for (auto member : o) {
            od::field f;
            Keyed k;
            if (std::move(member).get(f) != SUCCESS || f.unescaped_key().get(k.key) != SUCCESS ||
                beyondBmp(k.key))
                return false;
            std::string_view name = k.key;
            if (!entry(f.value(), &k.sample, &name) || name != k.key)
                return false;
            keyed.push_back(std::move(k));
        }
        std::sort(keyed.begin(), keyed.end(),
                  [](const Keyed &a, const Keyed &b) { return a.key < b.key; });
        for (size_t i = 0; i < keyed.size(); ++i) {
            if (i > 0 && keyed[i].key == keyed[i - 1].key)
                return false; // a repeated name: which one counts is Qt's call
            if (!add(std::move(keyed[i].sample), keyed[i].key))
                return false;
        }
        return true;
    }

    const Spec &m_spec;
    WorkerCollector &m_collector;
    Page *m_page;
    EntryContext m_context;
    const bool m_inOrder;
    bool m_outOfOrder = false;
    int m_lists = 0;
    qsizetype m_entries = 0;
};

} // namespace

bool readPage(const QByteArray &body, const Spec &spec, WorkerCollector &collector, Page *page)
{
    if (body.isEmpty() || spec.depth < 1 || spec.depth > 3)
        return false;
    const PaddedInput input(body);
    ThreadParser parser;
    od::document doc;
    od::object root;
    if (parser.get().iterate(input.view()).get(doc) != SUCCESS ||
        doc.get_object().get(root) != SUCCESS)
        return false;
    const qsizetype before = collector.size();
    for (const bool inOrder : {true, false}) {
        page->levels = QVector<QJsonObject>(spec.depth);
        PageWalk walk(spec, collector, page, inOrder);
        // Anything after the top-level object makes the reply invalid JSON.
        if (walk.level(root, 0, &page->levels[0]) && walk.lists() == 1 &&
            doc.current_location().error() == simdjson::OUT_OF_BOUNDS) {
            parser.taken();
            page->entries = walk.entries();
            return true;
        }
        collector.truncate(before);
        // Keys out of order: once more from the start (rewinding also frees the unescaped
        // strings' buffer), sorting them.
        if (!inOrder || !walk.outOfOrder())
            return false;
        doc.rewind();
        if (doc.get_object().get(root) != SUCCESS)
            return false;
    }
    return false;
}

} // namespace rw::fastpage

#else // no simdjson: the reference readers do all the work

namespace rw::fastpage {
bool readPage(const QByteArray &, const Spec &, WorkerCollector &, Page *)
{
    return false;
}
} // namespace rw::fastpage

#endif
