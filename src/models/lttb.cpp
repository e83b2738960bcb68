#include "lttb.h"

#include <algorithm>
#include <cmath>

namespace rw {

QVector<QPointF> lttb(const QVector<QPointF> &points, int threshold)
{
    const int n = int(points.size());
    if (threshold < 3 || n <= threshold)
        return points;

    QVector<QPointF> out;
    out.reserve(threshold);
    out << points.first();

    // Buckets between the fixed first and last point.
    const double every = double(n - 2) / double(threshold - 2);
    int a = 0; // index of the point chosen in the previous bucket
    for (int i = 0; i < threshold - 2; ++i) {
        const int start = int(std::floor(i * every)) + 1;
        const int end = std::min(int(std::floor((i + 1) * every)) + 1, n - 1);

        // The next bucket's average is the third corner of the triangle.
        const int nextStart = end;
        const int nextEnd = std::min(int(std::floor((i + 2) * every)) + 1, n);
        double avgX = 0, avgY = 0;
        const int nextLen = std::max(1, nextEnd - nextStart);
        for (int j = nextStart; j < nextStart + nextLen && j < n; ++j) {
            avgX += points[j].x();
            avgY += points[j].y();
        }
        avgX /= nextLen;
        avgY /= nextLen;

        const QPointF &pa = points[a];
        double best = -1;
        int chosen = start;
        for (int j = start; j < end; ++j) {
            const double area = std::abs((pa.x() - avgX) * (points[j].y() - pa.y()) -
                                         (pa.x() - points[j].x()) * (avgY - pa.y()));
            if (area > best) {
                best = area;
                chosen = j;
            }
        }
        out << points[chosen];
        a = chosen;
    }
    out << points.last();
    return out;
}

} // namespace rw
