// The settings dialog's Telegram commands, proxies and issue #19's thresholds, end to end
// offscreen: typed, tested through a SOCKS5 proxy (a name that only the proxy resolves, so
// nothing can take the direct route), saved with the proxy's password in the keychain and not
// in the settings, read back; a refusing or hanging proxy is one line naming it; the dialog fits
// a 900-pixel screen in English and Chinese.
#include "appcontroller.h"
#include "clock.h"
#include "groupseditor.h"
#include "language.h"
#include "mainwindow.h"
#include "proxyeditor.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "ui_settingsdialog.h"
#include "workerspanel.h"
#include "workertablemodel.h"

#include "simfarm.h"
#include "socks5proxy.h"
#include "store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeEdit>
#include <QtTest>

using namespace rw;

namespace {
const auto kToken = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
const auto kProxyPassword = QStringLiteral("proxyPASS77");

AppController::Options noTray(const Clock *clock)
{
    AppController::Options opt;
    opt.useTray = false; // offscreen has none
    opt.clock = clock;
    return opt;
}

void setProxy(ProxyEditor *e, ProxyEditor::Mode mode, const QString &address,
              const QString &user = {}, const QString &password = {})
{
    e->modeBox()->setCurrentIndex(e->modeBox()->findData(int(mode)));
    e->addressEdit()->setText(address);
    e->userEdit()->setText(user);
    e->passwordEdit()->setText(password);
}

QSpinBox *spin(SettingsDialog *d, const char *name)
{
    return d->findChild<QSpinBox *>(QString::fromLatin1(name));
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The app watching the demo farm, with its settings dialog open.
    struct Open
    {
        ManualClock clock;
        MemorySecretStore *secrets = nullptr;
        std::unique_ptr<AppController> app;
        SettingsDialog *dialog = nullptr;
    };
    static bool open(Open &o)
    {
        auto secrets = std::make_unique<MemorySecretStore>();
        o.secrets = secrets.get();
        o.app = std::make_unique<AppController>(noTray(&o.clock), std::move(secrets));
        o.app->start();
        QSignalSpy opened(o.app.get(), &AppController::settingsDialogOpened);
        o.app->openSettings();
        if (!opened.wait(5000) && opened.isEmpty())
            return false;
        o.dialog = o.app->settingsDialog();
        return o.dialog != nullptr;
    }
    // An account of the simulated farm, reached as http://pool.invalid:PORT.
    static void addAccount(SettingsDialog *d, const sim::SimFarm &farm)
    {
        Ui::SettingsDialog *ui = d->ui();
        ui->addAccount->click();
        ui->user->setText(QStringLiteral("acmefarm"));
        ui->poolUrl->setText(QStringLiteral("http://pool.invalid:%1").arg(farm.poolUrl().port()));
        ui->secret->setText(QStringLiteral("pool-secret-1234"));
    }
    static void pointTelegramAt(SettingsDialog *d, const sim::SimFarm &farm)
    {
        GuiSettings base = d->settings();
        base.telegram.url =
            QUrl(QStringLiteral("http://telegram.invalid:%1").arg(farm.telegramUrl().port()));
        d->setSettings(base);
    }
    static std::unique_ptr<sim::SimFarm> startFarm(const Clock *clock)
    {
        auto farm = std::make_unique<sim::SimFarm>(clock);
        sim::SimFarm::Options fo;
        fo.user = QStringLiteral("acmefarm");
        fo.secret = QStringLiteral("pool-secret-1234");
        fo.token = kToken;
        fo.annexRigs = 0;
        if (!farm->start(fo))
            return nullptr;
        return farm;
    }
    static void mapNames(sim::Socks5Proxy &proxy)
    {
        proxy.mapHost(QStringLiteral("pool.invalid"), QStringLiteral("127.0.0.1"));
        proxy.mapHost(QStringLiteral("telegram.invalid"), QStringLiteral("127.0.0.1"));
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
    void init()
    {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("storage/database"),
                             m_dir.filePath(QStringLiteral("configured.sqlite")));
        Language::apply(QStringLiteral("en"));
    }

    void proxiesCommandsAndThresholdsAreTestedSavedAndReadBack()
    {
        Open o;
        auto farm = startFarm(&o.clock);
        QVERIFY(farm);
        sim::Socks5Proxy proxy;
        mapNames(proxy);
        proxy.setCredentials(QStringLiteral("farm"), kProxyPassword);
        QVERIFY(proxy.listen());
        const QString at = QStringLiteral("127.0.0.1:%1").arg(proxy.port());
        QVERIFY(open(o));
        SettingsDialog *d = o.dialog;
        Ui::SettingsDialog *ui = d->ui();
        QPushButton *save = ui->buttons->button(QDialogButtonBox::Save);
        pointTelegramAt(d, *farm);

        addAccount(d, *farm);
        setProxy(d->poolProxy(), ProxyEditor::Socks5, at, QStringLiteral("farm"), kProxyPassword);
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));
        QCOMPARE(d->poolProxy()->passwordEdit()->echoMode(), QLineEdit::Password);
        ui->testConnection->click();
        QTRY_VERIFY2(ui->connectionResult->text().contains(QStringLiteral("found 36 workers")),
                     qPrintable(ui->connectionResult->text()));
        QVERIFY(proxy.requestedHosts().contains(
            QStringLiteral("pool.invalid:%1").arg(farm->poolUrl().port())));

