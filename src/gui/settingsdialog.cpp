#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include "enginehost.h"
#include "groupseditor.h"
#include "proxyeditor.h"
#include "secretstore.h"
#include "settingsvalidator.h"

#include "config/proxysetting.h"
#include "pool/poolprovider.h"
#include "util/units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTimeZone>

#include <cmath>

namespace rw {

namespace {
const char *const kUnits[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};
constexpr int kUnitCount = 7;

// Seconds shown in whole minutes: a hand-edited value that is not a whole number of minutes
// is kept as it was unless the field is changed.
qint64 minutesToSecs(const QSpinBox *spin, qint64 loadedSecs)
{
    const qint64 shown = (loadedSecs + 30) / 60;
    return spin->value() == shown ? loadedSecs : qint64(spin->value()) * 60;
}

QSpinBox *spinBox(QWidget *parent, const char *name, int min, int max)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(min, max);
    return spin;
}

// Inserts a row after the row of `after` (or at the end when it is not in the form).
void insertAfter(QFormLayout *form, QWidget *after, QLabel *label, QWidget *field)
{
    int row = -1;
    QFormLayout::ItemRole role;
    form->getWidgetPosition(after, &row, &role);
    if (row < 0)
        form->addRow(label, field);
    else
        form->insertRow(row + 1, label, field);
    label->setBuddy(field);
}
} // namespace

QStringList SettingsDialog::currencySuggestions()
{
    // docs/pool-apis.md (f2pool API v2): the hashrate module's currencies first, then the rest of
    // f2pool's slugs.
    return {QStringLiteral("bitcoin"),
            QStringLiteral("bitcoin-cash"),
            QStringLiteral("litecoin"),
            QStringLiteral("aleo"),
            QStringLiteral("alephium"),
            QStringLiteral("bells-mm"),
            QStringLiteral("conflux"),
            QStringLiteral("dash"),
            QStringLiteral("dingocoin"),
            QStringLiteral("elacoin"),
            QStringLiteral("ethereum-classic"),
            QStringLiteral("ethw"),
            QStringLiteral("fractal-bitcoin"),
            QStringLiteral("hathor"),
            QStringLiteral("ironfish"),
            QStringLiteral("junkcoin"),
            QStringLiteral("kadena"),
            QStringLiteral("kaspa"),
            QStringLiteral("luckycoin"),
            QStringLiteral("nervos"),
            QStringLiteral("nexa"),
            QStringLiteral("nmccoin"),
            QStringLiteral("pepecoin"),
            QStringLiteral("zcash"),
            QStringLiteral("zen")};
}

