// Tests of rw::Store: opening and migrating, refusing what it cannot use with an error naming
// the file, write failures that lose nothing, round trips, outages, roll-ups and retention,
// the notifier's messages, and a child process killed with SIGKILL while it writes.
#include "monitor/monitor.h"
#include "store/store.h"
#include "store/workerpack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace rw;

namespace {

constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;
const QString Acme = QStringLiteral("acme");

// Names and hosts built once: the growth test polls a farm thousands of times.
const WorkerSample &rig(int i)
{
    static QVector<WorkerSample> rigs;
    while (rigs.size() <= i) {
        const int n = int(rigs.size());
        WorkerSample w;
        w.name = QStringLiteral("rig%1").arg(n, 4, 10, QLatin1Char('0'));
        w.host = QStringLiteral("10.0.%1.%2").arg(n / 250).arg(n % 250);
        rigs << w;
    }
    return rigs[i];
}

Snapshot farm(int workers, qint64 at, double rate = 1e14)
{
    Snapshot s;
    s.poolTimeSecs = at;
    s.workers.reserve(workers);
    for (int i = 0; i < workers; ++i) {
        WorkerSample w = rig(i);
        w.hashRate = rate * (1 + (i % 7) * 0.01);
        w.hashRate1h = w.hashRate * 0.99;
        w.hashRate24h = w.hashRate * 0.98;
        w.staleRate24h = w.hashRate * 0.001;
        w.lastShareAt = at - 20;
        s.workers << w;
        s.totalHashRate += w.hashRate;
    }
    return s;
}

QHash<QString, WorkerState> statesOf(const Snapshot &s)
{
    QHash<QString, WorkerState> states;
    for (const WorkerSample &w : s.workers) {
        WorkerState st;
        st.sample = w;
        st.statusSince = T0;
        st.lastListedAt = s.poolTimeSecs;
        states.insert(w.name, st);
    }
    return states;
}

bool poll(Store &store, qint64 at, int workers, double rate = 1e14, const QString &acc = Acme)
{
    const Snapshot s = farm(workers, at, rate);
    AccountState a;
    a.lastSuccessAt = at;
    a.lastAttemptAt = at;
    return store.recordPoll(acc, at, s, statesOf(s), a, {});
}

// A second connection of the test's own, to look at the file from outside the store.
class Inspect
{
public:
    explicit Inspect(const QString &path) : m_name(QStringLiteral("inspect.%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Inspect() { QSqlDatabase::removeDatabase(m_name); }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next()) {
            qWarning() << sql << q.lastError().text();
            return {};
        }
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        return QSqlQuery(QSqlDatabase::database(m_name)).exec(sql);
    }
    qint64 count(const char *table) const
    {
        return value(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)).toLongLong();
    }

private:
    QString m_name;
    static inline int s_count = 0;
};

// Worker rates are stored as 16-bit codes on a log scale (store/workerpack.h): within 0.04 %
// of what was written, twice that after a roll-up has coded a mean again.
bool nearRate(double got, double want, double tolerance = 4e-4)
{
    return qAbs(got - want) <= tolerance * qMax(qAbs(want), 1.0);
}

qint64 sizeOnDisk(const QString &path)
{
    qint64 size = 0;
    for (const char *suffix : {"", "-wal", "-shm"})
        size += QFileInfo(path + QLatin1String(suffix)).size();
    return size;
}

// The child of killDuringWrites: writes polls until it is killed (or a minute has passed,
// so an orphan cannot run forever).
constexpr int ChildWorkers = 200; // enough that most of the child's time is spent writing
constexpr qint64 ChildStep = 1200;

int runChild(const QString &path)
{
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    qint64 at = store.accountState(Acme).lastSuccessAt;
    at = at ? at : T0;
    QElapsedTimer life;
    life.start();
    for (int n = 1; life.elapsed() < 60'000; ++n) {
        at += ChildStep;
        Snapshot s = farm(ChildWorkers, at, 1e14 + double(n % 13) * 1e11);
        QHash<QString, WorkerState> states = statesOf(s);
        // One worker at a time drops out and comes back, so outages are written too.
        const QString flaky = s.workers.at(n % ChildWorkers).name;
        QVector<Event> events;
        if (n % 2) {
            states[flaky].status = WorkerStatus::Offline;
            events << Event{Event::WentOffline, flaky, at - 700, 0, {}};
        } else {
            events << Event{Event::CameBack, flaky, at, 700, {}};
        }
        AccountState a;
        a.lastSuccessAt = at;
        if (!store.recordPoll(Acme, at, s, states, a, events) ||
            (n % 6 == 0 && !store.applyRetention(at))) {
            std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
            return 3;
        }
        std::printf("%d\n", n);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensAndCreatesDirectory();
    void migratesEmptyFile();
    void refusesNewerSchema();
    void refusesForeignDatabase();
    void unopenablePath_data();
    void unopenablePath();
    void readOnlyDatabase();
    void diskFullKeepsData();
    void lockedDatabase();
    void statesRoundTrip();
    void restoredHostsAreShared();
    void restoredIdsFollowTheirWorkers();
    void identitiesFollowTheMonitor_data();
    void identitiesFollowTheMonitor();
    void outagesFromEvents();
    void pastInOneGo();
    void migratesSchema2History();
    void recentSamplesSettle();
    void packedRowsReadBack();
    void seriesAcrossRollups();
    void retentionBoundsGrowth();
    void recordPollSpeed();
    void messages();
    void killDuringWrites();
    void wrongThreadStops_data();
    void wrongThreadStops();

private:
    QTemporaryDir m_tmp;
    QString file(const QString &name) const { return m_tmp.filePath(name); }
};

void TestStore::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // For a look at the files afterwards (sqlite3 ... "SELECT * FROM dbstat").
    m_tmp.setAutoRemove(!qEnvironmentVariableIsSet("RIGWATCH_KEEP_TEST_FILES"));
    qInfo() << "test files in" << m_tmp.path();
}

void TestStore::opensAndCreatesDirectory()
{
    const QString path = file(QStringLiteral("new/sub/rigwatch.sqlite"));
    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(store.isOpen());
    QCOMPARE(store.path(), path);
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(poll(store, T0, 3));
    Inspect db(path);
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), Store::schemaVersion());
    QCOMPARE(db.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(db.count("worker_samples_recent"), 1); // three workers: one chunk row
    QCOMPARE(store.workerSeries(Acme, rig(2).name, T0, T0).size(), 1);
}

void TestStore::migratesEmptyFile()
{
    const QString path = file(QStringLiteral("empty.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    {
        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(poll(store, T0, 2));
    }
    Store again; // an up-to-date file opens without migrating twice
    QVERIFY(again.open(path, nullptr));
    QCOMPARE(again.accounts(), QStringList{Acme});
    QCOMPARE(again.workerStates(Acme).size(), 2);
}

void TestStore::refusesNewerSchema()
{
    const QString path = file(QStringLiteral("newer.sqlite"));
    const int newer = Store::schemaVersion() + 1;
    {
        Inspect db(path);
        QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE future (x)")));
    }
    Store store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("newer version")),
             qPrintable(error));
    QCOMPARE(store.lastError(), error);
    Inspect db(path);
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), newer);
    QCOMPARE(db.count("sqlite_master"), 1); // nothing of ours was added
}

void TestStore::refusesForeignDatabase()
{
    const QString path = file(QStringLiteral("foreign.sqlite"));
    {
        Inspect db(path);
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE notes (text)")));
    }
    Store store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("another program")),
             qPrintable(error));
    QCOMPARE(Inspect(path).count("sqlite_master"), 1);
}

