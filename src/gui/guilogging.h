#pragma once

#include <QLoggingCategory>

// The GUI's logging categories: QT_LOGGING_RULES="rigwatch.gui.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcGui)
