// Store's Telegram message rows: what the notifier has in each chat, kept across restarts.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"

namespace rw {

namespace {

const char *const MessageStates[] = {"sending", "live", "retracted",
                                     "failed"}; // LiveMessage::State

} // namespace

QVector<LiveMessage> Store::Private::messages(const QString &where,
                                              std::initializer_list<QVariant> values)
{
    QVector<LiveMessage> list;
    QSqlQuery *q =
        read(StoreText::tr("cannot read the Telegram messages"),
             QStringLiteral("SELECT id, account, chat, message_id, content_hash, text, sent_at,"
                            " edited_at, state, detail FROM telegram_messages ") +
                 where,
             values);
    while (q && q->next()) {
        LiveMessage m;
        m.id = q->value(0).toLongLong();
        m.account = q->value(1).toString();
        m.chat = q->value(2).toString();
        m.messageId = q->value(3).toLongLong();
        m.announcementKey = q->value(4).toByteArray();
        m.text = q->value(5).toString();
        m.sentAt = q->value(6).toLongLong();
        m.editedAt = q->value(7).toLongLong();
        m.state = LiveMessage::Failed; // what a newer build's unknown state reads as
        for (int s = LiveMessage::Sending; s <= LiveMessage::Failed; ++s)
            if (q->value(8).toString() == QLatin1String(MessageStates[s]))
                m.state = LiveMessage::State(s);
        m.detail = q->value(9).toString();
        list.append(m);
    }
    if (q)
        q->finish();
    return list;
}

bool Store::saveMessage(LiveMessage &m)
{
    qint64 id = m.id;
    const bool ok = d->transaction(StoreText::tr("cannot save a Telegram message"), [&] {
        QSqlQuery *q = d->prepared(
            m.id == 0
                ? QStringLiteral(
                      "INSERT INTO telegram_messages (account, chat, message_id, content_hash,"
                      " text, sent_at, edited_at, state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                      "?)")
                : QStringLiteral(
                      "UPDATE telegram_messages SET account = ?, chat = ?, message_id = ?,"
                      " content_hash = ?, text = ?, sent_at = ?, edited_at = ?, state = ?, detail "
                      "= ?"
                      " WHERE id = ?"));
        if (q && m.id)
            q->bindValue(9, m.id); // WHERE id = ?
        if (!d->exec(q, {m.account, m.chat, m.messageId, m.announcementKey, m.text, m.sentAt,
                         m.editedAt, QString::fromLatin1(MessageStates[m.state]), m.detail}))
            return false;
        if (m.id == 0) {
            id = q->lastInsertId().toLongLong();
            return true;
        }
        if (q->numRowsAffected() == 1)
            return true;
        d->sqlError = QSqlError(QString(), StoreText::tr("no saved message has id %1").arg(m.id));
        return false;
    });
    if (ok)
        m.id = id; // only once the row is really there
    return ok;
}

bool Store::adoptMessage(const LiveMessage &m)
{
    return d->transaction(StoreText::tr("cannot save a Telegram message"), [&] {
        QSqlQuery *q = d->prepared(QStringLiteral(
            "INSERT OR REPLACE INTO telegram_messages (id, account, chat, message_id,"
            " content_hash, text, sent_at, edited_at, state, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        return d->exec(q,
                       {m.id, m.account, m.chat, m.messageId, m.announcementKey, m.text, m.sentAt,
                        m.editedAt, QString::fromLatin1(MessageStates[m.state]), m.detail});
    });
}

QVector<LiveMessage> Store::liveMessages(const QString &account) const
{
    return account.isEmpty()
               ? d->messages(QStringLiteral("WHERE state IN ('sending', 'live') ORDER BY id"), {})
               : d->messages(QStringLiteral(
                                 "WHERE state IN ('sending', 'live') AND account = ? ORDER BY id"),
                             {account});
}

QVector<LiveMessage> Store::messageHistory(int limit) const
{
    return d->messages(QStringLiteral("ORDER BY id DESC LIMIT ?"), {limit});
}

bool Store::saveChatState(const QString &chat, const TelegramChatState &state)
{
    return d->transaction(StoreText::tr("cannot save the Telegram chat state"), [&] {
        QSqlQuery *q = d->prepared(QStringLiteral("INSERT OR REPLACE INTO telegram_chats (chat, "
                                                  "not_before_ms, migrated_to) VALUES (?, ?, ?)"));
        return d->exec(q, {chat, state.notBeforeMs,
                           state.migratedTo.isEmpty() ? QVariant() : QVariant(state.migratedTo)});
    });
}

TelegramChatState Store::chatState(const QString &chat) const
{
    TelegramChatState state;
    QSqlQuery *q = d->read(StoreText::tr("cannot read the Telegram chat state"),
                           QStringLiteral("SELECT not_before_ms, migrated_to FROM telegram_chats"
                                          " WHERE chat = ?"),
                           {chat});
    if (q && q->next()) {
        state.notBeforeMs = q->value(0).toLongLong();
        state.migratedTo = q->value(1).toString();
    }
    if (q)
        q->finish();
    return state;
}

qint64 Store::digestDay(const QString &chat) const
{
    qint64 day = 0;
    QSqlQuery *q = d->read(StoreText::tr("cannot read when the last digest was sent"),
                           QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                           {QVariant(QStringLiteral("digest.") + chat)});
    if (q && q->next())
        day = q->value(0).toLongLong();
    if (q)
        q->finish();
    return day;
}

bool Store::saveDigestDay(const QString &chat, qint64 julianDay)
{
    return d->transaction(StoreText::tr("cannot record that the digest was sent"), [&] {
        return d->exec(
            d->prepared(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")),
            {QVariant(QStringLiteral("digest.") + chat), QVariant(julianDay)});
    });
}

} // namespace rw
