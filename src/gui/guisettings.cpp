#include "guisettings.h"

#include "guilogging.h"

#include "config/proxysetting.h"
#include "config/valuecheck.h"
#include "pool/poolprovider.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {
const auto kAccounts = QStringLiteral("accounts");
const auto kGroups = QStringLiteral("groups");
const auto kAlertPause = QStringLiteral("alerts/pausedUntil");
const auto kUntilResumed = QStringLiteral("until-resumed");
QString key(const char *k)
{
    return QString::fromLatin1(k);
}
} // namespace

DaemonConfig GuiSettings::toDaemonConfig() const
{
    DaemonConfig c;
    c.accounts = accounts;
    for (AccountConfig &a : c.accounts) {
        a.thresholds = thresholds;
        a.intervalSecs = intervalSecs;
        a.minIntervalSecs = std::min(minIntervalSecs, intervalSecs); // above: it is interval
        a.timeoutSecs = timeoutSecs;
    }
    c.telegram = telegram;
    c.telegram.language = language;
    c.groups = groups;
    c.databasePath = databasePath.isEmpty() ? defaultDatabasePath() : databasePath;
    c.sourceFile = QStringLiteral("(settings)");
    return c;
}

QString GuiSettings::defaultLanguage(const QLocale &desktop)
{
    return desktop.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

namespace {
// Reads hand-edited settings with rigwatchd's rules (config/valuecheck.h): a value they refuse is
// never used, the default stands instead; one above a limit is clamped. Each says so.
class Reader
{
public:
    explicit Reader(QSettings &s) : m_s(s) {}

    bool has(const char *k) const { return m_s.contains(key(k)); }
    QString text(const char *k) const { return m_s.value(key(k)).toString(); }

    // False when refused: the caller keeps its default, `fallback` in the warning.
    bool accept(const ValueCheck &check, const QString &fallback)
    {
        return accept(check, [&] {
            return ConfigText::tr("%1; %2 is used instead").arg(check.message, fallback);
        });
    }
    template <typename Refusal> bool accept(const ValueCheck &check, Refusal refusal)
    {
        if (check.outcome == ValueCheck::Clamped)
            warn(check.where, check.message);
        else if (check.refused())
            warn(check.where, refusal());
        return !check.refused();
    }
    template <typename T> T wholeNumber(const char *k, WholeNumberRule rule, T fallback)
    {
        qint64 v = fallback;
        if (has(k) &&
            !accept(checkWholeNumber(key(k), text(k), rule, &v), QString::number(fallback)))
            return fallback;
        return T(v);
    }
    // `where` names the setting: logged once per run, since main() reads the settings for
    // --help's language before the app reads them again (in that language by then).
    void warn(const QString &where, const QString &problem)
    {
        const QString line = m_s.fileName() + QStringLiteral(": ") + problem;
        static QSet<QString> logged;
        const QString id = m_s.fileName() + QLatin1Char('\n') + where;
        if (!logged.contains(id)) {
            logged.insert(id);
            qCWarning(lcGui).noquote() << line;
        }
        m_warnings << line;
    }
    QStringList warnings() const { return m_warnings; }

    // A `proxy` key: absent = the environment decides, "" = none. Kept here without
    // credentials: a proxy password is a secret (the keychain holds it).
    void proxy(const QString &k, const QString &where, QString *out, bool *set)
    {
        if (!m_s.contains(k))
            return;
        const QString text = m_s.value(k).toString().trimmed();
        const ValueCheck check = checkProxy(where, text);
        if (check.refused()) {
            warn(where, ConfigText::tr("%1; %2 is used instead")
                            .arg(check.message, ConfigText::tr("no proxy")));
        } else if (!proxyFromText(text).password().isEmpty() ||
                   !proxyFromText(text).user().isEmpty()) {
            warn(where, ConfigText::tr("%1: a proxy with a password is not kept in the settings; "
                                       "no proxy is used")
                            .arg(where));
        } else {
            *out = text;
        }
        *set = true; // a value that is refused means "none", never a proxy from elsewhere
    }

private:
    QSettings &m_s;
    QStringList m_warnings;
};
} // namespace

GuiSettings GuiSettings::load(QSettings &s, QStringList *warnings)
{
    GuiSettings g;
    Reader r(s);
    const int n = s.beginReadArray(kAccounts);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        const QString at = kAccounts + QLatin1Char('/') + QString::number(i + 1) + QLatin1Char('/');
        AccountConfig a;
        a.id = s.value(key("id"), QStringLiteral("pool%1").arg(i + 1)).toString();
        if (r.has("provider"))
            r.accept(checkProvider(at + key("provider"), r.text("provider"), &a.provider),
                     providerName(a.provider));
        if (r.has("url") && !r.text("url").isEmpty())
            r.accept(checkHttpUrl(at + key("url"), r.text("url"), &a.url), a.url.toString());
        if (r.has("currency")) {
            const QString currency = r.text("currency");
            if (r.accept(checkCurrency(at + key("currency"), currency), a.currency))
                a.currency = currency;
        }
        a.user = r.text("user");
        r.proxy(key("proxy"), at + key("proxy"), &a.proxy, &a.proxySet);
        if (a.user.isEmpty() && providerNeedsUser(a.provider)) {
            r.warn(at + key("user"),
                   ConfigText::tr("%1 is empty: the account is left out").arg(at + key("user")));
            continue;
        }
        g.accounts << a;
    }
    s.endArray();
    g.intervalSecs = r.wholeNumber("poll/interval", rules::kInterval, g.intervalSecs);
    g.minIntervalSecs = r.wholeNumber("poll/minInterval", rules::kMinInterval, g.minIntervalSecs);
    g.timeoutSecs = r.wholeNumber("poll/timeout", rules::kTimeout, g.timeoutSecs);
    Thresholds t;
    t.offlineAfterSecs =
        r.wholeNumber("thresholds/offlineAfter", rules::kOfflineAfter, t.offlineAfterSecs);
    t.retiredAfterSecs =
        r.wholeNumber("thresholds/retiredAfter", rules::kRetiredAfter, t.retiredAfterSecs);
    const Thresholds defaults;
    const ValueCheck order =
        checkThresholdOrder(key("thresholds/retiredAfter"), key("thresholds/offlineAfter"), t);
    if (!r.accept(order, [&] {
            return ConfigText::tr("%1; the defaults %2 and %3 are used instead")
                .arg(order.message, QString::number(defaults.offlineAfterSecs),
                     QString::number(defaults.retiredAfterSecs));
        })) {
        t.offlineAfterSecs = defaults.offlineAfterSecs;
        t.retiredAfterSecs = defaults.retiredAfterSecs;
    }
    if (r.has("thresholds/minHashRate"))
        r.accept(checkHashRate(key("thresholds/minHashRate"), r.text("thresholds/minHashRate"),
                               &t.minHashRate),
                 QString::number(defaults.minHashRate));
    t.degradedBelow =
        r.wholeNumber("thresholds/degradedBelow", rules::kDegradedBelow, t.degradedBelow);
    t.degradedAfterSecs =
        r.wholeNumber("thresholds/degradedAfter", rules::kDegradedAfter, t.degradedAfterSecs);
    t.flapLimit = r.wholeNumber("thresholds/flapLimit", rules::kFlapLimit, t.flapLimit);
    t.flapWindowSecs = r.wholeNumber("thresholds/flapWindow", rules::kFlapWindow, t.flapWindowSecs);
    t.criticalOfflinePercent = r.wholeNumber("thresholds/criticalOffline", rules::kCriticalOffline,
                                             t.criticalOfflinePercent);
    g.thresholds = t;
    const int groupCount = s.beginReadArray(kGroups);
    for (int i = 0; i < groupCount; ++i) {
        s.setArrayIndex(i);
        const QString at = kGroups + QLatin1Char('/') + QString::number(i + 1) + QLatin1Char('/');
        GroupConfig group;
        group.name = r.text("name").trimmed();
        const ValueCheck name = checkGroupName(at + key("name"), group.name);
        if (!r.accept(name, [&] {
                return ConfigText::tr("%1; the group is left out").arg(name.message);
            }))
            continue;
        if (std::any_of(g.groups.cbegin(), g.groups.cend(),
                        [&](const GroupConfig &o) { return o.name == group.name; })) {
            r.warn(at + key("name"), ConfigText::tr("%1: the group \"%2\" is listed twice; the "
                                                    "second is left out")
                                         .arg(at + key("name"), group.name));
            continue;
        }
        group.label = r.text("label").trimmed();
        const auto globs = [&](const char *k) {
            QStringList list;
            for (const QString &glob : r.text(k).split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!glob.trimmed().isEmpty())
                    list << glob.trimmed();
            return list;
        };
        group.workers = globs("workers");
        group.hosts = globs("hosts");
        const QString groupChat = r.text("chat").trimmed();
        if (r.accept(checkTelegramChat(at + key("chat"), groupChat), key("[telegram] chat")))
            group.chat = groupChat;
        if (r.has("minHashRate"))
            r.accept(
                checkHashRate(at + key("minHashRate"), r.text("minHashRate"), &group.minHashRate),
                QStringLiteral("0"));
        g.groups << group;
    }
    s.endArray();
    const QString chat = r.text("telegram/chat");
    const ValueCheck chatCheck = checkTelegramChat(key("telegram/chat"), chat);
    if (r.accept(chatCheck,
                 [&] { return ConfigText::tr("%1; Telegram stays off").arg(chatCheck.message); }))
        g.telegram.chat = chat;
    if (r.has("telegram/retract"))
        r.accept(
            checkRetract(key("telegram/retract"), r.text("telegram/retract"), &g.telegram.retract),
            QStringLiteral("delete"));
    if (r.has("telegram/url") && !r.text("telegram/url").isEmpty())
        r.accept(checkHttpUrl(key("telegram/url"), r.text("telegram/url"), &g.telegram.url),
                 g.telegram.url.toString());
    // "Answer commands" is off unless set: a desktop and a server may share one bot, and only
    // one program may read its updates.
    g.telegram.commands = s.value(key("telegram/commands"), false).toBool();
    for (const QString &id :
         r.text("telegram/admins")
             .split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 n = id.toLongLong(&ok);
        if (ok && n > 0)
            g.telegram.admins.append(n);
        else
            r.warn(key("telegram/admins"),
                   ConfigText::tr("%1: \"%2\" is not a Telegram user id; it is ignored")
                       .arg(key("telegram/admins"), id));
    }
    r.proxy(key("telegram/proxy"), key("telegram/proxy"), &g.telegram.proxy, &g.telegram.proxySet);
    if (r.has("telegram/quietHours"))
        r.accept(checkQuietHours(key("telegram/quietHours"), r.text("telegram/quietHours"),
                                 &g.telegram.quietFrom, &g.telegram.quietTo),
                 ConfigText::tr("no quiet hours"));
    const QString zone = r.text("telegram/timezone").trimmed();
    if (r.accept(checkTimeZone(key("telegram/timezone"), zone),
                 ConfigText::tr("the system's time zone")))
        g.telegram.timeZone = zone;
    const QString digest = r.text("telegram/digest").trimmed();
    if (!digest.isEmpty() &&
        !r.accept(checkTimeOfDay(key("telegram/digest"), digest, &g.telegram.digestAt),
                  ConfigText::tr("no digest")))
        g.telegram.digestAt = -1;
    g.language = defaultLanguage(QLocale::system());
    if (r.has("ui/language")) {
        const QString language = r.text("ui/language");
        if (r.accept(checkLanguage(key("ui/language"), language), g.language))
            g.language = language;
    }
    g.startOnLogin = s.value(key("ui/startOnLogin"), false).toBool();
    // the share of offline workers that turns the tray red: the desktop app's own setting
    g.redOfflinePercent =
        r.wholeNumber("ui/redOfflinePercent", WholeNumberRule{0, 100}, g.redOfflinePercent);
    g.databasePath = expandHome(r.text("storage/database"), QDir::homePath());
    if (warnings)
        *warnings = r.warnings();
    return g;
}

