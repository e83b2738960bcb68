// WorkerListStream parses a worker list while it arrives, a slice at a time: whatever the reply
// and however it is cut into pieces, its verdict must be the whole-reply parser's (the same
// workers, the same error with the same offset, the same pool error), and a large reply must
// never be held whole.
#include "fakef2pool.h"
#include "fixturefiles.h"
#include "fuzz/fuzzchecks.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/poolprovider.h"
#include "pool/workerliststream.h"

#include <QDir>
#include <QTest>

using namespace rw;
using fuzz::FuzzChecks;

namespace {

constexpr qint64 kNow = 1767225600; // 2026-01-01T00:00:00Z

QByteArray v2Entry(const QByteArray &name, const QByteArray &extra = {})
{
    return "{\"hash_rate_info\":{\"name\":" + name +
           ",\"hash_rate\":1.5e14,\"h1_hash_rate\":1.4e14,\"h24_hash_rate\":1.3e14,"
           "\"h24_stale_hash_rate\":2e11},\"last_share_at\":1767225590,\"status\":0,"
           "\"host\":\"203.0.113.10\"" +
           extra + "}";
}

QByteArray v2(const QList<QByteArray> &entries, const QByteArray &separator = ",",
              const QByteArray &rest = {})
{
    QByteArray list;
    for (const QByteArray &e : entries)
        list += (list.isEmpty() ? QByteArray() : separator) + e;
    return "{\"workers\":[" + list + "]" + rest + "}";
}

QList<QByteArray> farm(int n)
{
    QList<QByteArray> entries;
    for (int i = 0; i < n; ++i)
        entries << v2Entry("\"rig-" + QByteArray::number(i) + '"');
    return entries;
}

// The reply to the stream in pieces, as the poller reads it; the most it held meanwhile.
qsizetype feed(WorkerListStream &stream, const QByteArray &body, qsizetype piece)
{
    qsizetype mostHeld = 0;
    for (qsizetype at = 0; at < body.size(); at += piece) {
        stream.append(body.constData() + at, qMin(piece, body.size() - at));
        mostHeld = qMax(mostHeld, stream.heldBytes());
    }
    return mostHeld;
}

} // namespace

class TestWorkerListStream : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithTheWholeReply_data();
    void agreesWithTheWholeReply();
    void truncatedAnywhereGivesTheSameError();
    void largeReplyIsNeverHeldWhole_data();
    void largeReplyIsNeverHeldWhole();
    void nextPollSharesThePreviousPollsStrings_data() { largeReplyIsNeverHeldWhole_data(); }
    void nextPollSharesThePreviousPollsStrings();
    void knownWorkersLendTheirStrings_data() { largeReplyIsNeverHeldWhole_data(); }
    void knownWorkersLendTheirStrings();
    void knownWorkersHideNoDuplicate();
    void nestedListsInEntriesAreCutByReadingEveryByte();
    void garbageAfterManySlicesIsReportedAtItsOffset();
    void formatWithoutStreamHooksIsReadWhole();
};

