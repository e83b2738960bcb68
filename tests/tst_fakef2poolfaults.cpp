// The fake f2pool's faults: each one behaves as named (hang does not answer, drip is slow,
// truncated is shorter than its Content-Length, refused refuses...), and concurrent requests
// are counted so "polls never overlap" can be tested against it.
#include "clock.h"
#include "fakef2pool.h"
#include "simhttp.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using simtest::HttpResult;
using simtest::PoolClient;

Q_DECLARE_METATYPE(rw::sim::FakeF2pool::Fault)

namespace {
const QString kUser = QStringLiteral("farm1");
const QString kSecret = QStringLiteral("s3cret-token");
} // namespace

class TestFakeF2poolFaults : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<PoolClient> m_client;

    // The worker-list request as the product sends it, byte for byte.
    QByteArray workersRequest() const
    {
        const QByteArray body =
            "{\"mining_user_name\":\"" + kUser.toUtf8() + "\",\"currency\":\"bitcoin\"}";
        return "POST /v2/hash_rate/worker/list HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: application/json\r\nF2P-API-SECRET: " +
               kSecret.toUtf8() +
               "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    }

    // What the pool sends for `request` until it closes the connection (at most 10 s). The
    // pool runs on this thread, so the wait spins the event loop.
    QByteArray rawExchange(const QByteArray &request) const
    {
        QTcpSocket s;
        QByteArray got;
        connect(&s, &QTcpSocket::readyRead, &s, [&] { got += s.readAll(); });
        s.connectToHost(QHostAddress::LocalHost, m_pool->port());
        s.write(request);
        if (!QTest::qWaitFor([&] { return s.state() == QAbstractSocket::UnconnectedState; }, 10000))
            return {};
        return got + s.readAll();
    }

private slots:
    void init()
    {
        m_clock.setMs(1'767'225'600'000);
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

    void faultsAnswerAsNamed_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code"); // f2pool error code in the body, 0 = none
        QTest::newRow("http500") << FakeF2pool::Fault::Http500 << 500 << 0;
        QTest::newRow("http401") << FakeF2pool::Fault::Http401 << 401 << 5010;
        QTest::newRow("error5010") << FakeF2pool::Fault::ErrorCode5010 << 200 << 5010;
    }

    void faultsAnswerAsNamed()
    {
        QFETCH(FakeF2pool::Fault, fault);
        QFETCH(int, status);
        QFETCH(int, code);
        m_pool->setFault(fault);
        const HttpResult r = m_client->workers(); // with the right secret
        QCOMPARE(r.status, status);
        if (code)
            QCOMPARE(r.json().value(QLatin1String("code")).toInt(), code);
        QCOMPARE(m_client->get(QStringLiteral("/bitcoin/farm1")).status, status);
        m_pool->setFault(FakeF2pool::Fault::None);
        QCOMPARE(m_client->workers().status, 200);
    }

    void invalidJson()
    {
        m_pool->setFault(FakeF2pool::Fault::InvalidJson);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QJsonParseError e{};
        QJsonDocument::fromJson(r.body, &e);
        QVERIFY(e.error != QJsonParseError::NoError);
    }

    void truncatedIsShorterThanContentLength()
    {
        m_pool->setFault(FakeF2pool::Fault::TruncatedJson);
        const HttpResult r = m_client->workers();
        QVERIFY(r.finished);
        const qint64 declared = r.header("Content-Length").toLongLong();
        QVERIFY(declared > 0);
        QVERIFY2(r.body.size() < declared || r.error != QNetworkReply::NoError,
                 qPrintable(QStringLiteral("%1 of %2 bytes").arg(r.body.size()).arg(declared)));
        QVERIFY(r.error != QNetworkReply::NoError);
    }

    void hangNeverAnswers()
    {
        m_pool->setFault(FakeF2pool::Fault::Hang);
        QNetworkReply *reply = m_client->startV2(QStringLiteral("/v2/hash_rate/worker/list"), {});
        QTest::qWait(700);
        QVERIFY(!reply->isFinished());
        QCOMPARE(m_pool->activeRequests(), 1);
        reply->abort(); // the client gives up; the server notices
        reply->deleteLater();
        QTRY_COMPARE(m_pool->activeRequests(), 0);
    }

    void dripIsSlow()
    {
        m_pool->setFault(FakeF2pool::Fault::Drip); // one body byte per second
        QNetworkReply *reply =
            m_client->startV2(QStringLiteral("/v2/hash_rate/worker/list"),
                              {{QStringLiteral("mining_user_name"), kUser},
                               {QStringLiteral("currency"), QStringLiteral("bitcoin")}});
        QTRY_COMPARE_WITH_TIMEOUT(
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200, 2000);
        QTest::qWait(1500);
        QVERIFY(!reply->isFinished());
        QVERIFY2(reply->bytesAvailable() <= 3,
                 qPrintable(QString::number(reply->bytesAvailable())));
        QVERIFY(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > 100);
        reply->abort();
        reply->deleteLater();
    }

    void dripEventuallyDeliversTheReply()
    {
        m_pool->setFault(FakeF2pool::Fault::Drip);
        m_pool->setDripIntervalMs(1);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("workers")).toArray().size(), 3);
    }

    void oversized_data()
    {
        QTest::addColumn<bool>("withLength");
        QTest::newRow("content-length") << true;
        QTest::newRow("close-delimited") << false;
    }

    void oversized()
    {
        QFETCH(bool, withLength);
        const qint64 cap = 3 * 1024 * 1024;
        m_pool->setOversizedBytes(cap);
        m_pool->setOversizedSendsLength(withLength);
        m_pool->setFault(FakeF2pool::Fault::Oversized);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QVERIFY(r.body.size() >= cap);
        QVERIFY(r.body.size() < cap + 2048);
        if (withLength)
            QCOMPARE(r.header("Content-Length").toLongLong(), qint64(r.body.size()));
        else
            QVERIFY(r.header("Content-Length").isEmpty());
        const QJsonArray list =
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("workers")).toArray();
        QVERIFY(list.size() > 5000);
    }

    // Like oversized, with Transfer-Encoding: chunked: no length to refuse up front.
    void chunkedFlood()
    {
        const qint64 cap = 3 * 1024 * 1024;
        m_pool->setOversizedBytes(cap);
        m_pool->setFault(FakeF2pool::Fault::ChunkedFlood);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.header("Transfer-Encoding"), QByteArray("chunked"));
        QVERIFY(r.header("Content-Length").isEmpty());
        QVERIFY(r.body.size() >= cap);
        QVERIFY(r.body.size() < cap + 2048);
        QVERIFY(m_pool->streamedBytes() > r.body.size()); // the chunks' framing besides
        const QJsonArray list =
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("workers")).toArray();
        QVERIFY(list.size() > 5000);
    }

    // The real reply, chunked, every chunk-size line carrying an extension of the set length
    // (which HTTP clients skip).
    void chunkExtensions()
    {
        m_pool->setChunkExtensionBytes(100 * 1024);
        m_pool->setFault(FakeF2pool::Fault::ChunkExtensions);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Transfer-Encoding"), QByteArray("chunked"));
        QCOMPARE(r.json().value(QLatin1String("workers")).toArray().size(), 3);

        const QByteArray raw = rawExchange(workersRequest());
        const qsizetype at = raw.indexOf(";x=");
        QVERIFY2(at > 0, raw.left(400).constData());
        QCOMPARE(raw.mid(at + 3, 100 * 1024), QByteArray(100 * 1024, 'a'));
        QCOMPARE(raw.mid(at + 3 + 100 * 1024, 3), QByteArray("\r\n{"));
        QVERIFY(raw.endsWith("\r\n0\r\n\r\n"));
    }

    // A status line, then a header line that never ends, until the fault is lifted.
    void endlessHeader()
    {
        m_pool->setFault(FakeF2pool::Fault::EndlessHeader);
        QTcpSocket s;
        QByteArray got;
        connect(&s, &QTcpSocket::readyRead, &s, [&] { got += s.readAll(); });
        s.connectToHost(QHostAddress::LocalHost, m_pool->port());
        s.write(workersRequest());
        QTRY_VERIFY2_WITH_TIMEOUT(got.size() >= 1024 * 1024,
                                  qPrintable(QString::number(got.size())), 5000);
        QVERIFY(
            got.startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: aaa"));
        QCOMPARE(got.count("\r\n"), 2);
        m_pool->setFault(FakeF2pool::Fault::None); // drops the connection
        QTRY_COMPARE(s.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_client->workers().status, 200);
    }

    void refusedAndRestored()
    {
        QCOMPARE(m_client->workers().status, 200); // leaves a keep-alive connection behind
        m_pool->setFault(FakeF2pool::Fault::Refused);
        const HttpResult r = m_client->workers();
        QCOMPARE(r.error, QNetworkReply::ConnectionRefusedError);
        m_pool->setFault(FakeF2pool::Fault::None);
        QCOMPARE(m_client->workers().status, 200);
    }

    void concurrentRequestsAreCounted()
    {
        m_pool->setFault(FakeF2pool::Fault::Hang);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 3; ++i)
            replies << m_client->startV2(QStringLiteral("/v2/hash_rate/worker/list"), {});
        QTRY_COMPARE(m_pool->maxConcurrentRequests(), 3);
        for (QNetworkReply *r : replies) {
            r->abort();
            r->deleteLater();
        }
        QTRY_COMPARE(m_pool->activeRequests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFakeF2poolFaults)
#include "tst_fakef2poolfaults.moc"
