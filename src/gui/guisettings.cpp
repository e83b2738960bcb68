#include "guisettings.h"

#include "guilogging.h"

#include "pool/poolprovider.h"

#include <QLocale>
#include <QSettings>

namespace rw {

namespace {
const auto kAccounts = QStringLiteral("accounts");
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
        a.timeoutSecs = timeoutSecs;
    }
    c.telegram = telegram;
    c.telegram.language = language;
    c.databasePath = databasePath.isEmpty() ? defaultDatabasePath() : databasePath;
    c.sourceFile = QStringLiteral("(settings)");
    return c;
}

QString GuiSettings::defaultLanguage(const QLocale &desktop)
{
    return desktop.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

GuiSettings GuiSettings::load(QSettings &s)
{
    GuiSettings g;
    const int n = s.beginReadArray(kAccounts);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        AccountConfig a;
        a.id = s.value(key("id"), QStringLiteral("pool%1").arg(i + 1)).toString();
        a.provider = s.value(key("provider")).toString() == providerName(PoolProvider::F2poolV1)
                         ? PoolProvider::F2poolV1
                         : PoolProvider::F2poolV2;
        const QUrl url = s.value(key("url")).toUrl();
        if (url.isValid() && !url.isEmpty())
            a.url = url;
        a.currency = s.value(key("currency"), a.currency).toString();
        a.user = s.value(key("user")).toString();
        if (!a.user.isEmpty())
            g.accounts << a;
    }
    s.endArray();
    g.intervalSecs = s.value(key("poll/interval"), g.intervalSecs).toInt();
    g.timeoutSecs = s.value(key("poll/timeout"), g.timeoutSecs).toInt();
    g.thresholds.offlineAfterSecs =
        s.value(key("thresholds/offlineAfter"), g.thresholds.offlineAfterSecs).toLongLong();
    g.thresholds.retiredAfterSecs =
        s.value(key("thresholds/retiredAfter"), g.thresholds.retiredAfterSecs).toLongLong();
    g.thresholds.minHashRate = s.value(key("thresholds/minHashRate"), 0.0).toDouble();
    g.telegram.chat = s.value(key("telegram/chat")).toString();
    g.telegram.retract = s.value(key("telegram/retract")).toString() == QLatin1String("edit")
                             ? RetractMode::Edit
                             : RetractMode::Delete;
    const QUrl tg = s.value(key("telegram/url")).toUrl();
    if (tg.isValid() && !tg.isEmpty())
        g.telegram.url = tg;
    g.language = s.value(key("ui/language"), defaultLanguage(QLocale::system())).toString();
    g.startOnLogin = s.value(key("ui/startOnLogin"), false).toBool();
    g.redOfflinePercent = s.value(key("ui/redOfflinePercent"), g.redOfflinePercent).toInt();
    g.databasePath = s.value(key("storage/database")).toString();
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
        // a.secret: deliberately not here (SecretStore).
    }
    s.endArray();
    s.setValue(key("poll/interval"), intervalSecs);
    s.setValue(key("poll/timeout"), timeoutSecs);
    s.setValue(key("thresholds/offlineAfter"), thresholds.offlineAfterSecs);
    s.setValue(key("thresholds/retiredAfter"), thresholds.retiredAfterSecs);
    s.setValue(key("thresholds/minHashRate"), thresholds.minHashRate);
    s.setValue(key("telegram/chat"), telegram.chat);
    s.setValue(key("telegram/retract"),
               telegram.retract == RetractMode::Edit ? QStringLiteral("edit") : QStringLiteral("delete"));
    s.setValue(key("telegram/url"), telegram.url.toString());
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

QString GuiSettings::telegramSecretKey()
{
    return QStringLiteral("telegram/bot-token");
}

} // namespace rw
