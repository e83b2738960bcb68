#pragma once

#include "guisettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

class QLabel;
class QLineEdit;

namespace rw {

class EngineHost;
class SecretStore;

// The settings form (ui/settingsdialog.ui): pool accounts, thresholds, Telegram, polling,
// language, start on login. Checks everything before saving and says what is wrong next to
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

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    EngineHost *m_host;
    SecretStore *m_secrets;
    GuiSettings m_base; // what was loaded: kept for fields the form lacks
    QVector<AccountConfig> m_accounts;
    int m_current = -1;
    bool m_saving = false;
    QLineEdit *m_apiKey = nullptr; // Binance and AntPool only (showProviderFields)
    QLabel *m_apiKeyLabel = nullptr;
};

} // namespace rw