void TestStore::unopenablePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("why");
    QFile plain(file(QStringLiteral("plain.txt")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(QByteArray(8192, 'x'));
    plain.close();
    QTest::newRow("under a regular file") << file(QStringLiteral("plain.txt/sub/db.sqlite"))
                                          << QStringLiteral("plain.txt is not a directory");
    QTest::newRow("directory") << m_tmp.path() << QStringLiteral("it is a directory");
    QTest::newRow("not a database")
        << file(QStringLiteral("plain.txt")) << QStringLiteral("the file is not a database");
#ifdef Q_OS_LINUX
    // A read-only location that even root cannot write.
    QTest::newRow("read-only location")
        << QStringLiteral("/proc/rigwatch.sqlite") << QStringLiteral("cannot be opened or created");
#endif
}

void TestStore::unopenablePath()
{
    QFETCH(QString, path);
    QFETCH(QString, why);
    Store store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.startsWith(QStringLiteral("cannot open database ") + path), qPrintable(error));
    QVERIFY2(error.contains(why), qPrintable(error));
    QVERIFY(!poll(store, T0, 1)); // writes on a closed store fail cleanly
    QVERIFY2(store.lastError().contains(QLatin1String("not open")), qPrintable(store.lastError()));
    // The same object recovers with a good file.
    QVERIFY(store.open(file(QStringLiteral("recover.sqlite")), &error));
}

#ifdef Q_OS_UNIX
// Root writes through any file mode; act as "nobody" so a 0444 file really is read-only.
struct Unprivileged
{
    Unprivileged() { active = geteuid() == 0 && seteuid(65534) == 0; }
    ~Unprivileged()
    {
        if (active && seteuid(0) != 0)
            qFatal("cannot return to root");
    }
    bool active = false;
};
#endif

void TestStore::readOnlyDatabase()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are Unix");
#else
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ro.sqlite"));
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        for (int i = 0; i < 3; ++i)
            QVERIFY(poll(store, T0 + i * 300, 5));
    }
    QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777)); // rwx for all
    QFile::setPermissions(path,
                          QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    {
        Unprivileged nobody;
        QFile probe(path);
        if (probe.open(QIODevice::ReadWrite))
            QSKIP("this user can write a 0444 file (root without seteuid)");
        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error)); // history stays readable
        QCOMPARE(store.accountSeries(Acme, T0, T0 + Day).size(), 3);
        QVERIFY(!poll(store, T0 + 900, 5));
        const QString e = store.lastError();
        QVERIFY2(e.contains(path) && e.contains(QLatin1String("read-only")) &&
                     e.contains(QLatin1String("acme")),
                 qPrintable(e));
        QVERIFY(!store.applyRetention(T0 + 10 * Day));
        LiveMessage m;
        QVERIFY(!store.saveMessage(m));
        QCOMPARE(m.id, 0);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Store store;
    QVERIFY(store.open(path, nullptr));
    QCOMPARE(store.accountSeries(Acme, T0, T0 + Day).size(), 3);
    QCOMPARE(store.workerStates(Acme).size(), 5);
    QCOMPARE(store.accountState(Acme).lastSuccessAt, T0 + 600);
    QVERIFY(poll(store, T0 + 900, 5));
#endif
}

void TestStore::diskFullKeepsData()
{
    const QString path = file(QStringLiteral("full.sqlite"));
    Store store;
    QVERIFY(store.open(path, nullptr));
    QVERIFY(poll(store, T0, 10));
    {
        QSqlDatabase db = QSqlDatabase::database(store.connectionName());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toInt())));
    }
    QVERIFY(!poll(store, T0 + 300, 3000)); // 3000 new workers need new pages
    QVERIFY2(store.lastError().contains(path) &&
                 store.lastError().contains(QLatin1String("disk is full")),
             qPrintable(store.lastError()));
    QCOMPARE(store.accountSeries(Acme, T0, T0 + Hour).size(), 1);
    QCOMPARE(store.workerStates(Acme).size(), 10);
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1000000")));
    }
    // Worker ids handed out in the failed transaction must not leak into the next one.
    QVERIFY2(poll(store, T0 + 300, 3000), qPrintable(store.lastError()));
    QCOMPARE(store.workerStates(Acme).size(), 3000);
    QCOMPARE(store.workerSeries(Acme, QStringLiteral("rig2999"), T0, T0 + Hour).size(), 1);
}

void TestStore::lockedDatabase()
{
    const QString path = file(QStringLiteral("locked.sqlite"));
    Store store;
    QVERIFY(store.open(path, nullptr));
    store.setBusyTimeout(200);
    QVERIFY(poll(store, T0, 2));
    Inspect other(path);
    QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QElapsedTimer t;
    t.start();
    QVERIFY(!poll(store, T0 + 300, 2));
    QVERIFY(t.elapsed() < 3000);
    QVERIFY2(store.lastError().contains(path) &&
                 store.lastError().contains(QLatin1String("locked")),
             qPrintable(store.lastError()));
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(poll(store, T0 + 300, 2));
    QCOMPARE(store.accountSeries(Acme, T0, T0 + Hour).size(), 2);
}

void TestStore::statesRoundTrip()
{
    const QString path = file(QStringLiteral("states.sqlite"));
    Snapshot snap = farm(2, T0);
    QHash<QString, WorkerState> states = statesOf(snap);
    const QString a = snap.workers[0].name, b = snap.workers[1].name;
    states[b].status = WorkerStatus::Offline;
    states[b].statusSince = T0 - 900;
    const auto stateOf = [](const WorkerSample &w, WorkerStatus status, qint64 since) {
        WorkerState st;
        st.sample = w;
        st.status = status;
        st.statusSince = st.lastListedAt = since;
        return st;
    };
    WorkerState missing = stateOf(farm(3, T0 - Day).workers[2], WorkerStatus::Missing, T0 - Day);
    WorkerState retired =
        stateOf(farm(4, T0 - 9 * Hour).workers[3], WorkerStatus::Retired, T0 - 9 * Hour);
    retired.sample.host.clear();
    states.insert(missing.sample.name, missing);
    states.insert(retired.sample.name, retired);
    // and the pool's rate window of that run (unix ms), with a wait the pool asked for
    const qint64 ms = (T0 + 2) * 1000;
    AccountState acc{T0,        T0 + 2, 0,     QStringLiteral("was: timeout"),
                     T0 - 900,  true,   false, QVector<qint64>{ms - 4000, ms - 2500, ms - 2500, ms},
                     ms + 60000};
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        QVERIFY(store.recordPoll(Acme, T0, snap, states, acc, {}));
        QVERIFY(poll(store, T0, 1, 5e12, QStringLiteral("beta")));
        // online 1 (a), offline 2 (b and the missing one), the retired one is not counted
        const auto points = store.accountSeries(Acme, T0, T0);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0].online, 1);
        QCOMPARE(points[0].hashRate, snap.totalHashRate);
    }
    Store store; // a restart
    QVERIFY(store.open(path, nullptr));
    QCOMPARE(store.accounts(), (QStringList{Acme, QStringLiteral("beta")}));
    const auto loaded = store.workerStates(Acme);
    QCOMPARE(loaded.size(), 4);
    for (const WorkerState &s : std::as_const(states)) {
        const WorkerState &l = loaded.value(s.sample.name);
        QCOMPARE(l.sample.name, s.sample.name);
        QCOMPARE(l.status, s.status);
        QCOMPARE(l.statusSince, s.statusSince);
        QCOMPARE(l.lastListedAt, s.lastListedAt);
        QVERIFY(nearRate(l.sample.hashRate, s.sample.hashRate));
        QVERIFY(nearRate(l.sample.hashRate1h, s.sample.hashRate1h));
        QVERIFY(nearRate(l.sample.hashRate24h, s.sample.hashRate24h));
        QVERIFY(nearRate(l.sample.staleRate24h, s.sample.staleRate24h));
        QCOMPARE(l.sample.lastShareAt, s.sample.lastShareAt);
        QCOMPARE(l.sample.host, s.sample.host);
    }
    const AccountState la = store.accountState(Acme);
    QCOMPARE(la.lastSuccessAt, acc.lastSuccessAt);
    QCOMPARE(la.lastAttemptAt, acc.lastAttemptAt);
    QCOMPARE(la.unreachableSince, acc.unreachableSince);
    QCOMPARE(la.lastError, acc.lastError);
    QCOMPARE(la.incidentSince, acc.incidentSince);
    QCOMPARE(la.hashrateLow, true);
    QCOMPARE(la.poolUnreachable, false);
    QCOMPARE(la.poolRequestsMs, acc.poolRequestsMs);
    QCOMPARE(la.poolBlockedUntilMs, acc.poolBlockedUntilMs);
    QCOMPARE(store.workerStates(QStringLiteral("beta")).size(), 1);
    QVERIFY(store.workerStates(QStringLiteral("nobody")).isEmpty());
    QCOMPARE(store.accountState(QStringLiteral("nobody")).lastSuccessAt, 0);

    // A worker the monitor dropped disappears; a failed poll changes the account state only.
    states.remove(retired.sample.name);
    QVERIFY(store.recordPoll(Acme, T0 + 300, snap, states, acc, {}));
    QCOMPARE(store.workerStates(Acme).size(), 3);
    QVERIFY(!store.workerStates(Acme).contains(retired.sample.name));
    AccountState failing = acc;
    failing.unreachableSince = T0 + 600;
    failing.poolUnreachable = true;
    failing.lastError = QStringLiteral("the pool did not answer within 30 s");
    failing.poolRequestsMs.clear();
    failing.poolBlockedUntilMs = 0;
    QVERIFY(store.recordFailure(
        Acme, failing, {Event{Event::PoolUnreachable, {}, T0 + 600, 0, failing.lastError}}));
    QCOMPARE(store.accountState(Acme).lastError, failing.lastError);
    QVERIFY(store.accountState(Acme).poolUnreachable);
    QVERIFY(store.accountState(Acme).poolRequestsMs.isEmpty()); // nothing left to wait for
    QCOMPARE(store.workerStates(Acme).size(), 3);
    QVERIFY(store.outages(Acme, 0, T0 + Day).isEmpty());
}

