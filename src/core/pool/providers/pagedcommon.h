#pragma once

#include "config/accountconfig.h"
#include "pool/fast/fastpagereader.h"
#include "pool/pagedlist.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrl>

namespace rw {

class WorkerCollector;

// Texts of the providers' replies and errors, one translation context for all of them.
struct ProviderText
{
    Q_DECLARE_TR_FUNCTIONS(ProviderText)
};

namespace providers {

// A request to a pool's API: RigWatch's user agent, JSON accepted, redirects not followed
// (they could carry a key to another host).
QNetworkRequest apiRequest(const QUrl &url);
// base's scheme and host with `path` after base's own path.
QUrl apiUrl(const QUrl &base, const QString &path);
// Lower-case hex HMAC-SHA256 of message under the secret.
QByteArray hmacSha256Hex(const QString &secret, const QByteArray &message);

// The reply as one JSON object, or why not ("<label> reply is not valid JSON ...").
QString jsonObject(const QByteArray &body, QJsonObject *root);
// The same into a page's reply: false, with the reason in r->error, when it is not an object.
bool readRoot(const QByteArray &body, QJsonObject *root, PageReply *r);
// A worker's name from a string or a number; empty otherwise.
QString nameOf(const QJsonValue &v);
// The pool's error code in a reply ({"code": N} as a number or a string); 0 = none or success.
qint64 codeOf(const QJsonObject &o, bool *present = nullptr);
// The fast page readers' common frame: a page read by fastpage::readPage with spec, taken
// only when its top-level code is 0 or absent (else false, the collector as before, and the
// reference reader words the pool's error); the paging fields read by readPaging from
// levels[pagingLevel].
using PagingFields = void (*)(const QJsonObject &holder, int page, qsizetype entries, PageReply *r);
bool fastReadCodedPage(const QByteArray &body, const fastpage::Spec &spec, int pagingLevel,
                       PagingFields readPaging, int page, WorkerCollector &c, qsizetype *entries,
                       PageReply *r);
// The first non-empty message among "msg", "message", "error", "detail", one line.
QString messageOf(const QJsonObject &o);
// A boolean paging flag that may be true/false, 1/0 or "true"/"1".
bool flagOf(const QJsonValue &v, bool *present = nullptr);
// A whole number that may be sent as a string; -1 when absent or unreadable.
qint64 countOf(const QJsonValue &v);

// The next page after `page` from what the paging fields say: a page count, or a total of
// workers with a page size. -1 in both = not said: then only an empty page ends the list.
int nextPage(int page, int firstPage, qint64 totalPages, qint64 totalItems, qint64 pageSize,
             qsizetype entriesOnPage);

// "BTC" for bitcoin, "LTC" for litecoin ...: the ticker most pools use; else the slug in
// upper case (a ticker written as the currency stays what it is).
QString tickerOf(const QString &currencySlug);

// Text after the first '.' of "account.worker"; the whole name without one.
QString withoutAccountPrefix(const QString &name);

// The pool's own word for a worker's state: the first of `keys` holding a string or a number.
QString poolStateOf(const QJsonObject &w, std::initializer_list<const char *> keys);

// A list of worker objects into the collector: each one's name from the first of nameKeys that
// holds one (passed through `rename` when given), an entry without a name rejected, the rest
// read by `fill`. Returns the number of entries.
qsizetype readWorkerList(const QJsonArray &list, WorkerCollector &c,
                         std::initializer_list<const char *> nameKeys,
                         void (*fill)(const QJsonObject &w, WorkerSample &s),
                         QString (*rename)(const QString &name) = nullptr);

// A reply's "code" when it says failure: the pool's error in *r, as errorText words it from the
// code and the reply's message; true then. *hasCode: whether the reply had a code at all.
bool readErrorCode(const QJsonObject &root, PageReply *r,
                   QString (*errorText)(qint64 code, const QString &message), bool *hasCode);

// A reply without its list of workers: the pool's message as its error when it has one (and
// the list may be missing for that reason), else `error`: RigWatch cannot read the reply.
void missingList(const QJsonObject &root, bool messageIsError, const char *label,
                 const QString &error, PageReply *r);

// The PoolFormat entry of a paged pool, from its Paging alone: the first page as the poll's and
// "Test connection"'s request (the cheapest call these pools have that proves the credentials
// read the workers), the whole reply as one page for the reference parser and the pool's error.
template <const PoolFormat::Paging &P> PoolRequest pagedFirstPage(const AccountConfig &a)
{
    return P.request(a, P.firstPage, QDateTime::currentMSecsSinceEpoch());
}
template <const PoolFormat::Paging &P> ParseResult pagedReference(const QByteArray &body)
{
    return parsePagedReply(P, body);
}
template <const PoolFormat::Paging &P> QString pagedErrorMessage(const QByteArray &body)
{
    WorkerCollector c(0);
    qsizetype n = 0;
    return P.read(body, P.firstPage, c, &n).poolError;
}
template <const PoolFormat::Paging &P> PoolFormat pagedFormat(const char *name)
{
    PoolFormat f{name, pagedFirstPage<P>, pagedFirstPage<P>, pagedReference<P>,
                 pagedErrorMessage<P>};
    f.paging = &P;
    return f;
}

} // namespace providers
} // namespace rw
