#pragma once

#include "guisettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

class QCheckBox;
class QComboBox;
class QFormLayout;
class QTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rw {

class EngineHost;
class GroupsEditor;
class ProxyEditor;
class SecretStore;

// The settings form (ui/settingsdialog.ui, and the rows added in addRows()): pool accounts and
// their proxies, thresholds (offline, degraded, flapping, critical), groups (their own page),
// Telegram (commands, admins, proxy, quiet hours, time zone, daily digest),
// polling, language, start on login. Checks everything before saving and says what is wrong next to
// the buttons; tokens go to the SecretStore (asynchronously), everything else to QSettings.
// "Test connection" and "Send test message" use the values as typed, through the engine
// thread, so the dialog never waits on the network.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(EngineHost *host, SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void setSettings(const GuiSettings &settings); // with tokens filled in
    GuiSettings settings() const;                  // as the form stands, tokens included
    // The first problem in plain words, or empty when the form can be saved.
    QString validate() const;
    Ui::SettingsDialog *ui() const { return m_ui.get(); }
    ProxyEditor *poolProxy() const { return m_poolProxy; }
    ProxyEditor *telegramProxy() const { return m_telegramProxy; }
    QCheckBox *answerCommands() const { return m_commands; }
    QLineEdit *admins() const { return m_admins; }
    GroupsEditor *groups() const { return m_groups; }
    QCheckBox *quietHours() const { return m_quiet; }
    QTimeEdit *quietFrom() const { return m_quietFrom; }
    QTimeEdit *quietTo() const { return m_quietTo; }
    QComboBox *timeZone() const { return m_timeZone; }
    QCheckBox *digest() const { return m_digest; }
    QTimeEdit *digestAt() const { return m_digestAt; }
    QSpinBox *criticalOffline() const { return m_critical; }

    static QStringList currencySuggestions();

signals:
    void saved(const rw::GuiSettings &settings);

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void storeCurrentAccount();
    void loadAccount(int index);
    void refreshAccountList();
    void fillCombos();
    void testConnection();
    void sendTestMessage();
    void showProblem();
    void writeSecrets(const GuiSettings &s);
    void showProviderFields();
    void addRows();
    void retranslateRows();
    // The admins field as typed: ids, or the first entry that is not one in `bad`.
    QVector<qint64> typedAdmins(QString *bad = nullptr) const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    EngineHost *m_host;
    SecretStore *m_secrets;
    GuiSettings m_base; // what was loaded: kept for fields the form lacks
    QVector<AccountConfig> m_accounts;
    int m_current = -1;
    bool m_saving = false;
    QLineEdit *m_apiKey = nullptr; // Binance and AntPool only (showProviderFields)
    QLabel *m_apiKeyLabel = nullptr;
    // Rows added to the form in code (addRows), with their labels for retranslateRows.
    ProxyEditor *m_poolProxy = nullptr;
    QLabel *m_poolProxyLabel = nullptr;
    QSpinBox *m_minInterval = nullptr;
    QLabel *m_minIntervalLabel = nullptr;
    QSpinBox *m_degradedBelow = nullptr;
    QLabel *m_degradedBelowLabel = nullptr;
    QSpinBox *m_degradedAfter = nullptr;
    QLabel *m_degradedAfterLabel = nullptr;
    QSpinBox *m_flapLimit = nullptr;
    QLabel *m_flapLimitLabel = nullptr;
    QSpinBox *m_flapWindow = nullptr;
    QLabel *m_flapWindowLabel = nullptr;
    QCheckBox *m_commands = nullptr;
    QLabel *m_commandsLabel = nullptr;
    QLineEdit *m_admins = nullptr;
    QLabel *m_adminsLabel = nullptr;
    ProxyEditor *m_telegramProxy = nullptr;
    QLabel *m_telegramProxyLabel = nullptr;
    // Issue #20: groups, quiet hours, time zone, digest, critical share.
    GroupsEditor *m_groups = nullptr;
    QCheckBox *m_quiet = nullptr;
    QTimeEdit *m_quietFrom = nullptr;
    QTimeEdit *m_quietTo = nullptr;
    QLabel *m_quietLabel = nullptr;
    QComboBox *m_timeZone = nullptr;
    QLabel *m_timeZoneLabel = nullptr;
    QCheckBox *m_digest = nullptr;
    QTimeEdit *m_digestAt = nullptr;
    QLabel *m_digestLabel = nullptr;
    QSpinBox *m_critical = nullptr;
    QLabel *m_criticalLabel = nullptr;
};

} // namespace rw
