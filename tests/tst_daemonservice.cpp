// rigwatchd's loop as a service manager runs it (src/daemon/service.h): SIGHUP reads the
// configuration again, a bad one keeps the running one, a busy metrics port is retried while
// monitoring goes on, and a second daemon on the same database is refused with exit 1.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;

namespace {
const QString kPoolSecret = QStringLiteral("pool-secret-SERVICE1");
const QString kToken = QStringLiteral("555:ServiceTokenSECRET");
const QString kChat = QStringLiteral("-1009876543210");
} // namespace

class TestDaemonService : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<QProcess>> m_daemons;
    QString m_log;

    QString configPath() const { return m_dir->filePath(QStringLiteral("rigwatch.ini")); }

    QString writeConfig(bool telegram, const QString &extra = {})
    {
        QString ini = QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\n"
                                     "timeout = 2\n[storage]\ndatabase = %3\n")
                          .arg(m_pool->baseUrl().toString(), kPoolSecret,
                               m_dir->filePath(QStringLiteral("rw.sqlite")));
        if (telegram)
            ini += QStringLiteral("[telegram]\nurl = %1\ntoken = %2\nchat = %3\ntimeout = 2\n")
                       .arg(m_tg->baseUrl().toString(), kToken, kChat);
        return test::writeIni(configPath(), ini + extra);
    }

    QProcess *start()
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                 {QStringLiteral("--config"), configPath()});
        p->waitForStarted();
        m_daemons.push_back(std::move(p));
        return m_daemons.back().get();
    }

    // What the first daemon logged so far.
    const QString &log()
    {
        m_log += QString::fromUtf8(m_daemons.front()->readAllStandardError());
        return m_log;
    }

private slots:
    void init()
    {
        m_pool = std::make_unique<FakeF2pool>(SystemClock::instance());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(kPoolSecret);
        m_pool->addRigs(4);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QVERIFY(m_pool->listen());
        m_tg = std::make_unique<TelegramSink>(SystemClock::instance());
        m_tg->setToken(kToken);
        QVERIFY(m_tg->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        m_log.clear();
    }
    void cleanup()
    {
        for (auto &p : m_daemons) {
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
        }
        m_daemons.clear();
        m_pool.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void sighupReadsTheConfigurationAgain()
    {
        writeConfig(false);
        QProcess *d = start();
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("polled")), 10000);
        QVERIFY(m_tg->messages(kChat).isEmpty()); // no [telegram] yet

        writeConfig(true); // the operator adds the channel, then: systemctl reload rigwatchd
        ::kill(pid_t(d->processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("reloading")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_tg->messages(kChat).size(), 1, 15000);
        QVERIFY(m_tg->messages(kChat).first().plainText.contains(QStringLiteral("rig-03")));
        QCOMPARE(d->state(), QProcess::Running);
        QVERIFY2(!log().contains(kPoolSecret) && !log().contains(QStringLiteral("ServiceToken")),
                 "a secret reached the log");
    }

    void sighupWithABadConfigurationKeepsTheRunningOne()
    {
        writeConfig(true);
        QProcess *d = start();
        QTRY_COMPARE_WITH_TIMEOUT(m_tg->messages(kChat).size(), 1, 15000);
        test::writeIni(configPath(), QStringLiteral("[pool]\ninterval = soon\n"));
        ::kill(pid_t(d->processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("was not reloaded")), 10000);
        // Still watching with the old configuration: rig-03 back is retracted.
        m_pool->startRig(QStringLiteral("rig-03"));
        QTRY_VERIFY_WITH_TIMEOUT(m_tg->messages(kChat).isEmpty(), 15000);
        QCOMPARE(d->state(), QProcess::Running);
    }

    void busyMetricsPortIsRetriedWhileMonitoring()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        writeConfig(
            true, QStringLiteral("[metrics]\nlisten = 127.0.0.1:%1\n").arg(squatter.serverPort()));
        QProcess *d = start();
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("trying again in 30 s")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_tg->messages(kChat).size(), 1, 15000); // it watches meanwhile
        QCOMPARE(d->state(), QProcess::Running);
    }

    void secondDaemonOnTheDatabaseExitsOne()
    {
        writeConfig(false);
        QProcess *first = start();
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("polled")), 10000);
        const test::DaemonRun second =
            test::runDaemon({QStringLiteral("--config"), configPath()}, {kPoolSecret}, 15000);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("in use by another RigWatch")) &&
                     second.err.contains(QString::number(first->processId())),
                 qPrintable(second.err));
        QCOMPARE(first->state(), QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestDaemonService)
#include "tst_daemonservice.moc"
