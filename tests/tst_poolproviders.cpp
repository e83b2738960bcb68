// The reference parsers and requests of the pools beside f2pool (docs/pool-apis.md), on the
// documented example replies and on every variant the public sources disagree about.
#include "pool/poolprovider.h"
#include "pool/poolvalues.h"
#include "pool/providers/pagedcommon.h"
#include "pool/providers/providers.h"
#include "pool/ratelimiter.h"
#include "pool/workercollector.h"

#include <QTest>
#include <QUrlQuery>

using namespace rw;

namespace {

struct Page
{
    PageReply reply;
    ParseResult parsed;
};

// One reply as the poller reads it: page `page` of the provider's list.
Page readPage(PoolProvider provider, const QByteArray &body, int page = 1)
{
    const PoolFormat::Paging *paging = poolFormat(provider).paging;
    WorkerCollector c(0);
    qsizetype entries = 0;
    Page p;
    p.reply = paging->read(body, page, c, &entries);
    if (p.reply.error.isEmpty() && p.reply.poolError.isEmpty())
        p.parsed = c.finish(entries, paging->label, std::nullopt);
    return p;
}

const WorkerSample *worker(const ParseResult &r, const QString &name)
{
    if (!r.ok())
        return nullptr;
    for (const WorkerSample &w : r.snapshot->workers)
        if (w.name == name)
            return &w;
    return nullptr;
}

AccountConfig account(PoolProvider p)
{
    AccountConfig a;
    a.provider = p;
    a.url = defaultProviderUrl(p);
    a.user = QStringLiteral("farm1");
    a.apiKey = QStringLiteral("the-api-key");
    a.secret = QStringLiteral("the-api-secret");
    return a;
}

} // namespace

