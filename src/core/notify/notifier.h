#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"
#include "notify/announcement.h"
#include "notify/deliverypacer.h"
#include "notify/deliveryplanner.h"
#include "notify/localschedule.h"
#include "notify/messageformatter.h"
#include "notify/router.h"
#include "notify/telegramclient.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <optional>

class QNetworkAccessManager;

namespace rw {

class Clock;

// Keeps the Telegram chat in step with each account's incident: while an account has an
// incident exactly one live message stands for it. DeliveryPlanner decides the next call (its
// header has the table: growth posts anew, which notifies, then retracts the old message;
// shrinking edits silently; the end retracts). This class makes that call through
// TelegramClient, records the message before relying on it, and writes Telegram's answer back
// into what the planner reads.
//
// Everything it needs is in the Store (LiveMessage rows), so the daemon loop, a restart and
// --once runs give the same chat. A row is saved as Sending before sendMessage and gets its
// message id after; a Sending row found at start-up cannot be followed (the Bot API cannot
// list a chat's messages), so it is marked Failed with that explanation and the incident gets a
// fresh message: at worst one untracked duplicate, never a missing alert.
//
// Delivery is asynchronous and coalesced: only the latest incident per account is kept, so
// after an hour without Telegram the current state is sent, not a backlog. One call at a time,
// paced by DeliveryPacer. While paused nothing is posted (edits that shrink and retractions still
// go out, they do not notify); growth waits and is posted when the pause ends.
//
// Telegram refusing a text itself ("message is too long", "can't parse entities") never happens
// with api.telegram.org (texts are capped and escaped); should another server answer so, the
// account's alert is sent again at once as shorter plain text without a parse mode, for the
// rest of that incident. Each refusal is reported once (deliveryFailed), never retried in a loop:
// a plain text refused too waits for the next picture.
//
// Messages are refreshed (edited with current durations) at most every refreshSecs while the
// set stands unchanged, and only when a new picture arrives, so loop and --once behave alike.
class TelegramNotifier : public QObject
{
    Q_OBJECT
public:
    // The longest wait a 429 is honoured for. The Bot API's real retry_after is seconds to
    // minutes; a bigger one comes from something broken or hostile between RigWatch and Telegram
    // (an API proxy) and, honoured, would silence every alert for up to a day. A longer wait is
    // reported as a warning and cut to this bound, then the call is tried again: a Telegram that
    // meant it answers 429 once more, which simply defers again (docs/fault-matrix.md).
    static constexpr int kMaxRetryAfterSecs = 3600;

    struct Timing
    {
        DeliveryPacer::Limits pacing;
        qint64 refreshSecs = 1800; // 0 = never refresh durations of an unchanged incident
        int maxRetryAfterSecs = kMaxRetryAfterSecs;
    };

    // client is not owned; it must outlive the notifier.
    TelegramNotifier(const TelegramConfig &config, TelegramClient *client, Store *store,
                     const Clock *clock, QObject *parent = nullptr);
    // Creates its own TelegramClient on nam.
    TelegramNotifier(const TelegramConfig &config, QNetworkAccessManager *nam, Store *store,
                     const Clock *clock, QObject *parent = nullptr);
    ~TelegramNotifier() override;

    void setTiming(const Timing &timing);

    // Start-up: takes over what the store says stands in the chat. views = every configured
    // account with the incident restored from the store (Engine::views() after restore()).
    // A live message whose account's incident is over is retracted; one whose incident still
    // stands is adopted, and the next update() decides whether it grew or shrank. Messages of
    // accounts not in views (removed from the configuration) are retracted.
    void reconcile(const QVector<AccountView> &views);
    // The latest picture of one account (after every poll), split by the router into one
    // picture per chat (notify/router.h). Never blocks.
    void update(const AccountView &view);
    // One chat's picture directly: key is the slot (AlertRouter::routeKey), chat empty = the
    // [telegram] chat. Never blocks.
    void update(const QString &key, const QString &displayName, const Incident &incident,
                const QString &chat = {});
    // Groups and their chats ([group.NAME]); without one every account has one message, in
    // the [telegram] chat. Call before reconcile().
    void setRouter(const AlertRouter &router) { m_router = router; }
    const AlertRouter &router() const { return m_router; }

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // True when nothing is in flight and nothing deliverable is waiting. Work held back by a
    // pause or by a refusal that needs a person (bad token, bot kicked, text rejected) does not
    // count. becameIdle() fires on each busy -> idle transition; check idle() first.
    bool idle() const;
    // Winding down (end of a --once run, SIGTERM): from now on no call starts that could not
    // finish, by its own timeout, within ms; the call in flight runs to its end. idle() turns
    // true (and becameIdle() fires) once nothing is in flight and nothing may start any more.
    // What was not sent stays for the next run.
    void finishWithin(qint64 ms);
    // After finishWithin(): idle, yet something deliverable is left for the next run.
    bool leftForNextRun() const;
    // Aborts the call in flight and stops; the store keeps a consistent state for the next run.
    // A post cut off here may have reached the chat: its row stays Sending, the log says so now
    // and the next start records it as failed with that explanation (its id is unknowable).
    void shutdown();

