#include "notify/digest.h"

#include "notify/messageformatter.h"
#include "report/availability.h"
#include "store/store.h"
#include "util/units.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace rw {

namespace {
constexpr qint64 kDay = 86400;
} // namespace

QVector<DigestFigures> buildDigests(const Store &store, const QVector<AccountView> &views,
                                    AlertRouter router, const DaemonConfig &config, qint64 now)
{
    const qint64 from = now - kDay;
    QStringList chats{QString()};
    chats += router.groupChats();
    const Availability availability(config.accounts, config.groups);
    // The period ends after the latest poll: it is stamped with the pool's clock, which may be
    // a little ahead of ours, and the report's period excludes its end.
    qint64 to = now;
    for (const AccountView &v : views)
        to = std::max(to, v.incident.at);
    ++to;

    // Each account's picture split by chat, and its workers' usual levels summed by chat: once
    // per account, not once per chat.
    QVector<QVector<Route>> routesOf;
    QVector<QHash<QString, double>> usualOf;
    for (const AccountView &v : views) {
        routesOf << router.split(v);
        QHash<QString, double> usual;
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            if (it->status != WorkerStatus::Retired)
                usual[router.chatOfGroup(router.matcher().groupOf(it.key(), it->sample.host))] +=
                    usualRateOf(*it);
        usualOf << usual;
    }

    QVector<DigestFigures> out;
    for (const QString &chat : std::as_const(chats)) {
        DigestFigures d;
        d.chat = chat;
        d.from = from;
        d.to = now;
        // The groups whose workers this chat receives (-1: the accounts' default groups).
        AvailabilityQuery query;
        query.from = from;
        query.to = to;
        query.series = false;
        if (chat.isEmpty())
            query.groups.insert(-1);
        for (int g = 0; g < config.groups.size(); ++g)
            if (router.chatOfGroup(g) == chat) {
                query.groups.insert(g);
                d.floor += config.groups.at(g).minHashRate;
            }
        // The figures of the period, the same as the reports' (report/availability.h).
        const AvailabilityReport report = availability.compute(store, query);
        AvailabilityFigures total;
        QVector<WorkerAvailability> worst;
        double average = 0;
        for (const AccountAvailability &a : report.accounts) {
            total.add(a.figures);
            d.workers += a.workerCount;
            average += a.averageHashRate;
            worst += a.topByDowntime(5);
            for (const WorkerAvailability &w : a.workers)
                if (w.figures.degradedPeriods > 0 && !d.degraded.contains(w.worker))
                    d.degraded << w.worker;
        }
        if (!chat.isEmpty() && d.workers == 0)
            continue; // no worker routed here: no digest
        d.outages = total.outages;
        d.downtimeSecs = total.downSecs;
        d.availability = total.availability() < 0 ? 100.0 : total.availability();
        d.averageRate = report.error.isEmpty() ? average : -1;
        std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) {
            return a.figures.downSecs != b.figures.downSecs
                       ? a.figures.downSecs > b.figures.downSecs
                       : a.worker < b.worker;
        });
        for (int i = 0; i < worst.size() && i < 5; ++i)
            d.worst.append({worst.at(i).worker, worst.at(i).figures.downSecs});
        d.degraded.sort();

        // What is wrong now and the titles, from each account's current picture.
        QStringList titles;
        for (int i = 0; i < views.size(); ++i) {
            if (chat.isEmpty())
                d.floor += views.at(i).minHashRate;
            d.usual += usualOf.at(i).value(chat);
            for (const Route &r : routesOf.at(i)) {
                if (r.chat != chat || (!chat.isEmpty() && r.incident.total == 0))
                    continue;
                titles << r.name;
                d.now.down += r.incident.down;
                d.now.degraded += r.incident.degraded;
                d.now.flapping += r.incident.flapping;
                d.now.lowGroups += r.incident.lowGroups;
                d.now.hashrateLow = d.now.hashrateLow || r.incident.hashrateLow;
                d.now.poolUnreachable = d.now.poolUnreachable || r.incident.poolUnreachable;
                d.now.at = std::max(d.now.at, r.incident.at);
            }
        }
        d.title = titles.join(QStringLiteral(", "));
        std::sort(d.now.down.begin(), d.now.down.end(),
                  [](const auto &a, const auto &b) { return a.worker < b.worker; });
        out.append(d);
    }
    return out;
}

