#include "engine/checkreport.h"

#include "monitor/groupmatcher.h"
#include "util/units.h"

#include <QHash>

namespace rw {

QString statusWord(CheckReport::Status s)
{
    switch (s) {
    case CheckReport::Ok:
        return QStringLiteral("OK");
    case CheckReport::Warning:
        return QStringLiteral("WARNING");
    case CheckReport::Critical:
        return QStringLiteral("CRITICAL");
    case CheckReport::Unknown:
        return QStringLiteral("UNKNOWN");
    }
    return QStringLiteral("UNKNOWN");
}

CheckReport unknownReport(const QString &reason)
{
    return {CheckReport::Unknown, QStringLiteral("UNKNOWN - ") + reason, {}};
}

namespace {
// How many down workers to name before "and N more": the line must stay readable.
constexpr int kNamedWorkers = 10;

// The report is one line, and " | " starts its performance data: a worker name (whatever the
// pool lists) must break neither.
QString oneLine(const QString &text)
{
    QString s = text;
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
        else if (c == QLatin1Char('|'))
            c = QChar(0x00a6); // broken bar
    }
    return s;
}

// The first names of a list, then "and N more" for the rest of `total`.
QString listed(const QStringList &names, int total)
{
    QString s = names.join(QStringLiteral(", "));
    if (total > names.size())
        s += QStringLiteral(" and ") + QString::number(total - names.size()) +
             QStringLiteral(" more");
    return s;
}

// "97/100 workers online, 3 offline: rig-07 (47 min), ..." as the contract's example has it;
// the total hashrate follows the list (and is in the performance data either way).
QString accountSummary(const AccountView &v, qint64 now, CheckReport::Status *status)
{
    const Incident &inc = v.incident;
    if (!v.lastPollOk) {
        *status = CheckReport::Unknown;
        return oneLine(v.state.lastError.isEmpty() ? QStringLiteral("pool did not answer")
                                                   : v.state.lastError);
    }
    QString s = QString::number(inc.online) + QLatin1Char('/') + QString::number(inc.total) +
                QStringLiteral(" workers online");
    *status = CheckReport::Ok;
    if (!inc.down.isEmpty()) {
        *status = CheckReport::Critical;
        s += QStringLiteral(", ") + QString::number(inc.down.size()) + QStringLiteral(" offline: ");
        QStringList names;
        for (int i = 0; i < inc.down.size() && i < kNamedWorkers; ++i) {
            const Incident::Down &d = inc.down.at(i);
            const QString age = formatDuration(qMax<qint64>(0, now - d.since));
            names << oneLine(d.worker) + QStringLiteral(" (") +
                         (d.status == WorkerStatus::Missing ? QStringLiteral("missing, ")
                                                            : QString()) +
                         age + QLatin1Char(')');
        }
        s += names.join(QStringLiteral(", "));
        if (inc.down.size() > kNamedWorkers)
            s += QStringLiteral(" and ") + QString::number(inc.down.size() - kNamedWorkers) +
                 QStringLiteral(" more");
    }
    // Degraded and flapping workers: a WARNING (exit 1) when they are the worst there is.
    if (!inc.degraded.isEmpty()) {
        *status = qMax(*status, CheckReport::Warning);
        QStringList names;
        for (int i = 0; i < inc.degraded.size() && i < kNamedWorkers; ++i) {
            const Incident::Degraded &d = inc.degraded.at(i);
            const int pct = d.usual > 0 ? qRound(d.rate / d.usual * 100) : 0;
            names << oneLine(d.worker) + QStringLiteral(" (%1 % of usual, ").arg(pct) +
                         formatDuration(qMax<qint64>(0, now - d.since)) + QLatin1Char(')');
        }
        s += QStringLiteral(", %1 degraded: ").arg(inc.degraded.size()) +
             listed(names, int(inc.degraded.size()));
    }
    if (!inc.flapping.isEmpty()) {
        *status = qMax(*status, CheckReport::Warning);
        QStringList names;
        for (int i = 0; i < inc.flapping.size() && i < kNamedWorkers; ++i)
            names << oneLine(inc.flapping.at(i).worker) +
                         QStringLiteral(" (%1 changes)").arg(inc.flapping.at(i).changes);
        s += QStringLiteral(", %1 flapping: ").arg(inc.flapping.size()) +
             listed(names, int(inc.flapping.size()));
    }
    s += QStringLiteral(", ") + formatHashRate(v.totalHashRate);
    if (inc.hashrateLow) {
        *status = qMax(*status, CheckReport::Warning);
        s += QStringLiteral(" (below the floor of ") + formatHashRate(inc.minHashRate) +
             QLatin1Char(')');
    }
    if (!v.replyNotice.isEmpty()) { // e.g. the pool's Date header was ignored
        *status = qMax(*status, CheckReport::Warning);
        s += QStringLiteral(" (") + oneLine(v.replyNotice) + QLatin1Char(')');
    }
    return s;
}
} // namespace