// The demo's past (Store::recordPast): a month of hourly polls in one transaction, recorded as
// recordPoll records them (totals, worker samples, states, outages), then rolled up like a
// lived past; the chart series and the outage log read it back.
// A farm's rigs share a few public addresses: a restore gives each distinct host one string,
// across chunks, whatever the text (an address, a name, non-ASCII, none). And the bound on the
// workers stored that a one-shot run sizes its memory by.
void TestStore::restoredHostsAreShared()
{
    const QString path = file(QStringLiteral("hosts.sqlite"));
    const QStringList hosts = {QStringLiteral("198.51.100.7"), QStringLiteral("矿场-北"), QString(),
                               QStringLiteral("gw.example")};
    Snapshot snap = farm(700, T0); // three chunks
    for (int i = 0; i < snap.workers.size(); ++i) {
        // fresh strings, so that only the store can make them shared
        snap.workers[i].host =
            QString(hosts.at(i % hosts.size()).constData(), hosts.at(i % hosts.size()).size());
    }
    snap.workers[5].host = QStringLiteral("203.0.113.5"); // one of its own
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        AccountState acc;
        acc.lastSuccessAt = acc.lastAttemptAt = T0;
        QVERIFY(store.recordPoll(Acme, T0, snap, statesOf(snap), acc, {}));
    }
    Store store;
    QVERIFY(store.open(path, nullptr));
    const QHash<QString, WorkerState> loaded = store.workerStates(Acme);
    QCOMPARE(loaded.size(), snap.workers.size());
    // the size hint a one-shot run reserves memory by: whole chunks of ids
    QCOMPARE(store.storedWorkerBound(Acme), 3 * 256);
    QCOMPARE(store.storedWorkerBound(QStringLiteral("nobody")), 0);
    QHash<QString, QString> first; // the first restored string of each host
    for (const WorkerSample &w : std::as_const(snap.workers)) {
        const QString host = loaded.value(w.name).sample.host;
        QCOMPARE(host, w.host);
        if (host.isEmpty())
            continue;
        const auto it = first.constFind(host);
        if (it == first.cend())
            first.insert(host, host);
        else
            QVERIFY2(host.isSharedWith(*it), qPrintable(w.name + QLatin1Char(' ') + host));
    }
    QCOMPARE(first.size(), 4); // three repeated hosts and the one of its own
}

void TestStore::pastInOneGo()
{
    Store store;
    QVERIFY(store.open(file(QStringLiteral("past.sqlite")), nullptr));
    const qint64 first = T0 - 30 * Day;
    qint64 at = first;
    const QString down = rig(1).name;
    QElapsedTimer took;
    took.start();
    const bool written = store.recordPast(Acme, [&](PastPoll *p) {
        if (at > T0)
            return false;
        p->at = at;
        p->snapshot = farm(10, at);
        p->states = statesOf(p->snapshot);
        p->events.clear();
        if (at == first + 5 * Day)
            p->events << Event{Event::WentOffline, down, at - 600, 0, {}};
        if (at == first + 5 * Day + 3 * Hour)
            p->events << Event{Event::CameBack, down, at, 3 * Hour + 600, {}};
        at += Hour;
        return true;
    });
    QVERIFY2(written, qPrintable(store.lastError()));
    QVERIFY(store.applyRetention(T0));
    qInfo() << "30 days of 10 workers, hourly:" << took.elapsed() << "ms";
    const QVector<SeriesPoint> series = store.accountSeries(Acme, first, T0);
    QCOMPARE(series.size(), 30 * 24 + 1);
    QCOMPARE(series.first().at, first);
    QCOMPARE(series.first().online, 10);
    QCOMPARE(store.workerSeries(Acme, down, first, T0).size(), 30 * 24 + 1);
    const QVector<Outage> outages = store.outages(Acme, first, T0);
    QCOMPARE(outages.size(), 1);
    QCOMPARE(outages.first().worker, down);
    QCOMPARE(outages.first().end - outages.first().start, 3 * Hour + 600);
    QCOMPARE(store.workerStates(Acme).size(), 10); // the last poll's states, for a restore
}

void TestStore::outagesFromEvents()
{
    Store store;
    QVERIFY(store.open(file(QStringLiteral("outages.sqlite")), nullptr));
    const QString s1 = QStringLiteral("S9-01"), s2 = QStringLiteral("s9-02"),
                  l7 = QStringLiteral("l7-01");
    const Snapshot snap = farm(1, T0);
    const AccountState acc;
    auto record = [&](qint64 at, const QVector<Event> &events) {
        return store.recordPoll(Acme, at, snap, statesOf(snap), acc, events);
    };
    QVERIFY(record(T0, {{Event::WentOffline, s1, T0 - 700, 0, {}},
                        {Event::WentMissing, s2, T0 - 5000, 0, {}}}));
    // Offline then missing is still the same outage; l7 came back from before the store knew it.
    QVERIFY(record(T0 + 300, {{Event::WentMissing, s1, T0 - 700, 0, {}},
                              {Event::CameBack, l7, T0 + 300, 1200, {}}}));
    QVERIFY(record(T0 + 600, {{Event::CameBack, s1, T0 + 550, 1250, {}},
                              {Event::HashrateLow, {}, T0 + 600, 0, {}}}));
    QVERIFY(store.recordFailure(
        Acme, acc,
        {{Event::Retired, s2, T0 + 900, 5900, {}},
         {Event::PoolUnreachable, {}, T0 + 900, 0, QStringLiteral("timeout")}}));
    QVERIFY(record(T0 + 2100, {{Event::WentOffline, s1, T0 + 2000, 0, {}}}));

    const auto all = store.outages(Acme, 0, T0 + Day);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all[0].worker, s1); // newest first
    QCOMPARE(all[0].start, T0 + 2000);
    QCOMPARE(all[0].end, 0);
    QCOMPARE(all[0].durationSecs(T0 + 2600), 600);
    QCOMPARE(all[1].worker, s1);
    QCOMPARE(all[1].start, T0 - 700);
    QCOMPARE(all[1].end, T0 + 550);
    QCOMPARE(all[2].worker, l7);
    QCOMPARE(all[2].start, T0 - 900);
    QCOMPARE(all[2].end, T0 + 300);
    QCOMPARE(all[3].worker, s2);
    QCOMPARE(all[3].start, T0 - 5000);
    QCOMPARE(all[3].end, T0 + 900); // retired: closed when given up on

    QCOMPARE(store.outages(Acme, 0, T0 + Day, QStringLiteral("s9")).size(), 3); // ignores case
    QCOMPARE(store.outages(Acme, 0, T0 + Day, QStringLiteral("-02")).size(), 1);
    QCOMPARE(store.outages(Acme, 0, T0 + Day, QStringLiteral("zz")).size(), 0);
    // A capped list: the newest ones, and how many match in all (the filter counts).
    int matching = -1;
    const auto newest = store.outages(Acme, 0, T0 + Day, {}, 2, &matching);
    QCOMPARE(newest.size(), 2);
    QCOMPARE(matching, 4);
    QCOMPARE(newest[0].start, all[0].start);
    QCOMPARE(newest[1].start, all[1].start);
    QCOMPARE(store.outages(Acme, 0, T0 + Day, QStringLiteral("s9"), 1, &matching).size(), 1);
    QCOMPARE(matching, 3);
    const auto window = store.outages(Acme, T0 + 600, T0 + 1000);
    QCOMPARE(window.size(), 1);
    QCOMPARE(window[0].worker, s2);
    const auto later = store.outages(Acme, T0 + 5000, T0 + 6000);
    QCOMPARE(later.size(), 1); // still open
    QCOMPARE(later[0].start, T0 + 2000);
    QVERIFY(store.outages(Acme, 0, T0 - 5001).isEmpty());
    QVERIFY(store.outages(QStringLiteral("other"), 0, T0 + Day).isEmpty());
}

