// Desktop settings: QSettings round trip without secrets, the SecretStore contract, and the
// validation rules the settings dialog shows before saving.
#include "guisettings.h"
#include "outagemodel.h"
#include "secretstore.h"
#include "settingsvalidator.h"

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
        QTest::newRow("uppercase account") << "user" << "AcmeFarm" << "2–15 lowercase letters";
        QTest::newRow("account starts with digit") << "user" << "1farm" << "starting with a letter";
        QTest::newRow("account too long") << "user" << "abcdefghijklmnop" << "2–15";
        QTest::newRow("empty account") << "user" << "" << "has no name";
        QTest::newRow("currency with space") << "currency" << "bit coin" << "slug";
        QTest::newRow("ftp url") << "url" << "ftp://api.f2pool.com" << "http or https";
        QTest::newRow("no pool token") << "secret" << "" << "needs one";
        QTest::newRow("interval too short") << "interval" << "10" << "at least 30 s";
        QTest::newRow("timeout above interval") << "timeout" << "400" << "less than the poll interval";
        QTest::newRow("offline below interval") << "offlineAfter" << "120" << "at least one poll interval";
        QTest::newRow("retired before offline") << "retiredAfter" << "300" << "longer than offline after";
        QTest::newRow("negative floor") << "floor" << "-1" << "cannot be negative";
        QTest::newRow("chat without token") << "token" << "" << "no bot token";
        QTest::newRow("token without chat") << "chat" << "" << "no chat";
        QTest::newRow("malformed token") << "token" << "not-a-token" << "BotFather";
        QTest::newRow("malformed chat") << "chat" << "my channel" << "@channelname";
        QTest::newRow("channel name ok") << "chat" << "@farm_alerts" << "";
        QTest::newRow("telegram off") << "telegram-off" << "" << "";
        QTest::newRow("language") << "language" << "fr" << "English or Simplified Chinese";
    }

    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        GuiSettings s = valid();
        AccountConfig &a = s.accounts[0];
        if (field == QLatin1String("user")) a.user = value;
        if (field == QLatin1String("currency")) a.currency = value;
        if (field == QLatin1String("url")) a.url = QUrl(value);
        if (field == QLatin1String("secret")) a.secret = value;
        if (field == QLatin1String("interval")) s.intervalSecs = value.toInt();
        if (field == QLatin1String("timeout")) s.timeoutSecs = value.toInt();
        if (field == QLatin1String("offlineAfter")) s.thresholds.offlineAfterSecs = value.toInt();
        if (field == QLatin1String("retiredAfter")) s.thresholds.retiredAfterSecs = value.toInt();
        if (field == QLatin1String("floor")) s.thresholds.minHashRate = value.toDouble();
        if (field == QLatin1String("token")) s.telegram.token = value;
        if (field == QLatin1String("chat")) s.telegram.chat = value;
        if (field == QLatin1String("telegram-off")) s.telegram.token = s.telegram.chat = QString();
        if (field == QLatin1String("language")) s.language = value;
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

    void outageCsv()
    {
        OutageModel m;
        Outage closed{QStringLiteral("rig-07"), 1'767'225'600, 1'767'228'420};
        Outage open{QStringLiteral("=HYPERLINK(\"x\"),evil"), 1'767'229'000, 0};
        m.setOutages({closed, open}, 1'767'229'600);
        const QStringList lines = m.toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("worker,went_offline_utc,came_back_utc,duration_s"));
        QCOMPARE(lines[1], QStringLiteral("rig-07,2026-01-01T00:00:00Z,2026-01-01T00:47:00Z,2820"));
        // A formula-looking name is quoted and defused; an ongoing outage has no end.
        QCOMPARE(lines[2], QStringLiteral("\"'=HYPERLINK(\"\"x\"\"),evil\",2026-01-01T00:56:40Z,,600"));
        QCOMPARE(m.index(1, OutageModel::ColEnd).data().toString(), QStringLiteral("still offline"));
        QCOMPARE(m.index(0, OutageModel::ColDuration).data().toString(), QStringLiteral("47 min"));
    }
};

QTEST_GUILESS_MAIN(TestGuiSettings)
#include "tst_guisettings.moc"
