// Sites and groups end to end (issue #20): rigwatchd --once against the simulated farm and
// Telegram, with two groups routed to two chats of their own (one by worker names, one by the
// site's public IP), quiet hours in which a group's floor breach notifies while an ordinary
// outage is silent, and the daily digest sent exactly once per chat across runs.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;

namespace {
const QString kPoolSecret = QStringLiteral("pool-secret-GRP123");
const QString kToken = QStringLiteral("123456:TOKENgroupsSECRET");
const QString kChat = QStringLiteral("-1001000000001");
const QString kChatA = QStringLiteral("-1002000000002");
const QString kChatB = QStringLiteral("-1003000000003");

struct Farm
{
    FakeF2pool pool{SystemClock::instance()};
    TelegramSink tg{SystemClock::instance()};
    QTemporaryDir dir;
    bool start()
    {
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(kPoolSecret);
        for (int i = 1; i <= 3; ++i) {
            pool.addRig(QStringLiteral("a-%1").arg(i), 100e12, QStringLiteral("10.1.0.%1").arg(i));
            pool.addRig(QStringLiteral("b-%1").arg(i), 100e12, QStringLiteral("10.2.0.%1").arg(i));
        }
        pool.addRig(QStringLiteral("c-1"), 100e12, QStringLiteral("10.9.0.1"));
        tg.setToken(kToken);
        return pool.listen() && tg.listen();
    }
    QString config(const QString &telegram = {}, const QString &siteA = {})
    {
        return test::writeIni(
            dir.filePath(QStringLiteral("rigwatch.ini")),
            QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\ntimeout = 5\n"
                           "[alerts]\ncritical_offline = 50\n"
                           "[telegram]\nurl = %3\ntoken = %4\nchat = %5\ntimeout = 5\n%6\n"
                           "[group.site-a]\nlabel = Site A\nworkers = a-*\nchat = %7\n%8\n"
                           "[group.site-b]\nlabel = Site B\nhosts = 10.2.*\nchat = %9\n"
                           "[storage]\ndatabase = %10\n")
                .arg(pool.baseUrl().toString(), kPoolSecret, tg.baseUrl().toString(), kToken, kChat,
                     telegram, kChatA, siteA, kChatB)
                .arg(dir.filePath(QStringLiteral("rw.sqlite"))));
    }
    test::DaemonRun once()
    {
        return test::runDaemon({QStringLiteral("--config"),
                                dir.filePath(QStringLiteral("rigwatch.ini")),
                                QStringLiteral("--once")},
                               {kPoolSecret, kToken});
    }
    QStringList texts(const QString &chat) const
    {
        QStringList out;
        for (const auto &m : tg.messages(chat))
            out << m.plainText;
        return out;
    }
    int count(const QString &chat, const QString &piece) const
    {
        return int(texts(chat).filter(piece).size());
    }
};

QString hhmm(int hour)
{
    return QStringLiteral("%1:00").arg((hour + 24) % 24, 2, 10, QLatin1Char('0'));
}
} // namespace

