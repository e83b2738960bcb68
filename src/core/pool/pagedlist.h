#pragma once

#include "pool/snapshot.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace rw {

// One reply of a paged worker list (every pool but f2pool): its workers and where the list
// goes on, read from the pool's paging fields only. A short page says nothing about the end:
// only the paging fields do, or, when a pool sends none, an empty page.
struct PageReply
{
    QVector<WorkerSample> workers;
    int nextPage = 0;  // the pool's number of the page to ask for next; 0 = this was the last
    qint64 total = -1; // workers the pool says the whole list has; -1 = not said
    QString poolError; // the pool's own error (any HTTP status): a failed poll
    QString error;     // a reply RigWatch cannot read: a failed poll
    bool clockRejected = false; // the pool refused the request's timestamp (Binance -1021)
};

// What a pool allows: at most maxRequests (each costing `cost`) in any window of windowMs.
struct RateLimit
{
    int capacity = 0; // 0 = no limit
    int cost = 1;
    qint64 windowMs = 0;
    const char *text = ""; // for the operator: "1 request per 5 s"
};

} // namespace rw
