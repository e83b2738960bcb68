// Desktop settings: QSettings round trip without secrets, the SecretStore contract, and the
// validation rules the settings dialog shows before saving.
#include "guisettings.h"
#include "outagemodel.h"
#include "secretstore.h"
#include "settingsvalidator.h"

#include "config/proxysetting.h"
#include "pool/poolprovider.h"

#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {
GuiSettings valid()
{
    GuiSettings s;
    AccountConfig a;
    a.id = QStringLiteral("main");
    a.user = QStringLiteral("acmefarm01");
    a.currency = QStringLiteral("bitcoin");
    a.secret = QStringLiteral("POOL-SECRET-9f8e7d6c5b4a");
    s.accounts << a;
    s.telegram.token = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    s.telegram.chat = QStringLiteral("-1001234567890");
    return s;
}
} // namespace

class TestGuiSettings : public QObject
{
    Q_OBJECT
private slots:
    void roundTripWithoutSecrets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        GuiSettings s = valid();
        s.thresholds.minHashRate = 3e15;
        s.thresholds.offlineAfterSecs = 900;
        s.intervalSecs = 120;
        s.telegram.retract = RetractMode::Edit;
        s.language = QStringLiteral("zh_CN");
        s.redOfflinePercent = 25;
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY2(!text.contains("POOL-SECRET"), "the pool token must never reach QSettings");
        QVERIFY2(!text.contains("AAHdqTcv"), "the bot token must never reach QSettings");

