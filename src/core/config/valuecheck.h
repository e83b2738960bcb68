#pragma once

// ValueCheck: the check one configuration value goes through, with the limits it is held to.
// rigwatchd's INI file (configfile.cpp) and the desktop app's settings (src/gui/guisettings.cpp)
// both use them, so a hand-edited value means the same in both.
#include "config/accountconfig.h"

#include <QCoreApplication>
#include <QString>

#include <limits>

namespace rw {

// The translation context of the configuration's messages: rigwatchd loads no translation and
// prints them in English; the desktop app's warnings about its settings follow its language.
struct ConfigText
{
    Q_DECLARE_TR_FUNCTIONS(ConfigText)
};

// The limits of a whole-number setting: below min (or not a number) a value is refused, above
// max it is clamped to max.
struct WholeNumberRule
{
    qint64 min;
    qint64 max;
};

namespace rules {
inline constexpr qint64 kUnbounded = std::numeric_limits<qint64>::max();
inline constexpr WholeNumberRule kInterval{1, 7 * 86400};
inline constexpr WholeNumberRule kTimeout{1, 3600}; // a pool or a Bot API request
inline constexpr WholeNumberRule kMaxBody{1024, kUnbounded};
inline constexpr WholeNumberRule kOfflineAfter{1, kUnbounded};
inline constexpr WholeNumberRule kRetiredAfter{1, kUnbounded};
inline constexpr WholeNumberRule kMinInterval{1, 7 * 86400};
inline constexpr WholeNumberRule kDegradedBelow{0, 100}; // percent of the usual hashrate
inline constexpr WholeNumberRule kDegradedAfter{0, kUnbounded};
inline constexpr WholeNumberRule kFlapLimit{0, 1000};
inline constexpr WholeNumberRule kFlapWindow{1, 30 * 86400};
inline constexpr WholeNumberRule kCriticalOffline{0, 100}; // percent of a group's workers
} // namespace rules

// What became of one value: used as given, clamped to a limit (`message` says so: a warning),
// or refused (`message` says why: rigwatchd refuses to start, the desktop app keeps the
// default). `message` names the value by `where` ("[pool] interval", "poll/interval") and
// quotes it: no check here is for a secret.
struct ValueCheck
{
    enum Outcome
    {
        Ok,
        Clamped,
        Refused
    };
    Outcome outcome = Ok;
    QString where; // when not Ok
    QString message;

    bool refused() const { return outcome == Refused; }
};

ValueCheck checkWholeNumber(const QString &where, const QString &text, WholeNumberRule rule,
                            qint64 *out);
// H/s, with an optional k M G T P E suffix ("350T"); not negative, not absurdly large.
ValueCheck checkHashRate(const QString &where, const QString &text, double *out);
// http:// or https:// with a host; trailing slashes of the path are dropped.
ValueCheck checkHttpUrl(const QString &where, const QString &text, QUrl *out);
ValueCheck checkProvider(const QString &where, const QString &text, PoolProvider *out);
ValueCheck checkCurrency(const QString &where, const QString &text);
// retired_after must be greater than offline_after.
ValueCheck checkThresholdOrder(const QString &retiredWhere, const QString &offlineWhere,
                               const Thresholds &thresholds);
ValueCheck checkTelegramChat(const QString &where, const QString &text);
ValueCheck checkRetract(const QString &where, const QString &text, RetractMode *out);
ValueCheck checkLanguage(const QString &where, const QString &text);
// "HH:MM" (24-hour clock) into minutes after midnight.
ValueCheck checkTimeOfDay(const QString &where, const QString &text, int *minutes);
// "HH:MM-HH:MM" (may cross midnight, never empty); "" = off (-1, -1).
ValueCheck checkQuietHours(const QString &where, const QString &text, int *from, int *to);
// An IANA time zone id this system knows ("Asia/Shanghai"); "" = the system's.
ValueCheck checkTimeZone(const QString &where, const QString &text);
// A group's name: letters, digits, '-' and '_'.
ValueCheck checkGroupName(const QString &where, const QString &text);

// "~" and "~/..." name the user's home directory (`home`); every other path is returned as is.
QString expandHome(const QString &path, const QString &home);

} // namespace rw
