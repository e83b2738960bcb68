#pragma once

#include "clock.h"
#include "f2poolreplies.h"
#include "httpserver.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QVector>

#include <optional>

namespace rw::sim {

// A fake f2pool on loopback: v2 (POST /v2/...) and legacy v1 (GET /{currency}/{user}) in the
// shapes of docs/pool-apis.md, a farm of virtual rigs driven by an injected clock, and switchable
// faults so tests can prove a broken pool never changes a worker's state.
//
// Endpoints:
//   POST /v2/hash_rate/worker/list   {"mining_user_name"|"address", "currency"}  + F2P-API-SECRET
//   POST /v2/hash_rate/info          same body
//   POST /v2/mining_user/list        {}
//   GET  /{currency}/{user}          v1; the secret header is optional, a wrong one gets 401
// Control (manual or external use; never affected by faults other than "refused"):
//   POST /sim/fault?mode=none|hang|drip|http500|http401|error5010|invalid-json|truncated-json|
//                        oversized|refused|empty-list|deep-json|chunked-flood|
//                        chunk-extensions|endless-header
//                        ("refused" can only be undone through the API)
//   POST /sim/rig?name=rig-03&state=running|stopped|removed
//   POST /sim/degrade?name=rig-03&factor=0.6       hashrate x factor from now (1 = as before)
//   POST /sim/flap?name=rig-03&period=900          silent, sharing, silent... each `period` s;
//                                                  period=0 ends it (sharing from now)
//   POST /sim/skew?secs=-120                      skew of the Date header
//   GET  /sim/state                               rigs, fault and request counters as JSON
class FakeF2pool : public QObject
{
    Q_OBJECT
public:
    enum class Fault
    {
        None,
        Hang, // accept, never answer
        Drip, // headers at once, then the body one byte per dripInterval
        Http500,
        Http401,       // f2pool error body with HTTP 401
        ErrorCode5010, // {"code":5010,...} with errorHttpStatus() (200 by default)
        InvalidJson,   // HTTP 200 with an HTML page
        TruncatedJson, // Content-Length of the full reply, half of it sent, then close
        Oversized,     // a valid worker list of oversizedBytes(), streamed
        Refused,       // stop listening and drop open connections; None restores
        EmptyList,     // HTTP 200, valid JSON, no workers: {"workers":[]} (v1: "workers":[])
        DeepJson,      // HTTP 200, a small reply nested 60,000 levels deep beside the list
        ChunkedFlood,  // Oversized, but chunked: no length to refuse up front
        // The real reply, chunked, every chunk-size line with an extension of
        // chunkExtensionBytes() (16 MiB by default).
        ChunkExtensions,
        EndlessHeader, // a status line, then a header line that never ends, as fast as it goes
    };
    Q_ENUM(Fault)

    explicit FakeF2pool(const Clock *clock, QObject *parent = nullptr);

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server->port(); }
    QUrl baseUrl() const { return m_server->baseUrl(); }
    HttpServer *server() const { return m_server; }

    // Account. Requests for another user, address or currency get code 5001.
    void setUser(const QString &user) { m_user = user; }
    void setSecret(const QString &secret) { m_secret = secret; }
    void setCurrency(const QString &currency) { m_currency = currency; }
    void setAddress(const QString &address) { m_address = address; }
    QString user() const { return m_user; }
    QString currency() const { return m_currency; }
    QString address() const { return m_address; }
    void setErrorHttpStatus(int status) { m_errorStatus = status; } // for code 5001/5010
    int errorHttpStatus() const { return m_errorStatus; }

    // Rigs. Names are unique; operations on an unknown name are ignored with a warning.
    void addRigs(int n, const QString &prefix = QStringLiteral("rig-"));
    void addRig(const QString &name, double hashRate, const QString &host);
    QStringList rigNames() const;
    void stopRig(const QString &name);   // last share stays at now
    void startRig(const QString &name);  // sharing again from now; undoes stop and remove
                                         // (scheduled outages still apply)
    void removeRig(const QString &name); // no longer listed (as f2pool after ~24 h)
    // Stopped since `lastShareAt` (unix s), e.g. a rig already offline when the farm starts.
    void setRigStoppedSince(const QString &name, qint64 lastShareAt);
    void scheduleOutage(const QString &name, qint64 startAt, qint64 durationSecs);
    void scheduleRemoval(const QString &name, qint64 at);
    // From now on the rig hashes at factor x its own rate (1 = as before; a new call replaces
    // the factor): the pool's current rate at once, its 1 h and 24 h averages as those windows
    // fill, as a rig that lost a hash board looks. kMaxRateFactor at most, above 0.
    void degradeRig(const QString &name, double factor);
    // From now on the rig is silent for periodSecs, then shares for periodSecs, and so on, so
    // that with a period above offline_after it goes offline and comes back again and again.
    // 0 ends it (sharing from now); startRig() ends it too.
    void flapRig(const QString &name, qint64 periodSecs);
    static constexpr double kMaxRateFactor = 10;
    double rigRateFactor(const QString &name) const; // the current factor (1 when not degraded)
    qint64 rigFlapPeriod(const QString &name) const; // 0 = not flapping
    // The rigs' own controls, /sim/degrade and /sim/flap, also for a FakePools that serves
    // these rigs: false when the request is for another path.
    bool handleRigControl(const HttpRequest &request, HttpResponder &responder);
    // Rigs without a share for this long drop out of the list, as on f2pool; 0 = never.
    void setDropAfterSecs(qint64 secs) { m_dropAfter = secs; }
    bool isRigUp(const QString &name) const;
    bool isRigListed(const QString &name) const;
    std::optional<qint64> rigLastShareAt(const QString &name) const;
    QVector<PoolWorkerRow> currentRows() const; // what worker/list returns right now

