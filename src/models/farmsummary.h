#pragma once

#include "engine/accountview.h"

#include <QString>
#include <QVector>

namespace rw {

// The one-glance verdict over every account, for the tray icon and its tooltip. Pure: the
// tray controller feeds it views and the clock, tests feed it hand-made views.
struct FarmSummary
{
    enum Level
    {
        NotConfigured, // no account to watch
        Waiting,       // configured, no answer from the pool yet
        Ok,            // every counted worker online, hashrate above the floor
        Warning,       // some workers offline, missing, degraded or flapping (amber)
        Alert,         // hashrate below the floor, or more than the red share offline
        Unreachable,   // a pool did not answer the last poll
    };
    Level level = NotConfigured;
    int online = 0;
    int total = 0;       // counted workers (retired excluded)
    double hashRate = 0; // H/s, all accounts
    int degraded = 0;    // workers degraded (issue #19), all accounts
    int flapping = 0;
    qint64 lastSuccessAt = 0; // unix s: the oldest account's last successful poll (0 = never)
    QString reason;           // first account's pool error when unreachable
    QString notice;           // first account's reply notice (Date ignored, held as suspect)

    // redOfflinePercent: more than this share of counted workers down turns the tray red.
    static FarmSummary of(const QVector<AccountView> &views, int redOfflinePercent);

    // "97/100 online · 3.21 PH/s · updated 12 s ago", then the reason, the pause and the demo
    // note on their own lines. pausedUntilMs: 0 = not paused, -1 = until resumed.
    QString tooltip(qint64 nowSecs, qint64 pausedUntilMs, bool demo) const;
    // ":/icons/tray-*.svg": shape and colour both tell the level.
    QString iconPath(bool paused) const;
    static QString levelText(Level level);
};

} // namespace rw
