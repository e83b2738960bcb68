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
            c.add(QStringLiteral("acme"),
                  {ev(Event::WentOffline, QStringLiteral("rig-%1").arg(i))});
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

    // A worker name with a line break, an escape sequence and a right-to-left override cannot
    // fake a second line or turn the title around: it is shown, as in the Telegram texts.
    void hostileNamesAreShownNotObeyed()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        const QString name = QStringLiteral("rig-1\nall fine\x1b[2J\u202Eenilno");
        c.add(QStringLiteral("acme\nfake"), {ev(Event::WentOffline, name)});
        c.flush();
        const QString title = spy.first().at(0).toString();
        const QString text = spy.first().at(1).toString();
        QVERIFY2(!title.contains(QLatin1Char('\n')) && !title.contains(QChar(0x1b)) &&
                     !title.contains(QChar(0x202E)),
                 qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("\\u202e")), qPrintable(title));
        QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x202E)), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("\nfake")), qPrintable(text));
    }

    // The balloon's text says what stands in the words of the Telegram message: "N of M
    // workers offline", each with how long, the hashrate; once over, the "resolved" text.
    void textIsTheTelegramMessage()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        const qint64 at = 1'767'225'600;
        Incident inc;
        inc.total = 100;
        inc.online = 90;
        inc.totalHashRate = 3.21e15;
        inc.since = at - 47 * 60;
        inc.at = at;
        for (int i = 1; i <= 10; ++i)
            inc.down.append({QStringLiteral("rig-%1").arg(i, 2, 10, QLatin1Char('0')),
                             WorkerStatus::Offline, at - 47 * 60});
        c.setIncident(QStringLiteral("acme/bitcoin"), QStringLiteral("acme"), inc);
        QVector<Event> events;
        for (const Incident::Down &d : std::as_const(inc.down))
            events << ev(Event::WentOffline, d.worker);
        c.add(QStringLiteral("acme/bitcoin"), events);
        c.flush();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toString(), QStringLiteral("10 workers went offline"));
        const QString text = spy.takeFirst().at(1).toString();
        for (const char *piece : {"acme", "10 of 100 workers offline", "rig-01 offline for 47 min",
                                  "rig-08 offline for 47 min", "and 2 more", "Hashrate 3.21 PH/s"})
            QVERIFY2(text.contains(QLatin1String(piece)), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("rig-09")),
                 qPrintable(text));                // a balloon, not a list
        QVERIFY(!text.contains(QLatin1Char('<'))); // plain text, no markup

        Incident over;
        over.at = at + 13 * 60;
        c.setIncident(QStringLiteral("acme/bitcoin"), QStringLiteral("acme"), over);
        c.add(QStringLiteral("acme/bitcoin"), {ev(Event::CameBack, QStringLiteral("rig-01"))});
        c.flush();
        const QString resolved = spy.takeFirst().at(1).toString();
        QVERIFY2(resolved.contains(QStringLiteral("acme: resolved at")) &&
                     resolved.contains(QStringLiteral("after 1 h 00 min")),
                 qPrintable(resolved));

        c.setLanguage(QStringLiteral("zh_CN"));
        c.setIncident(QStringLiteral("acme/bitcoin"), QStringLiteral("acme"), inc);
        c.add(QStringLiteral("acme/bitcoin"), {ev(Event::WentOffline, QStringLiteral("rig-01"))});
        c.flush();
        const QString zh = spy.takeFirst().at(1).toString();
        QVERIFY2(zh.contains(QStringLiteral("100 台矿机中有 10 台离线")), qPrintable(zh));
    }

    void retiredDoesNotNotify()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::Retired, QStringLiteral("rig-33"))});
        c.flush();
        QCOMPARE(spy.size(), 0);
    }

    // A newly degraded rig pops up like an offline one; a flapping rig's changes do not, only
    // that it started flapping; recoveries of either are not news.
    void degradedAndFlapping()
    {
        AlertCoalescer c;
        QSignalSpy spy(&c, &AlertCoalescer::alert);
        c.add(QStringLiteral("acme"), {ev(Event::WentDegraded, QStringLiteral("rig-07"))});
        c.flush();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toString(), QStringLiteral("rig-07 is degraded"));
        QCOMPARE(spy.takeFirst().at(2).value<AlertCoalescer::Severity>(), AlertCoalescer::Warning);
        Event flap = ev(Event::WentOffline, QStringLiteral("rig-09"));
        flap.flapping = true;
        c.add(QStringLiteral("acme"), {flap, ev(Event::DegradedRecovered, QStringLiteral("rig-07")),
                                       ev(Event::StoppedFlapping, QStringLiteral("rig-08"))});
        c.flush();
        QCOMPARE(spy.size(), 0);
        Event started = ev(Event::StartedFlapping, QStringLiteral("rig-09"));
        started.detail = QStringLiteral("5");
        c.add(QStringLiteral("acme"), {flap, started});
        c.flush();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toString(),
                 QStringLiteral("rig-09 keeps going offline and back (5 changes)"));
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
