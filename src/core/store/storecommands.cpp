// Store's rows for Telegram commands: the getUpdates offset, mutes and acknowledgements. Their
// tables are created on first use (IF NOT EXISTS), so they need no schema step of their own and
// an older file simply gains them.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"

namespace rw {

namespace {

const char *const kTables[] = {
    "CREATE TABLE IF NOT EXISTS telegram_updates (bot TEXT PRIMARY KEY,"
    " next_offset INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS telegram_mutes (scope TEXT PRIMARY KEY,"
    " until_ms INTEGER NOT NULL, muted_by TEXT NOT NULL, reply_chat TEXT NOT NULL)"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS telegram_acks (account TEXT PRIMARY KEY, acked_by TEXT NOT NULL,"
    " acked_at INTEGER NOT NULL, workers TEXT NOT NULL) WITHOUT ROWID",
};

// A template so the private Store::Private need not be named here.
template <typename Private> bool ensureTables(Private *d)
{
    for (const char *sql : kTables)
        if (!d->exec(d->prepared(QString::fromLatin1(sql)), {}))
            return false;
    return true;
}

// SQLite stores a null QString as NULL; the chat-wide scope is the empty string, not NULL.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

} // namespace

qint64 Store::updateOffset(const QString &bot) const
{
    if (!ensureTables(d)) {
        d->fail(StoreText::tr("cannot read the Telegram update offset"));
        return 0;
    }
    QSqlQuery *q = d->read(StoreText::tr("cannot read the Telegram update offset"),
                           QStringLiteral("SELECT next_offset FROM telegram_updates WHERE bot = ?"),
                           {text(bot)});
    qint64 offset = 0;
    if (q && q->next())
        offset = q->value(0).toLongLong();
    if (q)
        q->finish();
    return offset;
}

bool Store::saveUpdateOffset(const QString &bot, qint64 nextOffset)
{
    return d->transaction(StoreText::tr("cannot save the Telegram update offset"), [&] {
        return ensureTables(d) &&
               d->exec(d->prepared(QStringLiteral("INSERT OR REPLACE INTO telegram_updates (bot, "
                                                  "next_offset) VALUES (?, ?)")),
                       {text(bot), nextOffset});
    });
}

QVector<MuteRecord> Store::mutes() const
{
    QVector<MuteRecord> out;
    if (!ensureTables(d)) {
        d->fail(StoreText::tr("cannot read the mutes"));
        return out;
    }
    QSqlQuery *q = d->read(StoreText::tr("cannot read the mutes"),
                           QStringLiteral("SELECT scope, until_ms, muted_by, reply_chat FROM "
                                          "telegram_mutes ORDER BY scope"),
                           {});
    while (q && q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
                    q->value(3).toString()});
    if (q)
        q->finish();
    return out;
}

bool Store::saveMute(const MuteRecord &mute)
{
    return d->transaction(StoreText::tr("cannot save a mute"), [&] {
        return ensureTables(d) &&
               d->exec(d->prepared(QStringLiteral("INSERT OR REPLACE INTO telegram_mutes (scope, "
                                                  "until_ms, muted_by, reply_chat) VALUES (?, ?, "
                                                  "?, ?)")),
                       {text(mute.scope), mute.untilMs, text(mute.by), text(mute.replyChat)});
    });
}

bool Store::removeMute(const QString &scope)
{
    return d->transaction(StoreText::tr("cannot end a mute"), [&] {
        return ensureTables(d) &&
               d->exec(d->prepared(QStringLiteral("DELETE FROM telegram_mutes WHERE scope = ?")),
                       {text(scope)});
    });
}

QVector<AckRecord> Store::acks() const
{
    QVector<AckRecord> out;
    if (!ensureTables(d)) {
        d->fail(StoreText::tr("cannot read the acknowledgements"));
        return out;
    }
    QSqlQuery *q = d->read(StoreText::tr("cannot read the acknowledgements"),
                           QStringLiteral("SELECT account, acked_by, acked_at, workers FROM "
                                          "telegram_acks ORDER BY account"),
                           {});
    while (q && q->next()) {
        AckRecord a;
        a.account = q->value(0).toString();
        a.by = q->value(1).toString();
        a.at = q->value(2).toLongLong();
        const QString workers = q->value(3).toString();
        a.workers = workers.isEmpty() ? QStringList() : workers.split(QLatin1Char('\n'));
        out.append(a);
    }
    if (q)
        q->finish();
    return out;
}

bool Store::saveAck(const AckRecord &ack)
{
    return d->transaction(StoreText::tr("cannot save an acknowledgement"), [&] {
        return ensureTables(d) &&
               d->exec(d->prepared(QStringLiteral("INSERT OR REPLACE INTO telegram_acks (account, "
                                                  "acked_by, acked_at, workers) VALUES (?, ?, ?, "
                                                  "?)")),
                       {text(ack.account), text(ack.by), ack.at,
                        text(ack.workers.join(QLatin1Char('\n')))});
    });
}

bool Store::removeAck(const QString &account)
{
    return d->transaction(StoreText::tr("cannot remove an acknowledgement"), [&] {
        return ensureTables(d) &&
               d->exec(d->prepared(QStringLiteral("DELETE FROM telegram_acks WHERE account = ?")),
                       {text(account)});
    });
}

} // namespace rw
