// rigwatchd as an operator (or cron, or an outside checker) drives it: a real process against the
// simulated farm hosted by this test, judged by its exit code, its one stdout line, its log and
// what the Telegram chat shows.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
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
using Run = rw::test::DaemonRun;
} // namespace

class TestDaemon : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString writeConfig(const QString &extra = {}, bool telegram = true)
    {
        QString ini =
            QStringLiteral(
                "[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\ntimeout = 2\n")
                .arg(m_pool->baseUrl().toString(), kPoolSecret);
        if (telegram)
            ini += QStringLiteral("[telegram]\nurl = %1\ntoken = %2\nchat = %3\ntimeout = 2\n")
                       .arg(m_tg->baseUrl().toString(), kToken, kChat);
        ini += QStringLiteral("[storage]\ndatabase = %1\n")
                   .arg(m_dir->filePath(QStringLiteral("rw.sqlite")));
        ini += extra;
        return test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
    }

    // Runs rigwatchd to completion while this process keeps serving the simulated farm.
    static Run run(const QStringList &args, int timeoutMs = 20000)
    {
        return test::runDaemon(args, {kPoolSecret, kToken, QStringLiteral("TOKENabcdef")},
                               timeoutMs);
    }

    static void checkNoSecret(const QString &text)
    {
        QVERIFY2(!text.contains(kPoolSecret), "pool secret leaked into output");
        QVERIFY2(!text.contains(kToken), "bot token leaked into output");
        QVERIFY2(!text.contains(QStringLiteral("TOKENabcdef")),
                 "part of the bot token leaked into output");
    }

    QVector<TelegramSink::Message> chat() const { return m_tg->messages(kChat); }