class TestDaemonGroups : public QObject
{
    Q_OBJECT

private slots:
    // Each group's rigs go to its own chat, titled with the group; the ungrouped stay in the
    // [telegram] chat. A rig back in one site retracts that chat's message and leaves the
    // other's alone.
    void twoGroupsToTwoChats()
    {
        Farm f;
        QVERIFY(f.start());
        f.config();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        f.pool.setRigStoppedSince(QStringLiteral("a-1"), now - 3000);
        f.pool.setRigStoppedSince(QStringLiteral("b-2"), now - 3000);
        test::DaemonRun r = f.once();
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));

        QCOMPARE(f.texts(kChatA).size(), 1);
        const QString a = f.texts(kChatA).first();
        QVERIFY2(a.contains(QStringLiteral("Site A \u00b7 farm1")), qPrintable(a));
        QVERIFY2(a.contains(QStringLiteral("a-1 offline for")), qPrintable(a));
        QVERIFY(!a.contains(QStringLiteral("b-2")));
        QVERIFY2(a.contains(QStringLiteral("1 of 3 workers offline")), qPrintable(a));
        QCOMPARE(f.texts(kChatB).size(), 1);
        const QString b = f.texts(kChatB).first();
        QVERIFY2(b.contains(QStringLiteral("Site B \u00b7 farm1")), qPrintable(b));
        QVERIFY2(b.contains(QStringLiteral("b-2 offline for")), qPrintable(b));
        QVERIFY(!b.contains(QStringLiteral("a-1")));
        QVERIFY2(f.texts(kChat).isEmpty(), qPrintable(f.texts(kChat).join(QLatin1Char('|'))));
        const qint64 bId = f.tg.messages(kChatB).first().id;

        f.pool.startRig(QStringLiteral("a-1"));
        r = f.once();
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(f.texts(kChatA).isEmpty(), qPrintable(f.texts(kChatA).join(QLatin1Char('|'))));
        QCOMPARE(f.tg.messages(kChatB).size(), 1);
        QCOMPARE(f.tg.messages(kChatB).first().id, bId); // not posted again

        f.pool.setRigStoppedSince(QStringLiteral("c-1"), now - 3000);
        r = f.once();
        QCOMPARE(f.count(kChat, QStringLiteral("c-1 offline for")), 1);
        QCOMPARE(f.texts(kChat).size(), 1);
    }

    // Inside quiet hours: Site A falling below its own floor notifies; Site B's single rig down
    // (1 of 3, under critical_offline) is posted silently.
    void floorBreachNotifiesInQuietHours()
    {
        Farm f;
        QVERIFY(f.start());
        const int hour = QDateTime::currentDateTimeUtc().time().hour();
        f.config(QStringLiteral("quiet_hours = %1-%2\ntimezone = UTC\n")
                     .arg(hhmm(hour - 1), hhmm(hour + 2)),
                 QStringLiteral("min_hashrate = 250T\n"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        f.pool.setRigStoppedSince(QStringLiteral("a-1"), now - 3000); // 200 TH/s < 250 TH/s
        f.pool.setRigStoppedSince(QStringLiteral("b-2"), now - 3000);
        const test::DaemonRun r = f.once();
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QCOMPARE(f.tg.messages(kChatA).size(), 1);
        QVERIFY2(f.texts(kChatA).first().contains(QStringLiteral("below its floor")),
                 qPrintable(f.texts(kChatA).first()));
        QVERIFY(!f.tg.messages(kChatA).first().silent);
        QCOMPARE(f.tg.messages(kChatB).size(), 1);
        QVERIFY(f.tg.messages(kChatB).first().silent);
    }

    // The digest time has passed today: the first run sends each chat its digest (silently),
    // the next runs do not send it again; --digest-now sends one more to every chat.
    void digestExactlyOnceAcrossRuns()
    {
        Farm f;
        QVERIFY(f.start());
        f.config(QStringLiteral("digest = 00:00\ntimezone = UTC\n"));
        f.pool.setRigStoppedSince(QStringLiteral("b-2"), QDateTime::currentSecsSinceEpoch() - 3000);
        const QString digest = QStringLiteral("Daily digest");
        test::DaemonRun r = f.once();
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        for (const QString &chat : {kChat, kChatA, kChatB})
            QVERIFY2(f.count(chat, digest) == 1,
                     qPrintable(chat + QLatin1Char(':') + f.texts(chat).join(QLatin1Char('|'))));
        for (const auto &m : f.tg.messages(kChatB))
            if (m.plainText.contains(digest)) {
                QVERIFY(m.silent);
                QVERIFY2(m.plainText.contains(QStringLiteral("Site B \u00b7 farm1")),
                         qPrintable(m.plainText));
                QVERIFY2(m.plainText.contains(QStringLiteral("Right now: 1 down (b-2)")),
                         qPrintable(m.plainText));
            }
        r = f.once();
        r = f.once();
        for (const QString &chat : {kChat, kChatA, kChatB})
            QCOMPARE(f.count(chat, digest), 1);

        r = test::runDaemon({QStringLiteral("--config"),
                             f.dir.filePath(QStringLiteral("rigwatch.ini")),
                             QStringLiteral("--digest-now")},
                            {kPoolSecret, kToken});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("OK - daily digest sent to 3 chat(s)")),
                 qPrintable(r.out));
        for (const QString &chat : {kChat, kChatA, kChatB})
            QCOMPARE(f.count(chat, digest), 2);
    }
};

QTEST_GUILESS_MAIN(TestDaemonGroups)
#include "tst_daemongroups.moc"
