#include "notify/telegramclient.h"

#include "config/proxysetting.h"
#include "pool/httpdate.h"
#include "util/redact.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcNotify, "rigwatch.notify", QtInfoMsg)

namespace rw {

namespace {

// A Bot API answer is a few kilobytes; anything much bigger is not Telegram.
constexpr qint64 kMaxBodyBytes = 1024 * 1024;
// How much Qt may hold for a reply before this side reads it (see post()).
constexpr qint64 kReadBufferBytes = 64 * 1024;

// retry_after as seconds to wait: a number or a numeric string, rounded up (waiting a little
// longer is harmless, calling too early gets another 429); 0 when absent or unreadable.
int retrySecs(const QJsonValue &v)
{
    double secs = 0;
    if (v.isDouble()) {
        secs = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        secs = v.toString().trimmed().toDouble(&ok);
        if (!ok)
            secs = 0;
    }
    if (!(secs > 0)) // also NaN
        return 0;
    return int(std::min(std::ceil(secs), 86400.0));
}

// Retry-After header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
int retryHeaderSecs(const QByteArray &header, qint64 nowSecs)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return 0;
    bool ok = false;
    const double secs = value.toDouble(&ok);
    if (ok)
        return secs > 0 ? int(std::min(std::ceil(secs), 86400.0)) : 0;
    const qint64 at = parseHttpDate(value);
    if (at <= 0)
        return 0;
    return int(std::clamp<qint64>(at - nowSecs, 0, 86400));
}

bool has(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

TelegramResult::Kind kindFromDescription(const QString &method, int code, const QString &d)
{
    using K = TelegramResult;
    if (has(d, "message is not modified"))
        return K::NotModified;
    if (has(d, "message to delete not found") || has(d, "message to edit not found") ||
        has(d, "message not found"))
        return K::NotFound;
    if (has(d, "message can't be deleted") || has(d, "message can not be deleted"))
        return K::CantDelete;
    if (has(d, "need administrator rights") || has(d, "not enough rights")) {
        // For a delete this is "the bot may not delete that": fall back to editing. For a post it
        // means the bot cannot write to the chat at all.
        return method == QLatin1String("deleteMessage") ? K::CantDelete : K::Forbidden;
    }
    if (has(d, "message can't be edited") || has(d, "message can not be edited"))
        return K::CantEdit;
    if (has(d, "chat not found"))
        return K::ChatNotFound;
    if (has(d, "message is too long") || has(d, "text is too long"))
        return K::TooLong;
    if (has(d, "can't parse entities") || has(d, "can not parse entities"))
        return K::BadHtml;
    if (has(d, "too many requests") || code == 429)
        return K::TooManyRequests;
    if (has(d, "unauthorized") || code == 401)
        return K::Unauthorized;
    if (has(d, "bot was kicked") || has(d, "bot is not a member") || has(d, "bot was blocked") ||
        has(d, "forbidden") || code == 403)
        return K::Forbidden;
    // A malformed token gets 404 "Not Found" for the whole URL, not a message-level error.
    if (code == 404 && d.trimmed().compare(QLatin1String("Not Found"), Qt::CaseInsensitive) == 0)
        return K::Unauthorized;
    if (code >= 500 || code == 0)
        return K::Transient;
    return K::OtherClientError;
}

} // namespace

qint64 TelegramResult::messageId() const
{
    return result.isObject() ? result.toObject().value(QLatin1String("message_id")).toInteger() : 0;
}

QString TelegramResult::kindName(Kind k)
{
    switch (k) {
    case Ok:
        return QStringLiteral("ok");
    case NotModified:
        return QStringLiteral("not modified");
    case NotFound:
        return QStringLiteral("message not found");
    case CantDelete:
        return QStringLiteral("cannot delete");
    case CantEdit:
        return QStringLiteral("cannot edit");
    case Unauthorized:
        return QStringLiteral("unauthorized");
    case Forbidden:
        return QStringLiteral("forbidden");
    case ChatNotFound:
        return QStringLiteral("chat not found");
    case TooManyRequests:
        return QStringLiteral("too many requests");
    case TooLong:
        return QStringLiteral("message too long");
    case BadHtml:
        return QStringLiteral("bad HTML");
    case Migrated:
        return QStringLiteral("chat migrated");
    case Transient:
        return QStringLiteral("temporary failure");
    case OtherClientError:
        return QStringLiteral("rejected");
    }
    return {};
}

QString TelegramResult::explanation() const
{
    const QString said =
        description.isEmpty() ? QString() : tr(" (Telegram said: \"%1\")").arg(description);
    switch (kind) {
    case Ok:
    case NotModified:
        return tr("OK");
    case Unauthorized:
        return tr("Unauthorized: the bot token is wrong or was revoked; copy it again from "
                  "@BotFather") +
               said;
    case Forbidden:
        return tr("The bot is not allowed to post in this chat: add it to the channel or group "
                  "as an administrator that can post messages") +
               said;
    case ChatNotFound:
        return tr("Chat not found: check the chat id (a channel is @name or -100…) and that the "
                  "bot was added to it") +
               said;
    case TooManyRequests:
        return tr("Telegram asked to slow down for %1 s").arg(retryAfterSecs) + said;
    case Migrated:
        return tr("The group became a supergroup; its new chat id is %1").arg(migrateToChatId) +
               said;
    case Transient:
        if (oversized)
            return tr("Telegram's answer exceeded 1 MiB");
        return tr("Telegram could not be reached") + said;
    case NotFound:
        return tr("Telegram refused the request: the message was not found") + said;
    case CantDelete:
        return tr("Telegram refused the request: the message cannot be deleted") + said;
    case CantEdit:
        return tr("Telegram refused the request: the message cannot be edited") + said;
    case TooLong:
        return tr("Telegram refused the request: the message is too long") + said;
    case BadHtml:
        return tr("Telegram refused the request: bad HTML") + said;
    case OtherClientError:
        return tr("Telegram refused the request") + said;
    }
    return description;
}

TelegramResult classifyTelegramReply(const QString &method, int httpStatus, const QByteArray &body,
                                     const QByteArray &retryAfterHeader, qint64 nowSecs)
{
    TelegramResult r;
    r.httpStatus = httpStatus;
    r.errorCode = httpStatus;
    r.retryAfterSecs = retryHeaderSecs(retryAfterHeader,
                                       nowSecs > 0 ? nowSecs : QDateTime::currentSecsSinceEpoch());

    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        // No Bot API body: judge by the status alone (a proxy, a captive portal, a crash).
        r.description = httpStatus
                            ? QStringLiteral("HTTP %1 without a Bot API answer").arg(httpStatus)
                            : QStringLiteral("no answer");
        if (httpStatus == 401)
            r.kind = TelegramResult::Unauthorized;
        else if (httpStatus == 403)
            r.kind = TelegramResult::Forbidden;
        else if (httpStatus == 429) {
            r.kind = TelegramResult::TooManyRequests;
            r.retryAfterSecs = qMax(1, r.retryAfterSecs); // no N given: still wait
        } else {
            r.kind = TelegramResult::Transient; // includes a 2xx with garbage: try again later
            // A 2xx that is no Bot API answer came from whatever carried the request out, and
            // a gateway timeout (504) forwarded it and gave up waiting: a sendMessage may have
            // posted. A proxy's 502 or 503 never got it to Telegram, and an outage of those
            // must not fill the mirror with "may have been posted" rows.
            const bool reachedTelegram =
                (httpStatus >= 200 && httpStatus < 300) || httpStatus == 504;
            r.maybeDelivered = reachedTelegram && method == QLatin1String("sendMessage");
        }
        return r;
    }
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("ok")).toBool()) {
        r.kind = TelegramResult::Ok;
        r.ok = true;
        r.result = o.value(QLatin1String("result"));
        r.errorCode = 0;
        return r;
    }
    r.errorCode = o.value(QLatin1String("error_code")).toInt(httpStatus);
    r.description = o.value(QLatin1String("description")).toString();
    const QJsonObject params = o.value(QLatin1String("parameters")).toObject();
    if (params.contains(QLatin1String("retry_after")))
        r.retryAfterSecs =
            qMax(r.retryAfterSecs, retrySecs(params.value(QLatin1String("retry_after"))));
    const QJsonValue migrate = params.value(QLatin1String("migrate_to_chat_id"));
    if (migrate.isDouble())
        r.migrateToChatId = QString::number(migrate.toInteger());
    else if (migrate.isString())
        r.migrateToChatId = migrate.toString();

    if (!r.migrateToChatId.isEmpty())
        r.kind = TelegramResult::Migrated;
    else if (r.errorCode == 429 || params.contains(QLatin1String("retry_after")))
        r.kind = TelegramResult::TooManyRequests;
    else
        r.kind = kindFromDescription(method, r.errorCode, r.description);
    r.ok = r.isSuccess();
    if (r.kind == TelegramResult::TooManyRequests && r.retryAfterSecs <= 0) {
        // no parameters.retry_after: the description may still say "retry after N"
        static const QRegularExpression re(QStringLiteral("retry after (\\d+)"));
        const auto m = re.match(r.description);
        r.retryAfterSecs = m.hasMatch() ? qMax(1, m.captured(1).toInt()) : 1;
    }
    return r;
}

