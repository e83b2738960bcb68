#pragma once

#include "pool/snapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QJsonArray;
class QJsonObject;
struct QJsonParseError;

namespace rw {

// The translation context of the parsers' messages (shown in the status bar and the tray).
struct F2poolText
{
    Q_DECLARE_TR_FUNCTIONS(F2poolText)
};

// The reference parsers of f2pool's replies: the documented truth of how RigWatch reads them.
// They follow the API's shape as docs/pool-apis.md describes it; the poller reaches them
// through the pool formats' entry points (PoolFormat, poolprovider.h), which may try a fast
// path first (pool/fast/README.md) that must give exactly their result. Reply body in,
// Snapshot or a reason a human can act on out. No I/O; the poller sets Snapshot::poolTimeSecs
// from the Date header.
//
// Tolerance, shared by both parsers:
// - numbers may be JSON numbers or numeric strings ("123.4"); missing, null, negative,
//   non-numeric or non-finite values count as 0; unknown fields are ignored;
// - last share: unix seconds (int, float or numeric string; values above 1e12 are taken as
//   milliseconds, above 1e15 as microseconds) or an ISO-8601 string; null/empty -> 0;
// - a worker entry of the wrong type or without a name is skipped (one warning per reply),
//   but a non-empty list in which NO entry is usable is rejected: that is a changed or broken
//   API, and an empty snapshot would make every rig look missing (invariant 1 of
//   docs/architecture.md);
// - an empty list is a valid, empty snapshot; `"workers": null` is rejected (not a list);
// - the same worker name twice: the entry with the latest share wins.
// Errors name what is wrong, e.g. "reply is not valid JSON: unterminated object at offset 10",
// "f2pool error 5010: permission denied: ...", "reply has no \"workers\" list".

// POST /v2/hash_rate/worker/list -> {"workers": [WorkerMiningInfo]}, where WorkerMiningInfo is
// {"hash_rate_info": {"name", "hash_rate", "h1_hash_rate", "h24_hash_rate",
// "h24_stale_hash_rate", ...}, "last_share_at", "host", ...}.
// Stale rate = h24_stale_hash_rate; total = sum of the workers' current rates.
ParseResult parseF2poolV2WorkerListReference(const QByteArray &body);

// GET /{currency}/{user} (legacy v1) -> {"hashrate": ..., "workers": [[name, rate, ...]]}.
// Index 4/5 (hashes in 24 h) are divided by 86400 for H/s; total = top-level "hashrate" when
// present, else the sum of the workers.
ParseResult parseF2poolV1Reference(const QByteArray &body);

// "f2pool error 5010: permission denied: ..." when body is an f2pool error object (a non-zero
// numeric "code", with "msg"); empty otherwise. Cheap for large non-error bodies.
QString f2poolErrorMessage(const QByteArray &body);

class WorkerCollector;

// The pieces of the reference parsers, for WorkerListStream (which parses a reply as it arrives,
// a slice of the "workers" list at a time, and must give the same answer as the parsers above)
// and the f2pool formats' entries (poolprovider.cpp).
namespace detail {
// "f2pool error 5010: ..." for an object with a non-zero "code"; empty otherwise.
QString errorFromObject(const QJsonObject &root);
// The top-level object's "workers" list, or the error for the operator (pool error first).
QString workersOf(const QJsonObject &root, QJsonArray *workers);
// "reply is not valid JSON: <what> at offset <offset>" (+ a hint when it looks like HTML).
QString invalidJsonMessage(const QJsonParseError &error, qsizetype offset, bool html);
// Entries list[from..] into the collector; rejected entries are reported as indexBase + (i - from).
void readV2Entries(const QJsonArray &list, qsizetype from, qsizetype indexBase, WorkerCollector &c);
void readV1Entries(const QJsonArray &list, qsizetype from, qsizetype indexBase, WorkerCollector &c);
// Bytes of reply per worker entry, a little less than a typical one: to size a snapshot from
// the reply's length before parsing it.
inline constexpr qsizetype kV2BytesPerEntry = 300;
inline constexpr qsizetype kV1BytesPerEntry = 120;
// v1's top-level "hashrate", when it is a usable number.
std::optional<double> v1PoolTotal(const QJsonObject &root);
} // namespace detail

} // namespace rw
