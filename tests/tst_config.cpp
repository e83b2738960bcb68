#include "config/configfile.h"
#include "config/proxysetting.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

class TestConfig : public QObject
{
    Q_OBJECT

    static QProcessEnvironment noEnv() { return QProcessEnvironment(); }

private slots:
    void defaults()
    {
        const ConfigResult r =
            parseConfig("[pool]\nuser = farm1\n", QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        const AccountConfig &a = r.config->accounts.first();
        QCOMPARE(a.provider, PoolProvider::F2poolV2);
        QCOMPARE(a.url.toString(), QStringLiteral("https://api.f2pool.com"));
        QCOMPARE(a.currency, QStringLiteral("bitcoin"));
        QCOMPARE(a.intervalSecs, 300);
        QCOMPARE(a.timeoutSecs, 30);
        QCOMPARE(a.thresholds.offlineAfterSecs, 600);
        QCOMPARE(a.thresholds.retiredAfterSecs, 28800);
        QCOMPARE(a.thresholds.minHashRate, 0.0);
        QCOMPARE(a.minIntervalSecs, 60);
        QCOMPARE(a.thresholds.degradedBelow, 70);
        QCOMPARE(a.thresholds.degradedAfterSecs, 1800);
        QCOMPARE(a.thresholds.flapLimit, 4);
        QCOMPARE(a.thresholds.flapWindowSecs, 3600);
        QCOMPARE(r.config->telegram.url.toString(), QStringLiteral("https://api.telegram.org"));
        QCOMPARE(r.config->telegram.retract, RetractMode::Delete);
        QVERIFY(r.config->databasePath.endsWith(QStringLiteral("rigwatch.sqlite")));
    }

    void everyKey()
    {
        const QByteArray ini =
            "# comment\n[pool]\nprovider = f2pool-v1\nurl = http://127.0.0.1:8080/\n"
            "currency = litecoin\nuser = farm1\nsecret = abcdefghijklmnop\n"
            "interval = 60\ntimeout = 5\n\n[alerts]\noffline_after = 900\n"
            "retired_after = 3600\nmin_hashrate = 350T\n[telegram]\n"
            "url = http://127.0.0.1:9/\ntoken = 123:ABC\nchat = -1001234\n"
            "retract = edit\n[storage]\ndatabase = /tmp/x.sqlite\n";
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY(r.warnings.isEmpty());
        const AccountConfig &a = r.config->accounts.first();
        QCOMPARE(a.provider, PoolProvider::F2poolV1);
        QCOMPARE(a.url.toString(), QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(a.currency, QStringLiteral("litecoin"));
        QCOMPARE(a.secret, QStringLiteral("abcdefghijklmnop"));
        QCOMPARE(a.intervalSecs, 60);
        QCOMPARE(a.timeoutSecs, 5);
        QCOMPARE(a.thresholds.offlineAfterSecs, 900);
        QCOMPARE(a.thresholds.retiredAfterSecs, 3600);
        QCOMPARE(a.thresholds.minHashRate, 350e12);
        QCOMPARE(r.config->telegram.token, QStringLiteral("123:ABC"));
        QCOMPARE(r.config->telegram.chat, QStringLiteral("-1001234"));
        QCOMPARE(r.config->telegram.retract, RetractMode::Edit);
        QCOMPARE(r.config->databasePath, QStringLiteral("/tmp/x.sqlite"));
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("expected"); // a piece of the one-line error
        QTest::newRow("missing user")
            << QByteArray("[pool]\ncurrency = bitcoin\n") << "[pool] user is required";
        QTest::newRow("no pool at all")
            << QByteArray("[alerts]\noffline_after = 60\n") << "[pool] user is required";
        QTest::newRow("interval not a number") << QByteArray("[pool]\nuser = a\ninterval = abc\n")
                                               << "[pool] interval = \"abc\" is not a whole number";
        QTest::newRow("negative timeout") << QByteArray("[pool]\nuser = a\ntimeout = -5\n")
                                          << "[pool] timeout = -5 must be at least 1";
        QTest::newRow("unknown provider")
            << QByteArray("[pool]\nuser = a\nprovider = slushpool\n")
            << "[pool] provider = \"slushpool\" is not a known provider";
        QTest::newRow("bad url") << QByteArray("[pool]\nuser = a\nurl = ftp://x\n") << "[pool] url";
        QTest::newRow("retired before offline")
            << QByteArray("[pool]\nuser = a\n[alerts]\noffline_after = 600\nretired_after = 60\n")
            << "retired_after must be greater than offline_after";
        QTest::newRow("bad floor")
            << QByteArray("[pool]\nuser = a\n[alerts]\nmin_hashrate = lots\n")
            << "[alerts] min_hashrate";
        QTest::newRow("bad retract")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\nretract = burn\n")
            << "[telegram] retract";
        QTest::newRow("token without chat")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\n")
            << "[telegram] chat is required";
        QTest::newRow("one account twice, through another url")
            << QByteArray(
                   "[pool.a]\nuser = farm\n[pool.b]\nuser = farm\nurl = https://mirror.example\n")
            << "[pool.b] watches user \"farm\" on bitcoin like [pool.a] does";
        QTest::newRow("one account twice, v1 and v2")
            << QByteArray("[pool]\nuser = farm\n[pool.old]\nuser = farm\nprovider = f2pool-v1\n")
            << "[pool.old] watches user \"farm\" on bitcoin like [pool] does";
        QTest::newRow("garbage line")
            << QByteArray("[pool]\nuser = a\nthis is not ini\n") << "a.ini:3:";
        QTest::newRow("a secret without its key")
            << QByteArray("[pool]\nuser = a\nsecret s3cretTOKENvalue\n")
            << "a.ini:3: expected key = value";
        QTest::newRow("unclosed section") << QByteArray("[pool\nuser = a\n") << "a.ini:1:";
        QTest::newRow("commands neither on nor off")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\ncommands = maybe\n")
            << "[telegram] commands = \"maybe\" must be on or off";
        QTest::newRow("admin not a user id")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\nadmins = 111, "
                          "@bob\n")
            << "\"@bob\" is not a Telegram user id";
        QTest::newRow("proxy scheme")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\nproxy = "
                          "ftp://u:s3cretTOKENvalue@h:1\n")
            << "the scheme must be socks5 or http";
        QTest::newRow("negative flap limit")
            << QByteArray("[pool]\nuser = a\n[alerts]\nflap_limit = -1\n")
            << "[alerts] flap_limit = -1 must be at least 0";
        QTest::newRow("flap window zero") << QByteArray("[pool]\nuser = a\nflap_window = 0\n")
                                          << "[pool] flap_window = 0 must be at least 1";
        QTest::newRow("min_interval zero") << QByteArray("[pool]\nuser = a\nmin_interval = 0\n")
                                           << "[pool] min_interval = 0 must be at least 1";
        QTest::newRow("proxy without port")
            << QByteArray("[pool]\nuser = a\nproxy = socks5://127.0.0.1\n")
            << "[pool] proxy = \"socks5://127.0.0.1\": the port is missing";
    }