QJsonValue telegramChatId(const QString &chat)
{
    bool isNumber = false;
    const qint64 id = chat.toLongLong(&isNumber);
    if (isNumber)
        return QJsonValue(id);
    return QJsonValue(chat);
}

struct TelegramClient::Pending
{
    QString method;
    Callback done;
    QTimer *deadline = nullptr;
    QByteArray body;        // what arrived so far, never more than kMaxBodyBytes + one read
    bool oversized = false; // cut off once over kMaxBodyBytes
    int timeoutSecs = 0;
};

TelegramClient::TelegramClient(const TelegramConfig &config, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam)
{
    if (m_config.timeoutSecs <= 0)
        m_config.timeoutSecs = 30;
}

TelegramClient::~TelegramClient()
{
    abortAll();
}

void TelegramClient::getMe(Callback done)
{
    post(QStringLiteral("getMe"), QJsonObject(), std::move(done));
}

void TelegramClient::sendMessage(const QString &chat, const QString &html, bool disableNotification,
                                 Callback done, TextFormat format, const QJsonObject &replyMarkup)
{
    QJsonObject body{{QStringLiteral("chat_id"), telegramChatId(chat)},
                     {QStringLiteral("text"), html},
                     {QStringLiteral("disable_notification"), disableNotification},
                     {QStringLiteral("link_preview_options"),
                      QJsonObject{{QStringLiteral("is_disabled"), true}}}};
    if (format == TextFormat::Html)
        body.insert(QStringLiteral("parse_mode"), QStringLiteral("HTML"));
    if (!replyMarkup.isEmpty())
        body.insert(QStringLiteral("reply_markup"), replyMarkup);
    post(QStringLiteral("sendMessage"), body, std::move(done));
}

