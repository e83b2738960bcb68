// A worker's usual hashrate (monitor/usualrate.h) on synthetic weeks of hourly means: steady,
// degraded for days, downsized and accepted, just seen, partly down. The usual level must stay
// where the rig runs when healthy, and must not follow a degraded rig down.
#include "monitor/usualrate.h"

#include <QtTest>

using namespace rw;

namespace {

constexpr double TH = 1e12;
constexpr int Week = 7 * 24;

// A healthy rig's hourly means: its level within a few percent, as the mean of an hour of a
// pool's noisy five-minute rates is. Deterministic.
double noisy(double level, int hour)
{
    quint64 x = quint64(hour + 1) * 0x9E3779B97F4A7C15ULL;
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 32;
    const double u = double(x % 10'001) / 10'000.0; // [0, 1]
    return level * (1 + 0.03 * (2 * u - 1));
}

QVector<double> week(double level, int hours = Week)
{
    QVector<double> out;
    for (int h = 0; h < hours; ++h)
        out << noisy(level, h);
    return out;
}

bool near(double got, double want, double tolerance)
{
    return std::abs(got / want - 1) <= tolerance;
}

} // namespace

class TestUsualRate : public QObject
{
    Q_OBJECT

private slots:
    void steadyRigIsItsLevel()
    {
        const UsualRate u = usualRate({week(100 * TH), 98 * TH, 0});
        QCOMPARE(u.source, UsualRate::Source::Own);
        QVERIFY2(near(u.rate, 100 * TH, 0.035), qPrintable(QString::number(u.rate / TH)));
    }

    // A dead hash board: two thirds of the rate for the last two days, then for five of the
    // seven. The usual level stays the healthy one, so the rig stays "degraded" for as long
    // as it is.
    void degradedDaysDoNotPullItDown()
    {
        for (int badDays : {2, 5}) {
            QVector<double> hours = week(100 * TH);
            for (int h = Week - badDays * 24; h < Week; ++h)
                hours[h] = noisy(66 * TH, h);
            const UsualRate u = usualRate({hours, 70 * TH, 0});
            QCOMPARE(u.source, UsualRate::Source::Own);
            QVERIFY2(near(u.rate, 100 * TH, 0.035),
                     qPrintable(QStringLiteral("%1 bad days: %2").arg(badDays).arg(u.rate / TH)));
        }
    }

    // Hours spent down (no rate) and hours partly down (a lower mean) are the rig's bad
    // hours too.
    void downHoursAreNotItsLevel()
    {
        QVector<double> hours = week(100 * TH);
        for (int h = 0; h < Week; h += 3)
            hours[h] = 0;
        for (int h = 1; h < Week; h += 3)
            hours[h] = noisy(40 * TH, h);
        const UsualRate u = usualRate({hours, 60 * TH, 0});
        QVERIFY2(near(u.rate, 100 * TH, 0.035), qPrintable(QString::number(u.rate / TH)));
    }

    // A rig run at two thirds on purpose: the operator accepts the new level at once, which
    // stands until a day of hours after it exists; then those hours are its usual level. The
    // week before the acceptance is not handed in (only hours after it count).
    void acceptedLevelStandsThenItsOwnHours()
    {
        const double accepted = 66 * TH;
        UsualRate u = usualRate({{}, 100 * TH, accepted}); // the pool still remembers 100
        QCOMPARE(u.source, UsualRate::Source::Accepted);
        QCOMPARE(u.rate, accepted);
        u = usualRate({week(66 * TH, 23), 90 * TH, accepted});
        QCOMPARE(u.source, UsualRate::Source::Accepted);
        QCOMPARE(u.rate, accepted);
        u = usualRate({week(66 * TH, 24), 80 * TH, accepted});
        QCOMPARE(u.source, UsualRate::Source::Own);
        QVERIFY2(near(u.rate, 66 * TH, 0.035), qPrintable(QString::number(u.rate / TH)));
    }

    // Not accepted: the old level is gone from the window after a week, not never.
    void aLevelNoLongerReachedLeavesWithTheWindow()
    {
        const UsualRate u = usualRate({week(66 * TH), 66 * TH, 0});
        QVERIFY2(near(u.rate, 66 * TH, 0.035), qPrintable(QString::number(u.rate / TH)));
    }

    // A worker seen for less than a day has the pool's 24-hour average; with nothing to go by
    // it has none, and is never called degraded.
    void newWorkerHasThePoolsAverage()
    {
        UsualRate u = usualRate({week(100 * TH, 10), 97 * TH, 0});
        QCOMPARE(u.source, UsualRate::Source::Pool);
        QCOMPARE(u.rate, 97 * TH);
        QVector<double> downMostly(30, 0.0);
        downMostly[0] = 100 * TH;
        u = usualRate({downMostly, 97 * TH, 0}); // 30 hours, but one with a rate
        QCOMPARE(u.source, UsualRate::Source::Pool);
        u = usualRate({{}, 0, 0});
        QCOMPARE(u.source, UsualRate::Source::None);
        QCOMPARE(u.rate, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestUsualRate)
#include "tst_usualrate.moc"
