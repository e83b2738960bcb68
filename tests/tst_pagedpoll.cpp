// The poller against the simulated pools beside f2pool (src/sim/fakepools.h): every page of a
// paged list in one poll, signatures the fake checks, the pool's clock for Binance's timestamp,
// pacing to the pool's rate limit, and every kind of failure failing the whole poll.
#include "clock.h"
#include "fakef2pool.h"
#include "fakepools.h"
#include "pool/poller.h"
#include "pool/poolprovider.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::FakePools;

namespace {
const QString kKey = QStringLiteral("key-ABC123-visible");
const QString kSecret = QStringLiteral("secret-XYZ789-hidden");

struct Outcome
{
    std::optional<Snapshot> snapshot;
    std::optional<PollFailure> failure;
};
} // namespace

class TestPagedPoll : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_rigs;
    std::unique_ptr<FakePools> m_pool;
    QNetworkAccessManager m_nam;

    void startPool(PoolProvider p, int rigs, int pageSize = 0)
    {
        m_rigs = std::make_unique<FakeF2pool>(SystemClock::instance());
        m_rigs->addRigs(rigs);
        m_pool = std::make_unique<FakePools>(p, m_rigs.get(), SystemClock::instance());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setKey(kKey);
        m_pool->setSecret(kSecret);
        m_pool->setMaxPageSize(pageSize);
        QVERIFY(m_pool->listen());
    }

    AccountConfig account(PoolProvider p) const
    {
        AccountConfig a;
        a.id = QStringLiteral("t");
        a.provider = p;
        a.url = m_pool->baseUrl();
        a.user = QStringLiteral("farm1");
        a.apiKey = kKey;
        a.secret = kSecret;
        a.timeoutSecs = 3;
        a.intervalSecs = 3600;
        return a;
    }

    static Outcome pollOnce(Poller &poller, int waitMs = 10000)
    {
        QSignalSpy ok(&poller, &Poller::polled);
        QSignalSpy bad(&poller, &Poller::failed);
        poller.pollNow();
        Outcome o;
        if (!QTest::qWaitFor([&] { return ok.size() + bad.size() > 0; }, waitMs))
            return o;
        if (!ok.isEmpty())
            o.snapshot = ok.first().first().value<Snapshot>();
        if (!bad.isEmpty())
            o.failure = bad.first().first().value<PollFailure>();
        return o;
    }

    static void checkNoSecret(const QString &text)
    {
        QVERIFY2(!text.contains(kSecret), qPrintable(text));
        QVERIFY2(!text.contains(kKey), qPrintable(text));
    }

    static QVector<PoolProvider> pagedProviders()
    {
        return {PoolProvider::Binance, PoolProvider::Luxor, PoolProvider::ViaBtc,
                PoolProvider::AntPool};
    }

