// Store's connection: open/close, prepared statements, transactions, the id caches, and the
// current worker and account state. Poll history is in storeseries.cpp, the Telegram message
// rows in storemessages.cpp.

#include "store/store.h"

#include "store/schema.h"
#include "store/store_p.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QThread>

#include <atomic>
#include <cstring>

namespace rw {

namespace storedetail {
Q_LOGGING_CATEGORY(lcStore, "rigwatch.store", QtInfoMsg)
} // namespace storedetail

using storedetail::lcStore;

namespace {

// An SQLite error in plain words, keeping SQLite's own text for whoever debugs it.
QString plainError(const QSqlError &e)
{
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    QString plain;
    switch (e.nativeErrorCode().toInt() & 0xff) { // primary SQLite result code
    case 5:                                       // SQLITE_BUSY
    case 6:
        plain = StoreText::tr("the database is locked by another program");
        break;
    case 8:
        plain = StoreText::tr("the file or its folder is read-only");
        break;
    case 10:
        plain = StoreText::tr("the disk reported an input/output error");
        break;
    case 13:
        plain = StoreText::tr("the disk is full");
        break;
    case 14:
        plain = StoreText::tr("the file cannot be opened or created");
        break;
    case 26:
        plain = StoreText::tr("the file is not a database");
        break;
    default:
        return text;
    }
    return plain + QStringLiteral(" (") + text + QLatin1Char(')');
}

Store::Problem problemOf(const QSqlError &e)
{
    switch (e.nativeErrorCode().toInt() & 0xff) {
    case 0:
        return e.type() == QSqlError::NoError ? Store::Problem::None : Store::Problem::Other;
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
    case 10: // SQLITE_IOERR
    case 13:
        return Store::Problem::Transient; // SQLITE_FULL
    case 11:                              // SQLITE_CORRUPT
    case 26:
        return Store::Problem::Damaged; // SQLITE_NOTADB
    default:
        return Store::Problem::Other;
    }
}

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
    *why = StoreText::tr("cannot create the directory %1").arg(QDir::toNativeSeparators(dir));
    return false;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

namespace {
// Off in release builds: a pointer compare per statement is cheap, but a qFatal in an
// operator's tray app is not what a wrong thread deserves. Tests turn it on (checkThreads).
#ifdef QT_NO_DEBUG
std::atomic<bool> g_checkThreads{false};
#else
std::atomic<bool> g_checkThreads{true};
#endif
std::atomic<QThread *> g_forbiddenThread{nullptr};
} // namespace

void Store::checkThreads(QThread *forbidden)
{
    g_forbiddenThread = forbidden;
    g_checkThreads = true;
}

void Store::Private::checkThread() const
{
    if (!g_checkThreads)
        return;
    QThread *here = QThread::currentThread();
    if (here == g_forbiddenThread)
        qFatal("rigwatch.store: the database was used on a forbidden thread (%s): the GUI thread "
               "never touches it (invariant 7 of docs/architecture.md)",
               qPrintable(here->objectName()));
    if (owner && here != owner)
        qFatal("rigwatch.store: a store opened on one thread was used on another (%s)",
               qPrintable(here->objectName()));
}

QSqlQuery *Store::Private::prepared(const QString &sql)
{
    checkThread();
    auto it = queries.find(sql);
    if (it == queries.end()) {
        QSqlQuery q(db);
        // Rows are read once, in order: without this Qt keeps a copy of every row read until
        // the query runs again (a farm's worth of blobs after a load).
        q.setForwardOnly(true);
        if (!db.isOpen() || !q.prepare(sql)) {
            sqlError = db.isOpen()
                           ? q.lastError()
                           : QSqlError(QString(), StoreText::tr("the database is not open"));
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
    checkThread();
    if (!db.isOpen()) {
        sqlError = QSqlError(QString(), StoreText::tr("the database is not open"));
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
    paceWritten.clear();
    fail(what);
    return false;
}

void Store::Private::fail(const QString &what)
{
    problem = problemOf(sqlError);
    lastError = path.isEmpty()
                    ? QStringLiteral("%1: %2").arg(what, plainError(sqlError))
                    : QStringLiteral("%1 (%2): %3")
                          .arg(what, QDir::toNativeSeparators(path), plainError(sqlError));
    qCWarning(lcStore).noquote() << lastError;
}

void Store::Private::closeConnection()
{
    queries.clear(); // statements must go before the connection
    accountIds.clear();
    workerIds.clear();
    paceWritten.clear();
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
    Workers &cache = workerIds[account];
    if (const auto it = cache.ids.constFind(name); it != cache.ids.cend())
        return *it;
    if (lastWorkerId(account) < 0)
        return -1;
    if (!cache.fresh) { // perhaps known to the file: restored, forgotten, or only in outages
        QSqlQuery *find =
            prepared(QStringLiteral("SELECT id FROM workers WHERE account_id = ? AND name = ?"));
        if (!exec(find, {account, name}))
            return -1;
        const int id = find->next() ? find->value(0).toInt() : 0;
        find->finish();
        if (id > 0) {
            cache.ids.insert(name, id);
            return id;
        }
    }
    if (!create)
        return 0;
    if (!exec(
            prepared(QStringLiteral("INSERT INTO workers (account_id, id, name) VALUES (?, ?, ?)")),
            {account, cache.next, name}))
        return -1;
    cache.ids.insert(name, cache.next);
    return cache.next++;
}

int Store::Private::lastWorkerId(int account)
{
    Workers &cache = workerIds[account];
    if (cache.next == 0) {
        QSqlQuery *max = prepared(QStringLiteral(
            "SELECT coalesce(max(id), 0), count(*) FROM workers WHERE account_id = ?"));
        if (!exec(max, {account}) || !max->next())
            return -1;
        cache.next = max->value(0).toInt() + 1;
        cache.fresh = max->value(1).toInt() == 0;
        max->finish();
    }
    return cache.next - 1;
}

bool Store::Private::numberInListOrder(int account, const QVector<WorkerSample> &workers)
{
    if (lastWorkerId(account) < 0)
        return false;
    const Workers &cache = workerIds[account];
    if (!cache.fresh || !cache.ids.isEmpty())
        return true;
    for (const WorkerSample &w : workers)
        if (!w.name.isEmpty() && workerId(account, w.name, true) < 0)
            return false;
    return true;
}

bool Store::Private::loadWorkerChunks(int account, QHash<QString, WorkerState> *states)
{
    using namespace workerpack;
    Workers &cache = workerIds[account];
    if (cache.chunksLoaded && !states)
        return true;
    auto validChunk = [](int chunk) { return chunk >= 0 && chunk <= (1 << 22); };
    std::vector<QByteArray> readingRows;
    QSqlQuery *q =
        prepared(QStringLiteral("SELECT chunk, data FROM worker_readings WHERE account_id = ?"));
    if (!exec(q, {account}))
        return false;
    while (q->next()) {
        const int chunk = q->value(0).toInt();
        if (!validChunk(chunk))
            continue;
        if (size_t(chunk) >= readingRows.size())
            readingRows.resize(size_t(chunk) + 1);
        readingRows[size_t(chunk)] = q->value(1).toByteArray();
    }
    q->finish();
    cache.present.assign(readingRows.size(), {});
    cache.readings.assign(readingRows.size(), 0);
    for (size_t chunk = 0; chunk < readingRows.size(); ++chunk)
        cache.readings[chunk] = qHash(readingRows[chunk]);
    // Sized once: growing a table of a farm's names step by step rehashes it many times.
    if (states)
        states->reserve(qsizetype(readingRows.size()) * kChunkSlots);

    q = prepared(QStringLiteral("SELECT chunk, data FROM worker_identity WHERE account_id = ?"));
    if (!exec(q, {account}))
        return false;
    IdentityChunk cells;
    TextCache hosts;
    while (q->next()) {
        const int chunk = q->value(0).toInt();
        if (!validChunk(chunk))
            continue;
        if (size_t(chunk) >= cache.present.size()) {
            cache.present.resize(size_t(chunk) + 1);
            cache.readings.resize(size_t(chunk) + 1);
            readingRows.resize(size_t(chunk) + 1);
        }
        if (!decodeIdentities(q->value(1).toByteArray(), &cells, states ? &hosts : nullptr)) {
            qCWarning(lcStore) << "unreadable worker states in chunk" << chunk << "of account"
                               << account << "- the next poll rewrites them";
            continue;
        }
        for (int slot = 0; slot < kChunkSlots; ++slot) {
            const Identity &id = cells[size_t(slot)];
            if (id.name.isEmpty())
                continue;
            cache.present[size_t(chunk)][size_t(slot)] = true;
            if (!states)
                continue;
            WorkerState s;
            s.sample.name = id.name;
            s.sample.host = id.host;
            s.status = id.status;
            s.statusSince = id.statusSince;
            s.storeId = chunk * kChunkSlots + slot + 1;
            s.identityStored = true;
            readingsAt(readingRows[size_t(chunk)], slot, &s);
            states->insert(id.name, s);
        }
    }
    q->finish();
    cache.chunksLoaded = true;
    return true;
}

// A poll's workers from their states, for callers without a pack the monitor filled: one walk
// in the states' own (memory) order packs them at their ids. A state the file lacks the slot
// of counts as changed whatever its WorkerState::identityStored says.
bool Store::Private::saveWorkers(int account, qint64 at, qint64 listedAt,
                                 const QHash<QString, WorkerState> &states, int *online,
                                 int *offline, QVector<StoreId> *assigned)
{
    using namespace workerpack;
    if (!loadWorkerChunks(account))
        return false;
    const Workers &cache = workerIds[account];
    PollPack pack(int(cache.present.size()) * kChunkSlots);
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        const WorkerState &s = it.value();
        const int id = s.storeId;
        const bool inFile = id > 0 && size_t(chunkOf(id)) < cache.present.size() &&
                            cache.present[size_t(chunkOf(id))][size_t(slotOf(id))];
        pack.add(it.key(), s, s.lastListedAt == listedAt, s.identityStored && inFile);
    }
    *online = pack.online();
    *offline = pack.offline();
    return savePack(account, at, listedAt, states, pack, assigned);
}

// Writes what a poll changed of the account's workers: the identity rows of the chunks where a
// worker is new, changed or gone (read from the file, patched), the readings rows that differ
// from the file's, and a sample row per chunk.
bool Store::Private::savePack(int account, qint64 at, qint64 listedAt,
                              const QHash<QString, WorkerState> &states, PollPack &pack,
                              QVector<StoreId> *assigned)
{
    using namespace workerpack;
    if (!loadWorkerChunks(account))
        return false;
    Workers &cache = workerIds[account];
    // The identities to write, by id: the changed ones, and the new workers, who get their ids.
    struct Changed
    {
        int id;
        const QString *name;
        const WorkerState *state;
    };
    std::vector<Changed> changed;
    changed.reserve(size_t(pack.m_changed.size() + pack.m_new));
    for (const PollPack::Changed &c : std::as_const(pack.m_changed))
        if (const auto it = states.constFind(c.name); it != states.cend())
            changed.push_back({c.id, &it.key(), &it.value()});
    for (auto it = states.cbegin(); pack.m_new > 0 && it != states.cend(); ++it) {
        if (it->storeId > 0)
            continue;
        const int id = workerId(account, it.key(), true);
        if (id < 0)
            return false;
        if (assigned)
            assigned->append({it.key(), id});
        pack.place(id, *it, it->lastListedAt == listedAt);
        changed.push_back({id, &it.key(), &it.value()});
    }
    std::sort(changed.begin(), changed.end(),
              [](const Changed &x, const Changed &y) { return x.id < y.id; });
    auto nextChanged = changed.cbegin();
    const size_t chunks =
        std::max(cache.present.size(), (pack.m_codes.size() + kChunkSlots - 1) / kChunkSlots);
    cache.present.resize(chunks);
    cache.readings.resize(chunks);

    // Updated in place: INSERT OR REPLACE would delete each row and insert it again under a new
    // rowid, rewriting the key's index and the pages of the freed and the new row every poll.
    QSqlQuery *getIdentity = prepared(
        QStringLiteral("SELECT data FROM worker_identity WHERE account_id = ? AND chunk = ?"));
    QSqlQuery *putIdentity = prepared(
        QStringLiteral("INSERT INTO worker_identity (account_id, chunk, data) VALUES (?, ?, ?)"
                       " ON CONFLICT (account_id, chunk) DO UPDATE SET data = excluded.data"));
    QSqlQuery *putReadingsRow = prepared(
        QStringLiteral("INSERT INTO worker_readings (account_id, chunk, data) VALUES (?, ?, ?)"
                       " ON CONFLICT (account_id, chunk) DO UPDATE SET data = excluded.data"));
    // OR REPLACE: a repeated poll time (the pool's Date header did not move) replaces it. A
    // poll older than the recent cut (the pool's clock went back) joins the settled rows.
    const qint64 recentCut = meta("recent_cut");
    if (recentCut < 0)
        return false;
    QSqlQuery *putSamples =
        prepared(at >= recentCut ? QStringLiteral("INSERT OR REPLACE INTO worker_samples_recent"
                                                  " (account_id, chunk, at, data)"
                                                  " VALUES (?, ?, ?, ?)")
                                 : QStringLiteral("INSERT OR REPLACE INTO worker_samples"
                                                  " (account_id, chunk, at, data)"
                                                  " VALUES (?, ?, ?, ?)"));
    const size_t packed = pack.m_codes.size();
    for (size_t chunk = 0; chunk < chunks; ++chunk) {
        const size_t first = chunk * kChunkSlots; // index of the chunk's first id in the pack
        const size_t width = first < packed ? std::min<size_t>(kChunkSlots, packed - first) : 0;
        std::bitset<kChunkSlots> present;
        for (size_t slot = 0; slot < width; ++slot)
            present[slot] = pack.m_present[first + slot];
        const std::bitset<kChunkSlots> gone = cache.present[chunk] & ~present;
        const bool identityChanged = gone.any() || (nextChanged != changed.cend() &&
                                                    size_t(chunkOf(nextChanged->id)) == chunk);
        if (identityChanged) {
            IdentityChunk cells;
            if (cache.present[chunk].any()) {
                if (!exec(getIdentity, {account, int(chunk)}))
                    return false;
                if (getIdentity->next())
                    decodeIdentities(getIdentity->value(0).toByteArray(), &cells);
                getIdentity->finish();
            }
            for (size_t slot = 0; slot < size_t(kChunkSlots); ++slot)
                if (gone[slot])
                    cells[slot] = {};
            for (; nextChanged != changed.cend() && size_t(chunkOf(nextChanged->id)) == chunk;
                 ++nextChanged)
                cells[size_t(slotOf(nextChanged->id))] = {
                    *nextChanged->name, nextChanged->state->status, nextChanged->state->statusSince,
                    nextChanged->state->sample.host};
            for (size_t slot = 0; slot < size_t(kChunkSlots); ++slot)
                cache.present[chunk][slot] = !cells[slot].name.isEmpty();
            if (!exec(putIdentity, {account, int(chunk), encodeIdentities(cells)}))
                return false;
        }
        QByteArray readings(kChunkSlots * kReadingBytes, '\0');
        SampleSlots samples;
        if (width) {
            std::memcpy(readings.data(), pack.m_readings.data() + first * kReadingBytes,
                        width * kReadingBytes);
            std::copy_n(pack.m_codes.begin() + qsizetype(first), width, samples.code.begin());
        }
        trimReadings(&readings);
        const size_t hash = qHash(readings);
        if (hash != cache.readings[chunk]) {
            if (!exec(putReadingsRow, {account, int(chunk), readings}))
                return false;
            cache.readings[chunk] = hash;
        }
        const QByteArray row = encodeSamples(samples, 0);
        if (row.size() > 1 && !exec(putSamples, {account, int(chunk), at, row}))
            return false;
    }
    return true;
}

namespace {
QString paceKey(int account)
{
    return QStringLiteral("pace.%1").arg(account);
}

// "blocked-until;first,delta,delta...": a paged poll leaves hundreds of requests in a window.
QString encodePace(const AccountState &s)
{
    QString text = QString::number(s.poolBlockedUntilMs) + QLatin1Char(';');
    qint64 previous = 0;
    for (qsizetype i = 0; i < s.poolRequestsMs.size(); ++i) {
        if (i)
            text += QLatin1Char(',');
        text += QString::number(s.poolRequestsMs.at(i) - previous);
        previous = s.poolRequestsMs.at(i);
    }
    return text;
}

// A record that does not read whole is ignored: the next poll paces from lastAttemptAt alone.
void decodePace(const QString &text, AccountState *s)
{
    const qsizetype semi = text.indexOf(QLatin1Char(';'));
    bool ok = semi > 0;
    const qint64 blocked = ok ? text.left(semi).toLongLong(&ok) : 0;
    QVector<qint64> times;
    qint64 at = 0;
    const QString list = ok ? text.mid(semi + 1) : QString();
    for (const QStringView part : QStringView(list).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qint64 delta = ok ? part.toLongLong(&ok) : 0;
        at += delta;
        times.append(at);
    }
    if (!ok || (!times.isEmpty() && times.first() <= 0))
        return;
    s->poolBlockedUntilMs = blocked;
    s->poolRequestsMs = times;
}
} // namespace

bool Store::Private::saveAccountState(int account, const AccountState &s)
{
    // Written when it changed: an account without a rate limit (f2pool) never has one.
    const bool paced = s.poolBlockedUntilMs > 0 || !s.poolRequestsMs.isEmpty();
    const QString pace = paced ? encodePace(s) : QString();
    if (const auto it = paceWritten.constFind(account); it == paceWritten.cend() || *it != pace) {
        if (paced ? !exec(prepared(QStringLiteral(
                              "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")),
                          {paceKey(account), pace})
                  : !exec(prepared(QStringLiteral("DELETE FROM meta WHERE key = ?")),
                          {paceKey(account)}))
            return false;
        paceWritten.insert(account, pace);
    }
    return exec(
        prepared(QStringLiteral("INSERT OR REPLACE INTO account_state (account_id,"
                                " last_success_at, last_attempt_at, unreachable_since, last_error,"
                                " incident_since, hashrate_low, pool_unreachable)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
        {account, s.lastSuccessAt, s.lastAttemptAt, s.unreachableSince, s.lastError,
         s.incidentSince, int(s.hashrateLow), int(s.poolUnreachable)});
}

Store::Store(QObject *parent) : QObject(parent), d(new Private) {}

Store::~Store()
{
    d->closeConnection();
    delete d;
}

bool Store::open(const QString &path, QString *error)
{
    d->owner = nullptr;
    d->checkThread(); // before it belongs to a thread: only the forbidden one is refused
    d->owner = QThread::currentThread();
    d->closeConnection();
    const QString file = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    d->problem = Store::Problem::Other; // unless an SQLite error below says otherwise
    auto failWith = [&](const QSqlError &e) {
        d->problem = problemOf(e);
        return plainError(e);
    };
    auto fail = [&](const QString &why) {
        d->closeConnection();
        d->lastError =
            StoreText::tr("cannot open database %1: %2").arg(QDir::toNativeSeparators(file), why);
        qCWarning(lcStore).noquote() << d->lastError;
        if (error)
            *error = d->lastError;
        return false;
    };
    if (file.isEmpty())
        return fail(StoreText::tr("no file name given"));
    QString why;
    if (QFileInfo(file).isDir())
        return fail(StoreText::tr("it is a directory"));
    if (!ensureDirectory(QFileInfo(file).absolutePath(), &why))
        return fail(why);

    d->connection =
        QStringLiteral("rigwatch.store.%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connection);
    if (!d->db.isValid())
        return fail(QStringLiteral("Qt's SQLite driver (QSQLITE) is not available"));
    d->db.setDatabaseName(file);
    if (!d->db.open())
        return fail(failWith(d->db.lastError()));
    QSqlQuery q(d->db);
    for (const QString &sql :
         {QStringLiteral("PRAGMA busy_timeout = %1").arg(d->busyTimeoutMs),
          // The first statement that reads the file: where "not a database" shows up.
          // In WAL mode with synchronous=NORMAL a committed transaction survives a killed
          // process; a power cut may lose the last commits, never consistency.
          QStringLiteral("PRAGMA journal_mode = WAL"),
          QStringLiteral("PRAGMA synchronous = NORMAL"),
          // Checkpoint every ~16 MB and keep the log at most that size. A large farm's poll
          // rewrites some MB of rows (docs/storage.md); checkpointed every poll, each of those
          // pages would be copied into the file every poll, rather than once per checkpoint.
          QStringLiteral("PRAGMA wal_autocheckpoint = 4096"),
          QStringLiteral("PRAGMA journal_size_limit = 16777216")}) {
        if (!q.exec(sql))
            return fail(failWith(q.lastError()));
        if (sql.contains(QLatin1String("journal_mode")) && q.next() &&
            q.value(0).toString() != QLatin1String("wal"))
            qCWarning(lcStore) << "database" << file
                               << "is not in WAL mode:" << q.value(0).toString();
        q.finish();
    }
    QSqlError migrateError;
    if (!Schema::migrate(d->db, &why, &migrateError)) {
        if (migrateError.type() != QSqlError::NoError)
            d->problem = problemOf(migrateError);
        return fail(why);
    }
    d->path = file;
    d->lastError.clear();
    d->problem = Problem::None;
    qCInfo(lcStore) << "opened database" << file;
    return true;
}

bool Store::isOpen() const
{
    return d->db.isOpen();
}
void Store::close()
{
    d->closeConnection();
}
QString Store::path() const
{
    return d->path;
}
QString Store::lastError() const
{
    return d->lastError;
}
Store::Problem Store::lastProblem() const
{
    return d->problem;
}
int Store::schemaVersion()
{
    return Schema::version();
}
QString Store::connectionName() const
{
    return d->connection;
}

void Store::setBusyTimeout(int ms)
{
    d->busyTimeoutMs = ms;
    if (d->db.isOpen())
        QSqlQuery(d->db).exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(ms));
}

QHash<QString, WorkerState> Store::workerStates(const QString &account) const
{
    const QString what =
        StoreText::tr("cannot read the worker states of account \"%1\"").arg(account);
    QHash<QString, WorkerState> states;
    const int acc = d->accountId(account, false);
    if (acc < 0 || (acc > 0 && !d->loadWorkerChunks(acc, &states))) {
        d->fail(what);
        return {};
    }
    return states;
}

qint64 Store::storedWorkerBound(const QString &account) const
{
    const int acc = d->accountId(account, false);
    if (acc <= 0)
        return 0;
    QSqlQuery *q =
        d->prepared(QStringLiteral("SELECT count(*) FROM worker_identity WHERE account_id = ?"));
    if (!d->exec(q, {acc}))
        return 0;
    const qint64 chunks = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return chunks * workerpack::kChunkSlots;
}

AccountState Store::accountState(const QString &account) const
{
    const QString what = StoreText::tr("cannot read the state of account \"%1\"").arg(account);
    AccountState s;
    const int acc = d->accountId(account, false);
    QSqlQuery *q =
        acc <= 0
            ? nullptr
            : d->read(
                  what,
                  QStringLiteral(
                      "SELECT last_success_at, last_attempt_at, unreachable_since, last_error, "
                      "incident_since,"
                      " hashrate_low, pool_unreachable FROM account_state WHERE account_id = ?"),
                  {acc});
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
    if (acc > 0) {
        q = d->read(what, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {paceKey(acc)});
        if (q && q->next())
            decodePace(q->value(0).toString(), &s);
        if (q)
            q->finish();
    }
    return s;
}

QStringList Store::accounts() const
{
    QStringList keys;
    QSqlQuery *q = d->read(StoreText::tr("cannot read the accounts"),
                           QStringLiteral("SELECT key FROM accounts ORDER BY key"), {});
    while (q && q->next())
        keys << q->value(0).toString();
    if (q)
        q->finish();
    return keys;
}

} // namespace rw
