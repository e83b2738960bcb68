// rigwatch_sim as a process: what --help promises, the start-up options and the runtime
// controls, all through the real command line and HTTP (no in-process access to the farm).
#include "pool/httpdate.h"
#include "simhttp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

using namespace simtest;

namespace {
const QString kSim = QStringLiteral(RIGWATCH_BIN_DIR "/rigwatch_sim");
const QString kToken = QStringLiteral("123:sim-token");
const QString kChat = QStringLiteral("-1001");
} // namespace

class TestSimProcess : public QObject
{
    Q_OBJECT

    // Starts the sim and reads the two URLs it prints.
    bool start(QProcess &p, const QStringList &extra, QUrl &pool, QUrl &telegram)
    {
        p.start(kSim, QStringList{QStringLiteral("--rigs"), QStringLiteral("3"),
                                  QStringLiteral("--no-outages"), QStringLiteral("--token"), kToken,
                                  QStringLiteral("--chat"), kChat} +
                          extra);
        if (!p.waitForStarted(5000))
            return false;
        QString out;
        QElapsedTimer t;
        t.start();
        while (out.count(QLatin1Char('\n')) < 2 && t.elapsed() < 10000) {
            p.waitForReadyRead(200);
            out += QString::fromUtf8(p.readAllStandardOutput());
        }
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("pool ")))
                pool = QUrl(line.mid(5).trimmed());
            else if (line.startsWith(QLatin1String("telegram ")))
                telegram = QUrl(line.mid(9).trimmed());
        }
        return pool.isValid() && telegram.isValid();
    }

    static void stop(QProcess &p)
    {
        p.terminate();
        if (!p.waitForFinished(5000))
            p.kill();
    }

    static HttpResult post(QNetworkAccessManager &nam, const QUrl &base,
                           const QString &pathAndQuery)
    {
        QNetworkRequest req(urlFor(base, pathAndQuery));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
        return waitFor(nam.post(req, QByteArray()));
    }

