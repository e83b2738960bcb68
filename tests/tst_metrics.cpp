// /metrics: the Prometheus text format as a scraper parses it — names, types, label escaping,
// counters that only rise — served over HTTP.
#include "exposition.h"
#include "metrics/metrics.h"
#include "metrics/metricsserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace rw;

namespace {
using rw::test::Sample;

QVector<Sample> parse(const QByteArray &text, QMap<QString, QString> *types, QString *error)
{
    return rw::test::parseExposition(text, types, error);
}

AccountView view()
{
    AccountView v;
    v.key = QStringLiteral("farm/bitcoin");
    v.displayName = QStringLiteral("farm \"main\"\\x");
    v.totalHashRate = 3.5e15;
    WorkerState up;
    up.sample.name = QStringLiteral("rig-01");
    up.sample.hashRate = 1.2e14;
    up.sample.lastShareAt = 1'767'225'000;
    WorkerState down = up;
    down.sample.name = QStringLiteral("rig\n\"2\"");
    down.status = WorkerStatus::Offline;
    v.workers.insert(up.sample.name, up);
    v.workers.insert(down.sample.name, down);
    return v;
}

// Descriptors the process holds open now (Linux), -1 where /proc does not say.
int openDescriptors()
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    return fds.exists()
               ? int(fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size())
               : -1;
}

