// The poller against the simulated f2pool: every fault mode fails the poll, within the
// timeout, and only a good reply produces a snapshot.
#include "clock.h"
#include "fakef2pool.h"
#include "httpserver.h"
#include "pool/poller.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;

namespace {

// The process's peak resident memory in KiB (VmHWM), or -1 where /proc does not say.
qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// A fake pool on a thread of its own, like a pool across the network: it sends as fast as the
// connection takes it, whatever the poller's thread is doing.
class PoolOnItsOwnThread
{
public:
    explicit PoolOnItsOwnThread(const Clock *clock)
    {
        m_thread.start();
        m_home.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_home,
            [this, clock] {
                m_pool = new FakeF2pool(clock);
                m_pool->setUser(QStringLiteral("farm1"));
                m_pool->setSecret(QStringLiteral("s3cret-token-value"));
                m_pool->addRigs(12);
                m_listening = m_pool->listen();
            },
            Qt::BlockingQueuedConnection);
    }
    ~PoolOnItsOwnThread()
    {
        QMetaObject::invokeMethod(
            &m_home, [this] { delete m_pool; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    QUrl baseUrl() const { return m_pool->baseUrl(); }
    qint64 streamedBytes() const { return m_pool->streamedBytes(); }
    // Runs f on the pool's thread and waits for it.
    void run(const std::function<void(FakeF2pool &)> &f)
    {
        QMetaObject::invokeMethod(
            &m_home, [&] { f(*m_pool); }, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_home;
    FakeF2pool *m_pool = nullptr;
    bool m_listening = false;
};

// A server that misbehaves below HTTP where the fake pool has no fault for it: once a request
// has arrived it writes `head`, then `piece` over and over as fast as the socket takes it,
// until it is destroyed.
class EndlessServer : public QTcpServer
{
public:
    EndlessServer(QByteArray head, QByteArray piece)
        : m_head(std::move(head)), m_piece(std::move(piece))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = nextPendingConnection();
            // Little in flight once it stops: Qt reads these lines a byte per system call.
            s->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
            auto pump = [this, s] {
                while (s->state() == QAbstractSocket::ConnectedState &&
                       s->bytesToWrite() < 1024 * 1024)
                    s->write(m_piece);
            };
            connect(s, &QTcpSocket::bytesWritten, s, pump);
            connect(s, &QTcpSocket::readyRead, s, [this, s, pump, started = false]() mutable {
                s->readAll();
                if (std::exchange(started, true))
                    return;
                s->write(m_head);
                pump();
            });
        });
    }

private:
    QByteArray m_head;
    QByteArray m_piece;
};

} // namespace

class TestPoller : public QObject
{
    Q_OBJECT

