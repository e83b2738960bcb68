#include "config/configfile.h"

#include <QFile>
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
        const ConfigResult r = parseConfig("[pool]\nuser = farm1\n", QStringLiteral("a.ini"), noEnv());
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
        QCOMPARE(r.config->telegram.url.toString(), QStringLiteral("https://api.telegram.org"));
        QCOMPARE(r.config->telegram.retract, RetractMode::Delete);
        QVERIFY(r.config->databasePath.endsWith(QStringLiteral("rigwatch.sqlite")));
    }

    void everyKey()
    {
        const QByteArray ini = "# comment\n[pool]\nprovider = f2pool-v1\nurl = http://127.0.0.1:8080/\n"
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
        QTest::newRow("missing user") << QByteArray("[pool]\ncurrency = bitcoin\n") << "[pool] user is required";
        QTest::newRow("no pool at all") << QByteArray("[alerts]\noffline_after = 60\n") << "[pool] user is required";
        QTest::newRow("interval not a number") << QByteArray("[pool]\nuser = a\ninterval = abc\n")
                                               << "[pool] interval = \"abc\" is not a whole number";
        QTest::newRow("negative timeout") << QByteArray("[pool]\nuser = a\ntimeout = -5\n")
                                          << "[pool] timeout = -5 must be at least 1";
        QTest::newRow("unknown provider") << QByteArray("[pool]\nuser = a\nprovider = antpool\n")
                                          << "[pool] provider = \"antpool\" is not a known provider";
        QTest::newRow("bad url") << QByteArray("[pool]\nuser = a\nurl = ftp://x\n") << "[pool] url";
        QTest::newRow("retired before offline")
            << QByteArray("[pool]\nuser = a\n[alerts]\noffline_after = 600\nretired_after = 60\n")
            << "retired_after must be greater than offline_after";
        QTest::newRow("bad floor") << QByteArray("[pool]\nuser = a\n[alerts]\nmin_hashrate = lots\n")
                                   << "[alerts] min_hashrate";
        QTest::newRow("bad retract") << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\nchat = 5\nretract = burn\n")
                                     << "[telegram] retract";
        QTest::newRow("token without chat") << QByteArray("[pool]\nuser = a\n[telegram]\ntoken = 1:a\n")
                                            << "[telegram] chat is required";
        QTest::newRow("one account twice, through another url")
            << QByteArray("[pool.a]\nuser = farm\n[pool.b]\nuser = farm\nurl = https://mirror.example\n")
            << "[pool.b] watches user \"farm\" on bitcoin like [pool.a] does";
        QTest::newRow("one account twice, v1 and v2")
            << QByteArray("[pool]\nuser = farm\n[pool.old]\nuser = farm\nprovider = f2pool-v1\n")
            << "[pool.old] watches user \"farm\" on bitcoin like [pool] does";
        QTest::newRow("garbage line") << QByteArray("[pool]\nuser = a\nthis is not ini\n") << "a.ini:3:";
        QTest::newRow("unclosed section") << QByteArray("[pool\nuser = a\n") << "a.ini:1:";
    }

    void invalid()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        const ConfigResult r = parseConfig(ini, QStringLiteral("a.ini"), noEnv());
        QVERIFY(!r.config);
        QVERIFY2(r.error.startsWith(QStringLiteral("a.ini")), qPrintable(r.error));
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(!r.error.contains(QLatin1Char('\n')));
    }

    void unknownKeyWarns()
    {
        const ConfigResult r = parseConfig("[pool]\nuser = a\nofline_after = 5\n", QStringLiteral("a.ini"), noEnv());
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
        const ConfigResult noChat =
            parseConfig("[pool]\nuser = a\n[telegram]\nretract = edit\n", QStringLiteral("a.ini"), env);
        QVERIFY(!noChat.config);
        QVERIFY2(noChat.error.contains(QStringLiteral("[telegram] chat is required")),
                 qPrintable(noChat.error));
    }

    void severalAccounts()
    {
        const QByteArray ini = "[pool]\nsecret = shared-secret-123\ninterval = 120\n"
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

    void describeMasksSecrets()
    {
        const ConfigResult r = parseConfig("[pool]\nuser = a\nsecret = supersecretpooltoken\n[telegram]\n"
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
              QStringLiteral("timeout"), QStringLiteral("max_body"), QStringLiteral("offline_after"),
              QStringLiteral("retired_after"), QStringLiteral("min_hashrate"), QStringLiteral("name")}},
            {QStringLiteral("telegram"),
             {QStringLiteral("url"), QStringLiteral("token"), QStringLiteral("chat"),
              QStringLiteral("retract"), QStringLiteral("language"), QStringLiteral("timeout")}},
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
        const ConfigResult missing = loadConfigFile(dir.filePath(QStringLiteral("nope.ini")), noEnv());
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
        QVERIFY(std::any_of(r.warnings.cbegin(), r.warnings.cend(),
                            [](const QString &w) { return w.contains(QStringLiteral("readable by other users")); }));
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
        QTest::newRow("empty secret, then a key") << QByteArray("[pool]\nuser = a\nsecret =\ninterval = 60\n") << false;
        QTest::newRow("empty token, then a key")
            << QByteArray("[pool]\nuser = a\n[telegram]\ntoken =  \nretract = edit\n") << false;
        QTest::newRow("empty secret, then a blank line")
            << QByteArray("[pool]\nuser = a\nsecret = \n\n[alerts]\noffline_after = 900\n") << false;
        QTest::newRow("real secret") << QByteArray("[pool]\nuser = a\nsecret = 0123456789abcdef\n") << true;
        QTest::newRow("real token")
            << QByteArray("[pool]\nuser = a\n[telegram]\n  token\t=\t123456:ABCDEFGHIJ\nchat = 1\n") << true;
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
        const bool warned = std::any_of(r.warnings.cbegin(), r.warnings.cend(), [](const QString &w) {
            return w.contains(QStringLiteral("readable by other users"));
        });
        QCOMPARE(warned, warns);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