    // Commands (notifiercommands.cpp).
    // A reply to a command: HTML, sent after the alerts' own calls and paced with them (one
    // pacer for every chat, so a reply never pushes an alert over Telegram's limits). silent:
    // without a notification (the daily digest). done, when given, learns whether it was sent
    // (false also when the notifier stops first).
    void reply(const QString &chat, const QString &html, bool silent = false,
               std::function<void(bool sent)> done = {});
    int repliesWaiting() const { return int(m_replies.size()); }
    // The inline keyboard every live incident message carries from now on (empty = none).
    void setKeyboard(const QJsonObject &markup) { m_keyboard = markup; }
    // An Acknowledge press on message messageId in chat: the message gains "acknowledged by
    // NAME at HH:MM" (an edit, now), kept for these rigs when a growth posts anew. False when
    // the message stands for no incident (*account is then left empty).
    bool acknowledge(const QString &chat, qint64 messageId, const QString &by, QString *account);
    // The account whose live message messageId is, or "".
    QString accountOfMessage(const QString &chat, qint64 messageId) const;
    // The latest picture of every account (for /status), by account key: whole, not per chat.
    QVector<QPair<QString, Incident>> pictures() const;

    QString chat() const { return m_chat; } // the configured chat, or its migration target
    QVector<LiveMessage> standing() const;  // Live rows known now, all accounts
    // Until when (clock ms) a 429 holds every call to chat() back, at most maxRetryAfterSecs
    // ahead; 0 when nothing does. Ends when that time has passed (blockedUntilChanged(0)).
    qint64 blockedUntilMs() const { return m_blockedUntilMs; }

signals:
    void messagesChanged();
    void deliveryFailed(const QString &reason);
    void chatMigrated(const QString &from, const QString &to);
    void becameIdle();
    void blockedUntilChanged(qint64 untilMs); // see blockedUntilMs()

private:
    using Op = DeliveryPlanner::Op;
    using Action = DeliveryPlanner::Action;
    enum class Failure
    {
        Retry,
        Halt,
        Other
    };
    enum class Refusal
    {
        NotText,    // not a refusal of the text itself
        RetryPlain, // switched to plain text now: send again
        GiveUp,     // refused as plain text too: wait for a new text
    };
    // An account: what the planner decides from, and what only the calls need.
    struct Slot
    {
        DeliveryPlanner::Account alert;
        QString name;                       // the account as the texts show it
        qint64 endedAt = 0;                 // when the incident was seen over: "resolved at"
        std::optional<LiveMessage> sending; // the row of a post not yet confirmed
        QString reportedRefusal; // the text refusal last reported, so each is reported once
        QByteArray reportedHold; // the post last reported as held back by a 429, and until when
    };

    void init();
    Slot &slot(const QString &key);
    DeliveryPlanner::Moment moment() const;
    Action pickAction() const;
    void formatPlain(Slot &s); // the plain-text alert, kept while Telegram refuses the HTML
    void kick();
    void pump();
    void execute(const Action &a);
    void post(Slot &s, const Action &a);
    void onPosted(const QString &key, const TelegramResult &r);
    void onEdited(const QString &key, qint64 rowId, Op op, const QString &html, const QString &sent,
                  const QByteArray &announces, const TelegramResult &r);
    void onDeleted(const QString &key, qint64 rowId, const TelegramResult &r);
    Failure handleCommonFailure(const TelegramResult &r);
    Refusal textRefusal(Slot &s, const TelegramResult &r);
    static bool isTextRefusal(const TelegramResult &r);
    void abandonSending(Slot &s, const QString &why);
    void closeRow(Slot &s, qint64 rowId, LiveMessage::State state, const QString &detail,
                  const QString &text = {});
    bool save(LiveMessage &m);
    bool fitsBeforeDeadline(qint64 waitMs) const;
    void finishedCall();
    qint64 now() const;
    qint64 nowMs() const;
    // notifierchat.cpp: the chat as a whole.
    void restoreChatState();
    void saveChatState(const QString &chat, qint64 notBeforeMs, const QString &migratedTo = {});
    void tooManyRequests(const TelegramResult &r);
    void setBlockedUntil(qint64 untilMs, qint64 waitMs);
    void clearBlocked();
    void reportDeferredPosts();
    void switchChat(const QString &to, const QString &key = {});
    QString chatAfterMigration(const QString &chat) const; // a group chat's supergroup
    // notifiercommands.cpp
    void loadAcks();
    QString alertHtml(const Slot &s) const; // the incident text and its acknowledgement
    void dropAck(const QString &account);
    bool sendReply();
    void onReplied(const TelegramResult &r);

    TelegramConfig m_config;
    QString m_chat;
    TelegramClient *m_client;
    Store *m_store;
    const Clock *m_clock;
    MessageFormatter m_formatter;
    DeliveryPlanner m_planner;
    DeliveryPacer m_pacer;
    Timing m_timing;
    std::map<QString, Slot> m_slots; // ordered: deterministic delivery order
    QString m_postingKey;            // account whose sendMessage is in flight
    qint64 m_nextLocalId = 0;        // row ids when running without a store
    QTimer m_timer;
    QTimer m_blockTimer; // ends the 429 wait shown by blockedUntilMs()
    qint64 m_blockedUntilMs = 0;
    bool m_inFlight = false;
    bool m_kicked = false;
    bool m_paused = false;
    bool m_wasIdle = true;
    bool m_stopped = false;
    bool m_finishing = false;    // finishWithin() was called
    QElapsedTimer m_finishClock; // started by finishWithin()
    qint64 m_finishWithinMs = 0;
    bool m_toldLeftOver = false; // "left for the next run" logged once
    struct Reply
    {
        QString chat;
        QString html;
        int attempts = 0;
        bool silent = false;
        std::function<void(bool)> done;
    };
    std::deque<Reply> m_replies;
    QJsonObject m_keyboard;
    std::map<QString, AckRecord> m_acks; // by slot (account, or account and chat)
    AlertRouter m_router;
    LocalSchedule m_schedule;                            // quiet hours
    std::map<QString, Incident> m_wholePictures;         // by account: for /status
    mutable QHash<QString, QString> m_groupChatMigrated; // a group chat -> its supergroup
};

} // namespace rw
