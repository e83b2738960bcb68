// The fast paths of the f2pool parsers (src/core/pool/fast/: simdjson On-Demand, the v1 entry
// scanner, the code-key search) against the reference (DOM) parsers they stand in for: whatever
// reply a fast path takes on, its snapshot must be the reference's to the bit, and any reply the
// reference rejects it must leave alone. The DOM parsers' own behaviour is tested in
// tst_f2poolparser; replies of every shape come from the fixtures, the fuzz seeds and here.
#include "fakef2pool.h"
#include "fixturefiles.h"
#include "fuzz/fuzzchecks.h"
#include "pool/f2poolparser.h"
#include "pool/fast/codekeysearch.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/fast/v1entryscanner.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"

#include <QDir>
#include <QTest>

#include <string_view>

using namespace rw;

namespace {

constexpr qint64 kNow = 1767225600; // 2026-01-01T00:00:00Z

enum class Api
{
    V1,
    V2
};

std::optional<ParseResult> fast(Api api, const QByteArray &body)
{
    return api == Api::V1 ? fastParseF2poolV1(body) : fastParseF2poolV2WorkerList(body);
}

ParseResult dom(Api api, const QByteArray &body)
{
    return api == Api::V1 ? parseF2poolV1Reference(body) : parseF2poolV2WorkerListReference(body);
}

QByteArray v2Entry(const char *name, const char *extra = "")
{
    return QByteArray("{\"hash_rate_info\":{\"name\":") + name +
           ",\"hash_rate\":1.5e14,\"h1_hash_rate\":1.4e14,\"h24_hash_rate\":1.3e14,"
           "\"h24_stale_hash_rate\":2e11,\"local_hash_rate\":0},\"last_share_at\":1767225590,"
           "\"status\":0,\"host\":\"203.0.113.10\"" +
           extra + "}";
}

// v1 entries with last shares of every form, valid or not: the entry scanner remembers the day
// of the entry before and reads the time of day alone when it is the same.
QByteArray v1ShareTimeRows()
{
    QByteArray rows;
    int i = 0;
    for (const char *t :
         {"2025-12-31T23:59:50.810789Z", "2025-12-31T00:00:00Z", "2025-12-31T23:59:60Z",
          "2025-12-31T24:00:00Z", "2025-12-31T23:60:00Z", "2025-12-31T23:59:50.Z",
          "2025-12-31T23:59:50.5z", "2025-12-31t23:59:50Z", "2025-12-31T23:59:50",
          "2025-12-31T23:59:5xZ", "2025-12-31T23:59:50.1x2Z", "2025-12-31T23:59:50+08:00",
          "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2025-02-29T12:00:01Z",
          "1970-01-01T00:00:01Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
          "9999-12-31T23:59:59Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z",
          "2026-01-01T00:00:00.000000Z", "2025-12-31T23:59:50.810789Z", "20251231T235950Z",
          "2025-12-31 23:59:50Z", "2025-12-31T23:59Z", "2025-12-31T23:59:50.810789ZZ",
          "2026-01-01T00:00:00.1234567890123Z",
          // f2pool's own form on a day seen in the entry before (read in place)
          "2025-12-31T23:59:50.810789Z", "2025-12-31T24:00:00.000000Z",
          "2025-12-31T23:60:00.000000Z", "2025-12-31T23:59:60.000000Z",
          "2025-12-31T23:59:5x.000000Z", "2025-12-31T23:59:50.00000xZ",
          "2025-12-31T23:59:50,000000Z", "2025-12-31t23:59:50.000000Z",
          "2025-12-31T23:59:50.000000z", "2025-12-31T23:59:50.000000Zx",
          "2025-12-31T23:59:50.0000000", "2025-12-31 23:59:50.000000Z",
          "2025-12-31T23:59:50.810789Z", "2025-12-31T00:00:00.000000Z"}) {
        if (i > 0)
            rows += ',';
        rows += "[\"t" + QByteArray::number(i) + "\",1,1,0,1,1,\"" + t + "\"]";
        ++i;
    }
    return rows;
}

} // namespace

class TestFastParser : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithDom_data();
    void agreesWithDom();
    void takesTheDocumentedReplies_data();
    void takesTheDocumentedReplies();
    void v1ScannerTakesWhatPoolsSend_data();
    void v1ScannerTakesWhatPoolsSend();
    void recycledArrayIsFilledAgain();
    void paddingIsNeverReadPastTheAllocation();
    void equalHostsShareOneString();
    void previousPollsStringsAreShared_data();
    void previousPollsStringsAreShared();
    void previousPollIsOnlyAHint_data();
    void previousPollIsOnlyAHint();
    void codeKeyIsFoundWhereverItStands();
};

