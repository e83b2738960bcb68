#include "pool/providers/pagedcommon.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>

#include <cmath>

namespace rw::providers {

QNetworkRequest apiRequest(const QUrl &url)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("RigWatch/" RIGWATCH_VERSION));
    req.setRawHeader("Accept", "application/json");
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

QUrl apiUrl(const QUrl &base, const QString &path)
{
    QUrl u = base;
    QString p = u.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    u.setQuery(QString());
    return u;
}

QByteArray hmacSha256Hex(const QString &secret, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

QString jsonObject(const QByteArray &body, QJsonObject *root)
{
    if (body.trimmed().isEmpty())
        return ProviderText::tr("reply is empty");
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        QString e = ProviderText::tr("reply is not valid JSON: %1 at offset %2")
                        .arg(pe.errorString())
                        .arg(pe.offset);
        if (body.trimmed().startsWith('<'))
            e += ProviderText::tr(" (it looks like an HTML page, e.g. a proxy or maintenance "
                                  "page)");
        return e;
    }
    if (!doc.isObject())
        return ProviderText::tr("reply is not a JSON object");
    *root = doc.object();
    return {};
}

bool readRoot(const QByteArray &body, QJsonObject *root, PageReply *r)
{
    r->error = jsonObject(body, root);
    return r->error.isEmpty();
}

QString nameOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
    }
    return {};
}

qint64 codeOf(const QJsonObject &o, bool *present)
{
    const QJsonValue c = o.value(QLatin1String("code"));
    bool ok = false;
    qint64 code = 0;
    if (c.isDouble()) {
        const double d = c.toDouble();
        // Beyond qint64 the conversion is undefined: a code that large is no success either.
        code = std::fabs(d) < 9e18 ? qint64(d) : -1;
        ok = true;
    } else if (c.isString()) {
        code = c.toString().trimmed().toLongLong(&ok);
        if (!ok && !c.toString().trimmed().isEmpty()) {
            code = -1; // a word where a number belongs: not success
            ok = true;
        }
    }
    if (present)
        *present = ok;
    return ok ? code : 0;
}

QString messageOf(const QJsonObject &o)
{
    for (const char *key : {"msg", "message", "error", "detail", "error_message"}) {
        const QJsonValue m = o.value(QLatin1String(key));
        if (m.isString() && !m.toString().trimmed().isEmpty())
            return m.toString().simplified();
        if (m.isObject()) {
            const QString inner = messageOf(m.toObject());
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

bool flagOf(const QJsonValue &v, bool *present)
{
    bool ok = true;
    bool value = false;
    if (v.isBool())
        value = v.toBool();
    else if (v.isDouble())
        value = v.toDouble() != 0;
    else if (v.isString())
        value = v.toString().trimmed() == QLatin1String("true") ||
                v.toString().trimmed() == QLatin1String("1");
    else
        ok = false;
    if (present)
        *present = ok;
    return value;
}

qint64 countOf(const QJsonValue &v)
{
    // Beyond qint64 the conversion is undefined; no list is that long: unreadable.
    if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0 && v.toDouble() < 9e18)
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok && n >= 0)
            return n;
    }
    return -1;
}

int nextPage(int page, int firstPage, qint64 totalPages, qint64 totalItems, qint64 pageSize,
             qsizetype entriesOnPage)
{
    const qint64 pagesSoFar = qint64(page) - firstPage + 1;
    if (totalPages >= 0)
        return pagesSoFar < totalPages ? page + 1 : 0;
    if (totalItems >= 0 && pageSize > 0)
        return pagesSoFar * pageSize < totalItems ? page + 1 : 0;
    // Nothing said: a short page proves nothing, an empty one ends the list.
    return entriesOnPage > 0 ? page + 1 : 0;
}

QString tickerOf(const QString &slug)
{
    static const QHash<QString, QString> known = {
        {QStringLiteral("bitcoin"), QStringLiteral("BTC")},
        {QStringLiteral("bitcoin-cash"), QStringLiteral("BCH")},
        {QStringLiteral("litecoin"), QStringLiteral("LTC")},
        {QStringLiteral("dogecoin"), QStringLiteral("DOGE")},
        {QStringLiteral("zcash"), QStringLiteral("ZEC")},
        {QStringLiteral("dash"), QStringLiteral("DASH")},
        {QStringLiteral("kaspa"), QStringLiteral("KAS")},
        {QStringLiteral("ethereum-classic"), QStringLiteral("ETC")},
        {QStringLiteral("fractal-bitcoin"), QStringLiteral("FB")},
    };
    return known.value(slug.toLower(), slug.toUpper());
}

QString withoutAccountPrefix(const QString &name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    return dot > 0 && dot + 1 < name.size() ? name.mid(dot + 1) : name;
}

QString poolStateOf(const QJsonObject &w, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = w.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return nameOf(v);
    }
    return {};
}

qsizetype readWorkerList(const QJsonArray &list, WorkerCollector &c,
                         std::initializer_list<const char *> nameKeys,
                         void (*fill)(const QJsonObject &w, WorkerSample &s),
                         QString (*rename)(const QString &name))
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject w = list.at(i).toObject();
        WorkerSample s;
        for (const char *key : nameKeys) {
            s.name = nameOf(w.value(QLatin1String(key)));
            if (!s.name.isEmpty())
                break;
        }
        if (rename && !s.name.isEmpty())
            s.name = rename(s.name);
        if (s.name.isEmpty()) {
            c.reject(i, QT_TRANSLATE_NOOP("F2poolText", "has no worker name"));
            continue;
        }
        fill(w, s);
        c.add(std::move(s));
    }
    return list.size();
}

bool readErrorCode(const QJsonObject &root, PageReply *r,
                   QString (*errorText)(qint64 code, const QString &message), bool *hasCode)
{
    const qint64 code = codeOf(root, hasCode);
    if (!*hasCode || code == 0)
        return false;
    r->poolError = errorText(code, messageOf(root));
    return true;
}

void missingList(const QJsonObject &root, bool messageIsError, const char *label,
                 const QString &error, PageReply *r)
{
    const QString msg = messageIsError ? messageOf(root) : QString();
    if (!msg.isEmpty())
        r->poolError = ProviderText::tr("%1 error: %2").arg(QString::fromLatin1(label), msg);
    else
        r->error = error;
}

bool fastReadCodedPage(const QByteArray &body, const fastpage::Spec &spec, int pagingLevel,
                       PagingFields readPaging, int page, WorkerCollector &c, qsizetype *entries,
                       PageReply *r)
{
    const qsizetype before = c.size();
    fastpage::Page p;
    if (!fastpage::readPage(body, spec, c, &p))
        return false;
    if (codeOf(p.levels[0]) != 0) { // the pool's error: the reference reader words it
        c.truncate(before);
        return false;
    }
    *r = PageReply();
    *entries = p.entries;
    readPaging(p.levels[pagingLevel], page, p.entries, r);
    return true;
}

} // namespace rw::providers
