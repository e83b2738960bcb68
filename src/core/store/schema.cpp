#include "store/schema.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <vector>

namespace rw {

namespace {

Q_LOGGING_CATEGORY(lcSchema, "rigwatch.store", QtInfoMsg)

// migrations[i] brings a database from version i to version i + 1. Append, never edit: a
// released step has already run on somebody's farm.
//
// Layout notes (why it looks like this):
// - Time series tables are WITHOUT ROWID, keyed (account_id, at[, worker_id]) with small
//   integer ids: polls arrive in time order, so rows append at the end of the b-tree (pages
//   fill completely) and retention deletes a contiguous range at the start.
// - Roll-ups keep the number of raw samples `n` behind each average so later merges and
//   the daily roll-up stay exact averages of the raw samples.
// - meta holds the retention cut-offs: every series reads daily rows before hourly_cut,
//   hourly rows in [hourly_cut, raw_cut) and raw rows from raw_cut on, so no span is
//   counted twice.
const std::vector<std::vector<const char *>> &migrations()
{
    static const std::vector<std::vector<const char *>> steps = {
        {
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
            "CREATE TABLE workers (account_id INTEGER NOT NULL, id INTEGER NOT NULL,"
            " name TEXT NOT NULL, PRIMARY KEY (account_id, id), UNIQUE (account_id, name))"
            " WITHOUT ROWID",

            "CREATE TABLE polls (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " hashrate REAL NOT NULL, online INTEGER NOT NULL, offline INTEGER NOT NULL,"
            " total INTEGER NOT NULL, PRIMARY KEY (account_id, at)) WITHOUT ROWID",
            "CREATE TABLE polls_hourly (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " hashrate REAL NOT NULL, online REAL NOT NULL, offline REAL NOT NULL,"
            " total REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (account_id, at))"
            " WITHOUT ROWID",
            "CREATE TABLE polls_daily (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " hashrate REAL NOT NULL, online REAL NOT NULL, offline REAL NOT NULL,"
            " total REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (account_id, at))"
            " WITHOUT ROWID",

            "CREATE TABLE samples (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " worker_id INTEGER NOT NULL, hashrate REAL NOT NULL,"
            " PRIMARY KEY (account_id, at, worker_id)) WITHOUT ROWID",
            "CREATE TABLE samples_hourly (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " worker_id INTEGER NOT NULL, hashrate REAL NOT NULL, n INTEGER NOT NULL,"
            " PRIMARY KEY (account_id, at, worker_id)) WITHOUT ROWID",
            "CREATE TABLE samples_daily (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " worker_id INTEGER NOT NULL, hashrate REAL NOT NULL, n INTEGER NOT NULL,"
            " PRIMARY KEY (account_id, at, worker_id)) WITHOUT ROWID",

            "CREATE TABLE worker_state (account_id INTEGER NOT NULL, worker_id INTEGER NOT NULL,"
            " status TEXT NOT NULL, status_since INTEGER NOT NULL,"
            " last_listed_at INTEGER NOT NULL, hashrate REAL NOT NULL,"
            " hashrate_1h REAL NOT NULL, hashrate_24h REAL NOT NULL, stale_24h REAL NOT NULL,"
            " last_share_at INTEGER NOT NULL, host TEXT,"
            " PRIMARY KEY (account_id, worker_id)) WITHOUT ROWID",
            "CREATE TABLE account_state (account_id INTEGER PRIMARY KEY,"
            " last_success_at INTEGER NOT NULL, last_attempt_at INTEGER NOT NULL,"
            " unreachable_since INTEGER NOT NULL, last_error TEXT,"
            " incident_since INTEGER NOT NULL, hashrate_low INTEGER NOT NULL,"
            " pool_unreachable INTEGER NOT NULL)",

            "CREATE TABLE outages (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,"
            " worker_id INTEGER NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER)",
            "CREATE INDEX outages_by_start ON outages (account_id, start_at)",
            // At most one open outage per worker, enforced by the file itself.
            "CREATE UNIQUE INDEX outages_open ON outages (account_id, worker_id)"
            " WHERE end_at IS NULL",

            "CREATE TABLE telegram_messages (id INTEGER PRIMARY KEY, account TEXT NOT NULL,"
            " chat TEXT NOT NULL, message_id INTEGER NOT NULL, content_hash BLOB,"
            " text TEXT NOT NULL, sent_at INTEGER NOT NULL, edited_at INTEGER NOT NULL,"
            " state TEXT NOT NULL, detail TEXT)",
            "CREATE INDEX telegram_messages_live ON telegram_messages (state, account)"
            " WHERE state IN ('sending', 'live')",
        },
        {
            // Per configured chat: not before when (unix ms) the next Bot API call may go out
            // (a 429's retry_after outlives the process) and the supergroup it became.
            "CREATE TABLE telegram_chats (chat TEXT PRIMARY KEY,"
            " not_before_ms INTEGER NOT NULL DEFAULT 0, migrated_to TEXT) WITHOUT ROWID",
        },
    };
    return steps;
}

QString sqlText(const QSqlError &e)
{
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

// Reads one integer; returns false (and sets *why, *error) if the statement fails.
bool scalar(QSqlDatabase &db, const QString &sql, qint64 *value, QString *why,
            QSqlError *error = nullptr)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        *why = sqlText(q.lastError());
        if (error)
            *error = q.lastError();
        return false;
    }
    *value = q.value(0).toLongLong();
    return true;
}

} // namespace

int Schema::version()
{
    return int(migrations().size());
}

bool Schema::migrate(QSqlDatabase &db, QString *why, QSqlError *sqlError)
{
    QString error;
    qint64 current = 0;
    // Read outside a transaction first: an up-to-date read-only database must still open.
    if (!scalar(db, QStringLiteral("PRAGMA user_version"), &current, &error, sqlError)) {
        *why = error;
        return false;
    }
    if (current == version())
        return true;
    if (current > version()) {
        *why = StoreText::tr("it was written by a newer version of RigWatch (schema %1; this "
                             "version understands up to %2). Upgrade RigWatch or choose "
                             "another database file")
                   .arg(current)
                   .arg(version());
        return false;
    }

    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *why = sqlText(q.lastError());
        if (sqlError)
            *sqlError = q.lastError();
        return false;
    }
    auto fail = [&](const QString &text) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        *why = text;
        return false;
    };
    // Another process may have migrated between the first read and the lock.
    if (!scalar(db, QStringLiteral("PRAGMA user_version"), &current, &error))
        return fail(error);
    if (current == 0) {
        qint64 tables = 0;
        if (!scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &tables, &error))
            return fail(error);
        if (tables > 0)
            return fail(StoreText::tr("it is an SQLite database of another program (it has "
                                      "tables but no RigWatch schema version)"));
    }
    if (current > version())
        return fail(StoreText::tr("it was written by a newer version of RigWatch (schema %1)")
                        .arg(current));
    for (qint64 v = current; v < version(); ++v) {
        for (const char *sql : migrations()[size_t(v)]) {
            if (!q.exec(QString::fromLatin1(sql)))
                return fail(StoreText::tr("upgrading it to schema %1 failed: %2")
                                .arg(v + 1)
                                .arg(sqlText(q.lastError())));
        }
    }
    // user_version lives in the file header and commits with the transaction.
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version())))
        return fail(sqlText(q.lastError()));
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(sqlText(q.lastError()));
    qCInfo(lcSchema) << "database schema upgraded from" << current << "to" << version();
    return true;
}

} // namespace rw