void TestFastParser::agreesWithDom_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("body");

    // Every fixture and fuzz seed, through both parsers.
    const QStringList dirs = {QStringLiteral(RIGWATCH_TEST_DATA "/f2pool"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/v2parser"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/v1parser"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/fuzz/v2parser")};
    for (const auto &[name, body] : test::fixtureFiles(dirs)) {
        QTest::newRow(qPrintable(name + QStringLiteral(" v1"))) << Api::V1 << body;
        QTest::newRow(qPrintable(name + QStringLiteral(" v2"))) << Api::V2 << body;
    }

    // Shapes the fast path must either get exactly right or hand to the DOM parser.
    const QByteArray a = v2Entry("\"rig-a\""), b = v2Entry("\"rig-b\"");
    const auto v2 = [](const QByteArray &workers, const QByteArray &rest = {}) -> QByteArray {
        return "{\"workers\":[" + workers + "]" + rest + "}";
    };
    QTest::newRow("v2 plain") << Api::V2 << v2(a + ',' + b);
    // More than 19 mantissa digits (read by std::from_chars, not simdjson): correctly rounded,
    // as Qt reads them, wherever they stand; the malformed ones are still refused.
    for (const char *n :
         {"8640000000000000000.0", "0.92233720368547758070", "-0.00000000000000000000001",
          "12345678901234567890123", "1.00000000000000000000000001e5",
          "9007199254740993.000000000001", "0.00000000000000000000000000e99999",
          "1234567890123456789012e-400", "1234567890123456789012e400", "01234567890123456789012",
          "1234567890123456789012.", "12345678901234567890e", "-.12345678901234567890",
          "1234567890123456789012x"}) {
        const QByteArray num(n);
        QTest::newRow(qPrintable(QStringLiteral("v2 long number %1 used").arg(QLatin1String(n))))
            << Api::V2 << v2("{\"hash_rate_info\":{\"name\":\"n\",\"hash_rate\":" + num + "}}");
        QTest::newRow(qPrintable(QStringLiteral("v2 long number %1 ignored").arg(QLatin1String(n))))
            << Api::V2
            << v2("{\"hash_rate_info\":{\"name\":\"n\",\"local_hash_rate\":" + num + "}}");
        QTest::newRow(qPrintable(QStringLiteral("v1 long number %1").arg(QLatin1String(n))))
            << Api::V1
            << QByteArray("{\"workers\":[[\"w\",1,2,0," + num +
                          ",0,\"2026-01-01T00:00:00.000000Z\"]]}");
    }
    QTest::newRow("v2 code 0") << Api::V2 << v2(a, ",\"code\":0");
    QTest::newRow("v2 code 5010 with workers") << Api::V2 << v2(a, ",\"code\":5010,\"msg\":\"no\"");
    QTest::newRow("v2 trailing garbage") << Api::V2 << v2(a) + "x";
    QTest::newRow("v2 trailing object") << Api::V2 << v2(a) + "{}";
    QTest::newRow("v2 truncated") << Api::V2 << v2(a + ',' + b).chopped(3);
    QTest::newRow("v2 escaped key") << Api::V2 << QByteArray("{\"work\\u0065rs\":[" + a + "]}");
    QTest::newRow("v2 escaped inner key")
        << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"ho\\u0073t\":\"10.0.0.9\""));
    QTest::newRow("v2 workers twice") << Api::V2 << v2(a, ",\"workers\":[]");
    QTest::newRow("v2 host twice") << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"host\":\"x\""));
    QTest::newRow("v2 host null") << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"host\":null"));
    QTest::newRow("v2 escaped name") << Api::V2 << v2(v2Entry("\"\\u77ff\\u673a-\\\"7\\\"\""));
    QTest::newRow("v2 numeric name") << Api::V2 << v2(v2Entry("42"));
    QTest::newRow("v2 empty name") << Api::V2 << v2(v2Entry("\"\"") + ',' + b);
    QTest::newRow("v2 duplicate names") << Api::V2 << v2(a + ',' + b + ',' + a);
    QTest::newRow("v2 string rate")
        << Api::V2 << v2("{\"hash_rate_info\":{\"name\":\"s\",\"hash_rate\":\"12.5\"}}");
    QTest::newRow("v2 negative and huge")
        << Api::V2
        << v2("{\"hash_rate_info\":{\"name\":\"n\",\"hash_rate\":-5,"
              "\"h1_hash_rate\":1e308,\"h24_hash_rate\":1e999},\"last_share_at\":-1}");
    QTest::newRow("v2 long fraction rate (simdjson 3.0.1 misreads it)")
        << Api::V2
        << v2("{\"hash_rate_info\":{\"name\":\"z\",\"hash_rate\":0.99999999999999999999}}");
    QTest::newRow("v2 underflowing rate")
        << Api::V2 << v2("{\"hash_rate_info\":{\"name\":\"u\",\"hash_rate\":1e-400}}");
    QTest::newRow("v2 share in ms")
        << Api::V2 << v2("{\"hash_rate_info\":{\"name\":\"m\"},\"last_share_at\":1767225590123}");
    QTest::newRow("v2 flattened")
        << Api::V2 << v2("{\"name\":\"flat\",\"hash_rate\":5,\"last_share_at\":1767225590}");
    QTest::newRow("v2 info without name")
        << Api::V2 << v2("{\"hash_rate_info\":{\"hash_rate\":5},\"name\":\"outer\"}");
    QTest::newRow("v2 entry not an object") << Api::V2 << v2(a + ",7");
    QTest::newRow("v2 empty list") << Api::V2 << v2({});
    QTest::newRow("v2 invalid number in ignored field")
        << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"status\":0.0.0"));
    for (const char *number : {"0",
                               "-0",
                               "0.0",
                               "12.50",
                               "1e5",
                               "1E+400",
                               "-",
                               "01",
                               "1.",
                               ".5",
                               "0x1",
                               "-1e-400",
                               "12345678901234567890",
                               "1.5e308",
                               "1e-310",
                               "4.9e-324",
                               "0e-400",
                               "0.000e5",
                               "2.2250738585072014e-308",
                               "0.92233720368547758070",
                               "0.99999999999999999999",
                               "-0.18446744073709551616",
                               "0.000092233720368547758070",
                               "0.9223372036854775807",
                               "8641234567890123456.0"}) {
        const QByteArray extra = QByteArray(",\"status\":") + number;
        QTest::newRow(qPrintable(QStringLiteral("v2 ignored number %1").arg(QLatin1String(number))))
            << Api::V2 << v2(v2Entry("\"rig-a\"", extra.constData()));
    }
    // Plain numbers up to 300 characters are checked, not converted (none is out of range).
    const QList<QByteArray> plainNumbers = {QByteArray("105324343424873.4"),
                                            QByteArray(299, '9'),
                                            QByteArray("1") + QByteArray(299, '0'),
                                            QByteArray("1") + QByteArray(300, '0'),
                                            QByteArray("0.") + QByteArray(297, '0') + '1',
                                            QByteArray("-0.") + QByteArray(305, '0') + '1',
                                            QByteArray("9") + QByteArray(320, '9') + ".5"};
    for (const QByteArray &number : plainNumbers) {
        const QByteArray extra = ",\"status\":" + number;
        QTest::newRow(qPrintable(
            QStringLiteral("v2 ignored plain number of %1 characters").arg(number.size())))
            << Api::V2 << v2(v2Entry("\"rig-a\"", extra.constData()));
    }
    QTest::newRow("v2 missing comma in ignored field")
        << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"extra\":[1 2]"));
    // Found by fuzz_v2parser: a token that starts like null but is not one (simdjson threw).
    QTest::newRow("v2 null-like token") << Api::V2 << QByteArray("{\"c\":null6,\"workers\":[]}");
    QTest::newRow("v2 true-like token") << Api::V2 << v2(v2Entry("\"rig-a\"", ",\"x\":tru"));
    QTest::newRow("v2 invalid UTF-8 name") << Api::V2 << v2(v2Entry("\"rig-\xff\""));

    const auto v1 = [](const QByteArray &rows, const QByteArray &rest = {}) -> QByteArray {
        return "{\"hashrate\":2.5e14,\"workers\":[" + rows + "]" + rest + "}";
    };
    const QByteArray row = "[\"rig-1\",1.1e14,1.0e14,0,9341866667712000000,18777668736000000,"
                           "\"2025-12-31T23:59:50.810789Z\",false]";
    QTest::newRow("v1 plain") << Api::V1 << v1(row);
    QTest::newRow("v1 no total") << Api::V1 << QByteArray("{\"workers\":[" + row + "]}");
    QTest::newRow("v1 total twice") << Api::V1 << v1(row, ",\"hashrate\":1");
    QTest::newRow("v1 string total")
        << Api::V1 << QByteArray("{\"hashrate\":\"7\",\"workers\":[]}");
    QTest::newRow("v1 short row") << Api::V1 << v1("[\"short\",5]");
    QTest::newRow("v1 numeric time") << Api::V1 << v1("[\"t\",1,1,0,1,1,1767225590]");
    QTest::newRow("v1 offset time")
        << Api::V1 << v1("[\"o\",1,1,0,1,1,\"2025-12-31 23:59:50+08:00\"]");
    QTest::newRow("v1 numeric string time") << Api::V1 << v1("[\"s\",1,1,0,1,1,\"1767225590\"]");
    QTest::newRow("v1 date only") << Api::V1 << v1("[\"d\",1,1,0,1,1,\"2025-12-31\"]");
    QTest::newRow("v1 bad time") << Api::V1 << v1("[\"b\",1,1,0,1,1,\"yesterday 12:00\"]");
    QTest::newRow("v1 null time") << Api::V1 << v1("[\"n\",1,1,0,1,1,null]");
    QTest::newRow("v1 non-ASCII time")
        << Api::V1 << v1("[\"u\",1,1,0,1,1,\"2025-12-31T23:59:50\xef\xbc\xba\"]");
    QTest::newRow("v1 row not a list") << Api::V1 << v1(row + ",{}");
    QTest::newRow("v1 empty row") << Api::V1 << v1(row + ",[]");

    // The v1 entry scanner (v1entryscanner.cpp) reads numbers itself: every form, in every
    // position (rates, hashes per day, the unused fourth field, a trailing one, the last share).
    for (const char *n : {"0",
                          "-0",
                          "0.0",
                          "-0.0",
                          "7",
                          "-7",
                          "12.50",
                          "1.5e14",
                          "1E+14",
                          "2e-3",
                          "1.0e5",
                          "1.0E-3",
                          "1.00",
                          "-1.0",
                          "0.0e1",
                          "1.01",
                          "1.0x",
                          "1510837712899199.8",
                          "9016185599999998976.0",
                          "8464953600000000000.0",
                          "18446744073709551615",
                          "18446744073709551616",
                          "99999999999999999999",
                          "123456789012345678901234567890",
                          "9007199254740993",
                          "9007199254740993.0",
                          "900719925474099.35",
                          "0.1",
                          "0.3",
                          "123.456e-5",
                          "1e22",
                          "1e23",
                          "1e-22",
                          "1e-23",
                          "4.9e-324",
                          "2.2250738585072014e-308",
                          "1e-310",
                          "1e308",
                          "1e309",
                          "-1e400",
                          "0e400",
                          "0.000e-999",
                          "1e99999",
                          "1e-99999",
                          "5.000",
                          "50.0e-1",
                          "00",
                          "01",
                          "1.",
                          ".5",
                          "-",
                          "--1",
                          "+1",
                          "1e",
                          "1e+",
                          "0x10",
                          "1.5.5",
                          "Infinity",
                          "NaN"}) {
        const QByteArray num(n);
        const QByteArray share = "\"2025-12-31T23:59:50.810789Z\"";
        QTest::newRow(
            qPrintable(QStringLiteral("v1 scanner number %1 as rates").arg(QLatin1String(n))))
            << Api::V1 << v1("[\"r\"," + num + ',' + num + ",0,1,1," + share + ",false]");
        QTest::newRow(
            qPrintable(QStringLiteral("v1 scanner number %1 per day").arg(QLatin1String(n))))
            << Api::V1 << v1("[\"d\",1,1,0," + num + ',' + num + ',' + share + ",false]");
        QTest::newRow(
            qPrintable(QStringLiteral("v1 scanner number %1 unused").arg(QLatin1String(n))))
            << Api::V1 << v1("[\"u\",1,1," + num + ",1,1," + share + ',' + num + "]");
        QTest::newRow(
            qPrintable(QStringLiteral("v1 scanner number %1 as share").arg(QLatin1String(n))))
            << Api::V1 << v1("[\"s\",1,1,0,1,1," + num + "]");
    }
    // Digits are read eight at a time, at most 19: every length around those edges, with
    // fractions, trailing zeros that change nothing and ones that do.
    {
        QByteArray rows;
        const QByteArray digits = "98765432109876543210987654";
        int i = 0;
        for (int length = 1; length <= 24; ++length) {
            for (const char *fraction :
                 {"", ".0", ".000000000", ".5", ".05", ".0000000001", ".123456789"}) {
                const QByteArray n = digits.left(length) + fraction;
                rows += (i ? "," : "") + QByteArray("[\"n") + QByteArray::number(i) + "\"," + n +
                        ',' + n + ",0," + n + ",-" + n + ",\"2025-12-31T23:59:50Z\"]";
                ++i;
            }
        }
        QTest::newRow("v1 scanner digits of every length") << Api::V1 << v1(rows);
    }
    QTest::newRow("v1 scanner spaces everywhere")
        << Api::V1
        << QByteArray("{\"workers\" : [ [ \"a\" , 1 , 2 , 0 , 3 , 4 , \"2025-12-31T23:59:50Z\" ,"
                      " false ] ,\n\t[\"b\",1,2,0,3,4,\"2025-12-31T23:59:51Z\",true]\r\n ] }");
    QTest::newRow("v1 scanner trailing kinds")
        << Api::V1 << v1("[\"t\",1,1,0,1,1,\"2025-12-31T23:59:50Z\",false,true,null,\"x\",5]");
    QTest::newRow("v1 scanner nested trailing")
        << Api::V1 << v1("[\"t\",1,1,0,1,1,\"x\",[1,{\"a\":2}]]");
    QTest::newRow("v1 scanner object fourth") << Api::V1 << v1("[\"t\",1,1,{},1,1,\"x\"]");
    QTest::newRow("v1 scanner bad literal") << Api::V1 << v1("[\"t\",1,1,0,1,1,\"x\",fals]");
    QTest::newRow("v1 scanner literal glued") << Api::V1 << v1("[\"t\",1,1,0,1,1,\"x\",falsey]");
    QTest::newRow("v1 scanner missing comma") << Api::V1 << v1("[\"t\" 1,1]");
    QTest::newRow("v1 scanner trailing comma") << Api::V1 << v1("[\"t\",1,],[\"u\",2]");
    QTest::newRow("v1 scanner list trailing comma") << Api::V1 << v1("[\"t\",1],");
    QTest::newRow("v1 scanner escaped name") << Api::V1 << v1("[\"\\u77ff\\u673a-\\\"7\\\"\",1]");
    QTest::newRow("v1 scanner UTF-8 name") << Api::V1 << v1("[\"\xe7\x9f\xbf\xe6\x9c\xba-07\",1]");
    QTest::newRow("v1 scanner invalid UTF-8 name") << Api::V1 << v1("[\"rig-\xff\",1]");
    QTest::newRow("v1 scanner overlong UTF-8 name") << Api::V1 << v1("[\"rig-\xc0\xaf\",1]");
    QTest::newRow("v1 scanner control character") << Api::V1 << v1("[\"rig\t1\",1]");
    QTest::newRow("v1 scanner DEL in name") << Api::V1 << v1("[\"rig\x7f\",1]");
    QTest::newRow("v1 scanner long name") << Api::V1 << v1("[\"" + QByteArray(300, 'n') + "\",1]");
    QTest::newRow("v1 scanner numeric name") << Api::V1 << v1("[42,1]");
    QTest::newRow("v1 scanner empty name") << Api::V1 << v1("[\"\",1],[\"b\",2]");
    QTest::newRow("v1 scanner NBSP after time")
        << Api::V1 << v1("[\"t\",1,1,0,1,1,\"2025-12-31T23:59:50Z\xc2\xa0\"]");
    QTest::newRow("v1 scanner spaces around time")
        << Api::V1 << v1("[\"t\",1,1,0,1,1,\" 2025-12-31T23:59:50Z\\t\"]");
    QTest::newRow("v1 scanner tab around time")
        << Api::V1 << v1("[\"t\",1,1,0,1,1,\"\v2025-12-31T23:59:50Z \"]");
    QTest::newRow("v1 scanner share times") << Api::V1 << v1(v1ShareTimeRows());
    QTest::newRow("v1 scanner entries of every length")
        << Api::V1
        << v1("[\"a\"],[\"b\",1],[\"c\",1,2],[\"d\",1,2,3],[\"e\",1,2,3,4],[\"f\",1,2,3,4,5]");
    QTest::newRow("v1 scanner unterminated") << Api::V1 << QByteArray("{\"workers\":[[\"t\",1,1");
    QTest::newRow("v1 scanner unterminated string") << Api::V1 << QByteArray("{\"workers\":[[\"t");
    QTest::newRow("v1 scanner duplicate names") << Api::V1 << v1(row + ',' + row);

    // The simulated farm's replies, as the benchmarks and the end-to-end tests see them.
    QTest::newRow("v2 farm of 1000") << Api::V2 << sim::FakeF2pool::makeV2WorkerList(1000, kNow, 7);
    QTest::newRow("v1 farm of 1000") << Api::V1 << sim::FakeF2pool::makeV1Reply(1000, kNow, 7);
}