        QSettings qs(file, QSettings::IniFormat);
        const GuiSettings back = GuiSettings::load(qs);
        QCOMPARE(back.accounts.size(), 1);
        QCOMPARE(back.accounts[0].user, QStringLiteral("acmefarm01"));
        QVERIFY(back.accounts[0].secret.isEmpty());
        QVERIFY(back.telegram.token.isEmpty());
        QCOMPARE(back.telegram.chat, s.telegram.chat);
        QCOMPARE(back.telegram.retract, RetractMode::Edit);
        QCOMPARE(back.thresholds.minHashRate, 3e15);
        QCOMPARE(back.language, QStringLiteral("zh_CN"));
        QCOMPARE(back.redOfflinePercent, 25);
        const DaemonConfig c = back.toDaemonConfig();
        QCOMPARE(c.accounts[0].intervalSecs, 120);
        QCOMPARE(c.accounts[0].thresholds.offlineAfterSecs, 900);
        QCOMPARE(c.telegram.language, QStringLiteral("zh_CN"));
        QVERIFY(!c.databasePath.isEmpty());
    }

    // "Answer commands" is off unless chosen; admins and a proxy without credentials round-trip;
    // a proxy password is never kept in the settings.
    void commandsAdminsAndProxy()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        {
            QSettings qs(file, QSettings::IniFormat);
            const GuiSettings fresh = GuiSettings::load(qs);
            QVERIFY(!fresh.telegram.commands);
            QVERIFY(fresh.telegram.admins.isEmpty());
            QVERIFY(!fresh.telegram.proxySet);
        }
        GuiSettings s = valid();
        s.telegram.commands = true;
        s.telegram.admins = {111, 222};
        s.telegram.proxy = QStringLiteral("socks5://127.0.0.1:1080");
        s.telegram.proxySet = true;
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        {
            QSettings qs(file, QSettings::IniFormat);
            const GuiSettings back = GuiSettings::load(qs);
            QVERIFY(back.telegram.commands);
            QCOMPARE(back.telegram.admins, (QVector<qint64>{111, 222}));
            QCOMPARE(back.telegram.proxy, QStringLiteral("socks5://127.0.0.1:1080"));
            QVERIFY(back.toDaemonConfig().telegram.commands);
            qs.setValue(QStringLiteral("telegram/proxy"),
                        QStringLiteral("socks5://farm:pw123@127.0.0.1:1080"));
            qs.setValue(QStringLiteral("telegram/admins"), QStringLiteral("111, bob"));
        }
        QSettings qs(file, QSettings::IniFormat);
        QStringList warnings;
        const GuiSettings hand = GuiSettings::load(qs, &warnings);
        // as the warning says: no proxy (not one from the environment the operator did not name)
        QVERIFY(hand.telegram.proxySet);
        QVERIFY(hand.telegram.proxy.isEmpty());
        QCOMPARE(hand.telegram.admins, (QVector<qint64>{111}));
        QCOMPARE(warnings.size(), 2);
        QVERIFY(!warnings.join(QLatin1Char('\n')).contains(QStringLiteral("pw123")));
    }

    // Each account has its own proxy ("" = none, absent = the environment's); a proxy's user
    // and password never reach the settings file, only the keychain, and come back from there.
    void proxiesKeepTheirCredentialsInTheKeychain()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        GuiSettings s = valid();
        AccountConfig direct = s.accounts[0];
        direct.id = QStringLiteral("direct");
        direct.user = QStringLiteral("otherfarm");
        direct.proxySet = true; // "" : none, whatever the environment says
        AccountConfig inherits = direct;
        inherits.id = QStringLiteral("env");
        inherits.user = QStringLiteral("thirdfarm");
        inherits.proxySet = false;
        s.accounts[0].proxy = QStringLiteral("socks5://farm:p%40ss%3Aword@127.0.0.1:1080");
        s.accounts[0].proxySet = true;
        s.accounts << direct << inherits;
        s.telegram.proxy = QStringLiteral("http://tg:tgPASS55@10.0.0.2:3128");
        s.telegram.proxySet = true;
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY2(!text.contains("p%40ss") && !text.contains("tgPASS55") && !text.contains("farm:"),
                 text.constData());

        QSettings qs(file, QSettings::IniFormat);
        QStringList warnings;
        const GuiSettings back = GuiSettings::load(qs, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(back.accounts.size(), 3);
        QCOMPARE(back.accounts[0].proxy, QStringLiteral("socks5://127.0.0.1:1080"));
        QVERIFY(back.accounts[1].proxySet);
        QVERIFY(back.accounts[1].proxy.isEmpty());
        QVERIFY(!back.accounts[2].proxySet);
        QCOMPARE(back.telegram.proxy, QStringLiteral("http://10.0.0.2:3128"));

        // The credentials as the dialog stores them, then filled in by loadSecrets.
        MemorySecretStore store;
        QObject ctx;
        int written = 0;
        store.write(GuiSettings::poolProxySecretKey(s.accounts[0]),
                    GuiSettings::proxyCredentials(s.accounts[0].proxy), &ctx,
                    [&](bool ok, const QString &) { written += ok; });
        store.write(GuiSettings::telegramProxySecretKey(),
                    GuiSettings::proxyCredentials(s.telegram.proxy), &ctx,
                    [&](bool ok, const QString &) { written += ok; });
        QTRY_COMPARE(written, 2);
        std::optional<GuiSettings> got;
        loadSecrets(&store, back, &ctx, [&](const GuiSettings &filled, const QStringList &errors) {
            QVERIFY(errors.isEmpty());
            got = filled;
        });
        QTRY_VERIFY(got.has_value());
        const QNetworkProxy pool = proxyFromText(got->accounts[0].proxy);
        QCOMPARE(pool.user(), QStringLiteral("farm"));
        QCOMPARE(pool.password(), QStringLiteral("p@ss:word"));
        QCOMPARE(pool.port(), quint16(1080));
        QCOMPARE(proxyFromText(got->telegram.proxy).password(), QStringLiteral("tgPASS55"));
        QVERIFY(got->accounts[1].proxy.isEmpty());
        const DaemonConfig c = got->toDaemonConfig();
        QCOMPARE(c.accounts[0].proxy, got->accounts[0].proxy);
        QVERIFY(c.telegram.proxySet);
    }

    // Issue #19's settings: the poll's shortest gap, degraded and flapping workers, saved and
    // read back, handed to the engine as rigwatchd's [pool] and [alerts] keys would be.
    void degradedFlappingAndShortestGap()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        {
            QSettings qs(file, QSettings::IniFormat);
            const GuiSettings fresh = GuiSettings::load(qs);
            QCOMPARE(fresh.minIntervalSecs, 60);
            QCOMPARE(fresh.thresholds.degradedBelow, 70);
            QCOMPARE(fresh.thresholds.degradedAfterSecs, 1800);
            QCOMPARE(fresh.thresholds.flapLimit, 4);
            QCOMPARE(fresh.thresholds.flapWindowSecs, 3600);
        }
        GuiSettings s = valid();
        s.intervalSecs = 120;
        s.minIntervalSecs = 200; // above the interval: the engine gets the interval
        s.thresholds.degradedBelow = 55;
        s.thresholds.degradedAfterSecs = 0;
        s.thresholds.flapLimit = 0;
        s.thresholds.flapWindowSecs = 7200;
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
        }
        QSettings qs(file, QSettings::IniFormat);
        const GuiSettings back = GuiSettings::load(qs);
        QCOMPARE(back.minIntervalSecs, 200);
        QCOMPARE(back.thresholds.degradedBelow, 55);
        QCOMPARE(back.thresholds.degradedAfterSecs, 0);
        QCOMPARE(back.thresholds.flapLimit, 0);
        QCOMPARE(back.thresholds.flapWindowSecs, 7200);
        const DaemonConfig c = back.toDaemonConfig();
        QCOMPARE(c.accounts[0].minIntervalSecs, 120);
        QCOMPARE(c.accounts[0].thresholds.degradedBelow, 55);
        QCOMPARE(c.accounts[0].thresholds.flapWindowSecs, 7200);
        GuiSettings typed = back;
        typed.accounts[0].secret = s.accounts[0].secret; // the keychain's part
        typed.telegram.token = s.telegram.token;
        QVERIFY2(validateSettings(typed).contains(QStringLiteral("At most every")),
                 qPrintable(validateSettings(typed)));
        typed.minIntervalSecs = 120;
        QVERIFY2(validateSettings(typed).isEmpty(), qPrintable(validateSettings(typed)));
    }

    // Issue #20 in the desktop app: groups (in order), quiet hours, time zone, digest and the
    // critical share survive a save and reach the engine's DaemonConfig as the INI's do.
    void groupsQuietHoursDigestReachTheEngine()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        {
            QSettings qs(file, QSettings::IniFormat);
            const GuiSettings fresh = GuiSettings::load(qs);
            QVERIFY(fresh.groups.isEmpty());
            QCOMPARE(fresh.telegram.quietFrom, -1);
            QCOMPARE(fresh.telegram.digestAt, -1);
            QCOMPARE(fresh.telegram.timeZone, QString());
            QCOMPARE(fresh.thresholds.criticalOfflinePercent, 20);
        }
        GuiSettings s = valid();
        GroupConfig a;
        a.name = QStringLiteral("site-a");
        a.label = QStringLiteral("Site A");
        a.workers = {QStringLiteral("rig-a*"), QStringLiteral("a1-??")};
        a.chat = QStringLiteral("-1001111111111");
        a.minHashRate = 2e15;
        GroupConfig b;
        b.name = QStringLiteral("site_b");
        b.hosts = {QStringLiteral("203.0.113.*")};
        b.minHashRate = 1.5e14;
        s.groups = {a, b};
        s.telegram.quietFrom = 23 * 60;
        s.telegram.quietTo = 7 * 60;
        s.telegram.timeZone = QStringLiteral("Asia/Shanghai");
        s.telegram.digestAt = 8 * 60 + 30;
        s.thresholds.criticalOfflinePercent = 35;
        QVERIFY2(validateSettings(s).isEmpty(), qPrintable(validateSettings(s)));
        {
            QSettings qs(file, QSettings::IniFormat);
            s.save(qs);
            QCOMPARE(qs.value(QStringLiteral("telegram/quietHours")).toString(),
                     QStringLiteral("23:00-07:00"));
            QCOMPARE(qs.value(QStringLiteral("groups/1/minHashRate")).toString(),
                     QStringLiteral("2P"));
            QCOMPARE(qs.value(QStringLiteral("groups/2/minHashRate")).toString(),
                     QStringLiteral("150T"));
        }
        QSettings qs(file, QSettings::IniFormat);
        QStringList warnings;
        const DaemonConfig c = GuiSettings::load(qs, &warnings).toDaemonConfig();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(c.groups.size(), 2);
        QCOMPARE(c.groups[0].name, QStringLiteral("site-a"));
        QCOMPARE(c.groups[0].label, QStringLiteral("Site A"));
        QCOMPARE(c.groups[0].workers, a.workers);
        QCOMPARE(c.groups[0].chat, a.chat);
        QCOMPARE(c.groups[0].minHashRate, 2e15);
        QCOMPARE(c.groups[1].name, QStringLiteral("site_b"));
        QCOMPARE(c.groups[1].hosts, b.hosts);
        QCOMPARE(c.groups[1].minHashRate, 1.5e14);
        QCOMPARE(c.telegram.quietFrom, 23 * 60);
        QCOMPARE(c.telegram.quietTo, 7 * 60);
        QCOMPARE(c.telegram.timeZone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(c.telegram.digestAt, 8 * 60 + 30);
        QCOMPARE(c.accounts[0].thresholds.criticalOfflinePercent, 35);

        // Hand-edited values the INI would refuse: the group is left out, the rest is off.
        qs.setValue(QStringLiteral("groups/1/name"), QStringLiteral("site a!"));
        qs.setValue(QStringLiteral("telegram/quietHours"), QStringLiteral("23:00-23:00"));
        qs.setValue(QStringLiteral("telegram/timezone"), QStringLiteral("Mars/Olympus"));
        qs.setValue(QStringLiteral("telegram/digest"), QStringLiteral("25:00"));
        const GuiSettings bad = GuiSettings::load(qs, &warnings);
        QCOMPARE(warnings.size(), 4);
        QCOMPARE(bad.groups.size(), 1);
        QCOMPARE(bad.groups[0].name, QStringLiteral("site_b"));
        QCOMPARE(bad.telegram.quietFrom, -1);
        QCOMPARE(bad.telegram.timeZone, QString());
        QCOMPARE(bad.telegram.digestAt, -1);
    }

    void groupValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // substring of the message; empty = valid
        QTest::newRow("valid") << QString() << QString() << QString();
        QTest::newRow("name with a space") << "name"
                                           << "site a"
                                           << "only letters, digits";
        QTest::newRow("no name") << "name"
                                 << ""
                                 << "has no name";
        QTest::newRow("twice") << "twice"
                               << ""
                               << "listed twice";
        QTest::newRow("nothing to match") << "globs"
                                          << ""
                                          << "give worker names or hosts";
        QTest::newRow("bad chat") << "chat"
                                  << "my group"
                                  << "neither a numeric chat id";
        QTest::newRow("channel chat") << "chat"
                                      << "@siteachannel"
                                      << "";
        QTest::newRow("negative floor") << "floor"
                                        << "-1"
                                        << "cannot be negative";
        QTest::newRow("quiet empty window") << "quiet"
                                            << "600-600"
                                            << "begins where it ends";
        QTest::newRow("quiet across midnight") << "quiet"
                                               << "1380-420"
                                               << "";
        QTest::newRow("unknown zone") << "zone"
                                      << "Mars/Olympus"
                                      << "not a time zone";
        QTest::newRow("zone") << "zone"
                              << "Europe/Berlin"
                              << "";
        QTest::newRow("critical above 100") << "critical"
                                            << "101"
                                            << "Critical when offline";
    }

    void groupValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        GuiSettings s = valid();
        GroupConfig g;
        g.name = QStringLiteral("site-a");
        g.workers = {QStringLiteral("a-*")};
        if (field == QLatin1String("name"))
            g.name = value;
        if (field == QLatin1String("globs"))
            g.workers.clear();
        if (field == QLatin1String("chat"))
            g.chat = value;
        if (field == QLatin1String("floor"))
            g.minHashRate = value.toDouble();
        s.groups << g;
        if (field == QLatin1String("twice"))
            s.groups << g;
        if (field == QLatin1String("quiet")) {
            s.telegram.quietFrom = value.section(QLatin1Char('-'), 0, 0).toInt();
            s.telegram.quietTo = value.section(QLatin1Char('-'), 1, 1).toInt();
        }
        if (field == QLatin1String("zone"))
            s.telegram.timeZone = value;
        if (field == QLatin1String("critical"))
            s.thresholds.criticalOfflinePercent = value.toInt();
        const QString problem = validateSettings(s);
        if (expected.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
    }

    // Before a language is chosen the app speaks the desktop's: a farm's Chinese desktop gets
    // Chinese at first start, without finding the setting in an English dialog first.
    void languageFollowsTheDesktopUntilChosen()
    {
        QCOMPARE(GuiSettings::defaultLanguage(QLocale(QLocale::Chinese, QLocale::China)),
                 QStringLiteral("zh_CN"));
        QCOMPARE(GuiSettings::defaultLanguage(QLocale(QLocale::Chinese, QLocale::Taiwan)),
                 QStringLiteral("zh_CN")); // the closest we have
        QCOMPARE(GuiSettings::defaultLanguage(QLocale(QLocale::English, QLocale::UnitedStates)),
                 QStringLiteral("en"));
        QCOMPARE(GuiSettings::defaultLanguage(QLocale(QLocale::Russian, QLocale::Russia)),
                 QStringLiteral("en"));
        QCOMPARE(GuiSettings::defaultLanguage(QLocale::c()), QStringLiteral("en"));
        // A choice once saved wins over the desktop.
        QTemporaryDir dir;
        QSettings qs(dir.filePath(QStringLiteral("rigwatch.ini")), QSettings::IniFormat);
        QCOMPARE(GuiSettings::load(qs).language, GuiSettings::defaultLanguage(QLocale::system()));
        GuiSettings s = valid();
        s.language = GuiSettings::defaultLanguage(QLocale::system()) == QLatin1String("en")
                         ? QStringLiteral("zh_CN")
                         : QStringLiteral("en");
        s.save(qs);
        QCOMPARE(GuiSettings::load(qs).language, s.language);
    }

    void secretsLoadThroughTheStore()
    {
        MemorySecretStore store;
        QObject ctx;
        const GuiSettings s = valid();
        bool written = false;
        store.write(GuiSettings::poolSecretKey(s.accounts[0]), QStringLiteral("tok-1"), &ctx,
                    [&](bool ok, const QString &) { written = ok; });
        QVERIFY(!written); // asynchronous by contract
        QTRY_VERIFY(written);
        GuiSettings stripped = s;
        stripped.accounts[0].secret.clear();
        stripped.telegram.token.clear();
        std::optional<GuiSettings> got;
        loadSecrets(&store, stripped, &ctx,
                    [&](const GuiSettings &filled, const QStringList &errors) {
                        QVERIFY(errors.isEmpty());
                        got = filled;
                    });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->accounts[0].secret, QStringLiteral("tok-1"));
        QVERIFY(got->telegram.token.isEmpty()); // never stored: stays empty, no error
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // substring of the message; empty = valid
        QTest::newRow("valid") << QString() << QString() << QString();
        QTest::newRow("uppercase account") << "user"
                                           << "AcmeFarm"
                                           << "2–15 lowercase letters";
        QTest::newRow("account starts with digit") << "user"
                                                   << "1farm"
                                                   << "starting with a letter";
        QTest::newRow("account too long") << "user"
                                          << "abcdefghijklmnop"
                                          << "2–15";
        QTest::newRow("empty account") << "user"
                                       << ""
                                       << "has no name";
        QTest::newRow("currency with space") << "currency"
                                             << "bit coin"
                                             << "slug";
        QTest::newRow("ftp url") << "url"
                                 << "ftp://api.f2pool.com"
                                 << "http or https";
        QTest::newRow("no pool token") << "secret"
                                       << ""
                                       << "needs one";
        QTest::newRow("interval too short") << "interval"
                                            << "10"
                                            << "at least 30 s";
        QTest::newRow("timeout above interval") << "timeout"
                                                << "400"
                                                << "less than the poll interval";
        QTest::newRow("offline below interval") << "offlineAfter"
                                                << "120"
                                                << "at least one poll interval";
        QTest::newRow("retired before offline") << "retiredAfter"
                                                << "300"
                                                << "longer than offline after";
        QTest::newRow("negative floor") << "floor"
                                        << "-1"
                                        << "cannot be negative";
        QTest::newRow("chat without token") << "token"
                                            << ""
                                            << "no bot token";
        QTest::newRow("token without chat") << "chat"
                                            << ""
                                            << "no chat";
        QTest::newRow("malformed token") << "token"
                                         << "not-a-token"
                                         << "BotFather";
        QTest::newRow("malformed chat") << "chat"
                                        << "my channel"
                                        << "@channelname";
        QTest::newRow("channel name ok") << "chat"
                                         << "@farm_alerts"
                                         << "";
        QTest::newRow("telegram off") << "telegram-off"
                                      << ""
                                      << "";
        QTest::newRow("language") << "language"
                                  << "fr"
                                  << "English or Simplified Chinese";
        QTest::newRow("shortest gap above interval") << "minInterval"
                                                     << "301"
                                                     << "At most every";
        QTest::newRow("shortest gap of a second") << "minInterval"
                                                  << "1"
                                                  << "";
        QTest::newRow("degraded above 100 %") << "degradedBelow"
                                              << "101"
                                              << "Degraded below";
        QTest::newRow("degraded at once") << "degradedAfter"
                                          << "0"
                                          << "";
        QTest::newRow("flap limit too high") << "flapLimit"
                                             << "5000"
                                             << "Flapping after";
        QTest::newRow("flap window 0") << "flapWindow"
                                       << "0"
                                       << "Flapping window";
        QTest::newRow("pool proxy without port") << "poolProxy"
                                                 << "socks5://127.0.0.1"
                                                 << "Proxy of acmefarm01";
        QTest::newRow("pool proxy with credentials") << "poolProxy"
                                                     << "socks5://u:pw@127.0.0.1:1080"
                                                     << "";
        QTest::newRow("telegram proxy https") << "telegramProxy"
                                              << "https://10.0.0.1:443"
                                              << "Telegram proxy";
        QTest::newRow("telegram proxy none") << "telegramProxy"
                                             << ""
                                             << "";
        QTest::newRow("commands without telegram") << "commands-off-telegram"
                                                   << ""
                                                   << "Answer commands";
        QTest::newRow("commands with telegram") << "commands"
                                                << ""
                                                << "";
    }

    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        GuiSettings s = valid();
        AccountConfig &a = s.accounts[0];
        if (field == QLatin1String("user"))
            a.user = value;
        if (field == QLatin1String("currency"))
            a.currency = value;
        if (field == QLatin1String("url"))
            a.url = QUrl(value);
        if (field == QLatin1String("secret"))
            a.secret = value;
        if (field == QLatin1String("interval"))
            s.intervalSecs = value.toInt();
        if (field == QLatin1String("timeout"))
            s.timeoutSecs = value.toInt();
        if (field == QLatin1String("offlineAfter"))
            s.thresholds.offlineAfterSecs = value.toInt();
        if (field == QLatin1String("retiredAfter"))
            s.thresholds.retiredAfterSecs = value.toInt();
        if (field == QLatin1String("floor"))
            s.thresholds.minHashRate = value.toDouble();
        if (field == QLatin1String("token"))
            s.telegram.token = value;
        if (field == QLatin1String("chat"))
            s.telegram.chat = value;
        if (field == QLatin1String("telegram-off"))
            s.telegram.token = s.telegram.chat = QString();
        if (field == QLatin1String("language"))
            s.language = value;
        if (field == QLatin1String("minInterval"))
            s.minIntervalSecs = value.toInt();
        if (field == QLatin1String("degradedBelow"))
            s.thresholds.degradedBelow = value.toInt();
        if (field == QLatin1String("degradedAfter"))
            s.thresholds.degradedAfterSecs = value.toInt();
        if (field == QLatin1String("flapLimit"))
            s.thresholds.flapLimit = value.toInt();
        if (field == QLatin1String("flapWindow"))
            s.thresholds.flapWindowSecs = value.toInt();
        if (field == QLatin1String("poolProxy")) {
            a.proxy = value;
            a.proxySet = true;
        }
        if (field == QLatin1String("telegramProxy")) {
            s.telegram.proxy = value;
            s.telegram.proxySet = true;
        }
        if (field.startsWith(QLatin1String("commands")))
            s.telegram.commands = true;
        if (field == QLatin1String("commands-off-telegram"))
            s.telegram.token = s.telegram.chat = QString();
        const QString problem = validateSettings(s);
        if (expected.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
        QVERIFY(!problem.contains(QStringLiteral("POOL-SECRET"))); // never echoes a token
    }

    void duplicateAccount()
    {
        GuiSettings s = valid();
        s.accounts << s.accounts[0];
        QVERIFY(validateSettings(s).contains(QStringLiteral("listed twice")));
    }

    // Hand-edited settings are held to rigwatchd's rules (config/valuecheck.h): interval=0 used
    // to reach the engine as it was, and the app polled the pool back to back.
    void handEditedValuesFollowTheDaemonsRules_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field"); // what the app uses, see below
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("warning"); // a piece of the one warning; empty = none
        const auto row = [](const char *name, const char *key, const char *value, const char *field,
                            const char *expected, const char *warning) {
            QTest::newRow(name) << QString::fromUtf8(key) << QString::fromUtf8(value)
                                << QString::fromUtf8(field) << QString::fromUtf8(expected)
                                << QString::fromUtf8(warning);
        };
        const QByteArray home = QDir::homePath().toUtf8();
        const QByteArray language = GuiSettings::defaultLanguage(QLocale::system()).toUtf8();
        row("interval 0", "poll/interval", "0", "interval", "300",
            "poll/interval = 0 must be at least 1; 300 is used instead");
        row("interval negative", "poll/interval", "-5", "interval", "300", "must be at least 1");
        row("interval not a number", "poll/interval", "soon", "interval", "300",
            "poll/interval = \"soon\" is not a whole number");
        row("interval above a week", "poll/interval", "9999999", "interval", "604800",
            "poll/interval = 9999999 is more than 604800: 604800 is used");
        row("interval of a minute", "poll/interval", "60", "interval", "60", "");
        row("timeout 0", "poll/timeout", "0", "timeout", "30", "poll/timeout");
        row("timeout above an hour", "poll/timeout", "7200", "timeout", "3600",
            "is more than 3600");
        row("offline after 0", "thresholds/offlineAfter", "0", "thresholds", "600/28800",
            "thresholds/offlineAfter = 0");
        row("retired before offline", "thresholds/retiredAfter", "300", "thresholds", "600/28800",
            "thresholds/retiredAfter must be greater than thresholds/offlineAfter; the "
            "defaults 600 and 28800 are used instead");
        row("negative floor", "thresholds/minHashRate", "-1", "floor", "0", "is not a hash rate");
        row("infinite floor", "thresholds/minHashRate", "1e400", "floor", "0", "too large");
        row("floor with a suffix", "thresholds/minHashRate", "350T", "floor", "3.5e+14", "");
        row("unknown provider", "accounts/1/provider", "slushpool", "provider", "f2pool",
            "accounts/1/provider = \"slushpool\"");
        row("ftp pool url", "accounts/1/url", "ftp://api.f2pool.com", "url",
            "https://api.f2pool.com", "not an http:// or https://");
        row("empty currency", "accounts/1/currency", "", "currency", "bitcoin",
            "accounts/1/currency is empty");
        row("no user", "accounts/1/user", "", "accounts", "0", "the account is left out");
        row("malformed chat", "telegram/chat", "my channel", "chat", "", "Telegram stays off");
        row("unknown retract", "telegram/retract", "burn", "retract", "delete",
            "must be delete or edit");
        row("file telegram url", "telegram/url", "file:///etc/passwd", "telegramUrl",
            "https://api.telegram.org", "telegram/url");
        row("unknown language", "ui/language", "fr", "language", language.constData(),
            "must be en or zh_CN");
        row("red above 100 %", "ui/redOfflinePercent", "150", "red", "100", "is more than 100");
        row("red below 0 %", "ui/redOfflinePercent", "-1", "red", "10", "must be at least 0");
        row("min interval 0", "poll/minInterval", "0", "minInterval", "60",
            "poll/minInterval = 0 must be at least 1; 60 is used instead");
        row("degraded above 100 %", "thresholds/degradedBelow", "150", "degradedBelow", "100",
            "is more than 100");
        row("degraded below 0 %", "thresholds/degradedBelow", "-5", "degradedBelow", "70",
            "must be at least 0");
        row("degraded after 0", "thresholds/degradedAfter", "0", "degradedAfter", "0", "");
        row("degraded after soon", "thresholds/degradedAfter", "soon", "degradedAfter", "1800",
            "is not a whole number");
        row("flap limit off", "thresholds/flapLimit", "0", "flapLimit", "0", "");
        row("flap window 0", "thresholds/flapWindow", "0", "flapWindow", "3600",
            "must be at least 1");
        row("pool proxy without port", "accounts/1/proxy", "socks5://127.0.0.1", "poolProxy", "",
            "the port is missing");
        row("pool proxy ftp", "accounts/1/proxy", "ftp://127.0.0.1:21", "poolProxy", "",
            "the scheme must be socks5 or http");
        row("database in ~", "storage/database", "~/farm/rigwatch.sqlite", "database",
            QByteArray(home + "/farm/rigwatch.sqlite").constData(), "");
        row("database ~", "storage/database", "~", "database", home.constData(), "");
    }

    void handEditedValuesFollowTheDaemonsRules()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rigwatch.ini"));
        {
            QSettings qs(file, QSettings::IniFormat);
            GuiSettings s = valid();
            s.intervalSecs = 300;
            s.save(qs);
            qs.setValue(key, value); // as an operator's editor leaves it
        }
        QSettings qs(file, QSettings::IniFormat);
        QStringList warnings;
        const GuiSettings g = GuiSettings::load(qs, &warnings);
        // what the engine is started with (AppController: toDaemonConfig)
        const DaemonConfig c = g.toDaemonConfig();
        const AccountConfig a = c.accounts.value(0);
        const QHash<QString, QString> used = {
            {QStringLiteral("interval"), QString::number(a.intervalSecs)},
            {QStringLiteral("timeout"), QString::number(a.timeoutSecs)},
            {QStringLiteral("thresholds"), QStringLiteral("%1/%2")
                                               .arg(a.thresholds.offlineAfterSecs)
                                               .arg(a.thresholds.retiredAfterSecs)},
            {QStringLiteral("floor"), QString::number(a.thresholds.minHashRate)},
            {QStringLiteral("provider"), providerName(a.provider)},
            {QStringLiteral("url"), a.url.toString()},
            {QStringLiteral("currency"), a.currency},
            {QStringLiteral("accounts"), QString::number(c.accounts.size())},
            {QStringLiteral("chat"), c.telegram.chat},
            {QStringLiteral("retract"), c.telegram.retract == RetractMode::Edit
                                            ? QStringLiteral("edit")
                                            : QStringLiteral("delete")},
            {QStringLiteral("telegramUrl"), c.telegram.url.toString()},
            {QStringLiteral("language"), c.telegram.language},
            {QStringLiteral("red"), QString::number(g.redOfflinePercent)},
            {QStringLiteral("minInterval"), QString::number(g.minIntervalSecs)},
            {QStringLiteral("degradedBelow"), QString::number(a.thresholds.degradedBelow)},
            {QStringLiteral("degradedAfter"), QString::number(a.thresholds.degradedAfterSecs)},
            {QStringLiteral("flapLimit"), QString::number(a.thresholds.flapLimit)},
            {QStringLiteral("flapWindow"), QString::number(a.thresholds.flapWindowSecs)},
            {QStringLiteral("poolProxy"), a.proxySet ? a.proxy : QStringLiteral("(env)")},
            {QStringLiteral("database"), c.databasePath}};
        QVERIFY(used.contains(field));
        QCOMPARE(used.value(field), expected);
        if (warning.isEmpty()) {
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        } else {
            QCOMPARE(warnings.size(), 1);
            QVERIFY2(warnings.first().startsWith(file + QStringLiteral(": ")),
                     qPrintable(warnings.first()));
            QVERIFY2(warnings.first().contains(warning), qPrintable(warnings.first()));
        }
        QVERIFY(!warnings.join(QLatin1Char('\n')).contains(QStringLiteral("POOL-SECRET")));
    }

    void outageCsv()
    {
        OutageModel m;
        Outage closed{QStringLiteral("rig-07"), 1'767'225'600, 1'767'228'420, false, 0, {}};
        Outage open{QStringLiteral("=HYPERLINK(\"x\"),evil"), 1'767'229'000, 0, false, 0, {}};
        m.setOutages({closed, open}, 1'767'229'600);
        const QStringList lines = m.toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(
            lines[0],
            QStringLiteral(
                "worker,went_offline_utc,came_back_utc,duration_s,kind,depth_percent,account"));
        QCOMPARE(lines[1],
                 QStringLiteral("rig-07,2026-01-01T00:00:00Z,2026-01-01T00:47:00Z,2820,offline,,"));
        // A formula-looking name is quoted and defused; an ongoing outage has no end.
        QCOMPARE(
            lines[2],
            QStringLiteral("\"'=HYPERLINK(\"\"x\"\"),evil\",2026-01-01T00:56:40Z,,600,offline,,"));
        QCOMPARE(m.index(1, OutageModel::ColEnd).data().toString(),
                 QStringLiteral("still offline"));
        QCOMPARE(m.index(0, OutageModel::ColDuration).data().toString(), QStringLiteral("47 min"));
    }
};

QTEST_GUILESS_MAIN(TestGuiSettings)
#include "tst_guisettings.moc"
