// libFuzzer target: the f2pool v1 fast paths (src/core/pool/fast/: simdjson On-Demand and the
// entry scanner) against the reference parser, whole replies and stream slices: the reference's
// result to the bit, or declined. Built with -DRIGWATCH_FUZZ=ON by clang (scripts/fuzz); what it
// finds becomes a fixture in tests/data/fuzz/fastv1_equivalence/, replayed by
// tests/tst_fuzzregressions.cpp.
#include "fuzzchecks.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rw::fuzz::runOne(data, size, &rw::fuzz::FuzzChecks::fastV1Equivalence);
}
