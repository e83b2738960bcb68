#pragma once

#include "config/accountconfig.h"

#include <QDate>
#include <QTimeZone>

namespace rw {

// Quiet hours and the digest's time, in the zone the operator configured ([telegram] timezone,
// else the system's). Times in and out are unix seconds; the wall clock of that zone decides,
// so a window stays 23:00-07:00 across daylight-saving changes (a night that loses an hour has
// a shorter window; a wall time the change skips counts as the first minute after the gap).
class LocalSchedule
{
public:
    LocalSchedule() : LocalSchedule(TelegramConfig{}) {}
    explicit LocalSchedule(const TelegramConfig &config);

    bool hasQuietHours() const { return m_quietFrom >= 0; }
    bool isQuiet(qint64 secs) const;
    // The first moment after secs at which the quiet window ends (unix s); 0 without one.
    qint64 quietEndsAfter(qint64 secs) const;

    bool hasDigest() const { return m_digestAt >= 0; }
    QDate localDate(qint64 secs) const;
    // When the digest of `day` is due (unix s): the digest time on that local date.
    qint64 digestDueAt(const QDate &day) const;
    // The local date whose digest is due most recently at or before secs (invalid without one).
    QDate lastDigestDay(qint64 secs) const;

    const QTimeZone &zone() const { return m_zone; }
    // unix s of the wall time `minutes` after midnight on `day` in the zone.
    qint64 at(const QDate &day, int minutes) const;

private:
    int minuteOfDay(qint64 secs) const;

    QTimeZone m_zone;
    int m_quietFrom = -1;
    int m_quietTo = -1;
    int m_digestAt = -1;
};

} // namespace rw
