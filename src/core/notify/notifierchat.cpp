// TelegramNotifier, third part: the chat as a whole. A 429's wait and a group's migration hold
// for every account and outlive the process, so they are kept in the Store per chat.
#include "notify/notifier.h"

#include <QDateTime>

#include <algorithm>

namespace rw {

namespace {
QString utcIso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

void TelegramNotifier::restoreChatState()
{
    if (!m_store)
        return;
    // What earlier runs learnt about the chat: it became a supergroup; Telegram asked to
    // wait until a moment that may not have come yet.
    const TelegramChatState configured = m_store->chatState(m_config.chat);
    if (!configured.migratedTo.isEmpty() && configured.migratedTo != m_chat) {
        qCWarning(lcNotify).noquote()
            << "the group" << m_chat << "became the supergroup" << configured.migratedTo
            << "(remembered from an earlier run); posting there - set chat ="
            << configured.migratedTo << "in the configuration";
        m_chat = configured.migratedTo;
    }
    TelegramChatState state = m_store->chatState(m_chat);
    qint64 waitMs = state.notBeforeMs - nowMs();
    const qint64 maxMs = qint64(m_timing.maxRetryAfterSecs) * 1000;
    if (waitMs > maxMs) {
        // Stored by an older RigWatch, which honoured up to a day, or with the clock set
        // back since. Cut in the database too: every --once run would otherwise wait another
        // hour from its own start.
        qCWarning(lcNotify).noquote()
            << "Telegram asked an earlier run not to call chat" << m_chat << "before"
            << utcIso(state.notBeforeMs) << "- more than" << m_timing.maxRetryAfterSecs
            << "s away; waiting only until" << utcIso(nowMs() + maxMs);
        waitMs = maxMs;
        state.notBeforeMs = nowMs() + maxMs;
        if (!m_store->saveChatState(m_chat, state))
            qCWarning(lcNotify).noquote() << m_store->lastError();
    }
    if (waitMs > 0) {
        qCInfo(lcNotify) << "Telegram asked an earlier run to wait; next call in"
                         << (waitMs + 999) / 1000 << "s";
        m_pacer.notBefore(waitMs);
        setBlockedUntil(nowMs() + waitMs, waitMs);
    }
}

void TelegramNotifier::saveChatState(const QString &chat, qint64 notBeforeMs,
                                     const QString &migratedTo)
{
    if (!m_store)
        return;
    TelegramChatState st = m_store->chatState(chat);
    if (notBeforeMs > 0)
        st.notBeforeMs = std::max(st.notBeforeMs, notBeforeMs);
    if (!migratedTo.isEmpty())
        st.migratedTo = migratedTo;
    if (!m_store->saveChatState(chat, st))
        qCWarning(lcNotify).noquote() << m_store->lastError();
}

void TelegramNotifier::reportDeferredPosts()
{
    // Never a silent hold-back of a new alert: each post waiting for a 429 to run out is logged
    // once per picture and wait, naming the chat and the time.
    for (auto &entry : m_slots) {
        Slot &s = entry.second;
        if (m_planner.next(s.alert, moment(), DeliveryPlanner::Pass::PostsAndEdits).op != Op::Post)
            continue;
        Announcement picture = Announcement::of(s.alert.picture);
        picture.since = 0; // what is down, not since when: that moves with every poll
        const QByteArray noted = picture.toKey() + '@' + QByteArray::number(m_blockedUntilMs);
        if (noted == s.reportedHold)
            continue;
        s.reportedHold = noted;
        qCWarning(lcNotify).noquote().nospace()
            << s.alert.key << ": alert held back: Telegram asked not to call chat " << m_chat
            << " before " << utcIso(m_blockedUntilMs) << "; it is posted then";
    }
}

void TelegramNotifier::setBlockedUntil(qint64 untilMs, qint64 waitMs)
{
    // waitMs is real time, like the pacer's wait; untilMs is on the clock, for people.
    m_blockTimer.start(int(std::clamp<qint64>(waitMs, 0, 24 * 3600 * 1000)));
    if (untilMs == m_blockedUntilMs)
        return;
    m_blockedUntilMs = untilMs;
    emit blockedUntilChanged(untilMs);
}

void TelegramNotifier::clearBlocked()
{
    m_blockTimer.stop();
    if (m_blockedUntilMs == 0)
        return;
    m_blockedUntilMs = 0;
    emit blockedUntilChanged(0);
}

void TelegramNotifier::tooManyRequests(const TelegramResult &r)
{
    // Honoured up to maxRetryAfterSecs (see kMaxRetryAfterSecs), then tried again.
    const int asked = std::max(1, r.retryAfterSecs);
    const int secs = std::min(asked, std::max(1, m_timing.maxRetryAfterSecs));
    const qint64 until = nowMs() + qint64(secs) * 1000;
    m_pacer.retryAfter(secs);
    // Kept in the store: the next --once run or a restart must not call before it either.
    saveChatState(m_chat, until);
    setBlockedUntil(until, qint64(secs) * 1000);
    if (asked <= secs) {
        qCInfo(lcNotify) << "Telegram asked to wait" << asked << "s";
        return;
    }
    const QString why =
        tr("Telegram asked to wait %1 s before the next call to chat %2; RigWatch waits at most "
           "%3 s, until %4 UTC, and then tries again")
            .arg(QString::number(asked), m_chat, QString::number(secs),
                 QDateTime::fromMSecsSinceEpoch(until, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    qCWarning(lcNotify).noquote() << why;
    emit deliveryFailed(why);
}

QString TelegramNotifier::chatAfterMigration(const QString &chat) const
{
    if (chat.isEmpty())
        return chat;
    auto it = m_groupChatMigrated.constFind(chat);
    if (it == m_groupChatMigrated.cend()) {
        const QString to = m_store ? m_store->chatState(chat).migratedTo : QString();
        it = m_groupChatMigrated.insert(chat, to.isEmpty() ? chat : to);
    }
    return *it;
}

void TelegramNotifier::switchChat(const QString &to, const QString &key)
{
    // A group's own chat ([group.NAME] chat) that became a supergroup: its messages move, the
    // [telegram] chat stays.
    auto found = key.isEmpty() ? m_slots.end() : m_slots.find(key);
    if (found != m_slots.end() && !found->second.alert.chat.isEmpty()) {
        const QString from = found->second.alert.chat;
        if (to.isEmpty() || to == from)
            return;
        for (auto it = m_groupChatMigrated.begin(); it != m_groupChatMigrated.end(); ++it)
            if (*it == from) {
                saveChatState(it.key(), 0, to);
                *it = to;
            }
        for (auto &entry : m_slots)
            if (entry.second.alert.chat == from)
                entry.second.alert.chat = to;
        qCWarning(lcNotify).noquote()
            << "the group" << from << "became a supergroup; posting to" << to
            << "from now on - set its [group] chat =" << to << "in the configuration";
        emit chatMigrated(from, to);
        return;
    }
    if (to.isEmpty() || to == m_chat)
        return;
    const QString from = m_chat;
    m_chat = to;
    saveChatState(m_config.chat, 0, to); // later runs start with the new chat
    qCWarning(lcNotify).noquote() << "the group" << from << "became a supergroup; posting to" << to
                                  << "from now on - set chat =" << to << "in the configuration";
    emit chatMigrated(from, to);
}

} // namespace rw
