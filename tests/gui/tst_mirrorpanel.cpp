// The Telegram mirror: while Telegram's 429 holds RigWatch back, the panel says until when, in
// local time, and in the window's language after a switch; the line goes when the wait is over.
// A 409 Conflict (another program reads the bot's updates) is said there once, while alerts
// still go out, and goes when commands are read again.
#include "appcontroller.h"
#include "clock.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "mirrorpanel.h"
#include "secretstore.h"

#include "simfarm.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace rw;

class TestMirrorPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void saysUntilWhenTelegramHoldsBack()
    {
        EngineHost host; // not started: the panel asks it for nothing while hidden
        MirrorPanel panel(&host);
        panel.setTelegramEnabled(true);
        auto *line = panel.findChild<QLabel *>(QStringLiteral("telegramBlocked"));
        QVERIFY(line);
        QVERIFY(line->isHidden());

        const qint64 until = 1'767'229'200'000; // 2026-01-01 01:00 UTC
        panel.setTelegramBlockedUntil(until);
        QVERIFY(!line->isHidden());
        const QString local =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(until).time(), QLocale::ShortFormat);
        QCOMPARE(line->text(),
                 QStringLiteral("Telegram asked to wait until %1: alerts that come up meanwhile "
                                "are posted then.")
                     .arg(local));

        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QVERIFY2(line->text().contains(QLocale().toString(
                     QDateTime::fromMSecsSinceEpoch(until).time(), QLocale::ShortFormat)),
                 qPrintable(line->text()));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

        panel.setTelegramBlockedUntil(0);
        QVERIFY(line->isHidden());
    }

    // The tray app with "Answer commands" on, and another program reading the same bot: the
    // Telegram tab says so once, alerts are posted meanwhile, and the line goes when RigWatch
    // reads the updates again.
    void aConflictIsShownOnceWhileAlertsFlow()
    {
        QTemporaryDir dir;
        Store::checkThreads(QThread::currentThread());
        QCoreApplication::setOrganizationName(QStringLiteral("RigWatchTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        const auto token = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        ManualClock clock;
        sim::SimFarm farm(&clock);
        sim::SimFarm::Options fo;
        fo.user = QStringLiteral("acmefarm");
        fo.secret = QStringLiteral("pool-secret-1234");
        fo.token = token;
        fo.annexRigs = 0; // the demo schedule: some rigs are down, so there is an alert to post
        QVERIFY2(farm.start(fo), qPrintable(farm.errorString()));
        farm.telegram()->injectFault(sim::TelegramSink::Fault::Conflict, -1,
                                     QStringLiteral("getUpdates"));
        {
            QSettings qs;
            qs.clear();
            qs.beginWriteArray(QStringLiteral("accounts"), 1);
            qs.setArrayIndex(0);
            qs.setValue(QStringLiteral("user"), QStringLiteral("acmefarm"));
            qs.setValue(QStringLiteral("url"), farm.poolUrl().toString());
            qs.endArray();
            qs.setValue(QStringLiteral("telegram/chat"), fo.chat);
            qs.setValue(QStringLiteral("telegram/url"), farm.telegramUrl().toString());
            qs.setValue(QStringLiteral("telegram/commands"), true);
            qs.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
            qs.setValue(QStringLiteral("storage/database"), dir.filePath(QStringLiteral("c.db")));
        }
        auto secrets = std::make_unique<MemorySecretStore>();
        QObject ctx;
        secrets->write(QStringLiteral("pool/acmefarm/bitcoin"), fo.secret, &ctx,
                       [](bool, const QString &) {});
        secrets->write(QStringLiteral("telegram/bot-token"), token, &ctx,
                       [](bool, const QString &) {});
        AppController::Options opt;
        opt.useTray = false;
        opt.clock = &clock;
        AppController app(opt, std::move(secrets));
        QSignalSpy problems(app.host(), &EngineHost::commandsProblem);
        app.start();
        auto *line =
            app.window()->mirrorPanel()->findChild<QLabel *>(QStringLiteral("commandsProblem"));
        QVERIFY(line);
        QTRY_VERIFY_WITH_TIMEOUT(!line->isHidden(), 10000);
        QVERIFY2(
            line->text().contains(QStringLiteral("another program reads this bot's updates")) &&
                line->text().contains(QStringLiteral("every 30 s")),
            qPrintable(line->text()));
        QVERIFY(!line->text().contains(token));
        QTRY_VERIFY_WITH_TIMEOUT(!farm.telegram()->messages(fo.chat).isEmpty(), 10000);
        QCOMPARE(problems.size(), 1); // once, not at every retry
        QVERIFY(farm.telegram()->callCount(QStringLiteral("getUpdates")) <= 2); // every 30 s

        app.host()->commandsProblem(QString()); // as the engine says when updates flow again
        QVERIFY(line->isHidden());
    }
};

QTEST_MAIN(TestMirrorPanel)
#include "tst_mirrorpanel.moc"
