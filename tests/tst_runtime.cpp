// Tests for rw::Runtime, the one assembly of store, engine, notifier and metrics: one RigWatch
// per database, a damaged database moved aside instead of failing every write, and the same
// wiring for the loop and --once.
#include "clock.h"
#include "engine/engine.h"
#include "fakef2pool.h"
#include "runtime/runtime.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;

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
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
