#include "notify/router.h"

#include <QSet>

#include <algorithm>

namespace rw {

namespace {
const QString kRouteSeparator = QStringLiteral(" @ ");

template <typename T> void sortByGroup(QVector<T> *items, const QHash<QString, QString> &groups)
{
    std::stable_sort(items->begin(), items->end(), [&groups](const T &a, const T &b) {
        const QString ga = groups.value(a.worker);
        const QString gb = groups.value(b.worker);
        // the default group (no label) last, under "Other"
        if (ga.isEmpty() != gb.isEmpty())
            return gb.isEmpty();
        return ga < gb;
    });
}
} // namespace

AlertRouter::AlertRouter(const DaemonConfig &config)
    : m_matcher(config.groups), m_defaultChat(config.telegram.chat)
{
    for (const AccountConfig &a : config.accounts) {
        m_criticalPercent.insert(a.key(), a.thresholds.criticalOfflinePercent);
        m_accountOrder << a.key();
    }
}

QString AlertRouter::routeKey(const QString &account, const QString &chat)
{
    return chat.isEmpty() ? account : account + kRouteSeparator + chat;
}

QString AlertRouter::accountOfRoute(const QString &key)
{
    const int at = key.lastIndexOf(kRouteSeparator);
    return at < 0 ? key : key.left(at);
}

QString AlertRouter::chatOfGroup(int group) const
{
    if (group < 0)
        return {};
    const QString &chat = m_matcher.groups().at(group).chat;
    return chat == m_defaultChat ? QString() : chat;
}

QStringList AlertRouter::groupChats() const
{
    QStringList chats;
    for (int g = 0; g < m_matcher.groups().size(); ++g) {
        const QString chat = chatOfGroup(g);
        if (!chat.isEmpty() && !chats.contains(chat))
            chats << chat;
    }
    return chats;
}

bool AlertRouter::criticalShare(int down, int counted, int percent) const
{
    return percent > 0 && down > 0 && counted > 0 &&
           qint64(down) * 100 >= qint64(percent) * counted;
}

QVector<Route> AlertRouter::split(const AccountView &v)
{
    const int percent = m_criticalPercent.value(v.key, Thresholds().criticalOfflinePercent);
    const Incident &all = v.incident;
    const bool accountShare =
        criticalShare(int(all.down.size()), std::max(all.total, int(all.down.size())), percent);
    if (m_matcher.isEmpty()) {
        Route r{v.key, {}, v.displayName, all};
        r.incident.critical = all.hashrateLow || accountShare;
        return {r};
    }

    const QVector<GroupConfig> &groups = m_matcher.groups();
    // Each group's counts in this account; index groups.size() is the default group.
    QVector<GroupCount> counts(groups.size() + 1);
    auto slotOf = [&](int g) { return g < 0 ? int(groups.size()) : g; };
    auto groupOfWorker = [&](const QString &name) {
        const auto it = v.workers.constFind(name);
        return m_matcher.groupOf(name, it == v.workers.cend() ? QString() : it->sample.host);
    };
    for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it) {
        if (it->status == WorkerStatus::Retired)
            continue;
        GroupCount &c = counts[slotOf(m_matcher.groupOf(it.key(), it->sample.host))];
        ++c.counted;
        if (it->status == WorkerStatus::Offline || it->status == WorkerStatus::Missing)
            ++c.down;
        else
            c.rate += it->sample.hashRate;
    }
    if (v.lastPollOk || !m_counts.contains(v.key))
        m_counts.insert(v.key, counts);

    // The chats, the default one first, and which groups each receives.
    QStringList chats{QString()};
    QHash<QString, QVector<int>> groupsOf;
    groupsOf[QString()].append(-1);
    for (int g = 0; g < groups.size(); ++g) {
        const QString chat = chatOfGroup(g);
        if (!chats.contains(chat))
            chats << chat;
        groupsOf[chat].append(g);
    }

    QVector<Route> routes;
    for (const QString &chat : std::as_const(chats)) {
        const QVector<int> &mine = groupsOf.value(chat);
        const bool labelled = mine.size() > 1;
        auto here = [&](int g) { return mine.contains(g); };
        auto label = [&](int g) { return labelled ? m_matcher.labelOf(g) : QString(); };

        Route r;
        r.key = routeKey(v.key, chat);
        r.chat = chat;
        r.name = v.displayName;
        if (!chat.isEmpty() && mine.size() == 1)
            r.name = m_matcher.labelOf(mine.first()) + QStringLiteral(" \u00b7 ") + v.displayName;
        Incident &in = r.incident;
        in.at = all.at;
        int counted = 0;
        for (int g : mine) {
            const GroupCount &c = counts.at(slotOf(g));
            counted += c.counted;
            in.online += c.counted - c.down;
            in.totalHashRate += c.rate;
        }
        in.total = counted;
        // Each list keeps the lines of this chat's workers, each labelled with its group.
        auto take = [&](const auto &from, auto *into) {
            for (const auto &item : from) {
                const int g = groupOfWorker(item.worker);
                if (!here(g))
                    continue;
                into->append(item);
                if (!label(g).isEmpty())
                    in.groups.insert(item.worker, label(g));
            }
        };
        take(all.down, &in.down);
        take(all.degraded, &in.degraded);
        take(all.flapping, &in.flapping);
        if (labelled) {
            sortByGroup(&in.down, in.groups);
            sortByGroup(&in.degraded, in.groups);
            sortByGroup(&in.flapping, in.groups);
        }
        if (chat.isEmpty()) {
            // the account's own floor and total belong to the [telegram] chat
            in.hashrateLow = all.hashrateLow;
            in.minHashRate = all.minHashRate;
            in.totalHashRate = all.totalHashRate;
        }
        if (all.poolUnreachable && (chat.isEmpty() || counted > 0)) {
            in.poolUnreachable = true;
            in.unreachableReason = all.unreachableReason;
            in.unreachableSince = all.unreachableSince;
        }
        bool critical = in.hashrateLow || (!in.down.isEmpty() && accountShare);
        for (int g : mine) {
            const GroupCount &c = counts.at(slotOf(g));
            critical = critical || criticalShare(c.down, c.counted, percent);
            if (g < 0)
                continue;
            const GroupConfig &cfg = groups.at(g);
            if (cfg.minHashRate <= 0)
                continue;
            // The group's floor holds for its total over every account, reported once.
            double rate = 0;
            int workers = 0;
            QString first;
            for (const QString &account : std::as_const(m_accountOrder)) {
                const auto it = m_counts.constFind(account);
                if (it == m_counts.cend() || it->at(g).counted == 0)
                    continue;
                if (first.isEmpty())
                    first = account;
                rate += it->at(g).rate;
                workers += it->at(g).counted;
            }
            if (workers > 0 && first == v.key && rate < cfg.minHashRate) {
                in.lowGroups.append({cfg.displayLabel(), rate, cfg.minHashRate});
                critical = true;
            }
        }
        in.critical = critical;
        // when this chat's share of the incident began
        qint64 since = 0;
        auto earliest = [&since](qint64 t) {
            if (t > 0 && (since == 0 || t < since))
                since = t;
        };
        for (const Incident::Down &d : in.down)
            earliest(d.since);
        for (const Incident::Degraded &d : in.degraded)
            earliest(d.since);
        if (in.poolUnreachable)
            earliest(in.unreachableSince);
        if (in.hashrateLow || !in.lowGroups.isEmpty() || !in.flapping.isEmpty())
            earliest(all.since);
        in.since = in.isEmpty() ? 0 : (since > 0 ? since : all.since);
        routes.append(r);
    }
    return routes;
}

} // namespace rw
