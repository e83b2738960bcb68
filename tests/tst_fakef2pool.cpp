// The fake f2pool: every endpoint in the documented shape (docs/pool-apis.md), secret checks,
// the Date header, rigs driven by a ManualClock, counters, control endpoints, the demo farm
// and the benchmark generators. Faults: tst_fakef2poolfaults.cpp.
#include "clock.h"
#include "fakef2pool.h"
#include "simfarm.h"
#include "simhttp.h"

#include <QRegularExpression>
#include <QtTest>

#include <array>

using namespace rw;
using rw::sim::FakeF2pool;
using simtest::HttpResult;
using simtest::PoolClient;

namespace {

const QString kUser = QStringLiteral("farm1");
const QString kSecret = QStringLiteral("s3cret-token");

const QStringList kRateFields = {
    QStringLiteral("hash_rate"),           QStringLiteral("h1_hash_rate"),
    QStringLiteral("h24_hash_rate"),       QStringLiteral("h1_stale_hash_rate"),
    QStringLiteral("h24_stale_hash_rate"), QStringLiteral("h24_delay_hash_rate"),
    QStringLiteral("local_hash_rate"),     QStringLiteral("h24_local_hash_rate"),
};

} // namespace

class TestFakeF2pool : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<FakeF2pool> m_pool;

    std::unique_ptr<PoolClient> m_client;

