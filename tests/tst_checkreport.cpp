// The --once verdict: status word, exit code and the one line an on-call person reads.
#include "engine/checkreport.h"

#include <QtTest>

using namespace rw;

namespace {
AccountView healthy(int online = 100)
{
    AccountView v;
    v.key = QStringLiteral("farm/bitcoin");
    v.displayName = QStringLiteral("farm");
    v.lastPollOk = true;
    v.totalHashRate = 3.21e17;
    v.incident.online = online;
    v.incident.total = online;
    v.incident.at = 1'767'225'600;
    return v;
}
void addDown(AccountView &v, const QString &name, qint64 minutesAgo,
             WorkerStatus st = WorkerStatus::Offline)
{
    v.incident.down.append({name, st, v.incident.at - minutesAgo * 60});
    v.incident.online -= 1;
}
} // namespace

class TestCheckReport : public QObject
{
    Q_OBJECT
private slots:
    void ok()
    {
        const CheckReport r = makeCheckReport({healthy()}, 0);
        QCOMPARE(r.status, CheckReport::Ok);
        QVERIFY2(r.line.startsWith(QStringLiteral("OK - 100/100 workers online, 321 PH/s")),
                 qPrintable(r.line));
    }

    void critical()
    {
        AccountView v = healthy();
        addDown(v, QStringLiteral("rig-07"), 47);
        addDown(v, QStringLiteral("rig-08"), 185);
        addDown(v, QStringLiteral("rig-09"), 600, WorkerStatus::Missing);
        const CheckReport r = makeCheckReport({v}, 0);
        QCOMPARE(r.status, CheckReport::Critical);
        // The contract's own example: "CRITICAL - 97/100 workers online, 3 offline: rig-07 (47
        // min), ..."
        QVERIFY2(r.line.startsWith(
                     QStringLiteral("CRITICAL - 97/100 workers online, 3 offline: "
                                    "rig-07 (47 min), rig-08 (3 h 05 min), rig-09 (missing, ")),
                 qPrintable(r.line));
        QVERIFY2(r.line.contains(QStringLiteral("), 321 PH/s |")), qPrintable(r.line));
        QVERIFY(r.line.contains(QStringLiteral("| online=97;;;0;100 offline=3")));
    }

    // Whatever a pool calls its rigs, the report stays one line and its performance data stays
    // where " | " puts it.
    void workerNamesCannotBreakTheLine()
    {
        AccountView v = healthy();
        addDown(v, QStringLiteral("evil\nrig | x\r"), 5);
        const CheckReport r = makeCheckReport({v}, 0);
        QVERIFY2(!r.line.contains(QLatin1Char('\n')) && !r.line.contains(QLatin1Char('\r')),
                 qPrintable(r.line));
        QCOMPARE(r.line.count(QLatin1Char('|')), 1);
        QVERIFY2(r.line.contains(QStringLiteral("evil rig \u00a6 x  (5 min)")), qPrintable(r.line));
    }

    void manyDownAreSummarised()
    {
        AccountView v = healthy(500);
        for (int i = 0; i < 40; ++i)
            addDown(v, QStringLiteral("rig-%1").arg(i, 3, 10, QLatin1Char('0')), 20);
        const CheckReport r = makeCheckReport({v}, 0);
        QVERIFY(r.line.contains(QStringLiteral("and 30 more")));
        QVERIFY(r.line.size() < 1000);
    }

    void warningOnlyForTheFloor()
    {
        AccountView v = healthy();
        v.incident.hashrateLow = true;
        v.incident.minHashRate = 4e17;
        CheckReport r = makeCheckReport({v}, 0);
        QCOMPARE(r.status, CheckReport::Warning);
        QVERIFY(r.line.startsWith(QStringLiteral("WARNING - ")));
        QVERIFY(r.line.contains(QStringLiteral("below the floor of 400 PH/s")));
        addDown(v, QStringLiteral("rig-01"), 15);
        QCOMPARE(makeCheckReport({v}, 0).status, CheckReport::Critical);
    }

    // Degraded (and flapping) rigs are a WARNING, named on the line, when nothing is down;
    // a down rig still makes it CRITICAL.
    void degradedAndFlappingWarn()
    {
        AccountView v = healthy();
        v.incident.degraded.append(
            {QStringLiteral("rig-07"), 58e12, 94e12, v.incident.at - 40 * 60});
        v.incident.flapping.append({QStringLiteral("rig-11"), 6, WorkerStatus::Offline});
        CheckReport r = makeCheckReport({v}, 0);
        QCOMPARE(r.status, CheckReport::Warning);
        QCOMPARE(int(r.status), 1); // the exit code
        QVERIFY2(r.line.startsWith(QStringLiteral(
                     "WARNING - 100/100 workers online, 1 degraded: rig-07 (62 % of usual, "
                     "40 min), 1 flapping: rig-11 (6 changes), 321 PH/s")),
                 qPrintable(r.line));
        addDown(v, QStringLiteral("rig-01"), 20);
        r = makeCheckReport({v}, 0);
        QCOMPARE(r.status, CheckReport::Critical);
        QVERIFY2(r.line.contains(QStringLiteral("1 offline: rig-01 (20 min), 1 degraded: ")),
                 qPrintable(r.line));
    }

