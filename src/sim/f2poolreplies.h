#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <functional>

namespace rw::sim {

// One worker as the fake pool reports it. Rates in H/s, times in unix seconds.
struct PoolWorkerRow
{
    QString name;
    double hashRate = 0;
    double h1HashRate = 0;
    double h24HashRate = 0;
    double h1StaleHashRate = 0;
    double h24StaleHashRate = 0;
    double h24DelayHashRate = 0;
    double localHashRate = 0;
    double h24LocalHashRate = 0;
    qint64 lastShareAt = 0;
    int status = 0; // pool flag: 0 online, 1 offline, 2 expired
    QString host;
};

// Serialises f2pool replies byte by byte, exactly in the documented shapes (docs/pool-apis.md:
// f2pool API v2 and legacy v1). Written by hand instead of through QJsonDocument so 100k-worker
// replies for benchmarks take milliseconds, and shared by the live fake and the static generators.
namespace f2pool {

// The pool's status flag from the age of the last share.
int statusFor(qint64 lastShareAt, qint64 now);

QByteArray v2WorkerList(const QVector<PoolWorkerRow> &rows);
QByteArray v2Info(const QString &user, const QString &currency, const QVector<PoolWorkerRow> &rows);
QByteArray v2MiningUserList(const QString &user, const QString &currency, const QString &address);
QByteArray v1Reply(const QVector<PoolWorkerRow> &rows, qint64 now);
QByteArray error(int code, const QString &msg); // {"code":N,"msg":"..."}

// "2018-06-19T10:02:19.810789Z": ISO-8601 UTC with microseconds, as v1 sends last shares.
QByteArray isoMicros(qint64 secs, int micros);

// A farm of `workers` synthetic rigs named rig-00001...; every offlineEvery-th (1-based) has
// not shared for an hour and reports zero hashrate.
QVector<PoolWorkerRow> syntheticRows(int workers, qint64 now, int offlineEvery);

// A valid worker-list body of at least minBytes, produced in chunks (see
// HttpResponder::stream). totalBytes is known up front for a Content-Length header.
struct ChunkedBody
{
    qint64 totalBytes = 0;
    std::function<QByteArray()> next;
};
ChunkedBody oversizedWorkerList(qint64 minBytes, qint64 now);

} // namespace f2pool
} // namespace rw::sim