// A database written by schema 2 (one row per worker and poll; tests/data/store/README.md)
// opens as schema 3 with the same answers: the chart, every worker's curve, the states, the
// outage log and the live Telegram message. The old store's answers were saved beside it.
void TestStore::migratesSchema2History()
{
    const QString path = file(QStringLiteral("schema2.sqlite"));
    QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_TEST_DATA "/store/schema2.sqlite"), path));
    QFile json(QStringLiteral(RIGWATCH_TEST_DATA "/store/schema2-expected.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject want = QJsonDocument::fromJson(json.readAll()).object();
    const qint64 end = want.value(QLatin1String("end")).toInteger();
    const QString account = QStringLiteral("farm1/bitcoin");

    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    Inspect db(path);
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), Store::schemaVersion());
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN"
                                     " ('samples', 'samples_hourly', 'samples_daily',"
                                     " 'worker_state')"))
                 .toInt(),
             0);

    auto compareSeries = [](const QVector<SeriesPoint> &got, const QJsonArray &expected,
                            double tolerance) {
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i) {
            const QJsonArray p = expected.at(i).toArray();
            QCOMPARE(got[i].at, p.at(0).toInteger());
            QVERIFY2(nearRate(got[i].hashRate, p.at(1).toDouble(), tolerance),
                     qPrintable(QStringLiteral("%1: %2 against %3")
                                    .arg(got[i].at)
                                    .arg(got[i].hashRate)
                                    .arg(p.at(1).toDouble())));
            QCOMPARE(got[i].online, p.at(2).toInt());
        }
    };
    // Account totals are kept as they were; worker curves within the codes' precision.
    compareSeries(store.accountSeries(account, 0, end),
                  want.value(QLatin1String("account")).toArray(), 0);
    if (QTest::currentTestFailed())
        return;
    compareSeries(store.accountSeries(account, end - 30 * Day, end),
                  want.value(QLatin1String("account30")).toArray(), 0);
    const QJsonObject workers = want.value(QLatin1String("workers")).toObject();
    QVERIFY(workers.size() >= 4);
    for (auto it = workers.begin(); it != workers.end(); ++it) {
        compareSeries(store.workerSeries(account, it.key(), 0, end), it.value().toArray(), 4e-4);
        if (QTest::currentTestFailed())
            return;
    }

    const auto states = store.workerStates(account);
    const QJsonObject wantStates = want.value(QLatin1String("states")).toObject();
    QCOMPARE(states.size(), wantStates.size());
    for (auto it = wantStates.begin(); it != wantStates.end(); ++it) {
        const QJsonObject w = it.value().toObject();
        QVERIFY2(states.contains(it.key()), qPrintable(it.key()));
        const WorkerState &s = states[it.key()];
        QCOMPARE(workerStatusKey(s.status), w.value(QLatin1String("status")).toString());
        QCOMPARE(s.statusSince, w.value(QLatin1String("statusSince")).toInteger());
        QCOMPARE(s.lastListedAt, w.value(QLatin1String("lastListedAt")).toInteger());
        QCOMPARE(s.sample.lastShareAt, w.value(QLatin1String("lastShareAt")).toInteger());
        QCOMPARE(s.sample.host, w.value(QLatin1String("host")).toString());
        const std::pair<const char *, double> rates[] = {{"hashRate", s.sample.hashRate},
                                                         {"hashRate1h", s.sample.hashRate1h},
                                                         {"hashRate24h", s.sample.hashRate24h},
                                                         {"staleRate24h", s.sample.staleRate24h}};
        for (const auto &[key, got] : rates)
            QVERIFY2(nearRate(got, w.value(QLatin1String(key)).toDouble()), key);
    }

    const auto outages = store.outages(account, 0, end);
    const QJsonArray wantOutages = want.value(QLatin1String("outages")).toArray();
    QCOMPARE(outages.size(), wantOutages.size());
    for (int i = 0; i < outages.size(); ++i) {
        const QJsonArray o = wantOutages.at(i).toArray();
        QCOMPARE(outages[i].worker, o.at(0).toString());
        QCOMPARE(outages[i].start, o.at(1).toInteger());
        QCOMPARE(outages[i].end, o.at(2).toInteger());
    }
    const auto live = store.liveMessages(account);
    QCOMPARE(live.size(), 1);
    QCOMPARE(live[0].messageId, 42);
    QCOMPARE(live[0].state, LiveMessage::Live);
    QCOMPARE(store.chatState(live[0].chat).notBeforeMs, (end - 10) * 1000);

    // And it goes on: the next poll and roll-up land beside the migrated history.
    QVERIFY(poll(store, end + 300, 12, 1e14, account));
    QVERIFY(store.applyRetention(end + 300));
    QCOMPARE(store.workerSeries(account, rig(0).name, end + 1, end + 300).size(), 1);
    QCOMPARE(store.workerSeries(account, rig(0).name, 0, end + 300).size(),
             workers.value(rig(0).name).toArray().size() + 1);
}

