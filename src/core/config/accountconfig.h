#pragma once

#include <QString>
#include <QUrl>
#include <QVector>

namespace rw {

enum class PoolProvider
{
    F2poolV2,
    F2poolV1
};

// Alert thresholds, shared by every account unless a pool section overrides them.
struct Thresholds
{
    qint64 offlineAfterSecs = 600;
    qint64 retiredAfterSecs = 28'800;
    double minHashRate = 0; // H/s, 0 = off
};

// One pool account to watch (one [pool] or [pool.NAME] section).
struct AccountConfig
{
    QString id; // section name: "default" for [pool], NAME for [pool.NAME]
    PoolProvider provider = PoolProvider::F2poolV2;
    QUrl url = QUrl(QStringLiteral("https://api.f2pool.com"));
    QString currency = QStringLiteral("bitcoin");
    QString user;
    QString name;   // label in alerts, reports and metrics; empty = user
    QString secret; // F2P-API-SECRET; never logged
    int intervalSecs = 300;
    int timeoutSecs = 30;
    qint64 maxBodyBytes = 64LL * 1024 * 1024;
    Thresholds thresholds;
    // How the pool's API is reached: "socks5://host:port", "http://host:port" (user:password@
    // allowed, a secret), "" = directly. proxySet false: the key is absent and the standard
    // https_proxy / all_proxy / no_proxy variables decide (util/proxysetting.h).
    QString proxy;
    bool proxySet = false;

    // Stable key in the store and the notifier: survives renaming the config section.
    QString key() const { return user + QLatin1Char('/') + currency; }
    QString displayName() const { return name.isEmpty() ? user : name; }
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
    bool enabled() const { return !token.isEmpty() && !chat.isEmpty(); }
};

} // namespace rw
