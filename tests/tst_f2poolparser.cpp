// Tests for the f2pool reply parsers (v2 worker list, legacy v1), the error-body reader and the
// locale-independent date parsers they rely on.
#include "pool/f2poolparser.h"
#include "pool/httpdate.h"
#include "pool/poolprovider.h"
#include "pool/workerliststream.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTest>

#include <string_view>

using namespace rw;

class TestF2poolParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void v2_data();
    void v2();
    void v1_data();
    void v1();
    void duplicateNamesKeepLatestShare();
    void errorMessage_data();
    void errorMessage();
    void fixtures();
    void httpDate_data();
    void httpDate();
    void httpDateFields_data();
    void httpDateFields();
    void isoDate_data();
    void isoDate();
    void largeReply();
    void deepNesting_data();
    void deepNesting();

private:
    static void addColumns();
    static void check(const ParseResult &r);
};

namespace {
QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(RIGWATCH_TEST_DATA "/f2pool/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// One v2 worker object; `extra` is spliced in verbatim.
QByteArray v2Worker(const char *name, const char *rate, const char *share, const char *extra = "")
{
    return QByteArray("{\"hash_rate_info\":{\"name\":") + name + ",\"hash_rate\":" + rate +
           ",\"h1_hash_rate\":2,\"h24_hash_rate\":3,\"h24_stale_hash_rate\":0.5}," +
           "\"last_share_at\":" + share + ",\"status\":0,\"host\":\"192.0.2.1\"" + extra + "}";
}
QByteArray list(const QByteArray &items)
{
    return "{\"workers\":[" + items + "]}";
}
} // namespace

void TestF2poolParser::initTestCase()
{
    // Parsing must not depend on the user's locale (decimal comma, Chinese month names).
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
}

void TestF2poolParser::addColumns()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error"); // expected error prefix; empty = success
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<double>>("rates");
    QTest::addColumn<QList<qint64>>("shares");
    QTest::addColumn<double>("total");
}

