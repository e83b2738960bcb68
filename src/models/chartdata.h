#pragma once

#include <QPointF>
#include <QString>
#include <QVector>

namespace rw {

// One chart query's answer, already downsampled on the worker thread: x is milliseconds since
// the epoch (what QDateTimeAxis wants), y is H/s or a worker count.
struct ChartData
{
    int requestId = 0;
    QString account;
    QString worker; // empty: no worker curve requested
    qint64 fromSecs = 0;
    qint64 toSecs = 0;
    QVector<QPointF> total;  // account hashrate
    QVector<QPointF> online; // online workers
    QVector<QPointF> workerRate;
};

} // namespace rw