private slots:
    void init()
    {
        m_pool = std::make_unique<FakeF2pool>(SystemClock::instance());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(kPoolSecret);
        m_pool->addRigs(10);
        QVERIFY(m_pool->listen());
        m_tg = std::make_unique<TelegramSink>(SystemClock::instance());
        m_tg->setToken(kToken);
        QVERIFY(m_tg->listen());
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_pool.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void onceOk()
    {
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 10/10 workers online")),
                 qPrintable(r.out + r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QCOMPARE(chat().size(), 0);
    }

    void onceCriticalNamesTheRig()
    {
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - 9/10 workers online")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("rig-03 (20 min)")), qPrintable(r.out));
        QCOMPARE(chat().size(), 1);
        QVERIFY(chat().first().plainText.contains(QStringLiteral("rig-03")));
    }

    void onceWarningForTheFloorOnly()
    {
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"),
                           writeConfig(QStringLiteral("[alerts]\nmin_hashrate = 100E\n"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith(QStringLiteral("WARNING - ")), qPrintable(r.out));
    }

    void onceUnknownWhenThePoolFails_data()
    {
        QTest::addColumn<FakeF2pool::Fault>("fault");
        QTest::newRow("500") << FakeF2pool::Fault::Http500;
        QTest::newRow("hang") << FakeF2pool::Fault::Hang;
        QTest::newRow("5010") << FakeF2pool::Fault::ErrorCode5010;
        QTest::newRow("refused") << FakeF2pool::Fault::Refused;
    }
    void onceUnknownWhenThePoolFails()
    {
        QFETCH(FakeF2pool::Fault, fault);
        m_pool->setFault(fault);
        QElapsedTimer t;
        t.start();
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith(QStringLiteral("UNKNOWN - ")), qPrintable(r.out));
        QVERIFY2(t.elapsed() < 10000, "a hung pool must not hang the check");
    }

    void failedPollChangesNoState()
    {
        const QString cfg = writeConfig();
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 2);
        for (auto f : {FakeF2pool::Fault::InvalidJson, FakeF2pool::Fault::TruncatedJson,
                       FakeF2pool::Fault::Http401}) {
            m_pool->setFault(f);
            QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 3);
        }
        m_pool->setFault(FakeF2pool::Fault::None);
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QStringLiteral("9/10")));
        QCOMPARE(chat().size(), 1); // the broken replies neither retracted nor re-posted it
    }

    void onceSequenceKeepsOneMessage()
    {
        const QString cfg = writeConfig();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), now - 20 * 60);
        QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 2);
        QCOMPARE(chat().size(), 1);
        const qint64 first = chat().first().id;

        // same state again: nothing new is posted
        QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 2);
        QCOMPARE(chat().size(), 1);
        QCOMPARE(chat().first().id, first);

        // grows: a new message (notifies), the old one retracted
        m_pool->setRigStoppedSince(QStringLiteral("rig-05"), now - 15 * 60);
        QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 2);
        QCOMPARE(chat().size(), 1);
        QVERIFY(chat().first().id != first);
        QVERIFY(chat().first().plainText.contains(QStringLiteral("rig-05")));
        QVERIFY(!chat().first().silent);
        const qint64 second = chat().first().id;

        // shrinks: edited in place
        m_pool->startRig(QStringLiteral("rig-03"));
        QCOMPARE(run({QStringLiteral("--once"), QStringLiteral("--config"), cfg}).exitCode, 2);
        QCOMPARE(chat().size(), 1);
        QCOMPARE(chat().first().id, second);
        QVERIFY(!chat().first().plainText.contains(QStringLiteral("rig-03")));

        // over: retracted
        m_pool->startRig(QStringLiteral("rig-05"));
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(chat().size(), 0);
    }

    // SIGTERM (systemd, kill) and SIGINT (Ctrl+C in a terminal) take the same way out: the
    // handler stops the daemon, exit 0, and what it knew is in the database for the next start.
    void loopRunsUntilSigtermAndRestartsCleanly_data()
    {
        QTest::addColumn<int>("sig");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void loopRunsUntilSigtermAndRestartsCleanly()
    {
        QFETCH(int, sig);
        const QString cfg = writeConfig(QStringLiteral("[metrics]\nlisten = 127.0.0.1:0\n"));
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        for (int round = 0; round < 2; ++round) {
            QProcess p;
            p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                    {QStringLiteral("--config"), cfg});
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(m_pool->totalRequests() >= 3 * (round + 1), 15000);
            QTRY_COMPARE_WITH_TIMEOUT(chat().size(), 1, 5000);
            const qint64 id = chat().first().id;
            QByteArray log = p.readAllStandardError();
            const auto m = QRegularExpression(QStringLiteral("metrics on (http://\\S+/metrics)"))
                               .match(QString::fromUtf8(log));
            QVERIFY2(m.hasMatch(), log.constData());
            QNetworkAccessManager nam;
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(m.captured(1))));
            QSignalSpy got(reply, &QNetworkReply::finished);
            QVERIFY(got.wait(5000));
            const QString metrics = QString::fromUtf8(reply->readAll());
            delete reply;
            QVERIFY2(metrics.contains(QStringLiteral(
                         "rigwatch_worker_up{account=\"farm1\",group=\"\",worker=\"rig-03\"} 0")),
                     qPrintable(metrics.left(2000)));
            QVERIFY(metrics.contains(QStringLiteral("rigwatch_telegram_messages_live 1")));
            checkNoSecret(metrics);
            ::kill(pid_t(p.processId()), sig);
            QSignalSpy done(&p, &QProcess::finished);
            QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit); // handled, not the default action
            QCOMPARE(p.exitCode(), 0);
            const QString err = QString::fromUtf8(log + p.readAllStandardError());
            checkNoSecret(err);
            QVERIFY2(err.contains(QStringLiteral("polled")), qPrintable(err));
            QVERIFY2(err.contains(QStringLiteral("signal %1 received, shutting down").arg(sig)),
                     qPrintable(err));
            QCOMPARE(chat().size(), 1);
            QCOMPARE(chat().first().id, id); // a restart re-posts nothing
            // What the next start relies on is on disk: the polls and the standing message.
            Store store;
            QString error;
            QVERIFY2(store.open(m_dir->filePath(QStringLiteral("rw.sqlite")), &error),
                     qPrintable(error));
            const qint64 until = QDateTime::currentSecsSinceEpoch() + 60;
            QVERIFY(!store.accountSeries(QStringLiteral("farm1/bitcoin"), 0, until).isEmpty());
            const QVector<LiveMessage> live = store.liveMessages();
            QCOMPARE(live.size(), 1);
            QCOMPARE(live.first().state, LiveMessage::Live);
            QCOMPARE(live.first().messageId, id);
        }
    }

    void poolUnreachableBecomesAnIncident()
    {
        // no success for longer than max(offline_after, 3 x interval) = 3 s. With offline_after
        // this short a sharing rig would flip between online and offline every few polls, and
        // each flip to offline is a growth (a post), which soon exhausts the chat's 20 calls a
        // minute and holds back the retraction under test: so every rig stopped ten minutes ago,
        // a stable offline set that unreachability joins and leaves again
        for (int i = 1; i <= 10; ++i)
            m_pool->setRigStoppedSince(QStringLiteral("rig-%1").arg(i, 2, 10, QLatin1Char('0')),
                                       QDateTime::currentSecsSinceEpoch() - 600);
        const QString cfg =
            writeConfig(QStringLiteral("[alerts]\noffline_after = 3\nretired_after = 3600\n"));
        run({QStringLiteral("--once"), QStringLiteral("--config"), cfg});
        m_pool->setFault(FakeF2pool::Fault::Http500);
        QProcess p;
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), {QStringLiteral("--config"), cfg});
        auto says500 = [this] {
            const auto msgs = chat();
            return msgs.size() == 1 && msgs.first().plainText.contains(QStringLiteral("HTTP 500"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(says500(), 15000);
        m_pool->setFault(FakeF2pool::Fault::None);
        QTRY_VERIFY_WITH_TIMEOUT(!says500(), 15000); // answering again: no longer in the chat
        QTRY_VERIFY_WITH_TIMEOUT(chat().size() <= 1, 5000); // a growth posts first, then retracts
        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
        QCOMPARE(p.exitCode(), 0);
        checkNoSecret(QString::fromUtf8(p.readAllStandardError()));
    }

    void severalAccountsAreIndependent()
    {
        FakeF2pool ltc(SystemClock::instance());
        ltc.setUser(QStringLiteral("farm2"));
        ltc.setCurrency(QStringLiteral("litecoin"));
        ltc.addRigs(4, QStringLiteral("l-"));
        ltc.setRigStoppedSince(QStringLiteral("l-02"), QDateTime::currentSecsSinceEpoch() - 3600);
        QVERIFY(ltc.listen());
        const QString cfg = writeConfig(
            QStringLiteral("[pool.ltc]\nuser = farm2\ncurrency = litecoin\nurl = %1\nsecret = \n")
                .arg(ltc.baseUrl().toString()));
        const Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), cfg});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(QStringLiteral("farm1: 10/10 workers online")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("farm2: 3/4 workers online")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("l-02 (1 h 00 min)")));
        QCOMPARE(chat().size(), 1);
        QVERIFY(chat().first().plainText.contains(QStringLiteral("farm2")));
    }

    void invalidConfiguration_data()
    {
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QString>("named");
        QTest::newRow("missing user")
            << QStringLiteral("[pool]\ncurrency = bitcoin\n") << QStringLiteral("[pool] user");
        QTest::newRow("interval") << QStringLiteral("[pool]\nuser = a\ninterval = five\n")
                                  << QStringLiteral("[pool] interval");
        QTest::newRow("provider") << QStringLiteral("[pool]\nuser = a\nprovider = nicehash\n")
                                  << QStringLiteral("[pool] provider");
        QTest::newRow("timeout") << QStringLiteral("[pool]\nuser = a\ntimeout = -1\n")
                                 << QStringLiteral("[pool] timeout");
    }
    void invalidConfiguration()
    {
        QFETCH(QString, ini);
        QFETCH(QString, named);
        const QString path = m_dir->filePath(QStringLiteral("bad.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini.toUtf8());
        f.close();
        Run r = run({QStringLiteral("--once"), QStringLiteral("--config"), path});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith(QStringLiteral("UNKNOWN - ")), qPrintable(r.out));
        QVERIFY(r.out.contains(named));
        QVERIFY(r.out.contains(path));
        r = run({QStringLiteral("--config"), path});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(named));
        r = run({QStringLiteral("--check-config"), path});
        QCOMPARE(r.exitCode, 3);
    }

    void unreadableFileAndDatabase()
    {
        Run r = run({QStringLiteral("--once"), QStringLiteral("--config"),
                     m_dir->filePath(QStringLiteral("absent.ini"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains(QStringLiteral("absent.ini")));
        const QString blocker = m_dir->filePath(QStringLiteral("file"));
        QFile(blocker).open(QIODevice::WriteOnly);
        r = run({QStringLiteral("--once"), QStringLiteral("--config"),
                 writeConfig(QStringLiteral("[storage]\ndatabase = %1/x.sqlite\n").arg(blocker))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(blocker + QStringLiteral("/x.sqlite")), qPrintable(r.out));
    }

    void checkConfigMasksSecrets()
    {
        const Run r = run({QStringLiteral("--check-config"), writeConfig()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("user = farm1")));
        QVERIFY(r.out.contains(QStringLiteral("****")));
    }

    void demoComesUpAndStops()
    {
        QProcess p;
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"), {QStringLiteral("--demo")});
        QVERIFY(p.waitForStarted());
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += QString::fromUtf8(p.readAllStandardError())).contains(QStringLiteral("polled")),
            10000);
        QVERIFY(err.contains(QStringLiteral("DEMO")));
        ::kill(pid_t(p.processId()), SIGTERM);
        QSignalSpy done(&p, &QProcess::finished);
        QVERIFY(p.state() == QProcess::NotRunning || done.wait(5000));
        QCOMPARE(p.exitCode(), 0);
    }

    void helpAndVersion()
    {
        Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *opt :
             {"--config", "--once", "--check-config", "--test-telegram", "--demo"})
            QVERIFY2(r.out.contains(QLatin1String(opt)), opt);
        r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral(RIGWATCH_VERSION)));
    }

    void testTelegramReportsWhatWentWrong()
    {
        Run r = run({QStringLiteral("--test-telegram"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(chat().size(), 0); // posted and deleted
        m_tg->setToken(QStringLiteral("999:other"));
        r = run({QStringLiteral("--test-telegram"), QStringLiteral("--config"), writeConfig()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Unauthorized"), Qt::CaseInsensitive),
                 qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