void TestF2poolParser::check(const ParseResult &r)
{
    QFETCH(QString, error);
    QFETCH(QStringList, names);
    QFETCH(QList<double>, rates);
    QFETCH(QList<qint64>, shares);
    QFETCH(double, total);
    if (!error.isEmpty()) {
        QVERIFY2(!r.ok(), "a bad reply must not become a snapshot");
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList gotNames;
    QList<double> gotRates;
    QList<qint64> gotShares;
    for (const WorkerSample &w : r.snapshot->workers) {
        gotNames << w.name;
        gotRates << w.hashRate;
        gotShares << w.lastShareAt;
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotRates, rates);
    QCOMPARE(gotShares, shares);
    QCOMPARE(r.snapshot->totalHashRate, total);
    QCOMPARE(r.snapshot->poolTimeSecs, 0); // set by the provider from the Date header
}

void TestF2poolParser::v2_data()
{
    addColumns();
    const QString n1 = QStringLiteral("rig-01");
    QTest::newRow("real shape") << list(v2Worker("\"rig-01\"", "110543219834880.0", "1767225590"))
                                << QString() << QStringList{n1} << QList<double>{110543219834880.0}
                                << QList<qint64>{1767225590} << 110543219834880.0;
    QTest::newRow("empty list is a valid empty snapshot")
        << QByteArray("{\"workers\": []}") << QString() << QStringList() << QList<double>()
        << QList<qint64>() << 0.0;
    QTest::newRow("extra fields")
        << QByteArray("{\"currency\":\"bitcoin\",\"page\":1,\"workers\":[") +
               v2Worker("\"rig-01\"", "5", "1700000000", ",\"new_field\":{\"a\":[1,2]}") +
               "],\"more\":null}"
        << QString() << QStringList{n1} << QList<double>{5} << QList<qint64>{1700000000} << 5.0;
    QTest::newRow("nulls") << list(v2Worker("\"rig-01\"", "null", "null", ",\"host\":null"))
                           << QString() << QStringList{n1} << QList<double>{0} << QList<qint64>{0}
                           << 0.0;
    QTest::newRow("missing fields")
        << QByteArray("{\"workers\":[{\"hash_rate_info\":{\"name\":\"rig-01\"}}]}") << QString()
        << QStringList{n1} << QList<double>{0} << QList<qint64>{0} << 0.0;
    QTest::newRow("numeric strings")
        << list(v2Worker("\"rig-01\"", "\"123.4\"", "\"1700000000\"")) << QString()
        << QStringList{n1} << QList<double>{123.4} << QList<qint64>{1700000000} << 123.4;
    QTest::newRow("float share") << list(v2Worker("\"rig-01\"", "1", "1700000000.9")) << QString()
                                 << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000}
                                 << 1.0;
    QTest::newRow("share in milliseconds")
        << list(v2Worker("\"rig-01\"", "1", "1700000000123")) << QString() << QStringList{n1}
        << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("share as ISO string")
        << list(v2Worker("\"rig-01\"", "1", "\"2023-11-14T22:13:20Z\"")) << QString()
        << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("garbage numbers count as 0")
        << list(v2Worker("\"rig-01\"", "\"fast\"", "\"\"")) << QString() << QStringList{n1}
        << QList<double>{0} << QList<qint64>{0} << 0.0;
    QTest::newRow("negative rate")
        << list(v2Worker("\"rig-01\"", "-5", "-1")) << QString() << QStringList{n1}
        << QList<double>{0} << QList<qint64>{0} << 0.0;
    QTest::newRow("huge numbers") << list(v2Worker("\"rig-01\"", "1e30",
                                                   "99999999999999999999999999"))
                                  << QString() << QStringList{n1} << QList<double>{1e30}
                                  << QList<qint64>{0} << 1e30;
    QTest::newRow("non-ASCII names")
        << list(v2Worker("\"矿机-01\"", "1", "1700000000") + "," +
                v2Worker("\"Ферма №2\"", "2", "1700000001"))
        << QString() << QStringList{QStringLiteral("矿机-01"), QStringLiteral("Ферма №2")}
        << QList<double>{1, 2} << QList<qint64>{1700000000, 1700000001} << 3.0;
    QTest::newRow("numeric name") << list(v2Worker("42", "1", "1700000000")) << QString()
                                  << QStringList{QStringLiteral("42")} << QList<double>{1}
                                  << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("bad entries skipped")
        << list("7,\"x\",null,{\"hash_rate_info\":{\"hash_rate\":5}}," +
                v2Worker("\"rig-01\"", "1", "1700000000"))
        << QString() << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    const QStringList none;
    const QList<double> noRates;
    const QList<qint64> noShares;
    QTest::newRow("all entries bad")
        << list("7,{\"hash_rate_info\":{\"name\":\"\"}}")
        << QStringLiteral("reply's \"workers\" list has 2 entries and none is a usable worker")
        << none << noRates << noShares << 0.0;
    QTest::newRow("f2pool error")
        << QByteArray("{\"code\":5010,\"msg\":\"permission denied: hash_rate/worker/list\"}")
        << QStringLiteral("f2pool error 5010: permission denied: hash_rate/worker/list") << none
        << noRates << noShares << 0.0;
    QTest::newRow("error with a worker list")
        << QByteArray("{\"code\":5001,\"msg\":\"params error: currency\",\"workers\":[]}")
        << QStringLiteral("f2pool error 5001: params error: currency") << none << noRates
        << noShares << 0.0;
    QTest::newRow("code 0 is no error") << QByteArray("{\"code\":0,\"msg\":\"ok\",\"workers\":[]}")
                                        << QString() << none << noRates << noShares << 0.0;
    QTest::newRow("not JSON") << QByteArray("Service Unavailable")
                              << QStringLiteral("reply is not valid JSON: ") << none << noRates
                              << noShares << 0.0;
    QTest::newRow("truncated") << list(v2Worker("\"rig-01\"", "1", "1")).left(40)
                               << QStringLiteral("reply is not valid JSON: ") << none << noRates
                               << noShares << 0.0;
    QTest::newRow("HTML page") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                               << QStringLiteral("reply is not valid JSON: ") << none << noRates
                               << noShares << 0.0;
    QTest::newRow("empty body") << QByteArray(" \r\n") << QStringLiteral("reply is empty") << none
                                << noRates << noShares << 0.0;
    QTest::newRow("top-level array")
        << QByteArray("[{\"workers\":[]}]") << QStringLiteral("reply is a JSON array") << none
        << noRates << noShares << 0.0;
    QTest::newRow("no workers") << QByteArray("{\"info\":{}}")
                                << QStringLiteral("reply has no \"workers\" list") << none
                                << noRates << noShares << 0.0;
    QTest::newRow("workers null") << QByteArray("{\"workers\":null}")
                                  << QStringLiteral("reply's \"workers\" is not a list") << none
                                  << noRates << noShares << 0.0;
    QTest::newRow("workers object") << QByteArray("{\"workers\":{\"rig-01\":{}}}")
                                    << QStringLiteral("reply's \"workers\" is not a list") << none
                                    << noRates << noShares << 0.0;
}