void TestFastParser::agreesWithDom()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, body);
    const std::optional<ParseResult> f = fast(api, body);
    if (!f)
        return; // handed to the DOM parser: the answer is the DOM's by construction
    const QString diff = fuzz::FuzzChecks::parseDifference(*f, dom(api, body));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // And the public entry point gives the same.
    const ParseResult p = api == Api::V1 ? parseF2poolV1(body) : parseF2poolV2WorkerList(body);
    const QString publicDiff = fuzz::FuzzChecks::parseDifference(p, *f);
    QVERIFY2(publicDiff.isEmpty(), qPrintable(publicDiff));
}

void TestFastParser::takesTheDocumentedReplies_data()
{
    QTest::addColumn<Api>("api");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("v2 farm") << Api::V2 << sim::FakeF2pool::makeV2WorkerList(500, kNow, 9);
    QTest::newRow("v1 farm") << Api::V1 << sim::FakeF2pool::makeV1Reply(500, kNow, 9);
    QFile v2(QStringLiteral(RIGWATCH_TEST_DATA "/f2pool/v2_worker_list.json"));
    QFile v1(QStringLiteral(RIGWATCH_TEST_DATA "/f2pool/v1_user.json"));
    QVERIFY(v2.open(QIODevice::ReadOnly) && v1.open(QIODevice::ReadOnly));
    QTest::newRow("v2 fixture") << Api::V2 << v2.readAll();
    QTest::newRow("v1 fixture") << Api::V1 << v1.readAll();
    // Hashes per day with a decimal: 21 digits, past simdjson's own fast path but still ours.
    QTest::newRow("v1 long numbers")
        << Api::V1
        << QByteArray("{\"workers\":[[\"w\",1.5e14,1.4e14,0,8640000000000000000.0,"
                      "34560000000000000.0,\"2026-01-01T00:00:00.000000Z\"]]}");
}

