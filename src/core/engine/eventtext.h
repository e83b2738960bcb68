#pragma once

#include "monitor/workerstatus.h"

namespace rw {

// One plain-words line for a log or the history: "rig-07 went offline (last share 12:01:07 UTC)".
QString eventText(const Event &e);

} // namespace rw
