#include "guilogging.h"

Q_LOGGING_CATEGORY(lcGui, "rigwatch.gui", QtInfoMsg)