void TelegramClient::editMessageText(const QString &chat, qint64 messageId, const QString &html,
                                     Callback done, TextFormat format,
                                     const QJsonObject &replyMarkup)
{
    QJsonObject body{{QStringLiteral("chat_id"), telegramChatId(chat)},
                     {QStringLiteral("message_id"), messageId},
                     {QStringLiteral("text"), html},
                     {QStringLiteral("link_preview_options"),
                      QJsonObject{{QStringLiteral("is_disabled"), true}}}};
    if (format == TextFormat::Html)
        body.insert(QStringLiteral("parse_mode"), QStringLiteral("HTML"));
    if (!replyMarkup.isEmpty())
        body.insert(QStringLiteral("reply_markup"), replyMarkup);
    post(QStringLiteral("editMessageText"), body, std::move(done));
}

void TelegramClient::getUpdates(qint64 offset, int timeoutSecs, const QStringList &allowedUpdates,
                                Callback done)
{
    QJsonObject body{
        {QStringLiteral("timeout"), timeoutSecs},
        {QStringLiteral("allowed_updates"), QJsonArray::fromStringList(allowedUpdates)}};
    if (offset > 0)
        body.insert(QStringLiteral("offset"), offset);
    post(QStringLiteral("getUpdates"), body, std::move(done), timeoutSecs + m_config.timeoutSecs);
}

void TelegramClient::answerCallbackQuery(const QString &id, const QString &text, Callback done)
{
    QJsonObject body{{QStringLiteral("callback_query_id"), id}};
    if (!text.isEmpty())
        body.insert(QStringLiteral("text"), text);
    post(QStringLiteral("answerCallbackQuery"), body, std::move(done));
}

void TelegramClient::setMyCommands(const QJsonArray &commands, const QString &languageCode,
                                   Callback done)
{
    QJsonObject body{{QStringLiteral("commands"), commands}};
    if (!languageCode.isEmpty())
        body.insert(QStringLiteral("language_code"), languageCode);
    post(QStringLiteral("setMyCommands"), body, std::move(done));
}

void TelegramClient::deleteMessage(const QString &chat, qint64 messageId, Callback done)
{
    QJsonObject body{{QStringLiteral("chat_id"), telegramChatId(chat)},
                     {QStringLiteral("message_id"), messageId}};
    post(QStringLiteral("deleteMessage"), body, std::move(done));
}

void TelegramClient::abortAll()
{
    const auto pending = m_pending;
    m_pending.clear();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
        delete it.value();
    }
}