        ui->botToken->setText(kToken);
        ui->chat->setText(QStringLiteral("-1001234567890"));
        QVERIFY(!d->answerCommands()->isChecked()); // off unless chosen: one reader per bot
        d->answerCommands()->setChecked(true);
        d->admins()->setText(QStringLiteral("111, 222"));
        setProxy(d->telegramProxy(), ProxyEditor::Socks5, at, QStringLiteral("farm"),
                 kProxyPassword);
        ui->sendTest->click();
        QTRY_VERIFY(ui->sendTest->isEnabled());
        QVERIFY2(ui->telegramResult->text().contains(QStringLiteral("posted a test message")),
                 qPrintable(ui->telegramResult->text()));
        QVERIFY(proxy.requestedHosts().contains(
            QStringLiteral("telegram.invalid:%1").arg(farm->telegramUrl().port())));

        spin(d, "minInterval")->setValue(20);
        spin(d, "degradedBelow")->setValue(60);
        spin(d, "degradedAfter")->setValue(45);
        spin(d, "flapLimit")->setValue(6);
        spin(d, "flapWindow")->setValue(90);
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_VERIFY(!o.app->settingsDialog());

        // The password is in the keychain only; the settings keep the proxy's address.
        QSettings qs;
        for (const QString &k : qs.allKeys())
            QVERIFY2(!qs.value(k).toString().contains(kProxyPassword), qPrintable(k));
        QCOMPARE(qs.value(QStringLiteral("accounts/1/proxy")).toString(),
                 QStringLiteral("socks5://") + at);
        QCOMPARE(qs.value(QStringLiteral("telegram/proxy")).toString(),
                 QStringLiteral("socks5://") + at);
        QCOMPARE(qs.value(QStringLiteral("telegram/commands")).toBool(), true);
        QCOMPARE(qs.value(QStringLiteral("telegram/admins")).toString(),
                 QStringLiteral("111, 222"));
        QCOMPARE(qs.value(QStringLiteral("poll/minInterval")).toInt(), 20);
        QCOMPARE(qs.value(QStringLiteral("thresholds/degradedBelow")).toInt(), 60);
        QCOMPARE(qs.value(QStringLiteral("thresholds/degradedAfter")).toInt(), 45 * 60);
        QCOMPARE(qs.value(QStringLiteral("thresholds/flapLimit")).toInt(), 6);
        QCOMPARE(qs.value(QStringLiteral("thresholds/flapWindow")).toInt(), 90 * 60);
        QVERIFY(o.secrets->contains(QStringLiteral("pool-proxy/acmefarm/bitcoin")));
        QVERIFY(o.secrets->contains(QStringLiteral("telegram/proxy-login")));

        // The engine now watches the account through the proxy.
        QTRY_VERIFY(o.app->window()->windowTitle().contains(QStringLiteral("acmefarm")));
        QTRY_COMPARE_WITH_TIMEOUT(o.app->window()->workersPanel()->model()->rowCount(), 36, 10000);

