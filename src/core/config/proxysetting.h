#pragma once

// The `proxy` keys of [telegram] and [pool]: how a proxy URL is checked, turned into a
// QNetworkProxy, and chosen from the standard environment variables when the key is absent.
#include "config/valuecheck.h"

#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QUrl>

namespace rw {

// "" (none), socks5://[user:password@]host:port (socks5h:// too: names are always resolved at
// the proxy), http://[user:password@]host:port. The message quotes the value with any password
// masked: it is a secret.
ValueCheck checkProxy(const QString &where, const QString &text);
// The proxy a checked value names; NoProxy for "".
QNetworkProxy proxyFromText(const QString &text);
// The proxy for requests to target: the configured one when the key is set (set = true, ""
// meaning none), else https_proxy (http_proxy for http://), then all_proxy, both also in upper
// case, unless no_proxy lists the host ("*", a name, or a domain suffix such as .example.com).
QNetworkProxy
effectiveProxy(const QString &configured, bool set, const QUrl &target,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// "127.0.0.1:1080": how messages name a proxy (never its credentials); "" for NoProxy.
QString proxyLabel(const QNetworkProxy &proxy);
// One sentence naming the proxy when a request failed because of it ("the proxy at
// 127.0.0.1:1080 refused the connection"), "" when the failure is not the proxy's. Qt reports a
// refused SOCKS5 proxy as an unknown network error, so its (English) text is looked at too.
QString proxyFailure(const QNetworkProxy &proxy, int networkError, const QString &errorString);
// The value with the password replaced by "****", for --check-config and messages.
QString maskProxy(const QString &text);

} // namespace rw
