#include "store/schema.h"

#include "store/workerpack.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <map>
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
//   counted twice. Raw worker samples from recent_cut on are in worker_samples_recent.
struct Step
{
    std::vector<const char *> sql;
    // Run after the SQL, in the same transaction, for what SQL cannot say (packing rows).
    bool (*convert)(QSqlDatabase &db, QString *why) = nullptr;
};

bool packSamples(QSqlDatabase &db, QString *why);
bool packWorkerStates(QSqlDatabase &db, QString *why);
bool packWorkers(QSqlDatabase &db, QString *why)
{
    return packSamples(db, why) && packWorkerStates(db, why);
}

const std::vector<Step> &migrations()
{
    static const std::vector<Step> steps = {
        {{
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
        }},
        {{
            // Per configured chat: not before when (unix ms) the next Bot API call may go out
            // (a 429's retry_after outlives the process) and the supergroup it became.
            "CREATE TABLE telegram_chats (chat TEXT PRIMARY KEY,"
            " not_before_ms INTEGER NOT NULL DEFAULT 0, migrated_to TEXT) WITHOUT ROWID",
        }},
        {
            {
                // Worker samples and states packed by chunk of workers (store/workerpack.h):
                // a poll writes a few hundred rows instead of two per worker. Samples are keyed
                // chunk first, so one worker's curve is one contiguous range whatever the
                // farm's size; states are rowid tables (their rows outgrow a WITHOUT ROWID
                // page).
                "CREATE TABLE worker_samples (account_id INTEGER NOT NULL, at INTEGER NOT NULL,"
                " chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (account_id, chunk, at))"
                " WITHOUT ROWID",
                "CREATE TABLE worker_samples_hourly (account_id INTEGER NOT NULL,"
                " at INTEGER NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL,"
                " PRIMARY KEY (account_id, chunk, at)) WITHOUT ROWID",
                "CREATE TABLE worker_samples_daily (account_id INTEGER NOT NULL,"
                " at INTEGER NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL,"
                " PRIMARY KEY (account_id, chunk, at)) WITHOUT ROWID",
                "CREATE TABLE worker_identity (account_id INTEGER NOT NULL,"
                " chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (account_id, chunk))",
                "CREATE TABLE worker_readings (account_id INTEGER NOT NULL,"
                " chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (account_id, chunk))",
            },
            &packWorkers,
        },
        {{
            // Issue #19. What the monitor keeps about a worker's health beyond its state (when
            // it went below its usual level, its recent state changes, a level the operator
            // accepted): a row only for the few workers that have one.
            "CREATE TABLE worker_health (account_id INTEGER NOT NULL, worker_id INTEGER NOT NULL,"
            " below_since INTEGER NOT NULL DEFAULT 0, below_sum REAL NOT NULL DEFAULT 0,"
            " below_polls INTEGER NOT NULL DEFAULT 0, depth REAL NOT NULL DEFAULT 0,"
            " changes TEXT NOT NULL DEFAULT '', accepted REAL NOT NULL DEFAULT 0,"
            " accepted_at INTEGER NOT NULL DEFAULT 0, degraded INTEGER NOT NULL DEFAULT 0,"
            " flapping INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account_id, worker_id))"
            " WITHOUT ROWID",
            // Each worker's usual level from its own history, packed by chunk as 32-bit floats
            // (0 = none), computed at most once an hour (meta usual_at.<account id>).
            "CREATE TABLE worker_usual (account_id INTEGER NOT NULL, chunk INTEGER NOT NULL,"
            " data BLOB NOT NULL, PRIMARY KEY (account_id, chunk)) WITHOUT ROWID",
            // Degraded periods are kept beside outages: kind 'degraded', with their depth (the
            // lowest fraction of the usual level). One open row per worker and kind.
            "ALTER TABLE outages ADD COLUMN kind TEXT NOT NULL DEFAULT 'down'",
            "ALTER TABLE outages ADD COLUMN depth REAL",
            "DROP INDEX outages_open",
            "CREATE UNIQUE INDEX outages_open ON outages (account_id, worker_id, kind)"
            " WHERE end_at IS NULL",
        }},
        {{
            // Issue #18. Raw samples from meta recent_cut on (a whole hour) are appended keyed
            // by time first, so a poll's few hundred rows fill a few pages at the end rather
            // than one page in each chunk's range; Store::applyRetention moves them into
            // worker_samples once their hour is over. An existing file's rows stay where they
            // are: the cut starts at the hour after its last sample.
            "CREATE TABLE worker_samples_recent (account_id INTEGER NOT NULL,"
            " at INTEGER NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL,"
            " PRIMARY KEY (account_id, at, chunk)) WITHOUT ROWID",
            "INSERT OR REPLACE INTO meta (key, value) SELECT 'recent_cut',"
            " coalesce((max(at) / 3600 + 1) * 3600, 0) FROM worker_samples",
        }},
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

bool dropTable(QSqlDatabase &db, const char *table, QString *why)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("DROP TABLE ") + QLatin1String(table)))
        return true;
    *why = sqlText(q.lastError());
    return false;
}