// Without this, a fast path that always stepped aside would pass every other test here.
void TestFastParser::takesTheDocumentedReplies()
{
    QFETCH(Api, api);
    QFETCH(QByteArray, body);
    if (!fastParserAvailable())
        QSKIP("built without simdjson: the DOM parsers do all the work");
    const std::optional<ParseResult> f = fast(api, body);
    QVERIFY2(f.has_value(), "the fast path did not take a reply in the documented shape");
    QVERIFY2(f->ok(), qPrintable(f->error));
    QVERIFY(!f->snapshot->workers.isEmpty());
}

// The v1 entry scanner reads the common shapes itself (a scanner that stepped aside every time
// would pass agreesWithDom): it takes these lists, with the DOM parser's samples.
void TestFastParser::v1ScannerTakesWhatPoolsSend_data()
{
    QTest::addColumn<QByteArray>("list");
    const QByteArray farm = sim::FakeF2pool::makeV1Reply(1000, kNow, 7);
    const qsizetype at = farm.indexOf("\"workers\":[") + 10;
    QTest::newRow("simulated farm") << farm.mid(at, farm.lastIndexOf(']') + 1 - at);
    const QByteArray share = ",\"2025-12-31T23:59:50.810789Z\",false]";
    for (const char *n : {"0",
                          "-0",
                          "0.0",
                          "7",
                          "-7",
                          "12.50",
                          "1.5e14",
                          "1E+14",
                          "2e-3",
                          "0.1",
                          "1510837712899199.8",
                          "9016185599999998976.0",
                          "8464953600000000000.0",
                          "18446744073709551615",
                          "123456789012345678901234567890",
                          "1e23",
                          "9007199254740993.0",
                          "1e308",
                          "5.000",
                          "50.0e-1"})
        QTest::newRow(n) << QByteArray("[[\"w\"," + QByteArray(n) + ',' + n + ',' + n + ',' + n +
                                       ',' + n + share + ']');
    for (const char *n :
         {"1234567890123456789.000000", "123456789012345678.90", "0.1234567890123456789",
          "12345678.12345678", "1.2345678", "12345678", "1234567", "123456789"})
        QTest::newRow(n) << QByteArray("[[\"w\"," + QByteArray(n) + ',' + n + ",0," + n + ',' + n +
                                       share + ']');
    QTest::newRow("spaces") << QByteArray(
        " [ [ \"a\" , 1 , 2 ,\n0 , 3 , 4 , \"2025-12-31T23:59:50Z\" ] ] ");
    QTest::newRow("UTF-8 name") << QByteArray("[[\"\xe7\x9f\xbf\xe6\x9c\xba-07\",1]]");
    QTest::newRow("numeric share") << QByteArray("[[\"t\",1,1,0,1,1,1767225590]]");
    QTest::newRow("short and long entries")
        << QByteArray("[[\"a\"],[\"b\",1,2,3,4,5,\"x\",true,null,\"y\",6]]");
    QTest::newRow("share times") << "[" + v1ShareTimeRows() + "]";
    QTest::newRow("empty list") << QByteArray("[]");
}

