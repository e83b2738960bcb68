#pragma once

#include <QVector>

namespace rw {

// A worker's usual hashrate: the level its current rate is held against to call it degraded.
//
// Two traps decide the design. A baseline that follows the worker (a moving average) makes a
// rig with a dead board its own normal within a day; an all-time peak never comes down after
// a deliberate downsize. So the estimate is a high quantile of the worker's own hourly means
// over a bounded window (a week): the rig's bad hours, up to most of the week, sit below it
// and do not pull it down, and a level it no longer reaches leaves the window within a week.
// An operator who downsized a rig on purpose says so at once ("Accept current hashrate as
// usual"); from then on only the hours after that count.
//
// Until a day of the worker's own hours exists (since it was first seen, or since the level
// was accepted), the accepted level stands, else the pool's own 24-hour average for it.
struct UsualRateInput
{
    // The worker's hourly means in the window, only hours after an accepted level; hours it
    // was not listed are absent. Any order.
    QVector<double> hourlyMeans;
    double poolDayRate = 0; // the pool's 24-hour average for the worker (H/s), 0 = unknown
    double accepted = 0;    // a level the operator accepted (H/s), 0 = none
};

struct UsualRate
{
    enum class Source
    {
        None,     // nothing to go by: the worker is never called degraded
        Pool,     // the pool's 24-hour average
        Accepted, // the level the operator accepted
        Own,      // RigWatch's estimate from the worker's hours
    };
    double rate = 0; // H/s
    Source source = Source::None;
};

// Hours of its own the worker needs before its own estimate replaces the pool's average.
inline constexpr int kUsualRateMinHours = 24;
// The quantile of the hourly means (with a rate) taken as the usual level.
inline constexpr double kUsualRateQuantile = 0.9;

UsualRate usualRate(const UsualRateInput &in);

} // namespace rw
