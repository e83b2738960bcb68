#pragma once

#include "engine/accountview.h"
#include "monitor/groupmatcher.h"

#include <QHash>
#include <QMap>
#include <QString>

namespace rw {

// Collects what /metrics exposes and renders it in the Prometheus text exposition format
// (version 0.0.4): HELP and TYPE lines, escaped label values, counters that only rise.
class Metrics
{
public:
    Metrics();

    void updateAccount(const AccountView &view);
    // The [group.NAME] groups, in order: each worker's series carry its group's NAME in a
    // `group` label ("" for the default group), and each group gets gauges of its own.
    void setGroups(const QVector<GroupConfig> &groups) { m_groups = GroupMatcher(groups); }
    // Forgets the views (not the poll counters). rigwatchd hands the engine's views in at each
    // scrape and drops them after: a view kept between polls would make the monitor copy the
    // whole worker table at the next poll (Engine::onPolled).
    void clearAccounts() { m_accounts.clear(); }
    void recordPoll(const QString &account, double durationSecs, bool ok, const QString &reason);
    void setTelegramLive(int liveMessages) { m_telegramLive = liveMessages; }
    // Until when (unix s) a 429 holds calls to the chat back (TelegramNotifier::blockedUntilMs()
    // / 1000), 0 when nothing does. The family is shown once a chat is set.
    void setTelegramBlockedUntil(const QString &chat, qint64 unixSecs)
    {
        m_telegramChat = chat;
        m_telegramBlockedUntil = unixSecs;
    }

    // A mute of the alert chat in force (MuteState), and its end (unix s, 0 = until resumed).
    void setAlertsMuted(bool muted, qint64 untilSecs)
    {
        m_muted = muted;
        m_mutedUntil = untilSecs;
    }

    QByteArray render() const;
    static QString escapeLabel(const QString &value);
    static const QVector<double> &pollBuckets();

private:
    QHash<QString, QString> accountLabels() const; // account key -> "account" label

    QMap<QString, AccountView> m_accounts;
    GroupMatcher m_groups;
    QMap<QString, QVector<quint64>> m_pollBucketCounts; // per account, cumulative at render
    QMap<QString, double> m_pollSum;
    QMap<QString, quint64> m_pollCount;
    QMap<QPair<QString, QString>, quint64> m_failures;
    int m_telegramLive = 0;
    QString m_telegramChat;
    qint64 m_telegramBlockedUntil = 0;
    bool m_muted = false;
    qint64 m_mutedUntil = 0;
};

} // namespace rw
