#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include "enginehost.h"
#include "secretstore.h"
#include "settingsvalidator.h"

#include "pool/poolprovider.h"
#include "util/units.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

#include <cmath>

namespace rw {

namespace {
const char *const kUnits[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};
constexpr int kUnitCount = 7;
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
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
}

SettingsDialog::~SettingsDialog() = default;

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
    m_ui->botToken->setText(s.telegram.token);
    m_ui->chat->setText(s.telegram.chat);
    m_ui->retract->setCurrentIndex(m_ui->retract->findData(int(s.telegram.retract)));
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
          static_cast<QWidget *>(m_ui->testConnection)})
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
    s.timeoutSecs = m_ui->timeout->value();
    s.thresholds.offlineAfterSecs = qint64(m_ui->offlineAfter->value()) * 60;
    s.thresholds.retiredAfterSecs = qint64(m_ui->retiredAfter->value()) * 3600;
    s.thresholds.minHashRate =
        m_ui->floorValue->value() * std::pow(1000.0, m_ui->floorUnit->currentIndex());
    s.redOfflinePercent = m_ui->redPercent->value();
    s.telegram.token = m_ui->botToken->text().trimmed();
    s.telegram.chat = m_ui->chat->text().trimmed();
    s.telegram.retract = RetractMode(m_ui->retract->currentData().toInt());
    s.language = m_ui->language->currentData().toString();
    s.telegram.language = s.language;
    s.startOnLogin = m_ui->startOnLogin->isChecked();
    return s;
}

QString SettingsDialog::validate() const
{
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
    m_ui->connectionResult->setText(tr("Asking %1…").arg(a.url.host()));
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
        }
    }
    writes.push_back({GuiSettings::telegramSecretKey(), s.telegram.token});
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
        const GuiSettings s = settings();
        const QSignalBlocker b1(m_ui->provider), b2(m_ui->retract), b3(m_ui->language);
        fillCombos();
        setSettings(s);
    }
    QDialog::changeEvent(event);
}

} // namespace rw