    // [alerts] holds the degraded and flapping defaults, [pool.NAME] overrides them, and
    // min_interval above interval is interval.
    void degradedFlappingAndMinInterval()
    {
        const ConfigResult r = parseConfig(
            "[pool]\ninterval = 120\nmin_interval = 30\n[pool.a]\nuser = a\n"
            "[pool.b]\nuser = b\nmin_interval = 600\ndegraded_below = 0\nflap_limit = 9\n"
            "[alerts]\ndegraded_below = 80\ndegraded_after = 0\nflap_limit = 3\n"
            "flap_window = 900\n",
            QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        const AccountConfig &a = r.config->accounts.at(0), &b = r.config->accounts.at(1);
        QCOMPARE(a.minIntervalSecs, 30);
        QCOMPARE(b.minIntervalSecs, 120);
        QCOMPARE(a.thresholds.degradedBelow, 80);
        QCOMPARE(b.thresholds.degradedBelow, 0);
        QCOMPARE(a.thresholds.degradedAfterSecs, 0);
        QCOMPARE(a.thresholds.flapLimit, 3);
        QCOMPARE(b.thresholds.flapLimit, 9);
        QCOMPARE(b.thresholds.flapWindowSecs, 900);
        const QString text = describeConfig(*r.config);
        QVERIFY(text.contains(QStringLiteral("min_interval = 120\n")));
        QVERIFY(text.contains(QStringLiteral("degraded_below = 0\n")));
        QVERIFY(text.contains(QStringLiteral("flap_window = 900\n")));
    }

    void commandsAdminsAndProxies()
    {
        const ConfigResult r =
            parseConfig("[pool]\nproxy = socks5://farm:pw@10.0.0.1:1080\n[pool.a]\nuser = a\n"
                        "[pool.b]\nuser = b\nproxy =\n"
                        "[telegram]\ntoken = 1:a\nchat = 5\ncommands = on\nadmins = 111, 222 333\n"
                        "proxy = http://127.0.0.1:3128\n",
                        QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        const DaemonConfig &c = *r.config;
        QVERIFY(c.telegram.commands);
        QCOMPARE(c.telegram.admins, (QVector<qint64>{111, 222, 333}));
        QCOMPARE(c.telegram.proxy, QStringLiteral("http://127.0.0.1:3128"));
        QVERIFY(c.telegram.proxySet);
        QCOMPARE(c.accounts.size(), 2);
        QCOMPARE(c.accounts[0].proxy,
                 QStringLiteral("socks5://farm:pw@10.0.0.1:1080")); // inherited
        QVERIFY(c.accounts[1].proxySet);
        QVERIFY(c.accounts[1].proxy.isEmpty()); // set empty: directly, whatever the environment
        const QString text = describeConfig(c);
        QVERIFY(text.contains(QStringLiteral("proxy = socks5://farm:****@10.0.0.1:1080\n")));
        QVERIFY(!text.contains(QStringLiteral(":pw@")));
        QVERIFY(text.contains(QStringLiteral("commands = on\nadmins = 111, 222, 333\n")));
        const ConfigResult off =
            parseConfig("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\n",
                        QStringLiteral("a.ini"), noEnv());
        QVERIFY(!off.config->telegram.commands);
        QVERIFY(off.config->telegram.admins.isEmpty());
        QVERIFY(!off.config->telegram.proxySet);
    }

    void proxyFromTheEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("https_proxy"), QStringLiteral("socks5://127.0.0.1:1080"));
        env.insert(QStringLiteral("no_proxy"), QStringLiteral("localhost,.internal.example"));
        const QUrl telegram(QStringLiteral("https://api.telegram.org"));
        QNetworkProxy p = effectiveProxy(QString(), false, telegram, env);
        QCOMPARE(p.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(proxyLabel(p), QStringLiteral("127.0.0.1:1080"));
        QVERIFY(p.capabilities() & QNetworkProxy::HostNameLookupCapability); // remote DNS
        QCOMPARE(effectiveProxy(QString(), false,
                                QUrl(QStringLiteral("https://pool.internal.example")), env)
                     .type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(effectiveProxy(QString(), true, telegram, env).type(), QNetworkProxy::NoProxy);
        QCOMPARE(effectiveProxy(QStringLiteral("http://u:p@h:3128"), true, telegram, env).type(),
                 QNetworkProxy::HttpProxy);
        QProcessEnvironment all;
        all.insert(QStringLiteral("ALL_PROXY"), QStringLiteral("http://10.1.1.1:8080"));
        QCOMPARE(proxyLabel(effectiveProxy(QString(), false, telegram, all)),
                 QStringLiteral("10.1.1.1:8080"));
        QCOMPARE(effectiveProxy(QString(), false, telegram, QProcessEnvironment()).type(),
                 QNetworkProxy::NoProxy);
    }

    void invalid()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY(!r.config);
        QVERIFY2(r.error.startsWith(QStringLiteral("a.ini")), qPrintable(r.error));
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(!r.error.contains(QStringLiteral("s3cretTOKEN")), qPrintable(r.error));
        QVERIFY(!r.error.contains(QLatin1Char('\n')));
    }

    void unknownKeyWarns()
    {
        const ConfigResult r =
            parseConfig("[pool]\nuser = a\nofline_after = 5\n", QStringLiteral("a.ini"), noEnv());
        QVERIFY(r.config);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().contains(QStringLiteral("ofline_after")));
    }