SettingsDialog::SettingsDialog(EngineHost *host, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_host(host),
      m_secrets(secrets)
{
    m_ui->setupUi(this);
    fillCombos();
    m_ui->providerLabel->setBuddy(m_ui->provider);
    m_ui->currencyLabel->setBuddy(m_ui->currency);
    m_ui->userLabel->setBuddy(m_ui->user);
    m_ui->secretLabel->setBuddy(m_ui->secret);
    m_ui->tokenLabel->setBuddy(m_ui->botToken);
    m_ui->chatLabel->setBuddy(m_ui->chat);
    m_ui->urlLabel->setBuddy(m_ui->poolUrl);
    m_ui->intervalLabel->setBuddy(m_ui->interval);
    m_ui->timeoutLabel->setBuddy(m_ui->timeout);
    m_ui->offlineLabel->setBuddy(m_ui->offlineAfter);
    m_ui->retiredLabel->setBuddy(m_ui->retiredAfter);
    m_ui->floorLabel->setBuddy(m_ui->floorValue);
    m_ui->redLabel->setBuddy(m_ui->redPercent);
    m_ui->retractLabel->setBuddy(m_ui->retract);
    m_ui->languageLabel->setBuddy(m_ui->language);
    m_ui->secretNote->setText(tr("Tokens are %1; they are never written to the settings file.")
                                  .arg(m_secrets->description()));

    connect(m_ui->accountList, &QComboBox::currentIndexChanged, this, [this](int i) {
        storeCurrentAccount();
        loadAccount(i);
    });
    connect(m_ui->addAccount, &QPushButton::clicked, this, [this] {
        storeCurrentAccount();
        AccountConfig a;
        a.id = QStringLiteral("pool%1").arg(m_accounts.size() + 1);
        m_accounts << a;
        refreshAccountList();
        const int last = int(m_accounts.size()) - 1;
        {
            const QSignalBlocker b(m_ui->accountList);
            m_ui->accountList->setCurrentIndex(last);
        }
        loadAccount(last);
        m_ui->user->setFocus();
        showProblem();
    });
    connect(m_ui->removeAccount, &QPushButton::clicked, this, [this] {
        if (m_current < 0 || m_current >= m_accounts.size())
            return;
        m_accounts.remove(m_current);
        m_current = -1;
        refreshAccountList();
        loadAccount(m_ui->accountList->currentIndex());
        showProblem();
    });
    connect(m_ui->user, &QLineEdit::textEdited, this, [this] {
        storeCurrentAccount();
        const QSignalBlocker b(m_ui->accountList);
        if (m_current >= 0)
            m_ui->accountList->setItemText(m_current, m_ui->user->text());
    });
    // The API key of Binance and AntPool, beside the secret (masked, kept in the keychain).
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    {
        int row = 0;
        QFormLayout::ItemRole role;
        m_ui->poolForm->getWidgetPosition(m_ui->secret, &row, &role);
        m_apiKeyLabel = new QLabel(tr("API &key:"), this);
        m_apiKeyLabel->setBuddy(m_apiKey);
        m_ui->poolForm->insertRow(row, m_apiKeyLabel, m_apiKey);
    }
    connect(m_apiKey, &QLineEdit::textChanged, this, [this] { showProblem(); });
    addRows();
    connect(m_ui->provider, &QComboBox::currentIndexChanged, this, [this] {
        const auto p = PoolProvider(m_ui->provider->currentData().toInt());
        // A URL left at another pool's default follows the provider.
        const QUrl url(m_ui->poolUrl->text().trimmed());
        bool wasDefault = m_ui->poolUrl->text().trimmed().isEmpty();
        for (PoolProvider other : allProviders())
            wasDefault = wasDefault || url == defaultProviderUrl(other);
        if (wasDefault)
            m_ui->poolUrl->setText(defaultProviderUrl(p).toString());
        showProviderFields();
    });
    connect(m_ui->testConnection, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_ui->sendTest, &QPushButton::clicked, this, &SettingsDialog::sendTestMessage);
    connect(m_host, &EngineHost::connectionTested, this, [this](bool ok, const QString &msg) {
        m_ui->testConnection->setEnabled(true);
        m_ui->connectionResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
        m_ui->connectionResult->setText(msg);
    });
    connect(m_host, &EngineHost::telegramTested, this, [this](bool ok, const QString &msg) {
        m_ui->sendTest->setEnabled(true);
        m_ui->telegramResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
        m_ui->telegramResult->setText(msg);
    });
    // Inline validation: the reason shows as the user types, before Save is pressed.
    const auto recheck = [this] { showProblem(); };
    for (QLineEdit *e : {m_ui->user, m_ui->secret, m_ui->poolUrl, m_ui->botToken, m_ui->chat})
        connect(e, &QLineEdit::textChanged, this, recheck);
    connect(m_ui->currency, &QComboBox::currentTextChanged, this, recheck);
    // Every input a rule reads: switching the provider to v2 with no token must say so at once.
    for (QComboBox *c : {m_ui->provider, m_ui->floorUnit, m_ui->retract, m_ui->language})
        connect(c, &QComboBox::currentIndexChanged, this, recheck);
    connect(m_ui->floorValue, &QDoubleSpinBox::valueChanged, this, recheck);
    for (QSpinBox *s :
         {m_ui->interval, m_ui->timeout, m_ui->offlineAfter, m_ui->retiredAfter, m_ui->redPercent})
        connect(s, &QSpinBox::valueChanged, this, recheck);
    for (QSpinBox *s :
         {m_minInterval, m_degradedBelow, m_degradedAfter, m_flapLimit, m_flapWindow, m_critical})
        connect(s, &QSpinBox::valueChanged, this, recheck);
    for (QCheckBox *c : {m_quiet, m_digest})
        connect(c, &QCheckBox::toggled, this, recheck);
    for (QTimeEdit *t : {m_quietFrom, m_quietTo, m_digestAt})
        connect(t, &QTimeEdit::timeChanged, this, recheck);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, recheck);
    connect(m_groups, &GroupsEditor::changed, this, recheck);
    connect(m_admins, &QLineEdit::textChanged, this, recheck);
    connect(m_commands, &QCheckBox::toggled, this, recheck);
    connect(m_poolProxy, &ProxyEditor::changed, this, recheck);
    connect(m_telegramProxy, &ProxyEditor::changed, this, recheck);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
}

