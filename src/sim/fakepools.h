#pragma once

#include "clock.h"
#include "config/accountconfig.h"
#include "httpserver.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <deque>

#include <optional>

namespace rw::sim {

class FakeF2pool;

// The pools beside f2pool on loopback (Braiins, Binance Pool, Luxor, ViaBTC, AntPool), each in
// the shape docs/pool-apis.md describes: its path, its authentication (a wrong token, key or
// signature refused the way that pool refuses it), its paging, its rate limit and its error
// bodies. The rigs are a FakeF2pool's (not listening itself), so stopping a rig there shows in
// every shape.
//
// Endpoints (one provider per instance):
//   braiins  GET  /accounts/workers/json/btc/        SlushPool-Auth-Token
//   binance  GET  /sapi/v1/mining/worker/list?...     X-MBX-APIKEY + HMAC signature
//   luxor    GET  /api/v1/pool/workers/BTC?...        authorization
//   viabtc   GET  /res/openapi/v1/hashrate/worker?... X-API-KEY
//   antpool  POST /api/userWorkerList.htm             form, HMAC signature
// Control: POST /sim/fault?mode=..., POST /sim/rig?name=&state=, GET /sim/state; the rigs'
// /sim/degrade and /sim/flap as FakeF2pool has them.
class FakePools : public QObject
{
    Q_OBJECT
public:
    enum class Fault
    {
        None,
        BadKey,       // the pool's own "bad key" answer
        Forbidden,    // IP not whitelisted / permission missing, the pool's way
        ErrorWith200, // an error body with HTTP 200
        Http500,
        InvalidJson,
        MissingPage,   // page 2 of a paged list fails with HTTP 500 (pages 1 and 3 are fine)
        MissingFields, // HTTP 200, the list without its workers' list
        RateLimited,   // HTTP 429 with Retry-After (or the pool's own limit answer)
        Hang,
    };
    Q_ENUM(Fault)

    FakePools(PoolProvider provider, FakeF2pool *rigs, const Clock *clock,
              QObject *parent = nullptr);

    bool listen(quint16 port = 0);
    QUrl baseUrl() const { return m_server->baseUrl(); }
    HttpServer *server() const { return m_server; }
    PoolProvider provider() const { return m_provider; }

    // What the pool accepts. user: Binance userName, Luxor subaccount, AntPool userId, the
    // account prefix of Braiins and AntPool worker names.
    void setUser(const QString &user) { m_user = user; }
    void setKey(const QString &key) { m_key = key; }
    void setSecret(const QString &secret) { m_secret = secret; }
    // The largest page the pool gives, whatever is asked (Binance: always 20).
    void setMaxPageSize(int n) { m_maxPageSize = n; }
    void setDateSkewSecs(qint64 secs) { m_skew = secs; }
    // Enforce the pool's rate limit (as the real pool would); on by default.
    void setEnforceRateLimit(bool on) { m_enforceLimit = on; }

    void setFault(Fault fault) { m_fault = fault; }
    Fault fault() const { return m_fault; }
    static std::optional<Fault> faultFromString(const QString &mode);
    static QStringList faultNames();
    static std::optional<PoolProvider> providerFromString(const QString &name);

    // Counters.
    int workerListRequests() const { return m_listRequests; }
    int rejectedSignatures() const { return m_badSignatures; }
    int rateLimitHits() const { return m_rateHits; }
    QList<int> pagesServed() const { return m_pages; }
    QByteArray lastRequestHeader(const QByteArray &name) const;
    void resetCounters();

private:
    void handle(const HttpRequest &request, HttpResponder &responder);
    void handleControl(const HttpRequest &request, HttpResponder &responder);
    bool overRateLimit(); // records the request
    void json(HttpResponder &responder, int status, const QByteArray &body,
              const HttpHeaders &extra = {});
    // Per provider: check the request, then answer with the page asked for.
    void braiins(const HttpRequest &request, HttpResponder &responder);
    void binance(const HttpRequest &request, HttpResponder &responder);
    void luxor(const HttpRequest &request, HttpResponder &responder);
    void viabtc(const HttpRequest &request, HttpResponder &responder);
    void antpool(const HttpRequest &request, HttpResponder &responder);
    // Common faults answered in the pool's error shape; true when answered.
    bool answerFault(HttpResponder &responder, int page);
    QByteArray errorBody(int kind) const; // 0 bad key, 1 forbidden, 2 rate limit, 3 other

    PoolProvider m_provider;
    FakeF2pool *m_rigs;
    const Clock *m_clock;
    HttpServer *m_server;
    QString m_user = QStringLiteral("demo");
    QString m_key = QStringLiteral("demo-key");
    QString m_secret = QStringLiteral("demo-secret");
    int m_maxPageSize = 0; // 0 = the pool's own
    qint64 m_skew = 0;
    bool m_enforceLimit = true;
    Fault m_fault = Fault::None;
    std::deque<qint64> m_recent; // request times (ms) in the rate limit's window
    qint64 m_lastNonce = 0;
    int m_listRequests = 0;
    int m_badSignatures = 0;
    int m_rateHits = 0;
    QList<int> m_pages;
    HttpHeaders m_lastHeaders;
};

} // namespace rw::sim
