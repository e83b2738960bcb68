#pragma once

#include <QLoggingCategory>

// One logging category per module: QT_LOGGING_RULES="rigwatch.pool.debug=true" etc.
Q_DECLARE_LOGGING_CATEGORY(lcPool)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcDaemon)