SettingsDialog::~SettingsDialog() = default;

// The rows of issues #19 and #21, in code beside the form's own (as the API key row is): the
// account's proxy, the shortest poll gap, degraded and flapping workers, Telegram commands,
// admins and proxy.
void SettingsDialog::addRows()
{
    m_poolProxy = new ProxyEditor(this);
    m_poolProxy->setObjectName(QStringLiteral("poolProxy"));
    m_poolProxyLabel = new QLabel(this);
    insertAfter(m_ui->poolForm, m_ui->secret, m_poolProxyLabel, m_poolProxy);
    m_minInterval = spinBox(this, "minInterval", 1, 7 * 86400);
    m_minIntervalLabel = new QLabel(this);
    insertAfter(m_ui->poolForm, m_ui->interval, m_minIntervalLabel, m_minInterval);

    m_degradedBelow = spinBox(this, "degradedBelow", 0, 100);
    m_degradedBelowLabel = new QLabel(this);
    m_degradedAfter = spinBox(this, "degradedAfter", 0, 100'000);
    m_degradedAfterLabel = new QLabel(this);
    m_flapLimit = spinBox(this, "flapLimit", 0, 1000);
    m_flapLimitLabel = new QLabel(this);
    m_flapWindow = spinBox(this, "flapWindow", 1, 30 * 24 * 60);
    m_flapWindowLabel = new QLabel(this);
    m_ui->alertForm->addRow(m_degradedBelowLabel, m_degradedBelow);
    m_ui->alertForm->addRow(m_degradedAfterLabel, m_degradedAfter);
    m_ui->alertForm->addRow(m_flapLimitLabel, m_flapLimit);
    m_ui->alertForm->addRow(m_flapWindowLabel, m_flapWindow);
    for (auto [label, field] :
         {std::pair<QLabel *, QWidget *>{m_degradedBelowLabel, m_degradedBelow},
          {m_degradedAfterLabel, m_degradedAfter},
          {m_flapLimitLabel, m_flapLimit},
          {m_flapWindowLabel, m_flapWindow}})
        label->setBuddy(field);

    m_commands = new QCheckBox(this);
    m_commands->setObjectName(QStringLiteral("answerCommands"));
    m_commandsLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, m_ui->retract, m_commandsLabel, m_commands);
    m_admins = new QLineEdit(this);
    m_admins->setObjectName(QStringLiteral("admins"));
    m_adminsLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, m_commands, m_adminsLabel, m_admins);
    m_telegramProxy = new ProxyEditor(this);
    m_telegramProxy->setObjectName(QStringLiteral("telegramProxy"));
    m_telegramProxyLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, m_admins, m_telegramProxyLabel, m_telegramProxy);

    // Issue #20. Quiet hours: a window of the day (it may cross midnight), or off.
    const auto timeEdit = [this](const char *name) {
        auto *t = new QTimeEdit(this);
        t->setObjectName(QString::fromLatin1(name));
        t->setDisplayFormat(QStringLiteral("HH:mm"));
        return t;
    };
    m_quiet = new QCheckBox(this);
    m_quiet->setObjectName(QStringLiteral("quietHours"));
    m_quietFrom = timeEdit("quietFrom");
    m_quietTo = timeEdit("quietTo");
    auto *quietRow = new QWidget(this);
    auto *quietLayout = new QHBoxLayout(quietRow);
    quietLayout->setContentsMargins(0, 0, 0, 0);
    quietLayout->addWidget(m_quiet);
    quietLayout->addWidget(m_quietFrom);
    quietLayout->addWidget(new QLabel(QStringLiteral("–"), quietRow));
    quietLayout->addWidget(m_quietTo);
    quietLayout->addStretch(1);
    m_quietLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, m_telegramProxy, m_quietLabel, quietRow);
    m_quietLabel->setBuddy(m_quiet);
    // Any IANA id this system knows; typed ones are checked as the INI's timezone is.
    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->addItem(QString()); // the system's
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    m_timeZoneLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, quietRow, m_timeZoneLabel, m_timeZone);
    m_digest = new QCheckBox(this);
    m_digest->setObjectName(QStringLiteral("digest"));
    m_digestAt = timeEdit("digestAt");
    m_digestAt->setTime(QTime(8, 0));
    auto *digestRow = new QWidget(this);
    auto *digestLayout = new QHBoxLayout(digestRow);
    digestLayout->setContentsMargins(0, 0, 0, 0);
    digestLayout->addWidget(m_digest);
    digestLayout->addWidget(m_digestAt);
    digestLayout->addStretch(1);
    m_digestLabel = new QLabel(this);
    insertAfter(m_ui->telegramForm, m_timeZone, m_digestLabel, digestRow);
    m_digestLabel->setBuddy(m_digest);
    connect(m_quiet, &QCheckBox::toggled, m_quietFrom, &QWidget::setEnabled);
    connect(m_quiet, &QCheckBox::toggled, m_quietTo, &QWidget::setEnabled);
    connect(m_digest, &QCheckBox::toggled, m_digestAt, &QWidget::setEnabled);

    m_critical = spinBox(this, "criticalOffline", 0, 100);
    m_criticalLabel = new QLabel(this);
    m_ui->alertForm->addRow(m_criticalLabel, m_critical);
    m_criticalLabel->setBuddy(m_critical);

    m_groups = new GroupsEditor(this);
    m_groups->setObjectName(QStringLiteral("groupsEditor"));
    m_ui->tabs->insertTab(m_ui->tabs->indexOf(m_ui->telegramTab) + 1, m_groups, QString());
    retranslateRows();
}