CheckReport makeCheckReport(const QVector<AccountView> &views, qint64 now)
{
    if (views.isEmpty())
        return unknownReport(QStringLiteral("no pool account configured"));
    CheckReport r;
    r.status = CheckReport::Ok;
    QStringList parts, perf;
    for (const AccountView &v : views) {
        CheckReport::Status st;
        const qint64 at = v.incident.at ? v.incident.at : now;
        const QString summary = accountSummary(v, at, &st);
        // UNKNOWN outranks everything: a check that could not look must not say "fine"
        if (st == CheckReport::Unknown || r.status == CheckReport::Unknown)
            r.status = CheckReport::Unknown;
        else
            r.status = qMax(r.status, st);
        parts << (views.size() > 1 ? oneLine(v.displayName) + QStringLiteral(": ") + summary
                                   : summary);
        if (v.lastPollOk) {
            const QString p = views.size() > 1 ? v.displayName + QLatin1Char('_') : QString();
            perf << p + QStringLiteral("online=") + QString::number(v.incident.online) +
                        QStringLiteral(";;;0;") + QString::number(v.incident.total)
                 << p + QStringLiteral("offline=") + QString::number(v.incident.down.size())
                 << p + QStringLiteral("hashrate=") + QString::number(v.totalHashRate, 'f', 0);
        }
    }
    r.line = statusWord(r.status) + QStringLiteral(" - ") + parts.join(QStringLiteral("; "));
    if (!perf.isEmpty())
        r.line += QStringLiteral(" | ") + perf.join(QLatin1Char(' '));
    return r;
}

namespace {
// One group's share of the farm for the grouped report.
struct GroupProblems
{
    int online = 0;
    int total = 0; // online, offline and missing (as Incident counts them)
    double rate = 0;
    QStringList problems; // "rig-a3 offline 25 min", in order: down, degraded, flapping
};
} // namespace

