#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace rw {

// Reading the values of pool replies whose types the public sources do not agree on (see
// docs/pool-apis.md): numbers that may come as strings, hash rates with or without a unit,
// times in seconds, milliseconds or ISO-8601.

// A number, or a string holding one ("12.5", " 3 "); nullopt for anything else.
std::optional<double> poolNumber(const QJsonValue &v);
// H/s per one of `unit`: "H/s", "Gh/s", "TH/s", "ph/s", "T" ...; nullopt for an unknown unit.
std::optional<double> hashRateUnitFactor(QStringView unit);
// The factor of a unit's one-letter prefix, lower case: k, m, g, t, p, e, z; nullopt otherwise.
std::optional<double> siPrefixFactor(char lower);
// A hash rate in H/s: a number (times defaultFactor) or a string "12.3 TH/s" (its own unit,
// else defaultFactor). nullopt when unreadable or negative.
std::optional<double> poolHashRate(const QJsonValue &v, double defaultFactor = 1);
// Unix seconds from seconds, milliseconds or an ISO-8601 string; 0 = never or unknown;
// nullopt when the value is there but unreadable.
std::optional<qint64> poolTime(const QJsonValue &v);

} // namespace rw