// What a restart restores carries each worker's store id, and the polls after it land on the
// right worker whatever order the pool lists the farm in, with a rig gone and one added; a
// state without an id (a new worker, or a caller that has none) is found by name and never
// given a second row.
// A poll's raw samples are appended to worker_samples_recent and settle into worker_samples
// once their hour is over (Store::applyRetention). A file of the schema before keeps its rows
// where they are, and every series reads the same whichever table holds a sample.
void TestStore::recentSamplesSettle()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recent.sqlite"));
    const auto series = [](Store &store) {
        QVector<QPair<qint64, double>> points;
        for (int i : {0, 4, 299})
            for (const SeriesPoint &p : store.workerSeries(Acme, rig(i).name, T0 - Hour, T0 + Day))
                points.append({p.at, p.hashRate});
        for (const SeriesPoint &p : store.accountSeries(Acme, T0 - Hour, T0 + Day))
            points.append({p.at, p.hashRate});
        return points;
    };
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        for (int k = 0; k < 5; ++k)
            QVERIFY(poll(store, T0 + k * 300, 300, 1e14 * (k + 1)));
        Inspect db(path);
        QCOMPARE(db.count("worker_samples"), 0);
        QCOMPARE(db.count("worker_samples_recent"), 5 * 2); // 300 workers: two chunks
        const auto before = series(store);
        QCOMPARE(before.size(), 5 * 4);
        QVERIFY(nearRate(before.at(5 + 3).second, 4e14 * 1.04)); // rig 4, fourth poll
        // The hour is not over: nothing moves.
        QVERIFY(store.applyRetention(T0 + 1500));
        QCOMPARE(db.count("worker_samples_recent"), 10);
        QVERIFY(store.applyRetention(T0 + Hour + 30));
        QCOMPARE(db.count("worker_samples"), 10);
        QCOMPARE(db.count("worker_samples_recent"), 0);
        QCOMPARE(series(store), before);
    }
    // The file as the schema before left it: no recent table, every raw row in worker_samples.
    {
        Inspect db(path);
        QVERIFY(db.exec(QStringLiteral("DROP TABLE worker_samples_recent")));
        QVERIFY(db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'recent_cut'")));
        QVERIFY(
            db.exec(QStringLiteral("PRAGMA user_version = %1").arg(Store::schemaVersion() - 1)));
    }
    Store store;
    QVERIFY(store.open(path, nullptr));
    const auto migrated = series(store);
    QCOMPARE(migrated.size(), 5 * 4);
    // A poll in the hour of the last sample joins the settled rows; the next hour's are recent.
    QVERIFY(poll(store, T0 + 1500, 300, 6e14));
    QVERIFY(poll(store, T0 + Hour + 60, 300, 7e14));
    Inspect db(path);
    QCOMPARE(db.count("worker_samples"), 6 * 2);
    QCOMPARE(db.count("worker_samples_recent"), 2);
    const auto both = series(store);
    QCOMPARE(both.size(), 7 * 4);
    QCOMPARE(both.mid(0, 5), migrated.mid(0, 5)); // rig 0's first five polls
    QVERIFY(nearRate(both.at(5).second, 6e14));
    QVERIFY(nearRate(both.at(6).second, 7e14));
    // Usual levels and availability read the recent rows too (tst_storehealth,
    // tst_availability read nothing else on a new file); settling changes no answer.
    QVERIFY(store.applyRetention(T0 + 2 * Hour + 5));
    QCOMPARE(db.count("worker_samples_recent"), 0);
    QCOMPARE(series(store), both);
}

void TestStore::restoredIdsFollowTheirWorkers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ids.sqlite"));
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        QVERIFY(poll(store, T0, 600));
    }
    Store store;
    QVERIFY(store.open(path, nullptr));
    QHash<QString, WorkerState> states = store.workerStates(Acme);
    QCOMPARE(states.size(), 600);
    QSet<int> ids;
    for (const WorkerState &s : std::as_const(states))
        ids.insert(s.storeId);
    QCOMPARE(ids.size(), 600);
    QVERIFY(!ids.contains(0));
    // The first poll numbered them in the order the pool listed them (not the order of the
    // table the states came in), which restored states use to line up with the next reply.
    const Snapshot first = farm(600, T0);
    for (qsizetype i = 0; i < first.workers.size(); ++i)
        QCOMPARE(states.value(first.workers[i].name).storeId, int(i + 1));

    // Each poll: rig i's rate is 1e12 * (i + 1) * (poll + 1), so a sample stored on the wrong
    // worker shows. Poll 1 drops rig 5 and adds rig 600 at the front; poll 2 shuffles.
    const auto rateOf = [](int i, int k) { return 1e12 * (i + 1) * (k + 1); };
    for (int k = 1; k <= 3; ++k) {
        const qint64 at = T0 + k * 300;
        Snapshot snap;
        snap.poolTimeSecs = at;
        QVector<int> order;
        if (k == 1)
            order << 600;
        for (int i = 0; i < 600; ++i)
            if (!(k == 1 && i == 5))
                order << i;
        if (k == 2)
            std::reverse(order.begin(), order.end());
        if (k >= 2)
            order << 600;
        for (int i : order) {
            WorkerSample w = rig(i);
            w.hashRate = rateOf(i, k);
            w.lastShareAt = at - 10;
            snap.workers << w;
            WorkerState &st = states[w.name]; // rig 600 is new: no id
            st.sample = w;
            st.lastListedAt = at;
        }
        AccountState acc;
        acc.lastSuccessAt = acc.lastAttemptAt = at;
        QVector<StoreId> assigned;
        QVERIFY(store.recordPoll(Acme, at, snap, states, acc, {}, &assigned));
        // Only the new worker had no id; handed back as the engine does, none is needed again.
        QCOMPARE(assigned.size(), k == 1 ? 1 : 0);
        for (const StoreId &a : assigned) {
            QCOMPARE(a.worker, rig(600).name);
            QVERIFY(!ids.contains(a.id));
            states[a.worker].storeId = a.id;
        }
    }
    for (int i : {0, 4, 5, 6, 255, 256, 599, 600}) {
        const auto points = store.workerSeries(Acme, rig(i).name, T0 + 300, T0 + 900);
        QVector<int> polls;
        for (const SeriesPoint &p : points) {
            const int k = int((p.at - T0) / 300);
            polls << k;
            QVERIFY2(nearRate(p.hashRate, rateOf(i, k)), qPrintable(rig(i).name));
        }
        if (i == 5)
            QCOMPARE(polls, (QVector<int>{2, 3}));
        else
            QCOMPARE(polls, (QVector<int>{1, 2, 3}));
    }
    // The new worker got one id of its own, read back with the rest.
    const QHash<QString, WorkerState> reloaded = store.workerStates(Acme);
    QCOMPARE(reloaded.size(), 601);
    QVERIFY(reloaded.value(rig(600).name).storeId > 0);
    QVERIFY(!ids.contains(reloaded.value(rig(600).name).storeId));
}

// A worker's status, since when and host are written when the monitor changes them. States the
// store gave back, or wrote since, are taken as the file holds them without their hosts being
// read (WorkerState::identityStored); a file that lacks them still gets every one.
void TestStore::identitiesFollowTheMonitor_data()
{
    QTest::addColumn<bool>("packed");
    QTest::newRow("packed as the monitor walks (the engine)") << true;
    QTest::newRow("from the states") << false;
}