void TestFastParser::v1ScannerTakesWhatPoolsSend()
{
    QFETCH(QByteArray, list);
    if (!fastParserAvailable() || Q_BYTE_ORDER != Q_LITTLE_ENDIAN)
        QSKIP("built without simdjson, or big-endian: the scanner is not used");
    // An allocation of exactly the list: the scanner reads eight bytes at a time but never past
    // the end (AddressSanitizer runs of this test would catch it).
    const QByteArray exact(list.constData(), list.size());
    WorkerCollector collector(16);
    qsizetype entries = -1;
    QVERIFY(scanV1Entries(exact, collector, &entries));
    const ParseResult scanned = collector.finish(entries, "test", std::nullopt);
    const ParseResult expected = parseF2poolV1Reference("{\"workers\":" + list + "}");
    QVERIFY2(expected.ok(), qPrintable(expected.error));
    const QString diff = fuzz::FuzzChecks::parseDifference(scanned, expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// The poller gives back the samples array of the poll before last (WorkerCollector::recycle):
// the next parse fills the same memory, with the same result as into a new array; an array
// someone still shares is never taken.
void TestFastParser::recycledArrayIsFilledAgain()
{
    const QByteArray body = sim::FakeF2pool::makeV1Reply(3000, kNow, 7);
    const ParseResult fresh = parseF2poolV1(body);
    QVERIFY(fresh.ok());

    ParseResult first = parseF2poolV1(body);
    QVector<WorkerSample> given = std::move(first.snapshot->workers);
    const WorkerSample *memory = given.constData();
    WorkerCollector::recycle(std::move(given));
    const ParseResult again = parseF2poolV1(body);
    QVERIFY(again.ok());
    QCOMPARE(again.snapshot->workers.constData(), memory);
    const QString diff = fuzz::FuzzChecks::parseDifference(again, fresh);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // Shared with a snapshot someone keeps: not taken, and the kept one is untouched.
    ParseResult kept = parseF2poolV1(body);
    QVector<WorkerSample> shared = kept.snapshot->workers;
    WorkerCollector::recycle(std::move(shared));
    const ParseResult other = parseF2poolV1(body);
    QVERIFY(other.snapshot->workers.constData() != kept.snapshot->workers.constData());
    QCOMPARE(kept.snapshot->workers.size(), fresh.snapshot->workers.size());
    QVERIFY(fuzz::FuzzChecks::parseDifference(kept, fresh).isEmpty());
}

// simdjson reads up to 64 bytes past the end: with too little spare room in the QByteArray the
// fast path must copy (AddressSanitizer runs of this test would catch an overread).
void TestFastParser::paddingIsNeverReadPastTheAllocation()
{
    const QByteArray full = sim::FakeF2pool::makeV2WorkerList(20, kNow, 3);
    const QByteArray tight(full.constData(), full.size()); // exact-size allocation
    const QByteArray raw = QByteArray::fromRawData(full.constData(), full.size());
    for (const QByteArray &body : {tight, raw, full.left(full.size())}) {
        const std::optional<ParseResult> f = fastParseF2poolV2WorkerList(body);
        if (!fastParserAvailable())
            QVERIFY(!f);
        else
            QVERIFY(f && f->ok() && f->snapshot->workers.size() == 20);
    }
}

// A farm behind one NAT: 100k rigs, one address. The snapshot holds it once, not 100k times.
void TestFastParser::equalHostsShareOneString()
{
    if (!fastParserAvailable())
        QSKIP("built without simdjson: the DOM parsers do all the work");
    const QByteArray third = "{\"hash_rate_info\":{\"name\":\"c\"},\"host\":\"10.0.0.1\"}";
    const QByteArray reply =
        "{\"workers\":[" + v2Entry("\"a\"") + ',' + v2Entry("\"b\"") + ',' + third + "]}";
    const std::optional<ParseResult> f = fastParseF2poolV2WorkerList(reply);
    QVERIFY(f && f->ok());
    const QVector<WorkerSample> &w = f->snapshot->workers;
    QCOMPARE(w.size(), 3);
    QCOMPARE(w[0].host, QStringLiteral("203.0.113.10"));
    QVERIFY(w[0].host.isSharedWith(w[1].host));
    QCOMPARE(w[2].host, QStringLiteral("10.0.0.1"));
}

void TestFastParser::previousPollsStringsAreShared_data()
{
    QTest::addColumn<Api>("api");
    QTest::newRow("v2") << Api::V2;
    QTest::newRow("v1") << Api::V1;
}

// A steady farm: the next poll lists the same rigs in the same order with new rates. Given the
// previous poll, the parse allocates no name (and no host): it shares the previous strings, and
// the snapshot is the same as without the hint.
void TestFastParser::previousPollsStringsAreShared()
{
    QFETCH(Api, api);
    const auto reply = [api](qint64 now) {
        return api == Api::V1 ? sim::FakeF2pool::makeV1Reply(300, now, 7)
                              : sim::FakeF2pool::makeV2WorkerList(300, now, 7);
    };
    const auto parse = [api](const QByteArray &body, const QVector<WorkerSample> &previous) {
        return api == Api::V1 ? parseF2poolV1(body, previous)
                              : parseF2poolV2WorkerList(body, previous);
    };
    const ParseResult first = parse(reply(kNow), {});
    QVERIFY(first.ok());
    const QVector<WorkerSample> &prev = first.snapshot->workers;
    const QByteArray next = reply(kNow + 300);
    const ParseResult hinted = parse(next, prev);
    const ParseResult plain = parse(next, {});
    QVERIFY(hinted.ok() && plain.ok());
    const QString diff = fuzz::FuzzChecks::parseDifference(hinted, plain);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(hinted.snapshot->workers[0].hashRate != prev[0].hashRate); // a new poll indeed
    if (!fastParserAvailable())
        return; // the DOM parser takes no hint
    for (qsizetype i = 0; i < prev.size(); ++i) {
        const WorkerSample &w = hinted.snapshot->workers[i];
        QVERIFY2(w.name.isSharedWith(prev[i].name), qPrintable(w.name));
        if (api == Api::V2)
            QVERIFY2(w.host.isSharedWith(prev[i].host), qPrintable(w.host));
        QVERIFY(!plain.snapshot->workers[i].name.isSharedWith(prev[i].name));
    }
}

void TestFastParser::previousPollIsOnlyAHint_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("previousNames");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QList<bool>>("shared");
    const auto reply = [](const QList<QByteArray> &names) -> QByteArray {
        QByteArray r = "{\"workers\":[";
        for (const QByteArray &n : names)
            r += v2Entry(n.constData()) + ',';
        r.chop(1);
        return r + "]}";
    };
    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("same") << reply({"\"a\"", "\"b\""}) << ab << ab << QList<bool>{true, true};
    QTest::newRow("moved by one") << reply({"\"b\"", "\"a\""}) << ab
                                  << QStringList{QStringLiteral("b"), QStringLiteral("a")}
                                  << QList<bool>{false, false};
    QTest::newRow("one renamed") << reply({"\"a\"", "\"c\""}) << ab
                                 << QStringList{QStringLiteral("a"), QStringLiteral("c")}
                                 << QList<bool>{true, false};
    QTest::newRow("new rig at the end")
        << reply({"\"a\"", "\"b\"", "\"c\""}) << ab
        << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
        << QList<bool>{true, true, false};
    QTest::newRow("shorter list") << reply({"\"a\""}) << ab << QStringList{QStringLiteral("a")}
                                  << QList<bool>{true};
    // "é" in UTF-8 is two bytes, C3 A9; read as Latin-1 they would be the previous "Ã©".
    QTest::newRow("same bytes, other text")
        << reply({"\"\xc3\xa9\""}) << QStringList{QStringLiteral("\u00c3\u00a9")}
        << QStringList{QStringLiteral("\u00e9")} << QList<bool>{false};
    // Compared as text once decoded (so still shared, after an allocation).
    QTest::newRow("non-ASCII, same text")
        << reply({"\"\xc3\xa9\""}) << QStringList{QStringLiteral("\u00e9")}
        << QStringList{QStringLiteral("\u00e9")} << QList<bool>{true};
    // The same name twice (the later share wins) where the previous poll had two names: still
    // found and merged, though the first one matches the previous poll.
    QTest::newRow("repeated name")
        << QByteArray("{\"workers\":[" + v2Entry("\"a\"") +
                      ",{\"hash_rate_info\":{\"name\":\"a\",\"hash_rate\":2e14},"
                      "\"last_share_at\":1767225599,\"host\":\"203.0.113.11\"}]}")
        << ab << QStringList{QStringLiteral("a")} << QList<bool>{};
}

// Whatever the previous poll was, the snapshot is the one the reply alone gives; only strings
// equal in text at the same position are shared.
void TestFastParser::previousPollIsOnlyAHint()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, previousNames);
    QFETCH(QStringList, expectedNames);
    QFETCH(QList<bool>, shared);
    QVector<WorkerSample> previous;
    for (const QString &n : previousNames) {
        WorkerSample w;
        w.name = n;
        w.name.detach();
        previous.append(w);
    }
    const ParseResult hinted = parseF2poolV2WorkerList(body, previous);
    const ParseResult plain = parseF2poolV2WorkerListReference(body);
    QVERIFY2(plain.ok(), qPrintable(plain.error));
    const QString diff = fuzz::FuzzChecks::parseDifference(hinted, plain);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QStringList names;
    for (const WorkerSample &w : hinted.snapshot->workers)
        names.append(w.name);
    QCOMPARE(names, expectedNames);
    if (!fastParserAvailable())
        return;
    for (qsizetype i = 0; i < shared.size(); ++i) {
        const bool isShared =
            i < previous.size() && hinted.snapshot->workers[i].name.isSharedWith(previous[i].name);
        QVERIFY2(isShared == shared[i], qPrintable(names[i]));
    }
}

