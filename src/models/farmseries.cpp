#include "farmseries.h"

#include <map>

#include <algorithm>
#include <vector>

namespace rw {

namespace {
// How long an account's point stands for it: three of its usual (median) steps, at least a
// quarter of an hour.
qint64 holdSecs(const QVector<SeriesPoint> &s)
{
    std::vector<qint64> steps;
    steps.reserve(size_t(std::max<qsizetype>(0, s.size() - 1)));
    for (qsizetype i = 1; i < s.size(); ++i)
        steps.push_back(s[i].at - s[i - 1].at);
    if (steps.empty())
        return 900;
    std::nth_element(steps.begin(), steps.begin() + qsizetype(steps.size() / 2), steps.end());
    return std::max<qint64>(900, 3 * steps[steps.size() / 2]);
}
} // namespace

QVector<SeriesPoint> farmSeries(const QVector<QVector<SeriesPoint>> &accounts)
{
    std::vector<qint64> times;
    for (const QVector<SeriesPoint> &s : accounts)
        for (const SeriesPoint &p : s)
            times.push_back(p.at);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());

    std::vector<qint64> hold;
    std::vector<qsizetype> at(size_t(accounts.size()), -1); // each account's latest point so far
    for (const QVector<SeriesPoint> &s : accounts)
        hold.push_back(holdSecs(s));
    QVector<SeriesPoint> farm;
    farm.reserve(qsizetype(times.size()));
    for (const qint64 t : times) {
        SeriesPoint sum;
        sum.at = t;
        for (qsizetype a = 0; a < accounts.size(); ++a) {
            const QVector<SeriesPoint> &s = accounts[a];
            qsizetype &i = at[size_t(a)];
            while (i + 1 < s.size() && s[i + 1].at <= t)
                ++i;
            if (i >= 0 && t - s[i].at <= hold[size_t(a)]) {
                sum.hashRate += s[i].hashRate;
                sum.online += s[i].online;
            }
        }
        farm.push_back(sum);
    }
    return farm;
}

QVector<SeriesPoint> sumWorkerSeries(const QVector<QVector<SeriesPoint>> &workers)
{
    std::map<qint64, SeriesPoint> sum;
    for (const QVector<SeriesPoint> &series : workers)
        for (const SeriesPoint &p : series) {
            SeriesPoint &s = sum[p.at];
            s.at = p.at;
            s.hashRate += p.hashRate;
            s.online += p.hashRate > 0 ? 1 : 0;
        }
    QVector<SeriesPoint> out;
    out.reserve(qsizetype(sum.size()));
    for (const auto &[at, p] : sum)
        out << p;
    return out;
}

} // namespace rw