    void unknownWhenThePoolDidNotAnswer()
    {
        AccountView v = healthy();
        v.lastPollOk = false;
        v.state.lastError = QStringLiteral("f2pool did not answer within 30 s");
        AccountView other = healthy();
        other.key = QStringLiteral("b/litecoin");
        other.displayName = QStringLiteral("b");
        addDown(other, QStringLiteral("x"), 30);
        const CheckReport r = makeCheckReport({other, v}, 0);
        QCOMPARE(r.status, CheckReport::Unknown);
        QVERIFY2(r.line.startsWith(QStringLiteral("UNKNOWN - b: 99/100")), qPrintable(r.line));
        QVERIFY(r.line.contains(QStringLiteral("farm: f2pool did not answer within 30 s")));
        QCOMPARE(unknownReport(QStringLiteral("x.ini: [pool] user is required")).line,
                 QStringLiteral("UNKNOWN - x.ini: [pool] user is required"));
    }

    // Issue #20: with groups the line names each group's problems, in the file's order, the
    // workers of no group last as "Other"; a worker's group comes from its name or its host;
    // the detail lines hold each account's summary and each group's problems in full.
    void problemsByGroup()
    {
        GroupConfig a;
        a.name = QStringLiteral("site-a");
        a.label = QStringLiteral("Site A");
        a.workers = {QStringLiteral("rig-a*")};
        GroupConfig b;
        b.name = QStringLiteral("site-b");
        b.label = QStringLiteral("Site B");
        b.hosts = {QStringLiteral("198.51.100.*")};
        AccountView v = healthy(4);
        WorkerState up;
        up.status = WorkerStatus::Online;
        up.sample.hashRate = 1e14;
        WorkerState down = up;
        down.status = WorkerStatus::Offline;
        down.sample.hashRate = 0;
        v.workers.insert(QStringLiteral("rig-a1"), up);
        v.workers.insert(QStringLiteral("rig-a3"), down);
        WorkerState hostB = down;
        hostB.sample.host = QStringLiteral("198.51.100.7");
        v.workers.insert(QStringLiteral("b-rig"), hostB);
        v.workers.insert(QStringLiteral("rig-9"), down);
        addDown(v, QStringLiteral("b-rig"), 5);
        addDown(v, QStringLiteral("rig-9"), 12);
        addDown(v, QStringLiteral("rig-a3"), 25);

        const CheckReport r = makeCheckReport({v}, 0, {a, b});
        QCOMPARE(r.status, CheckReport::Critical);
        QVERIFY2(r.line.startsWith(
                     QStringLiteral("CRITICAL - 1/4 workers online; Site A: rig-a3 offline 25 min; "
                                    "Site B: b-rig offline 5 min; Other: rig-9 offline 12 min | ")),
                 qPrintable(r.line));
        QVERIFY2(r.line.contains(QStringLiteral("site-a_online=1;;;0;2")), qPrintable(r.line));
        QCOMPARE(r.details.size(), 4);
        QVERIFY2(
            r.details.first().startsWith(QStringLiteral("farm: 1/4 workers online, 3 offline")),
            qPrintable(r.details.first()));
        QCOMPARE(r.details.at(1), QStringLiteral("Site A: rig-a3 offline 25 min"));
        QCOMPARE(r.details.at(3), QStringLiteral("Other: rig-9 offline 12 min"));

        // No groups: the line of old, no details.
        const CheckReport plain = makeCheckReport({v}, 0, {});
        QCOMPARE(plain.line, makeCheckReport({v}, 0).line);
        QVERIFY(plain.details.isEmpty());
    }

    // A group's floor holds for its total over every account: below it is a WARNING, named
    // under the group; a second account's worker is named with its account.
    void groupFloorOverAccountsWarns()
    {
        GroupConfig a;
        a.name = QStringLiteral("site-a");
        a.label = QStringLiteral("Site A");
        a.workers = {QStringLiteral("rig-a*")};
        a.minHashRate = 3e14;
        WorkerState up;
        up.status = WorkerStatus::Online;
        up.sample.hashRate = 1e14;
        AccountView f2 = healthy(1);
        f2.workers.insert(QStringLiteral("rig-a1"), up);
        AccountView br = healthy(1);
        br.key = QStringLiteral("braiins:farm/bitcoin");
        br.displayName = QStringLiteral("Hall 2");
        br.workers.insert(QStringLiteral("rig-a1"), up);
        CheckReport r = makeCheckReport({f2, br}, 0, {a});
        QCOMPARE(r.status, CheckReport::Warning);
        QVERIFY2(r.line.startsWith(QStringLiteral("WARNING - 2/2 workers online; Site A: hashrate "
                                                  "200 TH/s below the floor of 300 TH/s")),
                 qPrintable(r.line));
        a.minHashRate = 2e14; // 200 TH/s together: not below
        QCOMPARE(makeCheckReport({f2, br}, 0, {a}).status, CheckReport::Ok);
        WorkerState gone = up;
        gone.status = WorkerStatus::Offline;
        br.workers.insert(QStringLiteral("rig-a1"), gone);
        addDown(br, QStringLiteral("rig-a1"), 30);
        r = makeCheckReport({f2, br}, 0, {a});
        QVERIFY2(r.line.contains(QStringLiteral("Site A: hashrate 100 TH/s below the floor of "
                                                "200 TH/s, rig-a1 (Hall 2) offline 30 min")),
                 qPrintable(r.line));
    }
};

QTEST_GUILESS_MAIN(TestCheckReport)
#include "tst_checkreport.moc"