void TestF2poolParser::v2()
{
    QFETCH(QByteArray, body);
    check(parseF2poolV2WorkerList(body));
}

void TestF2poolParser::v1_data()
{
    addColumns();
    const QString n1 = QStringLiteral("rig-01");
    const QStringList none;
    const QList<double> noRates;
    const QList<qint64> noShares;
    QTest::newRow("real shape, pool total")
        << QByteArray("{\"hashrate\":250,\"worker_length\":2,\"workers\":["
                      "[\"rig-01\",100,90,0,8640000,86400,\"2023-11-14T22:13:20.810789Z\",false],"
                      "[\"矿机-02\",50,40,0,0,0,\"2023-11-14T22:13:21.000001Z\",false]]}")
        << QString() << QStringList{n1, QStringLiteral("矿机-02")} << QList<double>{100, 50}
        << QList<qint64>{1700000000, 1700000001} << 250.0;
    QTest::newRow("no pool total: sum")
        << QByteArray("{\"workers\":[[\"rig-01\",100],[\"rig-02\",\"50.5\"]]}") << QString()
        << QStringList{n1, QStringLiteral("rig-02")} << QList<double>{100, 50.5}
        << QList<qint64>{0, 0} << 150.5;
    QTest::newRow("null total: sum")
        << QByteArray("{\"hashrate\":null,\"workers\":[[\"rig-01\",7]]}") << QString()
        << QStringList{n1} << QList<double>{7} << QList<qint64>{0} << 7.0;
    QTest::newRow("string total") << QByteArray("{\"hashrate\":\"9\",\"workers\":[[\"rig-01\",7]]}")
                                  << QString() << QStringList{n1} << QList<double>{7}
                                  << QList<qint64>{0} << 9.0;
    QTest::newRow("time without fraction")
        << QByteArray("{\"workers\":[[\"rig-01\",1,1,0,0,0,\"2023-11-14T22:13:20Z\"]]}")
        << QString() << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("time with offset")
        << QByteArray("{\"workers\":[[\"rig-01\",1,1,0,0,0,\"2023-11-15T06:13:20+08:00\"]]}")
        << QString() << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("time null, empty, garbage")
        << QByteArray("{\"workers\":[[\"a\",1,1,0,0,0,null],[\"b\",1,1,0,0,0,\"\"],"
                      "[\"c\",1,1,0,0,0,\"yesterday\"]]}")
        << QString() << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
        << QList<double>{1, 1, 1} << QList<qint64>{0, 0, 0} << 3.0;
    QTest::newRow("time as unix number")
        << QByteArray("{\"workers\":[[\"rig-01\",1,1,0,0,0,1700000000]]}") << QString()
        << QStringList{n1} << QList<double>{1} << QList<qint64>{1700000000} << 1.0;
    QTest::newRow("empty list") << QByteArray("{\"hashrate\":0,\"workers\":[]}") << QString()
                                << none << noRates << noShares << 0.0;
    QTest::newRow("bad rows skipped")
        << QByteArray("{\"workers\":[{\"name\":\"x\"},[],[null,5],[\"rig-01\",3]]}") << QString()
        << QStringList{n1} << QList<double>{3} << QList<qint64>{0} << 3.0;
    QTest::newRow("all rows bad")
        << QByteArray("{\"workers\":[{\"name\":\"x\"},[]]}")
        << QStringLiteral("reply's \"workers\" list has 2 entries and none is a usable worker")
        << none << noRates << noShares << 0.0;
    QTest::newRow("error body") << QByteArray("{\"code\":\"403\",\"message\":\"forbidden\"}")
                                << QStringLiteral("f2pool error 403: forbidden") << none << noRates
                                << noShares << 0.0;
    QTest::newRow("no workers, pool says why")
        << QByteArray("{\"error\":\"user not found\"}")
        << QStringLiteral("reply has no \"workers\" list (pool says: user not found)") << none
        << noRates << noShares << 0.0;
    QTest::newRow("truncated") << QByteArray("{\"workers\":[[\"rig-01\",1")
                               << QStringLiteral("reply is not valid JSON: ") << none << noRates
                               << noShares << 0.0;
}

