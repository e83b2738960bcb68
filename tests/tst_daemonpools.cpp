// rigwatchd against the simulated pools beside f2pool, as an operator runs it: the INI keys of
// docs/configuration.md, `--once` judged by its exit code and its one line, the Telegram chat,
// and a farm split across two pools in one run.
#include "daemonrun.h"
#include "democonfig.h"
#include "fakef2pool.h"
#include "fakepools.h"
#include "pool/poller.h"
#include "simfarm.h"
#include "telegramsink.h"

#include <QNetworkAccessManager>

#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::FakePools;
using rw::sim::TelegramSink;

namespace {
const QString kKey = QStringLiteral("apikey-AAA111");
const QString kSecret = QStringLiteral("apisecret-BBB222");
const QString kToken = QStringLiteral("123456:TOKENabcdefSECRET");
const QString kChat = QStringLiteral("-1001234567890");
using Run = rw::test::DaemonRun;
} // namespace

class TestDaemonPools : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_rigs;
    std::unique_ptr<FakePools> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;

    void startPool(PoolProvider p, int rigs)
    {
        m_rigs = std::make_unique<FakeF2pool>(SystemClock::instance());
        m_rigs->addRigs(rigs);
        m_pool = std::make_unique<FakePools>(p, m_rigs.get(), SystemClock::instance());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setKey(kKey);
        m_pool->setSecret(kSecret);
        QVERIFY(m_pool->listen());
    }

    QString poolSection(const QString &name, PoolProvider p, const QUrl &url) const
    {
        AccountConfig a;
        a.provider = p;
        QString ini = QStringLiteral("[pool.%1]\nprovider = %2\nurl = %3\nuser = farm1\n"
                                     "secret = %4\ninterval = 1\ntimeout = 5\n")
                          .arg(name, a.providerKey(), url.toString(), kSecret);
        if (p == PoolProvider::Binance || p == PoolProvider::AntPool)
            ini += QStringLiteral("key = %1\n").arg(kKey);
        return ini;
    }

    QString writeConfig(const QString &pools)
    {
        QString ini = pools;
        ini += QStringLiteral("[telegram]\nurl = %1\ntoken = %2\nchat = %3\ntimeout = 2\n")
                   .arg(m_tg->baseUrl().toString(), kToken, kChat);
        ini += QStringLiteral("[storage]\ndatabase = %1\n")
                   .arg(m_dir->filePath(QStringLiteral("rw.sqlite")));
        return test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
    }

    static Run once(const QString &config)
    {
        return test::runDaemon({QStringLiteral("--once"), QStringLiteral("--config"), config},
                               {kKey, kSecret, kToken}, 30000);
    }

    static QList<int> providers()
    {
        return {int(PoolProvider::Braiins), int(PoolProvider::Binance), int(PoolProvider::Luxor),
                int(PoolProvider::ViaBtc), int(PoolProvider::AntPool)};
    }