void SettingsDialog::retranslateRows()
{
    m_poolProxyLabel->setText(tr("Pro&xy:"));
    m_poolProxy->retranslate();
    m_poolProxy->setToolTip(tr("How this account's pool API is reached"));
    m_minIntervalLabel->setText(tr("At &most every:"));
    m_minInterval->setSuffix(tr(" s"));
    m_minInterval->setToolTip(
        tr("The shortest gap between two polls, used when a worker is about to cross a "
           "threshold; never below what the pool allows, and never above the poll interval"));
    m_degradedBelowLabel->setText(tr("&Degraded below:"));
    m_degradedBelow->setSuffix(tr(" % of usual"));
    m_degradedBelow->setSpecialValueText(tr("Off"));
    m_degradedBelow->setToolTip(tr("A worker online below this share of its usual hashrate is "
                                   "degraded; 0 switches it off"));
    m_degradedAfterLabel->setText(tr("Degraded af&ter:"));
    m_degradedAfter->setSuffix(tr(" min"));
    m_degradedAfter->setToolTip(
        tr("How long a worker must stay below before it counts as degraded (0 = at once)"));
    m_flapLimitLabel->setText(tr("F&lapping after:"));
    m_flapLimit->setSuffix(tr(" changes"));
    m_flapLimit->setSpecialValueText(tr("Off"));
    m_flapLimit->setToolTip(tr("A worker whose state changes more often than this within the "
                               "window is flapping: its changes no longer notify; 0 = off"));
    m_flapWindowLabel->setText(tr("Flapping wi&ndow:"));
    m_flapWindow->setSuffix(tr(" min"));
    m_commandsLabel->setText(tr("Commands:"));
    m_commands->setText(tr("&Answer commands and buttons (/status, /mute…)"));
    m_commands->setToolTip(
        tr("Only one program can read a bot's commands: leave this off when rigwatchd on a "
           "server answers for the same bot"));
    m_adminsLabel->setText(tr("A&dmins:"));
    m_admins->setPlaceholderText(tr("Telegram user ids, e.g. 111, 222"));
    m_admins->setToolTip(tr("Who may mute, unmute and acknowledge; anyone in the chat may ask "
                            "for /status. Empty: nobody may change anything"));
    m_telegramProxyLabel->setText(tr("Pro&xy:"));
    m_telegramProxy->retranslate();
    m_telegramProxy->setToolTip(tr("How the Telegram Bot API is reached"));
    m_quietLabel->setText(tr("&Quiet hours:"));
    m_quiet->setText(tr("Silent from"));
    m_quiet->setToolTip(tr("Inside this window alerts are posted without a sound, unless "
                           "critical (a hashrate floor breached, or many workers offline)"));
    m_timeZoneLabel->setText(tr("Time &zone:"));
    m_timeZone->setItemText(0, QString());
    m_timeZone->lineEdit()->setPlaceholderText(
        tr("The system's (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
    m_timeZone->setToolTip(tr("For quiet hours and the daily digest: an IANA name such as "
                              "Asia/Shanghai; empty: the system's"));
    m_digestLabel->setText(tr("Daily di&gest:"));
    m_digest->setText(tr("Send a summary of the last 24 hours at"));
    m_criticalLabel->setText(tr("Critical &when offline:"));
    m_critical->setSuffix(tr(" % of a group"));
    m_critical->setSpecialValueText(tr("Never"));
    m_critical->setToolTip(tr("When at least this share of a group's (or an account's) workers "
                              "is offline, the alert is critical and sounds even in quiet "
                              "hours; 0: never critical"));
    m_groups->retranslate();
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_groups), tr("Gro&ups"));
}