// The quick test for an error body scans sixteen bytes at a time: the text "code" must be found
// at every offset, in every length of input, among near misses, exactly where a plain search
// finds it.
void TestFastParser::codeKeyIsFoundWhereverItStands()
{
    const QByteArray key = "\"code\"";
    const char alphabet[] = "\"codeCx e:";
    quint32 seed = 12345;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    int found = 0, checked = 0;
    for (int len = 0; len <= 96; ++len) {
        for (int round = 0; round < 60; ++round) {
            QByteArray bytes(len, 'x');
            for (char &ch : bytes)
                ch = alphabet[next() % (sizeof alphabet - 1)];
            if (round % 3 == 0 && len >= key.size()) // planted, at any offset
                bytes.replace(int(next() % uint(len - key.size() + 1)), key.size(), key);
            const bool expected =
                std::string_view(bytes.constData(), size_t(bytes.size())).find("\"code\"") !=
                std::string_view::npos;
            QVERIFY2(containsCodeKey(bytes) == expected, bytes.constData());
            found += expected;
            ++checked;
        }
    }
    QVERIFY(found > 1000 && checked - found > 1000);
    // Near misses only: no false find.
    QVERIFY(!containsCodeKey(QByteArray(QByteArray(300, 'c') + "\"cod\" \"ode\" code\" \"code")));
    QVERIFY(containsCodeKey(QByteArray(QByteArray(300, ' ') + "{\"code\":5010}")));
}

QTEST_GUILESS_MAIN(TestFastParser)
#include "tst_fastparser.moc"
