// libFuzzer target: the timestamp parsers (parseHttpDate for the Date header, parseIsoDateTime
// for the last shares of v1 replies).
// Built with -DRIGWATCH_FUZZ=ON by clang (scripts/fuzz); crashes it finds become fixtures in
// tests/data/fuzz/timestamps/, replayed by tests/tst_fuzzregressions.cpp.
#include "fuzzchecks.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rw::fuzz::runOne(data, size, &rw::fuzz::FuzzChecks::timestamps);
}
