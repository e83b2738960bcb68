#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rw {

// One chart query's answer, already downsampled on the worker thread: x is milliseconds since
// the epoch (what QDateTimeAxis wants), y is H/s or a worker count.
struct ChartData
{
    int requestId = 0;
    QStringList accounts; // the accounts asked for: one, or the farm's
    QString account;      // the worker's account
    QString worker;       // empty: no worker curve requested
    QString group;        // a group's NAME: total and online are that group's; empty: all
    qint64 fromSecs = 0;
    qint64 toSecs = 0;
    QVector<QPointF> total;  // the accounts' hashrate together (farmseries.h)
    QVector<QPointF> online; // online workers, all accounts together
    QVector<QPointF> workerRate;
    // Each account's own hashrate, when more than one was asked for.
    struct Curve
    {
        QString account;
        QVector<QPointF> points;
    };
    QVector<Curve> perAccount;
};

} // namespace rw
