#include "notify/digest.h"

#include "notify/messageformatter.h"
#include "store/store.h"
#include "util/units.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace rw {

namespace {
constexpr qint64 kDay = 86400;
// Summing a chat's workers' own curves costs one read per worker; past this many the average
// is left out rather than holding the engine up (the account's total curve needs no sum).
constexpr int kMaxWorkerCurves = 5000;

double meanOf(const QVector<SeriesPoint> &points)
{
    if (points.isEmpty())
        return -1;
    double sum = 0;
    for (const SeriesPoint &p : points)
        sum += p.hashRate;
    return sum / double(points.size());
}
} // namespace

QVector<DigestFigures> buildDigests(const Store &store, const QVector<AccountView> &views,
                                    AlertRouter router, const DaemonConfig &config, qint64 now)
{
    const qint64 from = now - kDay;
    const GroupMatcher &matcher = router.matcher();
    QStringList chats{QString()};
    chats += router.groupChats();
    // A chat is the whole farm's when no group has a chat of its own.
    const bool wholeAccounts = chats.size() == 1;

    QVector<DigestFigures> out;
    for (const QString &chat : std::as_const(chats)) {
        DigestFigures d;
        d.chat = chat;
        d.from = from;
        d.to = now;
        d.title = chat.isEmpty() ? QString() : chat;
        QHash<QString, qint64> downtime; // "account\nworker" -> s
        QSet<QString> expected;
        QStringList titles;
        double average = 0;
        bool averageKnown = true;
        int curves = 0;
        for (const AccountView &v : views) {
            auto chatOf = [&](const QString &worker) {
                const auto it = v.workers.constFind(worker);
                return router.chatOfGroup(
                    matcher.groupOf(worker, it == v.workers.cend() ? QString() : it->sample.host));
            };
            QStringList mine;
            for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it) {
                if (it->status == WorkerStatus::Retired || chatOf(it.key()) != chat)
                    continue;
                mine << it.key();
                expected.insert(v.key + QLatin1Char('\n') + it.key());
                d.usual += usualRateOf(*it);
            }
            for (const Outage &o : store.outages(v.key, from, now)) {
                if (chatOf(o.worker) != chat)
                    continue;
                const qint64 start = std::max(o.start, from);
                const qint64 end = std::min(o.end > 0 ? o.end : now, now);
                if (o.degraded) {
                    const QString line = QStringLiteral("%1 (%2 %)").arg(o.worker).arg(
                        qRound(o.depth * 100));
                    if (!d.degraded.contains(line))
                        d.degraded << line;
                    continue;
                }
                if (end <= start)
                    continue;
                ++d.outages;
                const QString key = v.key + QLatin1Char('\n') + o.worker;
                expected.insert(key);
                downtime[key] += end - start;
            }
            // The account's part of this chat: its title, floor and average hash rate.
            const auto routes = router.split(v);
            for (const Route &r : routes)
                if (r.chat == chat) {
                    if (mine.isEmpty() && r.incident.isEmpty() && !chat.isEmpty())
                        break;
                    titles << r.name;
                    d.now.down += r.incident.down;
                    d.now.degraded += r.incident.degraded;
                    d.now.flapping += r.incident.flapping;
                    d.now.lowGroups += r.incident.lowGroups;
                    d.now.hashrateLow = d.now.hashrateLow || r.incident.hashrateLow;
                    d.now.poolUnreachable =
                        d.now.poolUnreachable || r.incident.poolUnreachable;
                    d.now.at = std::max(d.now.at, r.incident.at);
                }
            if (chat.isEmpty())
                d.floor += v.minHashRate;
            if (wholeAccounts) {
                const double mean = meanOf(store.accountSeries(v.key, from, now));
                if (mean >= 0)
                    average += mean;
                else
                    averageKnown = false;
            } else if (curves + mine.size() <= kMaxWorkerCurves) {
                curves += int(mine.size());
                for (const QString &w : std::as_const(mine)) {
                    const double mean = meanOf(store.workerHourly(v.key, w, from, now));
                    average += std::max(0.0, mean);
                }
            } else {
                averageKnown = false;
            }
        }
        if (chat.isEmpty() && titles.isEmpty())
            continue;
        if (!chat.isEmpty() && expected.isEmpty())
            continue; // no worker routed here: no digest
        for (const GroupConfig &g : config.groups)
            if (router.chatOfGroup(matcher.indexOf(g.name)) == chat)
                d.floor += g.minHashRate;
        d.title = titles.join(QStringLiteral(", "));
        d.workers = int(expected.size());
        QVector<QPair<QString, qint64>> all;
        for (auto it = downtime.cbegin(); it != downtime.cend(); ++it) {
            d.downtimeSecs += it.value();
            all.append({it.key().section(QLatin1Char('\n'), 1), it.value()});
        }
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        d.worst = all.mid(0, 5);
        d.availability =
            d.workers > 0
                ? std::max(0.0, 100.0 * (1.0 - double(d.downtimeSecs) /
                                                   (double(d.workers) * double(kDay))))
                : 100.0;
        d.averageRate = averageKnown ? average : -1;
        std::sort(d.now.down.begin(), d.now.down.end(),
                  [](const auto &a, const auto &b) { return a.worker < b.worker; });
        d.degraded.sort();
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
        out += say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Degraded: %1"))
                   .arg(shown.join(QStringLiteral(", "))) +
               (d.degraded.size() > 10
                    ? QLatin1Char(' ') +
                          say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "and %1 more"))
                              .arg(d.degraded.size() - 10)
                    : QString()) +
               QLatin1Char('\n');
    }
    QString rate = d.averageRate >= 0
                       ? say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Average hashrate %1"))
                             .arg(formatHashRate(d.averageRate))
                       : say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "Average hashrate unknown"));
    if (d.floor > 0)
        rate += QStringLiteral(" \u00b7 ") +
                say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "floor %1"))
                    .arg(formatHashRate(d.floor));
    if (d.usual > 0)
        rate += QStringLiteral(" \u00b7 ") +
                say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "usual %1"))
                    .arg(formatHashRate(d.usual));
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
                    (now.size() > 10 ? QStringLiteral(", \u2026") : QString()) +
                    QLatin1Char(')');
        if (!d.now.degraded.isEmpty())
            line += QStringLiteral(", ") +
                    say(QT_TRANSLATE_NOOP("rw::MessageFormatter", "%1 degraded"))
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