void TestF2poolParser::v1()
{
    QFETCH(QByteArray, body);
    check(parseF2poolV1(body));
}

void TestF2poolParser::duplicateNamesKeepLatestShare()
{
    const QByteArray body = list(v2Worker("\"rig-01\"", "1", "1700000100") + "," +
                                 v2Worker("\"rig-02\"", "5", "1700000000") + "," +
                                 v2Worker("\"rig-01\"", "2", "1700000200") + "," +
                                 v2Worker("\"rig-01\"", "3", "1700000150"));
    const ParseResult r = parseF2poolV2WorkerList(body);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.snapshot->workers.size(), 2);
    QCOMPARE(r.snapshot->workers[0].name, QStringLiteral("rig-01"));
    QCOMPARE(r.snapshot->workers[0].lastShareAt, 1700000200);
    QCOMPARE(r.snapshot->workers[0].hashRate, 2.0);
    QCOMPARE(r.snapshot->totalHashRate, 7.0); // 2 + 5: the dropped duplicates do not count

    // Equal shares: the first entry stays; the order of the others is kept.
    const QByteArray tie = list(
        v2Worker("\"a\"", "1", "1700000100") + "," + v2Worker("\"b\"", "2", "1700000100") + "," +
        v2Worker("\"a\"", "9", "1700000100") + "," + v2Worker("\"c\"", "3", "1700000100"));
    const ParseResult t = parseF2poolV2WorkerList(tie);
    QVERIFY2(t.ok(), qPrintable(t.error));
    QCOMPARE(t.snapshot->workers.size(), 3);
    QCOMPARE(t.snapshot->workers[0].hashRate, 1.0);
    QCOMPARE(t.snapshot->workers[1].name, QStringLiteral("b"));
    QCOMPARE(t.snapshot->workers[2].name, QStringLiteral("c"));
}