void GuiSettings::save(QSettings &s) const
{
    s.remove(kAccounts);
    s.beginWriteArray(kAccounts, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        const AccountConfig &a = accounts[i];
        s.setArrayIndex(i);
        s.setValue(key("id"), a.id);
        s.setValue(key("provider"), providerName(a.provider));
        s.setValue(key("url"), a.url.toString());
        s.setValue(key("currency"), a.currency);
        s.setValue(key("user"), a.user);
        // a.secret: deliberately not here (SecretStore), nor the proxy's credentials.
        if (a.proxySet)
            s.setValue(key("proxy"), proxyWithoutCredentials(a.proxy));
    }
    s.endArray();
    s.setValue(key("poll/interval"), intervalSecs);
    s.setValue(key("poll/minInterval"), minIntervalSecs);
    s.setValue(key("poll/timeout"), timeoutSecs);
    s.setValue(key("thresholds/offlineAfter"), thresholds.offlineAfterSecs);
    s.setValue(key("thresholds/retiredAfter"), thresholds.retiredAfterSecs);
    s.setValue(key("thresholds/minHashRate"), thresholds.minHashRate);
    s.setValue(key("thresholds/degradedBelow"), thresholds.degradedBelow);
    s.setValue(key("thresholds/degradedAfter"), thresholds.degradedAfterSecs);
    s.setValue(key("thresholds/flapLimit"), thresholds.flapLimit);
    s.setValue(key("thresholds/flapWindow"), thresholds.flapWindowSecs);
    s.setValue(key("thresholds/criticalOffline"), thresholds.criticalOfflinePercent);
    s.remove(kGroups);
    s.beginWriteArray(kGroups, int(groups.size()));
    for (int i = 0; i < groups.size(); ++i) {
        const GroupConfig &group = groups[i];
        s.setArrayIndex(i);
        s.setValue(key("name"), group.name);
        s.setValue(key("label"), group.label);
        s.setValue(key("workers"), group.workers.join(QStringLiteral(", ")));
        s.setValue(key("hosts"), group.hosts.join(QStringLiteral(", ")));
        s.setValue(key("chat"), group.chat);
        s.setValue(key("minHashRate"), hashRateText(group.minHashRate));
    }
    s.endArray();
    s.setValue(key("telegram/chat"), telegram.chat);
    s.setValue(key("telegram/retract"), telegram.retract == RetractMode::Edit
                                            ? QStringLiteral("edit")
                                            : QStringLiteral("delete"));
    s.setValue(key("telegram/url"), telegram.url.toString());
    s.setValue(key("telegram/commands"), telegram.commands);
    QStringList admins;
    for (qint64 id : telegram.admins)
        admins << QString::number(id);
    s.setValue(key("telegram/admins"), admins.join(QStringLiteral(", ")));
    if (telegram.proxySet)
        s.setValue(key("telegram/proxy"), proxyWithoutCredentials(telegram.proxy));
    else
        s.remove(key("telegram/proxy"));
    s.setValue(key("telegram/quietHours"), telegram.quietFrom < 0
                                               ? QString()
                                               : timeOfDay(telegram.quietFrom) + QLatin1Char('-') +
                                                     timeOfDay(telegram.quietTo));
    s.setValue(key("telegram/timezone"), telegram.timeZone);
    s.setValue(key("telegram/digest"),
               telegram.digestAt < 0 ? QString() : timeOfDay(telegram.digestAt));
    s.setValue(key("ui/language"), language);
    s.setValue(key("ui/startOnLogin"), startOnLogin);
    s.setValue(key("ui/redOfflinePercent"), redOfflinePercent);
    if (databasePath.isEmpty())
        s.remove(key("storage/database"));
    else
        s.setValue(key("storage/database"), databasePath);
}

