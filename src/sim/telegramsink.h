#pragma once

#include "clock.h"
#include "httpserver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QVector>

#include <optional>

namespace rw::sim {

// A fake Telegram Bot API on loopback: /bot<token>/<method> for getMe, sendMessage,
// editMessageText, deleteMessage and deleteMessages, and for commands getUpdates (long polling,
// offsets), answerCallbackQuery and setMyCommands (telegramupdates.cpp); messages keep their
// reply_markup, with parameters as JSON, form or query
// string (GET or POST), the real envelope and error descriptions (docs/telegram.md), the chat's
// current messages for assertions, and injectable faults. The token is only compared, never
// stored in the call log.
//
// Control (manual or external use; not logged as calls, never affected by faults other than
// "refused", which stops the listener and so can only be undone through the API):
//   POST /sim/fault?mode=none|too-many-requests|delete-not-found|delete-too-old|bot-kicked|
//                        chat-migrated|hang|http500|http502|refused|text-too-long|bad-entities|
//                        carried-out-no-answer|carried-out-garbage|carried-out-slowly|
//                        oversized-answer
//                   [&calls=N] [&method=sendMessage] [&retry_after=SECS]
//        (conflict|updates-at-once|updates-again|no-set-my-commands: getUpdates and
//        setMyCommands faults)
//   POST /sim/update?chat=ID&text=/status[&from=USERID][&username=NAME][&type=private|group|
//                    supergroup|channel]        a message (or channel post) for getUpdates
//   POST /sim/press?chat=ID&message_id=N&data=ack&from=USERID[&username=NAME]
//                                                 an inline button press (callback_query)
//   GET  /sim/state                               fault, live messages per chat, call counts
class TelegramSink : public QObject
{
    Q_OBJECT
public:
    enum class Fault
    {
        None,
        TooManyRequests, // 429 + parameters.retry_after + Retry-After header
        DeleteNotFound,  // 400 message to delete not found (delete methods only)
        DeleteTooOld,    // 400 message can't be deleted for everyone (delete methods only)
        BotKicked,       // 403 Forbidden: bot was kicked from the channel chat
        ChatMigrated,    // 400 + parameters.migrate_to_chat_id
        Hang,
        Http500,
        Http502, // an nginx HTML page, as Telegram's front end sends
        Refused, // until clearFaults()
        // Refusals of the text itself, as a server with other limits than the real one would
        // answer (RigWatch never provokes them from api.telegram.org). Text methods only
        // (sendMessage, editMessageText); TextTooLong hits every text, BadEntities only a text
        // sent with a parse_mode (without one there are no entities to parse).
        TextTooLong, // 400 Bad Request: message is too long
        BadEntities, // 400 Bad Request: can't parse entities: Unsupported start tag ...
        // The call is carried out (a sendMessage posts) but its answer is lost or late: what a
        // client sees when the connection breaks after Telegram acted.
        CarriedOutNoAnswer, // then never answered, like Hang
        CarriedOutGarbage,  // then a 200 that is not a Bot API answer (an HTML page)
        CarriedOutSlowly,   // then the real answer, spread over setAnswerDelayMs()
        // An answer far beyond any Bot API answer, streamed without being held in memory: what a
        // broken or hostile API proxy may send (setOversizedAnswer()). Not carried out.
        OversizedAnswer,
        // getUpdates only: 409 Conflict, as when another program reads the bot's updates.
        Conflict,
        // getUpdates only: answered at once whatever its timeout (an API without long polling).
        UpdatesAtOnce,
        // getUpdates only: the offset is not taken, every update ever injected comes again.
        UpdatesAgain,
        // setMyCommands answers 404 "Not Found", as an API without it would.
        NoSetMyCommands,
    };
    Q_ENUM(Fault)

    // How an OversizedAnswer marks its end. (Chunked is not offered: this server sends as fast
    // as the loopback takes it, and Qt 6.4's HTTP thread reads a chunked body in one loop for as
    // long as the socket has bytes, so the client would only see it whole; tst_telegramclient
    // streams chunked answers at a network's pace from a server of its own.)
    enum class Framing
    {
        ContentLength, // announced up front
        Close,         // no length: the body ends when the connection closes
    };
    Q_ENUM(Framing)

