#pragma once

#include "pool/snapshot.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace rw {

// Free bytes a reply should have after its end so the fast path can parse it in place (simdjson
// reads up to 64 bytes past the end; one more holds QByteArray's '\0'). The poller reserves
// them; a reply without them is copied once.
inline constexpr qsizetype kFastParserPadding = 128;

// The fast path of the f2pool parsers: simdjson On-Demand reads the fields RigWatch needs
// straight from the reply's bytes into the snapshot, with no DOM in between (a DOM of a
// 100k-worker reply costs more time and memory than everything else of a poll together).
//
// It takes on only the replies the API documents: a top-level object with a "workers" list
// (and a zero or absent "code"), every entry in the documented shape with JSON numbers, names
// and hosts as strings. It returns std::nullopt for anything else - invalid JSON, an error body,
// a string-typed or null number, a flattened entry, an escaped or repeated key - and the caller
// falls back to the DOM parsers in f2poolparser.cpp, which give the error message or apply the
// tolerance rules. When it returns a result, that result is the DOM parser's to the bit (tests
// and fuzzers compare them). Without simdjson at build time both always return std::nullopt.
// previous: the account's previous poll, whose strings are shared where they are the same
// (WorkerCollector::previousText); it changes no value of the result.
std::optional<ParseResult> fastParseF2poolV2WorkerList(const QByteArray &body,
                                                       const QVector<WorkerSample> &previous = {});
std::optional<ParseResult> fastParseF2poolV1(const QByteArray &body,
                                             const QVector<WorkerSample> &previous = {});

class WorkerCollector;

// A slice of a reply's "workers" list as its own JSON array ("[entry,entry]") into the
// collector, for WorkerListStream; `readable` bytes from array.data() on may be read (at least
// kFastParserPadding past the end). True when the fast path took every entry (*count says how
// many); false leaves the collector as it was, for the DOM parser to read the slice. Strings
// are shared with the collector's previous poll where they are the same.
bool fastReadV2Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector,
                       qsizetype *count);
bool fastReadV1Entries(QByteArrayView array, qsizetype readable, WorkerCollector &collector,
                       qsizetype *count);

// Whether this build has the fast path at all (simdjson found at configure time).
bool fastParserAvailable();

} // namespace rw