qint64 GuiSettings::loadAlertPause(QSettings &s, qint64 nowMs)
{
    const QString value = s.value(kAlertPause).toString();
    if (value.isEmpty())
        return 0;
    if (value == kUntilResumed)
        return -1;
    bool ok = false;
    const qint64 until = value.toLongLong(&ok);
    if (!ok || until <= nowMs)
        return 0; // over while the app was down (or not a time at all): alerts are on
    // An end further away than any pause the menu offers was not written by RigWatch, or the
    // clock went back since: a monitor that errs must err towards alerting.
    if (until - nowMs > kMaxAlertPauseSecs * 1000) {
        qCWarning(lcGui) << "ignoring an alert pause ending" << (until - nowMs) / 1000
                         << "s from now: longer than any pause RigWatch sets";
        return 0;
    }
    return until;
}

void GuiSettings::saveAlertPause(QSettings &s, qint64 pausedUntilMs)
{
    if (pausedUntilMs == 0 && !s.contains(kAlertPause))
        return;
    if (pausedUntilMs == 0)
        s.remove(kAlertPause);
    else
        s.setValue(kAlertPause, pausedUntilMs < 0 ? kUntilResumed : QString::number(pausedUntilMs));
    // Written now, not at exit: a pause must survive a crash or a power cut too.
    s.sync();
    if (s.status() != QSettings::NoError)
        qCWarning(lcGui).noquote() << "cannot save the alert pause to" << s.fileName()
                                   << "- it will end if RigWatch restarts";
}