QVector<qint64> SettingsDialog::typedAdmins(QString *bad) const
{
    QVector<qint64> ids;
    for (const QString &id : m_admins->text().split(QRegularExpression(QStringLiteral("[,\\s]+")),
                                                    Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 n = id.toLongLong(&ok);
        if (ok && n > 0) {
            ids << n;
        } else if (bad && bad->isEmpty()) {
            *bad = id;
        }
    }
    return ids;
}

void SettingsDialog::fillCombos()
{
    m_ui->provider->clear();
    m_ui->provider->addItem(tr("f2pool (API v2)"), int(PoolProvider::F2poolV2));
    m_ui->provider->addItem(tr("f2pool legacy (API v1)"), int(PoolProvider::F2poolV1));
    m_ui->provider->addItem(tr("Braiins Pool"), int(PoolProvider::Braiins));
    m_ui->provider->addItem(tr("Binance Pool"), int(PoolProvider::Binance));
    m_ui->provider->addItem(tr("Luxor"), int(PoolProvider::Luxor));
    m_ui->provider->addItem(tr("ViaBTC"), int(PoolProvider::ViaBtc));
    m_ui->provider->addItem(tr("AntPool"), int(PoolProvider::AntPool));
    const QString currency = m_ui->currency->currentText();
    m_ui->currency->clear();
    m_ui->currency->addItems(currencySuggestions());
    m_ui->currency->setCurrentText(currency);
    m_ui->floorUnit->clear();
    for (const char *u : kUnits)
        m_ui->floorUnit->addItem(QString::fromLatin1(u));
    m_ui->retract->clear();
    m_ui->retract->addItem(tr("Delete the message"), int(RetractMode::Delete));
    m_ui->retract->addItem(tr("Edit it to \"resolved\""), int(RetractMode::Edit));
    m_ui->language->clear();
    m_ui->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
}

void SettingsDialog::setSettings(const GuiSettings &s)
{
    m_base = s;
    m_accounts = s.accounts;
    m_current = -1;
    refreshAccountList();
    loadAccount(m_ui->accountList->currentIndex());
    m_ui->interval->setValue(s.intervalSecs);
    m_minInterval->setValue(s.minIntervalSecs);
    m_ui->timeout->setValue(s.timeoutSecs);
    m_ui->offlineAfter->setValue(int(s.thresholds.offlineAfterSecs / 60));
    m_ui->retiredAfter->setValue(int(s.thresholds.retiredAfterSecs / 3600));
    int unit = 0;
    double value = s.thresholds.minHashRate;
    while (unit + 1 < kUnitCount && value >= 1000) {
        value /= 1000;
        ++unit;
    }
    m_ui->floorUnit->setCurrentIndex(s.thresholds.minHashRate > 0 ? unit : 4); // TH/s by default
    m_ui->floorValue->setValue(s.thresholds.minHashRate > 0 ? value : 0);
    m_ui->redPercent->setValue(s.redOfflinePercent);
    m_degradedBelow->setValue(s.thresholds.degradedBelow);
    m_degradedAfter->setValue(int((s.thresholds.degradedAfterSecs + 30) / 60));
    m_flapLimit->setValue(s.thresholds.flapLimit);
    m_flapWindow->setValue(int(std::max<qint64>(1, (s.thresholds.flapWindowSecs + 30) / 60)));
    m_ui->botToken->setText(s.telegram.token);
    m_ui->chat->setText(s.telegram.chat);
    m_ui->retract->setCurrentIndex(m_ui->retract->findData(int(s.telegram.retract)));
    m_commands->setChecked(s.telegram.commands);
    QStringList admins;
    for (qint64 id : s.telegram.admins)
        admins << QString::number(id);
    m_admins->setText(admins.join(QStringLiteral(", ")));
    m_telegramProxy->setProxy(s.telegram.proxy, s.telegram.proxySet);
    const bool quiet = s.telegram.quietFrom >= 0 && s.telegram.quietTo >= 0;
    m_quiet->setChecked(quiet);
    m_quietFrom->setTime(quiet ? QTime(s.telegram.quietFrom / 60, s.telegram.quietFrom % 60)
                               : QTime(23, 0));
    m_quietTo->setTime(quiet ? QTime(s.telegram.quietTo / 60, s.telegram.quietTo % 60)
                             : QTime(7, 0));
    m_quietFrom->setEnabled(quiet);
    m_quietTo->setEnabled(quiet);
    m_timeZone->setCurrentText(s.telegram.timeZone);
    m_digest->setChecked(s.telegram.digestAt >= 0);
    if (s.telegram.digestAt >= 0)
        m_digestAt->setTime(QTime(s.telegram.digestAt / 60, s.telegram.digestAt % 60));
    m_digestAt->setEnabled(s.telegram.digestAt >= 0);
    m_critical->setValue(s.thresholds.criticalOfflinePercent);
    m_groups->setGroups(s.groups);
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(s.language)));
    m_ui->startOnLogin->setChecked(s.startOnLogin);
    showProblem();
}