QString digestText(const MessageFormatter &f, const DigestFigures &d)
{
    const auto say = [&f](const char *source) { return f.translated(source); };
    const auto esc = [](const QString &t) {
        return MessageFormatter::escapeHtml(MessageFormatter::displayable(t.left(200)));
    };
    QString out = QStringLiteral("\U0001F4CB <b>") +
                  say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Daily digest")) +
                  QStringLiteral("</b> \u00b7 ") + esc(d.title) + QLatin1Char('\n');
    out += say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 to %2 UTC"))
               .arg(f.utcTime(d.from), f.utcTime(d.to)) +
           QLatin1Char('\n');
    out += QStringLiteral("<b>") +
           say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Availability %1 %"))
               .arg(QString::number(d.availability, 'f', 2)) +
           QStringLiteral("</b> \u00b7 ") +
           say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 workers")).arg(d.workers) +
           QLatin1Char('\n');
    out += say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Outages: %1, downtime %2"))
               .arg(d.outages)
               .arg(f.duration(d.downtimeSecs)) +
           QLatin1Char('\n');
    if (!d.worst.isEmpty()) {
        out += say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Most downtime:")) + QLatin1Char('\n');
        for (const auto &w : d.worst)
            out += QStringLiteral("\u2022 ") + esc(w.first) + QStringLiteral(" \u2014 ") +
                   f.duration(w.second) + QLatin1Char('\n');
    }
    if (!d.degraded.isEmpty()) {
        QStringList shown;
        for (int i = 0; i < d.degraded.size() && i < 10; ++i)
            shown << esc(d.degraded.at(i));
        out +=
            say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Degraded: %1"))
                .arg(shown.join(QStringLiteral(", "))) +
            (d.degraded.size() > 10
                 ? QLatin1Char(' ') + say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "and %1 more"))
                                          .arg(d.degraded.size() - 10)
                 : QString()) +
            QLatin1Char('\n');
    }
    QString rate = d.averageRate >= 0
                       ? say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Average hashrate %1"))
                             .arg(formatHashRate(d.averageRate))
                       : say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Average hashrate unknown"));
    if (d.floor > 0)
        rate +=
            QStringLiteral(" \u00b7 ") +
            say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "floor %1")).arg(formatHashRate(d.floor));
    if (d.usual > 0)
        rate +=
            QStringLiteral(" \u00b7 ") +
            say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "usual %1")).arg(formatHashRate(d.usual));
    out += rate + QLatin1Char('\n');
    if (d.now.isEmpty()) {
        out += QStringLiteral("\u2705 ") +
               say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Right now all is well."));
    } else {
        QStringList now;
        for (const Incident::Down &w : d.now.down)
            now << esc(w.worker);
        QString line = QStringLiteral("\U0001F534 ") +
                       say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Right now: %1 down"))
                           .arg(d.now.down.size());
        if (!now.isEmpty())
            line += QStringLiteral(" (") + now.mid(0, 10).join(QStringLiteral(", ")) +
                    (now.size() > 10 ? QStringLiteral(", \u2026") : QString()) + QLatin1Char(')');
        if (!d.now.degraded.isEmpty())
            line +=
                QStringLiteral(", ") + say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 degraded"))
                                           .arg(d.now.degraded.size());
        if (d.now.hashrateLow || !d.now.lowGroups.isEmpty())
            line += QStringLiteral(", ") +
                    say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "below the floor"));
        if (d.now.poolUnreachable)
            line += QStringLiteral(", ") +
                    say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "pool unreachable"));
        out += line;
    }
    return out.left(MessageFormatter::kMaxLength);
}

} // namespace rw