QString GuiSettings::poolSecretKey(const AccountConfig &account)
{
    return QStringLiteral("pool/") + account.key();
}

QString GuiSettings::poolApiKeyKey(const AccountConfig &account)
{
    return QStringLiteral("pool-key/") + account.key();
}

QString GuiSettings::telegramSecretKey()
{
    return QStringLiteral("telegram/bot-token");
}

QString GuiSettings::telegramProxySecretKey()
{
    return QStringLiteral("telegram/proxy-login");
}

QString GuiSettings::poolProxySecretKey(const AccountConfig &account)
{
    return QStringLiteral("pool-proxy/") + account.key();
}

QString GuiSettings::timeOfDay(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString GuiSettings::hashRateText(double hs)
{
    // The largest unit that leaves a whole or short number: 2e15 -> "2P", 1.5e14 -> "150T".
    const char units[] = {'\0', 'k', 'M', 'G', 'T', 'P', 'E'};
    int u = 0;
    double v = hs;
    while (u + 1 < int(sizeof units) && std::abs(v) >= 1000) {
        v /= 1000;
        ++u;
    }
    QString text = QString::number(v, 'g', 15);
    if (units[u])
        text += QLatin1Char(units[u]);
    return text;
}

QString GuiSettings::proxyWithoutCredentials(const QString &proxy)
{
    if (proxy.trimmed().isEmpty())
        return {};
    QUrl url(proxy.trimmed());
    url.setUserInfo(QString());
    return url.toString(QUrl::RemoveUserInfo);
}

QString GuiSettings::proxyCredentials(const QString &proxy)
{
    if (proxy.trimmed().isEmpty())
        return {};
    return QUrl(proxy.trimmed()).userInfo(QUrl::FullyEncoded);
}

QString GuiSettings::proxyWithCredentials(const QString &proxy, const QString &credentials)
{
    if (proxy.trimmed().isEmpty() || credentials.isEmpty())
        return proxy;
    QUrl url(proxy.trimmed());
    url.setUserInfo(credentials, QUrl::StrictMode);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace rw
