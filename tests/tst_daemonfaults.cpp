// Faults of docs/fault-matrix.md that only show end to end, with rigwatchd as a real process
// against the simulated farm hosted here: a local clock that disagrees with the pool's, a
// Telegram that hangs or is down during --once runs, and a database another process holds
// locked. Judged by exit code, the one stdout line and what the chat shows.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;

namespace {
const QString kPoolSecret = QStringLiteral("pool-secret-FAULTS1");
const QString kToken = QStringLiteral("777:FaultsTokenSECRET");
const QString kChat = QStringLiteral("-1001234567890");
using Run = rw::test::DaemonRun;
} // namespace

class TestDaemonFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<ManualClock> m_poolClock;
    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("rw.sqlite")); }

    QString writeConfig()
    {
        const QString ini =
            QStringLiteral(
                "[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\ntimeout = 2\n"
                "[telegram]\nurl = %3\ntoken = %4\nchat = %5\ntimeout = 2\n"
                "[storage]\ndatabase = %6\n")
                .arg(m_pool->baseUrl().toString(), kPoolSecret, m_tg->baseUrl().toString(), kToken,
                     kChat, dbPath());
        return test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
    }

    // rigwatchd --once to completion while this process serves the simulated farm.
    Run once(int timeoutMs = 60000)
    {
        return test::runDaemon(
            {QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()},
            {kPoolSecret, QStringLiteral("FaultsToken")}, timeoutMs);
    }

    QVector<TelegramSink::Message> chat() const { return m_tg->messages(kChat); }

    void startPool(qint64 skewSecs)
    {
        // The pool's own clock: its Date header and its rigs' shares agree with each other,
        // the local clock of rigwatchd is off by -skewSecs.
        m_poolClock =
            std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch() + skewSecs * 1000);
        m_pool = std::make_unique<FakeF2pool>(m_poolClock.get());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(kPoolSecret);
        m_pool->addRigs(10);
        QVERIFY(m_pool->listen());
    }

