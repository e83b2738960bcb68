// libFuzzer target: the paged pools' page readers (Braiins, Binance Pool, Luxor, ViaBTC,
// AntPool; the input's first byte picks one). Built with -DRIGWATCH_FUZZ=ON by clang
// (scripts/fuzz); crashes it finds become fixtures in tests/data/fuzz/pagedpools/, replayed by
// tests/tst_fuzzregressions.cpp with the seeds of tests/fuzz/seeds/pagedpools/.
#include "fuzzchecks.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rw::fuzz::runOne(data, size, &rw::fuzz::FuzzChecks::pagedPools);
}