        // Opened again, every field is as saved, the password filled in from the keychain.
        QSignalSpy opened(o.app.get(), &AppController::settingsDialogOpened);
        o.app->openSettings();
        QTRY_COMPARE(opened.size(), 1);
        d = o.app->settingsDialog();
        QCOMPARE(d->poolProxy()->mode(), ProxyEditor::Socks5);
        QCOMPARE(d->poolProxy()->addressEdit()->text(), at);
        QCOMPARE(d->poolProxy()->userEdit()->text(), QStringLiteral("farm"));
        QCOMPARE(d->poolProxy()->passwordEdit()->text(), kProxyPassword);
        QCOMPARE(d->telegramProxy()->passwordEdit()->text(), kProxyPassword);
        QVERIFY(d->answerCommands()->isChecked());
        QCOMPARE(d->admins()->text(), QStringLiteral("111, 222"));
        QCOMPARE(spin(d, "minInterval")->value(), 20);
        QCOMPARE(spin(d, "degradedBelow")->value(), 60);
        QCOMPARE(spin(d, "degradedAfter")->value(), 45);
        QCOMPARE(spin(d, "flapLimit")->value(), 6);
        QCOMPARE(spin(d, "flapWindow")->value(), 90);
        d->reject();
    }

    // A proxy that refuses, or accepts and never answers, is named in one line: never "f2pool
    // refused the connection", never a silent wait.
    void aRefusingOrHangingProxyIsOneClearLine_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN"); // Qt's own errors in Chinese too
    }
    void aRefusingOrHangingProxyIsOneClearLine()
    {
        QFETCH(QString, language);
        const bool en = language == QLatin1String("en");
        QSettings().setValue(QStringLiteral("ui/language"), language);
        Open o;
        auto farm = startFarm(&o.clock);
        QVERIFY(farm);
        sim::Socks5Proxy proxy;
        mapNames(proxy);
        QVERIFY(proxy.listen());
        proxy.setMode(sim::Socks5Proxy::Mode::Refuse);
        const QString at = QStringLiteral("127.0.0.1:%1").arg(proxy.port());
        QVERIFY(open(o));
        SettingsDialog *d = o.dialog;
        Ui::SettingsDialog *ui = d->ui();
        pointTelegramAt(d, *farm);
        addAccount(d, *farm);
        setProxy(d->poolProxy(), ProxyEditor::Socks5, at);
        ui->timeout->setValue(2);
        ui->testConnection->click();
        QVERIFY2(ui->connectionResult->text().contains(
                     en ? QStringLiteral("through the proxy at ") + at : at),
                 qPrintable(ui->connectionResult->text()));
        const QString refused =
            en ? QStringLiteral("the proxy at %1 refused the connection").arg(at)
               : QStringLiteral("位于 %1 的代理拒绝了连接").arg(at);
        QTRY_VERIFY2(ui->testConnection->isEnabled(), qPrintable(ui->connectionResult->text()));
        QVERIFY2(ui->connectionResult->text().contains(refused),
                 qPrintable(ui->connectionResult->text()));
        QCOMPARE(ui->connectionResult->text().count(QLatin1Char('\n')), 0);

        ui->botToken->setText(kToken);
        ui->chat->setText(QStringLiteral("-1001234567890"));
        setProxy(d->telegramProxy(), ProxyEditor::Socks5, at);
        ui->sendTest->click();
        QTRY_VERIFY(ui->sendTest->isEnabled());
        QVERIFY2(ui->telegramResult->text().contains(refused),
                 qPrintable(ui->telegramResult->text()));
        QVERIFY(!ui->telegramResult->text().contains(kToken));

        proxy.setMode(sim::Socks5Proxy::Mode::Hang);
        QElapsedTimer waited;
        waited.start();
        ui->testConnection->click();
        QTRY_VERIFY_WITH_TIMEOUT(ui->testConnection->isEnabled(), 10000);
        QVERIFY2(ui->connectionResult->text().contains(at),
                 qPrintable(ui->connectionResult->text()));
        if (en)
            QVERIFY2(ui->connectionResult->text().contains(
                         QStringLiteral("did not answer within 2 s through the proxy at ") + at),
                     qPrintable(ui->connectionResult->text()));
        QVERIFY(waited.elapsed() < 6000); // the request's own deadline, not a silent stall
        d->reject();
    }

    void typosAreNamedBeforeSaving()
    {
        Open o;
        QVERIFY(open(o));
        SettingsDialog *d = o.dialog;
        Ui::SettingsDialog *ui = d->ui();
        QPushButton *save = ui->buttons->button(QDialogButtonBox::Save);
        ui->addAccount->click();
        ui->user->setText(QStringLiteral("acmefarm"));
        ui->secret->setText(QStringLiteral("pool-secret-1234"));
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));

        setProxy(d->poolProxy(), ProxyEditor::Socks5, QStringLiteral("127.0.0.1"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("Proxy of acmefarm")) &&
                     ui->validation->text().contains(QStringLiteral("host and port")),
                 qPrintable(ui->validation->text()));
        QVERIFY(!save->isEnabled());
        setProxy(d->poolProxy(), ProxyEditor::Http, QStringLiteral("proxy.lan:3128"), QString(),
                 QStringLiteral("secret"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("password without a user")),
                 qPrintable(ui->validation->text()));
        QVERIFY(!ui->validation->text().contains(QStringLiteral("secret")));
        setProxy(d->poolProxy(), ProxyEditor::None, QString());
        QVERIFY(ui->validation->text().isEmpty());

        d->answerCommands()->setChecked(true);
        QVERIFY2(ui->validation->text().contains(QStringLiteral("Answer commands")),
                 qPrintable(ui->validation->text()));
        ui->botToken->setText(kToken);
        ui->chat->setText(QStringLiteral("-1001234567890"));
        QVERIFY(ui->validation->text().isEmpty());
        d->admins()->setText(QStringLiteral("111, bob"));
        QVERIFY2(
            ui->validation->text().contains(QStringLiteral("\"bob\" is not a Telegram user id")),
            qPrintable(ui->validation->text()));
        QVERIFY(!save->isEnabled());
        d->admins()->setText(QStringLiteral("111 222"));
        QVERIFY(ui->validation->text().isEmpty());
        QCOMPARE(d->settings().telegram.admins, (QVector<qint64>{111, 222}));
        setProxy(d->telegramProxy(), ProxyEditor::Socks5, QStringLiteral("10.0.0.1:0"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("Telegram proxy")),
                 qPrintable(ui->validation->text()));
        setProxy(d->telegramProxy(), ProxyEditor::Environment, QString());
        QVERIFY(ui->validation->text().isEmpty());
        QVERIFY(!d->settings().telegram.proxySet); // the environment's variables decide

        spin(d, "minInterval")->setValue(ui->interval->value() + 1);
        QVERIFY2(ui->validation->text().contains(QStringLiteral("At most every")),
                 qPrintable(ui->validation->text()));
        d->reject();
    }

    // Issue #20's settings: groups added, edited and reordered (the first match wins), quiet
    // hours, time zone, digest and the critical share; typos named as the INI names them; all
    // of it saved and handed to the engine.
    void groupsQuietHoursAndDigest()
    {
        Open o;
        QVERIFY(open(o));
        SettingsDialog *d = o.dialog;
        Ui::SettingsDialog *ui = d->ui();
        QPushButton *save = ui->buttons->button(QDialogButtonBox::Save);
        ui->addAccount->click();
        ui->user->setText(QStringLiteral("acmefarm"));
        ui->secret->setText(QStringLiteral("pool-secret-1234"));
        ui->poolUrl->setText(QStringLiteral("http://127.0.0.1:9")); // refused at once once saved
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));

        GroupsEditor *groups = d->groups();
        const auto line = [&](const char *name) {
            return groups->findChild<QLineEdit *>(QString::fromLatin1(name));
        };
        const auto button = [&](const char *name) {
            return groups->findChild<QPushButton *>(QString::fromLatin1(name));
        };
        button("addGroup")->click();
        line("groupName")->setText(QStringLiteral("site a"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("only letters, digits")),
                 qPrintable(ui->validation->text()));
        QVERIFY(!save->isEnabled());
        line("groupName")->setText(QStringLiteral("site-a"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("give worker names or hosts")),
                 qPrintable(ui->validation->text()));
        line("groupWorkers")->setText(QStringLiteral("rig-a*, a1-??"));
        line("groupLabel")->setText(QStringLiteral("Site A"));
        line("groupFloor")->setText(QStringLiteral("2 petas"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("is not a hash rate")),
                 qPrintable(ui->validation->text()));
        line("groupFloor")->setText(QStringLiteral("2P"));
        line("groupChat")->setText(QStringLiteral("-1002222222222"));
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));
        button("addGroup")->click();
        line("groupName")->setText(QStringLiteral("site-b"));
        line("groupHosts")->setText(QStringLiteral("203.0.113.*"));
        button("moveGroupUp")->click(); // site-b now matches first
        QCOMPARE(groups->list()->currentRow(), 0);
        QCOMPARE(line("groupName")->text(), QStringLiteral("site-b"));

        d->quietHours()->setChecked(true);
        d->quietFrom()->setTime(QTime(22, 30));
        d->quietTo()->setTime(QTime(22, 30));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("begins where it ends")),
                 qPrintable(ui->validation->text()));
        d->quietTo()->setTime(QTime(6, 0));
        d->timeZone()->setCurrentText(QStringLiteral("Mars/Olympus"));
        QVERIFY2(ui->validation->text().contains(QStringLiteral("not a time zone")),
                 qPrintable(ui->validation->text()));
        QVERIFY(d->timeZone()->findText(QStringLiteral("Asia/Shanghai")) >= 0);
        d->timeZone()->setCurrentText(QStringLiteral("Asia/Shanghai"));
        d->digest()->setChecked(true);
        d->digestAt()->setTime(QTime(8, 0));
        d->criticalOffline()->setValue(40);
        QVERIFY2(ui->validation->text().isEmpty(), qPrintable(ui->validation->text()));

        const GuiSettings typed = d->settings();
        QCOMPARE(typed.groups.size(), 2);
        QCOMPARE(typed.groups[0].name, QStringLiteral("site-b"));
        QCOMPARE(typed.groups[0].hosts, QStringList{QStringLiteral("203.0.113.*")});
        QCOMPARE(typed.groups[1].name, QStringLiteral("site-a"));
        QCOMPARE(typed.groups[1].label, QStringLiteral("Site A"));
        QCOMPARE(typed.groups[1].workers,
                 (QStringList{QStringLiteral("rig-a*"), QStringLiteral("a1-??")}));
        QCOMPARE(typed.groups[1].minHashRate, 2e15);
        QCOMPARE(typed.groups[1].chat, QStringLiteral("-1002222222222"));
        const DaemonConfig c = typed.toDaemonConfig();
        QCOMPARE(c.groups.size(), 2);
        QCOMPARE(c.telegram.quietFrom, 22 * 60 + 30);
        QCOMPARE(c.telegram.quietTo, 6 * 60);
        QCOMPARE(c.telegram.timeZone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(c.telegram.digestAt, 8 * 60);
        QCOMPARE(c.accounts[0].thresholds.criticalOfflinePercent, 40);

        // Saved and read back: the dialog opened again shows them as they were.
        QSignalSpy saved(d, &SettingsDialog::saved);
        save->click();
        QTRY_COMPARE(saved.size(), 1);
        QSettings qs;
        const GuiSettings back = GuiSettings::load(qs);
        QCOMPARE(back.groups.size(), 2);
        QCOMPARE(back.groups[1].minHashRate, 2e15);
        QCOMPARE(back.telegram.digestAt, 8 * 60);
        // (the saved dialog closes and goes: a new one shows what was saved)
        SettingsDialog again(o.app->host(), o.secrets);
        again.setSettings(back);
        QCOMPARE(again.groups()->list()->count(), 2);
        QVERIFY(again.quietHours()->isChecked());
        QCOMPARE(again.quietFrom()->time(), QTime(22, 30));
        QCOMPARE(again.timeZone()->currentText(), QStringLiteral("Asia/Shanghai"));
        QCOMPARE(again.criticalOffline()->value(), 40);
    }

    // A dialog taller than the screen cannot be saved: every tab fits a 900-pixel screen, in
    // both languages.
    void fitsA900PixelScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void fitsA900PixelScreen()
    {
        QFETCH(QString, language);
        QSettings().setValue(QStringLiteral("ui/language"), language); // what the app applies
        QVERIFY(Language::apply(language));
        Open o;
        QVERIFY(open(o));
        SettingsDialog *d = o.dialog;
        d->ui()->addAccount->click();
        for (int tab = 0; tab < d->ui()->tabs->count(); ++tab) {
            d->ui()->tabs->setCurrentIndex(tab);
            QVERIFY2(
                d->sizeHint().height() <= 820,
                qPrintable(QStringLiteral("tab %1: %2 px").arg(tab).arg(d->sizeHint().height())));
            QVERIFY(d->minimumSizeHint().height() <= 820);
        }
        if (language == QLatin1String("zh_CN")) {
            QVERIFY2(d->answerCommands()->text().contains(QStringLiteral("命令")),
                     qPrintable(d->answerCommands()->text()));
            // the checks before saving speak the window's language too
            d->ui()->user->setText(QStringLiteral("Acme Farm"));
            QVERIFY2(d->ui()->validation->text().contains(QStringLiteral("账户名")),
                     qPrintable(d->ui()->validation->text()));
        }
        d->reject();
        Language::apply(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