void SettingsDialog::refreshAccountList()
{
    const QSignalBlocker b(m_ui->accountList);
    m_ui->accountList->clear();
    for (const AccountConfig &a : std::as_const(m_accounts))
        m_ui->accountList->addItem(a.user.isEmpty() ? tr("(new account)") : a.user);
    const bool any = !m_accounts.isEmpty();
    m_ui->removeAccount->setEnabled(any);
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->provider), static_cast<QWidget *>(m_ui->poolUrl),
          static_cast<QWidget *>(m_ui->currency), static_cast<QWidget *>(m_ui->user),
          static_cast<QWidget *>(m_ui->secret), static_cast<QWidget *>(m_apiKey),
          static_cast<QWidget *>(m_poolProxy), static_cast<QWidget *>(m_ui->testConnection)})
        w->setEnabled(any);
}

void SettingsDialog::loadAccount(int index)
{
    m_current = index;
    AccountConfig a;
    if (index >= 0 && index < m_accounts.size())
        a = m_accounts[index];
    m_ui->provider->setCurrentIndex(m_ui->provider->findData(int(a.provider)));
    m_ui->poolUrl->setText(a.url.toString());
    m_ui->currency->setCurrentText(a.currency);
    m_ui->user->setText(a.user);
    m_ui->secret->setText(a.secret);
    m_apiKey->setText(a.apiKey);
    m_poolProxy->setProxy(a.proxy, a.proxySet);
    showProviderFields();
    m_ui->connectionResult->setStyleSheet(QString());
    m_ui->connectionResult->setText(
        m_accounts.isEmpty() ? tr("No account yet: press Add to watch your f2pool account. Until "
                                  "then RigWatch shows the simulated demo farm.")
                             : QString());
}

void SettingsDialog::storeCurrentAccount()
{
    if (m_current < 0 || m_current >= m_accounts.size())
        return;
    AccountConfig &a = m_accounts[m_current];
    a.provider = PoolProvider(m_ui->provider->currentData().toInt());
    a.url = QUrl(m_ui->poolUrl->text().trimmed());
    a.currency = m_ui->currency->currentText().trimmed();
    a.user = m_ui->user->text().trimmed();
    a.secret = m_ui->secret->text().trimmed();
    a.apiKey = m_apiKey->text().trimmed();
    a.proxy = m_poolProxy->proxy();
    a.proxySet = m_poolProxy->isSet();
}

