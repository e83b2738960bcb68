#pragma once

#include <QPointF>
#include <QVector>

namespace rw {

// Largest-triangle-three-buckets downsampling (Steinarsson, 2013): keeps the first and last
// point and, from each of threshold - 2 buckets, the point that spans the largest triangle
// with its neighbours — so peaks and drops survive while 30 days of samples shrink to a
// chart's worth. Points must be sorted by x. Returns the input unchanged when it already has
// at most threshold points (or threshold < 3).
QVector<QPointF> lttb(const QVector<QPointF> &points, int threshold);

} // namespace rw