    // One poll of a server that never finishes its answer (timeout 1 s): it fails as a timeout
    // at its deadline, for one of `reasons`, and memory stays flat while the server sends.
    void failsAtTheDeadline(Poller &p, const QStringList &reasons)
    {
        QSignalSpy bad(&p, &Poller::failed);
        const qint64 peakBefore = peakRssKiB();
        QElapsedTimer t;
        t.start();
        p.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(bad.size(), 1, 5000);
        const qint64 took = t.elapsed();
        QVERIFY2(took >= 950 && took < 2000, qPrintable(QString::number(took)));
        const auto f = bad.first().first().value<PollFailure>();
        QCOMPARE(int(f.kind), int(PollFailure::Timeout));
        QVERIFY2(reasons.contains(f.message), qPrintable(f.message));
        if (peakBefore > 0)
            QVERIFY2(peakRssKiB() - peakBefore < 64 * 1024,
                     qPrintable(
                         QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
    }

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
        m_pool.reset(); // first: a hostile reply keeps Qt's network thread busy while it is sent
        m_nam.reset();
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
        QCOMPARE(body.value(QStringLiteral("mining_user_name")).toString(),
                 QStringLiteral("farm1"));
        QCOMPARE(body.value(QStringLiteral("currency")).toString(), QStringLiteral("bitcoin"));
        QCOMPARE(m_pool->lastRequestPath(), QStringLiteral("/v2/hash_rate/worker/list"));
        const auto rig3 =
            std::find_if(snap.workers.cbegin(), snap.workers.cend(),
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
        const auto rig =
            std::find_if(snap.workers.cbegin(), snap.workers.cend(), [](const WorkerSample &w) {
                return w.name == QStringLiteral("rig-7777");
            });
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
            const auto before =
                std::find_if(first.workers.cbegin(), first.workers.cend(),
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
        QVERIFY(qAbs(ok.first().first().value<Snapshot>().poolTimeSecs -
                     (m_clock.nowSecs() - 7200)) <= 1);
    }

    void faults_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("hang") << FakeF2pool::Fault::Hang << int(PollFailure::Timeout)
                              << "did not answer within 1 s";
        QTest::newRow("drip") << FakeF2pool::Fault::Drip << int(PollFailure::Timeout)
                              << "within 1 s";
        QTest::newRow("500") << FakeF2pool::Fault::Http500 << int(PollFailure::HttpStatus)
                             << "HTTP 500";
        QTest::newRow("401") << FakeF2pool::Fault::Http401 << int(PollFailure::HttpStatus)
                             << "HTTP 401";
        QTest::newRow("5010") << FakeF2pool::Fault::ErrorCode5010 << int(PollFailure::PoolError)
                              << "5010";
        QTest::newRow("invalid") << FakeF2pool::Fault::InvalidJson << int(PollFailure::BadReply)
                                 << "cannot read";
        QTest::newRow("truncated") << FakeF2pool::Fault::TruncatedJson << int(PollFailure::Network)
                                   << "before the reply was complete";
        QTest::newRow("oversized")
            << FakeF2pool::Fault::Oversized << int(PollFailure::TooLarge) << "too large";
        QTest::newRow("refused") << FakeF2pool::Fault::Refused << int(PollFailure::Network)
                                 << "refused";
        QTest::newRow("chunked flood")
            << FakeF2pool::Fault::ChunkedFlood << int(PollFailure::TooLarge)
            << "larger than the limit of 1048576 bytes";
        QTest::newRow("chunk extensions")
            << FakeF2pool::Fault::ChunkExtensions << int(PollFailure::Timeout) << "within 1 s";
        QTest::newRow("endless header") << FakeF2pool::Fault::EndlessHeader
                                        << int(PollFailure::Timeout) << "did not answer within 1 s";
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

    // A worker list sent as fast as the connection takes it is counted while it streams and cut
    // off just past max_body, however its end is marked: the poll fails at once with the limit
    // in plain words, and neither this process nor the pool's side of the connection gets far
    // past the cap. This thread is busy for a moment right after each poll starts, as
    // rigwatchd's often is (another account's reply, the store): Qt's network thread must know
    // the read buffer's limit before the pool answers, not learn it from here later.
    void floodIsCutOffAtTheCap_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::addColumn<bool>("withLength");
        QTest::addColumn<QString>("reason");
        const QString larger =
            QStringLiteral("the pool's reply is larger than the limit of 4194304 bytes");
        QTest::newRow("chunked") << FakeF2pool::Fault::ChunkedFlood << false << larger;
        QTest::newRow("close-delimited") << FakeF2pool::Fault::Oversized << false << larger;
        QTest::newRow("Content-Length announced")
            << FakeF2pool::Fault::Oversized << true
            << QStringLiteral("the pool's reply is too large (1073741965 bytes, the limit is "
                              "4194304)");
    }
    void floodIsCutOffAtTheCap()
    {
        QFETCH(FakeF2pool::Fault, fault);
        QFETCH(bool, withLength);
        QFETCH(QString, reason);
        const qint64 cap = 4 * 1024 * 1024;
        PoolOnItsOwnThread pool(&m_clock);
        QVERIFY(pool.listening());
        pool.run([&](FakeF2pool &f) {
            f.setOversizedBytes(qint64(1) << 30);
            f.setOversizedSendsLength(withLength);
            f.setFault(fault);
        });
        AccountConfig a = account();
        a.url = pool.baseUrl();
        a.maxBodyBytes = cap;
        a.timeoutSecs = 20; // the cap must end it, not the deadline
        Poller p(a, m_nam.get(), &m_clock);
        QSignalSpy ok(&p, &Poller::polled), bad(&p, &Poller::failed);
        const qint64 peakBefore = peakRssKiB();
        for (int i = 1; i <= 3; ++i) {
            pool.run([](FakeF2pool &f) { f.resetCounters(); });
            QElapsedTimer t;
            t.start();
            p.pollNow();
            QMetaObject::invokeMethod(
                this, [] { QThread::msleep(300); }, Qt::QueuedConnection);
            QTRY_COMPARE_WITH_TIMEOUT(bad.size(), i, 25000);
            QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
            const auto f = bad.last().first().value<PollFailure>();
            QCOMPARE(int(f.kind), int(PollFailure::TooLarge));
            QCOMPARE(f.message, reason);
            QVERIFY2(pool.streamedBytes() < cap + 16 * 1024 * 1024,
                     qPrintable(QString::number(pool.streamedBytes())));
        }
        QCOMPARE(ok.size(), 0);
        if (peakBefore > 0)
            QVERIFY2(peakRssKiB() - peakBefore < 64 * 1024,
                     qPrintable(
                         QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
    }

    // Replies broken below HTTP, which Qt reads a byte at a time and never hands over: the poll
    // still ends at its deadline (measured from the start of the poll to the failure), the
    // process does not grow, and once the pool behaves again the next poll gets the farm.
    void hostileFramingEndsAtTheDeadline_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::addColumn<QStringList>("reasons"); // whether Qt passed the headers on in time
        const QString silent = QStringLiteral("f2pool did not answer within 1 s");
        const QString started = QStringLiteral(
            "f2pool began to answer but did not finish within 1 s (0 bytes received)");
        QTest::newRow("header line without end")
            << FakeF2pool::Fault::EndlessHeader << QStringList{silent};
        QTest::newRow("16 MiB chunk extension")
            << FakeF2pool::Fault::ChunkExtensions << QStringList{silent, started};
    }
    void hostileFramingEndsAtTheDeadline()
    {
        QFETCH(FakeF2pool::Fault, fault);
        QFETCH(QStringList, reasons);
        m_pool->setFault(fault);
        Poller p(account(), m_nam.get(), &m_clock); // timeout 1 s
        QSignalSpy ok(&p, &Poller::polled);
        failsAtTheDeadline(p, reasons);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_pool->streamedBytes() > 0);

        m_pool->setFault(FakeF2pool::Fault::None); // drops the hostile connection
        QElapsedTimer t;
        t.start();
        p.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 5000);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(ok.first().first().value<Snapshot>().workers.size(), 12);
    }

    // The same for framings the fake pool does not offer.
    void hostileFramingFromAnotherServer_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("piece");
        QTest::addColumn<QStringList>("reasons");
        const QString silent = QStringLiteral("f2pool did not answer within 1 s");
        const QString started = QStringLiteral(
            "f2pool began to answer but did not finish within 1 s (0 bytes received)");
        QTest::newRow("header lines without end")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
            << QByteArray("X-Padding: ").append(1000, 'a').append("\r\n") << QStringList{silent};
        QTest::newRow("status line without end")
            << QByteArray("HTTP/1.1 200 ") << QByteArray(64 * 1024, 'a') << QStringList{silent};
        QTest::newRow("chunk-size line of zeros without end")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << QByteArray(64 * 1024, '0') << QStringList{silent, started};
    }
    void hostileFramingFromAnotherServer()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, piece);
        QFETCH(QStringList, reasons);
        AccountConfig a = account(); // timeout 1 s
        {
            EndlessServer server(head, piece);
            QVERIFY(server.listen(QHostAddress::LocalHost));
            a.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
            Poller p(a, m_nam.get(), &m_clock);
            failsAtTheDeadline(p, reasons);
            if (QTest::currentTestFailed())
                return;
        } // the server stops sending
        // The network manager is free again: the fake pool's farm comes through.
        Poller good(account(), m_nam.get(), &m_clock);
        QSignalSpy ok(&good, &Poller::polled);
        good.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 5000);
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
        QVERIFY2(
            f.message.contains(QStringLiteral("began to answer but did not finish within 1 s")),
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
            const QByteArray msg =
                "invalid token: " + QByteArray(padding, 'x') + ' ' + token.toUtf8() + " rejected";
            r.respond(status, "{\"code\":5010,\"msg\":\"" + msg + "\"}",
                      {{"Content-Type", "application/json"}});
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