void TestStore::identitiesFollowTheMonitor()
{
    QFETCH(bool, packed);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("identity.sqlite"));
    PollPack pack;
    const auto apply = [&](Store &store, Monitor &m, const Snapshot &s) {
        pack = store.preparePoll(Acme);
        if (!packed)
            return m.applySnapshot(s, s.poolTimeSecs);
        return m.applySnapshot(s, s.poolTimeSecs,
                               [&](const QString &name, const WorkerState &w, bool listed) {
                                   pack.add(name, w, listed);
                               });
    };
    const auto record = [&](Store &store, Monitor &m, const Snapshot &s,
                            const QVector<Event> &events) {
        AccountState a;
        a.lastSuccessAt = a.lastAttemptAt = s.poolTimeSecs;
        QVector<StoreId> assigned;
        if (!store.recordPoll(Acme, s.poolTimeSecs, s, m.workers(), a, events, &assigned, {},
                              packed ? &pack : nullptr))
            return false;
        m.setStoreIds(assigned);
        m.identitiesStored();
        return true;
    };
    const auto storedCount = [](const Monitor &m) {
        return std::count_if(m.workers().cbegin(), m.workers().cend(),
                             [](const WorkerState &w) { return w.identityStored; });
    };
    {
        Store store;
        QVERIFY(store.open(path, nullptr));
        Monitor m(Thresholds{}, 60);
        const Snapshot first = farm(300, T0);
        const QVector<Event> events = apply(store, m, first);
        QCOMPARE(storedCount(m), 0); // new workers
        QVERIFY(record(store, m, first, events));
        QCOMPARE(storedCount(m), 300);
    }
    Store store;
    QVERIFY(store.open(path, nullptr));
    Monitor m(Thresholds{}, 60);
    m.restore(store.workerStates(Acme), T0, 0, false, 0);
    QCOMPARE(storedCount(m), 300);

    // Rig 3 moves to another address, rig 7 stops sharing, rig 9 is no longer listed, rig 300
    // is new.
    const qint64 at = T0 + 900;
    Snapshot next = farm(301, at);
    next.workers[3].host = QStringLiteral("192.168.9.9");
    next.workers[7].lastShareAt = T0 - 20;
    next.workers.removeAt(9);
    const QVector<Event> events = apply(store, m, next);
    for (int i : {3, 7, 9, 300})
        QVERIFY2(!m.workers().value(rig(i).name).identityStored, qPrintable(rig(i).name));
    QCOMPARE(storedCount(m), 297);
    QVERIFY(record(store, m, next, events));
    QCOMPARE(storedCount(m), 301);
    const auto check = [](const QHash<QString, WorkerState> &states) {
        QCOMPARE(states.size(), 301);
        QCOMPARE(states.value(rig(3).name).sample.host, QStringLiteral("192.168.9.9"));
        QCOMPARE(states.value(rig(4).name).sample.host, rig(4).host);
        QCOMPARE(states.value(rig(7).name).status, WorkerStatus::Offline);
        QCOMPARE(states.value(rig(7).name).statusSince, T0 - 20);
        QCOMPARE(states.value(rig(9).name).status, WorkerStatus::Missing);
        QCOMPARE(states.value(rig(4).name).status, WorkerStatus::Online);
        QCOMPARE(states.value(rig(4).name).statusSince, T0);
        QCOMPARE(states.value(rig(300).name).sample.host, rig(300).host);
        QVERIFY(states.value(rig(300).name).storeId > 0);
        QVERIFY(nearRate(states.value(rig(4).name).sample.hashRate, 1e14 * 1.04));
    };
    store.close();
    {
        Store again;
        QVERIFY(again.open(path, nullptr));
        check(again.workerStates(Acme));
        QCOMPARE(again.workerSeries(Acme, rig(4).name, T0, at).size(), 2);
        QCOMPARE(again.workerSeries(Acme, rig(9).name, T0, at).size(), 1); // not listed
    }
    // The monitor's states, all marked stored, written into a file that has none of them
    // (as after a damaged file was moved aside, once Monitor::forgetStore ran).
    m.forgetStore();
    QCOMPARE(storedCount(m), 0);
    Store fresh;
    QVERIFY(fresh.open(dir.filePath(QStringLiteral("fresh.sqlite")), nullptr));
    next.poolTimeSecs = at + 60;
    QVERIFY(record(fresh, m, next, apply(fresh, m, next)));
    check(fresh.workerStates(Acme));
    QCOMPARE(fresh.workerSeries(Acme, rig(4).name, at, at + 60).size(), 1);
    // Silent for longer than Monitor::kForgetAfterSecs, rig 9 is forgotten: its slot empties.
    Snapshot later = next;
    later.poolTimeSecs = at + Monitor::kForgetAfterSecs + Day;
    for (WorkerSample &w : later.workers)
        w.lastShareAt = later.poolTimeSecs - 20;
    QVERIFY(record(fresh, m, later, apply(fresh, m, later)));
    QCOMPARE(m.workers().value(rig(9).name).status, WorkerStatus::Retired);
    later.poolTimeSecs += 300;
    QVERIFY(record(fresh, m, later, apply(fresh, m, later)));
    QVERIFY(!m.workers().contains(rig(9).name));
    const QHash<QString, WorkerState> kept = fresh.workerStates(Acme);
    QCOMPARE(kept.size(), 300);
    QVERIFY(!kept.contains(rig(9).name));
    QCOMPARE(kept.value(rig(7).name).status, WorkerStatus::Online);
}

// The packed rows the store writes (store/workerpack.h) read back within their stated
// precision, and a damaged row is refused rather than read as something else.
void TestStore::packedRowsReadBack()
{
    using namespace workerpack;
    for (double rate : {1.0, 7.5, 1e6, 123.456e12, 9.99e15, 2.5e18, 1e21}) {
        const double back = decodeRate(encodeRate(rate));
        QVERIFY2(nearRate(back, rate, 3.9e-4),
                 qPrintable(QStringLiteral("%1 -> %2").arg(rate).arg(back)));
    }
    QCOMPARE(decodeRate(encodeRate(0)), 0.0);
    QCOMPARE(decodeRate(encodeRate(-5)), 0.0);
    QCOMPARE(decodeRate(encodeRate(std::nan(""))), 0.0);
    QVERIFY(encodeRate(1e30) > encodeRate(1e21)); // clamped, still the largest
    QVERIFY(decodeRate(encodeRate(1e30)) > 1e21);
    // Codes are exact: each code's own rate keeps it, a rate a hair above the half-way point to
    // the next code takes the next one, a hair below stays.
    for (const quint16 code :
         {quint16(2), quint16(3), quint16(901), quint16(902), quint16(40000)}) {
        QCOMPARE(encodeRate(decodeRate(code)), code);
        const double halfway = std::exp2((code - 2 + 0.5) / 900.0);
        QCOMPARE(encodeRate(halfway * (1 + 1e-12)), quint16(code + 1));
        QCOMPARE(encodeRate(halfway * (1 - 1e-12)), code);
    }

    // Samples: empty slots stay empty, weights saturate at the tier's width.
    SampleSlots cells;
    cells.code[3] = encodeRate(5e13);
    cells.weight[3] = 12;
    cells.code[200] = encodeRate(0);
    cells.weight[200] = 1000;
    for (int width : {0, 1, 2}) {
        const QByteArray row = encodeSamples(cells, width);
        QCOMPARE(row.size(), 1 + 201 * (2 + width)); // up to the last slot in use
        SampleSlots back;
        QVERIFY(decodeSamples(row, &back));
        QCOMPARE(back.code[3], cells.code[3]);
        QCOMPARE(back.weight[3], width == 0 ? 1u : 12u);
        QCOMPARE(back.code[4], quint16(0));
        QCOMPARE(back.weight[200], width == 0 ? 1u : width == 1 ? 255u : 1000u);
        QCOMPARE(rateOfCode(row.mid(1 + 3 * (2 + width), 2)).value_or(-1),
                 decodeRate(cells.code[3]));
        QVERIFY(!rateOfCode(row.mid(1 + 4 * (2 + width), 2)));
    }
    QVERIFY(!decodeSamples(QByteArray("\x07", 1), &cells));

    // Identities: names and hosts of any text, and a cut row is refused.
    IdentityChunk ids;
    ids[0] = {QStringLiteral("rig-01"), WorkerStatus::Offline, T0 - 600,
              QStringLiteral("10.0.0.1")};
    ids[9] = {QStringLiteral("矿机\n\u202e-09"), WorkerStatus::Retired, T0 - Day, QString()};
    const QByteArray row = encodeIdentities(ids);
    IdentityChunk back;
    QVERIFY(decodeIdentities(row, &back));
    QVERIFY(back[0] == ids[0]);
    QVERIFY(back[9] == ids[9]);
    QVERIFY(back[1].name.isEmpty());
    QVERIFY(!decodeIdentities(row.left(row.size() - 3), &back));
}

