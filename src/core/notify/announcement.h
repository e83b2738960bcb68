#pragma once

#include "monitor/workerstatus.h"

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rw {

// What a live Telegram message announces: the set of down workers (with offline/missing) and
// the account-level flags — exactly what decides "grew", "shrank" or "unchanged". Durations,
// hash rates and "as of" are left out on purpose: they change every poll and must not count as
// a change. Serialised into LiveMessage::announcementKey, because after a restart or in a --once
// run the notifier must know the set itself (a digest could say "changed" but not "grew").
struct Announcement
{
    QVector<QPair<QString, WorkerStatus>> down; // sorted by worker name
    QStringList degraded;                       // sorted
    QStringList flapping;                       // sorted
    bool hashrateLow = false;
    QStringList lowGroups; // labels of groups below their own floor, sorted
    bool poolUnreachable = false;
    qint64 since = 0; // when the outage began (unix s); for the "resolved" text, not compared
    // Posted silently because of quiet hours (not compared): the first post after the window
    // ends, if the incident still stands, notifies (DeliveryPlanner).
    bool quiet = false;

    static Announcement of(const Incident &incident);
    // Compact JSON; fromKey() returns an empty announcement for anything it cannot read.
    QByteArray toKey() const;
    static Announcement fromKey(const QByteArray &key);

    bool isEmpty() const
    {
        return down.isEmpty() && degraded.isEmpty() && flapping.isEmpty() && !hashrateLow &&
               lowGroups.isEmpty() && !poolUnreachable;
    }
    // Same workers, statuses and flags (since is not compared).
    bool sameAs(const Announcement &other) const;
    // Growth: a worker down or degraded here that other does not show so, or a flag other
    // lacks. A flapping worker is news only when other announces nothing: its changes are
    // exactly what must not re-post (it is posted once if nothing else was wrong).
    bool hasSomethingNotIn(const Announcement &other) const;
};

} // namespace rw
