#include "metrics/metrics.h"

#include <QLocale>

#include <cmath>

namespace rw {

Metrics::Metrics() = default;

const QVector<double> &Metrics::pollBuckets()
{
    static const QVector<double> b{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    return b;
}

QString Metrics::escapeLabel(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

void Metrics::updateAccount(const AccountView &view)
{
    m_accounts.insert(view.key, view);
}

void Metrics::recordPoll(const QString &account, double durationSecs, bool ok,
                         const QString &reason)
{
    auto &counts = m_pollBucketCounts[account];
    if (counts.isEmpty())
        counts.fill(0, pollBuckets().size());
    for (int i = 0; i < pollBuckets().size(); ++i)
        if (durationSecs <= pollBuckets().at(i))
            ++counts[i];
    m_pollSum[account] += durationSecs;
    ++m_pollCount[account];
    if (!ok)
        ++m_failures[qMakePair(account, reason)];
}

namespace {
QString num(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    // Whole numbers (counts, most hashrates) as integers; others in their shortest exact form
    // ("0.05", not "0.050000000000000003").
    if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}
void header(QString &out, const char *name, const char *type, const char *help)
{
    out += QStringLiteral("# HELP ") + QLatin1String(name) + QLatin1Char(' ') +
           QLatin1String(help) + QStringLiteral("\n# TYPE ") + QLatin1String(name) +
           QLatin1Char(' ') + QLatin1String(type) + QLatin1Char('\n');
}
} // namespace

// The account label is the pool user, as the operator knows the account; when one user is
// configured for two currencies that would make two series with the same labels (Prometheus
// rejects the scrape), so those accounts are labelled "user/currency" instead. Worked out once
// per scrape, not per sample: a scrape of a 100k-worker farm has 300k samples.
QHash<QString, QString> Metrics::accountLabels() const
{
    QHash<QString, int> users;
    for (const AccountView &v : m_accounts)
        ++users[v.displayName];
    QHash<QString, QString> labels;
    for (const AccountView &v : m_accounts)
        labels.insert(v.key, users.value(v.displayName) > 1 ? v.key : v.displayName);
    return labels;
}

QByteArray Metrics::render() const
{
    QString out;
    const QHash<QString, QString> labels = accountLabels();
    // Accounts without a view yet (polls recorded, no snapshot) are named by their key.
    const auto accountLabel = [&labels](const QString &key) { return labels.value(key, key); };
    auto lbl = [](std::initializer_list<std::pair<const char *, QString>> labels) -> QString {
        QStringList parts;
        for (const auto &[k, v] : labels)
            parts << QLatin1String(k) + QStringLiteral("=\"") + escapeLabel(v) + QLatin1Char('"');
        return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    };

    // A worker's group by NAME; "" for the default group.
    const auto groupOf = [this](QHash<QString, WorkerState>::const_iterator it) {
        const int g = m_groups.groupOf(it.key(), it->sample.host);
        return g >= 0 ? m_groups.groups().at(g).name : QString();
    };

    header(out, "rigwatch_build_info", "gauge", "RigWatch version; always 1.");
    out += QStringLiteral("rigwatch_build_info") +
           lbl({{"version", QStringLiteral(RIGWATCH_VERSION)}}) + QStringLiteral(" 1\n");

    header(out, "rigwatch_worker_up", "gauge",
           "1 if the worker shared within offline_after, else 0.");
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            out += QStringLiteral("rigwatch_worker_up") +
                   lbl({{"account", accountLabel(v.key)},
                        {"group", groupOf(it)},
                        {"worker", it.key()}}) +
                   (it->status == WorkerStatus::Online ? QStringLiteral(" 1\n")
                                                       : QStringLiteral(" 0\n"));

    header(out, "rigwatch_worker_hashrate_hashes_per_second", "gauge",
           "Worker's current hashrate as the pool reports it.");
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            out += QStringLiteral("rigwatch_worker_hashrate_hashes_per_second") +
                   lbl({{"account", accountLabel(v.key)},
                        {"group", groupOf(it)},
                        {"worker", it.key()}}) +
                   QLatin1Char(' ') +
                   num(it->status == WorkerStatus::Missing ? 0 : it->sample.hashRate) +
                   QLatin1Char('\n');

    header(out, "rigwatch_worker_last_share_timestamp_seconds", "gauge",
           "Unix time of the worker's last share.");
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            out += QStringLiteral("rigwatch_worker_last_share_timestamp_seconds") +
                   lbl({{"account", accountLabel(v.key)},
                        {"group", groupOf(it)},
                        {"worker", it.key()}}) +
                   QLatin1Char(' ') + QString::number(it->sample.lastShareAt) + QLatin1Char('\n');

    header(out, "rigwatch_worker_degraded", "gauge",
           "1 if the worker is degraded (below degraded_below % of its usual hashrate for "
           "degraded_after), else 0.");
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            out += QStringLiteral("rigwatch_worker_degraded") +
                   lbl({{"account", accountLabel(v.key)},
                        {"group", groupOf(it)},
                        {"worker", it.key()}}) +
                   (it->degraded ? QStringLiteral(" 1\n") : QStringLiteral(" 0\n"));

    header(out, "rigwatch_worker_usual_hashrate", "gauge",
           "The worker's usual hashrate (its own 7-day level, an accepted level, else the "
           "pool's 24-hour average), hashes per second; 0 = not known.");
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it)
            out += QStringLiteral("rigwatch_worker_usual_hashrate") +
                   lbl({{"account", accountLabel(v.key)},
                        {"group", groupOf(it)},
                        {"worker", it.key()}}) +
                   QLatin1Char(' ') + num(usualRateOf(*it)) + QLatin1Char('\n');

    header(out, "rigwatch_account_hashrate_hashes_per_second", "gauge",
           "Account's total hashrate at the last successful poll.");
    for (const AccountView &v : m_accounts)
        out += QStringLiteral("rigwatch_account_hashrate_hashes_per_second") +
               lbl({{"account", accountLabel(v.key)}}) + QLatin1Char(' ') + num(v.totalHashRate) +
               QLatin1Char('\n');

    header(out, "rigwatch_pool_reply_suspect", "gauge",
           "1 if the last reply was held as suspect or its Date header was ignored, else 0.");
    for (const AccountView &v : m_accounts)
        out += QStringLiteral("rigwatch_pool_reply_suspect") +
               lbl({{"account", accountLabel(v.key)}}) +
               (v.replyNotice.isEmpty() ? QStringLiteral(" 0\n") : QStringLiteral(" 1\n"));

    header(out, "rigwatch_workers", "gauge", "Workers per state.");
    for (const AccountView &v : m_accounts) {
        QMap<WorkerStatus, int> counts{{WorkerStatus::Online, 0},
                                       {WorkerStatus::Offline, 0},
                                       {WorkerStatus::Missing, 0},
                                       {WorkerStatus::Retired, 0}};
        for (const WorkerState &w : v.workers)
            ++counts[w.status];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            out += QStringLiteral("rigwatch_workers") +
                   lbl({{"account", accountLabel(v.key)}, {"state", workerStatusKey(it.key())}}) +
                   QLatin1Char(' ') + QString::number(it.value()) + QLatin1Char('\n');
    }

    // Per group, over every account (a group's floor holds for its total over all of them).
    // Index 0 is the default group, g + 1 the group g.
    struct GroupSum
    {
        int online = 0;
        int offline = 0; // offline or missing; retired workers are neither
        double rate = 0;
    };
    QVector<GroupSum> groups(m_groups.groups().size() + 1);
    for (const AccountView &v : m_accounts)
        for (auto it = v.workers.cbegin(); it != v.workers.cend(); ++it) {
            GroupSum &g = groups[m_groups.groupOf(it.key(), it->sample.host) + 1];
            if (it->status == WorkerStatus::Online) {
                ++g.online;
                g.rate += it->sample.hashRate;
            } else if (it->status != WorkerStatus::Retired) {
                ++g.offline;
            }
        }
    const auto groupName = [this](int slot) {
        return slot > 0 ? m_groups.groups().at(slot - 1).name : QString();
    };
    header(out, "rigwatch_group_workers", "gauge",
           "Workers of the group (every account) online, and offline or missing; group=\"\" is "
           "the workers of no group.");
    for (int slot = 0; slot < groups.size(); ++slot) {
        out += QStringLiteral("rigwatch_group_workers") +
               lbl({{"group", groupName(slot)}, {"state", QStringLiteral("online")}}) +
               QLatin1Char(' ') + QString::number(groups[slot].online) + QLatin1Char('\n');
        out += QStringLiteral("rigwatch_group_workers") +
               lbl({{"group", groupName(slot)}, {"state", QStringLiteral("offline")}}) +
               QLatin1Char(' ') + QString::number(groups[slot].offline) + QLatin1Char('\n');
    }
    header(out, "rigwatch_group_hashrate_hashes_per_second", "gauge",
           "The group's total hashrate over every account.");
    for (int slot = 0; slot < groups.size(); ++slot)
        out += QStringLiteral("rigwatch_group_hashrate_hashes_per_second") +
               lbl({{"group", groupName(slot)}}) + QLatin1Char(' ') + num(groups[slot].rate) +
               QLatin1Char('\n');
    if (!m_groups.isEmpty()) {
        header(out, "rigwatch_group_min_hashrate_hashes_per_second", "gauge",
               "The group's hashrate floor (min_hashrate); 0 = off.");
        for (int slot = 1; slot < groups.size(); ++slot)
            out += QStringLiteral("rigwatch_group_min_hashrate_hashes_per_second") +
                   lbl({{"group", groupName(slot)}}) + QLatin1Char(' ') +
                   num(m_groups.groups().at(slot - 1).minHashRate) + QLatin1Char('\n');
        header(out, "rigwatch_group_floor_breached", "gauge",
               "1 if the group has workers and its total hashrate is below its floor, else 0.");
        for (int slot = 1; slot < groups.size(); ++slot) {
            const double floor = m_groups.groups().at(slot - 1).minHashRate;
            const GroupSum &g = groups[slot];
            const bool breached = floor > 0 && g.online + g.offline > 0 && g.rate < floor;
            out += QStringLiteral("rigwatch_group_floor_breached") +
                   lbl({{"group", groupName(slot)}}) +
                   (breached ? QStringLiteral(" 1\n") : QStringLiteral(" 0\n"));
        }
    }

    header(out, "rigwatch_poll_duration_seconds", "histogram",
           "Duration of pool polls, successful or not.");
    for (auto it = m_pollCount.cbegin(); it != m_pollCount.cend(); ++it) {
        const QString name = accountLabel(it.key());
        const auto &counts = m_pollBucketCounts.value(it.key());
        for (int i = 0; i < pollBuckets().size(); ++i)
            out += QStringLiteral("rigwatch_poll_duration_seconds_bucket") +
                   lbl({{"account", name}, {"le", num(pollBuckets().at(i))}}) + QLatin1Char(' ') +
                   QString::number(counts.value(i)) + QLatin1Char('\n');
        out += QStringLiteral("rigwatch_poll_duration_seconds_bucket") +
               lbl({{"account", name}, {"le", QStringLiteral("+Inf")}}) + QLatin1Char(' ') +
               QString::number(it.value()) + QLatin1Char('\n');
        out += QStringLiteral("rigwatch_poll_duration_seconds_sum") + lbl({{"account", name}}) +
               QLatin1Char(' ') + num(m_pollSum.value(it.key())) + QLatin1Char('\n');
        out += QStringLiteral("rigwatch_poll_duration_seconds_count") + lbl({{"account", name}}) +
               QLatin1Char(' ') + QString::number(it.value()) + QLatin1Char('\n');
    }

    header(out, "rigwatch_poll_failures_total", "counter", "Failed polls by reason.");
    for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it) {
        const QString name = accountLabel(it.key().first);
        out += QStringLiteral("rigwatch_poll_failures_total") +
               lbl({{"account", name}, {"reason", it.key().second}}) + QLatin1Char(' ') +
               QString::number(it.value()) + QLatin1Char('\n');
    }

    header(out, "rigwatch_telegram_messages_live", "gauge",
           "Telegram messages standing for open incidents.");
    out += QStringLiteral("rigwatch_telegram_messages_live ") + QString::number(m_telegramLive) +
           QLatin1Char('\n');

    if (!m_telegramChat.isEmpty()) {
        // A timestamp rather than a flag: "blocked for how much longer" is this minus time(), and
        // a value in the past is a wait that is over.
        header(out, "rigwatch_telegram_blocked_until_seconds", "gauge",
               "Unix time until which Telegram's 429 (Too Many Requests) holds calls to the chat "
               "back, at most 1 h ahead; 0 when nothing does.");
        out += QStringLiteral("rigwatch_telegram_blocked_until_seconds") +
               lbl({{"chat", m_telegramChat}}) + QLatin1Char(' ') +
               QString::number(m_telegramBlockedUntil) + QLatin1Char('\n');
    }

    header(out, "rigwatch_alerts_muted", "gauge",
           "1 while new alerts are muted (/mute in Telegram or the tray's Pause alerts), else 0.");
    out += QStringLiteral("rigwatch_alerts_muted ") + QString::number(m_muted ? 1 : 0) +
           QLatin1Char('\n');
    header(out, "rigwatch_alerts_muted_until_seconds", "gauge",
           "Unix time the mute ends; 0 when none is in force or it lasts until resumed.");
    out += QStringLiteral("rigwatch_alerts_muted_until_seconds ") +
           QString::number(m_muted ? m_mutedUntil : 0) + QLatin1Char('\n');
    return out.toUtf8();
}

} // namespace rw
