#pragma once

#include "config/accountconfig.h"
#include "pool/pagedlist.h"
#include "pool/snapshot.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QNetworkRequest>

#include <optional>

class QJsonArray;
class QJsonObject;

namespace rw {

class WorkerCollector;

// One HTTP request to a pool.
struct PoolRequest
{
    QNetworkRequest request;
    QByteArray verb; // "GET" or "POST"
    QByteArray body;
};

// One pool API's worker list: how to ask for it and how to read the reply. The poller, the
// stream parser (WorkerListStream) and "Test connection" reach every API through it, so a new
// pool is one more entry in poolFormat() (poolprovider.cpp) with its request and its reference
// parser. A fast path is optional and lives in pool/fast/, whose README says what it must keep.
struct PoolFormat
{
    const char *name; // the configuration's provider value: "f2pool", "f2pool-v1"
    PoolRequest (*workerListRequest)(const AccountConfig &account);
    // A cheap call that proves the token works ("Test connection").
    PoolRequest (*testConnectionRequest)(const AccountConfig &account);
    // The documented truth: the whole reply read as docs/pool-apis.md describes the API, with
    // its tolerance rules and errors a human can act on.
    ParseResult (*reference)(const QByteArray &body);
    // The pool's message when the body is its error object (any HTTP status); empty otherwise.
    QString (*errorMessage)(const QByteArray &body);
    // Optional: the reference's result, quicker, or std::nullopt to leave the reply to it.
    // previous: the account's previous poll, a hint only (WorkerCollector::previousText).
    std::optional<ParseResult> (*fast)(const QByteArray &body,
                                       const QVector<WorkerSample> &previous) = nullptr;

    // How WorkerListStream reads the reply as it arrives, a slice of its top-level "workers"
    // list at a time: for replies shaped like f2pool's (an object with that list, errors with
    // a "code"). Without it the stream keeps the reply and reads it whole at the end.
    struct Stream
    {
        const char *label; // the API in errors: "f2pool v2"
        // The entries list[from..] into the collector, as the reference reads them; a rejected
        // entry is reported as indexBase + (i - from).
        void (*readEntries)(const QJsonArray &list, qsizetype from, qsizetype indexBase,
                            WorkerCollector &collector);
        // Optional: the same from a slice's bytes, "[entry,entry]" (`readable` bytes from its
        // start may be read); false leaves the collector as it was, for readEntries.
        bool (*fastReadEntries)(QByteArrayView array, qsizetype readable,
                                WorkerCollector &collector, qsizetype *count);
        // Optional: the account's total from the top-level object; else the workers' sum.
        std::optional<double> (*poolTotal)(const QJsonObject &root);
        qsizetype bytesPerEntry; // a little less than a typical entry: sizes the snapshot
        char entryOpen;          // an entry's first character
        char entryClose;         // and its last
    };
    const Stream *stream = nullptr;

    // Every pool but f2pool: a worker list asked for page by page, each request signed with the
    // pool's clock where the pool checks it, within the pool's rate limit. The poller reads each
    // page whole (pages are small) and asks for the next while read() says there is one.
    struct Paging
    {
        const char *label; // the pool in messages: "Braiins Pool"
        // The request for page `page` (the pool's own numbering, from firstPage); poolNowMs is
        // the pool's clock as far as the poller knows it (the signatures' timestamps and nonces).
        PoolRequest (*request)(const AccountConfig &account, int page, qint64 poolNowMs);
        // One reply, whatever its HTTP status: its workers into the collector (entries counted in
        // *entries), or the pool's error, or why it cannot be read.
        PageReply (*read)(const QByteArray &body, int page, WorkerCollector &collector,
                          qsizetype *entries);
        int firstPage;
        RateLimit limit;
        // What HTTP 401 / 403 without a readable error body mean at this pool.
        const char *unauthorizedHint;
        const char *forbiddenHint;
        // Optional: read()'s result, quicker, for the pages pools actually send (pool/fast/); or
        // false, with the collector as it was, to leave the page to read().
        bool (*fastRead)(const QByteArray &body, int page, WorkerCollector &collector,
                         qsizetype *entries, PageReply *reply) = nullptr;

        // The page through fastRead when there is one and it takes the page, else through read:
        // the same result either way. What the poller calls.
        PageReply readPage(const QByteArray &body, int page, WorkerCollector &collector,
                           qsizetype *entries) const;
    };
    const Paging *paging = nullptr;

    // The reply through the fast path when there is one and it takes the reply on, else
    // through the reference: the same result either way.
    ParseResult parse(const QByteArray &body, const QVector<WorkerSample> &previous = {}) const;
};

const PoolFormat &poolFormat(PoolProvider provider);

// Shorthands for poolFormat(provider)'s members.
PoolRequest workerListRequest(const AccountConfig &account);
PoolRequest testConnectionRequest(const AccountConfig &account);
ParseResult parseWorkerList(PoolProvider provider, const QByteArray &body,
                            const QVector<WorkerSample> &previous = {});
QString providerName(PoolProvider provider); // "f2pool" / "f2pool-v1" / "braiins" ...
// The pool as the operator knows it: "f2pool", "Braiins Pool", "Binance Pool", ...
QString providerTitle(PoolProvider provider);
// The provider named by its configuration value, or nullopt.
std::optional<PoolProvider> providerFromName(const QString &name);
// Every provider, in the order settings offer them.
QVector<PoolProvider> allProviders();
// The API base a provider uses when the configuration names none.
QUrl defaultProviderUrl(PoolProvider provider);
// Which credentials a provider needs: a key beside the secret (Binance, AntPool); a user
// (everyone but Braiins and ViaBTC, whose tokens name the account).
bool providerNeedsKey(PoolProvider provider);
bool providerNeedsUser(PoolProvider provider);
bool providerNeedsSecret(PoolProvider provider);
// The shortest gap between two polls the pool allows, in whole seconds (at least 1): f2pool
// publishes no limit and clients keep to one request a second; a paged pool's is one request's
// share of its rate limit (Braiins: 5 s). A poll of many pages is paced further by the
// RateLimiter; this only keeps an early poll (pollschedule.h) within what one request may.
int providerMinIntervalSecs(PoolProvider provider);

// A paged format's whole reply as one page of the list (fixtures, fuzzing, parseWorkerList).
ParseResult parsePagedReply(const PoolFormat::Paging &paging, const QByteArray &body);

// The f2pool formats' parse by name: parseWorkerList(PoolProvider::F2poolV2 / F2poolV1, ...).
ParseResult parseF2poolV2WorkerList(const QByteArray &body,
                                    const QVector<WorkerSample> &previous = {});
ParseResult parseF2poolV1(const QByteArray &body, const QVector<WorkerSample> &previous = {});

} // namespace rw
