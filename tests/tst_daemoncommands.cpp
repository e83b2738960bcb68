// rigwatchd answering Telegram: commands and button presses injected into the simulated Bot API
// while a real rigwatchd runs in loop mode against the simulated farm.
#include "daemonrun.h"
#include "fakef2pool.h"
#include "socks5proxy.h"
#include "telegramsink.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
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
constexpr qint64 kAdmin = 111;
constexpr qint64 kStranger = 999;
} // namespace

class TestDaemonCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_daemon;
    QByteArray m_log;

    QString writeConfig(const QString &extra = {})
    {
        const QString ini =
            QStringLiteral("[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\n"
                           "timeout = 2\n"
                           "[telegram]\nurl = %3\ntoken = %4\nchat = %5\ntimeout = 3\n"
                           "commands = on\nadmins = %6, 222\n%7"
                           "[storage]\ndatabase = %8\n")
                .arg(m_pool->baseUrl().toString(), kPoolSecret, m_tg->baseUrl().toString(), kToken,
                     kChat, QString::number(kAdmin), extra,
                     m_dir->filePath(QStringLiteral("rw.sqlite")));
        return test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
    }

    void startDaemon(const QString &extra = {})
    {
        m_daemon = std::make_unique<QProcess>();
        m_daemon->start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        {QStringLiteral("--config"), writeConfig(extra)});
        QVERIFY(m_daemon->waitForStarted());
        const int before = m_tg->callCount(QStringLiteral("getUpdates"));
        // reading commands: the first getUpdates is held by the long poll, so count requests
        QTRY_VERIFY_WITH_TIMEOUT(m_tg->server()->activeRequests() >= 1 ||
                                     m_tg->callCount(QStringLiteral("getUpdates")) > before,
                                 10000);
    }

    QString stopDaemon(int sig = SIGTERM)
    {
        if (!m_daemon)
            return {};
        // pid 0 (it has exited already) would signal this whole process group
        if (m_daemon->state() != QProcess::NotRunning && m_daemon->processId() > 0) {
            QSignalSpy done(m_daemon.get(), &QProcess::finished);
            ::kill(pid_t(m_daemon->processId()), sig);
            done.wait(8000);
        }
        m_log += m_daemon->readAllStandardError();
        m_daemon.reset();
        const QString log = QString::fromUtf8(m_log);
        if (log.contains(kToken) || log.contains(kPoolSecret))
            QTest::qFail("a secret leaked into rigwatchd's log", __FILE__, __LINE__);
        return log;
    }

    QStringList texts(const QString &chat = kChat) const
    {
        QStringList out;
        for (const auto &m : m_tg->messages(chat))
            out << m.plainText;
        return out;
    }
    int containing(const QString &what) const
    {
        int n = 0;
        for (const QString &t : texts())
            n += t.contains(what) ? 1 : 0;
        return n;
    }
    // The /metrics URL rigwatchd logs when [metrics] listen is set ("" if it does not).
    QUrl metricsUrl()
    {
        QUrl url;
        QTest::qWaitFor(
            [&] {
                m_log += m_daemon->readAllStandardError();
                const auto m =
                    QRegularExpression(QStringLiteral("metrics on (http://\\S+/metrics)"))
                        .match(QString::fromUtf8(m_log));
                if (m.hasMatch())
                    url = QUrl(m.captured(1));
                return m.hasMatch();
            },
            10000);
        return url;
    }
    static QString scrape(const QUrl &url)
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        const QString body = QString::fromUtf8(reply->readAll());
        reply->deleteLater();
        return body;
    }

    void waitPolls(int n)
    {
        const int target = m_pool->totalRequests() + n;
        QTRY_VERIFY_WITH_TIMEOUT(m_pool->totalRequests() >= target, 15000);
    }

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
        m_log.clear();
    }
    void cleanup()
    {
        const QString log = stopDaemon();
        if (QTest::currentTestFailed())
            qWarning().noquote() << "rigwatchd's log:\n" << log.right(6000);
        m_pool.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void statusIsAnsweredInTheRightChat()
    {
        startDaemon();
        waitPolls(1);
        m_tg->injectMessage(QStringLiteral("-100777"), QStringLiteral("/status"), kAdmin, {},
                            QStringLiteral("supergroup"));
        m_tg->injectMessage(kChat, QStringLiteral("/status@rigwatch_sim_bot"), kStranger,
                            QStringLiteral("eve"), QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(texts().size(), 1, 10000);
        QVERIFY2(texts().first().contains(QStringLiteral("farm1: 10 of 10 workers online")),
                 qPrintable(texts().first()));
        QCOMPARE(texts(QStringLiteral("-100777")).size(), 0); // a chat it does not serve
        QTRY_VERIFY(m_tg->myCommands().size() == 5 &&
                    m_tg->myCommands(QStringLiteral("zh")).size() == 5);
        const QString log = stopDaemon();
        QCOMPARE(log.count(QStringLiteral("ignoring commands from chat -100777")), 1);
    }

    void muteByAnAdminSilencesTheNextOutageAndUnmuteLetsItPost()
    {
        startDaemon(QStringLiteral("[metrics]\nlisten = 127.0.0.1:0\n"));
        const QUrl metrics = metricsUrl();
        QVERIFY(metrics.isValid());
        QVERIFY2(scrape(metrics).contains(QStringLiteral("\nrigwatch_alerts_muted 0\n")),
                 qPrintable(scrape(metrics)));
        m_tg->injectMessage(kChat, QStringLiteral("/mute 1h"), kAdmin, QStringLiteral("ann"),
                            QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("muted by @ann")), 1, 10000);
        // the mute shows in /metrics, with its end
        const QString muted = scrape(metrics);
        QVERIFY2(muted.contains(QStringLiteral("\nrigwatch_alerts_muted 1\n")), qPrintable(muted));
        const auto until =
            QRegularExpression(QStringLiteral("\nrigwatch_alerts_muted_until_seconds (\\d+)"))
                .match(muted);
        QVERIFY(until.hasMatch());
        QVERIFY(qAbs(until.captured(1).toLongLong() - QDateTime::currentSecsSinceEpoch() - 3600) <
                30);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        waitPolls(3);
        QTest::qWait(1500);
        QCOMPARE(containing(QStringLiteral("rig-03")), 0);
        m_tg->injectMessage(kChat, QStringLiteral("/unmute"), kAdmin, QStringLiteral("ann"),
                            QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("on again")), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("rig-03")), 1, 10000);
        QVERIFY(scrape(metrics).contains(QStringLiteral("\nrigwatch_alerts_muted 0\n")));
    }

    void theSameMuteByAStrangerDoesNothing()
    {
        startDaemon();
        m_tg->injectMessage(kChat, QStringLiteral("/mute 1h"), kStranger, QStringLiteral("eve"),
                            QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("Not allowed")), 1, 10000);
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("rig-03")), 1, 10000);
        QCOMPARE(containing(QStringLiteral("muted")), 0);
    }

    void aRestartAfterACommandDoesNotRepeatIt()
    {
        startDaemon();
        m_tg->injectMessage(kChat, QStringLiteral("/mute 1h"), kAdmin, QStringLiteral("ann"),
                            QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("muted by @ann")), 1, 10000);
        stopDaemon(SIGKILL);
        // whatever confirmed the update, it is handed out again now
        m_tg->injectFault(TelegramSink::Fault::UpdatesAgain);
        const int before = m_tg->callCount(QStringLiteral("getUpdates"));
        startDaemon();
        QTRY_VERIFY_WITH_TIMEOUT(m_tg->callCount(QStringLiteral("getUpdates")) >= before + 3,
                                 10000);
        QTest::qWait(1000);
        QCOMPARE(containing(QStringLiteral("muted by @ann")), 1);
        // and the mute itself outlived kill -9
        m_pool->setRigStoppedSince(QStringLiteral("rig-05"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        waitPolls(3);
        QTest::qWait(1000);
        QCOMPARE(containing(QStringLiteral("rig-05")), 0);
    }

    void anAcknowledgePressEditsTheMessage()
    {
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        startDaemon();
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("rig-03")), 1, 10000);
        const auto alert = m_tg->messages(kChat).first();
        const QJsonArray row =
            alert.replyMarkup.value(QLatin1String("inline_keyboard")).toArray().first().toArray();
        QCOMPARE(row.size(), 2);
        QCOMPARE(row.at(0).toObject().value(QLatin1String("callback_data")).toString(),
                 QStringLiteral("mute:1h"));
        QCOMPARE(row.at(1).toObject().value(QLatin1String("callback_data")).toString(),
                 QStringLiteral("ack"));
        m_tg->injectCallback(kChat, alert.id, QStringLiteral("ack"), 222, QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tg->message(kChat, alert.id)
                ->plainText.contains(QStringLiteral("acknowledged by @bob at")),
            10000);
        QCOMPARE(m_tg->callbackAnswers().size(), 1);
        QCOMPARE(m_tg->messages(kChat).size(), 1); // an edit, not a new message
        m_tg->injectCallback(kChat, alert.id, QStringLiteral("mute:1h"), kStranger,
                             QStringLiteral("eve"));
        QTRY_COMPARE_WITH_TIMEOUT(m_tg->callbackAnswers().size(), 2, 10000);
        QVERIFY(m_tg->callbackAnswers().last().text.contains(QStringLiteral("Not allowed")));
    }

    void anApiAnsweringAtOnceIsCalledAtMostOnceASecond()
    {
        m_tg->injectFault(TelegramSink::Fault::UpdatesAtOnce);
        startDaemon();
        const int before = m_tg->callCount(QStringLiteral("getUpdates"));
        QTest::qWait(4000);
        const int calls = m_tg->callCount(QStringLiteral("getUpdates")) - before;
        QVERIFY2(calls >= 2 && calls <= 5, qPrintable(QString::number(calls)));
        QVector<qint64> at;
        for (const auto &c : m_tg->calls())
            if (c.method == QLatin1String("getUpdates"))
                at << c.monotonicMs;
        for (int i = 1; i < at.size(); ++i)
            QVERIFY2(at[i] - at[i - 1] >= 950, "two getUpdates less than a second apart");
    }

    void aConflictIsReportedOnceWhileAlertsFlow()
    {
        m_tg->injectFault(TelegramSink::Fault::Conflict);
        startDaemon();
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("rig-03")), 1, 10000);
        QTest::qWait(1500);
        QCOMPARE(m_tg->callCount(QStringLiteral("getUpdates")), 1); // next try in 30 s
        const QString log = stopDaemon();
        QCOMPARE(log.count(QStringLiteral("another program reads this bot's updates")), 1);
    }

    // The farm's machine cannot resolve (or reach) Telegram and the pool by itself: their names
    // exist only at the proxy, so everything that arrives went through it.
    QString throughProxy(const rw::sim::Socks5Proxy &proxy, const QString &credentials = {})
    {
        const QString address =
            credentials + QStringLiteral("127.0.0.1:") + QString::number(proxy.port());
        const QString ini =
            QStringLiteral("[pool]\nurl = http://pool.invalid:%1\nuser = farm1\nsecret = %2\n"
                           "interval = 1\ntimeout = 2\nproxy = socks5://%3\n"
                           "[telegram]\nurl = http://telegram.invalid:%4\ntoken = %5\nchat = %6\n"
                           "timeout = 3\ncommands = on\nadmins = 111\n"
                           "proxy = socks5://%3\n[storage]\ndatabase = %7\n")
                .arg(QString::number(m_pool->baseUrl().port()), kPoolSecret, address,
                     QString::number(m_tg->baseUrl().port()), kToken, kChat,
                     m_dir->filePath(QStringLiteral("rw.sqlite")));
        return test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
    }

    void alertsAndCommandsFlowThroughASocks5Proxy()
    {
        rw::sim::Socks5Proxy proxy;
        proxy.mapHost(QStringLiteral("pool.invalid"), QStringLiteral("127.0.0.1"));
        proxy.mapHost(QStringLiteral("telegram.invalid"), QStringLiteral("127.0.0.1"));
        proxy.setCredentials(QStringLiteral("farm"), QStringLiteral("proxyPASS77"));
        QVERIFY(proxy.listen());
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        m_daemon = std::make_unique<QProcess>();
        m_daemon->start(
            QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
            {QStringLiteral("--config"), throughProxy(proxy, QStringLiteral("farm:proxyPASS77@"))});
        QVERIFY(m_daemon->waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("rig-03")), 1, 15000);
        m_tg->injectMessage(kChat, QStringLiteral("/status"), kStranger, {},
                            QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(QStringLiteral("9 of 10 workers online")), 1, 15000);
        // names resolved at the proxy (remote DNS), the pool's through the same proxy
        QVERIFY(proxy.requestedHosts().contains(
            QStringLiteral("telegram.invalid:%1").arg(m_tg->baseUrl().port())));
        QVERIFY(proxy.requestedHosts().contains(
            QStringLiteral("pool.invalid:%1").arg(m_pool->baseUrl().port())));
        const QString log = stopDaemon();
        QVERIFY2(!log.contains(QStringLiteral("proxyPASS77")), "the proxy's password leaked");
        QVERIFY2(
            log.contains(QStringLiteral("through the proxy at 127.0.0.1:%1").arg(proxy.port())),
            qPrintable(log));
    }

    void aProxyThatRefusesIsNamed()
    {
        rw::sim::Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.setMode(rw::sim::Socks5Proxy::Mode::Refuse);
        m_daemon = std::make_unique<QProcess>();
        m_daemon->start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        {QStringLiteral("--config"), throughProxy(proxy)});
        QVERIFY(m_daemon->waitForStarted());
        QTest::qWait(4000);
        const QString log = stopDaemon();
        const QString line =
            QStringLiteral("the proxy at 127.0.0.1:%1 refused the connection").arg(proxy.port());
        QVERIFY2(log.contains(line), qPrintable(log));
        QCOMPARE(m_tg->totalCalls(), 0);
    }

    void aProxyThatHangsIsNamed()
    {
        rw::sim::Socks5Proxy proxy;
        QVERIFY(proxy.listen());
        proxy.setMode(rw::sim::Socks5Proxy::Mode::Hang);
        m_daemon = std::make_unique<QProcess>();
        m_daemon->start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        {QStringLiteral("--config"), throughProxy(proxy)});
        QVERIFY(m_daemon->waitForStarted());
        QTest::qWait(5000);
        const QString log = stopDaemon();
        QVERIFY2(log.contains(QStringLiteral("f2pool did not answer within 2 s through the proxy "
                                             "at 127.0.0.1:%1")
                                  .arg(proxy.port())),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("no answer within 3 s through the proxy at "
                                             "127.0.0.1:%1")
                                  .arg(proxy.port())),
                 qPrintable(log));
    }

    void onceNeverReadsUpdates()
    {
        m_tg->injectMessage(kChat, QStringLiteral("/status"), kAdmin, {},
                            QStringLiteral("supergroup"));
        const auto r =
            test::runDaemon({QStringLiteral("--once"), QStringLiteral("--config"), writeConfig()},
                            {kToken, kPoolSecret});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_tg->callCount(QStringLiteral("getUpdates")), 0);
        QCOMPARE(texts().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDaemonCommands)
#include "tst_daemoncommands.moc"
