// libFuzzer target: the Telegram Bot API reply classifier (classifyTelegramReply).
// Built with -DRIGWATCH_FUZZ=ON by clang (scripts/fuzz); crashes it finds become fixtures in
// tests/data/fuzz/telegramreply/, replayed by tests/tst_fuzzregressions.cpp.
#include "fuzzchecks.h"
#include "fuzzmain.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rw::fuzz::runOne(data, size, &rw::fuzz::FuzzChecks::telegramReply);
}
