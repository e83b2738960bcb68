#pragma once

#include "pool/poolstate.h"

#include <QString>
#include <QVector>

#include <optional>

namespace rw {

// One worker as the pool reported it in one reply. Hash rates in H/s.
struct WorkerSample
{
    QString name;
    double hashRate = 0;     // current
    double hashRate1h = 0;   // last hour average
    double hashRate24h = 0;  // last 24 h average
    double staleRate24h = 0; // stale hashes, H/s over 24 h (stale % = staleRate24h / hashRate24h)
    qint64 lastShareAt = 0;  // unix seconds; 0 = never shared / unknown
    QString host;            // public IP as the pool saw it, may be empty
    // The pool's own word for the worker ("ok", "off", "INACTIVE", ...), shown beside RigWatch's
    // state, never used for it (the offline rule is the last share's age). Empty for f2pool.
    PoolState poolState;
};

// A successfully parsed worker list. Only successful polls produce one (invariant 1 of
// docs/architecture.md).
struct Snapshot
{
    QVector<WorkerSample> workers;
    double totalHashRate = 0; // H/s; sum of workers when the pool gives no total
    qint64 poolTimeSecs = 0;  // the pool's clock from the reply's Date header, 0 if absent
};

// Result of a pure parse: a snapshot, or a reason a human can act on.
struct ParseResult
{
    std::optional<Snapshot> snapshot;
    QString error;
    bool ok() const { return snapshot.has_value(); }
};

} // namespace rw
