#pragma once

#include "config/accountconfig.h"
#include "pool/snapshot.h"

#include <QByteArray>
#include <QNetworkRequest>

namespace rw {

// What one pool API needs to fetch a worker list: the request and the parser.
struct PoolRequest
{
    QNetworkRequest request;
    QByteArray verb; // "GET" or "POST"
    QByteArray body;
};

PoolRequest workerListRequest(const AccountConfig &account);
// A cheap call that proves the token works ("Test connection"): v2 mining_user/list.
PoolRequest testConnectionRequest(const AccountConfig &account);
// previous: the account's previous poll, a hint only (see parseF2poolV2WorkerList).
ParseResult parseWorkerList(PoolProvider provider, const QByteArray &body,
                            const QVector<WorkerSample> &previous = {});
QString providerName(PoolProvider provider); // "f2pool" / "f2pool-v1"

} // namespace rw