void TestF2poolParser::errorMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("5010") << fixture("error_5010.json")
                          << QStringLiteral("f2pool error 5010: permission denied: this token "
                                            "cannot access hash_rate/worker/list");
    QTest::newRow("no msg") << QByteArray("{\"code\":5001}")
                            << QStringLiteral("f2pool error 5001 (no message)");
    QTest::newRow("multi-line msg") << QByteArray("{\"code\":5001,\"msg\":\"params error:\\n  x\"}")
                                    << QStringLiteral("f2pool error 5001: params error: x");
    QTest::newRow("success body") << fixture("v2_worker_list.json") << QString();
    QTest::newRow("code 0") << QByteArray("{\"code\":0,\"msg\":\"ok\"}") << QString();
    QTest::newRow("code null") << QByteArray("{\"code\":null,\"msg\":\"ok\"}") << QString();
    QTest::newRow("not JSON") << QByteArray("{\"code\": 5010, oops") << QString();
    QTest::newRow("array") << QByteArray("[{\"code\":5010}]") << QString();
}

void TestF2poolParser::errorMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(f2poolErrorMessage(body), message);
}

void TestF2poolParser::fixtures()
{
    const ParseResult v2 = parseF2poolV2WorkerList(fixture("v2_worker_list.json"));
    QVERIFY2(v2.ok(), qPrintable(v2.error));
    QCOMPARE(v2.snapshot->workers.size(), 4);
    const WorkerSample &w = v2.snapshot->workers[0];
    QCOMPARE(w.name, QStringLiteral("rig-01"));
    QCOMPARE(w.hashRate, 110543219834880.0);
    QCOMPARE(w.hashRate1h, 109871237120000.0);
    QCOMPARE(w.hashRate24h, 108123456789000.0);
    QCOMPARE(w.staleRate24h, 217345678900.0);
    QCOMPARE(w.lastShareAt, 1767225590);
    QCOMPARE(w.host, QStringLiteral("203.0.113.10"));
    QCOMPARE(v2.snapshot->workers[2].name, QStringLiteral("矿机-03"));
    QCOMPARE(v2.snapshot->totalHashRate, 110543219834880.0 + 95012345678901.0);

    const ParseResult v1 = parseF2poolV1(fixture("v1_user.json"));
    QVERIFY2(v1.ok(), qPrintable(v1.error));
    QCOMPARE(v1.snapshot->workers.size(), 3);
    const WorkerSample &l = v1.snapshot->workers[0];
    QCOMPARE(l.hashRate, 110543219834880.0);
    QCOMPARE(l.hashRate1h, 109871237120000.0);
    QCOMPARE(l.hashRate24h, 9341866667712000000.0 / 86400);
    QCOMPARE(l.staleRate24h, 18777668736000000.0 / 86400);
    QCOMPARE(l.lastShareAt, 1767225590); // 2025-12-31T23:59:50.810789Z
    QCOMPARE(v1.snapshot->totalHashRate, 205555564513781.0);

    const ParseResult e = parseF2poolV2WorkerList(fixture("error_5010.json"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error.startsWith(QStringLiteral("f2pool error 5010: permission denied")),
             qPrintable(e.error));
}

void TestF2poolParser::httpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    const qint64 t = 784111777; // 1994-11-06 08:49:37 UTC
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
    QTest::newRow("lower case, UTC") << QByteArray("sun, 06 nov 1994 08:49:37 utc") << t;
    QTest::newRow("numeric zone") << QByteArray("Sun, 06 Nov 1994 16:49:37 +0800") << t;
    QTest::newRow("no weekday") << QByteArray("06 Nov 1994 08:49:37 GMT") << t;
    QTest::newRow("2026") << QByteArray("Thu, 01 Jan 2026 00:00:00 GMT") << qint64(1767225600);
    QTest::newRow("leap day") << QByteArray("Thu, 29 Feb 2024 12:00:00 GMT") << qint64(1709208000);
    QTest::newRow("RFC 850 after 2000")
        << QByteArray("Friday, 01-Jan-21 00:00:00 GMT") << qint64(1609459200);
    QTest::newRow("empty") << QByteArray() << qint64(0);
    QTest::newRow("garbage") << QByteArray("yesterday") << qint64(0);
    QTest::newRow("bad day") << QByteArray("Fri, 30 Feb 2024 12:00:00 GMT") << qint64(0);
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << qint64(0);
    QTest::newRow("bad time") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << qint64(0);
    QTest::newRow("no time") << QByteArray("Sun, 06 Nov 1994 GMT") << qint64(0);
    QTest::newRow("unknown zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 CST") << qint64(0);
    QTest::newRow("trailing junk") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT x") << qint64(0);
    QTest::newRow("Chinese locale text")
        << QByteArray("周日, 06 11月 1994 08:49:37 GMT") << qint64(0);
    QTest::newRow("before 1970") << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT") << qint64(0);
}

