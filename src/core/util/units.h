#pragma once

#include <QString>

namespace rw {

// Human-readable hash rates and durations, and hash rate input for settings. Numbers use
// QString::number (no locale group separators); words go through
// QCoreApplication::translate("rw::Units", ...) so the zh_CN catalogue translates them.

// 3 significant digits, H/s up to EH/s: "0 H/s", "950 H/s", "1.50 kH/s", "3.21 PH/s",
// "1500 EH/s". Negative, NaN and infinite values read "0 H/s".
QString formatHashRate(double hs);

// A common unit for many values (a chart axis, a table column).
struct HashRateUnit
{
    double divisor = 1;                     // H/s per unit
    QString symbol = QStringLiteral("H/s"); // "H/s", "kH/s", ... "EH/s"
};
// The largest unit in which hs is at least 1 (H/s for hs < 1000).
HashRateUnit hashRateUnitFor(double hs);

// "45 s", "47 min", "3 h 05 min", "2 d 04 h" (truncated, not rounded); negative -> "0 s".
QString formatDuration(qint64 secs);

// Settings input -> H/s: "100T", "100 TH/s", "1.5 PH/s", "3e15", "250 gh/s", "0".
// Unit letters k M G T P E (either case; M is mega), optional "H", "H/s", "Hs", "Hps".
// Returns 0 with *ok = false for anything else (negative, empty, "1,5", unknown unit).
double parseHashRate(const QString &text, bool *ok = nullptr);

} // namespace rw
