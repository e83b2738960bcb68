#include "store/store.h"

#include "store/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <limits>
#include <map>

namespace rw {

namespace {

Q_LOGGING_CATEGORY(lcStore, "rigwatch.store", QtInfoMsg)

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

// An SQLite error in plain words, keeping SQLite's own text for whoever debugs it.
QString plainError(const QSqlError &e)
{
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    QString plain;
    switch (e.nativeErrorCode().toInt() & 0xff) { // primary SQLite result code
    case 5: // SQLITE_BUSY
    case 6: plain = QStringLiteral("the database is locked by another program"); break;
    case 8: plain = QStringLiteral("the file or its folder is read-only"); break;
    case 10: plain = QStringLiteral("the disk reported an input/output error"); break;
    case 13: plain = QStringLiteral("the disk is full"); break;
    case 14: plain = QStringLiteral("the file cannot be opened or created"); break;
    case 26: plain = QStringLiteral("the file is not a database"); break;
    default: return text;
    }
    return plain + QStringLiteral(" (") + text + QLatin1Char(')');
}

const char *const MessageStates[] = {"sending", "live", "retracted", "failed"}; // LiveMessage::State

// Creates `dir` if needed; otherwise says why not, naming the ancestor in the way.
bool ensureDirectory(const QString &dir, QString *why)
{
    for (QString up = dir;; up = QFileInfo(up).path()) {
        const QFileInfo at(up);
        if (at.exists() && !at.isDir()) {
            *why = QStringLiteral("%1 is not a directory").arg(QDir::toNativeSeparators(up));
            return false;
        }
        if (at.exists() || QFileInfo(up).path() == up)
            break;
    }
    if (QFileInfo(dir).isDir() || QDir().mkpath(dir))
        return true;
    *why = QStringLiteral("cannot create the directory %1").arg(QDir::toNativeSeparators(dir));
    return false;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

struct Store::Private
{
    QSqlDatabase db;
    QString connection;
    QString path;
    QString lastError;
    QSqlError sqlError; // why the statement that just failed failed
    int busyTimeoutMs = 5000;
    // Prepared once, reused for every poll. std::map: pointers stay valid on insertion.
    std::map<QString, QSqlQuery> queries;
    // name -> id caches; dropped whenever a transaction rolls back.
    struct Workers
    {
        QHash<QString, int> ids;
        int next = 1;
    };
    QHash<QString, int> accountIds;
    QHash<int, Workers> workerIds;

    QSqlQuery *prepared(const QString &sql);
    bool exec(QSqlQuery *q, std::initializer_list<QVariant> values);
    QSqlQuery *read(const QString &what, const QString &sql, std::initializer_list<QVariant> values);
    bool transaction(const QString &what, const std::function<bool()> &body);
    void fail(const QString &what);
    void closeConnection();

    int accountId(const QString &key, bool create); // 0 = unknown, -1 = error
    int workerId(int account, const QString &name, bool create);
    bool saveWorkerStates(int account, const QHash<QString, WorkerState> &states);
    bool saveAccountState(int account, const AccountState &s);
    bool applyEvents(int account, const QVector<Event> &events);
    qint64 meta(const char *key);
    bool rollUp(int account, const QString &src, const QString &dst, qint64 bucket, qint64 cut);
    QVector<SeriesPoint> series(const QString &what, int account, int worker, qint64 from, qint64 to);
    QVector<LiveMessage> messages(const QString &where, std::initializer_list<QVariant> values);
};

QSqlQuery *Store::Private::prepared(const QString &sql)
{
    auto it = queries.find(sql);
    if (it == queries.end()) {
        QSqlQuery q(db);
        if (!db.isOpen() || !q.prepare(sql)) {
            sqlError = db.isOpen() ? q.lastError()
                                   : QSqlError(QString(), QStringLiteral("the database is not open"));
            return nullptr;
        }
        it = queries.emplace(sql, q).first;
    }
    return &it->second;
}

bool Store::Private::exec(QSqlQuery *q, std::initializer_list<QVariant> values)
{
    if (!q)
        return false; // prepared() recorded why
    int i = 0;
    for (const QVariant &v : values)
        q->bindValue(i++, v);
    if (q->exec())
        return true;
    sqlError = q->lastError();
    q->finish();
    return false;
}

// A prepared, executed SELECT to iterate (then finish(): an unfinished statement would keep a
// read transaction open and stop WAL checkpoints); nullptr after recording the error.
QSqlQuery *Store::Private::read(const QString &what, const QString &sql,
                                std::initializer_list<QVariant> values)
{
    QSqlQuery *q = prepared(sql);
    if (exec(q, values))
        return q;
    fail(what);
    return nullptr;
}

bool Store::Private::transaction(const QString &what, const std::function<bool()> &body)
{
    if (!db.isOpen()) {
        sqlError = QSqlError(QString(), QStringLiteral("the database is not open"));
        fail(what);
        return false;
    }
    QSqlQuery control(db);
    // IMMEDIATE takes the write lock up front, so the busy timeout applies here and a
    // read-then-write transaction cannot deadlock against another writer.
    if (control.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (body()) {
            if (control.exec(QStringLiteral("COMMIT")))
                return true;
            sqlError = control.lastError();
        }
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    } else {
        sqlError = control.lastError();
    }
    // Ids handed out inside the rolled back transaction no longer exist.
    accountIds.clear();
    workerIds.clear();
    fail(what);
    return false;
}

void Store::Private::fail(const QString &what)
{
    lastError = path.isEmpty() ? QStringLiteral("%1: %2").arg(what, plainError(sqlError))
                               : QStringLiteral("%1 (%2): %3").arg(what, QDir::toNativeSeparators(path),
                                                                  plainError(sqlError));
    qCWarning(lcStore).noquote() << lastError;
}

void Store::Private::closeConnection()
{
    queries.clear(); // statements must go before the connection
    accountIds.clear();
    workerIds.clear();
    if (db.isValid())
        db.close();
    db = QSqlDatabase();
    if (!connection.isEmpty())
        QSqlDatabase::removeDatabase(connection);
    connection.clear();
    path.clear();
}

int Store::Private::accountId(const QString &key, bool create)
{
    if (const auto it = accountIds.constFind(key); it != accountIds.cend())
        return *it;
    QSqlQuery *find = prepared(QStringLiteral("SELECT id FROM accounts WHERE key = ?"));
    if (!exec(find, {key}))
        return -1;
    int id = find->next() ? find->value(0).toInt() : 0;
    find->finish();
    if (id == 0 && create) {
        QSqlQuery *insert = prepared(QStringLiteral("INSERT INTO accounts (key) VALUES (?)"));
        if (!exec(insert, {key}))
            return -1;
        id = insert->lastInsertId().toInt();
    }
    if (id > 0)
        accountIds.insert(key, id);
    return id;
}

int Store::Private::workerId(int account, const QString &name, bool create)
{
    auto cache = workerIds.find(account);
    if (cache == workerIds.end()) {
        QSqlQuery *all = prepared(QStringLiteral("SELECT id, name FROM workers WHERE account_id = ?"));
        if (!exec(all, {account}))
            return -1;
        cache = workerIds.insert(account, {});
        for (; all->next(); cache->next = qMax(cache->next, all->value(0).toInt() + 1))
            cache->ids.insert(all->value(1).toString(), all->value(0).toInt());
        all->finish();
    }
    if (const auto it = cache->ids.constFind(name); it != cache->ids.cend())
        return *it;
    if (!create)
        return 0;
    if (!exec(prepared(QStringLiteral("INSERT INTO workers (account_id, id, name) VALUES (?, ?, ?)")),
              {account, cache->next, name}))
        return -1;
    cache->ids.insert(name, cache->next);
    return cache->next++;
}

bool Store::Private::saveWorkerStates(int account, const QHash<QString, WorkerState> &states)
{
    QSqlQuery *listed = prepared(QStringLiteral("SELECT worker_id FROM worker_state WHERE account_id = ?"));
    if (!exec(listed, {account}))
        return false;
    QSet<int> gone;
    while (listed->next())
        gone.insert(listed->value(0).toInt());
    listed->finish();
    QSqlQuery *upsert = prepared(QStringLiteral(
        "INSERT OR REPLACE INTO worker_state (account_id, worker_id, status, status_since,"
        " last_listed_at, hashrate, hashrate_1h, hashrate_24h, stale_24h, last_share_at, host)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        const int worker = workerId(account, it.key(), true);
        const WorkerState &s = it.value();
        if (worker < 0
            || !exec(upsert, {account, worker, workerStatusKey(s.status), s.statusSince,
                              s.lastListedAt, s.sample.hashRate, s.sample.hashRate1h,
                              s.sample.hashRate24h, s.sample.staleRate24h, s.sample.lastShareAt,
                              s.sample.host}))
            return false;
        gone.remove(worker);
    }
    QSqlQuery *remove = prepared(QStringLiteral("DELETE FROM worker_state WHERE account_id = ? AND worker_id = ?"));
    for (int worker : std::as_const(gone))
        if (!exec(remove, {account, worker}))
            return false;
    return true;
}

bool Store::Private::saveAccountState(int account, const AccountState &s)
{
    return exec(prepared(QStringLiteral("INSERT OR REPLACE INTO account_state (account_id,"
                                        " last_success_at, last_attempt_at, unreachable_since, last_error,"
                                        " incident_since, hashrate_low, pool_unreachable)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
                {account, s.lastSuccessAt, s.lastAttemptAt, s.unreachableSince, s.lastError,
                 s.incidentSince, int(s.hashrateLow), int(s.poolUnreachable)});
}

bool Store::Private::applyEvents(int account, const QVector<Event> &events)
{
    for (const Event &e : events) {
        const bool opens = e.kind == Event::WentOffline || e.kind == Event::WentMissing;
        const bool closes = e.kind == Event::CameBack || e.kind == Event::Retired;
        if (e.worker.isEmpty() || !(opens || closes))
            continue; // account-level events live in account_state
        const int worker = workerId(account, e.worker, true);
        if (worker < 0)
            return false;
        if (opens) {
            // The partial unique index keeps an outage already open (offline, then missing).
            if (!exec(prepared(QStringLiteral("INSERT OR IGNORE INTO outages (account_id, worker_id,"
                                              " start_at) VALUES (?, ?, ?)")),
                      {account, worker, e.at}))
                return false;
            continue;
        }
        QSqlQuery *close = prepared(QStringLiteral("UPDATE outages SET end_at = max(start_at, ?) WHERE"
                                                   " account_id = ? AND worker_id = ? AND end_at IS NULL"));
        if (!exec(close, {e.at, account, worker}))
            return false;
        // Began before this database knew of it (a new file, a lost write): still log it.
        if (close->numRowsAffected() == 0 && e.durationSecs > 0
            && !exec(prepared(QStringLiteral("INSERT INTO outages (account_id, worker_id, start_at,"
                                             " end_at) VALUES (?, ?, ?, ?)")),
                     {account, worker, e.at - e.durationSecs, e.at}))
            return false;
    }
    return true;
}

qint64 Store::Private::meta(const char *key)
{
    QSqlQuery *q = prepared(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!exec(q, {QString::fromLatin1(key)}))
        return -1;
    const qint64 value = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return value;
}

// Merges the rows of `src` older than `cut` into `bucket`-second averages in `dst`, weighted
// by the raw samples behind each row, then deletes them. Merging (rather than replacing)
// keeps repeated runs and samples that arrive late exact.
bool Store::Private::rollUp(int account, const QString &src, const QString &dst, qint64 bucket,
                            qint64 cut)
{
    const bool samples = src.startsWith(QLatin1String("samples"));
    const QString weight = src.contains(QLatin1Char('_')) ? QStringLiteral("n") : QStringLiteral("1");
    const QString values = samples ? QStringLiteral("hashrate")
                                   : QStringLiteral("hashrate, online, offline, total");
    QStringList averages, merges;
    for (const QString &v : values.split(QStringLiteral(", "))) {
        averages << QStringLiteral("total(%1 * %2) / total(%2)").arg(v, weight);
        merges << QStringLiteral("%1 = (%1 * n + excluded.%1 * excluded.n) / (n + excluded.n)").arg(v);
    }
    const QString keys = samples ? QStringLiteral("at, worker_id") : QStringLiteral("at");
    const QString bucketOf = QStringLiteral("at - at % ") + QString::number(bucket)
                             + (samples ? QStringLiteral(", worker_id") : QString());
    const QString insert = QStringLiteral(
        "INSERT INTO %1 (account_id, %2, %3, n) SELECT account_id, %4, %5, total(%6) FROM %7"
        " WHERE account_id = ? AND at < ? GROUP BY %4"
        " ON CONFLICT (account_id, %2) DO UPDATE SET %8, n = n + excluded.n")
        .arg(dst, keys, values, bucketOf, averages.join(QStringLiteral(", ")), weight, src,
             merges.join(QStringLiteral(", ")));
    return exec(prepared(insert), {account, cut})
           && exec(prepared(QStringLiteral("DELETE FROM %1 WHERE account_id = ? AND at < ?").arg(src)),
                   {account, cut});
}

// Daily rows before hourly_cut, hourly rows in [hourly_cut, raw_cut), raw rows from raw_cut:
// each span from the finest table that holds it, and none twice. `worker` 0 = account totals.
QVector<SeriesPoint> Store::Private::series(const QString &what, int account, int worker,
                                            qint64 from, qint64 to)
{
    sqlError = QSqlError();
    const qint64 hourlyCut = meta("hourly_cut"), rawCut = meta("raw_cut");
    const struct { const char *suffix; qint64 begin, lo, hi; } parts[] = {
        {"_daily", from - Day + 1, 0, hourlyCut}, // roll-up buckets overlapping [from, to]
        {"_hourly", from - Hour + 1, hourlyCut, rawCut},
        {"", from, rawCut, std::numeric_limits<qint64>::max()},
    };
    const QString span = QStringLiteral("polls%1 WHERE account_id = ? AND at >= ? AND at <= ?"
                                        " AND at >= ? AND at < ?");
    // Worker rows are keyed (account, time, worker): seek the poll times rather than scan
    // every worker's rows.
    const QString sql = worker ? QStringLiteral("SELECT at, hashrate, 0 FROM samples%1 WHERE account_id = ?"
                                                " AND worker_id = ? AND at IN (SELECT at FROM ")
                                     + span + QStringLiteral(") ORDER BY at")
                               : QStringLiteral("SELECT at, hashrate, online FROM ") + span
                                     + QStringLiteral(" ORDER BY at");
    QVector<SeriesPoint> points;
    for (const auto &part : parts) {
        if (hourlyCut < 0 || rawCut < 0)
            break;
        if (part.lo >= part.hi)
            continue;
        QSqlQuery *q = prepared(sql.arg(QLatin1String(part.suffix)));
        const bool ok = worker ? exec(q, {account, worker, account, part.begin, to, part.lo, part.hi})
                               : exec(q, {account, part.begin, to, part.lo, part.hi});
        if (!ok)
            break;
        while (q->next())
            points.append({q->value(0).toLongLong(), q->value(1).toDouble(), qRound(q->value(2).toDouble())});
        q->finish();
    }
    if (sqlError.isValid())
        fail(what);
    return points;
}

QVector<LiveMessage> Store::Private::messages(const QString &where,
                                              std::initializer_list<QVariant> values)
{
    QVector<LiveMessage> list;
    QSqlQuery *q = read(QStringLiteral("cannot read the Telegram messages"),
                        QStringLiteral("SELECT id, account, chat, message_id, content_hash, text, sent_at,"
                                       " edited_at, state, detail FROM telegram_messages ")
                            + where, values);
    while (q && q->next()) {
        LiveMessage m;
        m.id = q->value(0).toLongLong();
        m.account = q->value(1).toString();
        m.chat = q->value(2).toString();
        m.messageId = q->value(3).toLongLong();
        m.contentHash = q->value(4).toByteArray();
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

Store::Store(QObject *parent) : QObject(parent), d(new Private) {}

Store::~Store()
{
    d->closeConnection();
    delete d;
}

bool Store::open(const QString &path, QString *error)
{
    d->closeConnection();
    const QString file = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    auto fail = [&](const QString &why) {
        d->closeConnection();
        d->lastError = QStringLiteral("cannot open database %1: %2").arg(QDir::toNativeSeparators(file), why);
        qCWarning(lcStore).noquote() << d->lastError;
        if (error)
            *error = d->lastError;
        return false;
    };
    if (file.isEmpty())
        return fail(QStringLiteral("no file name given"));
    QString why;
    if (QFileInfo(file).isDir())
        return fail(QStringLiteral("it is a directory"));
    if (!ensureDirectory(QFileInfo(file).absolutePath(), &why))
        return fail(why);

    d->connection = QStringLiteral("rigwatch.store.%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connection);
    if (!d->db.isValid())
        return fail(QStringLiteral("Qt's SQLite driver (QSQLITE) is not available"));
    d->db.setDatabaseName(file);
    if (!d->db.open())
        return fail(plainError(d->db.lastError()));
    QSqlQuery q(d->db);
    for (const QString &sql : {
             QStringLiteral("PRAGMA busy_timeout = %1").arg(d->busyTimeoutMs),
             // The first statement that reads the file: where "not a database" shows up.
             // In WAL mode with synchronous=NORMAL a committed transaction survives a killed
             // process; a power cut may lose the last commits, never consistency.
             QStringLiteral("PRAGMA journal_mode = WAL"),
             QStringLiteral("PRAGMA synchronous = NORMAL"),
             // Checkpoint every ~1 MB and cut the log back to 1 MB: the WAL stays small
             // whatever the farm's size.
             QStringLiteral("PRAGMA wal_autocheckpoint = 256"),
             QStringLiteral("PRAGMA journal_size_limit = 1048576")}) {
        if (!q.exec(sql))
            return fail(plainError(q.lastError()));
        if (sql.contains(QLatin1String("journal_mode")) && q.next() && q.value(0).toString() != QLatin1String("wal"))
            qCWarning(lcStore) << "database" << file << "is not in WAL mode:" << q.value(0).toString();
        q.finish();
    }
    if (!Schema::migrate(d->db, &why))
        return fail(why);
    d->path = file;
    d->lastError.clear();
    qCInfo(lcStore) << "opened database" << file;
    return true;
}

bool Store::isOpen() const { return d->db.isOpen(); }
void Store::close() { d->closeConnection(); }
QString Store::path() const { return d->path; }
QString Store::lastError() const { return d->lastError; }
int Store::schemaVersion() { return Schema::version(); }
QString Store::connectionName() const { return d->connection; }

void Store::setBusyTimeout(int ms)
{
    d->busyTimeoutMs = ms;
    if (d->db.isOpen())
        QSqlQuery(d->db).exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(ms));
}

bool Store::recordPoll(const QString &account, qint64 at, const Snapshot &snapshot,
                       const QHash<QString, WorkerState> &states, const AccountState &accountState,
                       const QVector<Event> &events)
{
    return d->transaction(QStringLiteral("cannot save the poll of account \"%1\"").arg(account), [&] {
        const int acc = d->accountId(account, true);
        int online = 0, offline = 0;
        for (const WorkerState &s : states) {
            online += s.status == WorkerStatus::Online;
            offline += s.status == WorkerStatus::Offline || s.status == WorkerStatus::Missing;
        }
        // OR REPLACE: a repeated poll time (the pool's Date header did not move) replaces it.
        if (acc < 0
            || !d->exec(d->prepared(QStringLiteral("INSERT OR REPLACE INTO polls (account_id, at, hashrate,"
                                                   " online, offline, total) VALUES (?, ?, ?, ?, ?, ?)")),
                        {acc, at, snapshot.totalHashRate, online, offline, online + offline}))
            return false;
        QSqlQuery *sample = d->prepared(QStringLiteral("INSERT OR REPLACE INTO samples (account_id, at,"
                                                       " worker_id, hashrate) VALUES (?, ?, ?, ?)"));
        for (const WorkerSample &w : snapshot.workers) {
            const int worker = d->workerId(acc, w.name, true);
            if (worker < 0 || !d->exec(sample, {acc, at, worker, w.hashRate}))
                return false;
        }
        return d->saveWorkerStates(acc, states) && d->saveAccountState(acc, accountState)
               && d->applyEvents(acc, events);
    });
}

bool Store::recordFailure(const QString &account, const AccountState &accountState,
                          const QVector<Event> &events)
{
    return d->transaction(QStringLiteral("cannot save the failed poll of account \"%1\"").arg(account), [&] {
        const int acc = d->accountId(account, true);
        return acc > 0 && d->saveAccountState(acc, accountState) && d->applyEvents(acc, events);
    });
}

QHash<QString, WorkerState> Store::workerStates(const QString &account) const
{
    const QString what = QStringLiteral("cannot read the worker states of account \"%1\"").arg(account);
    QHash<QString, WorkerState> states;
    const int acc = d->accountId(account, false);
    QSqlQuery *q = acc <= 0 ? nullptr : d->read(what, QStringLiteral(
        "SELECT w.name, s.status, s.status_since, s.last_listed_at, s.hashrate, s.hashrate_1h,"
        " s.hashrate_24h, s.stale_24h, s.last_share_at, s.host FROM worker_state s JOIN workers w"
        " ON w.account_id = s.account_id AND w.id = s.worker_id WHERE s.account_id = ?"), {acc});
    if (acc < 0)
        d->fail(what);
    while (q && q->next()) {
        WorkerState s;
        s.sample.name = q->value(0).toString();
        const std::optional<WorkerStatus> status = workerStatusFromKey(q->value(1).toString());
        if (!status) { // only a newer build writes that; the next poll rewrites the row
            qCWarning(lcStore) << "unknown status" << q->value(1).toString() << "of" << s.sample.name;
            continue;
        }
        s.status = *status;
        s.statusSince = q->value(2).toLongLong();
        s.lastListedAt = q->value(3).toLongLong();
        s.sample.hashRate = q->value(4).toDouble();
        s.sample.hashRate1h = q->value(5).toDouble();
        s.sample.hashRate24h = q->value(6).toDouble();
        s.sample.staleRate24h = q->value(7).toDouble();
        s.sample.lastShareAt = q->value(8).toLongLong();
        s.sample.host = q->value(9).toString();
        states.insert(s.sample.name, s);
    }
    if (q)
        q->finish();
    return states;
}

AccountState Store::accountState(const QString &account) const
{
    const QString what = QStringLiteral("cannot read the state of account \"%1\"").arg(account);
    AccountState s;
    const int acc = d->accountId(account, false);
    QSqlQuery *q = acc <= 0 ? nullptr : d->read(what, QStringLiteral(
        "SELECT last_success_at, last_attempt_at, unreachable_since, last_error, incident_since,"
        " hashrate_low, pool_unreachable FROM account_state WHERE account_id = ?"), {acc});
    if (acc < 0)
        d->fail(what);
    if (q && q->next()) {
        s.lastSuccessAt = q->value(0).toLongLong();
        s.lastAttemptAt = q->value(1).toLongLong();
        s.unreachableSince = q->value(2).toLongLong();
        s.lastError = q->value(3).toString();
        s.incidentSince = q->value(4).toLongLong();
        s.hashrateLow = q->value(5).toBool();
        s.poolUnreachable = q->value(6).toBool();
    }
    if (q)
        q->finish();
    return s;
}

QStringList Store::accounts() const
{
    QStringList keys;
    QSqlQuery *q = d->read(QStringLiteral("cannot read the accounts"),
                           QStringLiteral("SELECT key FROM accounts ORDER BY key"), {});
    while (q && q->next())
        keys << q->value(0).toString();
    if (q)
        q->finish();
    return keys;
}

QVector<SeriesPoint> Store::accountSeries(const QString &account, qint64 from, qint64 to) const
{
    const QString what = QStringLiteral("cannot read the hashrate history of account \"%1\"").arg(account);
    const int acc = d->accountId(account, false);
    if (acc < 0)
        d->fail(what);
    return acc > 0 ? d->series(what, acc, 0, from, to) : QVector<SeriesPoint>();
}

QVector<SeriesPoint> Store::workerSeries(const QString &account, const QString &worker, qint64 from,
                                         qint64 to) const
{
    const QString what = QStringLiteral("cannot read the hashrate history of worker \"%1\"").arg(worker);
    const int acc = d->accountId(account, false);
    const int id = acc > 0 ? d->workerId(acc, worker, false) : acc;
    if (id < 0)
        d->fail(what);
    return id > 0 ? d->series(what, acc, id, from, to) : QVector<SeriesPoint>();
}

QVector<Outage> Store::outages(const QString &account, qint64 from, qint64 to,
                               const QString &workerFilter) const
{
    const QString what = QStringLiteral("cannot read the outages of account \"%1\"").arg(account);
    QVector<Outage> list;
    const int acc = d->accountId(account, false);
    QSqlQuery *q = acc <= 0 ? nullptr : d->read(what, QStringLiteral(
        "SELECT w.name, o.start_at, o.end_at FROM outages o JOIN workers w ON w.account_id ="
        " o.account_id AND w.id = o.worker_id WHERE o.account_id = ? AND o.start_at <= ? AND"
        " (o.end_at IS NULL OR o.end_at >= ?) ORDER BY o.start_at DESC, w.name"), {acc, to, from});
    if (acc < 0)
        d->fail(what);
    while (q && q->next()) {
        const Outage o{q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toLongLong()};
        if (o.worker.contains(workerFilter, Qt::CaseInsensitive)) // an empty filter matches all
            list.append(o);
    }
    if (q)
        q->finish();
    return list;
}

bool Store::applyRetention(qint64 now)
{
    return d->transaction(QStringLiteral("cannot roll up old samples"), [&] {
        // Whole UTC hours and days, never moving back, so each bucket lives in one table.
        const qint64 oldRaw = d->meta("raw_cut"), oldHourly = d->meta("hourly_cut");
        const qint64 rawCut = qMax(oldRaw, (now - 48 * Hour) / Hour * Hour);
        const qint64 hourlyCut = qMax(oldHourly, (now - 90 * Day) / Day * Day);
        QSqlQuery *ids = d->prepared(QStringLiteral("SELECT id FROM accounts"));
        if (oldRaw < 0 || oldHourly < 0 || !d->exec(ids, {}))
            return false;
        QVector<int> accounts;
        while (ids->next())
            accounts << ids->value(0).toInt();
        ids->finish();
        for (int acc : std::as_const(accounts)) {
            for (const QString &t : {QStringLiteral("polls"), QStringLiteral("samples")}) {
                const QString hourly = t + QStringLiteral("_hourly");
                if (!d->rollUp(acc, t, hourly, Hour, rawCut)
                    || !d->rollUp(acc, hourly, t + QStringLiteral("_daily"), Day, hourlyCut))
                    return false;
            }
        }
        QSqlQuery *set = d->prepared(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        return d->exec(set, {QStringLiteral("raw_cut"), rawCut})
               && d->exec(set, {QStringLiteral("hourly_cut"), hourlyCut});
    });
}

bool Store::saveMessage(LiveMessage &m)
{
    qint64 id = m.id;
    const bool ok = d->transaction(QStringLiteral("cannot save a Telegram message"), [&] {
        QSqlQuery *q = d->prepared(m.id == 0
            ? QStringLiteral("INSERT INTO telegram_messages (account, chat, message_id, content_hash,"
                             " text, sent_at, edited_at, state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            : QStringLiteral("UPDATE telegram_messages SET account = ?, chat = ?, message_id = ?,"
                             " content_hash = ?, text = ?, sent_at = ?, edited_at = ?, state = ?, detail = ?"
                             " WHERE id = ?"));
        if (q && m.id)
            q->bindValue(9, m.id); // WHERE id = ?
        if (!d->exec(q, {m.account, m.chat, m.messageId, m.contentHash, m.text, m.sentAt, m.editedAt,
                         QString::fromLatin1(MessageStates[m.state]), m.detail}))
            return false;
        if (m.id == 0) {
            id = q->lastInsertId().toLongLong();
            return true;
        }
        if (q->numRowsAffected() == 1)
            return true;
        d->sqlError = QSqlError(QString(), QStringLiteral("no saved message has id %1").arg(m.id));
        return false;
    });
    if (ok)
        m.id = id; // only once the row is really there
    return ok;
}

QVector<LiveMessage> Store::liveMessages(const QString &account) const
{
    return account.isEmpty()
        ? d->messages(QStringLiteral("WHERE state IN ('sending', 'live') ORDER BY id"), {})
        : d->messages(QStringLiteral("WHERE state IN ('sending', 'live') AND account = ? ORDER BY id"),
                      {account});
}

QVector<LiveMessage> Store::messageHistory(int limit) const
{
    return d->messages(QStringLiteral("ORDER BY id DESC LIMIT ?"), {limit});
}

} // namespace rw