void TestF2poolParser::httpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    QCOMPARE(parseHttpDate(value), expected);
}

void TestF2poolParser::httpDateFields_data()
{
    QTest::addColumn<QList<QByteArray>>("fields");
    QTest::addColumn<qint64>("expected");
    const QByteArray local("Thu, 01 Jan 2026 02:00:00 GMT"), pool("Thu, 01 Jan 2026 00:00:00 GMT");
    const qint64 poolTime = 1767225600;
    QTest::newRow("one") << QList<QByteArray>{pool} << poolTime;
    QTest::newRow("none") << QList<QByteArray>{} << qint64(0);
    QTest::newRow("two fields: the last") << QList<QByteArray>{local, pool} << poolTime;
    QTest::newRow("joined: the last") << QList<QByteArray>{local + ", " + pool} << poolTime;
    QTest::newRow("joined RFC 850")
        << QList<QByteArray>{local + ", Thursday, 01-Jan-26 00:00:00 GMT"} << poolTime;
    QTest::newRow("joined asctime")
        << QList<QByteArray>{local + ", Thu Jan  1 00:00:00 2026"} << poolTime;
    QTest::newRow("last is garbage: the one before")
        << QList<QByteArray>{pool, QByteArray("soon")} << poolTime;
    QTest::newRow("all garbage") << QList<QByteArray>{QByteArray("a, b"), QByteArray(",")}
                                 << qint64(0);
}

void TestF2poolParser::httpDateFields()
{
    QFETCH(QList<QByteArray>, fields);
    QFETCH(qint64, expected);
    QCOMPARE(parseHttpDateFields(fields), expected);
}

void TestF2poolParser::isoDate_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected");
    const qint64 t = 1529402539; // 2018-06-19T10:02:19Z
    QTest::newRow("microseconds Z") << QStringLiteral("2018-06-19T10:02:19.810789Z") << t;
    QTest::newRow("no fraction") << QStringLiteral("2018-06-19T10:02:19Z") << t;
    QTest::newRow("no zone = UTC") << QStringLiteral("2018-06-19T10:02:19") << t;
    QTest::newRow("+08:00") << QStringLiteral("2018-06-19T18:02:19.5+08:00") << t;
    QTest::newRow("-0130") << QStringLiteral("2018-06-19T08:32:19-0130") << t;
    QTest::newRow("space, lower z") << QStringLiteral(" 2018-06-19 10:02:19z ") << t;
    QTest::newRow("minutes only") << QStringLiteral("2018-06-19T10:02Z") << t - 19;
    QTest::newRow("date only") << QStringLiteral("2018-06-19") << qint64(1529366400);
    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("garbage") << QStringLiteral("2018-06-19Tnoon") << qint64(0);
    QTest::newRow("bad month") << QStringLiteral("2018-13-19T10:02:19Z") << qint64(0);
    QTest::newRow("trailing junk") << QStringLiteral("2018-06-19T10:02:19Zjunk") << qint64(0);
    QTest::newRow("dot without digits") << QStringLiteral("2018-06-19T10:02:19.Z") << qint64(0);
    QTest::newRow("tabs and vertical tab") << QStringLiteral("\t2018-06-19T10:02:19Z\v\r\n") << t;
    QTest::newRow("only spaces") << QStringLiteral(" \t ") << qint64(0);
    QTest::newRow("cut short") << QStringLiteral("2018-06-19T10:0") << qint64(0);
}