CheckReport makeCheckReport(const QVector<AccountView> &views, qint64 now,
                            const QVector<GroupConfig> &groups)
{
    CheckReport r = makeCheckReport(views, now);
    if (groups.isEmpty() || views.isEmpty())
        return r;
    const GroupMatcher matcher(groups);
    // Slot 0: the workers of no group; g + 1: the group g.
    QVector<GroupProblems> shares(groups.size() + 1);
    QStringList accountTrouble; // what belongs to no group: a pool that did not answer
    const bool several = views.size() > 1;
    int online = 0, total = 0;
    for (const AccountView &v : views) {
        // Each account's own summary, in full, as a detail line.
        CheckReport single = makeCheckReport({v}, now);
        const QString summary = single.line.section(QStringLiteral(" | "), 0, 0);
        r.details << oneLine(v.displayName) + QStringLiteral(": ") +
                         summary.mid(summary.indexOf(QStringLiteral(" - ")) + 3);
        if (!v.lastPollOk) {
            accountTrouble << oneLine(v.displayName) + QStringLiteral(": ") +
                                  oneLine(v.state.lastError.isEmpty()
                                              ? QStringLiteral("pool did not answer")
                                              : v.state.lastError);
            continue;
        }
        const qint64 at = v.incident.at ? v.incident.at : now;
        const auto slotOf = [&](const QString &worker) {
            return matcher.groupOf(worker, v.workers.value(worker).sample.host) + 1;
        };
        // Who is named: the worker, and its account when the farm has several.
        const auto who = [&](const QString &worker) {
            return several ? oneLine(worker) + QStringLiteral(" (") + oneLine(v.displayName) +
                                 QLatin1Char(')')
                           : oneLine(worker);
        };
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it) {
            if (it->status == WorkerStatus::Retired)
                continue;
            GroupProblems &g = shares[slotOf(it.key())];
            ++g.total;
            if (it->status == WorkerStatus::Online) {
                ++g.online;
                g.rate += it->sample.hashRate;
            }
        }
        online += v.incident.online;
        total += v.incident.total;
        for (const Incident::Down &d : v.incident.down)
            shares[slotOf(d.worker)].problems
                << who(d.worker) +
                       (d.status == WorkerStatus::Missing ? QStringLiteral(" missing ")
                                                          : QStringLiteral(" offline ")) +
                       formatDuration(qMax<qint64>(0, at - d.since));
        for (const Incident::Degraded &d : v.incident.degraded)
            shares[slotOf(d.worker)].problems
                << who(d.worker) + QStringLiteral(" degraded (%1 % of usual)")
                                       .arg(d.usual > 0 ? qRound(d.rate / d.usual * 100) : 0);
        for (const Incident::Flapping &f : v.incident.flapping)
            shares[slotOf(f.worker)].problems
                << who(f.worker) + QStringLiteral(" flapping (%1 changes)").arg(f.changes);
        if (v.incident.hashrateLow)
            accountTrouble << oneLine(v.displayName) + QStringLiteral(": ") +
                                  formatHashRate(v.totalHashRate) +
                                  QStringLiteral(" below the floor of ") +
                                  formatHashRate(v.incident.minHashRate);
    }
    // A group's floor holds for its total over every account.
    for (int g = 0; g < groups.size(); ++g) {
        GroupProblems &p = shares[g + 1];
        if (groups[g].minHashRate > 0 && p.total > 0 && p.rate < groups[g].minHashRate) {
            p.problems.prepend(QStringLiteral("hashrate ") + formatHashRate(p.rate) +
                               QStringLiteral(" below the floor of ") +
                               formatHashRate(groups[g].minHashRate));
            if (r.status != CheckReport::Unknown)
                r.status = qMax(r.status, CheckReport::Warning);
        }
    }
    QStringList parts{QString::number(online) + QLatin1Char('/') + QString::number(total) +
                      QStringLiteral(" workers online")};
    parts << accountTrouble;
    QStringList groupDetails;
    QStringList perf = r.line.contains(QStringLiteral(" | "))
                           ? r.line.section(QStringLiteral(" | "), 1).split(QLatin1Char(' '))
                           : QStringList();
    for (int slot = 1; slot <= groups.size() + 1; ++slot) {
        const int i = slot % (groups.size() + 1); // the groups in order, then no group's
        const GroupProblems &p = shares[i];
        const QString label =
            i > 0 ? oneLine(groups[i - 1].displayLabel()) : QStringLiteral("Other");
        if (i > 0) {
            const QString name = groups[i - 1].name;
            perf << name + QStringLiteral("_online=") + QString::number(p.online) +
                        QStringLiteral(";;;0;") + QString::number(p.total)
                 << name + QStringLiteral("_hashrate=") + QString::number(p.rate, 'f', 0);
        }
        if (p.problems.isEmpty())
            continue;
        const QStringList named = p.problems.mid(0, kNamedWorkers);
        parts << label + QStringLiteral(": ") + listed(named, int(p.problems.size()));
        groupDetails << label + QStringLiteral(": ") + p.problems.join(QStringLiteral(", "));
    }
    r.details << groupDetails;
    r.line = statusWord(r.status) + QStringLiteral(" - ") + parts.join(QStringLiteral("; "));
    if (!perf.isEmpty())
        r.line += QStringLiteral(" | ") + perf.join(QLatin1Char(' '));
    return r;
}

} // namespace rw
