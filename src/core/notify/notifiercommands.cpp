// TelegramNotifier, fourth part: what commands and buttons ask of the chat — replies paced
// with the alerts, and the acknowledgement line on an account's live message.
#include "notify/notifier.h"

#include <QPointer>

namespace rw {

void TelegramNotifier::loadAcks()
{
    if (!m_store)
        return;
    for (const AckRecord &a : m_store->acks())
        m_acks[a.account] = a;
}

QString TelegramNotifier::alertHtml(const Slot &s) const
{
    QString html = m_formatter.incidentText(s.name, s.alert.picture);
    auto it = m_acks.find(s.alert.key);
    if (it == m_acks.end())
        return html;
    const AckRecord &ack = it->second;
    // The acknowledgement covers the rigs down when it was given; a rig down since is news.
    QStringList known, fresh;
    for (const Incident::Down &d : s.alert.picture.down)
        (ack.workers.contains(d.worker) ? known : fresh) << d.worker;
    if (known.isEmpty() && !s.alert.picture.down.isEmpty())
        return html;
    QString line =
        m_formatter.acknowledgedLine(ack.by, ack.at, fresh.isEmpty() ? QStringList() : known);
    if (html.size() + 1 + line.size() > MessageFormatter::kMaxLength)
        line = m_formatter.acknowledgedLine(ack.by, ack.at);
    if (html.size() + 1 + line.size() > MessageFormatter::kMaxLength)
        return html;
    return html + QLatin1Char('\n') + line;
}

void TelegramNotifier::dropAck(const QString &account)
{
    if (m_acks.erase(account) == 0)
        return;
    if (m_store && !m_store->removeAck(account))
        qCWarning(lcNotify).noquote() << m_store->lastError();
}

QString TelegramNotifier::accountOfMessage(const QString &chat, qint64 messageId) const
{
    for (const auto &entry : m_slots)
        for (const LiveMessage &m : entry.second.alert.shown)
            if (m.messageId == messageId && (m.chat == chat || chat.isEmpty()))
                return entry.first;
    // A chat configured as @channelname is known to the rows by that name, and to a button
    // press by its numeric id: the message id alone decides there.
    for (const auto &entry : m_slots)
        for (const LiveMessage &m : entry.second.alert.shown)
            if (m.messageId == messageId && m.chat.startsWith(QLatin1Char('@')))
                return entry.first;
    return {};
}

bool TelegramNotifier::acknowledge(const QString &chat, qint64 messageId, const QString &by,
                                   QString *account)
{
    const QString key = accountOfMessage(chat, messageId);
    if (account)
        *account = key;
    if (key.isEmpty())
        return false;
    Slot &s = slot(key);
    if (!s.alert.hasPicture || s.alert.picture.isEmpty())
        return false;
    AckRecord ack;
    ack.account = key;
    ack.by = by;
    ack.at = now();
    for (const Incident::Down &d : s.alert.picture.down)
        ack.workers << d.worker;
    m_acks[key] = ack;
    if (m_store && !m_store->saveAck(ack))
        qCWarning(lcNotify).noquote() << m_store->lastError();
    s.alert.html = alertHtml(s);
    s.alert.editDue = true;
    qCInfo(lcNotify).noquote() << key << "acknowledged by" << by;
    kick();
    return true;
}

QVector<QPair<QString, Incident>> TelegramNotifier::pictures() const
{
    QVector<QPair<QString, Incident>> out;
    if (!m_wholePictures.empty()) {
        for (const auto &entry : m_wholePictures)
            out.append({entry.first, entry.second});
        return out;
    }
    for (const auto &entry : m_slots)
        if (entry.second.alert.hasPicture)
            out.append({entry.first, entry.second.alert.picture});
    return out;
}

void TelegramNotifier::reply(const QString &chat, const QString &html, bool silent,
                             std::function<void(bool)> done)
{
    if (m_stopped) {
        if (done)
            done(false);
        return;
    }
    m_replies.push_back({chat, html, 0, silent, std::move(done)});
    kick();
}

bool TelegramNotifier::sendReply()
{
    if (m_replies.empty())
        return false;
    const Reply &r = m_replies.front();
    m_inFlight = true;
    m_pacer.recordCall();
    QPointer<TelegramNotifier> self(this);
    m_client->sendMessage(r.chat, r.html, r.silent, [self](const TelegramResult &result) {
        if (self)
            self->onReplied(result);
    });
    return true;
}

void TelegramNotifier::onReplied(const TelegramResult &r)
{
    if (!m_replies.empty()) {
        Reply &front = m_replies.front();
        ++front.attempts;
        if (r.isSuccess()) {
            m_pacer.succeeded();
            auto done = std::move(front.done);
            m_replies.pop_front();
            if (done)
                done(true);
        } else if (r.kind == TelegramResult::TooManyRequests) {
            tooManyRequests(r); // the same wait holds the alerts back: one budget
        } else if (r.kind == TelegramResult::Transient && !r.maybeDelivered && front.attempts < 3) {
            m_pacer.transientFailure();
        } else {
            // A reply is worth less than an alert: never a loop, never a duplicate.
            qCWarning(lcNotify).noquote() << "a reply to a command in chat" << front.chat
                                          << "was not sent:" << r.explanation();
            auto done = std::move(front.done);
            m_replies.pop_front();
            if (done)
                done(false);
        }
    }
    finishedCall();
}

} // namespace rw