void TestStore::seriesAcrossRollups()
{
    Store store;
    QVERIFY(store.open(file(QStringLiteral("series.sqlite")), nullptr));
    const qint64 now = T0 + 100 * Day;             // on a whole hour
    const qint64 day = T0 + 5 * Day;               // older than 90 days: ends up daily
    const qint64 hour = now - 10 * Day + 7 * Hour; // older than 48 h: ends up hourly
    auto at = [&](qint64 t, double rate) { QVERIFY(poll(store, t, 1, rate)); };
    at(day, 100);        // hour 0: one sample
    at(day + Hour, 200); // hour 1: three samples
    at(day + Hour + 300, 200);
    at(day + Hour + 600, 200);
    for (int i = 0; i < 12; ++i)
        at(hour + i * 300, i % 2 ? 300 : 100);
    at(hour + Hour, 50);
    at(now - Hour, 111);
    at(now - Hour + 300, 222);
    QVERIFY(store.applyRetention(now));

    const QString rig = farm(1, 0).workers[0].name;
    auto check = [&](const QVector<SeriesPoint> &points,
                     const QVector<std::pair<qint64, double>> &want) {
        QCOMPARE(points.size(), want.size());
        for (int i = 0; i < want.size(); ++i) {
            QCOMPARE(points[i].at, want[i].first);
            QVERIFY2(nearRate(points[i].hashRate, want[i].second, 8e-4),
                     qPrintable(QString::number(points[i].hashRate)));
        }
    };
    // The day is the mean of its 4 samples (175), not the mean of its two hours (150).
    const QVector<std::pair<qint64, double>> whole = {
        {day, 175}, {hour, 200}, {hour + Hour, 50}, {now - Hour, 111}, {now - Hour + 300, 222}};
    check(store.workerSeries(Acme, rig, day - 1, now), whole);
    check(store.accountSeries(Acme, day - 1, now), whole); // one worker: totals = its samples
    QCOMPARE(store.accountSeries(Acme, day - 1, now).first().online, 1);
    // Buckets overlapping the range count; raw points only inside it.
    check(store.accountSeries(Acme, day + 12 * Hour, day + 13 * Hour), {{day, 175}});
    check(store.accountSeries(Acme, hour + 1800, hour + Hour + 10),
          {{hour, 200}, {hour + Hour, 50}});
    check(store.accountSeries(Acme, now - Hour + 1, now), {{now - Hour + 300, 222}});
    QVERIFY(store.workerSeries(Acme, QStringLiteral("nope"), 0, now).isEmpty());
    // Hourly means: the raw samples of the last hour become one point, roll-ups stay.
    check(store.workerHourly(Acme, rig, day - 1, now),
          {{day, 175}, {hour, 200}, {hour + Hour, 50}, {now - Hour, 166.5}});
    check(store.workerHourly(Acme, rig, now - Hour + 1, now), {{now - Hour, 222}});
    QVERIFY(store.workerHourly(Acme, QStringLiteral("nope"), 0, now).isEmpty());

    Inspect db(store.path());
    const qint64 rows[] = {db.count("worker_samples"), db.count("worker_samples_hourly"),
                           db.count("worker_samples_daily")};
    QCOMPARE(rows[0], 2);
    QCOMPARE(rows[1], 2);
    QCOMPARE(rows[2], 1);
    QVERIFY(store.applyRetention(now)); // idempotent
    check(store.workerSeries(Acme, rig, day - 1, now), whole);
    QCOMPARE(db.count("worker_samples_hourly"), rows[1]);

    // A late sample for an hour already rolled up is not shown twice, then merged exactly.
    at(hour + 150, 500);
    check(store.accountSeries(Acme, hour, hour + 10), {{hour, 200}});
    QVERIFY(store.applyRetention(now));
    check(store.accountSeries(Acme, hour, hour + 10), {{hour, (200.0 * 12 + 500) / 13}});

    // Three days on, the last raw hour is rolled up too.
    QVERIFY(store.applyRetention(now + 3 * Day));
    check(store.workerSeries(Acme, rig, now - 2 * Hour, now), {{now - Hour, 166.5}});
    QCOMPARE(db.count("worker_samples"), 0);
}

void TestStore::retentionBoundsGrowth()
{
    // 1,000 workers polled every 5 min for 30 days, with retention every hour, must stay under
    // 50 MB. The suite runs a small farm and extrapolates: the rows grow with the number of
    // workers, the WAL does not. RIGWATCH_STORE_SCALE_WORKERS=1000 measures the real thing.
    const int workers = qEnvironmentVariableIsSet("RIGWATCH_STORE_SCALE_WORKERS")
                            ? qEnvironmentVariableIntValue("RIGWATCH_STORE_SCALE_WORKERS")
                            : 40;
    const QString path = file(QStringLiteral("growth.sqlite"));
    Store store;
    QVERIFY(store.open(path, nullptr));
    Snapshot snap = farm(workers, T0);
    QHash<QString, WorkerState> states = statesOf(snap);
    AccountState acc;
    QElapsedTimer t;
    t.start();
    const std::clock_t cpu = std::clock(); // the machine may be busy: report CPU time too
    const int polls = 30 * 288;
    for (int i = 0; i < polls; ++i) {
        const qint64 at = T0 + i * 300;
        snap.poolTimeSecs = acc.lastSuccessAt = at;
        for (WorkerSample &w : snap.workers)
            w.hashRate = 1e14 + double((i + w.name.size()) % 17) * 1e11;
        for (WorkerState &s : states) { // as the monitor keeps them
            s.lastListedAt = at;
            s.sample.hashRate = 1e14 + double((i + s.sample.name.size()) % 17) * 1e11;
        }
        QVERIFY(store.recordPoll(Acme, at, snap, states, acc, {}));
        if (i % 12 == 11)
            QVERIFY(store.applyRetention(at));
    }
    const qint64 writeMs = t.elapsed();
    const double writeCpuMs = double(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC;
    const qint64 end = T0 + polls * 300;
    t.restart();
    const auto month = store.accountSeries(Acme, end - 30 * Day, end);
    const qint64 queryMs = t.elapsed();
    t.restart();
    const auto rigMonth = store.workerSeries(Acme, QStringLiteral("rig0007"), end - 30 * Day, end);
    const qint64 workerQueryMs = t.elapsed();

    const double dbMb = QFileInfo(path).size() / 1e6;
    const double logMb = sizeOnDisk(path) / 1e6 - dbMb; // -wal and -shm
    const double fullScaleMb = dbMb * 1000 / workers + logMb;
    qInfo("%d workers x 30 days: %.2f MB database + %.2f MB WAL -> %.1f MB for 1000 workers;"
          " poll + retention %.2f ms/poll (CPU %.2f ms); 30-day series: account %lld ms"
          " (%d points), worker %lld ms",
          workers, dbMb, logMb, fullScaleMb, double(writeMs) / polls, writeCpuMs / polls, queryMs,
          int(month.size()), workerQueryMs);
    QVERIFY2(fullScaleMb < 50, qPrintable(QString::number(fullScaleMb)));
    // The WAL is kept to its limit (16 MB, store.cpp) and its index.
    QVERIFY2(logMb < 18, qPrintable(QString::number(logMb)));
    // The account series does not depend on the farm's size: this is the real figure.
    QVERIFY2(queryMs < 50, qPrintable(QString::number(queryMs)));
    Inspect db(path);
    // Raw: 48 h plus the hour not yet whole; hourly: the rest of the month.
    const qint64 chunks = (workers + 255) / 256; // one row per 256 workers and time
    QVERIFY(db.count("worker_samples") <= chunks * 49 * 12);
    QVERIFY(db.count("worker_samples_hourly") <= chunks * 30 * 24);
    QVERIFY(db.count("polls") <= 49 * 12);
    QCOMPARE(month.size(), rigMonth.size());
    QVERIFY(month.size() > 30 * 24); // the whole month is there, hourly then raw
    QCOMPARE(month.first().at, end - 30 * Day);
}

void TestStore::recordPollSpeed()
{
    Store store;
    QVERIFY(store.open(file(QStringLiteral("speed.sqlite")), nullptr));
    QVERIFY(poll(store, T0, 1000)); // creates the worker ids
    QElapsedTimer t;
    t.start();
    const std::clock_t cpu = std::clock();
    for (int i = 1; i <= 20; ++i)
        QVERIFY(poll(store, T0 + i * 300, 1000));
    const double ms = t.elapsed() / 20.0;
    qInfo("recordPoll of 1000 workers: %.1f ms (CPU %.1f ms)", ms,
          double(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC / 20);
    QVERIFY2(ms < 250, qPrintable(QString::number(ms)));
}

void TestStore::messages()
{
    const QString path = file(QStringLiteral("messages.sqlite"));
    Store store;
    QVERIFY(store.open(path, nullptr));
    LiveMessage a;
    a.account = Acme;
    a.chat = QStringLiteral("-1001234567890");
    a.text = QStringLiteral("<b>acme</b>: 2 workers down");
    a.announcementKey = QByteArray("\x01\x00\xff\x7f", 4);
    a.sentAt = T0;
    QVERIFY(store.saveMessage(a));
    QVERIFY(a.id > 0);
    LiveMessage b = a;
    b.id = 0;
    b.account = QStringLiteral("beta");
    b.state = LiveMessage::Live;
    b.messageId = 7;
    QVERIFY(store.saveMessage(b));
    QVERIFY(b.id > a.id);

    QCOMPARE(store.liveMessages().size(), 2);
    QCOMPARE(store.liveMessages().first().id, a.id); // oldest first
    QCOMPARE(store.liveMessages(Acme).size(), 1);

    a.state = LiveMessage::Live;
    a.messageId = 42;
    a.editedAt = T0 + 60;
    const qint64 id = a.id;
    QVERIFY(store.saveMessage(a));
    QCOMPARE(a.id, id);
    store.close();
    QVERIFY(store.open(path, nullptr));
    const LiveMessage l = store.liveMessages(Acme).value(0);
    QCOMPARE(l.id, id);
    QCOMPARE(l.chat, a.chat);
    QCOMPARE(l.messageId, 42);
    QCOMPARE(l.announcementKey, a.announcementKey);
    QCOMPARE(l.text, a.text);
    QCOMPARE(l.sentAt, T0);
    QCOMPARE(l.editedAt, T0 + 60);
    QCOMPARE(l.state, LiveMessage::Live);

    a.state = LiveMessage::Retracted;
    a.detail = QStringLiteral("deleted");
    QVERIFY(store.saveMessage(a));
    QVERIFY(store.liveMessages(Acme).isEmpty());
    const auto history = store.messageHistory();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].id, b.id); // newest first
    QCOMPARE(history[1].state, LiveMessage::Retracted);
    QCOMPARE(history[1].detail, QStringLiteral("deleted"));
    QCOMPARE(store.messageHistory(1).size(), 1);

    LiveMessage ghost = a;
    ghost.id = 999;
    QVERIFY(!store.saveMessage(ghost));
    QVERIFY2(store.lastError().contains(QLatin1String("999")) && store.lastError().contains(path),
             qPrintable(store.lastError()));
}