class TestPoolProviders : public QObject
{
    Q_OBJECT
private slots:
    // ---- values ------------------------------------------------------------------------------
    void hashRates_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("expected"); // -1 = unreadable
        QTest::newRow("number") << QJsonValue(12.5) << 1.0 << 12.5;
        QTest::newRow("number in Gh/s") << QJsonValue(1500) << 1e9 << 1.5e12;
        QTest::newRow("numeric string")
            << QJsonValue(QStringLiteral(" 123456789 ")) << 1.0 << 123456789.0;
        QTest::newRow("TH/s string") << QJsonValue(QStringLiteral("12.3 TH/s")) << 1.0 << 12.3e12;
        QTest::newRow("Gh/s string") << QJsonValue(QStringLiteral("950.5 Gh/s")) << 1.0 << 950.5e9;
        QTest::newRow("PH/s no space") << QJsonValue(QStringLiteral("1.2PH/s")) << 1.0 << 1.2e15;
        QTest::newRow("bare T") << QJsonValue(QStringLiteral("3 T")) << 1.0 << 3e12;
        QTest::newRow("H/s") << QJsonValue(QStringLiteral("7 H/s")) << 1e9 << 7.0;
        QTest::newRow("string without unit uses the field's")
            << QJsonValue(QStringLiteral("2")) << 1e12 << 2e12;
        QTest::newRow("unknown unit") << QJsonValue(QStringLiteral("3 furlongs")) << 1.0 << -1.0;
        QTest::newRow("negative") << QJsonValue(-5) << 1.0 << -1.0;
        QTest::newRow("word") << QJsonValue(QStringLiteral("n/a")) << 1.0 << -1.0;
        QTest::newRow("null") << QJsonValue() << 1.0 << -1.0;
    }
    void hashRates()
    {
        QFETCH(QJsonValue, value);
        QFETCH(double, factor);
        QFETCH(double, expected);
        const std::optional<double> r = poolHashRate(value, factor);
        if (expected < 0) {
            QVERIFY(!r);
        } else {
            QVERIFY(r);
            QCOMPARE(*r, expected);
        }
    }

    void times_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<qint64>("expected"); // -1 = unreadable
        QTest::newRow("seconds") << QJsonValue(1700000000) << qint64(1700000000);
        QTest::newRow("milliseconds") << QJsonValue(1700000000123.0) << qint64(1700000000);
        QTest::newRow("seconds as string")
            << QJsonValue(QStringLiteral("1700000000")) << qint64(1700000000);
        QTest::newRow("ISO-8601") << QJsonValue(QStringLiteral("2023-11-14T22:13:20Z"))
                                  << qint64(1700000000);
        QTest::newRow("ISO with ms")
            << QJsonValue(QStringLiteral("2023-11-14T22:13:20.500Z")) << qint64(1700000000);
        QTest::newRow("null is never") << QJsonValue() << qint64(0);
        QTest::newRow("garbage") << QJsonValue(QStringLiteral("yesterday")) << qint64(-1);
    }
    void times()
    {
        QFETCH(QJsonValue, value);
        QFETCH(qint64, expected);
        const std::optional<qint64> t = poolTime(value);
        if (expected < 0) {
            QVERIFY(!t);
        } else {
            QVERIFY(t);
            QCOMPARE(*t, expected);
        }
    }

    void hmacMatchesBinancesPublishedExample()
    {
        // The example of Binance's "SIGNED endpoint" documentation.
        const QByteArray query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&"
                                 "price=0.1&recvWindow=5000&timestamp=1499827319559";
        QCOMPARE(
            providers::hmacSha256Hex(
                QStringLiteral("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"),
                query),
            QByteArray("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
    }

    void providerNamesRoundTrip()
    {
        for (PoolProvider p : allProviders()) {
            QCOMPARE(providerFromName(providerName(p)), std::optional<PoolProvider>(p));
            AccountConfig a;
            a.provider = p;
            QCOMPARE(a.providerKey(), providerName(p));
        }
        QVERIFY(!providerFromName(QStringLiteral("slushpool")));
    }

    void sameUserOnTwoPoolsIsTwoAccounts()
    {
        AccountConfig a = account(PoolProvider::Luxor), b = account(PoolProvider::Binance),
                      f = account(PoolProvider::F2poolV2);
        QVERIFY(a.key() != b.key());
        QVERIFY(a.key() != f.key());
        QCOMPARE(f.key(), QStringLiteral("farm1/bitcoin")); // f2pool's keys stay as they were
        AccountConfig t1 = account(PoolProvider::Braiins), t2 = account(PoolProvider::Braiins);
        t1.user.clear();
        t2.user.clear();
        t1.id = QStringLiteral("a");
        t2.id = QStringLiteral("b");
        QVERIFY(t1.key() != t2.key());
        QCOMPARE(t1.displayName(), QStringLiteral("a"));
    }

    // ---- rate limiter ------------------------------------------------------------------------
    void rateLimiterWindow()
    {
        // a window plus a twentieth of it (at most 0.5 s) for the network's jitter
        RateLimiter braiins(RateLimit{1, 1, 5000, ""});
        QCOMPARE(braiins.delayMs(0), 0);
        braiins.sent(0);
        QCOMPARE(braiins.delayMs(1000), 4250);
        QCOMPARE(braiins.delayMs(5000), 250);
        QCOMPARE(braiins.delayMs(5250), 0);

        RateLimiter binance(RateLimit{20, 5, 60000, ""}); // 4 requests a minute
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(binance.delayMs(i * 100), 0);
            binance.sent(i * 100);
        }
        QCOMPARE(binance.delayMs(400), 60500 - 400);
        QCOMPARE(binance.delayMs(60500), 0);

        RateLimiter told(RateLimit{});
        told.blockUntil(7000);
        QCOMPARE(told.delayMs(1000), 6000);
        QCOMPARE(told.delayMs(8000), 0);
    }

    // ---- Braiins -----------------------------------------------------------------------------
    void braiinsDocumentedReply()
    {
        const QByteArray body = R"({"btc":{"workers":{
            "farm1.rig-01":{"state":"ok","last_share":1700000000,"hash_rate_unit":"Gh/s",
                "hash_rate_5m":100000.5,"hash_rate_60m":99000,"hash_rate_24h":98000,
                "hash_rate_scoring":99500,"shares_5m":10,"shares_60m":120,"shares_24h":2880},
            "farm1.rig-02":{"state":"off","last_share":1699990000,"hash_rate_unit":"Th/s",
                "hash_rate_5m":0,"hash_rate_60m":"1.5","hash_rate_24h":90}}}})";
        const Page p = readPage(PoolProvider::Braiins, body);
        QVERIFY2(p.parsed.ok(), qPrintable(p.parsed.error + p.reply.error));
        QCOMPARE(p.reply.nextPage, 0);
        const WorkerSample *a = worker(p.parsed, QStringLiteral("rig-01"));
        QVERIFY(a);
        QCOMPARE(a->hashRate, 100000.5e9);
        QCOMPARE(a->hashRate1h, 99000e9);
        QCOMPARE(a->lastShareAt, qint64(1700000000));
        QCOMPARE(a->poolState, QStringLiteral("ok"));
        const WorkerSample *b = worker(p.parsed, QStringLiteral("rig-02"));
        QVERIFY(b);
        QCOMPARE(b->hashRate1h, 1.5e12);
        QCOMPARE(b->poolState, QStringLiteral("off"));
    }

    void braiinsRequest()
    {
        AccountConfig a = account(PoolProvider::Braiins);
        const PoolRequest r = poolFormat(a.provider).paging->request(a, 1, 0);
        QCOMPARE(r.verb, QByteArray("GET"));
        QCOMPARE(r.request.url().toString(),
                 QStringLiteral("https://pool.braiins.com/accounts/workers/json/btc/"));
        QCOMPARE(r.request.rawHeader("SlushPool-Auth-Token"), QByteArray("the-api-secret"));
    }

    // ---- Binance -----------------------------------------------------------------------------
    void binanceDocumentedReply()
    {
        const QByteArray body = R"({"code":0,"msg":"","data":{"workerDatas":[
            {"workerId":"1420554439452400131","workerName":"rig-01","status":1,
             "hashRate":56000000000000,"dayHashRate":55000000000000,"rejectRate":0,
             "lastShareTime":1700000000000},
            {"workerId":"1420554439452400132","workerName":"rig-02","status":3,
             "hashRate":0,"dayHashRate":1000,"rejectRate":0.01,"lastShareTime":1690000000000}],
            "totalNum":45,"pageSize":20}})";
        const Page p = readPage(PoolProvider::Binance, body, 1);
        QVERIFY2(p.parsed.ok(), qPrintable(p.parsed.error + p.reply.error));
        QCOMPARE(p.parsed.snapshot->workers.size(), 2);
        // a short page (2 of 20) is not the last while totalNum says 45
        QCOMPARE(p.reply.nextPage, 2);
        QCOMPARE(p.reply.total, qint64(45));
        const WorkerSample *a = worker(p.parsed, QStringLiteral("rig-01"));
        QCOMPARE(a->hashRate, 56e12);
        QCOMPARE(a->hashRate24h, 55e12);
        QCOMPARE(a->lastShareAt, qint64(1700000000)); // ms
        QCOMPARE(a->poolState, QStringLiteral("valid"));
        QCOMPARE(worker(p.parsed, QStringLiteral("rig-02"))->poolState,
                 QStringLiteral("no longer valid"));
        QCOMPARE(readPage(PoolProvider::Binance, body, 3).reply.nextPage, 0);
    }

    void binanceErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("words");
        QTest::addColumn<bool>("clock");
        QTest::newRow("bad key") << QByteArray(R"({"code":-2015,"msg":"Invalid API-key, IP, or )"
                                               R"(permissions for action."})")
                                 << QStringLiteral("whitelist") << false;
        QTest::newRow("signature") << QByteArray(R"({"code":-1022,"msg":"Signature for this )"
                                                 R"(request is not valid."})")
                                   << QStringLiteral("API secret") << false;
        QTest::newRow("clock") << QByteArray(R"({"code":-1021,"msg":"Timestamp for this request )"
                                             R"(is outside of the recvWindow."})")
                               << QStringLiteral("clock") << true;
        QTest::newRow("code as string")
            << QByteArray(R"({"code":"-10010","msg":"Mining account not found"})")
            << QStringLiteral("Mining account not found") << false;
    }
    void binanceErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, words);
        QFETCH(bool, clock);
        const Page p = readPage(PoolProvider::Binance, body);
        QVERIFY(p.reply.poolError.contains(words));
        QVERIFY(p.reply.poolError.startsWith(QStringLiteral("Binance Pool error")));
        QCOMPARE(p.reply.clockRejected, clock);
    }

    void binanceSignsItsQuery()
    {
        AccountConfig a = account(PoolProvider::Binance);
        const PoolRequest r = poolFormat(a.provider).paging->request(a, 3, 1700000000123);
        const QUrl url = r.request.url();
        QCOMPARE(url.path(), QStringLiteral("/sapi/v1/mining/worker/list"));
        QCOMPARE(r.request.rawHeader("X-MBX-APIKEY"), QByteArray("the-api-key"));
        const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
        const qsizetype at = query.indexOf("&signature=");
        QVERIFY(at > 0);
        QCOMPARE(query.mid(at + 11),
                 providers::hmacSha256Hex(QStringLiteral("the-api-secret"), query.left(at)));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(QStringLiteral("algo")), QStringLiteral("sha256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("userName")), QStringLiteral("farm1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("pageIndex")), QStringLiteral("3"));
        QCOMPARE(q.queryItemValue(QStringLiteral("timestamp")), QStringLiteral("1700000000123"));
        QVERIFY(!url.toString().contains(QStringLiteral("the-api-secret")));
    }

    // ---- Luxor -------------------------------------------------------------------------------
    void luxorDocumentedReply()
    {
        const QByteArray body = R"({"currency_type":"BTC","subaccounts":[{"id":1,"name":"farm1"}],
            "total_inactive":1,"total_active":1,"workers":[
            {"id":1,"currency_type":"BTC","subaccount_id":1,"subaccount_name":"farm1",
             "name":"rig-01","firmware":"LuxOS","hashrate":"110000000000000","efficiency":0.99,
             "stale_shares":0,"rejected_shares":1,"last_share_time":"2023-11-14T22:13:20Z",
             "status":"ACTIVE"},
            {"id":2,"name":"rig-02","hashrate":0,"last_share_time":"2023-11-13T22:13:20.000Z",
             "status":"INACTIVE"}],
            "pagination":{"page_number":1,"page_size":2,"item_count":5,
             "previous_page_url":null,"next_page_url":"/api/v1/pool/workers/BTC?page_number=2"}})";
        const Page p = readPage(PoolProvider::Luxor, body, 1);
        QVERIFY2(p.parsed.ok(), qPrintable(p.parsed.error + p.reply.error));
        QCOMPARE(p.reply.nextPage, 2);
        QCOMPARE(p.reply.total, qint64(5));
        const WorkerSample *a = worker(p.parsed, QStringLiteral("rig-01"));
        QCOMPARE(a->hashRate, 110e12);
        QCOMPARE(a->lastShareAt, qint64(1700000000));
        QCOMPARE(a->poolState, QStringLiteral("ACTIVE"));
        QCOMPARE(worker(p.parsed, QStringLiteral("rig-02"))->lastShareAt, qint64(1699913600));

        QByteArray last = body;
        last.replace(R"("next_page_url":"/api/v1/pool/workers/BTC?page_number=2")",
                     R"("next_page_url":null)");
        last.replace(R"("item_count":5)", R"("item_count":4)");
        last.replace(R"("page_number":1)", R"("page_number":2)");
        QCOMPARE(readPage(PoolProvider::Luxor, last, 2).reply.nextPage, 0);
    }

    void luxorRequest()
    {
        AccountConfig a = account(PoolProvider::Luxor);
        const PoolRequest r = poolFormat(a.provider).paging->request(a, 2, 0);
        const QUrl url = r.request.url();
        QCOMPARE(url.path(), QStringLiteral("/api/v1/pool/workers/BTC"));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(QStringLiteral("subaccount_names")), QStringLiteral("farm1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("page_number")), QStringLiteral("2"));
        QVERIFY(q.queryItemValue(QStringLiteral("page_size")).toInt() >= 100);
        QCOMPARE(r.request.rawHeader("authorization"), QByteArray("the-api-secret"));
    }

    // ---- ViaBTC ------------------------------------------------------------------------------
    void viabtcDocumentedReply()
    {
        const QByteArray body = R"({"code":0,"data":{"count":2,"curr_page":1,"has_next":true,
            "total":150,"total_page":2,"data":[
            {"worker_id":1,"worker_name":"rig-01","worker_status":"active",
             "hashrate_10min":"95000000000000","hashrate_1hour":"96000000000000",
             "hashrate_24hour":"97000000000000","reject_rate":"0.001","last_active":1700000000},
            {"worker_id":2,"worker_name":"rig-02","worker_status":"unactive",
             "hashrate_10min":"0","hashrate_1hour":"0","hashrate_24hour":"1000",
             "reject_rate":"0","last_active":"1690000000"}]},"message":"OK"})";
        const Page p = readPage(PoolProvider::ViaBtc, body);
        QVERIFY2(p.parsed.ok(), qPrintable(p.parsed.error + p.reply.error));
        QCOMPARE(p.reply.nextPage, 2);
        const WorkerSample *a = worker(p.parsed, QStringLiteral("rig-01"));
        QCOMPARE(a->hashRate, 95e12);
        QCOMPARE(a->hashRate24h, 97e12);
        QCOMPARE(a->lastShareAt, qint64(1700000000));
        QCOMPARE(a->poolState, QStringLiteral("active"));
        QCOMPARE(worker(p.parsed, QStringLiteral("rig-02"))->lastShareAt, qint64(1690000000));
        QByteArray last = body;
        last.replace(R"("has_next":true)", R"("has_next":false)");
        QCOMPARE(readPage(PoolProvider::ViaBtc, last, 2).reply.nextPage, 0);
    }

    void viabtcIpNotWhitelisted()
    {
        const Page p = readPage(PoolProvider::ViaBtc,
                                R"({"code":12004,"data":{},"message":"ip not in whitelist"})");
        QVERIFY(p.reply.poolError.contains(QStringLiteral("whitelist")));
        QVERIFY(p.reply.poolError.contains(QStringLiteral("12004")));
    }

    // ---- AntPool -----------------------------------------------------------------------------
    void antpoolDocumentedReply()
    {
        const QByteArray body = R"({"code":0,"message":"ok","data":{"result":{"rows":[
            {"workerId":"farm1.rig-01","hsLast10min":"105.32 TH/s","hsLast1h":"104.1 TH/s",
             "hsLast1d":"103.9 TH/s","rejectRatio":"0.01%","shareLastTime":1700000000000},
            {"workerId":"farm1.rig-02","hsLast1h":"0 H/s","hsLast1d":"12.3 TH/s",
             "shareLastTime":"1690000000"}],
            "page":1,"pageSize":50,"totalPage":3,"totalRecord":120}}})";
        const Page p = readPage(PoolProvider::AntPool, body);
        QVERIFY2(p.parsed.ok(), qPrintable(p.parsed.error + p.reply.error));
        QCOMPARE(p.reply.nextPage, 2);
        const WorkerSample *a = worker(p.parsed, QStringLiteral("rig-01"));
        QVERIFY(a);
        QCOMPARE(a->hashRate, 105.32e12);
        QCOMPARE(a->hashRate1h, 104.1e12);
        QCOMPARE(a->lastShareAt, qint64(1700000000));
        const WorkerSample *b = worker(p.parsed, QStringLiteral("rig-02"));
        QCOMPARE(b->hashRate24h, 12.3e12);
        QCOMPARE(b->lastShareAt, qint64(1690000000));
        QCOMPARE(readPage(PoolProvider::AntPool, body, 3).reply.nextPage, 0);
    }

    void antpoolSignsWithUserKeyAndNonce()
    {
        AccountConfig a = account(PoolProvider::AntPool);
        const PoolRequest r = poolFormat(a.provider).paging->request(a, 2, 1700000000555);
        QCOMPARE(r.verb, QByteArray("POST"));
        QCOMPARE(r.request.url().path(), QStringLiteral("/api/userWorkerList.htm"));
        const QUrlQuery form(QString::fromUtf8(r.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("key")), QStringLiteral("the-api-key"));
        QCOMPARE(form.queryItemValue(QStringLiteral("nonce")), QStringLiteral("1700000000555"));
        QCOMPARE(form.queryItemValue(QStringLiteral("coinType")), QStringLiteral("BTC"));
        QCOMPARE(form.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(form.queryItemValue(QStringLiteral("signature")).toLatin1(),
                 providers::hmacSha256Hex(QStringLiteral("the-api-secret"),
                                          "farm1the-api-key1700000000555")
                     .toUpper());
        QVERIFY(!r.body.contains("the-api-secret"));
    }

    // ---- every provider ----------------------------------------------------------------------
    void brokenRepliesAreErrors_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QByteArray>("body");
        const QList<QPair<PoolProvider, QByteArray>> withoutList = {
            {PoolProvider::Braiins, R"({"btc":{}})"},
            {PoolProvider::Binance, R"({"code":0,"msg":"","data":{"totalNum":3}})"},
            {PoolProvider::Luxor, R"({"total_active":3})"},
            {PoolProvider::ViaBtc, R"({"code":0,"data":{"total":3}})"},
            {PoolProvider::AntPool, R"({"code":0,"data":{"result":{"totalPage":1}}})"},
        };
        for (const auto &[p, body] : withoutList) {
            QTest::addRow("%s no list", qPrintable(providerName(p))) << int(p) << body;
            QTest::addRow("%s html", qPrintable(providerName(p)))
                << int(p) << QByteArray("<html>502 Bad Gateway</html>");
            QTest::addRow("%s empty", qPrintable(providerName(p))) << int(p) << QByteArray();
            QTest::addRow("%s truncated", qPrintable(providerName(p)))
                << int(p) << QByteArray(R"({"code":0,"data":{"workerDatas":[{"workerName":"a")");
            QTest::addRow("%s array", qPrintable(providerName(p))) << int(p) << QByteArray("[]");
        }
    }
    void brokenRepliesAreErrors()
    {
        QFETCH(int, provider);
        QFETCH(QByteArray, body);
        const Page p = readPage(PoolProvider(provider), body);
        QVERIFY(!p.parsed.ok());
        QVERIFY(!p.reply.error.isEmpty() || !p.reply.poolError.isEmpty());
        QVERIFY(!parseWorkerList(PoolProvider(provider), body).ok());
    }

    void pagingWithoutFieldsEndsOnlyOnAnEmptyPage()
    {
        // Binance without totalNum: a page of one is not taken for the last
        const QByteArray one = R"({"code":0,"data":{"workerDatas":[{"workerName":"a"}]}})";
        QCOMPARE(readPage(PoolProvider::Binance, one, 4).reply.nextPage, 5);
        const QByteArray none = R"({"code":0,"data":{"workerDatas":[]}})";
        QCOMPARE(readPage(PoolProvider::Binance, none, 5).reply.nextPage, 0);
        QCOMPARE(providers::nextPage(1, 1, -1, -1, -1, 3), 2);
        QCOMPARE(providers::nextPage(2, 1, 2, -1, -1, 3), 0);
        QCOMPARE(providers::nextPage(2, 1, -1, 41, 20, 1), 3);
    }

    void entriesWithoutNamesAreSkippedNotFatal()
    {
        const QByteArray body = R"({"code":0,"data":{"workerDatas":[{"workerName":"a",
            "lastShareTime":1700000000000},{"hashRate":5}],"totalNum":2,"pageSize":20}})";
        const Page p = readPage(PoolProvider::Binance, body);
        QVERIFY(p.parsed.ok());
        QCOMPARE(p.parsed.snapshot->workers.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPoolProviders)
#include "tst_poolproviders.moc"