    struct Message
    {
        qint64 id = 0;
        QJsonObject replyMarkup; // the inline keyboard it carries, if any
        QString text;            // as sent (raw, with markup)
        QString plainText;       // after entity parsing: what the channel shows
        QJsonArray entities;
        QString parseMode;
        qint64 date = 0;     // unix s, sink clock
        qint64 editDate = 0; // 0 = never edited
        bool silent = false; // sent with disable_notification
        int edits = 0;
    };

    struct Call
    {
        QString method;         // as the API names it, e.g. "sendMessage"
        QJsonObject params;     // merged query + body parameters (never the token)
        QString chat;           // chat_id as a string, empty if none
        int httpStatus = 0;     // 0 = not answered (hang)
        QString description;    // error description, empty on success
        qint64 clockMs = 0;     // sink clock
        qint64 monotonicMs = 0; // real time since the sink started (pacing is real time)
    };

    explicit TelegramSink(const Clock *clock, QObject *parent = nullptr);

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server->port(); }
    QUrl baseUrl() const { return m_server->baseUrl(); } // the product appends /bot<token>/...
    HttpServer *server() const { return m_server; }

    void setToken(const QString &token) { m_token = token; }
    // Empty (the default) = every chat exists; otherwise others get "chat not found".
    void setKnownChats(const QStringList &chats);
    void setBotName(const QString &username) { m_botUsername = username; }

    // Faults apply to the next `calls` matching calls (-1 = until clearFaults()); `method`
    // limits them to one method (empty = any; delete faults only ever hit delete methods).
    void injectFault(Fault fault, int calls = -1, const QString &method = QString());
    void clearFaults();
    Fault fault() const { return m_fault; }
    static std::optional<Fault> faultFromString(const QString &mode); // "bot-kicked", "429", ...
    static QString faultName(Fault fault);
    static QStringList faultNames();
    void setRetryAfterSecs(int secs) { m_retryAfter = secs; }
    void setAnswerDelayMs(int ms) { m_answerDelayMs = ms; } // for CarriedOutSlowly
    void setMigrateToChatId(qint64 id) { m_migrateTo = id; }
    // OversizedAnswer: an HTTP status and a JSON-looking body of `bytes` (default: 200, 1 GiB
    // with a Content-Length, also through the control surface).
    void setOversizedAnswer(qint64 bytes, Framing framing = Framing::ContentLength,
                            int status = 200)
    {
        m_oversizedBytes = bytes;
        m_oversizedFraming = framing;
        m_oversizedStatus = status;
    }
    qint64 oversizedBytesSent() const { return m_oversizedSent; } // of the last OversizedAnswer
    // Answer a sendMessage that comes < 1 s after the previous one to the same chat with 429
    // (off by default: pacing is only recorded).
    void setEnforcePacing(bool on) { m_enforcePacing = on; }
    void setStrictAmpersand(bool on) { m_strictAmpersand = on; }

    // State for assertions. Chat keys are chat_id as sent ("-100123", "@name").
    QVector<Message> messages(const QString &chat) const; // current (not deleted), by id
    std::optional<Message> message(const QString &chat, qint64 id) const;
    QStringList chats() const;
    // Put a message in a chat as if sent at `date` (reconciliation and 48 h tests).
    qint64 seedMessage(const QString &chat, const QString &text, qint64 date);
    QVector<Call> calls() const { return m_calls; }
    int callCount(const QString &method) const;
    int totalCalls() const { return int(m_calls.size()); }
    void clearLog() { m_calls.clear(); }
    // Real-time ms (monotonic, since the sink started) of every sendMessage to the chat.
    QVector<qint64> sendTimesMs(const QString &chat) const;
    qint64 minSendIntervalMs(const QString &chat) const; // -1 with fewer than two sends
    int pacingViolations() const; // sends to one chat < 1000 ms after the previous, all chats

    static QString chatKey(const QJsonValue &chatId); // "" when not an int64 or @name