void TestF2poolParser::isoDate()
{
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    QCOMPARE(parseIsoDateTime(value), expected);
    // From ASCII bytes, as the v1 entry scanner reads them: the same.
    const QByteArray ascii = value.toLatin1();
    QCOMPARE(parseIsoDateTime(std::string_view(ascii.constData(), size_t(ascii.size()))), expected);
}

void TestF2poolParser::largeReply()
{
    // 100k workers, ~25 MB like the biggest farms; the parse must stay well under a poll.
    constexpr int n = 100'000;
    QByteArray body = "{\"workers\":[";
    body.reserve(n * 260);
    for (int i = 0; i < n; ++i) {
        if (i)
            body += ',';
        const QByteArray name = "\"worker-" + QByteArray::number(i) + "\"";
        body += v2Worker(name.constData(), QByteArray::number(1e12 + i, 'f', 0).constData(),
                         QByteArray::number(1700000000 + i).constData(),
                         ",\"h1_stale_hash_rate\":0,\"h24_delay_hash_rate\":0,"
                         "\"local_hash_rate\":0,\"h24_local_hash_rate\":0,\"pad\":\""
                         "...............................................................\"");
    }
    body += "]}";
    QElapsedTimer timer;
    timer.start();
    const ParseResult r = parseF2poolV2WorkerList(body);
    const qint64 ms = timer.elapsed();
    qInfo("parsed %d workers (%lld bytes) in %lld ms", n, static_cast<long long>(body.size()), ms);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.snapshot->workers.size(), n);
    QCOMPARE(r.snapshot->workers.last().name, QStringLiteral("worker-99999"));
    QCOMPARE(r.snapshot->workers.last().lastShareAt, 1700000000 + n - 1);
    QCOMPARE(r.snapshot->totalHashRate, 1e12 * n + (double(n) * (n - 1)) / 2);
}

void TestF2poolParser::deepNesting_data()
{
    // A small reply nested tens of thousands of levels deep once crashed every parse path (a
    // recursive walk overflowed the stack). Each must fail the poll with a reason instead.
    const int levels = 60000;
    const QByteArray deep = QByteArray(levels, '[') + QByteArray(levels, ']');
    QTest::addColumn<bool>("v1");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("v2, beside the list") << false << "{\"x\":" + deep + ",\"workers\":[]}";
    QTest::newRow("v2, in a worker") << false
                                     << list(v2Worker("\"rig-1\"", "1", "1700000000",
                                                      QByteArray(",\"pad\":" + deep).constData()));
    QTest::newRow("v2, in the list") << false << "{\"workers\":[" + deep + "]}";
    QTest::newRow("v1, beside the list") << true << "{\"x\":" + deep + ",\"workers\":[]}";
    QTest::newRow("v1, in a worker")
        << true
        << "{\"workers\":[[\"rig-1\",1,1,0,86400,0,\"2024-01-01T00:00:00Z\"," + deep + "]]}";
}

void TestF2poolParser::deepNesting()
{
    QFETCH(bool, v1);
    QFETCH(QByteArray, body);
    const ParseResult whole = v1 ? parseF2poolV1(body) : parseF2poolV2WorkerList(body);
    QVERIFY(!whole.ok());
    QVERIFY2(whole.error.contains(QLatin1String("nested")), qPrintable(whole.error));

    // The streaming reader, fed in pieces as the poller does, gives the same answer.
    WorkerListStream stream(poolFormat(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2), 4096);
    for (qsizetype at = 0; at < body.size(); at += 1000)
        stream.append(body.mid(at, 1000));
    const WorkerListStream::Result streamed = stream.finish();
    QVERIFY(!streamed.parsed.ok());
    QCOMPARE(streamed.parsed.error, whole.error);
    QVERIFY(f2poolErrorMessage(body).isEmpty());
}

QTEST_GUILESS_MAIN(TestF2poolParser)
#include "tst_f2poolparser.moc"
