#pragma once

#include "config/accountconfig.h"
#include "notify/textformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace rw {

// The outcome of one Bot API call, already sorted into what the caller has to do about it.
// Kinds come from description substrings first, because Telegram's error codes are not a
// stable API (docs/telegram.md).
struct TelegramResult
{
    Q_DECLARE_TR_FUNCTIONS(TelegramResult)
public:
    enum Kind
    {
        Ok,
        NotModified, // "message is not modified": the edit was a no-op, counts as success
        NotFound,    // message to edit/delete not found
        CantDelete,  // older than 48 h, "for everyone", or no administrator rights
        CantEdit,
        Unauthorized, // bad bot token
        Forbidden,    // bot kicked, not a member, no right to post
        ChatNotFound,
        TooManyRequests, // 429: wait retryAfterSecs
        TooLong,
        BadHtml,   // "can't parse entities"
        Migrated,  // the group became a supergroup: use migrateToChatId
        Transient, // 5xx, network error, timeout, garbage answer: retry later
        OtherClientError,
    };
    Kind kind = Transient;
    bool ok = false;         // kind is Ok or NotModified
    QJsonValue result;       // "result" of a successful call
    int httpStatus = 0;      // 0 when no HTTP answer came
    int errorCode = 0;       // "error_code", or the HTTP status
    QString description;     // Telegram's description or the network error; never the token
    int retryAfterSecs = 0;  // parameters.retry_after or the Retry-After header
    QString migrateToChatId; // parameters.migrate_to_chat_id
    // No Bot API answer was read, yet the request may have reached Telegram (timeout, connection
    // cut after sending, or for sendMessage an HTTP answer that is not a Bot API answer): a
    // sendMessage may have posted. False for refused connections and readable Bot API answers.
    bool maybeDelivered = false;
    // The answer passed the client's 1 MiB cap and was cut off unread (kind Transient).
    bool oversized = false;

    bool isSuccess() const { return kind == Ok || kind == NotModified; }
    qint64 messageId() const; // result.message_id of a sendMessage / editMessageText, or 0
    // One sentence for a person: what went wrong and what to check. Never contains the token.
    QString explanation() const;
    static QString kindName(Kind k);
};

// Classifies a Bot API answer. Pure function so tests cover every description variant.
// method is the Bot API method name (it decides what "need administrator rights" means).
// nowSecs (unix s, 0 = the system clock) turns a Retry-After HTTP-date into seconds.
TelegramResult classifyTelegramReply(const QString &method, int httpStatus, const QByteArray &body,
                                     const QByteArray &retryAfterHeader, qint64 nowSecs = 0);

// Speaks the Telegram Bot API over a network manager it is given: builds
// {url}/bot{token}/{method} JSON POSTs, enforces a hard deadline per request and a 1 MiB cap on
// each answer (counted while it streams), and hands each caller exactly one TelegramResult. It
// keeps no delivery policy (pacing, retries): that is the notifier's job. The token sits in the URL
// path, so URLs are redacted before any log line.
class TelegramClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const TelegramResult &)>;

    TelegramClient(const TelegramConfig &config, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);
    ~TelegramClient() override;

    void getMe(Callback done);
    // format Plain sends the text without a parse_mode: Telegram shows it as it is.
    // replyMarkup: an inline keyboard ({"inline_keyboard": [[...]]}); empty = none. An edit
    // without one removes the keyboard the message had.
    void sendMessage(const QString &chat, const QString &html, bool disableNotification,
                     Callback done, TextFormat format = TextFormat::Html,
                     const QJsonObject &replyMarkup = {});
    void editMessageText(const QString &chat, qint64 messageId, const QString &html, Callback done,
                         TextFormat format = TextFormat::Html, const QJsonObject &replyMarkup = {});
    // Long polling: Telegram holds the request up to timeoutSecs; the HTTP deadline is that
    // plus the configured timeout, so a held request is never cut off as a failure.
    void getUpdates(qint64 offset, int timeoutSecs, const QStringList &allowedUpdates,
                    Callback done);
    void answerCallbackQuery(const QString &id, const QString &text, Callback done);
    // commands: [{command, description}]; languageCode "" for the default list.
    void setMyCommands(const QJsonArray &commands, const QString &languageCode, Callback done);
    void deleteMessage(const QString &chat, qint64 messageId, Callback done);

    // Aborts every request in flight without calling its callback (shutdown, deadline).
    void abortAll();
    int inFlight() const { return int(m_pending.size()); }
    int timeoutSecs() const { return m_config.timeoutSecs; }

private:
    struct Pending;
    void post(const QString &method, const QJsonObject &body, Callback done, int timeoutSecs = 0);
    void take(QNetworkReply *reply);     // the bytes that arrived, counted against the cap
    void tooLarge(QNetworkReply *reply); // over the cap: abort and answer now
    void finish(QNetworkReply *reply, bool timedOut);

    TelegramConfig m_config;
    QNetworkAccessManager *m_nam;
    QHash<QNetworkReply *, Pending *> m_pending;
};

// Bot API chat_id: an integer for numeric ids (channels are "-100..."), a string otherwise.
QJsonValue telegramChatId(const QString &chat);

} // namespace rw
