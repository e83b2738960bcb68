#include "config/proxysetting.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QStringList>

namespace rw {

namespace {

QUrl parsed(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

bool isSocks(const QString &scheme)
{
    return scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h") ||
           scheme == QLatin1String("socks");
}

QString envValue(const QProcessEnvironment &env, const QString &lower)
{
    const QString v = env.value(lower);
    return v.isEmpty() ? env.value(lower.toUpper()) : v;
}

bool bypassed(const QString &host, const QString &noProxy)
{
    const QString h = host.toLower();
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return true;
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !entry.contains(QLatin1Char(']')) && entry.count(QLatin1Char(':')) == 1)
            entry = entry.left(colon); // "host:port": the port is not compared
        if (entry.startsWith(QLatin1Char('*')))
            entry.remove(0, 1);
        if (entry.startsWith(QLatin1Char('.'))) {
            if (h.endsWith(entry) || h == entry.mid(1))
                return true;
        } else if (h == entry || h.endsWith(QLatin1Char('.') + entry)) {
            return true;
        }
    }
    return false;
}

} // namespace

ValueCheck checkProxy(const QString &where, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const QUrl url = parsed(text);
    const QString scheme = url.scheme().toLower();
    ValueCheck c;
    c.where = where;
    auto refuse = [&](const QString &why) {
        c.outcome = ValueCheck::Refused;
        c.message = ConfigText::tr("%1 = \"%2\": %3").arg(where, maskProxy(text), why);
        return c;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(ConfigText::tr("expected socks5://host:port or http://host:port"));
    if (!isSocks(scheme) && scheme != QLatin1String("http"))
        return refuse(ConfigText::tr("the scheme must be socks5 or http, not \"%1\"").arg(scheme));
    if (url.port() <= 0)
        return refuse(ConfigText::tr("the port is missing (e.g. :1080)"));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return refuse(ConfigText::tr("a proxy takes no path"));
    return c;
}

QNetworkProxy proxyFromText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl url = parsed(text);
    QNetworkProxy proxy(isSocks(url.scheme().toLower()) ? QNetworkProxy::Socks5Proxy
                                                        : QNetworkProxy::HttpProxy,
                        url.host(), quint16(url.port()), url.userName(QUrl::FullyDecoded),
                        url.password(QUrl::FullyDecoded));
    if (proxy.type() == QNetworkProxy::Socks5Proxy) {
        // The name goes to the proxy, so a DNS that is blocked or lies here does not matter.
        proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
    }
    return proxy;
}

QNetworkProxy effectiveProxy(const QString &configured, bool set, const QUrl &target,
                             const QProcessEnvironment &env)
{
    if (set)
        return proxyFromText(configured);
    if (bypassed(target.host(), envValue(env, QStringLiteral("no_proxy"))))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const bool https = target.scheme().toLower() == QLatin1String("https");
    QString chosen =
        envValue(env, https ? QStringLiteral("https_proxy") : QStringLiteral("http_proxy"));
    if (chosen.isEmpty())
        chosen = envValue(env, QStringLiteral("all_proxy"));
    if (!chosen.isEmpty() && !chosen.contains(QStringLiteral("://")))
        chosen.prepend(QStringLiteral("http://")); // "host:3128", as curl reads it
    if (chosen.isEmpty() || checkProxy(QString(), chosen).refused())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return proxyFromText(chosen);
}

QString proxyLabel(const QNetworkProxy &proxy)
{
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy ||
        proxy.hostName().isEmpty())
        return {};
    return proxy.hostName() + QLatin1Char(':') + QString::number(proxy.port());
}

QString proxyFailure(const QNetworkProxy &proxy, int networkError, const QString &errorString)
{
    const QString label = proxyLabel(proxy);
    if (label.isEmpty())
        return {};
    // Qt's own sentences as Qt says them now: the tray app loads Qt's Chinese catalogue too.
    const auto said = [&errorString](const char *english) {
        return errorString.contains(QCoreApplication::translate("QSocks5SocketEngine", english));
    };
    const bool refused = said("Connection to proxy refused");
    const bool auth = said("Proxy authentication failed");
    const bool timedOut = said("Connection to proxy timed out");
    const bool proxyError = networkError >= QNetworkReply::ProxyConnectionRefusedError &&
                            networkError <= QNetworkReply::UnknownProxyError;
    if (!proxyError && !refused && !auth && !timedOut &&
        !errorString.contains(QLatin1String("proxy"), Qt::CaseInsensitive))
        return {};
    if (networkError == QNetworkReply::ProxyConnectionRefusedError || refused ||
        errorString.contains(QLatin1String("refused"), Qt::CaseInsensitive))
        return ConfigText::tr("the proxy at %1 refused the connection").arg(label);
    if (networkError == QNetworkReply::ProxyAuthenticationRequiredError || auth ||
        errorString.contains(QLatin1String("auth"), Qt::CaseInsensitive))
        return ConfigText::tr("the proxy at %1 refused the user name or password").arg(label);
    if (networkError == QNetworkReply::ProxyTimeoutError || timedOut ||
        errorString.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
        return ConfigText::tr("the proxy at %1 did not answer").arg(label);
    return ConfigText::tr("the proxy at %1 failed: %2").arg(label, errorString);
}

QString maskProxy(const QString &text)
{
    QUrl url(text.trimmed());
    if (!url.isValid() || url.password().isEmpty())
        return text.trimmed();
    url.setPassword(QStringLiteral("****"));
    return url.toString();
}

} // namespace rw
