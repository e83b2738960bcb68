// Native alerts: many events in a short window become one balloon; a pause silences them.
#include "alertcoalescer.h"

#include <QtTest>

using namespace rw;

namespace {
Event ev(Event::Kind k, const QString &worker = {})
{
    Event e{k, worker, 1'767'225'600, 0, QString()};
    return e;
}
} // namespace

class TestAlertCoalescer : public QObject
{
    Q_OBJECT
private slots:
    void manyWorkersOneBalloon()
    {
        AlertCoalescer c;
        c.setWindowMs(50);
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        for (int i = 1; i <= 40; ++i)
            c.add(QStringLiteral("acme"), {ev(Event::WentOffline, QStringLiteral("rig-%1").arg(i))});
        c.add(QStringLiteral("acme"), {ev(Event::WentMissing, QStringLiteral("rig-99"))});
        QTRY_COMPARE(spy.size(), 1);
        QTest::qWait(120);
        QCOMPARE(spy.size(), 1);
        const QString title = spy.first().at(0).toString();
        const QString text = spy.first().at(1).toString();
        QCOMPARE(title, QStringLiteral("41 workers went offline"));
        QVERIFY2(text.contains(QStringLiteral("rig-1, rig-2, rig-3, rig-4, rig-5 … and 36 more")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Account: acme")));
        QCOMPARE(spy.first().at(2).value<AlertCoalescer::Severity>(), AlertCoalescer::Warning);
    }

    void singleWorkerAndRecovery()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::WentOffline, QStringLiteral("rig-07"))});
        c.flush();
        QCOMPARE(spy.takeFirst().at(0).toString(), QStringLiteral("rig-07 went offline"));
        c.add(QStringLiteral("acme"), {ev(Event::CameBack, QStringLiteral("rig-07"))});
        c.flush();
        QCOMPARE(spy.takeFirst().at(0).toString(), QStringLiteral("rig-07 is back online"));
    }

    void retiredDoesNotNotify()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::Retired, QStringLiteral("rig-33"))});
        c.flush();
        QCOMPARE(spy.size(), 0);
    }

    void floorIsCritical()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::HashrateLow)});
        c.flush();
        QCOMPARE(spy.size(), 1);
        QVERIFY(spy.first().at(0).toString().contains(QStringLiteral("below the floor")));
        QCOMPARE(spy.first().at(2).value<AlertCoalescer::Severity>(), AlertCoalescer::Critical);
    }

    void pausedIsSilent()
    {
        AlertCoalescer c;
        c.setWindowMs(20);
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::WentOffline, QStringLiteral("rig-01"))});
        c.setPaused(true); // pending ones are dropped too
        c.add(QStringLiteral("acme"), {ev(Event::WentOffline, QStringLiteral("rig-02"))});
        QTest::qWait(80);
        c.flush();
        QCOMPARE(spy.size(), 0);
        c.setPaused(false);
        c.add(QStringLiteral("acme"), {ev(Event::CameBack, QStringLiteral("rig-02"))});
        c.flush();
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertCoalescer)
#include "tst_alertcoalescer.moc"
