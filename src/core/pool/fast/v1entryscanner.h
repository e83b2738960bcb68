#pragma once

#include <QByteArrayView>

namespace rw {

class WorkerCollector;

// The quickest reading of a slice of a legacy v1 "workers" list, "[entry,entry,...]", where each
// entry is an array [name, rate, rate 1 h, ?, hashes 24 h, stale hashes 24 h, last share, ...].
// A hand-written scanner for the values such entries hold: strings without escapes, numbers
// (correctly rounded, as every reader rounds them), booleans and nulls, any spaces. Anything
// else - an escape, a nested value, a number out of range, a syntax error - and it takes
// nothing: the caller reads the list with simdjson On-Demand or the DOM parser, which give the
// same samples for what it does take, so the result never depends on which path read it
// (tst_fastparser and the fuzzers check that). Quicker than On-Demand on f2pool's replies;
// docs/benchmarks.md (figure 2) has the measurement.
//
// It reads eight bytes at a time, never past the end of `array`. True: every entry was added
// to the collector, *count of them. False: the collector is as it was.
bool scanV1Entries(QByteArrayView array, WorkerCollector &collector, qsizetype *count);

// The same for a list at the start of `text` (spaces allowed before it) followed by anything:
// *length is where the list ends, just after its ']'.
bool scanV1List(QByteArrayView text, WorkerCollector &collector, qsizetype *count,
                qsizetype *length);

} // namespace rw