// Exactly the fields the chosen pool needs, named as that pool names them.
void SettingsDialog::showProviderFields()
{
    const auto p = PoolProvider(m_ui->provider->currentData().toInt());
    m_ui->poolForm->setRowVisible(m_apiKey, providerNeedsKey(p));
    m_apiKeyLabel->setText(tr("API &key:"));
    switch (p) {
    case PoolProvider::F2poolV2:
    case PoolProvider::F2poolV1:
        m_ui->userLabel->setText(tr("&Account name:"));
        m_ui->secretLabel->setText(tr("API &token:"));
        break;
    case PoolProvider::Braiins:
        m_ui->userLabel->setText(tr("&Label (optional):"));
        m_ui->secretLabel->setText(tr("Access &token:"));
        break;
    case PoolProvider::ViaBtc:
        m_ui->userLabel->setText(tr("&Label (optional):"));
        m_ui->secretLabel->setText(tr("API &key:"));
        break;
    case PoolProvider::Luxor:
        m_ui->userLabel->setText(tr("&Subaccount:"));
        m_ui->secretLabel->setText(tr("API &key:"));
        break;
    case PoolProvider::Binance:
        m_ui->userLabel->setText(tr("&Account name:"));
        m_ui->secretLabel->setText(tr("API &secret:"));
        break;
    case PoolProvider::AntPool:
        m_ui->userLabel->setText(tr("&User ID:"));
        m_ui->secretLabel->setText(tr("API &secret:"));
        break;
    }
}

GuiSettings SettingsDialog::settings() const
{
    const_cast<SettingsDialog *>(this)->storeCurrentAccount();
    GuiSettings s = m_base;
    s.accounts = m_accounts;
    s.intervalSecs = m_ui->interval->value();
    s.minIntervalSecs = m_minInterval->value();
    s.timeoutSecs = m_ui->timeout->value();
    s.thresholds.offlineAfterSecs = qint64(m_ui->offlineAfter->value()) * 60;
    s.thresholds.retiredAfterSecs = qint64(m_ui->retiredAfter->value()) * 3600;
    s.thresholds.minHashRate =
        m_ui->floorValue->value() * std::pow(1000.0, m_ui->floorUnit->currentIndex());
    s.redOfflinePercent = m_ui->redPercent->value();
    s.thresholds.degradedBelow = m_degradedBelow->value();
    s.thresholds.degradedAfterSecs =
        minutesToSecs(m_degradedAfter, m_base.thresholds.degradedAfterSecs);
    s.thresholds.flapLimit = m_flapLimit->value();
    s.thresholds.flapWindowSecs = minutesToSecs(m_flapWindow, m_base.thresholds.flapWindowSecs);
    s.telegram.token = m_ui->botToken->text().trimmed();
    s.telegram.chat = m_ui->chat->text().trimmed();
    s.telegram.retract = RetractMode(m_ui->retract->currentData().toInt());
    s.telegram.commands = m_commands->isChecked();
    s.telegram.admins = typedAdmins();
    s.telegram.proxy = m_telegramProxy->proxy();
    s.telegram.proxySet = m_telegramProxy->isSet();
    const auto minutes = [](const QTimeEdit *t) {
        return t->time().hour() * 60 + t->time().minute();
    };
    s.telegram.quietFrom = m_quiet->isChecked() ? minutes(m_quietFrom) : -1;
    s.telegram.quietTo = m_quiet->isChecked() ? minutes(m_quietTo) : -1;
    s.telegram.timeZone = m_timeZone->currentText().trimmed();
    s.telegram.digestAt = m_digest->isChecked() ? minutes(m_digestAt) : -1;
    s.thresholds.criticalOfflinePercent = m_critical->value();
    s.groups = m_groups->groups();
    s.language = m_ui->language->currentData().toString();
    s.telegram.language = s.language;
    s.startOnLogin = m_ui->startOnLogin->isChecked();
    return s;
}

QString SettingsDialog::validate() const
{
    // What the settings cannot hold is checked on the fields: a typo in the admins, a proxy
    // without a port.
    if (m_current >= 0 && m_current < m_accounts.size()) {
        const QString proxy =
            m_poolProxy->problem(tr("Proxy of %1").arg(m_accounts[m_current].displayName()));
        if (!proxy.isEmpty())
            return proxy;
    }
    QString bad;
    typedAdmins(&bad);
    if (!bad.isEmpty())
        return tr("Telegram admins: \"%1\" is not a Telegram user id (a number, such as "
                  "123456789).")
            .arg(bad);
    const QString proxy = m_telegramProxy->problem(tr("Telegram proxy"));
    if (!proxy.isEmpty())
        return proxy;
    const QString groups = m_groups->problem();
    if (!groups.isEmpty())
        return groups;
    return validateSettings(settings());
}

