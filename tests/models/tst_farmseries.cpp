// The farm's chart curve from its accounts' own series: accounts that poll at their own
// moments are summed, each at its latest point, and one that stopped adds nothing after a gap.
#include "farmseries.h"

#include <QtTest>

using namespace rw;

namespace {
SeriesPoint pt(qint64 at, double hs, int online)
{
    SeriesPoint p;
    p.at = at;
    p.hashRate = hs;
    p.online = online;
    return p;
}
} // namespace

class TestFarmSeries : public QObject
{
    Q_OBJECT
private slots:
    void oneAccountIsItself()
    {
        const QVector<SeriesPoint> a = {pt(0, 10, 1), pt(300, 12, 2)};
        const QVector<SeriesPoint> farm = farmSeries({a});
        QCOMPARE(farm.size(), 2);
        QCOMPARE(farm[1].hashRate, 12.0);
        QCOMPARE(farm[1].online, 2);
    }

    // A group's total: its workers' points summed per moment, online counting the workers
    // that hashed then (a worker without a point there adds nothing).
    void groupTotalSumsItsWorkers()
    {
        const QVector<SeriesPoint> a = {pt(0, 100, 0), pt(300, 90, 0), pt(600, 0, 0)};
        const QVector<SeriesPoint> b = {pt(0, 50, 0), pt(600, 40, 0)};
        const QVector<SeriesPoint> sum = sumWorkerSeries({a, b});
        QCOMPARE(sum.size(), 3);
        QCOMPARE(sum[0].at, 0);
        QCOMPARE(sum[0].hashRate, 150.0);
        QCOMPARE(sum[0].online, 2);
        QCOMPARE(sum[1].hashRate, 90.0);
        QCOMPARE(sum[1].online, 1);
        QCOMPARE(sum[2].hashRate, 40.0);
        QCOMPARE(sum[2].online, 1);
        QVERIFY(sumWorkerSeries({}).isEmpty());
    }

    void accountsPollingAtTheirOwnMomentsAreSummed()
    {
        // a polls on the minute 0, 5, 10; b two minutes later.
        const QVector<SeriesPoint> a = {pt(0, 100, 10), pt(300, 100, 10), pt(600, 90, 9)};
        const QVector<SeriesPoint> b = {pt(120, 50, 5), pt(420, 40, 4), pt(720, 40, 4)};
        const QVector<SeriesPoint> farm = farmSeries({a, b});
        QCOMPARE(farm.size(), 6);
        QCOMPARE(farm[0].at, 0);
        QCOMPARE(farm[0].hashRate, 100.0); // b has no point yet
        QCOMPARE(farm[1].hashRate, 150.0);
        QCOMPARE(farm[1].online, 15);
        QCOMPARE(farm[3].at, 420);
        QCOMPARE(farm[3].hashRate, 140.0);
        QCOMPARE(farm[5].hashRate, 130.0);
        QCOMPARE(farm[5].online, 13);
    }

    void anAccountThatStoppedAddsNothingAfterAGap()
    {
        QVector<SeriesPoint> a, b;
        for (qint64 t = 0; t <= 7200; t += 300)
            a << pt(t, 100, 10);
        b << pt(0, 50, 5) << pt(300, 50, 5); // b's polls stop after 5 minutes
        const QVector<SeriesPoint> farm = farmSeries({a, b});
        QCOMPARE(farm.first().hashRate, 150.0);
        QCOMPARE(farm.last().hashRate, 100.0);
        QCOMPARE(farm.last().online, 10);
    }
};

QTEST_GUILESS_MAIN(TestFarmSeries)
#include "tst_farmseries.moc"
