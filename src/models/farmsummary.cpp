#include "farmsummary.h"

#include "util/units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <limits>

namespace rw {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("rw::FarmSummary", s);
}
} // namespace

FarmSummary FarmSummary::of(const QVector<AccountView> &views, int redOfflinePercent)
{
    FarmSummary f;
    if (views.isEmpty())
        return f;
    bool unreachable = false, low = false, anyDown = false, anySuccess = false;
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const AccountView &v : views) {
        f.online += v.incident.online;
        f.total += v.incident.total;
        f.hashRate += v.totalHashRate;
        if (v.state.poolUnreachable || v.incident.poolUnreachable) {
            unreachable = true;
            if (f.reason.isEmpty())
                f.reason =
                    v.state.lastError.isEmpty() ? v.incident.unreachableReason : v.state.lastError;
        }
        if (f.notice.isEmpty())
            f.notice = v.replyNotice;
        low = low || v.incident.hashrateLow;
        anyDown = anyDown || !v.incident.down.isEmpty();
        f.degraded += int(v.incident.degraded.size());
        f.flapping += int(v.incident.flapping.size());
        if (v.state.lastSuccessAt > 0)
            anySuccess = true;
        oldest = std::min(oldest, v.state.lastSuccessAt);
    }
    f.lastSuccessAt = anySuccess ? oldest : 0;
    const int down = f.total - f.online;
    const bool manyDown = f.total > 0 && down * 100 > redOfflinePercent * f.total;
    // A known emergency outranks not knowing; not knowing outranks a known small problem.
    if (low || manyDown)
        f.level = Alert;
    else if (unreachable)
        f.level = Unreachable;
    else if (!anySuccess)
        f.level = Waiting;
    else if (anyDown || down > 0 || f.degraded > 0 || f.flapping > 0)
        f.level = Warning;
    else
        f.level = Ok;
    return f;
}

QString FarmSummary::levelText(Level level)
{
    switch (level) {
    case NotConfigured:
        return tr("Not configured");
    case Waiting:
        return tr("Waiting for the first answer from the pool");
    case Ok:
        return tr("All workers online");
    case Warning:
        return tr("Some workers are offline");
    case Alert:
        return tr("Hashrate below the floor or many workers offline");
    case Unreachable:
        return tr("The pool is not answering");
    }
    return {};
}

QString FarmSummary::tooltip(qint64 nowSecs, qint64 pausedUntilMs, bool demo) const
{
    QStringList lines;
    lines << tr("RigWatch");
    if (level == NotConfigured || level == Waiting) {
        lines << levelText(level);
    } else {
        const QString updated =
            lastSuccessAt > 0 ? tr("updated %1 ago").arg(formatDuration(nowSecs - lastSuccessAt))
                              : tr("never updated");
        lines << tr("%1/%2 online · %3 · %4")
                     .arg(online)
                     .arg(total)
                     .arg(formatHashRate(hashRate), updated);
        if (level == Unreachable && !reason.isEmpty())
            lines << reason;
        else if (level == Alert)
            lines << levelText(level);
        if (degraded > 0)
            lines << QCoreApplication::translate("rw::FarmSummary", "%n worker(s) degraded",
                                                 nullptr, degraded);
        if (flapping > 0)
            lines << QCoreApplication::translate("rw::FarmSummary", "%n worker(s) flapping",
                                                 nullptr, flapping);
        if (!notice.isEmpty() && notice != reason)
            lines << notice;
    }
    if (pausedUntilMs < 0)
        lines << tr("Alerts paused until resumed");
    else if (pausedUntilMs > 0)
        lines << tr("Alerts paused until %1")
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(pausedUntilMs).time(),
                                             QLocale::ShortFormat));
    if (demo)
        lines << tr("DEMO — simulated farm");
    return lines.join(QLatin1Char('\n'));
}

QString FarmSummary::iconPath(bool paused) const
{
    if (paused)
        return QStringLiteral(":/icons/tray-paused.svg");
    switch (level) {
    case Ok:
        return QStringLiteral(":/icons/tray-ok.svg");
    case Warning:
        return QStringLiteral(":/icons/tray-warn.svg");
    case Alert:
        return QStringLiteral(":/icons/tray-alert.svg");
    case NotConfigured:
    case Waiting:
    case Unreachable:
        return QStringLiteral(":/icons/tray-unknown.svg");
    }
    return {};
}

} // namespace rw
