// The tray's one-glance verdict: icon level and tooltip line from the accounts' views.
#include "farmsummary.h"

#include <QtTest>

using namespace rw;

namespace {
const qint64 kNow = 1'767'225'600;

AccountView account(const QString &key, int online, int total, double hs)
{
    AccountView v;
    v.key = key;
    v.displayName = key;
    v.incident.online = online;
    v.incident.total = total;
    for (int i = 0; i < total - online; ++i)
        v.incident.down.push_back(
            {QStringLiteral("rig-%1").arg(i), WorkerStatus::Offline, kNow - 600});
    v.totalHashRate = hs;
    v.state.lastSuccessAt = kNow - 12;
    return v;
}
} // namespace

class TestFarmSummary : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void levels()
    {
        QCOMPARE(FarmSummary::of({}, 10).level, FarmSummary::NotConfigured);
        QCOMPARE(FarmSummary::of({account(QStringLiteral("a"), 100, 100, 3.21e15)}, 10).level,
                 FarmSummary::Ok);
        QCOMPARE(FarmSummary::of({account(QStringLiteral("a"), 97, 100, 3.21e15)}, 10).level,
                 FarmSummary::Warning);
        // More than 10 % down: red.
        QCOMPARE(FarmSummary::of({account(QStringLiteral("a"), 89, 100, 3e15)}, 10).level,
                 FarmSummary::Alert);
        QCOMPARE(FarmSummary::of({account(QStringLiteral("a"), 90, 100, 3e15)}, 10).level,
                 FarmSummary::Warning); // exactly 10 % is not more than 10 %
        AccountView low = account(QStringLiteral("a"), 100, 100, 1e15);
        low.incident.hashrateLow = true;
        QCOMPARE(FarmSummary::of({low}, 10).level, FarmSummary::Alert);
        AccountView dead = account(QStringLiteral("b"), 100, 100, 1e15);
        dead.state.poolUnreachable = true;
        dead.state.lastError = QStringLiteral("f2pool did not answer within 30 s");
        QCOMPARE(FarmSummary::of({account(QStringLiteral("a"), 97, 100, 1e15), dead}, 10).level,
                 FarmSummary::Unreachable);
        QCOMPARE(FarmSummary::of({low, dead}, 10).level, FarmSummary::Alert);
        AccountView fresh = account(QStringLiteral("a"), 0, 0, 0);
        fresh.state.lastSuccessAt = 0;
        QCOMPARE(FarmSummary::of({fresh}, 10).level, FarmSummary::Waiting);
    }

    // A degraded or flapping rig with every rig online: amber, and the tooltip says which.
    void degradedAndFlappingAreAmber()
    {
        AccountView v = account(QStringLiteral("a"), 100, 100, 3.21e15);
        v.incident.degraded.push_back({QStringLiteral("rig-07"), 58e12, 94e12, kNow - 2400});
        FarmSummary f = FarmSummary::of({v}, 10);
        QCOMPARE(f.level, FarmSummary::Warning);
        QCOMPARE(f.iconPath(false), QStringLiteral(":/icons/tray-warn.svg"));
        QVERIFY2(f.tooltip(kNow, 0, false).contains(QStringLiteral("1 worker(s) degraded")),
                 qPrintable(f.tooltip(kNow, 0, false)));
        v.incident.degraded.clear();
        v.incident.flapping.push_back({QStringLiteral("rig-09"), 5, WorkerStatus::Online});
        f = FarmSummary::of({v}, 10);
        QCOMPARE(f.level, FarmSummary::Warning);
        QVERIFY(f.tooltip(kNow, 0, false).contains(QStringLiteral("flapping")));
    }

    void iconsDifferInShapeNotOnlyColour()
    {
        QSet<QString> icons;
        for (auto l : {FarmSummary::Ok, FarmSummary::Warning, FarmSummary::Alert,
                       FarmSummary::Unreachable}) {
            FarmSummary s;
            s.level = l;
            icons.insert(s.iconPath(false));
            QVERIFY2(QFile::exists(s.iconPath(false)), qPrintable(s.iconPath(false)));
        }
        QCOMPARE(icons.size(), 4);
        FarmSummary s;
        s.level = FarmSummary::Ok;
        QCOMPARE(s.iconPath(true), QStringLiteral(":/icons/tray-paused.svg"));
        QVERIFY(QFile::exists(s.iconPath(true)));
        // Legible at 16 px: the SVG renders to a non-empty 16x16 pixmap.
        const QImage img = QIcon(s.iconPath(false)).pixmap(16, 16).toImage();
        QVERIFY(!img.isNull());
        QCOMPARE(img.width(), 16);
    }

    void tooltip()
    {
        const FarmSummary s = FarmSummary::of({account(QStringLiteral("a"), 60, 61, 2.21e15),
                                               account(QStringLiteral("b"), 37, 39, 1e15)},
                                              10);
        QCOMPARE(s.online, 97);
        QCOMPARE(s.total, 100);
        const QString tip = s.tooltip(kNow, 0, false);
        QVERIFY2(tip.contains(QStringLiteral("97/100 online · 3.21 PH/s · updated 12 s ago")),
                 qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("paused")));
        QVERIFY(!tip.contains(QStringLiteral("DEMO")));
        QVERIFY(s.tooltip(kNow, -1, true).contains(QStringLiteral("Alerts paused until resumed")));
        QVERIFY(s.tooltip(kNow, -1, true).contains(QStringLiteral("DEMO — simulated farm")));
        QVERIFY(s.tooltip(kNow, (kNow + 1800) * 1000, false)
                    .contains(QStringLiteral("Alerts paused until ")));

        AccountView dead = account(QStringLiteral("a"), 10, 10, 1e15);
        dead.state.poolUnreachable = true;
        dead.state.lastError = QStringLiteral("f2pool did not answer within 30 s");
        QVERIFY(FarmSummary::of({dead}, 10)
                    .tooltip(kNow, 0, false)
                    .contains(QStringLiteral("f2pool did not answer within 30 s")));
    }
};

QTEST_MAIN(TestFarmSummary)
#include "tst_farmsummary.moc"
