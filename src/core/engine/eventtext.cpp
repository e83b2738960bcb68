#include "engine/eventtext.h"

#include "util/units.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rw {

namespace {
QString utc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")) +
           QStringLiteral(" UTC");
}
} // namespace

QString eventText(const Event &e)
{
    switch (e.kind) {
    case Event::WentOffline:
        return QCoreApplication::translate("rw::Engine", "%1 went offline (last share %2)")
            .arg(e.worker, utc(e.at));
    case Event::CameBack:
        return QCoreApplication::translate("rw::Engine", "%1 is back after %2")
            .arg(e.worker, formatDuration(e.durationSecs));
    case Event::WentMissing:
        return QCoreApplication::translate("rw::Engine",
                                           "%1 is missing from the pool's list (last share %2)")
            .arg(e.worker, utc(e.at));
    case Event::Retired:
        return QCoreApplication::translate("rw::Engine", "%1 retired: no share for %2")
            .arg(e.worker, formatDuration(e.durationSecs));
    case Event::HashrateLow:
        return QCoreApplication::translate("rw::Engine", "hashrate below the floor: %1")
            .arg(e.detail);
    case Event::HashrateRecovered:
        return QCoreApplication::translate("rw::Engine", "hashrate back above the floor after %1")
            .arg(formatDuration(e.durationSecs));
    case Event::PoolUnreachable:
        return QCoreApplication::translate("rw::Engine", "pool unreachable: %1").arg(e.detail);
    case Event::PoolRecovered:
        return QCoreApplication::translate("rw::Engine", "pool answering again after %1")
            .arg(formatDuration(e.durationSecs));
    case Event::WentDegraded:
        return QCoreApplication::translate("rw::Engine", "%1 is degraded: %2 for %3")
            .arg(e.worker, e.detail, formatDuration(e.durationSecs));
    case Event::DegradedRecovered:
        return QCoreApplication::translate("rw::Engine", "%1 is no longer degraded after %2 (%3)")
            .arg(e.worker, formatDuration(e.durationSecs), e.detail);
    case Event::StartedFlapping:
        return QCoreApplication::translate("rw::Engine",
                                           "%1 is flapping: %2 state changes; its changes are "
                                           "no longer posted")
            .arg(e.worker, e.detail);
    case Event::StoppedFlapping:
        return QCoreApplication::translate("rw::Engine", "%1 has stopped flapping").arg(e.worker);
    }
    return {};
}

} // namespace rw
