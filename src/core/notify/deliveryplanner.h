#pragma once

#include "config/accountconfig.h"
#include "monitor/workerstatus.h"
#include "notify/announcement.h"
#include "notify/textformat.h"
#include "store/store.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace rw {

// Decides the next Bot API call for the alerts in one chat, from what each account's alert
// should say (its latest Incident) and what the chat shows of it (its Live rows). Pure: no I/O,
// no timers, time passed in; TelegramNotifier makes the call, paces it and writes the answer back
// into the Account. Growth posts anew because only a new message notifies; an edit is silent.
//
//   should show             the chat shows                    next call
//   ----------------------  --------------------------------  ---------------------------------
//   an incident             nothing                           post (notifies)
//   an incident             a message lacking part of it      post (notifies): growth
//   an incident             a message showing more or other   edit (silent): shrink or change
//   an incident             the same                          nothing; edit once refreshSecs
//                                                             passed and the text differs
//   no picture yet          one message                       nothing: adopted at start-up
//   anything but all well   older messages besides the last   retract the oldest as replaced
//   all well                messages                          retract the oldest as resolved
//   all well                nothing                           nothing
//
// - Posts and edits of every account go before any retraction: a new alert matters more.
// - Retract = delete; an edit ("resolved", "replaced") with retract = edit, or once Telegram
//   refused to delete that message (older than 48 h, no rights: Telegram knows its age).
// - Paused: no post, new or grown (growth waits unedited); edits and retractions go on.
// - Nothing while a call is in flight, nor for a text Telegram refused until the text changes.
// - A post replacing a message someone deleted is silent unless it shows something new.
// - After Telegram refused the HTML every text of the incident goes as plain text.
// - Posts go to Account::chat (a group's own chat), else Moment::chat (the configured chat or
//   the supergroup it became); edits and deletes to the chat the message is in.
// - Quiet hours (Moment::quiet): posts, re-posts on growth included, go silently unless the
//   picture is critical (Incident::critical); such a message is marked quiet, and the first
//   moment outside the window it is posted anew, notifying, if the incident still stands.
class DeliveryPlanner
{
public:
    enum class Op
    {
        None,
        Post,
        Edit,
        Delete,
        EditToResolved,
        EditToReplaced,
    };
    enum class Pass
    {
        PostsAndEdits,
        Retractions,
    };

    struct Rules
    {
        RetractMode retract = RetractMode::Delete;
        qint64 refreshSecs = 1800; // 0 = never refresh durations of an unchanged incident
    };

    // One account's alert: what it should say and what the chat shows of it.
    struct Account
    {
        QString key;
        bool hasPicture = false;       // a picture arrived: update(), or an ended one at reconcile
        Incident picture;              // the latest; isEmpty() = all well again
        qint64 pictureAt = 0;          // when it arrived (clock s): refreshes count from here
        QString html;                  // the alert for picture; a refused text is known by it
        bool plain = false;            // Telegram refused this incident's HTML: plainText goes out
        QString plainText;             // the alert without markup, kept while plain
        QString refusedHtml;           // refused by Telegram: not sent again until html changes
        QVector<LiveMessage> shown;    // Live rows, oldest first; the last one stands
        QVector<qint64> deleteRefused; // ids of shown rows Telegram would not delete
        std::optional<Announcement> vanished; // what a message deleted by someone showed
        bool editDue = false; // the text changed for another reason (an acknowledgement): edit
        QString chat;         // where its posts go (a group's chat); empty = Moment::chat
    };

    // The notifier when it asks.
    struct Moment
    {
        qint64 now = 0; // clock s
        QString chat;   // where posts go: the configured chat, or the supergroup it became
        bool paused = false;
        bool callInFlight = false;
        bool quiet = false; // inside quiet hours: posts are silent unless the picture is critical
    };

    struct Action
    {
        Op op = Op::None;
        QString key;         // the account
        int row = -1;        // edits and deletes: the index in Account::shown
        QString chat;        // where the call goes
        bool silent = false; // a post that must not notify
        TextFormat format = TextFormat::Html;
        QString text; // post and edit: what goes out (the notifier writes the others)
        // Announcement::toKey(): what the message shows after a post or an edit; for a
        // retraction what it showed, whose start the "resolved" text needs.
        QByteArray announces;
    };

    void setRules(const Rules &rules) { m_rules = rules; }
    const Rules &rules() const { return m_rules; }

    // The next call to make, accounts taken in the given order.
    Action next(const QVector<const Account *> &accounts, const Moment &moment) const;
    Action next(const Account &account, const Moment &moment, Pass pass) const;

    // Start-up: moves the rows an earlier run stored into account.shown and returns those that
    // cannot be followed: a row still Sending may be in the chat, but without its id nobody can
    // edit or delete it (the Bot API cannot list a chat). The incident then gets a fresh message:
    // at worst an untracked duplicate, never a missing alert.
    static QVector<LiveMessage> adopt(const QVector<LiveMessage> &stored, Account *account);

    static const char *opName(Op op); // for the log

private:
    Action retraction(const Account &a, int row, Op asEdit) const;
    Action withText(const Account &a, const Moment &moment, Action action) const;

    Rules m_rules;
};

} // namespace rw
