// Largest-triangle-three-buckets: the chart's downsampling keeps the shape of the curve.
#include "lttb.h"

#include <QtTest>

using namespace rw;

class TestLttb : public QObject
{
    Q_OBJECT
private slots:
    void smallInputIsUnchanged()
    {
        const QVector<QPointF> pts{{0, 1}, {1, 2}, {2, 3}};
        QCOMPARE(lttb(pts, 10), pts);
        QCOMPARE(lttb(pts, 3), pts);
        QCOMPARE(lttb(pts, 2), pts); // below 3 nothing sensible can be kept: unchanged
        QCOMPARE(lttb({}, 100), QVector<QPointF>());
    }

    void reducesToThresholdKeepingEnds()
    {
        QVector<QPointF> pts;
        for (int i = 0; i < 100'000; ++i)
            pts << QPointF(i, std::sin(i / 500.0));
        const QVector<QPointF> out = lttb(pts, 2000);
        QCOMPARE(out.size(), 2000);
        QCOMPARE(out.first(), pts.first());
        QCOMPARE(out.last(), pts.last());
        for (int i = 1; i < out.size(); ++i)
            QVERIFY2(out[i].x() > out[i - 1].x(), "points must stay in time order");
    }

    void keepsSpikesAndDrops()
    {
        // A flat farm with one 10-minute drop to zero and one spike: both must be visible.
        QVector<QPointF> pts;
        for (int i = 0; i < 50'000; ++i) {
            double y = 100;
            if (i == 12'345)
                y = 0;
            if (i == 40'000)
                y = 250;
            pts << QPointF(i, y);
        }
        const QVector<QPointF> out = lttb(pts, 500);
        bool drop = false, spike = false;
        for (const QPointF &p : out) {
            drop = drop || (p.y() == 0 && p.x() == 12'345);
            spike = spike || (p.y() == 250 && p.x() == 40'000);
        }
        QVERIFY(drop);
        QVERIFY(spike);
    }
};

QTEST_GUILESS_MAIN(TestLttb)
#include "tst_lttb.moc"
