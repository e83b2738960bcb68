#pragma once

#include "config/configfile.h"
#include "engine/accountview.h"
#include "monitor/groupmatcher.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace rw {

// One chat's share of an account's picture: what the live message in that chat shows.
struct Route
{
    QString key;  // the notifier's slot: routeKey(account, chat)
    QString chat; // empty = the [telegram] chat (or the supergroup it became)
    QString name; // the message's title: the account, or "Site A · account" for one group
    Incident incident;
};

// Splits each account's incident by chat ([group.NAME] chat, docs/telegram.md "Groups"): a
// worker's line goes to its group's chat, else to the [telegram] chat, under its group's label
// when that chat receives several groups. Account-wide trouble goes where it belongs: the
// account's floor to the [telegram] chat, an unreachable pool to every chat the account has
// workers in. A group's own floor is checked against the group's total over every account and
// reported once, with the first account (in configuration order) that has workers in it.
//
// It also decides Incident::critical (notifies in quiet hours): a floor breached, or at least
// critical_offline % of a group's or the account's counted workers down.
//
// Every configured chat gets a Route for every account, empty when nothing of the account is
// wrong there, so a message in a chat whose rigs came back is retracted. Pure: no I/O.
class AlertRouter
{
public:
    AlertRouter() = default;
    explicit AlertRouter(const DaemonConfig &config);

    QVector<Route> split(const AccountView &view);

    // The default chat's route is keyed by the account alone, as before groups existed, so a
    // message standing from an older RigWatch is followed.
    static QString routeKey(const QString &account, const QString &chat);
    static QString accountOfRoute(const QString &key);
    // The chats alerts may go to besides the [telegram] chat (commands are taken there too).
    QStringList groupChats() const;
    const GroupMatcher &matcher() const { return m_matcher; }
    // Where a group's alerts go: its chat, or "" for the [telegram] chat (also for -1, the
    // account's default group, and for a group whose chat is the [telegram] chat).
    QString chatOfGroup(int group) const;

private:
    struct GroupCount
    {
        int counted = 0; // online, offline and missing workers (retired ones are not expected)
        int down = 0;
        double rate = 0; // H/s
    };
    bool criticalShare(int down, int counted, int percent) const;

    GroupMatcher m_matcher;
    QString m_defaultChat;
    QHash<QString, int> m_criticalPercent; // by account key
    QStringList m_accountOrder;            // account keys in configuration order
    // Per account, per group: the latest counts (a group's floor sums every account's).
    QHash<QString, QVector<GroupCount>> m_counts;
};

} // namespace rw