    // Inbound updates (telegramupdates.cpp), handed out by getUpdates as Telegram does: those
    // with update_id >= offset, held up to `timeout` seconds when there are none; a call with
    // offset confirms (drops) every update below it. Each returns the update_id.
    // A command typed in chat by a user; chatType "" = what the chat id says (-100...: channel,
    // then a channel_post without a sender; other negative: group; positive: private).
    qint64 injectMessage(const QString &chat, const QString &text, qint64 fromId = 0,
                         const QString &username = {}, const QString &chatType = {});
    // A press of an inline button of message messageId.
    qint64 injectCallback(const QString &chat, qint64 messageId, const QString &data, qint64 fromId,
                          const QString &username = {});
    struct CallbackAnswer
    {
        QString id;
        QString text;
    };
    QVector<CallbackAnswer> callbackAnswers() const { return m_callbackAnswers; }
    QJsonArray myCommands(const QString &languageCode = {}) const
    {
        return m_myCommands.value(languageCode);
    }
    int pendingUpdates() const { return int(m_updates.size()); }
    qint64 lastOffset() const { return m_lastOffset; } // of the last getUpdates, -1 = none

Q_SIGNALS:
    void called(const QString &method); // after every answered call

private:
    struct Chat
    {
        qint64 nextId = 1;
        QVector<Message> messages;
    };
    struct Outcome
    {
        int status = 200;
        QJsonValue result;
        QString description;
        QJsonObject parameters;
    };

    void handle(const HttpRequest &request, HttpResponder &responder);
    void handleControl(const HttpRequest &request, HttpResponder &responder);
    bool parseParams(const HttpRequest &request, QJsonObject &params, QString &error) const;
    bool applyFault(const QString &method, Call &call, HttpResponder &responder);
    Outcome dispatch(const QString &method, const QJsonObject &params, const QString &chat);
    Outcome sendMessage(const QJsonObject &params, const QString &chat);
    Outcome editMessageText(const QJsonObject &params, const QString &chat);
    Outcome deleteMessage(const QJsonObject &params, const QString &chat);
    Outcome deleteMessages(const QJsonObject &params, const QString &chat);
    Outcome getMe() const;
    // telegramupdates.cpp
    bool getUpdates(const QJsonObject &params, Call &call, HttpResponder &responder);
    Outcome answerCallbackQuery(const QJsonObject &params);
    Outcome setMyCommands(const QJsonObject &params);
    qint64 addUpdate(QJsonObject update);
    void answerWaiting();
    QJsonArray deliverable(qint64 offset) const;
    void handleUpdateControl(const HttpRequest &request, HttpResponder &responder);
    bool checkText(const QJsonObject &params, Message &m, Outcome &error) const;
    QJsonObject messageJson(const QString &chat, const Message &m) const;
    QJsonObject chatJson(const QString &chat) const;
    void answer(HttpResponder &responder, const Outcome &outcome, Call &call, int delayMs = 0);
    static Outcome error(int status, const QString &description);
    void streamOversized(HttpResponder &responder, Call &call);

    const Clock *m_clock;
    HttpServer *m_server;
    QElapsedTimer m_monotonic;
    QString m_token = QStringLiteral("demo-token");
    QString m_botUsername = QStringLiteral("rigwatch_sim_bot");
    QSet<QString> m_knownChats;
    QHash<QString, Chat> m_chats;
    QVector<Call> m_calls;
    QHash<QString, qint64> m_lastSendMs; // per chat, monotonic
    Fault m_fault = Fault::None;
    int m_faultCalls = -1;
    QString m_faultMethod;
    int m_retryAfter = 3;
    int m_answerDelayMs = 2000;
    Fault m_afterDispatch = Fault::None; // a CarriedOut* fault taken for the current call
    qint64 m_migrateTo = -1001999999999;
    qint64 m_oversizedBytes = qint64(1) << 30;
    Framing m_oversizedFraming = Framing::ContentLength;
    int m_oversizedStatus = 200;
    qint64 m_oversizedSent = 0;
    bool m_enforcePacing = false;
    bool m_strictAmpersand = true;
    // Inbound updates
    QVector<QJsonObject> m_updates;    // not confirmed yet (all of them under UpdatesAgain)
    QVector<QJsonObject> m_allUpdates; // every update injected
    qint64 m_nextUpdateId = 100'000'001;
    qint64 m_lastOffset = -1;
    struct Waiting
    {
        HttpDeferred reply;
        qint64 offset = 0;
        Call call;
        QTimer *timer = nullptr;
    };
    QVector<Waiting *> m_waiting;
    QVector<CallbackAnswer> m_callbackAnswers;
    QHash<QString, QJsonArray> m_myCommands;
    qint64 m_nextCallbackId = 5'000'001;
};

} // namespace rw::sim