private slots:
    void init()
    {
        m_clock.setMs(1'767'225'600'000); // 2026-01-01T00:00:00Z, a Thursday
        m_pool = std::make_unique<FakeF2pool>(&m_clock);
        m_pool->setUser(kUser);
        m_pool->setSecret(kSecret);
        m_pool->addRigs(3);
        QVERIFY(m_pool->listen());
        m_client = std::make_unique<PoolClient>(m_pool->baseUrl(), kUser, kSecret);
    }

    void cleanup()
    {
        m_client.reset();
        m_pool.reset();
    }

    void v2WorkerListShape()
    {
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QJsonObject root = r.json();
        QVERIFY2(!root.contains(QLatin1String("code")), "a success body carries no code");
        const QJsonArray list = root.value(QLatin1String("workers")).toArray();
        QCOMPARE(list.size(), 3);
        const qint64 now = m_clock.nowSecs();
        for (int i = 0; i < list.size(); ++i) {
            const QJsonObject w = list[i].toObject();
            const QJsonObject info = w.value(QLatin1String("hash_rate_info")).toObject();
            QCOMPARE(info.value(QLatin1String("name")).toString(),
                     QStringLiteral("rig-0%1").arg(i + 1));
            for (const QString &f : kRateFields)
                QVERIFY2(info.value(f).isDouble(), qPrintable(f));
            QVERIFY(info.value(QLatin1String("hash_rate")).toDouble() > 80e12);
            QVERIFY(info.value(QLatin1String("hash_rate")).toDouble() < 120e12);
            const qint64 last = w.value(QLatin1String("last_share_at")).toInteger(-1);
            QVERIFY2(last <= now && last >= now - 60, qPrintable(QString::number(now - last)));
            QCOMPARE(w.value(QLatin1String("status")).toInt(-1), 0);
            QCOMPARE(w.value(QLatin1String("host")).toString(),
                     QStringLiteral("198.51.100.%1").arg(i + 1));
        }
        // last_share_at is an integer literal (unix seconds), rates are written as doubles.
        QVERIFY(QRegularExpression(QStringLiteral("\"last_share_at\":\\d+,"))
                    .match(QString::fromUtf8(r.body))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("\"hash_rate\":\\d+\\.\\d"))
                    .match(QString::fromUtf8(r.body))
                    .hasMatch());
    }

    void v2InfoShape()
    {
        const HttpResult r =
            m_client->v2(QStringLiteral("/v2/hash_rate/info"),
                         {{QStringLiteral("mining_user_name"), kUser},
                          {QStringLiteral("currency"), QStringLiteral("bitcoin")}});
        QCOMPARE(r.status, 200);
        const QJsonObject root = r.json();
        QCOMPARE(root.value(QLatin1String("currency")).toString(), QStringLiteral("bitcoin"));
        const QJsonObject info = root.value(QLatin1String("info")).toObject();
        QCOMPARE(info.value(QLatin1String("name")).toString(), kUser);
        for (const QString &f : kRateFields)
            QVERIFY2(info.value(f).isDouble(), qPrintable(f));
        const double total = info.value(QLatin1String("hash_rate")).toDouble();
        QVERIFY2(total > 3 * 80e12 && total < 3 * 120e12, qPrintable(QString::number(total)));
    }

    void miningUserListShape()
    {
        const HttpResult r = m_client->v2(QStringLiteral("/v2/mining_user/list"), {});
        QCOMPARE(r.status, 200);
        const QJsonArray users = r.json().value(QLatin1String("mining_user_list")).toArray();
        QCOMPARE(users.size(), 1);
        const QJsonObject u = users[0].toObject();
        QCOMPARE(u.value(QLatin1String("mining_user_name")).toString(), kUser);
        QVERIFY(u.value(QLatin1String("description")).isString());
        QVERIFY(u.value(QLatin1String("pages")).isArray());
        const QJsonObject wallet = u.value(QLatin1String("wallets")).toArray().first().toObject();
        QCOMPARE(wallet.value(QLatin1String("currency")).toString(), QStringLiteral("bitcoin"));
        QCOMPARE(wallet.value(QLatin1String("address")).toString(), m_pool->address());
        QVERIFY(wallet.value(QLatin1String("threshold")).isDouble());
    }

    void addressSelectsTheSameAccount()
    {
        const HttpResult r =
            m_client->v2(QStringLiteral("/v2/hash_rate/worker/list"),
                         {{QStringLiteral("address"), m_pool->address()},
                          {QStringLiteral("currency"), QStringLiteral("bitcoin")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("workers")).toArray().size(), 3);
    }

    void secretIsChecked_data()
    {
        QTest::addColumn<std::optional<QString>>("secret");
        QTest::newRow("missing") << std::optional<QString>();
        QTest::newRow("wrong") << std::optional<QString>(QStringLiteral("guess-123"));
        QTest::newRow("other case") << std::optional<QString>(kSecret.toUpper());
    }

    void secretIsChecked()
    {
        QFETCH(std::optional<QString>, secret);
        for (const QString &path :
             {QStringLiteral("/v2/hash_rate/worker/list"), QStringLiteral("/v2/hash_rate/info"),
              QStringLiteral("/v2/mining_user/list")}) {
            const HttpResult r =
                m_client->v2(path,
                             {{QStringLiteral("mining_user_name"), kUser},
                              {QStringLiteral("currency"), QStringLiteral("bitcoin")}},
                             secret);
            QCOMPARE(r.status, 200); // f2pool's default: an error body with HTTP 200
            QCOMPARE(r.json().value(QLatin1String("code")).toInt(), 5010);
            const QString msg = r.json().value(QLatin1String("msg")).toString();
            QVERIFY2(msg.startsWith(QLatin1String("permission denied: ")), qPrintable(msg));
            QVERIFY(!msg.contains(QLatin1String("guess")));
            QVERIFY(!r.json().contains(QLatin1String("workers")));
        }
    }

    void errorStatusIsConfigurable()
    {
        m_pool->setErrorHttpStatus(401);
        const HttpResult r =
            m_client->v2(QStringLiteral("/v2/hash_rate/worker/list"), {}, QStringLiteral("bad"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QLatin1String("code")).toInt(), 5010);
    }

    void paramsErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unknown user")
            << QByteArray(R"({"mining_user_name":"nobody","currency":"bitcoin"})");
        QTest::newRow("doc sample key")
            << QByteArray(R"({"user_name":"farm1","currency":"bitcoin"})");
        QTest::newRow("no currency") << QByteArray(R"({"mining_user_name":"farm1"})");
        QTest::newRow("other currency")
            << QByteArray(R"({"mining_user_name":"farm1","currency":"litecoin"})");
        QTest::newRow("not json") << QByteArray("mining_user_name=farm1");
    }

    void paramsErrors()
    {
        QFETCH(QByteArray, body);
        QNetworkRequest req(m_client->url(QStringLiteral("/v2/hash_rate/worker/list")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("F2P-API-SECRET", kSecret.toUtf8());
        const HttpResult r = simtest::waitFor(m_client->nam().post(req, body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("code")).toInt(), 5001);
        QVERIFY(r.json()
                    .value(QLatin1String("msg"))
                    .toString()
                    .startsWith(QLatin1String("params error: ")));
    }

    void v1Shape()
    {
        m_pool->stopRig(QStringLiteral("rig-02"));
        m_clock.advanceSecs(900);
        const HttpResult r = m_client->get(QStringLiteral("/bitcoin/farm1")); // no token at all
        QCOMPARE(r.status, 200);
        const QJsonObject root = r.json();
        for (const char *f : {"hashrate", "hashes_last_day", "hashes_last_hour", "balance", "paid",
                              "value", "value_last_day", "stale_hashes_rejected_last_day"})
            QVERIFY2(root.value(QLatin1String(f)).isDouble(), f);
        QCOMPARE(root.value(QLatin1String("worker_length")).toInt(), 3);
        QCOMPARE(root.value(QLatin1String("worker_length_online")).toInt(), 2);
        const QJsonObject history = root.value(QLatin1String("hashrate_history")).toObject();
        QVERIFY(!history.isEmpty());
        for (auto it = history.begin(); it != history.end(); ++it) {
            QVERIFY(QDateTime::fromString(it.key(), Qt::ISODate).isValid());
            QVERIFY(it.value().isDouble());
        }
        const QJsonArray list = root.value(QLatin1String("workers")).toArray();
        QCOMPARE(list.size(), 3);
        const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)"));
        for (const QJsonValue &v : list) {
            const QJsonArray w = v.toArray();
            QCOMPARE(w.size(), 8);
            QVERIFY(w[0].isString());
            for (int i = 1; i <= 5; ++i)
                QVERIFY2(w[i].isDouble(), qPrintable(QString::number(i)));
            QVERIFY2(iso.match(w[6].toString()).hasMatch(), qPrintable(w[6].toString()));
            QCOMPARE(w[7].toBool(true), false);
            const QDateTime share = QDateTime::fromString(w[6].toString(), Qt::ISODateWithMs);
            QVERIFY(share.isValid());
            const qint64 shareSecs = share.toSecsSinceEpoch();
            if (w[0].toString() == QLatin1String("rig-02")) {
                QCOMPARE(shareSecs, m_clock.nowSecs() - 900);
                QCOMPARE(w[1].toDouble(), 0.0);
            } else {
                QVERIFY(shareSecs >= m_clock.nowSecs() - 60);
            }
        }
    }

    void v1Token()
    {
        QCOMPARE(m_client->get(QStringLiteral("/bitcoin/farm1"), kSecret).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/bitcoin/farm1"), QStringLiteral("wrong")).status,
                 401);
        QCOMPARE(m_client->get(QStringLiteral("/bitcoin/nobody")).status, 404);
    }

    void dateHeader()
    {
        QCOMPARE(m_client->workers().header("Date"), QByteArray("Thu, 01 Jan 2026 00:00:00 GMT"));
        m_pool->setDateSkewSecs(-90);
        QCOMPARE(m_client->workers().header("Date"), QByteArray("Wed, 31 Dec 2025 23:58:30 GMT"));
        m_clock.advanceSecs(3600);
        QCOMPARE(m_client->get(QStringLiteral("/bitcoin/farm1")).header("Date"),
                 QByteArray("Thu, 01 Jan 2026 00:58:30 GMT"));
        // Error replies carry it too.
        QCOMPARE(m_client->v2(QStringLiteral("/v2/hash_rate/info"), {}, QStringLiteral("x"))
                     .header("Date"),
                 QByteArray("Thu, 01 Jan 2026 00:58:30 GMT"));
    }

    void rigStopStartRemove()
    {
        const qint64 t0 = m_clock.nowSecs();
        m_pool->stopRig(QStringLiteral("rig-02"));
        m_clock.advanceSecs(700);
        QJsonObject w = m_client->worker(QStringLiteral("rig-02"));
        QCOMPARE(w.value(QLatin1String("last_share_at")).toInteger(), t0);
        QCOMPARE(w[QLatin1String("hash_rate_info")][QLatin1String("hash_rate")].toDouble(), 0.0);
        QCOMPARE(w.value(QLatin1String("status")).toInt(), 1);
        QVERIFY(m_client->worker(QStringLiteral("rig-01"))
                    .value(QLatin1String("last_share_at"))
                    .toInteger() >= m_clock.nowSecs() - 60);

        m_pool->startRig(QStringLiteral("rig-02"));
        m_clock.advanceSecs(5);
        w = m_client->worker(QStringLiteral("rig-02"));
        QVERIFY(w.value(QLatin1String("last_share_at")).toInteger() >= m_clock.nowSecs() - 5);
        QCOMPARE(w.value(QLatin1String("status")).toInt(), 0);
        QVERIFY(w[QLatin1String("hash_rate_info")][QLatin1String("hash_rate")].toDouble() > 0);

        m_pool->removeRig(QStringLiteral("rig-02"));
        QVERIFY(m_client->worker(QStringLiteral("rig-02")).isEmpty());
        QCOMPARE(m_client->workers().json().value(QLatin1String("workers")).toArray().size(), 2);
        QVERIFY(!m_pool->isRigListed(QStringLiteral("rig-02")));
    }

    void scheduledOutage()
    {
        const qint64 t0 = m_clock.nowSecs();
        m_pool->scheduleOutage(QStringLiteral("rig-01"), t0 + 100, 200);
        m_clock.advanceSecs(50);
        QVERIFY(m_pool->isRigUp(QStringLiteral("rig-01")));
        m_clock.advanceSecs(100); // t0 + 150
        QCOMPARE(m_client->worker(QStringLiteral("rig-01"))
                     .value(QLatin1String("last_share_at"))
                     .toInteger(),
                 t0 + 100);
        m_clock.advanceSecs(200); // t0 + 350: back since t0 + 300
        const qint64 last = m_client->worker(QStringLiteral("rig-01"))
                                .value(QLatin1String("last_share_at"))
                                .toInteger();
        QVERIFY2(last >= t0 + 300 && last <= t0 + 350, qPrintable(QString::number(last - t0)));
    }

    void deadRigsDropOutAfterADay()
    {
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_clock.nowSecs());
        m_clock.advanceSecs(23 * 3600);
        QCOMPARE(m_client->worker(QStringLiteral("rig-03")).value(QLatin1String("status")).toInt(),
                 1);
        m_clock.advanceSecs(2 * 3600);
        QVERIFY(m_client->worker(QStringLiteral("rig-03")).isEmpty());
        QCOMPARE(m_client->workers().json().value(QLatin1String("workers")).toArray().size(), 2);
    }

    void countersAndKeepAlive()
    {
        m_client->workers();
        m_client->workers();
        m_client->get(QStringLiteral("/bitcoin/farm1"));
        QCOMPARE(m_pool->requestCount(QStringLiteral("/v2/hash_rate/worker/list")), 2);
        QCOMPARE(m_pool->requestCount(QStringLiteral("/bitcoin/farm1")), 1);
        QCOMPARE(m_pool->totalRequests(), 3);
        QCOMPARE(m_pool->lastRequestPath(), QStringLiteral("/bitcoin/farm1"));
        QCOMPARE(m_pool->server()->openConnections(), 1); // one connection, reused
        m_client->workers();
        QCOMPARE(m_pool->lastRequestHeader("F2P-Api-Secret"), kSecret.toUtf8());
        QCOMPARE(QJsonDocument::fromJson(m_pool->lastRequestBody())
                     .object()
                     .value(QLatin1String("mining_user_name"))
                     .toString(),
                 kUser);
        QCOMPARE(m_pool->maxConcurrentRequests(), 1);
    }

    void controlEndpoints()
    {
        QCOMPARE(m_client->control(QStringLiteral("/sim/rig?name=rig-02&state=stopped")).status,
                 200);
        QVERIFY(!m_pool->isRigUp(QStringLiteral("rig-02")));
        const HttpResult bad =
            m_client->control(QStringLiteral("/sim/rig?name=rig-99&state=stopped"));
        QCOMPARE(bad.status, 400);
        QVERIFY(
            bad.json().value(QLatin1String("error")).toString().contains(QLatin1String("rig-99")));
        QCOMPARE(m_client->control(QStringLiteral("/sim/fault?mode=http500")).status, 200);
        QCOMPARE(m_client->workers().status, 500);
        QCOMPARE(m_client->control(QStringLiteral("/sim/fault?mode=nonsense")).status, 400);
        QCOMPARE(m_client->control(QStringLiteral("/sim/fault?mode=none")).status, 200);
        QCOMPARE(m_client->control(QStringLiteral("/sim/skew?secs=60")).status, 200);
        QCOMPARE(m_client->workers().header("Date"), QByteArray("Thu, 01 Jan 2026 00:01:00 GMT"));
        const QJsonObject state = m_client->get(QStringLiteral("/sim/state")).json();
        QCOMPARE(state.value(QLatin1String("rigs")).toArray().size(), 3);
        QCOMPARE(state.value(QLatin1String("fault")).toString(), QStringLiteral("none"));
        QCOMPARE(m_pool->totalRequests(), 2); // control calls are not counted
    }

    // A rig degraded by a factor: the pool's current rate shows it at once, the hour's and the
    // day's averages follow as their windows fill; the v1 reply carries the same rates.
    void degradeScalesEveryWindowShortFirst()
    {
        const QString rig = QStringLiteral("rig-02");
        auto rates = [this, &rig] {
            const QJsonObject info =
                m_client->worker(rig).value(QLatin1String("hash_rate_info")).toObject();
            return std::array<double, 3>{info.value(QLatin1String("hash_rate")).toDouble(),
                                         info.value(QLatin1String("h1_hash_rate")).toDouble(),
                                         info.value(QLatin1String("h24_hash_rate")).toDouble()};
        };
        const double base = rates()[2]; // the day's average: within 0.5 % of the rig's rate
        QVERIFY(base > 80e12);
        auto near = [base](double value, double share) {
            return qAbs(value / base - share) <= 0.06;
        };
        const qint64 t0 = m_clock.nowSecs();
        m_pool->degradeRig(rig, 0.6);
        QCOMPARE(m_pool->rigRateFactor(rig), 0.6);
        std::array<double, 3> r = rates();
        QVERIFY2(near(r[0], 0.6), qPrintable(QString::number(r[0] / base)));
        QVERIFY2(near(r[1], 1.0), qPrintable(QString::number(r[1] / base)));
        QVERIFY2(near(r[2], 1.0), qPrintable(QString::number(r[2] / base)));

        m_clock.setMs((t0 + 1800) * 1000); // half an hour: the hour's average half way down
        r = rates();
        QVERIFY2(near(r[0], 0.6), qPrintable(QString::number(r[0] / base)));
        QVERIFY2(near(r[1], 0.8), qPrintable(QString::number(r[1] / base)));
        QVERIFY2(r[2] / base > 0.97, qPrintable(QString::number(r[2] / base)));

        m_clock.setMs((t0 + 86'400) * 1000); // a day: every window at 60 %
        r = rates();
        for (double v : r)
            QVERIFY2(near(v, 0.6), qPrintable(QString::number(v / base)));
        // A degraded rig still shares: it is online, only slower.
        const QJsonObject w = m_client->worker(rig);
        QVERIFY(w.value(QLatin1String("last_share_at")).toInteger() >= m_clock.nowSecs() - 60);
        QCOMPARE(w.value(QLatin1String("status")).toInt(), 0);
        // The other rigs are untouched.
        QCOMPARE(m_pool->rigRateFactor(QStringLiteral("rig-01")), 1.0);

        m_pool->degradeRig(rig, 1.0); // repaired
        QVERIFY(near(rates()[0], 1.0));
    }

    // A flapping rig: silent for the period, sharing for the period, and so on; its last share
    // is where each silent phase began, so it crosses offline_after again and again.
    void flapAlternatesBetweenSilentAndSharing()
    {
        const QString rig = QStringLiteral("rig-03");
        const qint64 t0 = m_clock.nowSecs();
        m_pool->flapRig(rig, 900);
        QCOMPARE(m_pool->rigFlapPeriod(rig), qint64(900));
        auto lastShare = [this, &rig] {
            return m_client->worker(rig).value(QLatin1String("last_share_at")).toInteger();
        };
        m_clock.setMs((t0 + 700) * 1000);
        QVERIFY(!m_pool->isRigUp(rig));
        QCOMPARE(lastShare(), t0);
        QCOMPARE(m_client->worker(rig)[QLatin1String("hash_rate_info")][QLatin1String("hash_rate")]
                     .toDouble(),
                 0.0);
        m_clock.setMs((t0 + 1000) * 1000);
        QVERIFY(m_pool->isRigUp(rig));
        QVERIFY2(lastShare() >= t0 + 900 && lastShare() <= t0 + 1000,
                 qPrintable(QString::number(lastShare() - t0)));
        m_clock.setMs((t0 + 2600) * 1000); // the second silent phase began at t0 + 1800
        QVERIFY(!m_pool->isRigUp(rig));
        QCOMPARE(lastShare(), t0 + 1800);
        QVERIFY(m_pool->isRigUp(QStringLiteral("rig-01"))); // the others keep sharing

        m_pool->flapRig(rig, 0); // ends it: sharing from now
        QCOMPARE(m_pool->rigFlapPeriod(rig), qint64(0));
        QVERIFY(m_pool->isRigUp(rig));
        QCOMPARE(lastShare(), t0 + 2600);
        m_clock.setMs((t0 + 3700) * 1000);
        QVERIFY(m_pool->isRigUp(rig));

        m_pool->flapRig(rig, 60);
        m_pool->startRig(rig); // "running" ends flapping too
        m_clock.advanceSecs(30);
        QVERIFY(m_pool->isRigUp(rig));
    }

    void degradeAndFlapControls()
    {
        QCOMPARE(m_client->control(QStringLiteral("/sim/degrade?name=rig-01&factor=0.5")).status,
                 200);
        QCOMPARE(m_pool->rigRateFactor(QStringLiteral("rig-01")), 0.5);
        QCOMPARE(m_client->control(QStringLiteral("/sim/flap?name=rig-02&period=600")).status, 200);
        QCOMPARE(m_pool->rigFlapPeriod(QStringLiteral("rig-02")), qint64(600));
        QVERIFY(!m_pool->isRigUp(QStringLiteral("rig-02")));
        const QJsonArray rigs = m_client->get(QStringLiteral("/sim/state"))
                                    .json()
                                    .value(QLatin1String("rigs"))
                                    .toArray();
        QCOMPARE(rigs[0].toObject().value(QLatin1String("rate_factor")).toDouble(), 0.5);
        QCOMPARE(rigs[1].toObject().value(QLatin1String("flap_period")).toInteger(), qint64(600));
        QCOMPARE(rigs[1].toObject().value(QLatin1String("up")).toBool(), false);
        QCOMPARE(rigs[2].toObject().value(QLatin1String("rate_factor")).toDouble(), 1.0);

        // Bad input is refused with what is wrong, and changes nothing.
        struct Bad
        {
            const char *request;
            const char *says;
        };
        for (const Bad &b : {Bad{"/sim/degrade?name=rig-09&factor=0.5", "rig-09"},
                             Bad{"/sim/degrade?name=rig-01&factor=0", "factor"},
                             Bad{"/sim/degrade?name=rig-01&factor=half", "half"},
                             Bad{"/sim/degrade?name=rig-01&factor=11", "factor"},
                             Bad{"/sim/flap?name=rig-01&period=-5", "period"},
                             Bad{"/sim/flap?name=rig-01&period=soon", "soon"}}) {
            const HttpResult r = m_client->control(QString::fromLatin1(b.request));
            QCOMPARE(r.status, 400);
            QVERIFY2(
                r.json().value(QLatin1String("error")).toString().contains(QLatin1String(b.says)),
                b.request);
        }
        QCOMPARE(m_pool->rigRateFactor(QStringLiteral("rig-01")), 0.5);
        QCOMPARE(m_pool->rigFlapPeriod(QStringLiteral("rig-01")), qint64(0));
        QCOMPARE(m_client->control(QStringLiteral("/sim/flap?name=rig-02&period=0")).status, 200);
        QVERIFY(m_pool->isRigUp(QStringLiteral("rig-02")));
    }

    void demoFarmShowsTroubleEarly()
    {
        sim::SimFarm farm(&m_clock);
        QVERIFY(farm.start());
        QCOMPARE(farm.pool()->rigNames().size(), 36);
        QCOMPARE(farm.poolUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(farm.poolUrl().port() > 0 && farm.telegramUrl().port() > 0);
        QCOMPARE(farm.telegramUrl().port(), int(farm.telegram()->port()));
        const qint64 t0 = m_clock.nowSecs();
        auto offlineAt60s = [&farm, this] {
            QStringList names;
            for (const auto &row : farm.pool()->currentRows())
                if (row.lastShareAt < m_clock.nowSecs() - 60)
                    names << row.name;
            return names;
        };
        // Offline rows from the first second (the demo runs with offline_after = 60 s).
        QCOMPARE(offlineAt60s(), QStringList({QStringLiteral("rig-07"), QStringLiteral("rig-19"),
                                              QStringLiteral("rig-33")}));
        QCOMPARE(*farm.pool()->rigLastShareAt(QStringLiteral("rig-33")), t0 - 10 * 3600);
        QVERIFY(farm.pool()->isRigListed(QStringLiteral("rig-27")));
        m_clock.advanceSecs(60);
        QVERIFY(!farm.pool()->isRigListed(QStringLiteral("rig-27"))); // went missing
        QVERIFY(!farm.pool()->isRigUp(QStringLiteral("rig-04")));     // a short outage
        m_clock.advanceSecs(100);                                     // t0 + 160
        QVERIFY(farm.pool()->isRigUp(QStringLiteral("rig-07")));      // came back
        QVERIFY(farm.pool()->isRigUp(QStringLiteral("rig-04")));
        QVERIFY(!farm.pool()->isRigUp(QStringLiteral("rig-33"))); // retired stays down
        // Then outages keep coming, each long enough to be alerted (60 s) and resolved.
        QHash<QString, int> downFor; // seconds, per rig currently down
        QSet<QString> alreadyDown;   // outages that began before the sampling did
        for (const QString &rig : farm.pool()->rigNames())
            if (!farm.pool()->isRigUp(rig))
                alreadyDown.insert(rig);
        int outages = 0;
        for (int s = 0; s < 6 * 3600; s += 10) {
            m_clock.advanceSecs(10);
            for (const QString &rig : farm.pool()->rigNames()) {
                if (rig == QLatin1String("rig-33") || rig == QLatin1String("rig-27"))
                    continue;
                if (!farm.pool()->isRigUp(rig)) {
                    downFor[rig] += 10;
                } else if (alreadyDown.remove(rig)) {
                    downFor.remove(rig);
                } else if (downFor.contains(rig)) {
                    const int length = downFor.take(rig);
                    QVERIFY2(length >= 90 && length <= 400,
                             qPrintable(rig + QString::number(length)));
                    ++outages;
                }
            }
        }
        QVERIFY2(outages >= 50, qPrintable(QString::number(outages)));
    }

    void generators()
    {
        const qint64 now = m_clock.nowSecs();
        const QJsonArray list = QJsonDocument::fromJson(FakeF2pool::makeV2WorkerList(1000, now, 10))
                                    .object()
                                    .value(QLatin1String("workers"))
                                    .toArray();
        QCOMPARE(list.size(), 1000);
        int offline = 0;
        QSet<QString> names;
        for (const QJsonValue &w : list) {
            names.insert(w[QLatin1String("hash_rate_info")][QLatin1String("name")].toString());
            if (w[QLatin1String("last_share_at")].toInteger() <= now - 3600) {
                ++offline;
                QCOMPARE(w[QLatin1String("hash_rate_info")][QLatin1String("hash_rate")].toDouble(),
                         0.0);
            }
        }
        QCOMPARE(offline, 100);
        QCOMPARE(names.size(), 1000);

        const QJsonObject v1 =
            QJsonDocument::fromJson(FakeF2pool::makeV1Reply(1000, now, 10)).object();
        QCOMPARE(v1.value(QLatin1String("worker_length")).toInt(), 1000);
        QCOMPARE(v1.value(QLatin1String("worker_length_online")).toInt(), 900);
        QCOMPARE(v1.value(QLatin1String("workers")).toArray().size(), 1000);

        QElapsedTimer timer;
        timer.start();
        const QByteArray big = FakeF2pool::makeV2WorkerList(100'000, now, 50);
        QCOMPARE(big.count("\"hash_rate_info\""), 100'000);
        qDebug() << "100k workers:" << big.size() / 1024 / 1024 << "MiB in" << timer.elapsed()
                 << "ms";
    }
};

QTEST_GUILESS_MAIN(TestFakeF2pool)
#include "tst_fakef2pool.moc"