    // Faults.
    void setFault(Fault fault);
    Fault fault() const { return m_fault; }
    static std::optional<Fault> faultFromString(const QString &mode); // "invalid-json", ...
    static QString faultName(Fault fault);
    static QStringList faultNames();
    void setDripIntervalMs(int ms) { m_dripIntervalMs = ms; }
    void setOversizedBytes(qint64 bytes) { m_oversizedBytes = bytes; }
    qint64 oversizedBytes() const { return m_oversizedBytes; }
    void setOversizedSendsLength(bool on) { m_oversizedSendsLength = on; } // else close-delimited
    void setChunkExtensionBytes(qint64 bytes) { m_chunkExtensionBytes = bytes; }
    // Bytes of the streaming faults (oversized, chunked-flood, chunk-extensions, endless-header)
    // handed to the sockets since the last resetCounters(); safe to read from another thread.
    qint64 streamedBytes() const { return m_server->streamedBytes(); }

    // Date header = clock + skew.
    void setDateSkewSecs(qint64 secs) { m_skew = secs; }
    qint64 dateSkewSecs() const { return m_skew; }

    // Counters (control endpoints under /sim/ are not counted).
    int requestCount(const QString &path) const { return m_requestsByPath.value(path); }
    int totalRequests() const;
    HttpHeaders lastRequestHeaders() const { return m_lastHeaders; } // names lower-case
    QByteArray lastRequestHeader(const QByteArray &name) const;
    QByteArray lastRequestBody() const { return m_lastBody; }
    QString lastRequestPath() const { return m_lastPath; }
    int maxConcurrentRequests() const { return m_server->maxConcurrentRequests(); }
    int activeRequests() const { return m_server->activeRequests(); }
    void resetCounters();

    // Realistic replies for benchmarks and parser tests (1k, 10k, 100k workers in ms).
    static QByteArray makeV2WorkerList(int workers, qint64 now, int offlineEvery = 0);
    static QByteArray makeV1Reply(int workers, qint64 now, int offlineEvery = 0);

Q_SIGNALS:
    void requestServed(const QString &path);

private:
    struct Rig
    {
        QString name;
        QString host;
        double baseRate = 0;
        int sharePeriod = 30; // s between shares while up
        int sharePhase = 0;
        std::optional<qint64> stoppedAt;
        qint64 startedAt = 0; // last startRig(); 0 = sharing since forever
        std::optional<qint64> removedAt;
        QVector<QPair<qint64, qint64>> outages;   // [start, end)
        QVector<QPair<qint64, double>> rateSteps; // (from, factor), in time order
        qint64 flapSince = 0;
        qint64 flapPeriod = 0; // 0 = not flapping
    };

    void handle(const HttpRequest &request, HttpResponder &responder);
    void handleV2(const HttpRequest &request, HttpResponder &responder);
    void handleV1(const HttpRequest &request, HttpResponder &responder);
    void handleControl(const HttpRequest &request, HttpResponder &responder);
    bool applyFault(HttpResponder &responder); // true: the fault answered
    void replyJson(HttpResponder &responder, int status, const QByteArray &body);

    Rig *rig(const QString &name, bool warnIfMissing = true);
    const Rig *rig(const QString &name) const;
    bool up(const Rig &r, qint64 now) const;
    qint64 lastShare(const Rig &r, qint64 now) const;
    qint64 upSince(const Rig &r, qint64 now) const; // when the current sharing began (0 = ever)
    std::optional<qint64> flapSilentSince(const Rig &r, qint64 now) const;
    // The rig's mean rate factor over the last windowSecs (0: the factor now).
    double rateFactor(const Rig &r, qint64 now, qint64 windowSecs) const;
    bool listed(const Rig &r, qint64 now) const;
    PoolWorkerRow row(const Rig &r, qint64 now) const;

    const Clock *m_clock;
    HttpServer *m_server;
    QString m_user = QStringLiteral("demo");
    QString m_secret;
    QString m_currency = QStringLiteral("bitcoin");
    QString m_address = QStringLiteral("bc1qsimulatedfarmaddress0000000000000000000");
    int m_errorStatus = 200;
    QVector<Rig> m_rigs;
    QHash<QString, qsizetype> m_rigIndex; // name -> position in m_rigs
    mutable QRandomGenerator m_rng{20260101};
    qint64 m_dropAfter = 86'400;
    Fault m_fault = Fault::None;
    int m_dripIntervalMs = 1000;
    qint64 m_oversizedBytes = 80LL * 1024 * 1024;
    bool m_oversizedSendsLength = true;
    qint64 m_chunkExtensionBytes = 16LL * 1024 * 1024;
    qint64 m_skew = 0;
    QHash<QString, int> m_requestsByPath;
    HttpHeaders m_lastHeaders;
    QByteArray m_lastBody;
    QString m_lastPath;
};

} // namespace rw::sim
