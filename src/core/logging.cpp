#include "logging.h"

Q_LOGGING_CATEGORY(lcPool, "rigwatch.pool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "rigwatch.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "rigwatch.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDaemon, "rigwatch.daemon", QtInfoMsg)