void TelegramClient::post(const QString &method, const QJsonObject &body, Callback done,
                          int timeoutSecs)
{
    if (timeoutSecs <= 0)
        timeoutSecs = m_config.timeoutSecs;
    QString base = m_config.url.toString(QUrl::StripTrailingSlash);
    const QUrl url(base + QStringLiteral("/bot") + m_config.token + QLatin1Char('/') + method);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArrayLiteral("RigWatch/" RIGWATCH_VERSION));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setTransferTimeout(timeoutSecs * 1000);

    qCDebug(lcNotify).noquote() << "POST" << redactUrl(url);
    QNetworkReply *reply = m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // The answer is taken as it streams, never whole: a proxy (farms often reach Telegram
    // through one) may send a gigabyte, chunked or without any length. A small read buffer
    // makes Qt stop reading the socket until this side has taken the bytes. (Qt 6.4 reads a
    // chunked body in one loop for as long as the socket has bytes, so only a sender faster
    // than that loop, on the same host, gets more than the cap into memory before the abort.)
    reply->setReadBufferSize(kReadBufferBytes);
    auto *p = new Pending;
    p->method = method;
    p->done = std::move(done);
    // transferTimeout only measures inactivity; a server that drips a byte a second would beat
    // it. This timer is the hard bound on the whole exchange.
    p->deadline = new QTimer(reply);
    p->deadline->setSingleShot(true);
    p->deadline->setInterval(timeoutSecs * 1000);
    p->timeoutSecs = timeoutSecs;
    m_pending.insert(reply, p);
    connect(p->deadline, &QTimer::timeout, this, [this, reply] { finish(reply, true); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply, false); });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { take(reply); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64, qint64 total) {
        if (total > kMaxBodyBytes) // an announced Content-Length over the cap: no need to wait
            tooLarge(reply);
    });
    p->deadline->start();
}

void TelegramClient::take(QNetworkReply *reply)
{
    Pending *p = m_pending.value(reply);
    if (!p)
        return;
    p->body += reply->read(kMaxBodyBytes + 1 - p->body.size());
    if (p->body.size() > kMaxBodyBytes)
        tooLarge(reply);
}

void TelegramClient::tooLarge(QNetworkReply *reply)
{
    Pending *p = m_pending.value(reply);
    if (!p)
        return;
    p->oversized = true;
    p->body.clear();
    reply->disconnect(this);
    reply->abort(); // finished() is not connected any more: the result is built here
    finish(reply, false);
}

void TelegramClient::finish(QNetworkReply *reply, bool timedOut)
{
    Pending *p = m_pending.take(reply);
    if (!p)
        return;
    reply->disconnect(this);
    if (timedOut)
        reply->abort();
    else
        p->deadline->stop();
    if (!timedOut && !p->oversized) {
        p->body += reply->read(kMaxBodyBytes + 1 - p->body.size());
        p->oversized = p->body.size() > kMaxBodyBytes;
    }

    TelegramResult r;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    if (p->oversized) {
        // Not a Bot API answer (they are a few kilobytes); whatever sent it may have carried a
        // sendMessage out, by the same rule as for any answer that is not the Bot API's.
        r.kind = TelegramResult::Transient;
        r.httpStatus = status;
        r.errorCode = status;
        r.oversized = true;
        r.description = QStringLiteral("Telegram's answer exceeded 1 MiB");
        const bool reachedTelegram = (status >= 200 && status < 300) || status == 504;
        r.maybeDelivered = reachedTelegram && p->method == QLatin1String("sendMessage");
    } else if (timedOut) {
        r.kind = TelegramResult::Transient;
        r.description = QStringLiteral("no answer within %1 s").arg(p->timeoutSecs);
        const QString proxy = proxyLabel(m_nam->proxy());
        if (!proxy.isEmpty()) // a proxy that hangs must not look like Telegram being slow
            r.description += QStringLiteral(" through the proxy at %1").arg(proxy);
        r.maybeDelivered = true;
    } else if (status == 0) {
        r.kind = TelegramResult::Transient;
        r.description = redactText(reply->errorString(), {m_config.token});
        const QString viaProxy = proxyFailure(m_nam->proxy(), reply->error(), reply->errorString());
        if (!viaProxy.isEmpty())
            r.description = viaProxy; // never a silent stall, and not blamed on Telegram
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::SslHandshakeFailedError:
            break; // the request never reached Telegram
        default:
            r.maybeDelivered = true;
        }
        if (reply->errorString().contains(QLatin1String("Connection to proxy refused"),
                                          Qt::CaseInsensitive))
            r.maybeDelivered = false; // Qt's words for a refused proxy: it never got through
    } else {
        r = classifyTelegramReply(p->method, status, p->body, reply->rawHeader("Retry-After"));
    }
    r.description = redactText(r.description, {m_config.token});
    if (r.isSuccess())
        qCDebug(lcNotify).noquote() << p->method << "ok";
    else
        qCInfo(lcNotify).noquote() << p->method << "failed:" << TelegramResult::kindName(r.kind)
                                   << r.errorCode << r.description;
    reply->deleteLater();
    Callback done = std::move(p->done);
    delete p;
    if (done)
        done(r);
}

} // namespace rw
