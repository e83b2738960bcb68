#include "notify/localschedule.h"

#include <QDateTime>

namespace rw {

LocalSchedule::LocalSchedule(const TelegramConfig &config)
    : m_zone(config.timeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                       : QTimeZone(config.timeZone.toUtf8())),
      m_quietFrom(config.quietFrom), m_quietTo(config.quietTo), m_digestAt(config.digestAt)
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
}

int LocalSchedule::minuteOfDay(qint64 secs) const
{
    const QTime t = QDateTime::fromSecsSinceEpoch(secs, m_zone).time();
    return t.hour() * 60 + t.minute();
}

QDate LocalSchedule::localDate(qint64 secs) const
{
    return QDateTime::fromSecsSinceEpoch(secs, m_zone).date();
}

qint64 LocalSchedule::at(const QDate &day, int minutes) const
{
    // A wall time inside a daylight-saving gap does not exist: take the first minute after it.
    for (int m = minutes; m < minutes + 180; ++m) {
        const QDateTime t(day, QTime(0, 0).addSecs(qint64(m) * 60), m_zone);
        if (t.isValid() && t.date() == day && t.time().hour() * 60 + t.time().minute() == m)
            return t.toSecsSinceEpoch();
    }
    return QDateTime(day, QTime(0, 0).addSecs(qint64(minutes) * 60), m_zone).toSecsSinceEpoch();
}

bool LocalSchedule::isQuiet(qint64 secs) const
{
    if (m_quietFrom < 0)
        return false;
    const int m = minuteOfDay(secs);
    return m_quietFrom < m_quietTo ? m >= m_quietFrom && m < m_quietTo
                                   : m >= m_quietFrom || m < m_quietTo;
}

qint64 LocalSchedule::quietEndsAfter(qint64 secs) const
{
    if (m_quietFrom < 0)
        return 0;
    const QDate today = localDate(secs);
    for (int d = 0; d < 3; ++d) {
        const qint64 end = at(today.addDays(d), m_quietTo);
        if (end > secs)
            return end;
    }
    return 0;
}

qint64 LocalSchedule::digestDueAt(const QDate &day) const
{
    return m_digestAt < 0 ? 0 : at(day, m_digestAt);
}

QDate LocalSchedule::lastDigestDay(qint64 secs) const
{
    if (m_digestAt < 0)
        return {};
    const QDate today = localDate(secs);
    return digestDueAt(today) <= secs ? today : today.addDays(-1);
}

} // namespace rw
