#pragma once

#include "pool/poolstate.h"
#include "pool/snapshot.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

#include <optional>
#include <string>
#include <string_view>

namespace rw {

class WorkerCollector;

// The fast path of the paged pools' page readers (pool/providers/): simdjson On-Demand reads a
// page's worker list straight from the bytes into the collector, with no DOM of the workers,
// and hands the provider the few objects around the list (paging fields, "code") as
// QJsonObjects, so that the provider decides on them with the code its reference reader uses.
// Each provider maps an entry's fields to a sample beside its reference reader; this file knows
// JSON and the values' conventions (pool/poolvalues.h), no pool.
//
// It takes only what it can read exactly as the reference would: any doubt - invalid JSON, a
// repeated or escaped key, a list elsewhere than at its path, an entry that is not an object or
// has no usable name, a value the reference would read in a way not written here - and it
// declines, leaving the collector as it was (README.md: "the rule").
namespace fastpage {

// One value of an entry as the fast reader saw it. `text` points into the parser's buffer and
// is valid only while readPage() runs (the entry callback's lifetime).
struct Value
{
    enum Kind : quint8
    {
        Absent, // the key is not in the entry
        Null,
        Bool,
        Number,
        String,
        Other // an object or an array
    };
    Kind kind = Absent;
    bool boolean = false;
    double number = 0; // as Qt's parser reads the literal (jsonchecks.h)
    std::string_view text;
};

// poolvalues.h's readers on a Value: the same results as on the QJsonValue Qt's parser makes of
// the same JSON. The common forms (plain numbers, "12.3 TH/s", ISO-8601 times in ASCII) are read
// from the bytes; anything else goes through the reference function on a QJsonValue.
std::optional<double> poolNumber(const Value &v);
std::optional<double> poolHashRate(const Value &v, double defaultFactor = 1);
std::optional<qint64> poolTime(const Value &v);
std::optional<double> hashRateUnitFactor(const Value &unit);

// What an entry callback gets besides its fields: the pool's state word, kept per distinct
// spelling for the page (PoolState takes a lock and a lookup per word otherwise).
class EntryContext
{
public:
    // The pool's word from one of the keys providers::poolStateOf() tries: a string as it is, a
    // whole number in digits; nullopt for any other value (the next key is tried).
    std::optional<PoolState> poolState(const Value &v);

private:
    static constexpr int kSlots = 8;
    struct Slot
    {
        std::string bytes;
        PoolState state;
        bool used = false;
    };
    Slot m_slots[kSlots];
};

// Where a page's list is and how its entries read.
struct Spec
{
    // The keys from the top-level object to the list, e.g. {"data", "workerDatas"}; "*" stands
    // for any one member whose value is an object (Braiins' coin level). At most 3.
    const char *path[3];
    int depth;
    // The entry's keys the provider reads, in the order fields[] hands them over. At most 8.
    const char *fields[8];
    int fieldCount;
    // The list is an object whose keys name the workers (Braiins); else an array of objects.
    bool keyedByName;
    // The name loses its "account." prefix (providers::withoutAccountPrefix).
    bool withoutAccountPrefix;
    // One entry's fields into *s (all but its name) and the UTF-8 of its name in *name (for a
    // list keyed by name, *name holds the key on entry); false: not for the fast path.
    bool (*entry)(const Value *fields, WorkerSample *s, std::string_view *name,
                  EntryContext &context);
};

// What readPage() found besides the workers.
struct Page
{
    // levels[i]: the object at path[0..i) (levels[0]: the top-level object), without its member
    // path[i]; as Qt's parser would have read them.
    QVector<QJsonObject> levels;
    qsizetype entries = 0; // the list's entries, every one of them in the collector
};

// The page's list at spec.path into the collector, in the reference's order (a list keyed by
// name in the order QJsonObject iterates it). False, with the collector as it was, when the page
// is not for the fast path. Always false without simdjson at build time.
bool readPage(const QByteArray &body, const Spec &spec, WorkerCollector &collector, Page *page);

} // namespace fastpage
} // namespace rw
