#pragma once

#include "config/accountconfig.h"
#include "pool/pagedlist.h"

#include <QCoreApplication>
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
// A worker's name from a string or a number; empty otherwise.
QString nameOf(const QJsonValue &v);
// The pool's error code in a reply ({"code": N} as a number or a string); 0 = none or success.
qint64 codeOf(const QJsonObject &o, bool *present = nullptr);
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

} // namespace providers
} // namespace rw
