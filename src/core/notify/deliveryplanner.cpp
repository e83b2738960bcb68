#include "notify/deliveryplanner.h"

#include <algorithm>

namespace rw {

namespace {
// What a post or an edit makes the message announce. The outage goes on through growth and
// shrinking: the earliest start is kept, so "resolved" says how long it really lasted.
Announcement announcementFor(const DeliveryPlanner::Account &a, qint64 now)
{
    Announcement ann = Announcement::of(a.picture);
    const qint64 shown =
        a.shown.isEmpty() ? 0 : Announcement::fromKey(a.shown.last().announcementKey).since;
    if (shown > 0 && (ann.since <= 0 || shown < ann.since))
        ann.since = shown;
    if (ann.since <= 0) {
        for (const Incident::Down &d : a.picture.down)
            if (d.since > 0 && (ann.since <= 0 || d.since < ann.since))
                ann.since = d.since;
    }
    if (ann.since <= 0)
        ann.since = a.picture.at > 0 ? a.picture.at : now;
    return ann;
}

DeliveryPlanner::Action call(DeliveryPlanner::Op op, const QString &key, int row,
                             const QString &chat)
{
    DeliveryPlanner::Action action;
    action.op = op;
    action.key = key;
    action.row = row;
    action.chat = chat;
    return action;
}
} // namespace

const char *DeliveryPlanner::opName(Op op)
{
    static const char *names[] = {
        "none", "post", "edit", "delete", "edit to resolved", "edit to replaced"};
    return names[int(op)];
}

QVector<LiveMessage> DeliveryPlanner::adopt(const QVector<LiveMessage> &stored, Account *account)
{
    QVector<LiveMessage> unfollowable;
    for (const LiveMessage &m : stored) {
        if (m.state == LiveMessage::Live && m.messageId > 0)
            account->shown.append(m);
        else
            unfollowable.append(m);
    }
    return unfollowable;
}

DeliveryPlanner::Action DeliveryPlanner::next(const QVector<const Account *> &accounts,
                                              const Moment &moment) const
{
    for (Pass pass : {Pass::PostsAndEdits, Pass::Retractions})
        for (const Account *a : accounts) {
            const Action action = next(*a, moment, pass);
            if (action.op != Op::None)
                return action;
        }
    return {};
}

DeliveryPlanner::Action DeliveryPlanner::next(const Account &a, const Moment &moment,
                                              Pass pass) const
{
    if (moment.callInFlight)
        return {};
    const int last = int(a.shown.size()) - 1;
    const bool over = a.hasPicture && a.picture.isEmpty();
    if (pass == Pass::Retractions) {
        if (over && last >= 0)
            return retraction(a, 0, Op::EditToResolved);
        if (!over && last > 0) // every message but the newest was replaced by a newer one
            return retraction(a, 0, Op::EditToReplaced);
        return {};
    }
    if (over || !a.hasPicture || a.html == a.refusedHtml)
        return {};
    const Announcement want = Announcement::of(a.picture);
    const Announcement shown =
        last < 0 ? Announcement() : Announcement::fromKey(a.shown.at(last).announcementKey);
    // A message posted silently in quiet hours is posted anew once they are over.
    if (last < 0 || want.hasSomethingNotIn(shown) || (shown.quiet && !moment.quiet)) {
        if (moment.paused)
            return {};
        Action post = call(Op::Post, a.key, -1, a.chat.isEmpty() ? moment.chat : a.chat);
        post.silent = (a.vanished && !want.hasSomethingNotIn(*a.vanished)) ||
                      (moment.quiet && !a.picture.critical);
        return withText(a, moment, post);
    }
    const LiveMessage &standing = a.shown.at(last);
    const Action edit = call(Op::Edit, a.key, last, standing.chat);
    if (!want.sameAs(Announcement::fromKey(standing.announcementKey)))
        return withText(a, moment, edit);
    if (a.editDue && (a.plain ? a.plainText : a.html) != standing.text)
        return withText(a, moment, edit);
    const qint64 touched = std::max(standing.sentAt, standing.editedAt);
    if (m_rules.refreshSecs > 0 && a.pictureAt - touched >= m_rules.refreshSecs &&
        (a.plain ? a.plainText : a.html) != standing.text)
        return withText(a, moment, edit);
    return {};
}

DeliveryPlanner::Action DeliveryPlanner::withText(const Account &a, const Moment &moment,
                                                  Action action) const
{
    action.format = a.plain ? TextFormat::Plain : TextFormat::Html;
    action.text = a.plain ? a.plainText : a.html;
    Announcement ann = announcementFor(a, moment.now);
    // An edit keeps what the post was; a post is quiet when quiet hours alone made it silent.
    ann.quiet =
        action.op == Op::Post
            ? moment.quiet && !a.picture.critical
            : !a.shown.isEmpty() && Announcement::fromKey(a.shown.last().announcementKey).quiet;
    action.announces = ann.toKey();
    return action;
}

DeliveryPlanner::Action DeliveryPlanner::retraction(const Account &a, int row, Op asEdit) const
{
    const LiveMessage &m = a.shown.at(row);
    const bool edit = m_rules.retract == RetractMode::Edit || a.deleteRefused.contains(m.id);
    Action action = call(edit ? asEdit : Op::Delete, a.key, row, m.chat);
    action.format = a.plain ? TextFormat::Plain : TextFormat::Html;
    action.announces = m.announcementKey;
    return action;
}

} // namespace rw