private slots:
    void init()
    {
        m_tg = std::make_unique<TelegramSink>(SystemClock::instance());
        m_tg->setToken(kToken);
        QVERIFY(m_tg->listen());
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_pool.reset();
        m_poolClock.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void hostileReplyRaisesNoAlarm_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<qint64>("dateSkew");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty list") << "empty-list" << qint64(0) << 3 << "held as suspect";
        QTest::newRow("nested 60,000 deep") << "deep-json" << qint64(0) << 3 << "nested";
        QTest::newRow("Date an hour ahead") << "none" << qint64(3600) << 1 << "ahead";
        QTest::newRow("Date ten years ahead") << "none" << qint64(10) * 365 * 86400 << 1 << "ahead";
    }
    // A reply that is valid JSON but cannot be believed, or one nested deep enough to overflow a
    // recursive parser, after a good run: no crash, no Telegram post, a line that says why; the
    // next good reply finds every rig as it was.
    void hostileReplyRaisesNoAlarm()
    {
        QFETCH(QString, fault);
        QFETCH(qint64, dateSkew);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        startPool(0);
        Run r = once();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 10/10 workers online")),
                 qPrintable(r.out + r.err));

        m_pool->setFault(*FakeF2pool::faultFromString(fault));
        m_pool->setDateSkewSecs(dateSkew);
        r = once();
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(says), qPrintable(r.out));
        if (exitCode == 1)
            QVERIFY2(r.out.startsWith(QStringLiteral("WARNING - 10/10 workers online")),
                     qPrintable(r.out));
        QVERIFY(chat().isEmpty());

        m_pool->setFault(FakeF2pool::Fault::None);
        m_pool->setDateSkewSecs(0);
        r = once();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 10/10 workers online")),
                 qPrintable(r.out + r.err));
        QVERIFY(chat().isEmpty());
    }

    void skewedLocalClock_data()
    {
        QTest::addColumn<qint64>("poolMinusLocal");
        QTest::newRow("local clock 2 h fast") << qint64(-7200);
        QTest::newRow("local clock 2 h slow") << qint64(7200);
        QTest::newRow("local clock 1 day fast") << qint64(-86400);
        QTest::newRow("local clock 5 days fast") << qint64(-5 * 86400);
    }
    // Workers are judged on the pool's clock (its Date header): a wrong local clock raises no
    // false alarm, and a real outage is reported with its real length.
    void skewedLocalClock()
    {
        QFETCH(qint64, poolMinusLocal);
        startPool(poolMinusLocal);
        Run r = once();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - 10/10 workers online")),
                 qPrintable(r.out + r.err));
        QVERIFY(chat().isEmpty());

        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        r = once();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - 9/10 workers online")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("rig-03 (20 min)")), qPrintable(r.out));
        QCOMPARE(chat().size(), 1);

        // The history keeps raw samples for 48 h on the clock they were stamped with: a fast
        // local clock rolls none of this run's samples up (its cut-offs never move back).
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'raw_cut'")));
            const qint64 rawCut = q.next() ? q.value(0).toLongLong() : 0;
            QVERIFY2(rawCut <= m_poolClock->nowSecs() - 47 * 3600,
                     qPrintable(QStringLiteral("raw_cut %1 is within 47 h of the pool's now %2")
                                    .arg(rawCut)
                                    .arg(m_poolClock->nowSecs())));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void telegramFailsDuringOnce_data()
    {
        QTest::addColumn<TelegramSink::Fault>("fault");
        QTest::newRow("hang") << TelegramSink::Fault::Hang;
        QTest::newRow("refused") << TelegramSink::Fault::Refused;
        QTest::newRow("502") << TelegramSink::Fault::Http502;
    }
    // Telegram hanging or down must not hang the check nor change its verdict; when it is back,
    // the alert is posted once, and no run posts it twice.
    void telegramFailsDuringOnce()
    {
        QFETCH(TelegramSink::Fault, fault);
        startPool(0);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        m_tg->injectFault(fault);
        Run r = once();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - ")), qPrintable(r.out));
        // rigwatchd waits for Telegram at most 2 x its timeout (2 s here) + 15 s, then leaves the
        // rest to the next run; the pool answered at once.
        QVERIFY2(r.ms < 30000, qPrintable(QString::number(r.ms)));
        QVERIFY(chat().isEmpty());
        m_tg->clearFaults();
        r = once();
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(chat().size(), 1);
        QVERIFY(chat().first().plainText.contains(QStringLiteral("rig-03")));
        const qint64 id = chat().first().id;
        r = once();
        QCOMPARE(chat().size(), 1);
        QCOMPARE(chat().first().id, id);
        m_pool->startRig(QStringLiteral("rig-03"));
        r = once();
        QCOMPARE(r.exitCode, 0);
        QVERIFY(chat().isEmpty());
    }

    // Another process holds the database locked: the check still reports the pool's picture
    // (the poll worked) within a bounded time, the log says which file could not be written,
    // and the chat is left alone until a run can record what it posts.
    void lockedDatabase()
    {
        startPool(0);
        QCOMPARE(once().exitCode, 0); // creates the database
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            const Run r = once();
            QVERIFY2(r.ms < 30000, qPrintable(QString::number(r.ms)));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - 9/10")), qPrintable(r.out));
            QVERIFY2(r.err.contains(dbPath()) && r.err.contains(QStringLiteral("locked")),
                     qPrintable(r.err));
            // A message whose id could not be stored would be orphaned: the chat waits.
            QVERIFY(chat().isEmpty());
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        // Lock gone: the next run records and reports normally.
        const Run r = once();
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QStringLiteral("rig-03")));
        QCOMPARE(chat().size(), 1);
    }

    // A database damaged on disk (here everything past its first page) used to fail every
    // write, and --once then left Telegram alone on every run: the channel never heard of
    // anything again. It is moved aside, a new file started, and the run goes on.
    void damagedDatabaseIsMovedAside()
    {
        startPool(0);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        Run r = once();
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(chat().size(), 1);
        {
            // A --once run leaves its writes in the write-ahead log (docs/storage.md); a later
            // run's writes move them into the file, which is what is damaged here.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("checkpoint"));
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("checkpoint"));
        {
            QFile f(dbPath());
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8192);
            f.seek(4096);
            f.write(QByteArray(int(f.size() - 4096), '\xa5'));
        }
        m_pool->setRigStoppedSince(QStringLiteral("rig-05"), m_poolClock->nowSecs() - 20 * 60);
        r = once();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("CRITICAL - 8/10")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("was damaged")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("telegram not updated")), qPrintable(r.err));
        const auto messages = chat();
        QVERIFY(!messages.isEmpty());
        QVERIFY2(messages.last().plainText.contains(QStringLiteral("rig-05")),
                 qPrintable(messages.last().plainText));
        const qint64 current = messages.last().id;
        QCOMPARE(QDir(m_dir->path())
                     .entryList({QStringLiteral("rw.sqlite.damaged-*")}, QDir::Files)
                     .size(),
                 1);

        // The new file carries on: all back, and the message of the run above is retracted.
        m_pool->startRig(QStringLiteral("rig-03"));
        m_pool->startRig(QStringLiteral("rig-05"));
        r = once();
        QCOMPARE(r.exitCode, 0);
        for (const TelegramSink::Message &m : chat())
            QVERIFY2(m.id != current, "the alert of the new file is still in the chat");
    }

    // A --once run must never cut off a post Telegram may already have carried out: its id
    // would be lost, the next run would post again and the first alert would stay forever.
    // Here a 429 pushes the send so late that, started, it could not finish inside the run's
    // Telegram budget (2 x 2 s + 15 s = 19 s) — and Telegram takes 1.5 s to answer it.
    void onceNeverCutsOffAPost()
    {
        startPool(0);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        m_tg->setRetryAfterSecs(18);
        m_tg->setAnswerDelayMs(1500);
        m_tg->injectFault(TelegramSink::Fault::TooManyRequests, 1, QStringLiteral("sendMessage"));
        auto slowNext = connect(m_tg.get(), &TelegramSink::called, this, [this] {
            m_tg->injectFault(TelegramSink::Fault::CarriedOutSlowly, 1,
                              QStringLiteral("sendMessage"));
        });
        Run r = once();
        disconnect(slowNext);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.ms < 20000, qPrintable(QString::number(r.ms)));
        QVERIFY2(r.err.contains(QStringLiteral("the next run continues it")), qPrintable(r.err));
        // Telegram's 429 is honoured by the next run too: wait it out, then the alert goes out
        // exactly once and later runs keep that one message.
        QTest::qWait(19000 - int(r.ms));
        m_tg->clearFaults();
        r = once();
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(chat().size(), 1);
        const qint64 id = chat().first().id;
        r = once();
        QCOMPARE(chat().size(), 1);
        QCOMPARE(chat().first().id, id);
        m_pool->startRig(QStringLiteral("rig-03"));
        QCOMPARE(once().exitCode, 0);
        QVERIFY(chat().isEmpty());
    }

    // SIGTERM while an alert is being posted: rigwatchd lets the call finish (Telegram takes
    // 1.5 s, inside its 2 s timeout), records the message, and exits 0; the next run adopts it
    // instead of posting a duplicate, and retracts it when the rig is back.
    void sigtermLetsThePostFinish()
    {
        startPool(0);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"), m_poolClock->nowSecs() - 20 * 60);
        m_tg->setAnswerDelayMs(1500);
        m_tg->injectFault(TelegramSink::Fault::CarriedOutSlowly, 1, QStringLiteral("sendMessage"));
        QProcess p;
        connect(m_tg.get(), &TelegramSink::called, &p, [&p](const QString &method) {
            if (method == QLatin1String("sendMessage"))
                p.terminate(); // SIGTERM while the answer is still on its way
        });
        p.start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                {QStringLiteral("--config"), writeConfig()});
        QSignalSpy finished(&p, &QProcess::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(!err.contains(QStringLiteral("FaultsToken")));
        QCOMPARE(chat().size(), 1);
        const qint64 id = chat().first().id;
        Run r = once();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains(QStringLiteral("delete it by hand")), qPrintable(r.err));
        QCOMPARE(chat().size(), 1);
        QCOMPARE(chat().first().id, id);
        m_pool->startRig(QStringLiteral("rig-03"));
        QCOMPARE(once().exitCode, 0);
        QVERIFY(chat().isEmpty());
    }

    // --test-telegram only talks to the Bot API: it neither opens nor creates the database (a
    // running service uses it; start-up reconciliation could retract its messages), and its
    // post and delete keep the chat's 1 s pacing.
    void testTelegramLeavesTheDatabaseAlone()
    {
        startPool(0);
        const QString missing = m_dir->filePath(QStringLiteral("no-such-dir/rw.sqlite"));
        const QString ini =
            QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\n"
                           "[telegram]\nurl = %3\ntoken = %4\nchat = %5\ntimeout = 2\n"
                           "[storage]\ndatabase = %6\n")
                .arg(m_pool->baseUrl().toString(), kPoolSecret, m_tg->baseUrl().toString(), kToken,
                     kChat, missing);
        const QString cfg = test::writeIni(m_dir->filePath(QStringLiteral("tg.ini")), ini);
        const Run r =
            test::runDaemon({QStringLiteral("--test-telegram"), QStringLiteral("--config"), cfg},
                            {kPoolSecret, QStringLiteral("FaultsToken")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("OK - ")), qPrintable(r.out + r.err));
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(chat().isEmpty()); // posted and deleted
        qint64 sentAt = -1, deletedAt = -1;
        for (const TelegramSink::Call &c : m_tg->calls()) {
            if (c.method == QLatin1String("sendMessage"))
                sentAt = c.monotonicMs;
            if (c.method == QLatin1String("deleteMessage"))
                deletedAt = c.monotonicMs;
        }
        QVERIFY(sentAt >= 0 && deletedAt >= 0);
        QVERIFY2(deletedAt - sentAt >= 1000, qPrintable(QString::number(deletedAt - sentAt)));
    }
};

QTEST_GUILESS_MAIN(TestDaemonFaults)
#include "tst_daemonfaults.moc"