private slots:
    // "Test connection" asks for the first page only: one request proves the credentials, and
    // the pool's own total says how many workers the account has.
    void firstPageOnlyIsOneRequest()
    {
        startPool(PoolProvider::Binance, 45); // Binance: 20 a page
        Poller poller(account(PoolProvider::Binance), &m_nam, SystemClock::instance());
        poller.setFirstPageOnly(true);
        const Outcome o = pollOnce(poller);
        QVERIFY(o.snapshot);
        QCOMPARE(o.snapshot->workers.size(), 20);
        QCOMPARE(poller.listTotal(), 45);
        QCOMPARE(m_pool->pagesServed(), QList<int>{1});
    }

    // A request of an earlier run counts against the pool's limit: Braiins' next request waits
    // until five seconds after it, as a `rigwatchd --once` after another must.
    void earlierRunsRequestIsPacedFor()
    {
        startPool(PoolProvider::Braiins, 3);
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        Poller poller(account(PoolProvider::Braiins), &m_nam, &clock);
        // the earlier run's poll ended within the second before this one
        poller.countEarlierRequest(clock.nowSecs() - 1);
        QElapsedTimer t;
        t.start();
        const Outcome o = pollOnce(poller);
        QVERIFY(o.snapshot);
        QVERIFY2(t.elapsed() >= 2500, qPrintable(QString::number(t.elapsed())));
        // One long gone does not hold anything up.
        Poller later(account(PoolProvider::Braiins), &m_nam, &clock);
        clock.advanceSecs(60);
        later.countEarlierRequest(clock.nowSecs() - 30);
        QTest::qWait(5500); // the fake's own window after the poll above
        t.restart();
        QVERIFY(pollOnce(later).snapshot);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(m_pool->rateLimitHits(), 0);
    }

    // The whole window spans runs, not only the last request: a run after one that used the
    // pool's allowance waits for it, and a wait the pool asked for holds in the next run too.
    void earlierRunsWindowAndWaitCarryOver()
    {
        startPool(PoolProvider::Luxor, 20, 7); // 3 pages
        const RateLimit three{3, 1, 3000, "3 requests per 3 s"};
        Poller first(account(PoolProvider::Luxor), &m_nam, SystemClock::instance());
        first.setRateLimit(three);
        QVERIFY(pollOnce(first).snapshot);
        const QVector<qint64> sent = first.requestsInWindowMs();
        QCOMPARE(sent.size(), 3);
        QVERIFY(sent.last() <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(sent.first() >= QDateTime::currentMSecsSinceEpoch() - 3000);

        Poller next(account(PoolProvider::Luxor), &m_nam, SystemClock::instance());
        next.setRateLimit(three);
        next.countEarlierRequests(sent, 0);
        QVERIFY(pollOnce(next).snapshot);
        // its first page waited for the earlier run's first request to leave the window
        const qint64 done = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(done >= sent.first() + 3000, qPrintable(QString::number(done - sent.first())));
        QCOMPARE(m_pool->pagesServed().size(), 6);

        m_pool->setFault(FakePools::Fault::RateLimited); // HTTP 429, Retry-After: 7
        QVERIFY(pollOnce(next).failure);
        const qint64 until = next.blockedUntilMs();
        QVERIFY2(qAbs(until - (QDateTime::currentMSecsSinceEpoch() + 7000)) < 1000,
                 qPrintable(QString::number(until)));
        m_pool->setFault(FakePools::Fault::None);
        const int asked = m_pool->workerListRequests();
        Poller after(account(PoolProvider::Luxor), &m_nam, SystemClock::instance());
        after.countEarlierRequests(next.requestsInWindowMs(), until);
        after.pollNow();
        QTest::qWait(1500);
        QCOMPARE(m_pool->workerListRequests(), asked); // still waiting as the pool asked
        QVERIFY(after.inFlight());
        after.stop();
    }

    void cleanup()
    {
        m_pool.reset();
        m_rigs.reset();
    }

    void everyPageInOnePoll_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("pages");
        QTest::newRow("braiins") << int(PoolProvider::Braiins) << 0 << 1;
        QTest::newRow("binance 20 a page") << int(PoolProvider::Binance) << 0 << 3;
        QTest::newRow("binance 7 a page") << int(PoolProvider::Binance) << 7 << 7;
        QTest::newRow("luxor") << int(PoolProvider::Luxor) << 0 << 1;
        QTest::newRow("luxor 7 a page") << int(PoolProvider::Luxor) << 7 << 7;
        QTest::newRow("viabtc 7 a page") << int(PoolProvider::ViaBtc) << 7 << 7;
        QTest::newRow("antpool") << int(PoolProvider::AntPool) << 0 << 1;
        QTest::newRow("antpool 7 a page") << int(PoolProvider::AntPool) << 7 << 7;
    }
    void everyPageInOnePoll()
    {
        QFETCH(int, provider);
        QFETCH(int, pageSize);
        QFETCH(int, pages);
        const auto p = PoolProvider(provider);
        startPool(p, 45, pageSize);
        m_rigs->setRigStoppedSince(QStringLiteral("rig-30"),
                                   QDateTime::currentSecsSinceEpoch() - 3600);
        Poller poller(account(p), &m_nam, SystemClock::instance());
        const Outcome o = pollOnce(poller);
        QVERIFY2(o.snapshot, o.failure ? qPrintable(o.failure->message) : "no answer");
        QCOMPARE(o.snapshot->workers.size(), 45);
        QList<int> expected;
        for (int i = 1; i <= pages; ++i)
            expected << i;
        QCOMPARE(m_pool->pagesServed(), expected);
        QCOMPARE(m_pool->rejectedSignatures(), 0);
        QVERIFY(o.snapshot->poolTimeSecs > 0);
        // Units and names as RigWatch keeps them: H/s, unix seconds, the bare worker name.
        const WorkerSample *stopped = nullptr;
        for (const WorkerSample &w : o.snapshot->workers)
            if (w.name == QLatin1String("rig-30"))
                stopped = &w;
        QVERIFY(stopped);
        QVERIFY(qAbs(stopped->lastShareAt - (QDateTime::currentSecsSinceEpoch() - 3600)) < 60);
        for (const WorkerSample &w : o.snapshot->workers)
            if (w.name != QLatin1String("rig-30"))
                QVERIFY2(w.hashRate > 50e12 && w.hashRate < 200e12,
                         qPrintable(QStringLiteral("%1: %2").arg(w.name).arg(w.hashRate)));
    }

    void aMissingPageFailsThePoll()
    {
        for (PoolProvider p : pagedProviders()) {
            startPool(p, 45, 7);
            m_pool->setFault(FakePools::Fault::MissingPage);
            Poller poller(account(p), &m_nam, SystemClock::instance());
            const Outcome o = pollOnce(poller);
            QVERIFY2(!o.snapshot, qPrintable(providerName(p)));
            QVERIFY(o.failure);
            QVERIFY2(o.failure->message.contains(QStringLiteral("page 2")),
                     qPrintable(o.failure->message));
            QVERIFY(!m_pool->pagesServed().contains(3)); // it stopped at the hole
            cleanup();
        }
    }

    void errorsAreOneClearLine_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("words");
        const int bad = int(FakePools::Fault::BadKey), forbidden = int(FakePools::Fault::Forbidden),
                  e200 = int(FakePools::Fault::ErrorWith200),
                  fields = int(FakePools::Fault::MissingFields),
                  html = int(FakePools::Fault::InvalidJson);
        QTest::newRow("braiins bad token")
            << int(PoolProvider::Braiins) << bad << QStringLiteral("Invalid token");
        QTest::newRow("braiins no web API")
            << int(PoolProvider::Braiins) << forbidden << QStringLiteral("HTTP 403");
        QTest::newRow("binance bad key")
            << int(PoolProvider::Binance) << bad << QStringLiteral("-2015");
        QTest::newRow("binance error 200")
            << int(PoolProvider::Binance) << e200 << QStringLiteral("Binance Pool error -1000");
        QTest::newRow("luxor bad key")
            << int(PoolProvider::Luxor) << bad << QStringLiteral("Invalid API key");
        QTest::newRow("luxor forbidden")
            << int(PoolProvider::Luxor) << forbidden << QStringLiteral("HTTP 403");
        QTest::newRow("viabtc bad key")
            << int(PoolProvider::ViaBtc) << bad << QStringLiteral("invalid api key");
        QTest::newRow("viabtc ip")
            << int(PoolProvider::ViaBtc) << forbidden << QStringLiteral("whitelist");
        QTest::newRow("antpool bad key")
            << int(PoolProvider::AntPool) << bad << QStringLiteral("key not exist");
        QTest::newRow("antpool permission")
            << int(PoolProvider::AntPool) << forbidden << QStringLiteral("no permission");
        for (PoolProvider p : {PoolProvider::Braiins, PoolProvider::Binance, PoolProvider::Luxor,
                               PoolProvider::ViaBtc, PoolProvider::AntPool}) {
            QTest::addRow("%s missing fields", qPrintable(providerName(p)))
                << int(p) << fields << QStringLiteral("cannot read");
            QTest::addRow("%s html", qPrintable(providerName(p)))
                << int(p) << html << QStringLiteral("HTML");
        }
    }
    void errorsAreOneClearLine()
    {
        QFETCH(int, provider);
        QFETCH(int, fault);
        QFETCH(QString, words);
        const auto p = PoolProvider(provider);
        startPool(p, 5);
        m_pool->setFault(FakePools::Fault(fault));
        Poller poller(account(p), &m_nam, SystemClock::instance());
        const Outcome o = pollOnce(poller);
        QVERIFY(!o.snapshot);
        QVERIFY(o.failure);
        QVERIFY2(o.failure->message.contains(words), qPrintable(o.failure->message));
        QVERIFY2(o.failure->message.contains(providerTitle(p)) ||
                     o.failure->message.contains(QStringLiteral("Binance Pool")),
                 qPrintable(o.failure->message));
        QVERIFY(!o.failure->message.contains(QLatin1Char('\n')));
        checkNoSecret(o.failure->message);
    }

    void wrongSecretIsRefusedByTheSignatureCheck_data()
    {
        QTest::addColumn<int>("provider");
        QTest::newRow("binance") << int(PoolProvider::Binance);
        QTest::newRow("antpool") << int(PoolProvider::AntPool);
    }
    void wrongSecretIsRefusedByTheSignatureCheck()
    {
        QFETCH(int, provider);
        const auto p = PoolProvider(provider);
        startPool(p, 5);
        AccountConfig a = account(p);
        a.secret = QStringLiteral("not-the-secret");
        Poller poller(a, &m_nam, SystemClock::instance());
        const Outcome o = pollOnce(poller);
        QVERIFY(o.failure);
        QCOMPARE(m_pool->rejectedSignatures(), 1);
        QVERIFY2(o.failure->message.contains(QStringLiteral("signature")),
                 qPrintable(o.failure->message));
        QVERIFY(!o.failure->message.contains(QStringLiteral("not-the-secret")));
    }

    void binanceSignsWithThePoolsClock_data()
    {
        QTest::addColumn<int>("skew");
        QTest::newRow("pool 2 min ahead") << 120;
        QTest::newRow("pool 2 min behind") << -120;
    }
    void binanceSignsWithThePoolsClock()
    {
        QFETCH(int, skew);
        startPool(PoolProvider::Binance, 45);
        m_pool->setDateSkewSecs(skew);
        Poller poller(account(PoolProvider::Binance), &m_nam, SystemClock::instance());
        Outcome o = pollOnce(poller);
        QVERIFY2(o.snapshot, o.failure ? qPrintable(o.failure->message) : "no answer");
        QCOMPARE(o.snapshot->workers.size(), 45);
        // -1021 once, then every page signed with the pool's clock
        QCOMPARE(m_pool->workerListRequests(), 4);
        m_pool->resetCounters();
        o = pollOnce(poller);
        QVERIFY(o.snapshot);
        QCOMPARE(m_pool->workerListRequests(), 3);
    }

    void braiinsIsPacedToOneRequestPerFiveSeconds()
    {
        startPool(PoolProvider::Braiins, 5);
        Poller poller(account(PoolProvider::Braiins), &m_nam, SystemClock::instance());
        QElapsedTimer t;
        t.start();
        QVERIFY(pollOnce(poller).snapshot);
        const Outcome second = pollOnce(poller, 10000);
        QVERIFY2(second.snapshot, second.failure ? qPrintable(second.failure->message) : "none");
        QVERIFY2(t.elapsed() >= 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(m_pool->rateLimitHits(), 0);
        QCOMPARE(m_pool->workerListRequests(), 2);
    }

    void tooManyRequestsWaitsAsTold()
    {
        startPool(PoolProvider::Luxor, 5);
        m_pool->setFault(FakePools::Fault::RateLimited); // HTTP 429, Retry-After: 7
        Poller poller(account(PoolProvider::Luxor), &m_nam, SystemClock::instance());
        const Outcome o = pollOnce(poller);
        QVERIFY(o.failure);
        QVERIFY2(o.failure->message.contains(QStringLiteral("7 s")),
                 qPrintable(o.failure->message));
        m_pool->setFault(FakePools::Fault::None);
        poller.pollNow(); // waits for the pool's 7 s
        QTest::qWait(1500);
        QCOMPARE(m_pool->workerListRequests(), 1);
        QVERIFY(poller.inFlight());
        poller.stop();
        QVERIFY(!poller.inFlight());
    }

    // The deadline is the pool's time to answer: waits for the pace RigWatch keeps to do not
    // count, so a list of many pages on a slow-paced pool is read whole, however long it takes.
    void pacingWaitsDoNotCountAgainstTheDeadline()
    {
        startPool(PoolProvider::ViaBtc, 20, 7); // 3 pages
        Poller poller(account(PoolProvider::ViaBtc), &m_nam, SystemClock::instance());
        poller.setRateLimit(RateLimit{1, 1, 2000, "1 request per 2 s"});
        QElapsedTimer t;
        t.start();
        const Outcome o = pollOnce(poller, 15000);
        QVERIFY2(o.snapshot, o.failure ? qPrintable(o.failure->message) : "no answer");
        QCOMPARE(o.snapshot->workers.size(), 20);
        QCOMPARE(m_pool->pagesServed(), (QList<int>{1, 2, 3}));
        // two waits of 2 s: longer than the 3 s timeout, which the pool's answers stayed within
        QVERIFY2(t.elapsed() >= 4000, qPrintable(QString::number(t.elapsed())));
        // A page the pool never answers still fails the poll within the time left.
        m_pool->setFault(FakePools::Fault::Hang);
        t.restart();
        const Outcome hung = pollOnce(poller, 15000);
        QVERIFY(hung.failure);
        QCOMPARE(hung.failure->kind, PollFailure::Timeout);
        QVERIFY2(t.elapsed() < 2000 + 3000 + 1000, qPrintable(QString::number(t.elapsed())));
    }

    void aHungPageFailsWithinTheDeadline()
    {
        startPool(PoolProvider::ViaBtc, 20, 7);
        Poller poller(account(PoolProvider::ViaBtc), &m_nam, SystemClock::instance());
        m_pool->setFault(FakePools::Fault::Hang);
        QElapsedTimer t;
        t.start();
        const Outcome o = pollOnce(poller);
        QVERIFY(o.failure);
        QCOMPARE(o.failure->kind, PollFailure::Timeout);
        QVERIFY(t.elapsed() < 3000 + 1000);
    }
};

QTEST_GUILESS_MAIN(TestPagedPoll)
#include "tst_pagedpoll.moc"
