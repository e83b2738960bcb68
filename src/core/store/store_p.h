#pragma once

// Store's private part, shared by the files that implement Store: store.cpp (connection,
// transactions, ids, worker and account state), storeseries.cpp (poll history: recording,
// series, roll-ups, outages) and storemessages.cpp (the Telegram message rows).

#include "store/store.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVector>

#include <functional>
#include <initializer_list>
#include <map>

namespace rw {

namespace storedetail {
Q_DECLARE_LOGGING_CATEGORY(lcStore) // rigwatch.store, defined in store.cpp
} // namespace storedetail

struct Store::Private
{
    QSqlDatabase db;
    QString connection;
    QString path;
    QString lastError;
    QSqlError sqlError; // why the statement that just failed failed
    Store::Problem problem = Store::Problem::None;
    QThread *owner = nullptr; // the thread that opened it: the only one that may use it
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
    QSqlQuery *read(const QString &what, const QString &sql,
                    std::initializer_list<QVariant> values);
    bool transaction(const QString &what, const std::function<bool()> &body);
    void fail(const QString &what);
    void checkThread() const; // qFatal on a wrong thread, when checks are on (checkThreads)
    void closeConnection();

    int accountId(const QString &key, bool create); // 0 = unknown, -1 = error
    int workerId(int account, const QString &name, bool create);
    bool saveWorkerStates(int account, const QHash<QString, WorkerState> &states);
    bool saveAccountState(int account, const AccountState &s);
    bool applyEvents(int account, const QVector<Event> &events);
    qint64 meta(const char *key);
    bool rollUp(int account, const QString &src, const QString &dst, qint64 bucket, qint64 cut);
    QVector<SeriesPoint> series(const QString &what, int account, int worker, qint64 from,
                                qint64 to);
    QVector<LiveMessage> messages(const QString &where, std::initializer_list<QVariant> values);
};

} // namespace rw
