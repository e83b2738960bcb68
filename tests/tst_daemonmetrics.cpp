// /metrics of a real rigwatchd polling the simulated farm, read as Prometheus reads it: every
// family with HELP and TYPE, the documented names with their types, label values escaped,
// and counters and histograms that never go down between scrapes. With promtool on PATH,
// promtool itself checks a scrape too.
#include "daemonrun.h"
#include "exposition.h"
#include "fakef2pool.h"
#include "telegramsink.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;
using rw::sim::FakeF2pool;
using rw::sim::TelegramSink;
using rw::test::Exposition;
using rw::test::Sample;

namespace {
const QString kPoolSecret = QStringLiteral("pool-secret-XYZ123");
const QString kToken = QStringLiteral("123456:TOKENabcdefSECRET");
const QString kChat = QStringLiteral("-1001234567890");
// a worker name with every character the format must escape in a label value
const QString kOddRig = QStringLiteral("rig \"7\" \\ new\nline");
const QString kOddRigEscaped = QStringLiteral("worker=\"rig \\\"7\\\" \\\\ new\\nline\"");
} // namespace

class TestDaemonMetrics : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeF2pool> m_pool;
    std::unique_ptr<TelegramSink> m_tg;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_daemon;
    QNetworkAccessManager m_nam;

    // Starts rigwatchd with /metrics on a free port; returns the URL it logs.
    QUrl startDaemon()
    {
        const QString ini =
            QStringLiteral(
                "[pool]\nurl = %1\nuser = farm1\nsecret = %2\ninterval = 1\ntimeout = 2\n"
                "[telegram]\nurl = %3\ntoken = %4\nchat = %5\ntimeout = 2\n"
                "[storage]\ndatabase = %6\n[metrics]\nlisten = 127.0.0.1:0\n")
                .arg(m_pool->baseUrl().toString(), kPoolSecret, m_tg->baseUrl().toString(), kToken,
                     kChat, m_dir->filePath(QStringLiteral("rw.sqlite")));
        const QString cfg = test::writeIni(m_dir->filePath(QStringLiteral("rigwatch.ini")), ini);
        m_daemon = std::make_unique<QProcess>();
        m_daemon->start(QStringLiteral(RIGWATCH_BIN_DIR "/rigwatchd"),
                        {QStringLiteral("--config"), cfg});
        if (!m_daemon->waitForStarted())
            return {};
        QByteArray log;
        QRegularExpressionMatch m;
        QElapsedTimer t;
        t.start();
        while (!m.hasMatch() && t.elapsed() < 10000) {
            QTest::qWait(50);
            log += m_daemon->readAllStandardError();
            m = QRegularExpression(QStringLiteral("metrics on (http://\\S+/metrics)"))
                    .match(QString::fromUtf8(log));
        }
        return m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
    }

    QByteArray scrape(const QUrl &url)
    {
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(5000);
        const QByteArray body =
            reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
        delete reply;
        return body;
    }

