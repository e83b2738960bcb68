// The poller against the simulated f2pool: every fault mode fails the poll, within the
// timeout, and only a good reply produces a snapshot.
#include "clock.h"
#include "fakef2pool.h"
#include "httpserver.h"
#include "pool/poller.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;

class TestPoller : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    AccountConfig account(PoolProvider provider = PoolProvider::F2poolV2) const
    {
        AccountConfig a;
        a.provider = provider;
        a.url = m_pool->baseUrl();
        a.user = QStringLiteral("farm1");
        a.secret = QStringLiteral("s3cret-token-value");
        a.intervalSecs = 3600; // one poll per test unless asked
        a.timeoutSecs = 1;
        return a;
    }

private slots:
    void init()
    {
        m_clock.setMs(QDateTime::currentMSecsSinceEpoch());
        m_pool = std::make_unique<FakeF2pool>(&m_clock);
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(QStringLiteral("s3cret-token-value"));
        m_pool->addRigs(12);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_clock.nowSecs() - 3600);
        QVERIFY(m_pool->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_nam.reset();
        m_pool.reset();
    }

    void goodReplyV2()
    {
        Poller p(account(), m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(bad.size(), 0);
        const auto snap = ok.first().first().value<Snapshot>();
        QCOMPARE(snap.workers.size(), 12);
        QVERIFY(qAbs(snap.poolTimeSecs - m_clock.nowSecs()) <= 1);
        QCOMPARE(m_pool->lastRequestHeader("f2p-api-secret"), QByteArray("s3cret-token-value"));
        const QJsonObject body = QJsonDocument::fromJson(m_pool->lastRequestBody()).object();
        QCOMPARE(body.value(QStringLiteral("mining_user_name")).toString(), QStringLiteral("farm1"));
        QCOMPARE(body.value(QStringLiteral("currency")).toString(), QStringLiteral("bitcoin"));
        QCOMPARE(m_pool->lastRequestPath(), QStringLiteral("/v2/hash_rate/worker/list"));
        const auto rig3 = std::find_if(snap.workers.cbegin(), snap.workers.cend(),
                                       [](const WorkerSample &w) { return w.name == QStringLiteral("rig-03"); });
        QVERIFY(rig3 != snap.workers.cend());
        QCOMPARE(rig3->lastShareAt, m_clock.nowSecs() - 3600);
    }

    void goodReplyV1()
    {
        Poller p(account(PoolProvider::F2poolV1), m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled);
        p.start();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(ok.first().first().value<Snapshot>().workers.size(), 12);
        QCOMPARE(m_pool->lastRequestPath(), QStringLiteral("/bitcoin/farm1"));
    }

    // Thousands of rigs: a reply of megabytes, parsed slice by slice as it arrives (see
    // WorkerListStream): every rig is there, and one cut short is a failed poll, not a snapshot
    // of the rigs that made it.
    void largeFarmIsReadAsItArrives_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("v2") << int(PoolProvider::F2poolV2) << false;
        QTest::newRow("v1") << int(PoolProvider::F2poolV1) << false;
        QTest::newRow("v2 cut short") << int(PoolProvider::F2poolV2) << true;
        QTest::newRow("v1 cut short") << int(PoolProvider::F2poolV1) << true;
    }
    void largeFarmIsReadAsItArrives()
    {
        QFETCH(int, provider);
        QFETCH(bool, truncated);
        m_pool->addRigs(8000 - 12);
        m_pool->setRigStoppedSince(QStringLiteral("rig-7777"), m_clock.nowSecs() - 1800);
        if (truncated)
            m_pool->setFault(FakeF2pool::Fault::TruncatedJson);
        AccountConfig a = account(PoolProvider(provider));
        a.timeoutSecs = 20;
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE_WITH_TIMEOUT(ok.size() + bad.size(), 1, 20000);
        if (truncated) {
            QCOMPARE(ok.size(), 0);
            QCOMPARE(bad.first().first().value<PollFailure>().kind, PollFailure::Network);
            return;
        }
        QCOMPARE(bad.size(), 0);
        const auto snap = ok.first().first().value<Snapshot>();
        QCOMPARE(snap.workers.size(), 8000);
        QCOMPARE(snap.workers.last().name, QStringLiteral("rig-8000"));
        const auto rig = std::find_if(snap.workers.cbegin(), snap.workers.cend(),
                                      [](const WorkerSample &w) { return w.name == QStringLiteral("rig-7777"); });
        QVERIFY(rig != snap.workers.cend());
        QCOMPARE(rig->lastShareAt, m_clock.nowSecs() - 1800);
    }

    // Each poll is handed the last good one: a rig listed again at the same place shares its
    // name and host with it (no string allocated per rig per poll), across a failed poll too,
    // and the snapshot is still exactly what the pool said now.
    void nextPollSharesStringsWithTheLastGoodOne_data()
    {
        QTest::addColumn<int>("provider");
        QTest::newRow("v2") << int(PoolProvider::F2poolV2);
        QTest::newRow("v1") << int(PoolProvider::F2poolV1);
    }
    void nextPollSharesStringsWithTheLastGoodOne()
    {
        QFETCH(int, provider);
        Poller p(account(PoolProvider(provider)), m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE(ok.size(), 1);
        const auto first = ok.first().first().value<Snapshot>();

        m_pool->setFault(FakeF2pool::Fault::Http500);
        p.pollNow();
        QTRY_COMPARE(bad.size(), 1);
        m_pool->setFault(FakeF2pool::Fault::None);
        m_clock.advanceSecs(300);
        m_pool->startRig(QStringLiteral("rig-03"));
        m_pool->addRig(QStringLiteral("rig-new"), 1e14, QStringLiteral("198.51.100.7"));
        p.pollNow();
        QTRY_COMPARE(ok.size(), 2);
        const auto second = ok.last().first().value<Snapshot>();

        QCOMPARE(second.workers.size(), 13);
        qsizetype shared = 0;
        for (const WorkerSample &w : second.workers) {
            const auto before = std::find_if(first.workers.cbegin(), first.workers.cend(),
                                             [&w](const WorkerSample &f) { return f.name == w.name; });
            if (before == first.workers.cend()) {
                QCOMPARE(w.name, QStringLiteral("rig-new"));
                continue;
            }
            QVERIFY2(w.name.isSharedWith(before->name), qPrintable(w.name));
            if (PoolProvider(provider) == PoolProvider::F2poolV2)
                QVERIFY2(w.host.isSharedWith(before->host), qPrintable(w.host));
            if (w.name == QStringLiteral("rig-03")) // back: the new share, not the old one
                QVERIFY(w.lastShareAt > before->lastShareAt + 3000);
            ++shared;
        }
        QCOMPARE(shared, 12);
    }

    void skewedDate()
    {
        m_pool->setDateSkewSecs(-7200);
        Poller p(account(), m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled);
        p.start();
        QTRY_COMPARE(ok.size(), 1);
        QVERIFY(qAbs(ok.first().first().value<Snapshot>().poolTimeSecs - (m_clock.nowSecs() - 7200)) <= 1);
    }

    void faults_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("hang") << FakeF2pool::Fault::Hang << int(PollFailure::Timeout) << "did not answer within 1 s";
        QTest::newRow("drip") << FakeF2pool::Fault::Drip << int(PollFailure::Timeout) << "within 1 s";
        QTest::newRow("500") << FakeF2pool::Fault::Http500 << int(PollFailure::HttpStatus) << "HTTP 500";
        QTest::newRow("401") << FakeF2pool::Fault::Http401 << int(PollFailure::HttpStatus) << "HTTP 401";
        QTest::newRow("5010") << FakeF2pool::Fault::ErrorCode5010 << int(PollFailure::PoolError) << "5010";
        QTest::newRow("invalid") << FakeF2pool::Fault::InvalidJson << int(PollFailure::BadReply) << "cannot read";
        QTest::newRow("truncated") << FakeF2pool::Fault::TruncatedJson << int(PollFailure::Network) << "before the reply was complete";
        QTest::newRow("oversized") << FakeF2pool::Fault::Oversized << int(PollFailure::TooLarge) << "too large";
        QTest::newRow("refused") << FakeF2pool::Fault::Refused << int(PollFailure::Network) << "refused";
    }

    void faults()
    {
        QFETCH(FakeF2pool::Fault, fault);
        QFETCH(int, kind);
        QFETCH(QString, words);
        m_pool->setOversizedBytes(3 * 1024 * 1024);
        m_pool->setFault(fault);
        AccountConfig a = account();
        a.maxBodyBytes = 1024 * 1024;
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        QElapsedTimer t;
        t.start();
        p.start();
        QTRY_COMPARE_WITH_TIMEOUT(bad.size(), 1, 5000);
        // invariant 2: no request outlives its timeout (1 s) by more than a second
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(ok.size(), 0);
        const auto f = bad.first().first().value<PollFailure>();
        QCOMPARE(int(f.kind), kind);
        QVERIFY2(f.message.contains(words, Qt::CaseInsensitive), qPrintable(f.message));
        QVERIFY(!f.message.contains(QStringLiteral("s3cret-token-value")));
        QVERIFY(!p.inFlight());
    }

    // A pool that began to answer and stalled is reported as such, not as silence: what arrived
    // points at the network or the reply's size. (Bytes every 100 ms: some are in whatever the
    // load on the machine; with the headers alone it depends on when they are seen.)
    void stalledReplyIsToldApartFromSilence()
    {
        m_pool->setDripIntervalMs(100);
        m_pool->setFault(FakeF2pool::Fault::Drip);
        Poller p(account(), m_nam.get(), &m_clock);
        QSignalSpy bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE_WITH_TIMEOUT(bad.size(), 1, 5000);
        const auto f = bad.first().first().value<PollFailure>();
        QCOMPARE(int(f.kind), int(PollFailure::Timeout));
        QVERIFY2(f.message.contains(QStringLiteral("began to answer but did not finish within 1 s")),
                 qPrintable(f.message));
        QVERIFY2(f.message.contains(QStringLiteral("bytes received")), qPrintable(f.message));
    }

    void echoedTokenIsRedactedBeforeShortening_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("padding");
        QTest::newRow("HTTP 200, token at the cut") << 200 << 280;
        QTest::newRow("HTTP 401, token at the cut") << 401 << 290;
        QTest::newRow("HTTP 200, token far in") << 200 << 5000;
    }
    // A pool (or a proxy) whose error message echoes the request's token: however long the
    // message and wherever the token stands, no part of it reaches the reason or the log.
    void echoedTokenIsRedactedBeforeShortening()
    {
        QFETCH(int, status);
        QFETCH(int, padding);
        const QString token = QStringLiteral("s3cret-token-value");
        sim::HttpServer server;
        server.setHandler([&](const sim::HttpRequest &, sim::HttpResponder &r) {
            const QByteArray msg = "invalid token: " + QByteArray(padding, 'x') + ' ' + token.toUtf8() +
                                   " rejected";
            r.respond(status, "{\"code\":5010,\"msg\":\"" + msg + "\"}", {{"Content-Type", "application/json"}});
        });
        QVERIFY(server.listen());
        AccountConfig a = account();
        a.url = server.baseUrl();
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy bad(&p, &Poller::failed);
        p.pollNow();
        QTRY_COMPARE(bad.size(), 1);
        const QString reason = bad.first().first().value<PollFailure>().message;
        for (qsizetype n = 4; n <= token.size(); ++n)
            QVERIFY2(!reason.contains(token.left(n)), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("5010")), qPrintable(reason));
        QVERIFY(reason.size() <= 404);
    }

    void wrongSecretIsAFailure()
    {
        AccountConfig a = account();
        a.secret = QStringLiteral("wrong-token");
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE(bad.size(), 1);
        const auto f = bad.first().first().value<PollFailure>();
        QVERIFY(f.kind == PollFailure::PoolError || f.kind == PollFailure::HttpStatus);
        QVERIFY(!f.message.contains(QStringLiteral("wrong-token")));
    }

    void neverOverlaps()
    {
        m_pool->setFault(FakeF2pool::Fault::Hang);
        Poller p(account(), m_nam.get(), &m_clock);
        QSignalSpy bad(&p, &Poller::failed);
        p.start();
        for (int i = 0; i < 5; ++i)
            p.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(bad.size(), 1, 3000);
        QCOMPARE(m_pool->maxConcurrentRequests(), 1);
        QCOMPARE(m_pool->totalRequests(), 1);
    }

    void backoffThenInterval()
    {
        // delays grow after failures, capped, and are the interval again after a success
        QCOMPARE(Poller::backoffDelayMs(300, 0, 0.5), 300'000);
        QVERIFY(Poller::backoffDelayMs(300, 1, 0.0) >= 270'000);
        QVERIFY(Poller::backoffDelayMs(300, 2, 0.5) > Poller::backoffDelayMs(300, 1, 0.5));
        QVERIFY(Poller::backoffDelayMs(300, 20, 1.0) <= 1'320'000);
        QVERIFY(Poller::backoffDelayMs(300, 1, 0.0) != Poller::backoffDelayMs(300, 1, 1.0));

        AccountConfig a = account();
        a.intervalSecs = 1;
        m_pool->setFault(FakeF2pool::Fault::Http500);
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        p.start();
        QTRY_COMPARE(bad.size(), 1);
        QCOMPARE(p.consecutiveFailures(), 1);
        m_pool->setFault(FakeF2pool::Fault::None);
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 4000);
        QCOMPARE(p.consecutiveFailures(), 0);
        QVERIFY(p.nextPollAtMs() - m_clock.nowMs() <= 1000);
    }
};

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
