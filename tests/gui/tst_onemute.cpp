// One mute (issue #21): a /mute from Telegram and the tray's "Pause alerts" are the same state.
// The tray app runs against the simulated farm and its Telegram, with commands on: a mute from
// the chat pauses the tray and the desktop pop-ups and says who and until when; the tray's own
// pause is what /status reports, with the tray's end; both end on time, on the injected clock.
#include "alertcoalescer.h"
#include "appcontroller.h"
#include "clock.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "traycontroller.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include "simfarm.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace rw;

namespace {
const auto kToken = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
const auto kChat = QStringLiteral("-1001234567890");
constexpr qint64 kAdmin = 111;
} // namespace

class TestOneMute : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    int containing(const sim::SimFarm &farm, const QString &piece) const
    {
        int n = 0;
        for (const auto &m : farm.telegram()->messages(kChat))
            n += m.plainText.contains(piece) ? 1 : 0;
        return n;
    }
    static QString hhmm(qint64 ms)
    {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Store::checkThreads(QThread::currentThread());
        QCoreApplication::setOrganizationName(QStringLiteral("RigWatchTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void telegramMuteAndTrayPauseAreOneState()
    {
        // Noon: every end below falls on the same day, so /status writes it as HH:mm.
        const QDateTime noon(QDate::currentDate(), QTime(12, 0), Qt::UTC);
        ManualClock clock(noon.toMSecsSinceEpoch());
        sim::SimFarm farm(&clock);
        sim::SimFarm::Options fo;
        fo.user = QStringLiteral("acmefarm");
        fo.secret = QStringLiteral("pool-secret-1234");
        fo.token = kToken;
        fo.chat = kChat;
        fo.demoSchedule = false;
        fo.annexRigs = 0;
        QVERIFY2(farm.start(fo), qPrintable(farm.errorString()));
        {
            QSettings qs;
            qs.clear();
            qs.beginWriteArray(QStringLiteral("accounts"), 1);
            qs.setArrayIndex(0);
            qs.setValue(QStringLiteral("user"), QStringLiteral("acmefarm"));
            qs.setValue(QStringLiteral("url"), farm.poolUrl().toString());
            qs.endArray();
            qs.setValue(QStringLiteral("telegram/chat"), kChat);
            qs.setValue(QStringLiteral("telegram/url"), farm.telegramUrl().toString());
            qs.setValue(QStringLiteral("telegram/commands"), true);
            qs.setValue(QStringLiteral("telegram/admins"), QString::number(kAdmin));
            qs.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
            qs.setValue(QStringLiteral("storage/database"),
                        m_dir.filePath(QStringLiteral("mute.sqlite")));
        }
        auto secrets = std::make_unique<MemorySecretStore>();
        QObject ctx;
        secrets->write(QStringLiteral("pool/acmefarm/bitcoin"), fo.secret, &ctx,
                       [](bool, const QString &) {});
        secrets->write(QStringLiteral("telegram/bot-token"), kToken, &ctx,
                       [](bool, const QString &) {});
        AppController::Options opt;
        opt.clock = &clock;
        opt.trayAvailable = [] { return true; }; // the controller, without a desktop's icon
        AppController app(opt, std::move(secrets));
        QSignalSpy mutes(app.host(), &EngineHost::muteChanged);
        app.start();
        QVERIFY(!app.isDemo());
        QTRY_COMPARE_WITH_TIMEOUT(app.window()->workersPanel()->model()->rowCount(), 36, 10000);
        TrayController *tray = app.tray();
        QVERIFY(tray);
        QVERIFY(!tray->isPaused());

        // A mute from the chat: the tray shows who and until when; the pop-ups hold too.
        farm.telegram()->injectMessage(kChat, QStringLiteral("/mute 2h"), kAdmin,
                                       QStringLiteral("ann"), QStringLiteral("supergroup"));
        const qint64 muteEnd = clock.nowMs() + 2 * 3600 * 1000;
        QTRY_VERIFY_WITH_TIMEOUT(tray->isPaused(), 10000);
        const QString shown = QLocale().toString(QDateTime::fromMSecsSinceEpoch(muteEnd).time(),
                                                 QLocale::ShortFormat);
        QVERIFY2(tray->toolTip().contains(QStringLiteral("Alerts muted by @ann until ") + shown),
                 qPrintable(tray->toolTip()));
        QVERIFY(app.alerts()->isPaused());

        // "Resume alerts" in the tray ends it for the chat too.
        tray->resume();
        QTRY_VERIFY(!mutes.isEmpty() && !mutes.last().first().toBool());
        QVERIFY(!app.alerts()->isPaused());
        farm.telegram()->injectMessage(kChat, QStringLiteral("/status"), kAdmin,
                                       QStringLiteral("ann"), QStringLiteral("supergroup"));
        QTRY_COMPARE_WITH_TIMEOUT(containing(farm, QStringLiteral("36 of 36 workers online")), 1,
                                  10000);
        for (const auto &m : farm.telegram()->messages(kChat))
            if (m.plainText.contains(QStringLiteral("36 of 36 workers online")))
                QVERIFY2(!m.plainText.contains(QStringLiteral("muted")), qPrintable(m.plainText));

        // The tray's pause is the mute /status reports, with the tray's end.
        tray->pauseFor(3600);
        const qint64 pauseEnd = clock.nowMs() + 3600 * 1000;
        QTRY_VERIFY(!mutes.isEmpty() && mutes.last().at(0).toBool() &&
                    mutes.last().at(1).toLongLong() == pauseEnd);
        QCOMPARE(mutes.last().at(2).toString(), QStringLiteral("tray"));
        QVERIFY(app.alerts()->isPaused());
        farm.telegram()->injectMessage(kChat, QStringLiteral("/status"), kAdmin,
                                       QStringLiteral("ann"), QStringLiteral("supergroup"));
        const QString line =
            QStringLiteral("Alerts muted by the desktop app until %1 UTC").arg(hhmm(pauseEnd));
        QTRY_COMPARE_WITH_TIMEOUT(containing(farm, line), 1, 10000);
        // A longer pause chosen while paused moves the engine's end as well.
        tray->pauseFor(4 * 3600);
        const qint64 longerEnd = clock.nowMs() + 4 * 3600 * 1000;
        QTRY_VERIFY(mutes.last().at(1).toLongLong() == longerEnd);

        // Over on time, on the clock: the engine ends it and the tray follows at once.
        clock.advanceSecs(4 * 3600 + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!mutes.last().first().toBool(), 5000);
        QTRY_VERIFY(!tray->isPaused());
        QVERIFY(!app.alerts()->isPaused());
        QCOMPARE(containing(farm, QStringLiteral("has ended")), 0); // the desktop's, not the chat's
    }
};

QTEST_MAIN(TestOneMute)
#include "tst_onemute.moc"
