#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

namespace rw {

// The pool APIs RigWatch speaks (pool/poolprovider.cpp); the configuration's provider values.
enum class PoolProvider
{
    F2poolV2, // f2pool
    F2poolV1, // f2pool-v1
    Braiins,  // braiins
    Binance,  // binance
    Luxor,    // luxor
    ViaBtc,   // viabtc
    AntPool   // antpool
};

// Alert thresholds, shared by every account unless a pool section overrides them.
struct Thresholds
{
    qint64 offlineAfterSecs = 600;
    qint64 retiredAfterSecs = 28'800;
    double minHashRate = 0; // H/s, 0 = off
    // Degraded: online and below this percent of its usual hashrate at every poll for
    // degradedAfterSecs (0 = off); it recovers at degradedBelow + 10 points.
    int degradedBelow = 70;
    qint64 degradedAfterSecs = 1800;
    // Flapping: more than flapLimit state changes within flapWindowSecs (0 = off).
    int flapLimit = 4;
    qint64 flapWindowSecs = 3600;
    // Critical: at least this percent of a group's (or the account's) counted workers offline
    // or missing; a critical incident notifies even in quiet hours (0 = never critical).
    int criticalOfflinePercent = 20;
};

// One [group.NAME] section: a site or room whose workers have their own chat and floor. A
// worker belongs to the first group, in file order, whose `workers` or `hosts` globs match
// (monitor/groupmatcher.h); the rest form each account's default group.
struct GroupConfig
{
    QString name;           // letters, digits, '-' and '_'
    QString label;          // display name; empty = name
    QStringList workers;    // globs over worker names ('*' and '?', case-insensitive)
    QStringList hosts;      // globs over the worker's host as the pool reports it
    QString chat;           // this group's alerts go here; empty = [telegram] chat
    double minHashRate = 0; // H/s, the group's own floor; 0 = off
    QString displayLabel() const { return label.isEmpty() ? name : label; }
};

// One pool account to watch (one [pool] or [pool.NAME] section).
struct AccountConfig
{
    QString id; // section name: "default" for [pool], NAME for [pool.NAME]
    PoolProvider provider = PoolProvider::F2poolV2;
    QUrl url = QUrl(QStringLiteral("https://api.f2pool.com"));
    QString currency = QStringLiteral("bitcoin");
    // The account: f2pool/Binance user name, Luxor subaccount, AntPool user id; optional for
    // Braiins and ViaBTC, whose tokens name the account (there it only labels it).
    QString user;
    QString name;   // label in alerts, reports and metrics; empty = user
    QString apiKey; // Binance and AntPool: the API key (the INI's `key`); never logged
    // f2pool: F2P-API-SECRET; Binance and AntPool: the HMAC secret; Braiins, Luxor, ViaBTC:
    // the token / API key. Never logged.
    QString secret;
    int intervalSecs = 300;
    // The shortest gap between two polls when a worker is about to cross a threshold; never
    // above intervalSecs (the reader clamps it) nor below the provider's own floor.
    int minIntervalSecs = 60;
    int timeoutSecs = 30;
    qint64 maxBodyBytes = 64LL * 1024 * 1024;
    Thresholds thresholds;
    // How the pool's API is reached: "socks5://host:port", "http://host:port" (user:password@
    // allowed, a secret), "" = directly. proxySet false: the key is absent and the standard
    // https_proxy / all_proxy / no_proxy variables decide (util/proxysetting.h).
    QString proxy;
    bool proxySet = false;

    // Stable key in the store and the notifier: survives renaming the config section. f2pool's
    // as it always was; another pool's carries the provider, so that the same user and currency
    // on two pools are two accounts (and an account without a user is its section's).
    QString key() const
    {
        if (provider == PoolProvider::F2poolV2 || provider == PoolProvider::F2poolV1)
            return user + QLatin1Char('/') + currency;
        return providerKey() + QLatin1Char(':') + (user.isEmpty() ? QLatin1Char('@') + id : user) +
               QLatin1Char('/') + currency;
    }
    QString displayName() const { return !name.isEmpty() ? name : !user.isEmpty() ? user : id; }
    // The configuration's provider value ("braiins"), as pool/poolprovider.cpp names it too.
    QString providerKey() const
    {
        switch (provider) {
        case PoolProvider::F2poolV2:
            return QStringLiteral("f2pool");
        case PoolProvider::F2poolV1:
            return QStringLiteral("f2pool-v1");
        case PoolProvider::Braiins:
            return QStringLiteral("braiins");
        case PoolProvider::Binance:
            return QStringLiteral("binance");
        case PoolProvider::Luxor:
            return QStringLiteral("luxor");
        case PoolProvider::ViaBtc:
            return QStringLiteral("viabtc");
        case PoolProvider::AntPool:
            return QStringLiteral("antpool");
        }
        return QStringLiteral("f2pool");
    }
};

enum class RetractMode
{
    Delete,
    Edit
};

struct TelegramConfig
{
    QUrl url = QUrl(QStringLiteral("https://api.telegram.org"));
    QString token; // never logged; sits in the URL path
    QString chat;  // int64 or @channel
    RetractMode retract = RetractMode::Delete;
    QString language = QStringLiteral("en"); // en | zh_CN
    int timeoutSecs = 30;
    // Answer commands and button presses (loop mode and the tray app only, never --once).
    bool commands = false;
    QVector<qint64> admins; // Telegram user ids allowed to change anything; empty = nobody
    QString proxy;          // as AccountConfig::proxy
    bool proxySet = false;
    // Quiet hours, minutes after local midnight in timeZone: posts inside [quietFrom, quietTo)
    // go silently unless critical (a window may cross midnight). -1 = off.
    int quietFrom = -1;
    int quietTo = -1;
    QString timeZone;  // IANA id for quiet hours and the digest; empty = the system's
    int digestAt = -1; // the daily digest, minutes after local midnight; -1 = off
    bool enabled() const { return !token.isEmpty() && !chat.isEmpty(); }
};

} // namespace rw
