#pragma once

// Test helpers for the simulated farm's own tests: plain QNetworkAccessManager clients for the
// fake f2pool and the Telegram sink that keep what a client sees (status, error, headers, body).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

#include <optional>

namespace simtest {

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // Telegram envelope
    bool ok() const { return json().value(QLatin1String("ok")).toBool(); }
    QJsonObject result() const { return json().value(QLatin1String("result")).toObject(); }
    QString description() const { return json().value(QLatin1String("description")).toString(); }
    int errorCode() const { return json().value(QLatin1String("error_code")).toInt(); }
    qint64 messageId() const { return result().value(QLatin1String("message_id")).toInteger(); }
};

// Waits up to timeoutMs; a reply still running then is aborted (and reported unfinished).
inline HttpResult waitFor(QNetworkReply *reply, int timeoutMs = 5000)
{
    HttpResult r;
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(timeoutMs);
    }
    r.finished = reply->isFinished();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (!r.finished)
        reply->abort();
    reply->deleteLater();
    return r;
}

inline QUrl urlFor(const QUrl &base, const QString &pathAndQuery)
{
    QUrl u = base;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    u.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        u.setQuery(pathAndQuery.mid(q + 1));
    return u;
}

// Talks to FakeF2pool like the product does.
class PoolClient
{
public:
    PoolClient(QUrl base, QString user, QString secret)
        : m_base(std::move(base)), m_user(std::move(user)), m_secret(std::move(secret))
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    QNetworkAccessManager &nam() { return m_nam; }
    QUrl url(const QString &pathAndQuery) const { return urlFor(m_base, pathAndQuery); }

    QNetworkReply *startV2(const QString &path, const QJsonObject &body,
                           const std::optional<QString> &secret)
    {
        QNetworkRequest req(url(path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (secret)
            req.setRawHeader("F2P-API-SECRET", secret->toUtf8());
        return m_nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QNetworkReply *startV2(const QString &path, const QJsonObject &body)
    {
        return startV2(path, body, m_secret);
    }
    HttpResult v2(const QString &path, const QJsonObject &body,
                  const std::optional<QString> &secret)
    {
        return waitFor(startV2(path, body, secret));
    }
    HttpResult v2(const QString &path, const QJsonObject &body) { return v2(path, body, m_secret); }

    QJsonObject selector() const
    {
        return {{QStringLiteral("mining_user_name"), m_user},
                {QStringLiteral("currency"), QStringLiteral("bitcoin")}};
    }
    QNetworkReply *startWorkers()
    {
        return startV2(QStringLiteral("/v2/hash_rate/worker/list"), selector());
    }
    HttpResult workers() { return waitFor(startWorkers()); }
    QJsonObject worker(const QString &name)
    {
        for (const QJsonValue &w : workers().json().value(QLatin1String("workers")).toArray())
            if (w[QLatin1String("hash_rate_info")][QLatin1String("name")].toString() == name)
                return w.toObject();
        return {};
    }

    HttpResult get(const QString &path, const std::optional<QString> &secret = std::nullopt)
    {
        QNetworkRequest req(url(path));
        if (secret)
            req.setRawHeader("F2P-API-SECRET", secret->toUtf8());
        return waitFor(m_nam.get(req));
    }
    HttpResult control(const QString &pathAndQuery)
    {
        QNetworkRequest req(url(pathAndQuery));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
        return waitFor(m_nam.post(req, QByteArray()));
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_user;
    QString m_secret;
};

// Talks to TelegramSink like a Bot API client: JSON, form or query parameters.
class BotClient
{
public:
    enum class Encoding
    {
        Json,
        Form,
        Query
    };

    BotClient(QUrl base, QString token, QString chat)
        : m_base(std::move(base)), m_token(std::move(token)), m_chat(std::move(chat))
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    QNetworkAccessManager &nam() { return m_nam; }
    QUrl methodUrl(const QString &method, const QString &token) const
    {
        return urlFor(m_base, QStringLiteral("/bot") + token + QLatin1Char('/') + method);
    }
    QUrl methodUrl(const QString &method) const { return methodUrl(method, m_token); }

    static QString formValue(const QJsonValue &v)
    {
        if (v.isString())
            return v.toString();
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (v.isDouble())
            return QString::number(v.toInteger());
        return QString::fromUtf8(v.isArray()
                                     ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    static QByteArray formEncode(const QJsonObject &params)
    {
        QByteArray out;
        for (auto it = params.begin(); it != params.end(); ++it) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(it.key()) + '=' +
                   QUrl::toPercentEncoding(formValue(it.value()));
        }
        return out;
    }

    QNetworkReply *start(const QString &method, const QJsonObject &params,
                         Encoding encoding = Encoding::Json,
                         const std::optional<QString> &token = {})
    {
        QUrl u = methodUrl(method, token.value_or(m_token));
        QNetworkRequest req(u);
        switch (encoding) {
        case Encoding::Json:
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            return m_nam.post(req, QJsonDocument(params).toJson(QJsonDocument::Compact));
        case Encoding::Form:
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-www-form-urlencoded"));
            return m_nam.post(req, formEncode(params));
        case Encoding::Query:
            u.setQuery(QString::fromUtf8(formEncode(params)));
            req.setUrl(u);
            return m_nam.get(req);
        }
        return nullptr;
    }
    HttpResult call(const QString &method, const QJsonObject &params,
                    Encoding encoding = Encoding::Json, const std::optional<QString> &token = {})
    {
        return waitFor(start(method, params, encoding, token));
    }

    HttpResult send(const QString &text, const QString &parseMode = QString(),
                    const QString &chat = QString())
    {
        QJsonObject p{{QStringLiteral("chat_id"), chat.isEmpty() ? m_chat : chat},
                      {QStringLiteral("text"), text}};
        if (!parseMode.isEmpty())
            p.insert(QStringLiteral("parse_mode"), parseMode);
        return call(QStringLiteral("sendMessage"), p);
    }
    HttpResult edit(qint64 id, const QString &text, const QString &parseMode = QString())
    {
        QJsonObject p{{QStringLiteral("chat_id"), m_chat},
                      {QStringLiteral("message_id"), id},
                      {QStringLiteral("text"), text}};
        if (!parseMode.isEmpty())
            p.insert(QStringLiteral("parse_mode"), parseMode);
        return call(QStringLiteral("editMessageText"), p);
    }
    HttpResult del(qint64 id)
    {
        return call(QStringLiteral("deleteMessage"),
                    {{QStringLiteral("chat_id"), m_chat}, {QStringLiteral("message_id"), id}});
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    QString m_chat;
};

} // namespace simtest
