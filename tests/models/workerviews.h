#pragma once

// Workers and accounts as the engine hands them to the GUI, for the worker-table tests: a farm
// of n online rigs named rig-00000 ..., and single online or down workers, all at kNow.
#include "engine/accountview.h"

#include <QString>

namespace rw::test {

inline constexpr qint64 kNow = 1'767'225'600; // 2026-01-01 00:00 UTC

inline WorkerState online(double hs, const QString &host = QStringLiteral("10.0.0.1"))
{
    WorkerState w;
    w.sample.hashRate = hs;
    w.sample.hashRate1h = hs;
    w.sample.hashRate24h = hs;
    w.sample.staleRate24h = hs / 100; // 1 %
    w.sample.lastShareAt = kNow - 30;
    w.sample.host = host;
    w.status = WorkerStatus::Online;
    w.statusSince = kNow - 86'400;
    return w;
}

inline WorkerState down(WorkerStatus status, qint64 lastShareAt)
{
    WorkerState w = online(0);
    w.sample.lastShareAt = lastShareAt;
    w.status = status;
    w.statusSince = lastShareAt;
    return w;
}

inline QString rigName(int i)
{
    return QStringLiteral("rig-%1").arg(i, 5, 10, QLatin1Char('0'));
}

inline AccountView farm(int n)
{
    AccountView v;
    v.key = QStringLiteral("acme/bitcoin");
    for (int i = 0; i < n; ++i)
        v.workers.insert(rigName(i), online(100e12 + i));
    v.added = v.workers.keys();
    return v;
}

// n rigs with one of each kind of trouble: rig-00001 offline, rig-00004 missing, rig-00007
// retired.
inline AccountView farmWithEachState(int n)
{
    AccountView v = farm(n);
    v.workers.insert(rigName(1), down(WorkerStatus::Offline, kNow - 4000));
    v.workers.insert(rigName(4), down(WorkerStatus::Missing, kNow - 90'000));
    v.workers.insert(rigName(7), down(WorkerStatus::Retired, kNow - 400'000));
    return v;
}

} // namespace rw::test
