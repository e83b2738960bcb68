#include "monitor/usualrate.h"

#include <algorithm>
#include <cmath>

namespace rw {

UsualRate usualRate(const UsualRateInput &in)
{
    // Hours with no rate at all were spent down: they say nothing about the level it runs at.
    QVector<double> hours;
    hours.reserve(in.hourlyMeans.size());
    for (double h : in.hourlyMeans)
        if (h > 0 && std::isfinite(h))
            hours.append(h);
    if (hours.size() >= kUsualRateMinHours) {
        // Nearest rank: a value the worker really had, not one between two.
        const auto rank = qsizetype(std::ceil(kUsualRateQuantile * double(hours.size()))) - 1;
        std::nth_element(hours.begin(), hours.begin() + rank, hours.end());
        return {hours.at(rank), UsualRate::Source::Own};
    }
    if (in.accepted > 0)
        return {in.accepted, UsualRate::Source::Accepted};
    if (in.poolDayRate > 0)
        return {in.poolDayRate, UsualRate::Source::Pool};
    return {};
}

} // namespace rw
