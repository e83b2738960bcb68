#pragma once

#include "store/store.h"

#include <QVector>

namespace rw {

// The farm's hashrate and online workers over time, from each account's own series (the
// store's farm totals per poll): at every moment one of the accounts has a point, the sum of
// each account's latest point then. The accounts poll at their own moments, so their points
// never line up; a point stands until the account's next one, but not across a gap of more
// than three of its usual steps (an account that stopped polling adds nothing there).
QVector<SeriesPoint> farmSeries(const QVector<QVector<SeriesPoint>> &accounts);

// One account's group total (issue #20) from its workers' own series: the workers of one
// account are sampled at the same polls (and rolled up into the same hours), so their points
// are summed moment by moment; `online` counts the workers with a hashrate then.
QVector<SeriesPoint> sumWorkerSeries(const QVector<QVector<SeriesPoint>> &workers);

} // namespace rw