void TestStore::killDuringWrites()
{
    const QString path = file(QStringLiteral("killed.sqlite"));
    int printed = 0;
    const int kills[] = {2, 15, 40, 70, 110, 160};
    for (int after : kills) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RIGWATCH_STORE_CHILD"), path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        int lines = 0;
        QElapsedTimer t;
        t.start();
        while (lines < after && child.state() == QProcess::Running && t.elapsed() < 30'000) {
            child.waitForReadyRead(1000);
            lines += int(child.readAllStandardOutput().count('\n'));
        }
        QTest::qWait(QRandomGenerator::global()->bounded(20)); // land anywhere in a write
        child.kill();
        QVERIFY(child.waitForFinished(5000));
        lines += int(child.readAllStandardOutput().count('\n'));
        QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                 child.readAllStandardError().constData()); // it was still writing
        QVERIFY(lines >= after);
        printed += lines;
    }

    Inspect db(path);
    QCOMPARE(db.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const AccountState acc = store.accountState(Acme);
    // Every poll reported as written is there; at most the one being written when killed more.
    const qint64 committed = (acc.lastSuccessAt - T0) / ChildStep;
    QVERIFY2(committed >= printed && committed <= printed + int(std::size(kills)),
             qPrintable(QStringLiteral("%1 committed, %2 reported").arg(committed).arg(printed)));
    // The transaction boundary held: each totals row with all its samples, nothing in between.
    QCOMPARE(db.value(QStringLiteral("SELECT max(at) FROM polls")).toLongLong(), acc.lastSuccessAt);
    const int chunks = (ChildWorkers + 255) / 256;
    // Raw sample rows are in worker_samples or, for the last hours, worker_samples_recent.
    const struct
    {
        const char *polls, *samples;
    } tiers[] = {
        {"polls", "(SELECT account_id, at FROM worker_samples UNION ALL"
                  " SELECT account_id, at FROM worker_samples_recent)"},
        {"polls_hourly", "worker_samples_hourly"},
    };
    for (const auto &tier : tiers) {
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM %1 p WHERE (SELECT count(*)"
                                         " FROM %2 s WHERE s.account_id ="
                                         " p.account_id AND s.at = p.at) != %3")
                              .arg(QLatin1String(tier.polls), QLatin1String(tier.samples))
                              .arg(chunks))
                     .toInt(),
                 0);
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM %2 s WHERE NOT"
                                         " EXISTS (SELECT 1 FROM %1 p WHERE p.account_id ="
                                         " s.account_id AND p.at = s.at)")
                              .arg(QLatin1String(tier.polls), QLatin1String(tier.samples)))
                     .toInt(),
                 0);
    }
    QVERIFY(db.count("polls_hourly") > 0);
    // Every worker's samples add up to the totals of each poll and roll-up.
    QHash<qint64, double> sums;
    for (int i = 0; i < ChildWorkers; ++i)
        for (const SeriesPoint &p : store.workerSeries(Acme, rig(i).name, 0, acc.lastSuccessAt))
            sums[p.at] += p.hashRate;
    const auto totals = store.accountSeries(Acme, 0, acc.lastSuccessAt);
    QCOMPARE(sums.size(), totals.size());
    for (const SeriesPoint &p : totals)
        QVERIFY2(nearRate(sums.value(p.at), p.hashRate, 8e-4),
                 qPrintable(QStringLiteral("%1: %2 against %3")
                                .arg(p.at)
                                .arg(sums.value(p.at))
                                .arg(p.hashRate)));
    QCOMPARE(db.value(QStringLiteral("SELECT total(n) FROM polls_hourly")).toLongLong() +
                 db.count("polls"),
             committed);
    const auto states = store.workerStates(Acme);
    QCOMPARE(states.size(), ChildWorkers);
    for (const WorkerState &s : states)
        QCOMPARE(s.lastListedAt, acc.lastSuccessAt);
    QVERIFY(!store.outages(Acme, 0, acc.lastSuccessAt).isEmpty());
    QVERIFY(poll(store, acc.lastSuccessAt + ChildStep, ChildWorkers)); // and it goes on
}

// The child of wrongThreadStops: a store used where it must not be. Returns only if nothing
// stopped it.
int runWrongThreadChild(const QString &mode, const QString &path)
{
    Store::checkThreads(mode == QLatin1String("forbidden") ? QThread::currentThread() : nullptr);
    Store store;
    QString error;
    if (mode == QLatin1String("forbidden")) {
        store.open(path, &error); // this thread plays the GUI thread
        return 0;
    }
    QThread engine;
    engine.setObjectName(QStringLiteral("engine"));
    QObject onEngine;
    onEngine.moveToThread(&engine);
    engine.start();
    QMetaObject::invokeMethod(
        &onEngine, [&] { store.open(path, &error); }, Qt::BlockingQueuedConnection);
    engine.quit();
    engine.wait();
    store.accounts(); // opened on the engine thread, read on this one
    return 0;
}

void TestStore::wrongThreadStops_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("says");
    QTest::newRow("on the GUI thread") << "forbidden"
                                       << "forbidden thread";
    QTest::newRow("on another thread") << "other"
                                       << "used on another";
}

// With the checks on (as the GUI tests have them), a store touched on the GUI thread, or on a
// thread other than the one that opened it, stops the process with a message: a test that
// broke invariant 7 of docs/architecture.md cannot pass.
void TestStore::wrongThreadStops()
{
    QFETCH(QString, mode);
    QFETCH(QString, says);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RIGWATCH_STORE_WRONG_THREAD"), mode);
    env.insert(QStringLiteral("RIGWATCH_STORE_CHILD"), file(mode + QStringLiteral(".sqlite")));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    const QString err = QString::fromUtf8(child.readAllStandardError());
    QVERIFY2(child.exitStatus() == QProcess::CrashExit || child.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(says), qPrintable(err));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString child = qEnvironmentVariable("RIGWATCH_STORE_CHILD");
    const QString wrongThread = qEnvironmentVariable("RIGWATCH_STORE_WRONG_THREAD");
    if (!wrongThread.isEmpty())
        return runWrongThreadChild(wrongThread, child);
    if (!child.isEmpty())
        return runChild(child);
    TestStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store.moc"