// Schema 3: the one-row-per-worker sample tables become chunk rows, tier by tier, keeping
// each roll-up's sample count as its weight.
bool packSamples(QSqlDatabase &db, QString *why)
{
    using namespace workerpack;
    const struct
    {
        const char *from, *to;
        int weightBytes;
    } tiers[] = {{"samples", "worker_samples", 0},
                 {"samples_hourly", "worker_samples_hourly", 1},
                 {"samples_daily", "worker_samples_daily", 2}};
    for (const auto &tier : tiers) {
        QSqlQuery read(db), write(db);
        read.setForwardOnly(true);
        const QString weight = tier.weightBytes ? QStringLiteral("n") : QStringLiteral("1");
        if (!read.exec(QStringLiteral("SELECT account_id, at, worker_id, hashrate, %1 FROM %2"
                                      " ORDER BY account_id, at, worker_id")
                           .arg(weight, QLatin1String(tier.from))) ||
            !write.prepare(QStringLiteral("INSERT INTO %1 (account_id, at, chunk, data)"
                                          " VALUES (?, ?, ?, ?)")
                               .arg(QLatin1String(tier.to)))) {
            *why = sqlText(read.lastError().isValid() ? read.lastError() : write.lastError());
            return false;
        }
        qint64 account = -1, at = -1;
        std::map<int, SampleSlots> chunks;
        auto flush = [&] {
            for (const auto &[chunk, cells] : chunks) {
                write.addBindValue(account);
                write.addBindValue(at);
                write.addBindValue(chunk);
                write.addBindValue(encodeSamples(cells, tier.weightBytes));
                if (!write.exec()) {
                    *why = sqlText(write.lastError());
                    return false;
                }
            }
            chunks.clear();
            return true;
        };
        while (read.next()) {
            const qint64 a = read.value(0).toLongLong(), t = read.value(1).toLongLong();
            if ((a != account || t != at) && !flush())
                return false;
            account = a;
            at = t;
            const int id = read.value(2).toInt();
            if (id < 1)
                continue;
            SampleSlots &cells = chunks[chunkOf(id)];
            cells.code[size_t(slotOf(id))] = encodeRate(read.value(3).toDouble());
            cells.weight[size_t(slotOf(id))] = quint32(qMax(1LL, read.value(4).toLongLong()));
        }
        if (read.lastError().isValid()) {
            *why = sqlText(read.lastError());
            return false;
        }
        if (!flush())
            return false;
        read.finish();
        if (!dropTable(db, tier.from, why))
            return false;
    }
    return true;
}

// Schema 3: worker_state rows become identity and readings chunks.
bool packWorkerStates(QSqlDatabase &db, QString *why)
{
    using namespace workerpack;
    QSqlQuery read(db), identity(db), readings(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral(
            "SELECT s.account_id, s.worker_id, w.name, s.status, s.status_since,"
            " s.last_listed_at, s.hashrate, s.hashrate_1h, s.hashrate_24h, s.stale_24h,"
            " s.last_share_at, s.host FROM worker_state s JOIN workers w ON w.account_id ="
            " s.account_id AND w.id = s.worker_id ORDER BY s.account_id, s.worker_id")) ||
        !identity.prepare(QStringLiteral(
            "INSERT INTO worker_identity (account_id, chunk, data) VALUES (?, ?, ?)")) ||
        !readings.prepare(QStringLiteral(
            "INSERT INTO worker_readings (account_id, chunk, data) VALUES (?, ?, ?)"))) {
        *why = sqlText(read.lastError().isValid() ? read.lastError() : identity.lastError());
        return false;
    }
    qint64 account = -1;
    int chunk = -1;
    IdentityChunk ids;
    std::array<WorkerState, kChunkSlots> states;
    std::array<const WorkerState *, kChunkSlots> present{};
    auto flush = [&] {
        if (chunk < 0)
            return true;
        for (QSqlQuery *q : {&identity, &readings}) {
            q->addBindValue(account);
            q->addBindValue(chunk);
            q->addBindValue(q == &identity ? encodeIdentities(ids) : encodeReadings(present));
            if (!q->exec()) {
                *why = sqlText(q->lastError());
                return false;
            }
        }
        ids = IdentityChunk();
        present.fill(nullptr);
        return true;
    };
    while (read.next()) {
        const qint64 a = read.value(0).toLongLong();
        const int id = read.value(1).toInt();
        const std::optional<WorkerStatus> status = workerStatusFromKey(read.value(3).toString());
        if (id < 1 || !status)
            continue; // only a newer build writes another status; the next poll rewrites it
        if ((a != account || chunkOf(id) != chunk) && !flush())
            return false;
        account = a;
        chunk = chunkOf(id);
        const size_t slot = size_t(slotOf(id));
        WorkerState &s = states[slot];
        s = WorkerState();
        s.sample.name = read.value(2).toString();
        s.status = *status;
        s.statusSince = read.value(4).toLongLong();
        s.lastListedAt = read.value(5).toLongLong();
        s.sample.hashRate = read.value(6).toDouble();
        s.sample.hashRate1h = read.value(7).toDouble();
        s.sample.hashRate24h = read.value(8).toDouble();
        s.sample.staleRate24h = read.value(9).toDouble();
        s.sample.lastShareAt = read.value(10).toLongLong();
        s.sample.host = read.value(11).toString();
        ids[slot] = {s.sample.name, s.status, s.statusSince, s.sample.host};
        present[slot] = &s;
    }
    if (read.lastError().isValid()) {
        *why = sqlText(read.lastError());
        return false;
    }
    if (!flush())
        return false;
    read.finish();
    return dropTable(db, "worker_state", why);
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
        const Step &step = migrations()[size_t(v)];
        for (const char *sql : step.sql) {
            if (!q.exec(QString::fromLatin1(sql)))
                return fail(StoreText::tr("upgrading it to schema %1 failed: %2")
                                .arg(v + 1)
                                .arg(sqlText(q.lastError())));
        }
        QString stepError;
        if (step.convert && current > 0) // a new file has no history to convert
            qCInfo(lcSchema) << "upgrading the database to schema" << v + 1
                             << "- a large farm's history takes a while";
        if (step.convert && !step.convert(db, &stepError))
            return fail(
                StoreText::tr("upgrading it to schema %1 failed: %2").arg(v + 1).arg(stepError));
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