// CPU time the process has used, user and system, in ms (0 where it cannot be told).
qint64 cpuMs()
{
#ifdef Q_OS_UNIX
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (qint64(u.ru_utime.tv_sec) + u.ru_stime.tv_sec) * 1000 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
#else
    return 0;
#endif
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT
private slots:
    void formatAndEscaping()
    {
        Metrics m;
        m.updateAccount(view());
        m.recordPoll(QStringLiteral("farm/bitcoin"), 0.3, true, {});
        m.recordPoll(QStringLiteral("farm/bitcoin"), 31, false, QStringLiteral("timeout"));
        QMap<QString, QString> types;
        QString error;
        const auto samples = parse(m.render(), &types, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(types.value(QStringLiteral("rigwatch_worker_up")), QStringLiteral("gauge"));
        QCOMPARE(types.value(QStringLiteral("rigwatch_poll_duration_seconds")),
                 QStringLiteral("histogram"));
        QCOMPARE(types.value(QStringLiteral("rigwatch_poll_failures_total")),
                 QStringLiteral("counter"));
        for (const char *n : {"rigwatch_worker_hashrate_hashes_per_second",
                              "rigwatch_worker_last_share_timestamp_seconds",
                              "rigwatch_account_hashrate_hashes_per_second", "rigwatch_workers",
                              "rigwatch_telegram_messages_live", "rigwatch_build_info"})
            QVERIFY2(types.contains(QLatin1String(n)), n);

        auto find = [&](const QString &name, const QString &k,
                        const QString &v) -> std::optional<Sample> {
            for (const Sample &s : samples)
                if (s.name == name && s.labels.value(k) == v)
                    return s;
            return std::nullopt;
        };
        const auto down = find(QStringLiteral("rigwatch_worker_up"), QStringLiteral("worker"),
                               QStringLiteral("rig\n\"2\""));
        QVERIFY(down);
        QCOMPARE(down->value, 0.0);
        QCOMPARE(down->labels.value(QStringLiteral("account")), QStringLiteral("farm \"main\"\\x"));
        QCOMPARE(find(QStringLiteral("rigwatch_worker_up"), QStringLiteral("worker"),
                      QStringLiteral("rig-01"))
                     ->value,
                 1.0);
        QCOMPARE(find(QStringLiteral("rigwatch_workers"), QStringLiteral("state"),
                      QStringLiteral("offline"))
                     ->value,
                 1.0);
        QCOMPARE(find(QStringLiteral("rigwatch_poll_failures_total"), QStringLiteral("reason"),
                      QStringLiteral("timeout"))
                     ->value,
                 1.0);
        QCOMPARE(find(QStringLiteral("rigwatch_poll_duration_seconds_bucket"), QStringLiteral("le"),
                      QStringLiteral("0.5"))
                     ->value,
                 1.0);
        QCOMPARE(find(QStringLiteral("rigwatch_poll_duration_seconds_bucket"), QStringLiteral("le"),
                      QStringLiteral("+Inf"))
                     ->value,
                 2.0);
        // Bounds and sums as a person writes them, not as the nearest 17 digits of a double.
        QVERIFY(find(QStringLiteral("rigwatch_poll_duration_seconds_bucket"), QStringLiteral("le"),
                     QStringLiteral("0.05")));
        QVERIFY(QString::fromUtf8(m.render())
                    .contains(QStringLiteral("rigwatch_poll_duration_seconds_sum{account=\"farm "
                                             "\\\"main\\\"\\\\x\"} 31.3\n")));
    }

    // One pool user mining two currencies: two accounts with the same user. Their series must
    // not collide (Prometheus rejects a scrape with two samples of the same name and labels).
    void sameUserTwoCurrencies()
    {
        Metrics m;
        AccountView btc = view();
        btc.displayName = QStringLiteral("farm");
        AccountView ltc = btc;
        ltc.key = QStringLiteral("farm/litecoin");
        m.updateAccount(btc);
        m.updateAccount(ltc);
        m.recordPoll(ltc.key, 0.2, false, QStringLiteral("timeout"));
        AccountView solo = view();
        solo.key = QStringLiteral("solo/bitcoin");
        solo.displayName = QStringLiteral("solo");
        m.updateAccount(solo);
        QMap<QString, QString> types;
        QString error;
        const auto samples = parse(m.render(), &types, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> series;
        QSet<QString> accounts;
        for (const Sample &s : samples) {
            QStringList labels;
            for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
                labels << it.key() + QLatin1Char('=') + it.value();
            labels.sort();
            const QString id =
                s.name + QLatin1Char('{') + labels.join(QLatin1Char(',')) + QLatin1Char('}');
            QVERIFY2(!series.contains(id), qPrintable(QStringLiteral("duplicate series ") + id));
            series.insert(id);
            if (s.labels.contains(QStringLiteral("account")))
                accounts.insert(s.labels.value(QStringLiteral("account")));
        }
        // The ambiguous user is told apart by currency; an unambiguous one keeps its plain name.
        QCOMPARE(accounts,
                 QSet<QString>({QStringLiteral("farm/bitcoin"), QStringLiteral("farm/litecoin"),
                                QStringLiteral("solo")}));
    }

    // Issue #20: every per-worker series names the worker's group (its NAME; "" for the default
    // group), and each group has its own gauges over every account: workers online and
    // offline, total hashrate, its floor and whether the floor is breached.
    void groupLabelsAndGauges()
    {
        Metrics m;
        GroupConfig a;
        a.name = QStringLiteral("site-a");
        a.label = QStringLiteral("Site A");
        a.workers = {QStringLiteral("a-*")};
        a.minHashRate = 3e14;
        GroupConfig b;
        b.name = QStringLiteral("site_b");
        b.hosts = {QStringLiteral("198.51.100.*")};
        b.minHashRate = 1e14;
        m.setGroups({a, b});
        const auto worker = [](const QString &name, WorkerStatus status, double rate,
                               const QString &host) {
            WorkerState w;
            w.sample.name = name;
            w.sample.hashRate = rate;
            w.sample.host = host;
            w.status = status;
            return w;
        };
        AccountView f2;
        f2.key = QStringLiteral("farm/bitcoin");
        f2.displayName = QStringLiteral("farm");
        f2.workers.insert(QStringLiteral("a-01"),
                          worker(QStringLiteral("a-01"), WorkerStatus::Online, 2e14, {}));
        f2.workers.insert(QStringLiteral("a-02"),
                          worker(QStringLiteral("a-02"), WorkerStatus::Offline, 0, {}));
        f2.workers.insert(QStringLiteral("b-01"),
                          worker(QStringLiteral("b-01"), WorkerStatus::Online, 1.5e14,
                                 QStringLiteral("198.51.100.9")));
        f2.workers.insert(QStringLiteral("x-01"),
                          worker(QStringLiteral("x-01"), WorkerStatus::Missing, 0, {}));
        AccountView braiins = f2;
        braiins.key = QStringLiteral("braiins:farm/bitcoin");
        braiins.displayName = QStringLiteral("hall2");
        braiins.workers.clear();
        braiins.workers.insert(QStringLiteral("a-01"),
                               worker(QStringLiteral("a-01"), WorkerStatus::Online, 0.5e14, {}));
        m.updateAccount(f2);
        m.updateAccount(braiins);

        QMap<QString, QString> types;
        QString error;
        const auto samples = parse(m.render(), &types, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto value = [&](const QString &name, const QMap<QString, QString> &labels) {
            for (const Sample &s : samples)
                if (s.name == name && s.labels == labels)
                    return s.value;
            return -1.0;
        };
        const auto up = [&](const QString &account, const QString &group, const QString &w) {
            return value(QStringLiteral("rigwatch_worker_up"),
                         {{QStringLiteral("account"), account},
                          {QStringLiteral("group"), group},
                          {QStringLiteral("worker"), w}});
        };
        QCOMPARE(up(QStringLiteral("farm"), QStringLiteral("site-a"), QStringLiteral("a-01")), 1.0);
        QCOMPARE(up(QStringLiteral("farm"), QStringLiteral("site-a"), QStringLiteral("a-02")), 0.0);
        QCOMPARE(up(QStringLiteral("farm"), QStringLiteral("site_b"), QStringLiteral("b-01")), 1.0);
        QCOMPARE(up(QStringLiteral("farm"), QString(), QStringLiteral("x-01")), 0.0);
        QCOMPARE(up(QStringLiteral("hall2"), QStringLiteral("site-a"), QStringLiteral("a-01")),
                 1.0);
        for (const Sample &s : samples)
            if (s.name.startsWith(QLatin1String("rigwatch_worker_")))
                QVERIFY2(s.labels.contains(QStringLiteral("group")), qPrintable(s.name));

        const auto group = [&](const char *name, const QString &g, const QString &state = {}) {
            QMap<QString, QString> labels{{QStringLiteral("group"), g}};
            if (!state.isEmpty())
                labels.insert(QStringLiteral("state"), state);
            return value(QString::fromLatin1(name), labels);
        };
        const QString siteA = QStringLiteral("site-a");
        QCOMPARE(group("rigwatch_group_workers", siteA, QStringLiteral("online")), 2.0);
        QCOMPARE(group("rigwatch_group_workers", siteA, QStringLiteral("offline")), 1.0);
        QCOMPARE(group("rigwatch_group_workers", QString(), QStringLiteral("offline")), 1.0);
        QCOMPARE(group("rigwatch_group_hashrate_hashes_per_second", siteA), 2.5e14);
        QCOMPARE(group("rigwatch_group_min_hashrate_hashes_per_second", siteA), 3e14);
        QCOMPARE(group("rigwatch_group_floor_breached", siteA), 1.0); // 250 T < 300 T
        QCOMPARE(group("rigwatch_group_floor_breached", QStringLiteral("site_b")), 0.0);
        QCOMPARE(types.value(QStringLiteral("rigwatch_group_floor_breached")),
                 QStringLiteral("gauge"));
    }

    void scrapedOverHttpCountersRise()
    {
        Metrics m;
        m.updateAccount(view());
        MetricsServer server([&m] { return m.render(); });
        QString error;
        QVERIFY2(server.listen(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        QNetworkAccessManager nam;
        auto scrape = [&]() {
            QNetworkReply *r = nam.get(QNetworkRequest(
                QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(server.port()))));
            QSignalSpy done(r, &QNetworkReply::finished);
            done.wait(5000);
            r->deleteLater();
            [&] { QCOMPARE(r->error(), QNetworkReply::NoError); }();
            [&] {
                QVERIFY(r->header(QNetworkRequest::ContentTypeHeader)
                            .toString()
                            .startsWith(QStringLiteral("text/plain")));
            }();
            return r->readAll();
        };
        double last = -1;
        for (int i = 0; i < 3; ++i) {
            m.recordPoll(QStringLiteral("farm/bitcoin"), 1, false, QStringLiteral("http"));
            QMap<QString, QString> types;
            const auto samples = parse(scrape(), &types, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            double now = -1;
            for (const Sample &s : samples)
                if (s.name == QStringLiteral("rigwatch_poll_failures_total"))
                    now = s.value;
            QVERIFY(now > last);
            last = now;
        }
        QNetworkReply *r = nam.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/nope").arg(server.port()))));
        QSignalSpy done(r, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        delete r;
    }

    // How long Telegram's 429 holds RigWatch back, as a timestamp a scraper can compare with
    // time(); no family without Telegram, 0 once the wait is over.
    void telegramBlockedUntil()
    {
        Metrics m;
        QVERIFY(!m.render().contains("rigwatch_telegram_blocked_until_seconds"));
        m.setTelegramBlockedUntil(QStringLiteral("-1001000000001"), 1'767'229'200);
        const rw::test::Exposition e = rw::test::parseExposition(m.render());
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        const QString name = QStringLiteral("rigwatch_telegram_blocked_until_seconds");
        QCOMPARE(e.types.value(name), QStringLiteral("gauge"));
        QVERIFY(e.help.contains(name));
        int found = 0;
        for (const Sample &s : e.samples) {
            if (s.name != name)
                continue;
            ++found;
            QCOMPARE(s.labels.value(QStringLiteral("chat")), QStringLiteral("-1001000000001"));
            QCOMPARE(s.value, 1'767'229'200.0);
        }
        QCOMPARE(found, 1);
        m.setTelegramBlockedUntil(QStringLiteral("-1001000000001"), 0);
        QVERIFY(m.render().contains(
            "rigwatch_telegram_blocked_until_seconds{chat=\"-1001000000001\"} 0\n"));
    }

    // ~1,100 idle connections to /metrics once took every descriptor rigwatchd had (the pool's
    // polls failed with "Out of resources"). Now the server holds at most kMaxConnections, lets
    // the rest wait without spinning, closes each idle one after the idle timeout, and a real
    // scrape behind 200 idle connections is still answered.
    void idleConnectionsAreCappedAndClosed()
    {
        Metrics m;
        m.updateAccount(view());
        MetricsServer server([&m] { return m.render(); });
        server.setIdleTimeoutMs(1000);
        QString error;
        QVERIFY2(server.listen(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        QNetworkAccessManager nam; // before the count: its own descriptors are not the server's
        const int fdsBefore = openDescriptors();
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        int closedByServer = 0;
        for (int i = 0; i < 200; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            connect(idle.back().get(), &QTcpSocket::disconnected, this, [&] { ++closedByServer; });
            idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        QTRY_COMPARE(server.openConnections(), MetricsServer::kMaxConnections);

        // At the cap: no more descriptors than the cap (and the one QTcpServer takes ahead),
        // and no busy loop while the others wait.
        const qint64 cpuBefore = cpuMs();
        QTest::qWait(300);
        QVERIFY2(cpuMs() - cpuBefore < 150, qPrintable(QString::number(cpuMs() - cpuBefore)));
        QCOMPARE(server.openConnections(), MetricsServer::kMaxConnections);
        if (fdsBefore > 0)
            QVERIFY2(openDescriptors() - fdsBefore <= 200 + MetricsServer::kMaxConnections + 2,
                     qPrintable(QString::number(openDescriptors() - fdsBefore)));

        QElapsedTimer t;
        t.start();
        QNetworkReply *r = nam.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(server.port()))));
        QSignalSpy done(r, &QNetworkReply::finished);
        QVERIFY(done.wait(15000));
        QCOMPARE(r->error(), QNetworkReply::NoError);
        QVERIFY(r->readAll().contains("rigwatch_worker_up"));
        delete r;

        // Every idle connection is closed by the server, a cap's worth per idle timeout.
        QTRY_COMPARE_WITH_TIMEOUT(closedByServer, 200, 15000);
        QTRY_COMPARE(server.openConnections(), 0);
    }

    // A client that connects and says nothing is closed after the idle timeout, not later; one
    // that sends its request in pieces within it is answered.
    void idleTimeoutClosesSilentClients()
    {
        MetricsServer server([] { return QByteArray("up 1\n"); });
        server.setIdleTimeoutMs(400);
        QString error;
        QVERIFY2(server.listen(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        QTcpSocket silent, slow;
        QElapsedTimer t;
        t.start();
        silent.connectToHost(QHostAddress::LocalHost, server.port());
        slow.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(silent.waitForConnected(2000));
        QVERIFY(slow.waitForConnected(2000));
        slow.write("GET /met");
        QTest::qWait(150);
        slow.write("rics HTTP/1.1\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(silent.state() == QAbstractSocket::UnconnectedState, 3000);
        QVERIFY2(t.elapsed() >= 350 && t.elapsed() < 1500,
                 qPrintable(QString::number(t.elapsed())));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += slow.readAll()).contains("up 1"), 3000);
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK"));
    }

    // A moment without a free descriptor makes an accept fail, and Qt then stops accepting for
    // good: /metrics stayed deaf after it. The server says so once and tries again, so a scrape
    // that came in meanwhile is answered once descriptors are free, and later ones at once.
    void failedAcceptIsTriedAgain()
    {
#ifndef Q_OS_LINUX
        QSKIP("needs /proc/self/fd and RLIMIT_NOFILE");
#else
        MetricsServer server([] { return QByteArray("up 1\n"); });
        QString error;
        QVERIFY2(server.listen(QStringLiteral("127.0.0.1:0"), &error), qPrintable(error));
        const QString said = QStringLiteral(
            "/metrics cannot accept a connection (Out of resources); it tries again every second");
        QTest::ignoreMessage(QtWarningMsg, qPrintable(said));
        QTest::failOnWarning(QRegularExpression(QStringLiteral("cannot accept")));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(client.waitForConnected(2000)); // the kernel's handshake; not accepted yet
        client.write("GET /metrics HTTP/1.1\r\n\r\n");
        QVERIFY(client.waitForBytesWritten(2000));

        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
        std::vector<int> fillers;
        {
            const auto restore = qScopeGuard([&] {
                for (int fd : fillers)
                    ::close(fd);
                setrlimit(RLIMIT_NOFILE, &saved);
            });
            rlimit low = saved;
            low.rlim_cur = rlim_t(openDescriptors() + 4);
            QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
            for (int fd; (fd = ::open("/dev/null", O_RDONLY)) >= 0;)
                fillers.push_back(fd);
            QTest::qWait(300); // the server's accept fails now
        }
        QCOMPARE(client.bytesAvailable(), 0);

        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAll()).contains("up 1"), 5000);
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK"));

        for (int i = 0; i < 3; ++i) {
            QTcpSocket next;
            QByteArray got;
            connect(&next, &QTcpSocket::readyRead, &next, [&] { got += next.readAll(); });
            QElapsedTimer t;
            t.start();
            next.connectToHost(QHostAddress::LocalHost, server.port());
            next.write("GET /metrics HTTP/1.1\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT(got.contains("up 1"), 5000);
            QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
        }
#endif
    }

    void badListenAddress()
    {
        MetricsServer server([] { return QByteArray(); });
        QString error;
        QVERIFY(!server.listen(QStringLiteral("not-an-ip:9464"), &error));
        QVERIFY(error.contains(QStringLiteral("not-an-ip")));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
