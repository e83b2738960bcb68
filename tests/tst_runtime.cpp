// Tests for rw::Runtime, the one assembly of store, engine, notifier and metrics: one RigWatch
// per database, a damaged database moved aside instead of failing every write, and the same
// wiring for the loop and --once.
#include "clock.h"
#include "engine/engine.h"
#include "fakef2pool.h"
#include "notify/mutestate.h"
#include "runtime/runtime.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;

class TestRuntime : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_poolClock;
    std::unique_ptr<FakeF2pool> m_pool;

    DaemonConfig config() const
    {
        DaemonConfig c;
        AccountConfig a;
        a.url = m_pool->baseUrl();
        a.user = QStringLiteral("farm1");
        a.secret = QStringLiteral("runtime-secret");
        a.intervalSecs = 3600;
        a.timeoutSecs = 2;
        c.accounts << a;
        c.databasePath = m_dir->filePath(QStringLiteral("rw.sqlite"));
        return c;
    }

    CheckReport once(Runtime &r)
    {
        QSignalSpy done(&r, &Runtime::onceFinished);
        r.runOnce();
        if (!done.wait(20000))
            return {};
        return done.first().first().value<CheckReport>();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_poolClock = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
        m_pool = std::make_unique<FakeF2pool>(m_poolClock.get());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(QStringLiteral("runtime-secret"));
        m_pool->addRigs(4);
        QVERIFY(m_pool->listen());
    }
    void cleanup()
    {
        m_pool.reset();
        m_poolClock.reset();
        m_dir.reset();
    }

    // The tray's "Pause alerts" and a Telegram /mute are one state (MuteState): pausing mutes,
    // resuming ends any mute, and the tray's pause, kept in its own settings, does not linger in
    // the database once it ended there while the app was closed.
    void trayPauseIsTheEngineMute()
    {
        {
            Runtime r(config(), {});
            r.setAlertsPaused(true); // as the tray app does before open()
            QString error;
            QVERIFY2(r.open(&error), qPrintable(error));
            QVERIFY(r.mutes()->isMuted());
            QCOMPARE(r.mutes()->active()->by, QStringLiteral("tray"));
            QSignalSpy changed(&r, &Runtime::mutesChanged);
            r.mutes()->mute({QString(), QDateTime::currentMSecsSinceEpoch() + 3600'000,
                             QStringLiteral("@bob"), QString()});
            QCOMPARE(changed.size(), 1);
            r.setAlertsPaused(false); // "Resume alerts" ends the Telegram mute too
            QVERIFY(!r.mutes()->isMuted());
            r.setAlertsPaused(true);
        }
        {
            Runtime r(config(), {});
            r.setAlertsPaused(false); // the pause ended while the app was closed
            QString error;
            QVERIFY2(r.open(&error), qPrintable(error));
            QVERIFY(!r.mutes()->isMuted());
            r.mutes()->mute({QString(), QDateTime::currentMSecsSinceEpoch() + 3600'000,
                             QStringLiteral("@bob"), QString()});
        }
        Runtime r(config(), {});
        r.setAlertsPaused(false);
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        QVERIFY(r.mutes()->isMuted()); // a Telegram mute outlives a restart of the tray app
    }

    void secondRuntimeOnTheDatabaseIsRefused()
    {
        Runtime first(config(), {});
        QString error;
        QVERIFY2(first.open(&error), qPrintable(error));
        Runtime second(config(), {});
        QVERIFY(!second.open(&error));
        QCOMPARE(second.openFailure(), Runtime::OpenFailure::InUse);
        QVERIFY2(error.contains(QStringLiteral("in use by another RigWatch")), qPrintable(error));
        QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(config().databasePath)),
                 qPrintable(error));
    }

    void databaseIsFreeAgainAfterTheFirstEnds()
    {
        QString error;
        {
            Runtime first(config(), {});
            QVERIFY2(first.open(&error), qPrintable(error));
        }
        Runtime second(config(), {});
        QVERIFY2(second.open(&error), qPrintable(error));
    }

    void notADatabaseIsMovedAside()
    {
        const QString path = config().databasePath;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64 * 1024, '\xa5')); // what a failing disk leaves behind
        }
        Runtime r(config(), {});
        QSignalSpy storage(&r, &Runtime::storageError);
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        QCOMPARE(storage.size(), 1);
        QVERIFY(storage.first().first().toString().contains(QStringLiteral("was damaged")));
        const QStringList aside =
            QDir(m_dir->path()).entryList({QStringLiteral("rw.sqlite.damaged-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(QFileInfo(m_dir->filePath(aside.first())).size(), 64 * 1024);
        const CheckReport report = once(r);
        QVERIFY2(report.line.startsWith(QStringLiteral("OK - 4/4 workers online")),
                 qPrintable(report.line));
    }

    void damagedPagesAreMovedAsideAndMonitoringGoesOn()
    {
        // A database written by earlier runs, then damaged everywhere but its first page: it
        // opens, but reading and writing it fail. The run moves it aside, starts a new file and
        // still records the poll, so the next run continues from it.
        {
            Runtime r(config(), {});
            QString error;
            QVERIFY2(r.open(&error), qPrintable(error));
            QVERIFY(once(r).line.startsWith(QStringLiteral("OK")));
        }
        const QString path = config().databasePath;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8192);
            f.seek(4096);
            f.write(QByteArray(int(f.size() - 4096), '\xa5'));
        }
        m_pool->setRigStoppedSince(QStringLiteral("rig-02"), m_poolClock->nowSecs() - 3600);
        {
            Runtime r(config(), {});
            QSignalSpy storage(&r, &Runtime::storageError);
            QString error;
            QVERIFY2(r.open(&error), qPrintable(error));
            const CheckReport report = once(r);
            QVERIFY2(report.line.startsWith(QStringLiteral("CRITICAL - 3/4 workers online")),
                     qPrintable(report.line));
            QVERIFY(!storage.isEmpty());
            QVERIFY(storage.last().first().toString().contains(QStringLiteral("was damaged")));
        }
        QCOMPARE(QDir(m_dir->path())
                     .entryList({QStringLiteral("rw.sqlite.damaged-*")}, QDir::Files)
                     .size(),
                 1);
        // The new file holds the state: the next run knows rig-02 is already down.
        Runtime r(config(), {});
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        QCOMPARE(r.store()->workerStates(config().accounts.first().key()).size(), 4);
        QVERIFY(once(r).line.startsWith(QStringLiteral("CRITICAL - 3/4 workers online")));
    }

    void aFloodingPoolHoldsUpNoOtherAccountNorTelegram()
    {
        // Over plain http Qt reads a header line without end in its network thread for as long
        // as the server keeps sending, after the poll has failed (docs/fault-matrix.md). That
        // thread belongs to the account's own network access manager: the other account still
        // gets its farm, and its alert still reaches Telegram, while the flood goes on.
        FakeF2pool hostile(m_poolClock.get());
        hostile.setUser(QStringLiteral("farm2"));
        hostile.setSecret(QStringLiteral("runtime-secret"));
        hostile.addRigs(2);
        QVERIFY(hostile.listen());
        TelegramSink sink(m_poolClock.get());
        sink.setToken(QStringLiteral("123:runtime-token"));
        QVERIFY(sink.listen());

        DaemonConfig c = config();
        c.accounts.first().intervalSecs = 60;
        AccountConfig flooding = c.accounts.first();
        flooding.url = hostile.baseUrl();
        flooding.user = QStringLiteral("farm2");
        flooding.timeoutSecs = 1;
        c.accounts.prepend(flooding);
        c.telegram.url = sink.baseUrl();
        c.telegram.token = QStringLiteral("123:runtime-token");
        c.telegram.chat = QStringLiteral("-100777");

        Runtime r(c, {});
        QHash<QString, AccountView> views;
        int goodPolls = 0;
        const QString good = c.accounts.last().key();
        const QString bad = flooding.key();
        connect(&r, &Runtime::accountUpdated, this, [&](const AccountView &v) {
            views.insert(v.key, v);
            goodPolls += v.key == good && v.lastPollOk ? 1 : 0;
        });
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        hostile.setFault(FakeF2pool::Fault::EndlessHeader);
        r.start();
        QTRY_VERIFY_WITH_TIMEOUT(views.value(bad).state.unreachableSince > 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(goodPolls, 1, 5000);

        // The flood is still on. A rig of the good account stops; the next poll sees it within
        // that account's timeout, and the alert is posted.
        m_pool->setRigStoppedSince(QStringLiteral("rig-02"), m_poolClock->nowSecs() - 3600);
        QElapsedTimer t;
        t.start();
        r.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(goodPolls == 2 || !views.value(good).state.lastError.isEmpty(),
                                 5000);
        QVERIFY2(goodPolls == 2, qPrintable(views.value(good).state.lastError));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(views.value(good).incident.down.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!sink.messages(c.telegram.chat).isEmpty(), 5000);
        QVERIFY(sink.messages(c.telegram.chat).first().text.contains(QStringLiteral("rig-02")));
        r.stop();
    }
    // A one-shot run sends its poll before it reads the workers' states (the pool prepares its
    // reply meanwhile), but what the pool answers is taken up only by runOnce(): before it,
    // nothing is classified, stored or reported; after it, one request made the whole check.
    void pollFirstHoldsTheAnswerForRunOnce()
    {
        const QString list = QStringLiteral("/v2/hash_rate/worker/list");
        {
            Runtime first(config(), RuntimeOptions{});
            QString error;
            QVERIFY2(first.open(&error), qPrintable(error));
            QVERIFY(once(first).line.startsWith(QStringLiteral("OK - 4/4")));
            first.finish();
        }
        m_pool->setRigStoppedSince(m_pool->rigNames().at(1), m_poolClock->nowSecs() - 20 * 60);
        RuntimeOptions options;
        options.pollFirst = true;
        Runtime r(config(), options);
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return m_pool->requestCount(list) == 2; }, 5000));
        QTest::qWait(300); // the answer arrives and is held
        QVERIFY(!r.engine()->views().first().lastPollOk);
        QCOMPARE(r.engine()->views().first().incident.down.size(), 0);
        const CheckReport report = once(r);
        QVERIFY2(report.line.startsWith(QStringLiteral("CRITICAL - 3/4 workers online")),
                 qPrintable(report.line));
        QCOMPARE(m_pool->requestCount(list), 2);
        r.finish();

        // A failure is held the same way and reported as the check's outcome.
        m_pool->setFault(FakeF2pool::Fault::Refused);
        Runtime refused(config(), options);
        QVERIFY2(refused.open(&error), qPrintable(error));
        QTest::qWait(300);
        const CheckReport unknown = once(refused);
        QVERIFY2(unknown.line.startsWith(QStringLiteral("UNKNOWN")), qPrintable(unknown.line));
        refused.finish();
    }

    void schema2DatabaseContinuesItsIncident()
    {
        // A database of the previous schema (tests/data/store/README.md): rig0003 offline and
        // rig0011 missing, announced by a live message. After the upgrade the next check edits
        // that message (rig0011 is back) instead of posting a second one. (Both have been down
        // for more than a day: retired_after is a week here, or both would be given up on.)
        const QString path = m_dir->filePath(QStringLiteral("rw.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_TEST_DATA "/store/schema2.sqlite"), path));
        QFile json(QStringLiteral(RIGWATCH_TEST_DATA "/store/schema2-expected.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const qint64 end = QJsonDocument::fromJson(json.readAll())
                               .object()
                               .value(QLatin1String("end"))
                               .toInteger();
        ManualClock clock((end + 600) * 1000);
        TelegramSink sink(&clock);
        sink.setToken(QStringLiteral("123:runtime-token"));
        QVERIFY(sink.listen());
        const QString chat = QStringLiteral("-1001234567890");
        const qint64 messageId =
            sink.seedMessage(chat, QStringLiteral("2 of 12 workers down"), end - 86400 + 300);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("UPDATE telegram_messages SET message_id = %1").arg(messageId)));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fixture"));

        FakeF2pool pool(&clock);
        pool.setUser(QStringLiteral("farm1"));
        pool.setSecret(QStringLiteral("runtime-secret"));
        for (int i = 0; i < 12; ++i)
            pool.addRig(QStringLiteral("rig%1").arg(i, 4, 10, QLatin1Char('0')), 1e14,
                        QStringLiteral("10.0.0.%1").arg(i));
        pool.setRigStoppedSince(QStringLiteral("rig0003"), end - 2 * 86400 - 100);
        QVERIFY(pool.listen());

        DaemonConfig c = config();
        c.accounts.first().url = pool.baseUrl();
        c.accounts.first().thresholds.retiredAfterSecs = 7 * 86400;
        c.telegram.url = sink.baseUrl();
        c.telegram.token = QStringLiteral("123:runtime-token");
        c.telegram.chat = chat;
        RuntimeOptions options;
        options.clock = &clock;
        Runtime r(c, options);
        QString error;
        QVERIFY2(r.open(&error), qPrintable(error));
        const CheckReport report = once(r);
        QVERIFY2(report.line.startsWith(QStringLiteral("CRITICAL - 11/12 workers online")),
                 qPrintable(report.line));
        QCOMPARE(sink.callCount(QStringLiteral("sendMessage")), 0);
        const auto live = sink.messages(chat);
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().id, messageId);
        QVERIFY(live.first().edits >= 1);
        QVERIFY2(live.first().text.contains(QStringLiteral("rig0003")) &&
                     !live.first().text.contains(QStringLiteral("rig0011")),
                 qPrintable(live.first().text));
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