private slots:
    void init()
    {
        m_tg = std::make_unique<TelegramSink>(SystemClock::instance());
        m_tg->setToken(kToken);
        QVERIFY(m_tg->listen());
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_pool.reset();
        m_rigs.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void offlineRigIsDetectedAndPosted_data()
    {
        QTest::addColumn<int>("provider");
        for (int p : providers()) {
            AccountConfig a;
            a.provider = PoolProvider(p);
            QTest::newRow(qPrintable(a.providerKey())) << p;
        }
    }
    void offlineRigIsDetectedAndPosted()
    {
        QFETCH(int, provider);
        const auto p = PoolProvider(provider);
        // more rigs than one page of every paged pool (Binance: 20, AntPool: 50, ViaBTC: 100)
        startPool(p, 120);
        const QString cfg = writeConfig(poolSection(QStringLiteral("main"), p, m_pool->baseUrl()));
        Run r = once(cfg);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 120/120 workers online")),
                 qPrintable(r.out + r.err));

        m_rigs->setRigStoppedSince(QStringLiteral("rig-103"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QTest::qWait(p == PoolProvider::Braiins ? 5000 : 0); // the pool's own pace
        r = once(cfg);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - 119/120 workers online")),
                 qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("rig-103 (20 min)")), qPrintable(r.out));
        const auto chat = m_tg->messages(kChat);
        QCOMPARE(chat.size(), 1);
        QVERIFY(chat.first().plainText.contains(QStringLiteral("rig-103")));
        QCOMPARE(m_pool->rejectedSignatures(), 0);
        QCOMPARE(m_pool->rateLimitHits(), 0);
    }

    // Braiins takes one request per 5 s and bans an IP that asks more often: two `--once` runs
    // of a timer in quick succession keep that pace too (the second waits for the first's
    // request, which the store remembers), and neither is refused.
    void braiinsPaceHoldsAcrossOnceRuns()
    {
        startPool(PoolProvider::Braiins, 12);
        const QString cfg = writeConfig(
            poolSection(QStringLiteral("main"), PoolProvider::Braiins, m_pool->baseUrl()));
        const Run first = once(cfg);
        QCOMPARE(first.exitCode, 0);
        const Run second = once(cfg);
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.startsWith(QStringLiteral("OK - 12/12 workers online")),
                 qPrintable(second.out));
        QCOMPARE(m_pool->workerListRequests(), 2);
        QCOMPARE(m_pool->rateLimitHits(), 0);
        // It waited for the pool's pace, not for a whole interval.
        QVERIFY2(second.ms >= 3000 && second.ms < 15000, qPrintable(QString::number(second.ms)));
    }

    // A pool that asked for a pause (HTTP 429, Retry-After: 7) gets it from the next `--once`
    // run too, which waits rather than asking again at once.
    void retryAfterHoldsAcrossOnceRuns()
    {
        startPool(PoolProvider::Luxor, 12);
        const QString cfg = writeConfig(
            poolSection(QStringLiteral("main"), PoolProvider::Luxor, m_pool->baseUrl()));
        m_pool->setFault(FakePools::Fault::RateLimited);
        const Run first = once(cfg);
        QCOMPARE(first.exitCode, 3);
        QVERIFY2(first.out.contains(QStringLiteral("no request for 7 s")), qPrintable(first.out));
        m_pool->setFault(FakePools::Fault::None);
        const Run second = once(cfg);
        QVERIFY2(second.out.startsWith(QStringLiteral("OK - 12/12 workers online")),
                 qPrintable(second.out + second.err));
        QCOMPARE(m_pool->workerListRequests(), 2);
        QVERIFY2(second.ms >= 5000 && second.ms < 20000, qPrintable(QString::number(second.ms)));
    }

    void badKeyIsUnknownWithAClearLine_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QString>("words");
        QTest::newRow("braiins") << int(PoolProvider::Braiins) << QStringLiteral("HTTP 401");
        QTest::newRow("binance") << int(PoolProvider::Binance) << QStringLiteral("-2015");
        QTest::newRow("luxor") << int(PoolProvider::Luxor) << QStringLiteral("HTTP 401");
        QTest::newRow("viabtc") << int(PoolProvider::ViaBtc) << QStringLiteral("invalid api key");
        QTest::newRow("antpool") << int(PoolProvider::AntPool) << QStringLiteral("key not exist");
    }
    void badKeyIsUnknownWithAClearLine()
    {
        QFETCH(int, provider);
        QFETCH(QString, words);
        const auto p = PoolProvider(provider);
        startPool(p, 10);
        m_pool->setFault(FakePools::Fault::BadKey);
        const Run r = once(writeConfig(poolSection(QStringLiteral("main"), p, m_pool->baseUrl())));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith(QStringLiteral("UNKNOWN - ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(words), qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QCOMPARE(m_tg->messages(kChat).size(), 0);
    }

    void brokenPageNeverMarksRigsOffline()
    {
        startPool(PoolProvider::Binance, 45);
        const QString cfg = writeConfig(
            poolSection(QStringLiteral("main"), PoolProvider::Binance, m_pool->baseUrl()));
        QCOMPARE(once(cfg).exitCode, 0);
        for (auto f : {FakePools::Fault::MissingPage, FakePools::Fault::MissingFields,
                       FakePools::Fault::ErrorWith200}) {
            m_pool->setFault(f);
            const Run r = once(cfg);
            QCOMPARE(r.exitCode, 3);
            QCOMPARE(m_tg->messages(kChat).size(), 0);
        }
    }

    void binanceWithASkewedPoolClock()
    {
        startPool(PoolProvider::Binance, 30);
        // further off than Binance's window (10 s), not so far that the pool's clock is suspect
        m_pool->setDateSkewSecs(-90);
        const Run r = once(writeConfig(
            poolSection(QStringLiteral("main"), PoolProvider::Binance, m_pool->baseUrl())));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 30/30")), qPrintable(r.out + r.err));
    }

    // One farm on two pools: one table, one line, same-named rigs kept apart.
    void oneFarmOnTwoPools()
    {
        startPool(PoolProvider::Luxor, 10);
        FakeF2pool f2(SystemClock::instance());
        f2.setUser(QStringLiteral("farm1"));
        f2.setSecret(kSecret);
        f2.addRigs(10); // the same names rig-01 .. rig-10
        QVERIFY(f2.listen());
        f2.setRigStoppedSince(QStringLiteral("rig-04"), QDateTime::currentSecsSinceEpoch() - 1200);
        const QString pools =
            poolSection(QStringLiteral("lux"), PoolProvider::Luxor, m_pool->baseUrl()) +
            QStringLiteral("[pool.f2]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\n"
                           "timeout = 5\n")
                .arg(f2.baseUrl().toString(), kSecret);
        const Run r = once(writeConfig(pools));
        QCOMPARE(r.exitCode, 2);
        // Each account its own part of the one line; the f2pool rig-04 is down, Luxor's is not.
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("10/10 workers online")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("9/10 workers online, 1 offline: rig-04")),
                 qPrintable(r.out));
        const auto chat = m_tg->messages(kChat);
        QCOMPARE(chat.size(), 1);
        QVERIFY(chat.first().plainText.contains(QStringLiteral("rig-04")));
    }

    // The demo's farm is split across two pools: f2pool and a second hall on Braiins.
    void demoSplitsTheFarmAcrossTwoPools()
    {
        sim::SimFarm farm(SystemClock::instance());
        sim::SimFarm::Options o;
        o.demoSchedule = false;
        QVERIFY2(farm.start(o), qPrintable(farm.errorString()));
        const DaemonConfig c = sim::demoConfig(farm, m_dir->path());
        QCOMPARE(c.accounts.size(), 2);
        QCOMPARE(c.accounts.at(0).provider, PoolProvider::F2poolV2);
        QCOMPARE(c.accounts.at(1).provider, PoolProvider::Braiins);
        QVERIFY(c.accounts.at(0).key() != c.accounts.at(1).key());
        QNetworkAccessManager nam;
        Poller poller(c.accounts.at(1), &nam, SystemClock::instance());
        QSignalSpy polled(&poller, &Poller::polled);
        poller.pollNow();
        QTRY_COMPARE(polled.size(), 1);
        QCOMPARE(polled.first().first().value<Snapshot>().workers.size(), 12);
    }

    void checkConfigMasksTheKey()
    {
        startPool(PoolProvider::AntPool, 1);
        const Run r =
            test::runDaemon({QStringLiteral("--check-config"),
                             writeConfig(poolSection(QStringLiteral("main"), PoolProvider::AntPool,
                                                     m_pool->baseUrl()))},
                            {kKey, kSecret, kToken});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("provider = antpool")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("key = ****A111")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestDaemonPools)
#include "tst_daemonpools.moc"