void TestWorkerListStream::agreesWithTheWholeReply_data()
{
    QTest::addColumn<bool>("v1");
    QTest::addColumn<QByteArray>("body");

    const QStringList dirs = {QStringLiteral(RIGWATCH_TEST_DATA "/f2pool"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/v2parser"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/v1parser"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/fuzz/v2parser"),
                              QStringLiteral(RIGWATCH_TEST_DATA "/fuzz/v1parser")};
    for (const auto &[name, body] : test::fixtureFiles(dirs)) {
        QTest::newRow(qPrintable(name + QStringLiteral(" v1"))) << true << body;
        QTest::newRow(qPrintable(name + QStringLiteral(" v2"))) << false << body;
    }

    const QList<QByteArray> five = farm(5);
    QTest::newRow("plain") << false << v2(five);
    QTest::newRow("pretty-printed")
        << false << v2(five, " ,\n  ").replace(":", " : ").replace("{", "{ \n");
    QTest::newRow("other keys first")
        << false << "{\"code\":0,\"msg\":\"\",\"data\":{\"workers\":[1]}," + v2(five).mid(1);
    QTest::newRow("empty list") << false << v2({});
    // Found by fuzz_v1parser: the list was streamed though the key had no ':' after it.
    QTest::newRow("\"workers\" without a colon")
        << false << v2(five).replace("\"workers\":", "\"workers\"");
    QTest::newRow("\"workers\" then a comma")
        << false << v2(five).replace("\"workers\":", "\"workers\",");
    QTest::newRow("workers not a list") << false << QByteArray("{\"workers\":{\"a\":[{},{}]}}");
    QTest::newRow("workers null then a list") << false << "{\"workers\":null," + v2(five).mid(1);
    QTest::newRow("workers twice, the later empty") << false << v2(five, ",", ",\"workers\":[]");
    QTest::newRow("workers twice, the later escaped")
        << false << v2(five, ",", ",\"work\\u0065rs\":[" + five.first() + "]");
    QTest::newRow("pool error after a list")
        << false << v2(five, ",", ",\"code\":5010,\"msg\":\"permission denied\"");
    QTest::newRow("\"code\" only inside entries")
        << false
        << v2({v2Entry("\"a\"", ",\"code\":7"), v2Entry("\"b\"")}, ",", ",\"c\\u006fde\":3");
    QTest::newRow("cut-like text inside names")
        << false
        << v2({v2Entry("\"x},{\\\"hash_rate_info\\\":{\\\"name\\\":\\\"y\\\"}},{\""),
               v2Entry("\"],[\""), v2Entry("\"}, {\"")});
    QTest::newRow("cut-like text in a nested list")
        << false << v2({v2Entry("\"n\"", ",\"extra\":[{},{},{\"a\":[[],[]]}]"), v2Entry("\"m\"")});
    QTest::newRow("string-typed numbers mid-list")
        << false
        << v2({five[0], "{\"hash_rate_info\":{\"name\":\"s\",\"hash_rate\":\"12.5\"}}", five[1]});
    QTest::newRow("entries that are not objects")
        << false << v2({five[0], "7", "\"x\"", "[]", five[1]});
    QTest::newRow("no usable entry") << false << v2({"1", "2", "3"});
    QTest::newRow("duplicate names across slices") << false << v2({five[0], five[1], five[0]});
    QTest::newRow("invalid entry mid-list") << false << v2({five[0], "{\"a\":01}", five[1]});
    QTest::newRow("empty entry") << false << v2({five[0], "", five[1]});
    QTest::newRow("trailing comma") << false << v2({five[0], five[1], ""});
    // Found by fuzz_v2parser: a comma before the first entry, after the quick guess went wrong.
    QTest::newRow("leading comma, names with },{")
        << false << "{\"workers\":[\n  ," + v2({v2Entry("\"a},{\""), v2Entry("\"b\"")}).mid(12);
    QTest::newRow("garbage after the reply") << false << v2(five) + "x";
    QTest::newRow("a second document") << false << v2(five) + "{}";
    QTest::newRow("top-level list") << false << "[" + v2(five) + "]";
    QTest::newRow("HTML") << false << QByteArray("  <html><body>502 Bad Gateway</body></html>");
    QTest::newRow("blank") << false << QByteArray(" \n ");
    QTest::newRow("v1 rows") << true
                             << QByteArray(
                                    "{\"hashrate\":2.5e14,\"workers\":[[\"a\",1,1,0,86400,0,\"2025-"
                                    "12-31T23:59:50.810789Z\"],"
                                    "[\"b\",2,2,0,1,1,1767225590], [\"c\"] ,[],{},[\"d\",\"3\"]]}");
    QTest::newRow("v1 total after the list")
        << true << QByteArray("{\"workers\":[[\"a\",1],[\"b\",2],[\"c\",3]],\"hashrate\":\"9\"}");
    QTest::newRow("v2 farm") << false << sim::FakeF2pool::makeV2WorkerList(300, kNow, 7);
    QTest::newRow("v1 farm") << true << sim::FakeF2pool::makeV1Reply(300, kNow, 7);
}

void TestWorkerListStream::agreesWithTheWholeReply()
{
    QFETCH(bool, v1);
    QFETCH(QByteArray, body);
    for (const qsizetype piece : {qsizetype(1), qsizetype(7), qsizetype(4096), body.size() + 1})
        for (const qsizetype slice : {qsizetype(1), qsizetype(100), qsizetype(256 * 1024)}) {
            const QString diff = FuzzChecks::streamDisagreement(body, v1, piece, slice);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
    const ParseResult whole = FuzzChecks::parseWhole(body, v1);
    const QString hintDiff = FuzzChecks::hintDisagreement(body, v1, whole);
    QVERIFY2(hintDiff.isEmpty(), qPrintable(hintDiff));
}

// A reply cut off by the network anywhere: the same "not valid JSON ... at offset N".
void TestWorkerListStream::truncatedAnywhereGivesTheSameError()
{
    const QByteArray body = v2(farm(12), ",\n", ",\"code\":0");
    int checked = 0;
    for (qsizetype end = 0; end < body.size(); end += 3) {
        const QByteArray cut = body.left(end);
        const QString diff = FuzzChecks::streamDisagreement(cut, false, 11, 64);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("cut at %1: %2").arg(end).arg(diff)));
        ++checked;
    }
    QVERIFY(checked > 300);
    WorkerListStream stream(poolFormat(PoolProvider::F2poolV2), 64);
    stream.append(body.left(body.size() / 2));
    const WorkerListStream::Result r = stream.finish();
    QVERIFY(!r.parsed.ok());
    QVERIFY2(r.parsed.error.startsWith(QStringLiteral("reply is not valid JSON: ")),
             qPrintable(r.parsed.error));
}

