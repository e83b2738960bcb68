// Alerts on time: rigwatchd's loop polls again when a rig is about to cross offline_after, so
// the alert reaches the chat within min_interval plus one request of the threshold, though the
// interval is 300 s. A real process against the simulated farm, on the real clock.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QDateTime>
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
} // namespace

class TestDaemonSchedule : public QObject
{
    Q_OBJECT

private slots:
    void alertComesWithinMinIntervalOfTheThreshold()
    {
        FakeF2pool pool(SystemClock::instance());
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(kPoolSecret);
        pool.addRigs(3); // they share every 10-59 s: never 70 s without a share
        QVERIFY(pool.listen());
        TelegramSink tg(SystemClock::instance());
        tg.setToken(kToken);
        QVERIFY(tg.listen());
        QTemporaryDir dir;

        // rig-03 stopped 64 s ago: online at the first poll, past offline_after = 70 s seven
        // seconds later, five minutes before the interval's next poll.
        const qint64 stoppedAt = QDateTime::currentSecsSinceEpoch() - 64;
        pool.setRigStoppedSince(QStringLiteral("rig-03"), stoppedAt);
        const qint64 thresholdMs = (stoppedAt + 70) * 1000;
        constexpr int kMinInterval = 2;
        const QString cfg = test::writeIni(
            dir.filePath(QStringLiteral("rigwatch.ini")),
            QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 300\n"
                           "min_interval = %3\ntimeout = 5\n"
                           "[alerts]\noffline_after = 70\nretired_after = 3600\n"
                           "[telegram]\nurl = %4\ntoken = %5\nchat = %6\ntimeout = 5\n"
                           "[storage]\ndatabase = %7\n")
                .arg(pool.baseUrl().toString(), kPoolSecret)
                .arg(kMinInterval)
                .arg(tg.baseUrl().toString(), kToken, kChat,
                     dir.filePath(QStringLiteral("rw.sqlite"))));

        QProcess p;
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), {QStringLiteral("--config"), cfg});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(pool.totalRequests() >= 1, 10000);
        QVERIFY2(QDateTime::currentMSecsSinceEpoch() < thresholdMs - 1000,
                 "rigwatchd took too long to start for this test to mean anything");
        QCOMPARE(tg.messages(kChat).size(), 0); // every rig online at the first poll

        auto alerted = [&tg] {
            const auto msgs = tg.messages(kChat);
            return !msgs.isEmpty() && msgs.first().plainText.contains(QStringLiteral("rig-03"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(alerted(), 30000);
        const qint64 lateMs = QDateTime::currentMSecsSinceEpoch() - thresholdMs;
        qInfo("the alert came %lld ms after the threshold, after %d polls", lateMs,
              pool.totalRequests());
        // One request each way is well within a second on loopback; the check above runs every
        // 50 ms and the pool's Date is in whole seconds: allow two more.
        QVERIFY2(
            lateMs <= (kMinInterval + 3) * 1000,
            qPrintable(QStringLiteral("the alert came %1 ms after the threshold").arg(lateMs)));
        // Only the polls the schedule asked for, not one a second.
        QVERIFY2(pool.totalRequests() <= 10, qPrintable(QString::number(pool.totalRequests())));

        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
        QCOMPARE(p.exitCode(), 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(!err.contains(kPoolSecret) && !err.contains(kToken));
    }
};

QTEST_GUILESS_MAIN(TestDaemonSchedule)
#include "tst_daemonschedule.moc"
