#pragma once

#include "config/configfile.h"

#include <QStringList>
#include <QVector>

class QLocale;
class QSettings;

namespace rw {

// What the desktop app remembers between runs, in QSettings — never a secret: pool tokens and
// the bot token go through SecretStore (the system keychain) and are filled in after loading.
struct GuiSettings
{
    QVector<AccountConfig> accounts; // secret empty unless filled from the SecretStore
    Thresholds thresholds;           // applied to every account
    int intervalSecs = 300;
    int minIntervalSecs = 60; // the shortest gap between polls; never above intervalSecs
    int timeoutSecs = 30;
    TelegramConfig telegram; // token empty unless filled from the SecretStore
    // Sites or rooms with their own chat and floor ([group.NAME] in rigwatchd's file), in
    // order: a worker belongs to the first that matches (monitor/groupmatcher.h).
    QVector<GroupConfig> groups;
    // en | zh_CN: the window and the Telegram texts. Until chosen, the desktop's language.
    QString language = QStringLiteral("en");
    bool startOnLogin = false;
    int redOfflinePercent = 10; // tray turns red when more than this share is offline
    QString databasePath;       // empty = defaultDatabasePath()

    bool isConfigured() const { return !accounts.isEmpty(); }
    DaemonConfig toDaemonConfig() const;

    // Hand-edited values are held to rigwatchd's rules (config/valuecheck.h): one they refuse
    // is replaced by its default, one above a limit clamped; each is logged and, when asked
    // for, listed in `warnings`.
    static GuiSettings load(QSettings &settings, QStringList *warnings = nullptr);
    // The language to start in before one is chosen: Simplified Chinese on a Chinese desktop,
    // else English (the only two the app has).
    static QString defaultLanguage(const QLocale &desktop);
    void save(QSettings &settings) const;

    // The tray's alert pause, so that it outlives a restart of the app, a logout or a reboot.
    // Kept apart from the fields above on purpose: saving the settings dialog must neither end
    // nor revive a pause. 0 = not paused, -1 = until resumed, else the end in ms since the epoch.
    // load returns 0 for a pause that ended while the app was down.
    static qint64 loadAlertPause(QSettings &settings, qint64 nowMs);
    static void saveAlertPause(QSettings &settings, qint64 pausedUntilMs); // 0 removes it
    static constexpr qint64 kMaxAlertPauseSecs = 24 * 3600;

    // Keychain entry names.
    static QString poolSecretKey(const AccountConfig &account);
    // Binance and AntPool: the API key beside the secret, in the keychain too.
    static QString poolApiKeyKey(const AccountConfig &account);
    static QString telegramSecretKey();
    // A proxy's user and password ("user:password", percent-encoded as in a URL): the keychain
    // holds them, the settings only the proxy's scheme, host and port.
    static QString telegramProxySecretKey();
    static QString poolProxySecretKey(const AccountConfig &account);
    // "socks5://user:pw@host:1080" -> "socks5://host:1080" and "user:pw"; and back.
    static QString proxyWithoutCredentials(const QString &proxy);
    static QString proxyCredentials(const QString &proxy);
    static QString proxyWithCredentials(const QString &proxy, const QString &credentials);
    // Minutes after midnight as "HH:MM", as the INI writes a time of day.
    static QString timeOfDay(int minutes);
    // H/s as the INI takes it: "2P", "350T", "0"; checkHashRate() reads it back exactly.
    static QString hashRateText(double hs);
};

} // namespace rw
