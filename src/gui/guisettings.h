#pragma once

#include "config/configfile.h"

#include <QVector>

class QSettings;

namespace rw {

// What the desktop app remembers between runs, in QSettings — never a secret: pool tokens and
// the bot token go through SecretStore (the system keychain) and are filled in after loading.
struct GuiSettings
{
    QVector<AccountConfig> accounts; // secret empty unless filled from the SecretStore
    Thresholds thresholds;           // applied to every account
    int intervalSecs = 300;
    int timeoutSecs = 30;
    TelegramConfig telegram;         // token empty unless filled from the SecretStore
    QString language = QStringLiteral("en"); // en | zh_CN: the window and the Telegram texts
    bool startOnLogin = false;
    int redOfflinePercent = 10;      // tray turns red when more than this share is offline
    QString databasePath;            // empty = defaultDatabasePath()

    bool isConfigured() const { return !accounts.isEmpty(); }
    DaemonConfig toDaemonConfig() const;

    static GuiSettings load(QSettings &settings);
    void save(QSettings &settings) const;

    // Keychain entry names.
    static QString poolSecretKey(const AccountConfig &account);
    static QString telegramSecretKey();
};

} // namespace rw
