// Degraded and flapping rigs end to end (issue #19): rigwatchd against the simulated farm, whose
// rigs are degraded and made to flap through its controls, and the simulated Telegram.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;

namespace {
const QString kPoolSecret = QStringLiteral("pool-secret-XYZ123");
const QString kToken = QStringLiteral("123456:TOKENabcdefSECRET");
const QString kChat = QStringLiteral("-1001234567890");

struct Farm
{
    FakeF2pool pool{SystemClock::instance()};
    TelegramSink tg{SystemClock::instance()};
    QTemporaryDir dir;
    bool start(int rigs)
    {
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(kPoolSecret);
        pool.addRigs(rigs);
        tg.setToken(kToken);
        return pool.listen() && tg.listen();
    }
    QString config(const QString &pool_, const QString &alerts, const QString &telegram = {})
    {
        return test::writeIni(
            dir.filePath(QStringLiteral("rigwatch.ini")),
            QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\ntimeout = 5\n%3\n"
                           "[alerts]\n%4\n"
                           "[telegram]\nurl = %5\ntoken = %6\nchat = %7\ntimeout = 5\n%8\n"
                           "[storage]\ndatabase = %9\n")
                .arg(pool.baseUrl().toString(), kPoolSecret, pool_, alerts, tg.baseUrl().toString(),
                     kToken, kChat, telegram, dir.filePath(QStringLiteral("rw.sqlite"))));
    }
    QString shown() const
    {
        const auto msgs = tg.messages(kChat);
        return msgs.isEmpty() ? QString() : msgs.last().plainText;
    }
};
} // namespace

class TestDaemonHealth : public QObject
{
    Q_OBJECT

private slots:
    // Timer-driven --once runs: the wait below the usual level is kept between runs, the rig is
    // a WARNING naming it once degraded_after has passed, posted to the channel, and the post
    // is retracted when the rig is back at its level.
    void degradedAcrossOnceRuns()
    {
        Farm f;
        QVERIFY(f.start(4));
        const QString cfg =
            f.config({}, QStringLiteral("degraded_below = 70\ndegraded_after = 2\n"));
        const QStringList once{QStringLiteral("--config"), cfg, QStringLiteral("--once")};
        const QStringList secrets{kPoolSecret, kToken};

        test::DaemonRun r = test::runDaemon(once, secrets);
        QCOMPARE(r.exitCode, 0);
        f.pool.degradeRig(QStringLiteral("rig-02"), 0.5); // a dead hash board, and then some
        r = test::runDaemon(once, secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err)); // the wait has begun
        QVERIFY(f.shown().isEmpty());
        QTest::qWait(2500);
        r = test::runDaemon(once, secrets);
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("WARNING - 4/4 workers online, 1 degraded: "
                                                 "rig-02 (50 % of usual")),
                 qPrintable(r.out));
        QVERIFY2(f.shown().contains(QStringLiteral("Degraded\n\u2022 rig-02 \u2014 50 % of usual")),
                 qPrintable(f.shown()));
        r = test::runDaemon(once, secrets); // nothing new: no second post
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(f.tg.messages(kChat).size(), 1);

        f.pool.degradeRig(QStringLiteral("rig-02"), 1.0);
        r = test::runDaemon(once, secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(f.tg.messages(kChat).isEmpty(), qPrintable(f.shown())); // retracted
    }

    // A deliberate downsize: an admin's /rebase NAME accepts the rig's current rate as its
    // usual level; the degraded rig leaves the message (retracted: nothing else is wrong), the
    // reply says so, and a stranger's /rebase changes nothing.
    void rebaseFromTelegram()
    {
        Farm f;
        QVERIFY(f.start(3));
        f.pool.degradeRig(QStringLiteral("rig-02"), 0.5);
        const QString cfg = f.config(QStringLiteral("interval = 1\nmin_interval = 1\n"),
                                     QStringLiteral("degraded_below = 70\ndegraded_after = 0\n"),
                                     QStringLiteral("commands = on\nadmins = 111\n"));
        QProcess p;
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), {QStringLiteral("--config"), cfg});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(f.shown().contains(QStringLiteral("Degraded")), 20000);
        const auto replies = [&f](const QString &piece) {
            int n = 0;
            for (const auto &m : f.tg.messages(kChat))
                n += m.plainText.contains(piece);
            return n;
        };
        f.tg.injectMessage(kChat, QStringLiteral("/rebase rig-02"), 999, QStringLiteral("eve"),
                           QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(replies(QStringLiteral("Not allowed")), 1, 10000);
        QVERIFY(f.shown().contains(QStringLiteral("Degraded")) ||
                replies(QStringLiteral("Degraded")) == 1);
        f.tg.injectMessage(kChat, QStringLiteral("/rebase rig-02"), 111, QStringLiteral("ann"),
                           QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(replies(QStringLiteral("is now its usual hashrate")), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(replies(QStringLiteral("Degraded")), 0, 10000); // retracted

        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
    }

    // A rig that keeps stopping and starting: after flap_limit changes it is listed once under
    // "Flapping" instead of being posted, retracted and posted again.
    void flappingRigIsListedOnce()
    {
        // Only the flapping rig: with offline_after = 1 the sim's steady rigs (sharing every
        // 10-59 s) would come and go as well.
        Farm f;
        QVERIFY(f.start(1));
        f.pool.flapRig(QStringLiteral("rig-01"), 3);
        const QString cfg = f.config(QStringLiteral("interval = 1\nmin_interval = 1\n"),
                                     QStringLiteral("offline_after = 1\nretired_after = 3600\n"
                                                    "flap_limit = 2\nflap_window = 600\n"
                                                    "degraded_below = 0\n"));
        QProcess p;
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), {QStringLiteral("--config"), cfg});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(f.shown().contains(QStringLiteral("Flapping")), 30000);
        QVERIFY2(f.shown().contains(QStringLiteral("rig-01 \u2014 ")), qPrintable(f.shown()));
        // From then on its changes post nothing new: the one live message stays.
        const auto posts = [&f] {
            int n = 0;
            for (const auto &c : f.tg.calls())
                n += c.method == QLatin1String("sendMessage");
            return n;
        };
        const int before = posts();
        QTest::qWait(8000); // more than two more flaps
        QCOMPARE(posts(), before);
        QCOMPARE(f.tg.messages(kChat).size(), 1);
        QVERIFY(f.shown().contains(QStringLiteral("Flapping")));

        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(!err.contains(kPoolSecret) && !err.contains(kToken));
    }
};

QTEST_GUILESS_MAIN(TestDaemonHealth)
#include "tst_daemonhealth.moc"
