// TelegramNotifier, second part: what each Bot API answer does to the durable state.
#include "notify/notifier.h"

#include <QDateTime>

namespace rw {

TelegramNotifier::Failure TelegramNotifier::handleCommonFailure(const TelegramResult &r)
{
    switch (r.kind) {
    case TelegramResult::TooManyRequests:
        tooManyRequests(r);
        return Failure::Retry;
    case TelegramResult::Transient:
        m_pacer.transientFailure();
        if (m_pacer.transientStreak() == 1) // once per outage, not once per retry
            emit deliveryFailed(tr("%1; retrying").arg(r.explanation()));
        return Failure::Retry;
    case TelegramResult::Unauthorized:
    case TelegramResult::Forbidden:
    case TelegramResult::ChatNotFound:
        // Nothing will get through until a person fixes the setup: pause, growing, and say why.
        qCWarning(lcNotify).noquote() << r.explanation();
        m_pacer.chatWideFailure();
        emit deliveryFailed(r.explanation());
        return Failure::Halt;
    default:
        return Failure::Other;
    }
}

bool TelegramNotifier::isTextRefusal(const TelegramResult &r)
{
    return r.kind == TelegramResult::TooLong || r.kind == TelegramResult::BadHtml;
}

TelegramNotifier::Refusal TelegramNotifier::textRefusal(Slot &s, const TelegramResult &r)
{
    if (!isTextRefusal(r))
        return Refusal::NotText;
    // Our texts are capped and escaped, so a server with other rules than api.telegram.org said
    // this. The alert matters more than its bold type: plain text, cut well below the limit, is
    // the one retry; retrying the same refused text would only spin.
    const bool retry = !s.alert.plain;
    s.alert.plain = true;
    formatPlain(s);
    const QString reason =
        retry ? tr("%1: %2; the alert is sent again as shorter plain text without formatting")
                    .arg(s.name, r.explanation())
              : tr("%1: %2, also as plain text; the alert is tried again after the next poll")
                    .arg(s.name, r.explanation());
    qCWarning(lcNotify).noquote() << reason;
    if (reason != s.reportedRefusal) { // once, not once per poll
        s.reportedRefusal = reason;
        emit deliveryFailed(reason);
    }
    return retry ? Refusal::RetryPlain : Refusal::GiveUp;
}

void TelegramNotifier::closeRow(Slot &s, qint64 rowId, LiveMessage::State state,
                                const QString &detail, const QString &text)
{
    QVector<LiveMessage> &shown = s.alert.shown;
    for (int i = 0; i < shown.size(); ++i) {
        if (shown.at(i).id != rowId)
            continue;
        LiveMessage m = shown.at(i);
        m.state = state;
        m.detail = detail;
        if (!text.isEmpty()) {
            m.text = text;
            m.editedAt = now();
        }
        save(m);
        shown.removeAt(i);
        s.alert.deleteRefused.removeAll(rowId);
        qCInfo(lcNotify).noquote() << s.alert.key << "message" << m.messageId << detail;
        emit messagesChanged();
        return;
    }
}

void TelegramNotifier::finishedCall()
{
    m_inFlight = false;
    m_postingKey.clear();
    m_pacer.callFinished();
    pump();
}

void TelegramNotifier::onPosted(const QString &key, const TelegramResult &r)
{
    Slot &s = slot(key);
    if (!s.sending) {
        finishedCall();
        return;
    }
    LiveMessage m = *s.sending;
    if (r.isSuccess() && r.messageId() > 0) {
        m_pacer.succeeded();
        m.messageId = r.messageId();
        m.state = LiveMessage::Live;
        save(m); // a failure is reported; the message is still followed for this run
        s.alert.shown.append(m);
        s.sending.reset();
        s.alert.vanished.reset();
        s.reportedRefusal.clear();
        qCInfo(lcNotify).noquote() << key << "posted message" << m.messageId;
        emit messagesChanged();
    } else if (r.kind == TelegramResult::Migrated) {
        switchChat(r.migrateToChatId, key); // the next attempt goes to the new chat at once
    } else if (textRefusal(s, r) == Refusal::RetryPlain) {
        m.state = LiveMessage::Failed;
        m.detail = r.explanation();
        save(m);
        s.sending = m; // the same row, posted again at once as plain text
        if (s.alert.hasPicture && s.alert.picture.isEmpty())
            abandonSending(s, tr("not sent: the incident ended before the plain-text version "
                                 "could be sent"));
        emit messagesChanged();
    } else {
        const Failure f = r.isSuccess() ? Failure::Other : handleCommonFailure(r);
        m.detail = r.isSuccess() ? tr("Telegram answered without a message id: the message may "
                                      "be in the chat; delete it by hand if it is")
                                 : r.explanation();
        if (r.kind == TelegramResult::TooManyRequests && m_blockedUntilMs > 0) // when, not how long
            m.detail = tr("Telegram asked to wait until %1 UTC; it is sent again then")
                           .arg(QDateTime::fromMSecsSinceEpoch(m_blockedUntilMs, Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        if (f == Failure::Retry && r.maybeDelivered) {
            // It may be in the chat (a timeout, an answer that could not be read) and nobody can
            // follow it without its id. This row keeps that record for the mirror; the retry
            // goes on a new row so the record is not overwritten.
            abandonSending(s, tr("may have been posted (%1); delete it by hand if it is in the "
                                 "channel")
                                  .arg(r.explanation()));
            const QString why = tr("%1: an alert may have been posted without RigWatch knowing "
                                   "it (%2); delete it by hand if it is in the channel")
                                    .arg(s.name, r.explanation());
            qCWarning(lcNotify).noquote() << why;
            emit deliveryFailed(why);
        } else if (f == Failure::Retry) {
            // Certainly not posted (refused connection, a Bot API error, 429): the same row is
            // used again for the retry.
            m.state = LiveMessage::Failed;
            s.sending = m;
            save(m);
            if (s.alert.hasPicture && s.alert.picture.isEmpty())
                abandonSending(s, tr("not sent: the incident ended before Telegram could be "
                                     "reached (%1)")
                                      .arg(r.explanation()));
        } else {
            m.state = LiveMessage::Failed;
            save(m);
            if (f == Failure::Halt)
                s.sending = m; // the same row is tried again after the pause, not a new one
            else
                s.sending.reset();
            if (f == Failure::Other) {
                // The text itself was refused (too long, bad HTML, ...): retrying it would spin.
                s.alert.refusedHtml = s.alert.html;
                qCWarning(lcNotify).noquote() << key << "message refused:" << m.detail;
                if (!isTextRefusal(r)) // those were reported by textRefusal()
                    emit deliveryFailed(m.detail);
            }
            emit messagesChanged();
        }
    }
    finishedCall();
}

void TelegramNotifier::onEdited(const QString &key, qint64 rowId, Op op, const QString &html,
                                const QString &sent, const QByteArray &announces,
                                const TelegramResult &r)
{
    Slot &s = slot(key);
    QVector<LiveMessage> &shown = s.alert.shown;
    int i = 0;
    while (i < shown.size() && shown.at(i).id != rowId)
        ++i;
    if (i == shown.size()) {
        finishedCall();
        return;
    }
    const bool update = op == Op::Edit;
    if (r.isSuccess()) {
        m_pacer.succeeded();
        s.reportedRefusal.clear();
        if (update) {
            s.alert.editDue = false;
            LiveMessage &m = shown[i];
            m.text = sent; // the mirror shows what the chat shows
            m.announcementKey = announces;
            m.editedAt = now();
            save(m);
            emit messagesChanged();
        } else {
            closeRow(s, rowId, LiveMessage::Retracted,
                     op == Op::EditToResolved ? tr("edited to resolved")
                                              : tr("replaced by a newer message; edited"),
                     sent);
        }
    } else if (textRefusal(s, r) == Refusal::RetryPlain) {
        // the row stays as it is: the next pick edits it again, as plain text
    } else if (r.kind == TelegramResult::NotFound || r.kind == TelegramResult::CantEdit ||
               r.kind == TelegramResult::Migrated) {
        if (r.kind == TelegramResult::Migrated)
            switchChat(r.migrateToChatId, key);
        if (update) // the incident stands without a message: post again, silently unless it grew
            s.alert.vanished = Announcement::fromKey(shown.at(i).announcementKey);
        const bool gone = r.kind == TelegramResult::NotFound;
        const QString detail = gone ? tr("no longer in the chat (deleted by someone)")
                                    : tr("left in the chat: %1").arg(r.explanation());
        closeRow(s, rowId, gone ? LiveMessage::Retracted : LiveMessage::Failed, detail);
        if (!gone)
            emit deliveryFailed(
                tr("%1: a message could not be edited and was %2").arg(s.name, detail));
    } else if (handleCommonFailure(r) == Failure::Other) {
        if (update) {
            s.alert.refusedHtml = html;
            if (!isTextRefusal(r)) // those were reported by textRefusal()
                emit deliveryFailed(tr("%1: edit refused: %2").arg(s.name, r.explanation()));
        } else {
            closeRow(s, rowId, LiveMessage::Failed,
                     tr("left in the chat: %1").arg(r.explanation()));
            emit deliveryFailed(tr("%1: a resolved message could not be taken back: %2")
                                    .arg(s.name, r.explanation()));
        }
    }
    finishedCall();
}

void TelegramNotifier::onDeleted(const QString &key, qint64 rowId, const TelegramResult &r)
{
    Slot &s = slot(key);
    if (r.isSuccess()) {
        m_pacer.succeeded();
        closeRow(s, rowId, LiveMessage::Retracted, tr("deleted"));
    } else if (r.kind == TelegramResult::NotFound) {
        closeRow(s, rowId, LiveMessage::Retracted, tr("already gone from the chat"));
    } else if (r.kind == TelegramResult::Migrated) {
        switchChat(r.migrateToChatId, key);
        closeRow(s, rowId, LiveMessage::Failed,
                 tr("left in the old group, which became a supergroup"));
    } else if (handleCommonFailure(r) == Failure::Other) {
        // Older than 48 h, no right to delete, or another refusal: edit it instead, so no alert
        // is left standing for an incident that is over.
        qCInfo(lcNotify).noquote()
            << key << "cannot delete message; editing it instead:" << r.description;
        if (!s.alert.deleteRefused.contains(rowId))
            s.alert.deleteRefused.append(rowId);
    }
    finishedCall();
}

void TelegramNotifier::shutdown()
{
    m_stopped = true;
    m_timer.stop();
    if (m_inFlight) {
        // A post cut off here stays Sending in the store: the next run records it as failed.
        auto it = m_slots.find(m_postingKey);
        if (!m_postingKey.isEmpty() && it != m_slots.end() && it->second.sending)
            qCWarning(lcNotify).noquote()
                << tr("%1: stopped while an alert was being posted; it may be in the chat "
                      "without RigWatch knowing it - delete it by hand if it is")
                       .arg(it->second.name);
        m_client->abortAll();
        m_inFlight = false;
        m_postingKey.clear();
    }
}

QVector<LiveMessage> TelegramNotifier::standing() const
{
    QVector<LiveMessage> out;
    for (const auto &entry : m_slots)
        out += entry.second.alert.shown;
    return out;
}

} // namespace rw