void SettingsDialog::showProblem()
{
    const QString problem = validate();
    m_ui->validation->setText(problem);
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty() && !m_saving);
}

void SettingsDialog::testConnection()
{
    storeCurrentAccount();
    if (m_current < 0 || m_current >= m_accounts.size())
        return;
    AccountConfig a = m_accounts[m_current];
    const GuiSettings s = settings();
    a.timeoutSecs = s.timeoutSecs;
    a.thresholds = s.thresholds;
    m_ui->testConnection->setEnabled(false);
    m_ui->connectionResult->setStyleSheet(QString());
    const QString proxy = proxyLabel(effectiveProxy(a.proxy, a.proxySet, a.url));
    m_ui->connectionResult->setText(
        proxy.isEmpty() ? tr("Asking %1…").arg(a.url.host())
                        : tr("Asking %1 through the proxy at %2…").arg(a.url.host(), proxy));
    m_host->testConnection(a);
}

void SettingsDialog::sendTestMessage()
{
    const GuiSettings s = settings();
    if (s.telegram.token.isEmpty() || s.telegram.chat.isEmpty()) {
        m_ui->telegramResult->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_ui->telegramResult->setText(tr("Enter a bot token and a chat first."));
        return;
    }
    TelegramConfig t = s.telegram;
    t.url = m_base.telegram.url; // the demo points this at the simulated Telegram
    m_ui->sendTest->setEnabled(false);
    m_ui->telegramResult->setStyleSheet(QString());
    m_ui->telegramResult->setText(tr("Posting a test message…"));
    m_host->testTelegram(t);
}

void SettingsDialog::accept()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_ui->validation->setText(problem);
        return;
    }
    writeSecrets(settings());
}

void SettingsDialog::writeSecrets(const GuiSettings &s)
{
    // Tokens first: if the keychain refuses, nothing is saved and the dialog stays open.
    m_saving = true;
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    struct Pending
    {
        int left = 0;
        QStringList errors;
    };
    auto st = std::make_shared<Pending>();
    QVector<QPair<QString, QString>> writes;
    for (const AccountConfig &a : s.accounts) {
        writes.push_back({GuiSettings::poolSecretKey(a), a.secret});
        if (providerNeedsKey(a.provider))
            writes.push_back({GuiSettings::poolApiKeyKey(a), a.apiKey});
        writes.push_back({GuiSettings::poolProxySecretKey(a),
                          a.proxySet ? GuiSettings::proxyCredentials(a.proxy) : QString()});
    }
    // Accounts removed in this dialog: their tokens leave the keychain too.
    for (const AccountConfig &old : std::as_const(m_base.accounts)) {
        bool kept = false;
        for (const AccountConfig &a : s.accounts)
            kept = kept || a.key() == old.key();
        if (!kept) {
            writes.push_back({GuiSettings::poolSecretKey(old), QString()});
            if (providerNeedsKey(old.provider))
                writes.push_back({GuiSettings::poolApiKeyKey(old), QString()});
            writes.push_back({GuiSettings::poolProxySecretKey(old), QString()});
        }
    }
    writes.push_back({GuiSettings::telegramSecretKey(), s.telegram.token});
    writes.push_back(
        {GuiSettings::telegramProxySecretKey(),
         s.telegram.proxySet ? GuiSettings::proxyCredentials(s.telegram.proxy) : QString()});
    st->left = int(writes.size());
    for (const auto &w : std::as_const(writes)) {
        m_secrets->write(w.first, w.second, this, [this, st, s](bool ok, const QString &err) {
            if (!ok)
                st->errors << err;
            if (--st->left > 0)
                return;
            m_saving = false;
            if (!st->errors.isEmpty()) {
                showProblem();
                m_ui->validation->setText(
                    tr("The tokens could not be stored in the keychain, so nothing was saved: %1")
                        .arg(st->errors.first()));
                return;
            }
            QSettings qs;
            s.save(qs);
            qs.sync();
            emit saved(s);
            QDialog::accept();
        });
    }
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateRows();
        const GuiSettings s = settings();
        const QSignalBlocker b1(m_ui->provider), b2(m_ui->retract), b3(m_ui->language);
        fillCombos();
        setSettings(s);
    }
    QDialog::changeEvent(event);
}

} // namespace rw