private slots:
    void init()
    {
        m_pool = std::make_unique<FakeF2pool>(SystemClock::instance());
        m_pool->setUser(QStringLiteral("farm1"));
        m_pool->setSecret(kPoolSecret);
        m_pool->addRigs(4);
        m_pool->addRig(kOddRig, 90e12, QStringLiteral("198.51.100.77"));
        m_pool->setRigStoppedSince(QStringLiteral("rig-03"),
                                   QDateTime::currentSecsSinceEpoch() - 20 * 60);
        QVERIFY(m_pool->listen());
        m_tg = std::make_unique<TelegramSink>(SystemClock::instance());
        m_tg->setToken(kToken);
        QVERIFY(m_tg->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }
    void cleanup()
    {
        if (m_daemon) {
            m_daemon->terminate();
            if (!m_daemon->waitForFinished(5000))
                m_daemon->kill();
            m_daemon.reset();
        }
        m_pool.reset();
        m_tg.reset();
        m_dir.reset();
    }

    void scrapesParseAndOnlyRise()
    {
        // the first poll fails, so the failure counter has a series from the start
        m_pool->setFault(FakeF2pool::Fault::Http500);
        const QUrl url = startDaemon();
        QVERIFY(url.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_pool->totalRequests() >= 1, 10000);
        m_pool->setFault(FakeF2pool::Fault::None);
        QTRY_COMPARE_WITH_TIMEOUT(m_tg->messages(kChat).size(), 1, 15000); // rig-03 is down

        const QByteArray first = scrape(url);
        const Exposition a = rw::test::parseExposition(first);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QVERIFY(!a.samples.isEmpty());
        for (const Sample &s : a.samples) {
            const QString family = a.family(s.name);
            QVERIFY2(a.help.contains(family), qPrintable(QStringLiteral("no HELP for ") + s.name));
            QVERIFY2(a.types.contains(family), qPrintable(QStringLiteral("no TYPE for ") + s.name));
        }
        const QList<QPair<const char *, const char *>> documented = {
            {"rigwatch_worker_up", "gauge"},
            {"rigwatch_worker_hashrate_hashes_per_second", "gauge"},
            {"rigwatch_worker_last_share_timestamp_seconds", "gauge"},
            {"rigwatch_account_hashrate_hashes_per_second", "gauge"},
            {"rigwatch_workers", "gauge"},
            {"rigwatch_poll_duration_seconds", "histogram"},
            {"rigwatch_poll_failures_total", "counter"},
            {"rigwatch_telegram_messages_live", "gauge"},
            {"rigwatch_telegram_blocked_until_seconds", "gauge"},
            {"rigwatch_pool_reply_suspect", "gauge"},
            {"rigwatch_build_info", "gauge"}};
        for (const auto &[name, type] : documented) {
            QCOMPARE(a.types.value(QLatin1String(name)), QLatin1String(type));
            const bool present =
                std::any_of(a.samples.cbegin(), a.samples.cend(), [&](const Sample &s) {
                    return a.family(s.name) == QLatin1String(name);
                });
            QVERIFY2(present, name);
        }
        QVERIFY(a.find(QStringLiteral("rigwatch_poll_failures_total"), QStringLiteral("account"),
                       QStringLiteral("farm1")));
        QCOMPARE(a.find(QStringLiteral("rigwatch_worker_up"), QStringLiteral("worker"),
                        QStringLiteral("rig-03"))
                     ->value,
                 0.0);
        QCOMPARE(
            a.find(QStringLiteral("rigwatch_telegram_messages_live"), QString(), QString())->value,
            1.0);

        // the odd name: escaped on the wire, whole again after unescaping
        QVERIFY2(QString::fromUtf8(first).contains(kOddRigEscaped), first.constData());
        const auto odd =
            a.find(QStringLiteral("rigwatch_worker_up"), QStringLiteral("worker"), kOddRig);
        QVERIFY(odd);
        QCOMPARE(odd->value, 1.0);
        QCOMPARE(odd->labels.value(QStringLiteral("account")), QStringLiteral("farm1"));

        // a poll between the scrapes; nothing cumulative goes down, the poll count goes up
        const int requests = m_pool->totalRequests();
        QTRY_VERIFY_WITH_TIMEOUT(m_pool->totalRequests() >= requests + 2, 15000);
        const Exposition b = rw::test::parseExposition(scrape(url));
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        QHash<QString, double> after;
        for (const Sample &s : b.samples)
            after.insert(s.series(), s.value);
        int cumulative = 0;
        for (const Sample &s : a.samples) {
            const QString type = a.types.value(a.family(s.name));
            const bool histogramPart =
                type == QLatin1String("histogram") && s.name != a.family(s.name);
            if (type != QLatin1String("counter") && !histogramPart)
                continue;
            ++cumulative;
            QVERIFY2(after.contains(s.series()), qPrintable(QStringLiteral("gone: ") + s.series()));
            QVERIFY2(after.value(s.series()) >= s.value,
                     qPrintable(QStringLiteral("decreased: ") + s.series()));
        }
        QVERIFY(cumulative > 3);
        const QString count = QStringLiteral("rigwatch_poll_duration_seconds_count{account=farm1}");
        QVERIFY2(after.value(count) > a.find(QStringLiteral("rigwatch_poll_duration_seconds_count"),
                                             QStringLiteral("account"), QStringLiteral("farm1"))
                                          ->value,
                 "no poll counted between the scrapes");
        const QString printed = QString::fromUtf8(first);
        QVERIFY(!printed.contains(kPoolSecret) && !printed.contains(QStringLiteral("TOKENabcdef")));
    }

    void promtoolAcceptsAScrape()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not on PATH");
        const QUrl url = startDaemon();
        QVERIFY(url.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_pool->totalRequests() >= 2, 15000);
        const QByteArray text = scrape(url);
        QVERIFY(!text.isEmpty());
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(text);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
                 said.constData());
    }
};

QTEST_GUILESS_MAIN(TestDaemonMetrics)
#include "tst_daemonmetrics.moc"