private slots:
    void helpListsEveryControl()
    {
        QProcess p;
        p.start(kSim, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *s : {"--skew", "--telegram-fault", "--fault", "/sim/fault?mode=",
                              "/sim/rig?name=", "/sim/skew?secs=", "/sim/state", "retry_after",
                              "--degrade", "--flap", "/sim/degrade?name=", "/sim/flap?name="})
            QVERIFY2(help.contains(QLatin1String(s)), s);
        for (const char *mode : {"hang",
                                 "drip",
                                 "http500",
                                 "http401",
                                 "error5010",
                                 "invalid-json",
                                 "truncated-json",
                                 "oversized",
                                 "refused",
                                 "too-many-requests",
                                 "delete-not-found",
                                 "delete-too-old",
                                 "bot-kicked",
                                 "chat-migrated",
                                 "http502",
                                 "text-too-long",
                                 "bad-entities",
                                 "chunked-flood",
                                 "chunk-extensions",
                                 "endless-header"})
            QVERIFY2(help.contains(QLatin1String(mode)), mode);
    }

    void badOptionsFail()
    {
        for (const QStringList &args :
             {QStringList{QStringLiteral("--skew"), QStringLiteral("soon")},
              QStringList{QStringLiteral("--telegram-fault"), QStringLiteral("nope")},
              QStringList{QStringLiteral("--degrade"), QStringLiteral("rig-01=0")},
              QStringList{QStringLiteral("--degrade"), QStringLiteral("rig-99=0.5")},
              QStringList{QStringLiteral("--degrade"), QStringLiteral("rig-01")},
              QStringList{QStringLiteral("--flap"), QStringLiteral("rig-01=soon")}}) {
            QProcess p;
            p.start(kSim, args + QStringList{QStringLiteral("--rigs"), QStringLiteral("3")});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 2);
            QVERIFY(p.readAllStandardError().contains(args.first().toUtf8()));
        }
    }

    void skewAtStartAndOverHttp()
    {
        QProcess p;
        QUrl pool, telegram;
        QVERIFY(start(p, {QStringLiteral("--skew"), QStringLiteral("-7200")}, pool, telegram));
        PoolClient client(pool, QStringLiteral("demo"), QStringLiteral("demo-secret"));
        QCOMPARE(client.get(QStringLiteral("/sim/state"))
                     .json()
                     .value(QLatin1String("date_skew_secs"))
                     .toInteger(),
                 -7200);
        auto dateOffset = [&] {
            const qint64 date = rw::parseHttpDate(client.workers().header("Date"));
            return date > 0 ? date - QDateTime::currentSecsSinceEpoch() : qint64(1) << 40;
        };
        QVERIFY(qAbs(dateOffset() + 7200) <= 2);
        QCOMPARE(client.control(QStringLiteral("/sim/skew?secs=300")).status, 200);
        QVERIFY(qAbs(dateOffset() - 300) <= 2);
        stop(p);
    }

    // A degraded and a flapping rig from the command line, and the same over HTTP.
    void degradeAndFlapAtStartAndOverHttp()
    {
        QProcess p;
        QUrl pool, telegram;
        QVERIFY(start(p,
                      {QStringLiteral("--degrade"), QStringLiteral("rig-01=0.5"),
                       QStringLiteral("--flap"), QStringLiteral("rig-02=3600")},
                      pool, telegram));
        PoolClient client(pool, QStringLiteral("demo"), QStringLiteral("demo-secret"));
        auto rigState = [&client](int i) {
            return client.get(QStringLiteral("/sim/state"))
                .json()
                .value(QLatin1String("rigs"))
                .toArray()[i]
                .toObject();
        };
        QCOMPARE(rigState(0).value(QLatin1String("rate_factor")).toDouble(), 0.5);
        QCOMPARE(rigState(1).value(QLatin1String("flap_period")).toInteger(), qint64(3600));
        QCOMPARE(rigState(1).value(QLatin1String("up")).toBool(), false); // silent first
        const QJsonObject info = client.worker(QStringLiteral("rig-01"))
                                     .value(QLatin1String("hash_rate_info"))
                                     .toObject();
        const double ratio = info.value(QLatin1String("hash_rate")).toDouble() /
                             info.value(QLatin1String("h24_hash_rate")).toDouble();
        QVERIFY2(ratio > 0.45 && ratio < 0.55, qPrintable(QString::number(ratio)));

        QCOMPARE(client.control(QStringLiteral("/sim/degrade?name=rig-03&factor=0.25")).status,
                 200);
        QCOMPARE(rigState(2).value(QLatin1String("rate_factor")).toDouble(), 0.25);
        QCOMPARE(client.control(QStringLiteral("/sim/flap?name=rig-02&period=0")).status, 200);
        QCOMPARE(rigState(1).value(QLatin1String("up")).toBool(), true);
        QCOMPARE(client.control(QStringLiteral("/sim/degrade?name=rig-03&factor=-1")).status, 400);
        stop(p);
    }

    // The same controls on another pool's API (the rigs are the same).
    void degradeAndFlapOnAnotherPool()
    {
        QProcess p;
        QUrl pool, telegram;
        QVERIFY(
            start(p, {QStringLiteral("--provider"), QStringLiteral("braiins")}, pool, telegram));
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QCOMPARE(post(nam, pool, QStringLiteral("/sim/flap?name=rig-01&period=600")).status, 200);
        QCOMPARE(post(nam, pool, QStringLiteral("/sim/degrade?name=rig-02&factor=0.7")).status,
                 200);
        const HttpResult bad = post(nam, pool, QStringLiteral("/sim/flap?name=rig-42&period=60"));
        QCOMPARE(bad.status, 400);
        QVERIFY(
            bad.json().value(QLatin1String("error")).toString().contains(QLatin1String("rig-42")));
        stop(p);
    }

    void telegramFaultAtStartAndOverHttp()
    {
        QProcess p;
        QUrl pool, telegram;
        QVERIFY(start(p, {QStringLiteral("--telegram-fault"), QStringLiteral("bot-kicked")}, pool,
                      telegram));
        BotClient bot(telegram, kToken, kChat);
        HttpResult r = bot.send(QStringLiteral("one"));
        QCOMPARE(r.status, 403);
        QVERIFY(r.description().contains(QLatin1String("bot was kicked")));

        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        QCOMPARE(waitFor(nam.get(QNetworkRequest(urlFor(telegram, QStringLiteral("/sim/state")))))
                     .json()
                     .value(QLatin1String("fault"))
                     .toString(),
                 QStringLiteral("bot-kicked"));
        QCOMPARE(post(nam, telegram, QStringLiteral("/sim/fault?mode=none")).status, 200);
        QVERIFY(bot.send(QStringLiteral("two")).ok());

        // one 429 for sendMessage only, with the retry_after asked for, then normal service
        QCOMPARE(
            post(nam, telegram,
                 QStringLiteral("/sim/fault?mode=429&calls=1&method=sendMessage&retry_after=7"))
                .status,
            200);
        QVERIFY(bot.call(QStringLiteral("getMe"), {}).ok());
        r = bot.send(QStringLiteral("three"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.json().value(QLatin1String("parameters"))[QLatin1String("retry_after")].toInt(),
                 7);
        QVERIFY(bot.send(QStringLiteral("four")).ok());

        const QJsonObject state =
            waitFor(nam.get(QNetworkRequest(urlFor(telegram, QStringLiteral("/sim/state")))))
                .json();
        QCOMPARE(state.value(QLatin1String("fault")).toString(), QStringLiteral("none"));
        QCOMPARE(state.value(QLatin1String("live_messages"))[kChat].toInt(), 2);

        r = post(nam, telegram, QStringLiteral("/sim/fault?mode=sometimes"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("bad-entities")));
        stop(p);
    }
};

QTEST_GUILESS_MAIN(TestSimProcess)
#include "tst_simprocess.moc"