void TestWorkerListStream::largeReplyIsNeverHeldWhole_data()
{
    QTest::addColumn<bool>("v1");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("v2, 20k workers") << false << sim::FakeF2pool::makeV2WorkerList(20000, kNow, 50);
    QTest::newRow("v1, 20k workers") << true << sim::FakeF2pool::makeV1Reply(20000, kNow, 50);
}

// What the poller gains: a reply of megabytes held a slice at a time, same snapshot.
void TestWorkerListStream::largeReplyIsNeverHeldWhole()
{
    QFETCH(bool, v1);
    QFETCH(QByteArray, body);
    constexpr qsizetype kSlice = 64 * 1024, kPiece = 16 * 1024;
    WorkerListStream stream(poolFormat(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2),
                            kSlice);
    const qsizetype mostHeld = feed(stream, body, kPiece);
    QVERIFY2(body.size() > 40 * kSlice, "the reply is not large enough to tell");
    QVERIFY2(
        mostHeld <= kSlice + 2 * kPiece,
        qPrintable(
            QStringLiteral("held %1 bytes of a %2-byte reply").arg(mostHeld).arg(body.size())));
    QVERIFY(stream.entriesTaken() > 19000);
    const WorkerListStream::Result r = stream.finish();
    QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
    QCOMPARE(r.parsed.snapshot->workers.size(), 20000);
    const QString diff = FuzzChecks::parseDifference(r.parsed, FuzzChecks::parseWhole(body, v1));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// The poller hands the stream its previous poll: the next poll of a steady farm, streamed a
// slice at a time, shares every name (and v2 host) with it and is still the reply's snapshot.
void TestWorkerListStream::nextPollSharesThePreviousPollsStrings()
{
    QFETCH(bool, v1);
    QFETCH(QByteArray, body);
    if (!fastParserAvailable())
        QSKIP("built without simdjson: the DOM parsers take no hint");
    const ParseResult first = FuzzChecks::parseWhole(body, v1);
    QVERIFY(first.ok());
    const QVector<WorkerSample> &previous = first.snapshot->workers;
    const QByteArray next = v1 ? sim::FakeF2pool::makeV1Reply(20000, kNow + 300, 50)
                               : sim::FakeF2pool::makeV2WorkerList(20000, kNow + 300, 50);
    WorkerListStream stream(poolFormat(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2),
                            64 * 1024, next.size(), previous);
    feed(stream, next, 16 * 1024);
    const WorkerListStream::Result r = stream.finish();
    QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
    const QString diff = FuzzChecks::parseDifference(r.parsed, FuzzChecks::parseWhole(next, v1));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QVector<WorkerSample> &w = r.parsed.snapshot->workers;
    QCOMPARE(w.size(), previous.size());
    for (qsizetype i = 0; i < w.size(); ++i) {
        QVERIFY2(w[i].name.isSharedWith(previous[i].name), qPrintable(w[i].name));
        QVERIFY(v1 || w[i].host.isSharedWith(previous[i].host));
    }
}

// A one-shot run has no previous poll, but the store gave back its workers: guessed by
// position (the store numbers them in the pool's order) and looked up by name where the guess
// is wrong, their strings are shared (no second copy of a farm's names), a worker it does not
// know gets its own, and the snapshot is the reply's all the same. A right guess costs no
// look-up by name.
void TestWorkerListStream::knownWorkersLendTheirStrings()
{
    QFETCH(bool, v1);
    QFETCH(QByteArray, body);
    const ParseResult first = FuzzChecks::parseWhole(body, v1);
    QVERIFY(first.ok());
    QHash<QString, WorkerSample> known;
    for (const WorkerSample &w : first.snapshot->workers)
        known.insert(w.name, w);
    const QString stranger = first.snapshot->workers.at(7).name;
    known.remove(stranger);
    // The store's order: the reply's, with workers 3 and 4 swapped, no guess for the stranger
    // and the last worker not yet numbered.
    std::vector<const WorkerSample *> order;
    for (const WorkerSample &w : first.snapshot->workers)
        order.push_back(known.contains(w.name) ? &*known.constFind(w.name) : nullptr);
    std::swap(order[3], order[4]);
    order.pop_back();
    const int wrongGuesses = 4; // positions 3 and 4, 7 (the stranger) and the last one
    for (const bool guess : {false, true}) {
        int asked = 0;
        WorkerListStream stream(poolFormat(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2),
                                64 * 1024, body.size());
        WorkerCollector::KnownWorkers lender;
        if (guess)
            lender.at = [&](qsizetype at) -> const WorkerSample * {
                return size_t(at) < order.size() ? order[size_t(at)] : nullptr;
            };
        lender.find = [&](const QString &name) -> const WorkerSample * {
            ++asked;
            const auto it = known.constFind(name);
            return it == known.cend() ? nullptr : &*it;
        };
        stream.setKnown(lender);
        feed(stream, body, 16 * 1024);
        const WorkerListStream::Result r = stream.finish();
        QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
        const QString diff = FuzzChecks::parseDifference(r.parsed, first);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const QVector<WorkerSample> &w = r.parsed.snapshot->workers;
        QCOMPARE(asked, guess ? wrongGuesses : int(w.size()));
        for (const WorkerSample &s : w) {
            if (s.name == stranger) {
                QVERIFY(!s.name.isSharedWith(first.snapshot->workers.at(7).name));
                continue;
            }
            const WorkerSample &k = known[s.name];
            QVERIFY2(s.name.isSharedWith(k.name), qPrintable(s.name));
            QVERIFY(s.host.isEmpty() || s.host.isSharedWith(k.host));
        }
    }
}

// A guess by position is a hint, not a promise: a reply that lists a worker twice where the
// store numbered another one is still found to, and its duplicate dropped.
void TestWorkerListStream::knownWorkersHideNoDuplicate()
{
    const QByteArray body = v2({v2Entry("\"rig-1\""), v2Entry("\"rig-2\""), v2Entry("\"rig-1\"")});
    const ParseResult first = FuzzChecks::parseWhole(body, false);
    QVERIFY(first.ok());
    QCOMPARE(first.snapshot->workers.size(), 2);
    WorkerSample one, two, three;
    one.name = QStringLiteral("rig-1");
    two.name = QStringLiteral("rig-2");
    three.name = QStringLiteral("rig-3");
    const std::vector<const WorkerSample *> order{&one, &two, &three};
    WorkerCollector::KnownWorkers lender;
    lender.at = [&](qsizetype at) -> const WorkerSample * {
        return size_t(at) < order.size() ? order[size_t(at)] : nullptr;
    };
    lender.find = [&](const QString &name) -> const WorkerSample * {
        return name == one.name ? &one : name == two.name ? &two : nullptr;
    };
    WorkerListStream stream(poolFormat(PoolProvider::F2poolV2), 64 * 1024, body.size());
    stream.setKnown(lender);
    feed(stream, body, 16);
    const WorkerListStream::Result r = stream.finish();
    QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
    const QString diff = FuzzChecks::parseDifference(r.parsed, first);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// Entries of another shape, where "},{" also stands inside them (a nested list of objects, a
// name): the quick guess at a boundary is wrong, the slice invalid, and the stream goes on by
// reading every byte - still a slice at a time, still the whole reply's snapshot.
void TestWorkerListStream::nestedListsInEntriesAreCutByReadingEveryByte()
{
    QList<QByteArray> entries;
    for (int i = 0; i < 20000; ++i)
        entries << v2Entry("\"rig},{" + QByteArray::number(i) + '"',
                           ",\"boards\":[{\"t\":61},{\"t\":63},{\"t\":\"},{\"}]");
    const QByteArray body = v2(entries, ",\n");
    constexpr qsizetype kSlice = 64 * 1024, kPiece = 16 * 1024;
    WorkerListStream stream(poolFormat(PoolProvider::F2poolV2), kSlice);
    const qsizetype mostHeld = feed(stream, body, kPiece);
    QVERIFY2(
        mostHeld <= kSlice + 2 * kPiece,
        qPrintable(
            QStringLiteral("held %1 bytes of a %2-byte reply").arg(mostHeld).arg(body.size())));
    QVERIFY(stream.entriesTaken() > 19000);
    const WorkerListStream::Result r = stream.finish();
    QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
    QCOMPARE(r.parsed.snapshot->workers.size(), 20000);
    const QString diff = FuzzChecks::parseDifference(r.parsed, parseF2poolV2WorkerList(body));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// Broken JSON deep in a long reply, after many slices were taken: the error and its offset are
// those of the whole reply, so the operator can find the byte.
void TestWorkerListStream::garbageAfterManySlicesIsReportedAtItsOffset()
{
    QList<QByteArray> entries = farm(3000);
    entries[2500] = "{\"hash_rate_info\":{\"name\":\"bad\",\"hash_rate\":1.2.3}}";
    const QByteArray body = v2(entries);
    WorkerListStream stream(poolFormat(PoolProvider::F2poolV2), 4096);
    feed(stream, body, 1000);
    QVERIFY(stream.entriesTaken() >= 2400);
    const WorkerListStream::Result r = stream.finish();
    QVERIFY(!r.parsed.ok());
    QCOMPARE(r.parsed.error, parseF2poolV2WorkerList(body).error);
    qsizetype offset = r.parsed.error.section(QStringLiteral("at offset "), 1).toLongLong();
    QVERIFY2(qAbs(offset - body.indexOf("1.2.3")) < 8, qPrintable(r.parsed.error));
}

// A pool format without stream hooks or fast path (as a new pool's entry starts out): the stream
// slices nothing and gives what the format's own reference and error message say of the whole
// reply, not the f2pool parsers' answer.
void TestWorkerListStream::formatWithoutStreamHooksIsReadWhole()
{
    static QByteArray seen;
    PoolFormat plain = poolFormat(PoolProvider::F2poolV2);
    plain.fast = nullptr;
    plain.stream = nullptr;
    plain.reference = [](const QByteArray &body) {
        seen = body;
        ParseResult r;
        r.snapshot = Snapshot();
        r.snapshot->workers.append(WorkerSample{QStringLiteral("whole"), 1, 1, 1, 0, kNow, {}, {}});
        r.snapshot->totalHashRate = 1;
        return r;
    };
    plain.errorMessage = [](const QByteArray &body) {
        return body.contains("5010") ? QStringLiteral("pool error") : QString();
    };
    QCOMPARE(plain.parse("{}").snapshot->workers.at(0).name, QStringLiteral("whole"));

    const QByteArray body = v2(farm(2000));
    WorkerListStream stream(plain, 4096);
    feed(stream, body, 1000);
    QCOMPARE(stream.entriesTaken(), 0);
    const WorkerListStream::Result r = stream.finish();
    QCOMPARE(seen, body);
    QVERIFY(r.poolError.isEmpty());
    QVERIFY2(r.parsed.ok(), qPrintable(r.parsed.error));
    QCOMPARE(r.parsed.snapshot->workers.size(), 1);
    QCOMPARE(r.parsed.snapshot->workers.at(0).name, QStringLiteral("whole"));

    WorkerListStream error(plain, 4096);
    feed(error, "{\"code\":5010,\"msg\":\"permission denied\"}", 7);
    QCOMPARE(error.finish().poolError, QStringLiteral("pool error"));
}

QTEST_GUILESS_MAIN(TestWorkerListStream)
#include "tst_workerliststream.moc"