    void secretsFromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("RIGWATCH_POOL_SECRET"), QStringLiteral("envsecret"));
        env.insert(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN"), QStringLiteral("42:envtoken"));
        const ConfigResult r = parseConfig("[pool]\nuser = a\n[telegram]\nchat = @farmalerts\n",
                                           QStringLiteral("a.ini"), env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->accounts.first().secret, QStringLiteral("envsecret"));
        QCOMPARE(r.config->telegram.token, QStringLiteral("42:envtoken"));

        // The token in the environment of a file that does not use Telegram: a warning, not a
        // refused start; with a [telegram] section that lacks the chat, a clear error as before.
        const ConfigResult off = parseConfig("[pool]\nuser = a\n", QStringLiteral("a.ini"), env);
        QVERIFY2(off.config, qPrintable(off.error));
        QVERIFY(off.config->telegram.token.isEmpty());
        QCOMPARE(off.warnings.size(), 1);
        QVERIFY2(off.warnings.first().contains(QStringLiteral("no [telegram] section")),
                 qPrintable(off.warnings.first()));
        const ConfigResult noChat = parseConfig("[pool]\nuser = a\n[telegram]\nretract = edit\n",
                                                QStringLiteral("a.ini"), env);
        QVERIFY(!noChat.config);
        QVERIFY2(noChat.error.contains(QStringLiteral("[telegram] chat is required")),
                 qPrintable(noChat.error));
    }

    void severalAccounts()
    {
        const QByteArray ini =
            "[pool]\nsecret = shared-secret-123\ninterval = 120\n"
            "[pool.btc]\nuser = farmbtc\n[pool.ltc]\nuser = farmltc\ncurrency = litecoin\n"
            "interval = 60\n";
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->accounts.size(), 2);
        QCOMPARE(r.config->accounts.at(0).id, QStringLiteral("btc"));
        QCOMPARE(r.config->accounts.at(0).intervalSecs, 120);
        QCOMPARE(r.config->accounts.at(0).secret, QStringLiteral("shared-secret-123"));
        QCOMPARE(r.config->accounts.at(1).currency, QStringLiteral("litecoin"));
        QCOMPARE(r.config->accounts.at(1).intervalSecs, 60);
        QVERIFY(r.config->accounts.at(0).key() != r.config->accounts.at(1).key());
    }

    // The other pools' keys (docs/configuration.md): provider values, the URL each defaults
    // to, `key` beside `secret` (also from RIGWATCH_POOL_KEY[_NAME]), who needs what.
    void otherPools()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("RIGWATCH_POOL_KEY"), QStringLiteral("shared-key-000"));
        env.insert(QStringLiteral("RIGWATCH_POOL_KEY_ANT"), QStringLiteral("ant-key-111111"));
        env.insert(QStringLiteral("RIGWATCH_POOL_SECRET_ANT"), QStringLiteral("ant-secret-222"));
        const QByteArray ini = "[pool.bra]\nprovider = braiins\nsecret = tok-1\n"
                               "[pool.bn]\nprovider = binance\nuser = farm\nsecret = s-2\n"
                               "[pool.lux]\nprovider = luxor\nuser = sub1\nsecret = k-3\n"
                               "url = http://127.0.0.1:8080/\n"
                               "[pool.via]\nprovider = viabtc\nsecret = k-4\nname = Via\n"
                               "[pool.ant]\nprovider = antpool\nuser = farm\n";
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), env);
        QVERIFY2(r.config, qPrintable(r.error));
        const auto &a = r.config->accounts;
        QCOMPARE(a.size(), 5);
        QCOMPARE(a[0].provider, PoolProvider::Braiins);
        QCOMPARE(a[0].url, QUrl(QStringLiteral("https://pool.braiins.com")));
        QVERIFY(a[0].user.isEmpty()); // the token names the account
        QCOMPARE(a[0].displayName(), QStringLiteral("bra"));
        QCOMPARE(a[1].provider, PoolProvider::Binance);
        QCOMPARE(a[1].url, QUrl(QStringLiteral("https://api.binance.com")));
        QCOMPARE(a[1].apiKey, QStringLiteral("shared-key-000"));
        QCOMPARE(a[2].url, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(a[3].url, QUrl(QStringLiteral("https://www.viabtc.net")));
        QCOMPARE(a[3].displayName(), QStringLiteral("Via"));
        QCOMPARE(a[4].url, QUrl(QStringLiteral("https://antpool.com")));
        QCOMPARE(a[4].apiKey, QStringLiteral("ant-key-111111"));
        QCOMPARE(a[4].secret, QStringLiteral("ant-secret-222"));
        // the same user on two pools: two accounts
        QVERIFY(a[1].key() != a[4].key());

        const QString text = describeConfig(*r.config);
        QVERIFY(text.contains(QStringLiteral("provider = antpool\n")));
        QVERIFY(!text.contains(QStringLiteral("ant-key-111111")));
        QVERIFY(!text.contains(QStringLiteral("shared-key-000")));
        QVERIFY(text.contains(QStringLiteral("key = ****1111\n")));
    }

    void otherPoolsNeedTheirCredentials_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("expected");
        QTest::newRow("binance without key")
            << QByteArray("[pool]\nprovider = binance\nuser = a\nsecret = s\n")
            << "[pool] key is required for binance";
        QTest::newRow("antpool without secret")
            << QByteArray("[pool]\nprovider = antpool\nuser = a\nkey = k\n")
            << "[pool] secret is required for antpool (the API secret";
        QTest::newRow("luxor without subaccount")
            << QByteArray("[pool]\nprovider = luxor\nsecret = s\n")
            << "[pool] user is required (the Luxor subaccount)";
        QTest::newRow("braiins without token")
            << QByteArray("[pool]\nprovider = braiins\nuser = a\n")
            << "[pool] secret is required for braiins (the API token";
        QTest::newRow("antpool without user id")
            << QByteArray("[pool]\nprovider = antpool\nkey = k\nsecret = s\n")
            << "[pool] user is required (the AntPool user id)";
    }
    void otherPoolsNeedTheirCredentials()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void describeMasksSecrets()
    {
        const ConfigResult r =
            parseConfig("[pool]\nuser = a\nsecret = supersecretpooltoken\n[telegram]\n"
                        "token = 123456:ABCDEFGHIJKLMNOP\nchat = 1\n",
                        QStringLiteral("a.ini"), noEnv());
        QVERIFY(r.config);
        const QString text = describeConfig(*r.config);
        QVERIFY(!text.contains(QStringLiteral("supersecretpooltoken")));
        QVERIFY(!text.contains(QStringLiteral("123456:ABCDEFGHIJKLMNOP")));
        QVERIFY(text.contains(QStringLiteral("user = a")));
        QVERIFY(text.contains(QStringLiteral("****")));
        // every key the parser accepts is in the effective configuration, defaults included
        QVERIFY(text.contains(QStringLiteral("name = a\n")));
        QVERIFY(text.contains(QStringLiteral("max_body = 67108864\n")));
        const QString telegram = text.mid(text.indexOf(QStringLiteral("[telegram]")));
        QVERIFY(telegram.contains(QStringLiteral("timeout = 30\n")));
    }

    void describePrintsEveryAcceptedKey()
    {
        const ConfigResult r = parseConfig("[pool]\nuser = a\nname = Farm A\nmax_body = 2048\n"
                                           "[pool.b]\nuser = b\n[telegram]\ntimeout = 7\n"
                                           "[metrics]\nlisten = 127.0.0.1:9464\n",
                                           QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY(r.warnings.isEmpty());
        const QString text = describeConfig(*r.config);
        // [pool] with a user is an account next to [pool.b], which inherits max_body but not name
        QVERIFY(text.contains(QStringLiteral("user = a\nname = Farm A\n")));
        QVERIFY(text.contains(QStringLiteral("user = b\nname = b\n")));
        QCOMPARE(text.count(QStringLiteral("max_body = 2048\n")), 2);
        QVERIFY(text.contains(QStringLiteral("timeout = 7\n")));
        const auto section = [&](const QString &name) {
            const int from = text.indexOf(QLatin1Char('[') + name + QLatin1Char(']'));
            const int to = text.indexOf(QStringLiteral("\n["), from + 1);
            return text.mid(from, to < 0 ? -1 : to - from);
        };
        const QList<QPair<QString, QStringList>> accepted = {
            {QStringLiteral("pool"),
             {QStringLiteral("provider"), QStringLiteral("url"), QStringLiteral("currency"),
              QStringLiteral("user"), QStringLiteral("secret"), QStringLiteral("interval"),
              QStringLiteral("timeout"), QStringLiteral("max_body"),
              QStringLiteral("offline_after"), QStringLiteral("retired_after"),
              QStringLiteral("min_hashrate"), QStringLiteral("name"), QStringLiteral("proxy"),
              QStringLiteral("min_interval"), QStringLiteral("degraded_below"),
              QStringLiteral("degraded_after"), QStringLiteral("flap_limit"),
              QStringLiteral("flap_window")}},
            {QStringLiteral("telegram"),
             {QStringLiteral("url"), QStringLiteral("token"), QStringLiteral("chat"),
              QStringLiteral("retract"), QStringLiteral("language"), QStringLiteral("timeout"),
              QStringLiteral("commands"), QStringLiteral("admins"), QStringLiteral("proxy")}},
            {QStringLiteral("storage"), {QStringLiteral("database")}},
            {QStringLiteral("metrics"), {QStringLiteral("listen")}}};
        for (const auto &[name, keys] : accepted)
            for (const QString &key : keys)
                QVERIFY2(section(name).contains(QLatin1Char('\n') + key + QStringLiteral(" = ")),
                         qPrintable(name + QLatin1Char(' ') + key));
    }

    void fileErrorsAndPermissions()
    {
        QTemporaryDir dir;
        const ConfigResult missing =
            loadConfigFile(dir.filePath(QStringLiteral("nope.ini")), noEnv());
        QVERIFY(!missing.config);
        QVERIFY(missing.error.contains(QStringLiteral("nope.ini")));

        const QString path = dir.filePath(QStringLiteral("r.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[pool]\nuser = a\nsecret = 0123456789abcdef\n[storage]\ndatabase = db/x.sqlite\n");
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        ConfigResult r = loadConfigFile(path, noEnv());
        QVERIFY(r.config);
        QCOMPARE(r.config->databasePath, dir.filePath(QStringLiteral("db/x.sqlite")));
        QVERIFY(std::any_of(r.warnings.cbegin(), r.warnings.cend(), [](const QString &w) {
            return w.contains(QStringLiteral("readable by other users"));
        }));
        for (const QString &w : r.warnings)
            QVERIFY(!w.contains(QStringLiteral("0123456789abcdef")));
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        r = loadConfigFile(path, noEnv());
        QVERIFY(r.warnings.isEmpty());
    }

    void readableFileWarnsOnlyWithASecret_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<bool>("warns");
        // an empty value must not borrow the next line's text (\s* would cross the newline)
        QTest::newRow("empty secret, then a key")
            << QByteArray("[pool]\nuser = a\nsecret =\ninterval = 60\n") << false;
        QTest::newRow("empty token, then a key")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken =  \nretract = edit\n") << false;
        QTest::newRow("empty secret, then a blank line")
            << QByteArray("[pool]\nuser = a\nsecret = \n\n[alerts]\noffline_after = 900\n")
            << false;
        QTest::newRow("real secret")
            << QByteArray("[pool]\nuser = a\nsecret = 0123456789abcdef\n") << true;
        QTest::newRow("only a comment as the secret")
            << QByteArray("[pool]\nuser = a\nsecret =    ; RIGWATCH_POOL_SECRET\n") << false;
        QTest::newRow("quoted secret")
            << QByteArray("[pool]\nuser = a\nsecret = \"0123456789 #abcdef\"\n") << true;
        QTest::newRow("real token")
            << QByteArray("[pool]\nuser = a\n[telegram]\n  token\t=\t123456:ABCDEFGHIJ\nchat = 1\n")
            << true;
    }

    void readableFileWarnsOnlyWithASecret()
    {
        QFETCH(QByteArray, ini);
        QFETCH(bool, warns);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        const ConfigResult r = loadConfigFile(path, noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        const bool warned =
            std::any_of(r.warnings.cbegin(), r.warnings.cend(), [](const QString &w) {
                return w.contains(QStringLiteral("readable by other users"));
            });
        QCOMPARE(warned, warns);
    }

    // README.md's example, as an operator copies it: a comment after every value.
    void inlineComments_data()
    {
        QTest::addColumn<QByteArray>("line"); // in [pool] after user = a, or a whole section
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("number, ;") << QByteArray("interval = 600          ; seconds") << "interval"
                                   << "600";
        QTest::newRow("number, #") << QByteArray("interval = 600 # seconds") << "interval"
                                   << "600";
        QTest::newRow("number, tab") << QByteArray("interval = 600\t;seconds") << "interval"
                                     << "600";
        QTest::newRow("text, ;") << QByteArray("name = myfarm                ; required") << "name"
                                 << "myfarm";
        QTest::newRow("text with spaces, #") << QByteArray("name = East hall # the label") << "name"
                                             << "East hall";
        QTest::newRow("; inside a word") << QByteArray("secret = abc;def") << "secret"
                                         << "abc;def";
        QTest::newRow("# inside a word") << QByteArray("secret = abc#def ; the token") << "secret"
                                         << "abc#def";
        QTest::newRow("only a comment") << QByteArray("secret = ; in the environment") << "secret"
                                        << "";
        QTest::newRow("no space after =") << QByteArray("secret =;abc") << "secret"
                                          << ";abc";
        QTest::newRow("double-quoted ; and #")
            << QByteArray("secret = \"abc ;def #ghi\" ; the token") << "secret"
            << "abc ;def #ghi";
        QTest::newRow("double-quoted, comment without space")
            << QByteArray("secret = \"abc ;def\";the token") << "secret"
            << "abc ;def";
        QTest::newRow("single-quoted") << QByteArray("name = 'East ; West' # label") << "name"
                                       << "East ; West";
        QTest::newRow("quoted spaces kept") << QByteArray("name = \"  padded  \"") << "name"
                                            << "  padded  ";
        QTest::newRow("quote inside the other kind")
            << QByteArray("name = 'the \"big\" one'") << "name"
            << "the \"big\" one";
        QTest::newRow("url with #, unquoted")
            << QByteArray("url = https://mirror.example/api#v2") << "url"
            << "https://mirror.example/api#v2";
        QTest::newRow("url with #, quoted")
            << QByteArray("url = \"https://mirror.example/api#v2\" ; a mirror") << "url"
            << "https://mirror.example/api#v2";
        QTest::newRow("section header comment")
            << QByteArray("[pool] ; the account\nuser = a\nname = x") << "name"
            << "x";
    }

    void inlineComments()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const QByteArray ini = line.startsWith('[')
                                   ? QByteArray(line + '\n')
                                   : QByteArray("[pool]\nuser = a\n" + line + '\n');
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        const AccountConfig &a = r.config->accounts.first();
        const QHash<QString, QString> got = {
            {QStringLiteral("interval"), QString::number(a.intervalSecs)},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("secret"), a.secret},
            {QStringLiteral("url"), a.url.toString()}};
        QCOMPARE(got.value(key), expected);
    }

    // A comment after a [telegram] or [alerts] value, where the check of the value showed it.
    void inlineCommentsInEverySection()
    {
        const ConfigResult r = parseConfig(
            "[pool]\nuser = myfarm ; required\n[alerts]\noffline_after = 600 ; offline\n"
            "retired_after = 28800 ; retired\nmin_hashrate = 350T ; H/s\n[telegram]\n"
            "token = 123:ABC ; bot\nchat = @farm_alerts # channel\nretract = edit ; or delete\n"
            "language = zh_CN ; or en\n[storage]\ndatabase = /tmp/x.sqlite ; SQLite\n"
            "[metrics]\nlisten = 127.0.0.1:9464 ; Prometheus\n",
            QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(r.config->accounts.first().user, QStringLiteral("myfarm"));
        QCOMPARE(r.config->accounts.first().thresholds.offlineAfterSecs, 600);
        QCOMPARE(r.config->accounts.first().thresholds.minHashRate, 350e12);
        QCOMPARE(r.config->telegram.token, QStringLiteral("123:ABC"));
        QCOMPARE(r.config->telegram.chat, QStringLiteral("@farm_alerts"));
        QCOMPARE(r.config->telegram.retract, RetractMode::Edit);
        QCOMPARE(r.config->telegram.language, QStringLiteral("zh_CN"));
        QCOMPARE(r.config->databasePath, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(r.config->metricsListen, QStringLiteral("127.0.0.1:9464"));
    }

    void quotingErrors_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed") << QByteArray("secret = \"hunter2;x") << "a.ini:3: [pool] secret";
        QTest::newRow("unclosed, single") << QByteArray("secret = 'hunter2") << "no closing '";
        QTest::newRow("text after the quote")
            << QByteArray("secret = \"hunter2\" x") << "only a comment";
    }

    void quotingErrors()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        const ConfigResult r =
            parseConfig("[pool]\nuser = a\n" + line + '\n', QStringLiteral("a.ini"), noEnv());
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(!r.error.contains(QStringLiteral("hunter2")), qPrintable(r.error)); // a secret
    }

    // Every ```ini block of the README and of docs/configuration.md is a whole file that
    // rigwatchd --check-config (loadConfigFile) accepts with no warning, its secrets given
    // through the environment as both say: the examples cannot rot unnoticed.
    void documentedExamplesAreAccepted_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QByteArray>("ini");
        static const QRegularExpression block(QStringLiteral("(?ms)^```ini\\n(.*?)^```$"));
        for (const QString &doc :
             {QStringLiteral("README.md"), QStringLiteral("docs/configuration.md")}) {
            QFile f(QStringLiteral(RIGWATCH_SOURCE_DIR "/") + doc);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            int n = 0;
            for (const auto &m : block.globalMatch(QString::fromUtf8(f.readAll())))
                QTest::addRow("%s block %d", qPrintable(doc), ++n) << doc << m.captured(1).toUtf8();
            QVERIFY2(n > 0, qPrintable(doc + QStringLiteral(" has no ```ini example")));
        }
    }

    void documentedExamplesAreAccepted()
    {
        QFETCH(QString, doc);
        QFETCH(QByteArray, ini);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rigwatch.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // chmod 600
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), QStringLiteral("/home/operator"));
        env.insert(QStringLiteral("RIGWATCH_POOL_SECRET"), QStringLiteral("pool-secret-from-env"));
        if (ini.contains("[telegram]")) // elsewhere a token would be a warning, rightly
            env.insert(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN"),
                       QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"));
        const ConfigResult r = loadConfigFile(path, env);
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        // no comment swallowed into a value, no path under the config file's folder
        const QString effective = describeConfig(*r.config);
        QVERIFY2(!effective.contains(QStringLiteral(" ;")) &&
                     !effective.contains(QStringLiteral(" #")),
                 qPrintable(effective));
        QVERIFY2(!r.config->databasePath.startsWith(dir.path()),
                 qPrintable(r.config->databasePath));
    }

    void homeInPaths_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("expected"); // relative: to the config file's folder
        QTest::newRow("~/...") << "~/.local/share/rigwatch.sqlite"
                               << "/home/operator/.local/share/rigwatch.sqlite";
        QTest::newRow("~") << "~"
                           << "/home/operator";
        QTest::newRow("quoted ~/...") << "\"~/farm db/x.sqlite\""
                                      << "/home/operator/farm db/x.sqlite";
        QTest::newRow("absolute") << "/var/lib/rigwatch/x.sqlite"
                                  << "/var/lib/rigwatch/x.sqlite";
        QTest::newRow("relative") << "db/x.sqlite"
                                  << "db/x.sqlite";
        QTest::newRow("~ inside a name") << "x~/y.sqlite"
                                         << "x~/y.sqlite";
        QTest::newRow("~user: not expanded") << "~other/x.sqlite"
                                             << "~other/x.sqlite";
    }

    void homeInPaths()
    {
        QFETCH(QString, database);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[pool]\nuser = a\n[storage]\ndatabase = " + database.toUtf8() + '\n');
        f.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), QStringLiteral("/home/operator"));
        const ConfigResult r = loadConfigFile(path, env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->databasePath,
                 expected.startsWith(QLatin1Char('/')) ? expected : dir.filePath(expected));
        // without HOME in the environment given: the user's home as Qt finds it
        const ConfigResult sys = parseConfig("[pool]\nuser = a\n[storage]\ndatabase = ~/x.sqlite\n",
                                             QStringLiteral("a.ini"), noEnv());
        QVERIFY(sys.config);
        QCOMPARE(sys.config->databasePath, QDir::homePath() + QStringLiteral("/x.sqlite"));
    }

    // The later value wins, as before, but not silently: the warning names the file, both
    // lines, the section and the key (never the value: it may be a secret).
    void duplicatesWarn()
    {
        const ConfigResult r = parseConfig("[pool]\nuser = a\nsecret = old-secret-1\n"
                                           "secret = new-secret-2\n[alerts]\noffline_after = 900\n"
                                           "[pool]\ninterval = 60\nuser = b\n",
                                           QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        const AccountConfig &a = r.config->accounts.first();
        QCOMPARE(a.secret, QStringLiteral("new-secret-2"));
        QCOMPARE(a.user, QStringLiteral("b"));
        QCOMPARE(a.intervalSecs, 60);
        QCOMPARE(a.thresholds.offlineAfterSecs, 900);
        QCOMPARE(
            r.warnings,
            QStringList({QStringLiteral("a.ini:4: [pool] secret is set again (first on line 3): "
                                        "the value on line 4 is used"),
                         QStringLiteral("a.ini:7: section [pool] appears again (first on line "
                                        "1): both are read as one, a key set in both takes "
                                        "the later value"),
                         QStringLiteral("a.ini:9: [pool] user is set again (first on line 2): "
                                        "the value on line 9 is used")}));
    }

    // rigwatchd shows them as it shows every warning (src/daemon/main.cpp): through loadConfigFile.
    void duplicatesWarnThroughTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[pool]\nuser = a\n[alerts]\noffline_after = 600\noffline_after = 900\n");
        f.close();
        const ConfigResult r = loadConfigFile(path, noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->accounts.first().thresholds.offlineAfterSecs, 900);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().startsWith(
                     path + QStringLiteral(":5: [alerts] offline_after is set again")),
                 qPrintable(r.warnings.first()));
    }

    // Above a maximum the maximum is used, as before, and now said.
    void clampedValuesWarn()
    {
        const ConfigResult r = parseConfig("[pool]\nuser = a\ninterval = 9999999\ntimeout = 7200\n",
                                           QStringLiteral("a.ini"), noEnv());
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->accounts.first().intervalSecs, 604800);
        QCOMPARE(r.config->accounts.first().timeoutSecs, 3600);
        QCOMPARE(
            r.warnings,
            QStringList({QStringLiteral("a.ini: [pool] interval = 9999999 is more than 604800: "
                                        "604800 is used"),
                         QStringLiteral("a.ini: [pool] timeout = 7200 is more than 3600: 3600 "
                                        "is used")}));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
