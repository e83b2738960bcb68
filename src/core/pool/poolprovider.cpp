#include "pool/poolprovider.h"

#include "pool/f2poolparser.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rw {

namespace {
QNetworkRequest baseRequest(const AccountConfig &a, const QUrl &url)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("RigWatch/" RIGWATCH_VERSION));
    req.setRawHeader("Accept", "application/json");
    if (!a.secret.isEmpty())
        req.setRawHeader("F2P-API-SECRET", a.secret.toUtf8());
    // redirects could carry the secret to another host
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

QUrl join(const QUrl &base, const QString &path)
{
    QUrl u = base;
    QString p = u.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    return u;
}
} // namespace

PoolRequest workerListRequest(const AccountConfig &a)
{
    PoolRequest r;
    if (a.provider == PoolProvider::F2poolV1) {
        r.verb = "GET";
        r.request = baseRequest(
            a, join(a.url,
                    QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(a.currency)) +
                        QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(a.user))));
        return r;
    }
    r.verb = "POST";
    r.request = baseRequest(a, join(a.url, QStringLiteral("/v2/hash_rate/worker/list")));
    r.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("mining_user_name"), a.user},
                                       {QStringLiteral("currency"), a.currency}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

PoolRequest testConnectionRequest(const AccountConfig &a)
{
    if (a.provider == PoolProvider::F2poolV1)
        return workerListRequest(a);
    PoolRequest r;
    r.verb = "POST";
    r.request = baseRequest(a, join(a.url, QStringLiteral("/v2/mining_user/list")));
    r.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.body = "{}";
    return r;
}

ParseResult parseWorkerList(PoolProvider provider, const QByteArray &body,
                            const QVector<WorkerSample> &previous)
{
    return provider == PoolProvider::F2poolV1 ? parseF2poolV1(body, previous)
                                              : parseF2poolV2WorkerList(body, previous);
}

QString providerName(PoolProvider provider)
{
    return provider == PoolProvider::F2poolV1 ? QStringLiteral("f2pool-v1")
                                              : QStringLiteral("f2pool");
}

} // namespace rw
