#include "settingsvalidator.h"

#include "config/proxysetting.h"
#include "config/valuecheck.h"
#include "pool/poolprovider.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace rw {

namespace {
QString tr(const char *s)
{
    // lupdate files this free function's tr() under the namespace: look them up there.
    return QCoreApplication::translate("rw", s);
}
bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}
} // namespace

QString validateSettings(const GuiSettings &s)
{
    QSet<QString> seen;
    for (const AccountConfig &a : s.accounts) {
        const bool f2pool =
            a.provider == PoolProvider::F2poolV2 || a.provider == PoolProvider::F2poolV1;
        const QString pool = providerTitle(a.provider);
        if (a.user.isEmpty() && f2pool)
            return tr(
                "An account has no name: enter the f2pool account name or remove the account.");
        if (a.user.isEmpty() && providerNeedsUser(a.provider))
            return tr("An account on %1 has no name: enter its account, subaccount or user id, "
                      "or remove the account.")
                .arg(pool);
        if (f2pool && !matches(QStringLiteral("[a-z][a-z0-9]{1,14}"), a.user))
            return tr("Account name \"%1\": use 2–15 lowercase letters or digits, starting with a "
                      "letter.")
                .arg(a.user);
        const QString name = a.displayName();
        if (!matches(QStringLiteral("[a-z0-9][a-z0-9-]*"), a.currency))
            return tr("Currency of %1: use the pool's slug, such as bitcoin or litecoin.")
                .arg(name);
        if (!a.url.isValid() ||
            (a.url.scheme() != QLatin1String("https") && a.url.scheme() != QLatin1String("http")) ||
            a.url.host().isEmpty())
            return tr("Pool URL of %1: enter an http or https address, such as %2.")
                .arg(name, defaultProviderUrl(a.provider).toString());
        if (a.provider == PoolProvider::F2poolV2 && a.secret.isEmpty())
            return tr("API token of %1: the f2pool API v2 needs one (create it in the f2pool "
                      "account settings).")
                .arg(name);
        if (providerNeedsKey(a.provider) && a.apiKey.isEmpty())
            return tr("API key of %1: %2 needs the API key and its secret.").arg(name, pool);
        if (!f2pool && a.secret.isEmpty())
            return tr("%1 of %2: %3 needs it to read the workers.")
                .arg(providerNeedsKey(a.provider) ? tr("API secret") : tr("API token"), name, pool);
        if (a.proxySet && checkProxy(QString(), a.proxy).refused())
            return tr("Proxy of %1: enter the proxy's host and port, such as 127.0.0.1:1080.")
                .arg(name);
        if (seen.contains(a.key()))
            return tr("The account %1 (%2) is listed twice.").arg(a.displayName(), a.currency);
        seen.insert(a.key());
    }
    if (s.intervalSecs < 30)
        return tr("Poll interval: at least 30 s, so the pool does not throttle the token.");
    if (s.minIntervalSecs < rules::kMinInterval.min || s.minIntervalSecs > s.intervalSecs)
        return tr("At most every: between 1 s and the poll interval (%1 s).").arg(s.intervalSecs);
    if (s.timeoutSecs < 2 || s.timeoutSecs >= s.intervalSecs)
        return tr("Request timeout: between 2 s and less than the poll interval (%1 s).")
            .arg(s.intervalSecs);
    if (s.thresholds.offlineAfterSecs < 60)
        return tr("Offline after: at least 1 minute.");
    if (s.thresholds.offlineAfterSecs < s.intervalSecs)
        return tr("Offline after: at least one poll interval (%1 s), or every late poll would "
                  "look like an outage.")
            .arg(s.intervalSecs);
    if (s.thresholds.retiredAfterSecs <= s.thresholds.offlineAfterSecs)
        return tr("Retired after: must be longer than offline after.");
    if (s.thresholds.minHashRate < 0)
        return tr("Hashrate floor: cannot be negative (0 switches it off).");
    if (s.redOfflinePercent < 0 || s.redOfflinePercent > 100)
        return tr("Red when offline: a share between 0 and 100 %.");
    const Thresholds &th = s.thresholds;
    if (th.degradedBelow < rules::kDegradedBelow.min ||
        th.degradedBelow > rules::kDegradedBelow.max)
        return tr("Degraded below: a share of the usual hashrate between 0 and 100 % (0 switches "
                  "it off).");
    if (th.degradedAfterSecs < rules::kDegradedAfter.min)
        return tr("Degraded after: cannot be negative (0 counts a worker at once).");
    if (th.flapLimit < rules::kFlapLimit.min || th.flapLimit > rules::kFlapLimit.max)
        return tr("Flapping after: between 0 and %1 changes (0 switches it off).")
            .arg(rules::kFlapLimit.max);
    if (th.flapWindowSecs < rules::kFlapWindow.min || th.flapWindowSecs > rules::kFlapWindow.max)
        return tr("Flapping window: between 1 minute and 30 days.");
    if (th.criticalOfflinePercent < rules::kCriticalOffline.min ||
        th.criticalOfflinePercent > rules::kCriticalOffline.max)
        return tr("Critical when offline: a share between 0 and 100 % (0: never critical).");

    // Groups: the INI's checks (config/valuecheck.h), so a group means the same in both.
    QSet<QString> groupNames;
    for (int i = 0; i < s.groups.size(); ++i) {
        const GroupConfig &g = s.groups[i];
        const QString where = tr("Group %1").arg(i + 1);
        if (g.name.isEmpty())
            return tr("%1 has no name: letters, digits, '-' and '_', such as site-a.").arg(where);
        if (const ValueCheck c = checkGroupName(where, g.name); c.refused())
            return c.message;
        if (groupNames.contains(g.name))
            return tr("The group \"%1\" is listed twice: names must differ.").arg(g.name);
        groupNames.insert(g.name);
        if (g.workers.isEmpty() && g.hosts.isEmpty())
            return tr("Group \"%1\": give worker names or hosts to match (globs such as rig-a* "
                      "or 203.0.113.*), or remove the group.")
                .arg(g.name);
        if (const ValueCheck c = checkTelegramChat(tr("Chat of group \"%1\"").arg(g.name), g.chat);
            c.refused())
            return c.message;
        double floor = 0;
        if (g.minHashRate < 0 ||
            checkHashRate(QString(), GuiSettings::hashRateText(g.minHashRate), &floor).refused())
            return tr("Hashrate floor of group \"%1\": cannot be negative (0 switches it off).")
                .arg(g.name);
    }

    const TelegramConfig &t = s.telegram;
    if (!t.token.isEmpty() || !t.chat.isEmpty()) {
        if (t.token.isEmpty())
            return tr("Telegram: a chat is set but no bot token. Enter both, or clear both to "
                      "turn Telegram off.");
        if (t.chat.isEmpty())
            return tr("Telegram: a bot token is set but no chat. Enter both, or clear both to "
                      "turn Telegram off.");
        if (!matches(QStringLiteral("[0-9]{3,}:[A-Za-z0-9_-]{20,}"), t.token))
            return tr("Telegram bot token: it looks like 123456789:AA… as BotFather gave it.");
        if (!matches(QStringLiteral("-?[0-9]{3,}"), t.chat) &&
            !matches(QStringLiteral("@[A-Za-z][A-Za-z0-9_]{3,}"), t.chat))
            return tr("Telegram chat: a numeric id (channels start with -100) or @channelname.");
    }
    if (t.commands && !t.enabled())
        return tr("Answer commands: enter the bot token and the chat first.");
    for (qint64 id : t.admins)
        if (id <= 0)
            return tr("Telegram admins: \"%1\" is not a Telegram user id (a number, such as "
                      "123456789).")
                .arg(id);
    if (t.proxySet && checkProxy(QString(), t.proxy).refused())
        return tr("Telegram proxy: enter the proxy's host and port, such as 127.0.0.1:1080.");
    if (t.quietFrom >= 0 || t.quietTo >= 0) {
        int from = -1, to = -1;
        const QString window =
            (t.quietFrom >= 0 && t.quietFrom < 1440 ? GuiSettings::timeOfDay(t.quietFrom)
                                                    : QString()) +
            QLatin1Char('-') +
            (t.quietTo >= 0 && t.quietTo < 1440 ? GuiSettings::timeOfDay(t.quietTo) : QString());
        if (const ValueCheck c = checkQuietHours(tr("Quiet hours"), window, &from, &to);
            c.refused())
            return c.message;
    }
    if (const ValueCheck c = checkTimeZone(tr("Time zone"), t.timeZone); c.refused())
        return c.message;
    if (t.digestAt >= 0) {
        int at = -1;
        const QString time =
            t.digestAt < 1440 ? GuiSettings::timeOfDay(t.digestAt) : QString::number(t.digestAt);
        if (const ValueCheck c = checkTimeOfDay(tr("Daily digest"), time, &at); c.refused())
            return c.message;
    }
    if (s.language != QLatin1String("en") && s.language != QLatin1String("zh_CN"))
        return tr("Language: English or Simplified Chinese.");
    return {};
}

} // namespace rw
