#pragma once

#include "guisettings.h"

namespace rw {

// Checks settings before they are saved. Returns the first problem as a sentence naming the
// field and the rule ("Account name "My Farm": use 2–15 lowercase letters or digits, starting
// with a letter."), or an empty string. Pure, so tests cover every rule.
QString validateSettings(const GuiSettings &settings);

} // namespace rw
