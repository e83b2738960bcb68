// libFuzzer target: the paged pools' fast page readers against their reference readers, and
// nothing else (src/core/pool/fast/README.md); the input's first byte picks the pool as in
// fuzz_pagedpools. Findings become fixtures in tests/data/fuzz/fastpages_equivalence/, replayed
// by tests/tst_fuzzregressions.cpp with the seeds of tests/fuzz/seeds/fastpages_equivalence/.
#include "fuzzchecks.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rw::fuzz::runOne(data, size, &rw::fuzz::FuzzChecks::fastPagesEquivalence);
}
