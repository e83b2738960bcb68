#pragma once

// The checks each fuzz target runs on one input, shared by the libFuzzer targets
// (tests/fuzz/fuzz_*.cpp) and by the regression test that replays the crashes they found
// (tests/tst_fuzzregressions.cpp). Besides crashes and sanitizer reports they check what the
// headers promise: every check returns an empty string, or the promise the input broke.

#include "config/configfile.h"
#include "monitor/monitor.h"
#include "notify/telegramclient.h"
#include "pool/f2poolparser.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/fast/v1entryscanner.h"
#include "pool/httpdate.h"
#include "pool/jsonspace.h"
#include "pool/poolprovider.h"
#include "pool/toplevellist.h"
#include "pool/workercollector.h"
#include "pool/workerliststream.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace rw::fuzz {

class FuzzChecks
{
public:
    // "f2pool" (v2) and "f2pool-v1" replies: parse, then feed the snapshot to a Monitor twice.
    static QString v2Parser(const QByteArray &body) { return poolReply(body, false); }
    static QString v1Parser(const QByteArray &body) { return poolReply(body, true); }

    // The fast paths (src/core/pool/fast/README.md) held to the reference, and nothing else:
    // each must give the reference parser's result to the bit, or decline. The whole reply,
    // without and with the previous poll as a hint; the reply's "workers" list (or the input,
    // when it is a list) as the stream hands a slice to the fast entry readers; for v1 the entry
    // scanner alone, in a buffer that ends where the list does.
    static QString fastV2Equivalence(const QByteArray &body)
    {
        return fastEquivalence(body, false);
    }
    static QString fastV1Equivalence(const QByteArray &body) { return fastEquivalence(body, true); }

    // Empty when both parses agree to the bit (error text, every field of every worker, the
    // total), else the first difference in words.
    static QString parseDifference(const ParseResult &fast, const ParseResult &dom,
                                   const QString &first = QStringLiteral("fast path"),
                                   const QString &second = QStringLiteral("DOM"))
    {
        if (fast.ok() != dom.ok() || fast.error != dom.error)
            return QStringLiteral("%1: ok=%2 \"%3\", %4: ok=%5 \"%6\"")
                .arg(first)
                .arg(fast.ok())
                .arg(fast.error, second)
                .arg(dom.ok())
                .arg(dom.error);
        if (!dom.ok())
            return {};
        const Snapshot &a = *fast.snapshot, &b = *dom.snapshot;
        if (a.workers.size() != b.workers.size())
            return QStringLiteral("%1: %2 workers, %3: %4")
                .arg(first)
                .arg(a.workers.size())
                .arg(second)
                .arg(b.workers.size());
        for (qsizetype i = 0; i < a.workers.size(); ++i) {
            const WorkerSample &p = a.workers[i], &q = b.workers[i];
            if (p.name != q.name || p.hashRate != q.hashRate || p.hashRate1h != q.hashRate1h ||
                p.hashRate24h != q.hashRate24h || p.staleRate24h != q.staleRate24h ||
                p.lastShareAt != q.lastShareAt || p.host != q.host)
                return QStringLiteral("worker %1 differs: %2 %3, %4 %5")
                    .arg(i)
                    .arg(first, describe(p), second, describe(q));
        }
        if (a.totalHashRate != b.totalHashRate)
            return QStringLiteral("total: %1 %2, %3 %4")
                .arg(first)
                .arg(a.totalHashRate, 0, 'g', 17)
                .arg(second)
                .arg(b.totalHashRate, 0, 'g', 17);
        return {};
    }

    // A worker in one line, rates at full precision: what differs is visible.
    static QString describe(const WorkerSample &w)
    {
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
            .arg(w.name)
            .arg(w.hashRate, 0, 'g', 17)
            .arg(w.hashRate1h, 0, 'g', 17)
            .arg(w.hashRate24h, 0, 'g', 17)
            .arg(w.staleRate24h, 0, 'g', 17)
            .arg(w.lastShareAt)
            .arg(w.host);
    }

    // A Bot API answer. Input: a first line "<method> <http status> <Retry-After header>", then
    // the body, e.g. "sendMessage 429 7\n{\"ok\":false,...}".
    static QString telegramReply(const QByteArray &input)
    {
        const int eol = input.indexOf('\n');
        const QByteArray head = eol < 0 ? input : input.left(eol);
        const QByteArray body = eol < 0 ? QByteArray() : input.mid(eol + 1);
        const QList<QByteArray> parts = head.split(' ');
        const QString method = QString::fromUtf8(parts.value(0));
        const int status = parts.value(1).toInt();
        const QByteArray retryAfter = parts.value(2);
        const TelegramResult r = classifyTelegramReply(method, status, body, retryAfter);
        if (r.ok != r.isSuccess())
            return QStringLiteral("ok (%1) disagrees with kind %2")
                .arg(r.ok)
                .arg(TelegramResult::kindName(r.kind));
        if (r.retryAfterSecs < 0)
            return QStringLiteral("negative retry_after %1").arg(r.retryAfterSecs);
        if (r.kind == TelegramResult::TooManyRequests && r.retryAfterSecs == 0)
            return QStringLiteral("429 without a wait");
        if (r.explanation().isEmpty() || TelegramResult::kindName(r.kind).isEmpty())
            return QStringLiteral("no explanation for kind %1").arg(int(r.kind));
        volatile qint64 id = r.messageId();
        (void)id;
        return {};
    }

    // parseConfig on the input as INI text, without and with secrets in the environment.
    static QString config(const QByteArray &text)
    {
        const QString plain = configWith(text, QProcessEnvironment());
        if (!plain.isEmpty())
            return plain;
        QProcessEnvironment env;
        env.insert(QStringLiteral("RIGWATCH_POOL_SECRET"), QLatin1String(kEnvSecret));
        env.insert(QStringLiteral("RIGWATCH_TELEGRAM_TOKEN"), QLatin1String(kEnvToken));
        return configWith(text, env);
    }

    // The paged pools' parsers (src/core/pool/providers/): the first byte picks the provider
    // (Braiins, Binance, Luxor, ViaBTC, AntPool), the rest is one page's reply, read as page 1
    // and as page 7. A page is workers or an error, never both; names are never empty, rates
    // finite and never negative; the next page, when there is one, is after this one.
    static QString pagedPools(const QByteArray &input)
    {
        if (input.isEmpty())
            return {};
        static const PoolProvider kProviders[] = {PoolProvider::Braiins, PoolProvider::Binance,
                                                  PoolProvider::Luxor, PoolProvider::ViaBtc,
                                                  PoolProvider::AntPool};
        const PoolProvider provider = kProviders[quint8(input.at(0)) % 5];
        const PoolFormat::Paging *paging = poolFormat(provider).paging;
        const QByteArray body = input.mid(1);
        for (int page : {1, 7}) {
            WorkerCollector c(0);
            qsizetype entries = 0;
            const PageReply r = paging->read(body, page, c, &entries);
            const bool failed = !r.error.isEmpty() || !r.poolError.isEmpty();
            if (failed && (c.size() > 0 || r.nextPage != 0))
                return QStringLiteral("an error page also gave workers or a next page");
            if (r.clockRejected && r.poolError.isEmpty())
                return QStringLiteral("a refused timestamp without the pool's error");
            if (r.nextPage != 0 && r.nextPage <= page)
                return QStringLiteral("next page %1 after page %2").arg(r.nextPage).arg(page);
            if (failed)
                continue;
            const ParseResult parsed = c.finish(entries, paging->label, std::nullopt);
            if (!parsed.ok())
                continue;
            for (const WorkerSample &w : parsed.snapshot->workers) {
                if (w.name.isEmpty())
                    return QStringLiteral("a worker without a name");
                for (double v : {w.hashRate, w.hashRate1h, w.hashRate24h})
                    if (!std::isfinite(v) || v < 0)
                        return QStringLiteral("worker %1: rate %2").arg(w.name).arg(v);
                if (w.lastShareAt < 0)
                    return QStringLiteral("worker %1: last share %2")
                        .arg(w.name)
                        .arg(w.lastShareAt);
            }
        }
        const ParseResult whole = parseWorkerList(provider, body);
        if (whole.ok() == !whole.error.isEmpty())
            return QStringLiteral("parseWorkerList: ok and error disagree");
        return fastPagesEquivalence(input);
    }

    // The paged pools' fast page readers (PoolFormat::Paging::fastRead, src/core/pool/fast/)
    // held to their reference readers: the first byte picks the provider as in pagedPools(). The
    // page read as page 1 and page 7, into an empty collector, with the previous poll as a hint
    // (the reference's own workers, and the same moved by one place), and into a collector that
    // already holds a page: the fast reader gives read()'s result to the bit or declines.
    static QString fastPagesEquivalence(const QByteArray &input)
    {
        if (input.isEmpty())
            return {};
        static const PoolProvider kProviders[] = {PoolProvider::Braiins, PoolProvider::Binance,
                                                  PoolProvider::Luxor, PoolProvider::ViaBtc,
                                                  PoolProvider::AntPool};
        const PoolFormat::Paging &paging = *poolFormat(kProviders[quint8(input.at(0)) % 5]).paging;
        const QByteArray body = input.mid(1);
        QVector<WorkerSample> own;
        {
            WorkerCollector c(0);
            qsizetype n = 0;
            const PageReply r = paging.read(body, 1, c, &n);
            const ParseResult parsed = c.finish(n, paging.label, std::nullopt);
            if (r.error.isEmpty() && r.poolError.isEmpty() && parsed.ok())
                own = parsed.snapshot->workers;
        }
        QVector<WorkerSample> moved = own;
        if (!moved.isEmpty()) {
            WorkerSample first;
            first.name = QStringLiteral("moved-by-one");
            moved.prepend(first);
        }
        for (int page : {1, 7}) {
            for (const QVector<WorkerSample> &previous : {QVector<WorkerSample>(), own, moved}) {
                for (bool prefilled : {false, true}) {
                    const QString d = fastPageDifference(paging, body, page, previous, prefilled);
                    if (!d.isEmpty())
                        return QStringLiteral("page %1%2%3: %4")
                            .arg(page)
                            .arg(previous.isEmpty() ? QString() : QStringLiteral(", with a hint"))
                            .arg(prefilled ? QStringLiteral(", after a page") : QString(), d);
                }
            }
        }
        return {};
    }

    // Empty when the fast reader declines (leaving the collector as it was) or gives read()'s
    // page reply, entries and snapshot; else the first difference in words.
    static QString fastPageDifference(const PoolFormat::Paging &paging, const QByteArray &body,
                                      int page, const QVector<WorkerSample> &previous,
                                      bool prefilled)
    {
        if (!paging.fastRead)
            return {};
        WorkerCollector ref(0, previous), fast(0, previous);
        qsizetype refEntries = 0, fastEntries = 0;
        if (prefilled) { // the poller's collector after an earlier page
            paging.read(body, page, ref, &refEntries);
            paging.read(body, page, fast, &fastEntries);
        }
        const qsizetype before = fast.size();
        qsizetype refN = 0, fastN = 0;
        const PageReply a = paging.read(body, page, ref, &refN);
        PageReply b;
        if (!paging.fastRead(body, page, fast, &fastN, &b))
            return fast.size() == before
                       ? QString()
                       : QStringLiteral("declined but kept %1 workers").arg(fast.size() - before);
        if (!a.error.isEmpty() || !a.poolError.isEmpty())
            return QStringLiteral("the reference failed (\"%1%2\"), the fast reader took it")
                .arg(a.error, a.poolError);
        if (a.nextPage != b.nextPage || a.total != b.total || a.clockRejected != b.clockRejected ||
            !b.error.isEmpty() || !b.poolError.isEmpty() || refN != fastN)
            return QStringLiteral("reference: next %1, total %2, %3 entries; fast: next %4, "
                                  "total %5, %6 entries \"%7%8\"")
                .arg(a.nextPage)
                .arg(a.total)
                .arg(refN)
                .arg(b.nextPage)
                .arg(b.total)
                .arg(fastN)
                .arg(b.error, b.poolError);
        const ParseResult x = fast.finish(fastEntries + fastN, paging.label, std::nullopt);
        const ParseResult y = ref.finish(refEntries + refN, paging.label, std::nullopt);
        const QString d =
            parseDifference(x, y, QStringLiteral("fast reader"), QStringLiteral("reference"));
        if (!d.isEmpty() || !y.ok())
            return d;
        for (qsizetype i = 0; i < y.snapshot->workers.size(); ++i) {
            const WorkerSample &p = x.snapshot->workers[i], &q = y.snapshot->workers[i];
            if (p.poolState != q.poolState)
                return QStringLiteral("worker %1's pool state: fast \"%2\", reference \"%3\"")
                    .arg(i)
                    .arg(p.poolState.text(), q.poolState.text());
            // To the bit: -0.0 equals 0.0 but is shown as "-0".
            if (std::signbit(p.hashRate) != std::signbit(q.hashRate) ||
                std::signbit(p.hashRate1h) != std::signbit(q.hashRate1h) ||
                std::signbit(p.hashRate24h) != std::signbit(q.hashRate24h))
                return QStringLiteral("worker %1: a rate's sign differs").arg(i);
        }
        return {};
    }

    // The hand-written timestamp parsers: the reply's Date header and ISO-8601 last shares.
    static QString timestamps(const QByteArray &text)
    {
        const qint64 date = parseHttpDate(text);
        const qint64 iso = parseIsoDateTime(QString::fromUtf8(text));
        if (date < 0 || iso < 0)
            return QStringLiteral(
                       "negative time (Date %1, ISO %2); 0 is promised for times before 1970")
                .arg(date)
                .arg(iso);
        // Date fields as a reply brings them: one that parses is taken as it is; joined or
        // repeated ones give a date that one of their tails gives.
        const qint64 fields = parseHttpDateFields({text});
        if (date != 0 && fields != date)
            return QStringLiteral("Date field %1 read as %2").arg(date).arg(fields);
        if (fields < 0 || parseHttpDateFields({text, text}) != fields)
            return QStringLiteral("Date fields: %1, the same field twice %2")
                .arg(fields)
                .arg(parseHttpDateFields({text, text}));
        // ASCII text read from its bytes (the v1 scanner's way) means what it means as text.
        if (std::all_of(text.begin(), text.end(), [](char c) { return uchar(c) < 0x80; })) {
            const qint64 ascii =
                parseIsoDateTime(std::string_view(text.constData(), size_t(text.size())));
            if (ascii != iso)
                return QStringLiteral("ISO from ASCII bytes %1, from text %2").arg(ascii).arg(iso);
        }
        return {};
    }

private:
    static constexpr const char *kEnvSecret = "EnvPoolSecretValue0123456789";
    static constexpr const char *kEnvToken = "987654:EnvBotTokenValue0123456789";
    static constexpr qint64 kNow = 1'767'225'600; // 2026-01-01

    static QString oneLine(const QString &what, const QString &text)
    {
        if (text.isEmpty())
            return what + QStringLiteral(" is empty");
        if (text.contains(QLatin1Char('\n')))
            return what + QStringLiteral(" spans several lines: ") + text.left(200);
        return {};
    }

    static bool sane(double v) { return std::isfinite(v) && v >= 0; }

    // The fast path (simdjson On-Demand) must give the DOM parser's snapshot to the bit, or
    // step aside.
    static QString fastPathDisagreement(const QByteArray &body, bool v1)
    {
        const std::optional<ParseResult> fast =
            v1 ? fastParseF2poolV1(body) : fastParseF2poolV2WorkerList(body);
        if (!fast)
            return {};
        return parseDifference(*fast, v1 ? parseF2poolV1Reference(body)
                                         : parseF2poolV2WorkerListReference(body));
    }

    static QString fastEquivalence(const QByteArray &body, bool v1)
    {
        QString diff = fastPathDisagreement(body, v1);
        if (!diff.isEmpty())
            return diff;
        const ParseResult reference =
            v1 ? parseF2poolV1Reference(body) : parseF2poolV2WorkerListReference(body);
        if (reference.ok()) {
            const QVector<WorkerSample> &previous = reference.snapshot->workers;
            const std::optional<ParseResult> hinted =
                v1 ? fastParseF2poolV1(body, previous)
                   : fastParseF2poolV2WorkerList(body, previous);
            if (hinted) {
                diff = parseDifference(*hinted, reference,
                                       QStringLiteral("fast path with the previous poll"),
                                       QStringLiteral("reference"));
                if (!diff.isEmpty())
                    return diff;
            }
        }
        // The slice: the input when it is a list, else from the reply's list to its last ']'.
        qsizetype start = 0;
        while (start < body.size() && isJsonSpace(body.at(start)))
            ++start;
        if (start >= body.size())
            return {};
        if (body.at(start) != '[') {
            TopLevelListFinder finder;
            if (finder.scan(body, 0, &start) != TopLevelListFinder::Verdict::Found)
                return {};
        }
        const qsizetype end = body.lastIndexOf(']') + 1;
        return end > start ? sliceDisagreement(body, start, end, v1) : QString();
    }

    static QString sliceDisagreement(const QByteArray &body, qsizetype start, qsizetype end,
                                     bool v1)
    {
        const char *label = v1 ? "f2pool v1" : "f2pool v2";
        const qsizetype size = end - start;
        // As the stream holds a slice: the rest of the reply after it, then free space.
        QByteArray held(body.size() - start + kFastParserPadding, '\0');
        std::memcpy(held.data(), body.constData() + start, size_t(body.size() - start));
        const QByteArrayView slice(held.constData(), size);

        std::optional<ParseResult> reference;
        qsizetype entries = 0;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(held.left(size), &pe);
        if (pe.error == QJsonParseError::NoError && doc.isArray()) {
            const QJsonArray list = doc.array();
            WorkerCollector c(list.size());
            if (v1)
                detail::readV1Entries(list, 0, 0, c);
            else
                detail::readV2Entries(list, 0, 0, c);
            entries = list.size();
            reference = c.finish(entries, label, std::nullopt);
        }
        QVector<QVector<WorkerSample>> hints{{}};
        if (reference && reference->ok()) {
            hints.append(reference->snapshot->workers);
            if (hints.last().size() > 1)
                hints.last().move(0, hints.last().size() - 1);
        }
        // A reader of the slice into a collector: the reference's samples, or declined with
        // the collector as it was.
        const auto compare = [&](const QString &what, auto read) -> QString {
            for (const QVector<WorkerSample> &previous : hints) {
                WorkerCollector c(0, previous);
                qsizetype count = -1;
                if (!read(c, &count)) {
                    if (c.size() != 0)
                        return what + QStringLiteral(" declined but kept %1 samples").arg(c.size());
                    continue;
                }
                if (!reference)
                    return what + QStringLiteral(" took a slice the reference rejects");
                if (count != entries)
                    return what + QStringLiteral(" read %1 entries, the reference %2")
                                      .arg(count)
                                      .arg(entries);
                const QString diff = parseDifference(c.finish(count, label, std::nullopt),
                                                     *reference, what, QStringLiteral("reference"));
                if (!diff.isEmpty())
                    return diff;
            }
            return QString();
        };
        const qsizetype readable = held.size();
        QString diff =
            compare(QStringLiteral("fast slice reader"), [&](WorkerCollector &c, qsizetype *count) {
                return v1 ? fastReadV1Entries(slice, readable, c, count)
                          : fastReadV2Entries(slice, readable, c, count);
            });
        if (!diff.isEmpty() || !v1)
            return diff;
        // The scanner never reads past the list: a buffer of exactly its size (AddressSanitizer
        // catches a byte more).
        const std::unique_ptr<char[]> exact(new char[size_t(size)]);
        std::memcpy(exact.get(), slice.data(), size_t(size));
        return compare(QStringLiteral("v1 entry scanner"),
                       [&](WorkerCollector &c, qsizetype *count) {
                           return scanV1Entries(QByteArrayView(exact.get(), size), c, count);
                       });
    }

public:
    // The whole-reply parser of one API (v1 or v2), as the poller calls it.
    static ParseResult parseWhole(const QByteArray &body, bool v1,
                                  const QVector<WorkerSample> &previous = {})
    {
        return parseWorkerList(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2, body,
                               previous);
    }

    // The reply fed to a WorkerListStream in pieces of `piece` bytes, slices of `slice` bytes
    // (and the previous poll as its hint): the same verdict as the parser on the whole reply
    // (and f2poolErrorMessage), or the difference in words.
    static QString streamDisagreement(const QByteArray &body, bool v1, qsizetype piece,
                                      qsizetype slice, const QVector<WorkerSample> &previous = {})
    {
        WorkerListStream stream(poolFormat(v1 ? PoolProvider::F2poolV1 : PoolProvider::F2poolV2),
                                slice, 0, previous);
        for (qsizetype at = 0; at < body.size(); at += piece)
            stream.append(body.constData() + at, qMin(piece, body.size() - at));
        const WorkerListStream::Result streamed = stream.finish();
        const QString poolError = f2poolErrorMessage(body);
        if (streamed.poolError != poolError)
            return QStringLiteral("stream's pool error \"%1\", whole reply's \"%2\"")
                .arg(streamed.poolError, poolError);
        return parseDifference(
            streamed.parsed, parseWhole(body, v1),
            QStringLiteral("stream (pieces of %1, slices of %2)").arg(piece).arg(slice),
            QStringLiteral("whole reply"));
    }

    // The previous poll is only a hint (it lends its strings): given the reply's own workers, or
    // the same moved by one place, the parse and the stream give the snapshot the reply alone
    // gives.
    static QString hintDisagreement(const QByteArray &body, bool v1, const ParseResult &plain)
    {
        if (!plain.ok())
            return {};
        const QVector<WorkerSample> same = plain.snapshot->workers;
        QVector<WorkerSample> moved = same;
        if (moved.size() > 1)
            moved.move(0, moved.size() - 1);
        for (const QVector<WorkerSample> &previous : {same, moved}) {
            const ParseResult hinted = parseWhole(body, v1, previous);
            QString diff = parseDifference(hinted, plain, QStringLiteral("with the previous poll"),
                                           QStringLiteral("without"));
            if (diff.isEmpty())
                diff = streamDisagreement(body, v1, 3, 17, previous);
            if (!diff.isEmpty())
                return diff;
        }
        return {};
    }

private:
    static QString poolReply(const QByteArray &body, bool v1)
    {
        const ParseResult r = parseWhole(body, v1);
        const QString fastDiff = fastPathDisagreement(body, v1);
        if (!fastDiff.isEmpty())
            return fastDiff;
        const QString hintDiff = hintDisagreement(body, v1, r);
        if (!hintDiff.isEmpty())
            return hintDiff;
        // Cut in pieces and slices that depend on the input, small enough to cut fuzz inputs.
        const size_t h = qHash(body);
        for (const auto &[piece, slice] : {std::pair<qsizetype, qsizetype>{1, 1},
                                           {qsizetype(h % 13 + 1), qsizetype(h / 13 % 61 + 1)}}) {
            const QString streamDiff = streamDisagreement(body, v1, piece, slice);
            if (!streamDiff.isEmpty())
                return streamDiff;
        }
        const QString poolError = f2poolErrorMessage(body);
        if (!poolError.isEmpty()) {
            const QString e = oneLine(QStringLiteral("f2poolErrorMessage"), poolError);
            if (!e.isEmpty())
                return e;
        }
        if (!r.ok()) {
            const QString e = oneLine(QStringLiteral("the parse error"), r.error);
            if (!e.isEmpty())
                return e;
            return r.error.size() > 2000
                       ? QStringLiteral("parse error of %1 characters").arg(r.error.size())
                       : QString();
        }
        const Snapshot &s = *r.snapshot;
        if (!poolError.isEmpty())
            return QStringLiteral("a reply with an f2pool error parsed as a worker list: ") +
                   poolError;
        QSet<QString> names;
        for (const WorkerSample &w : s.workers) {
            if (w.name.isEmpty())
                return QStringLiteral("a worker without a name");
            if (names.contains(w.name))
                return QStringLiteral("worker name twice: ") + w.name;
            names.insert(w.name);
            if (!sane(w.hashRate) || !sane(w.hashRate1h) || !sane(w.hashRate24h) ||
                !sane(w.staleRate24h))
                return QStringLiteral("worker %1 has a negative or non-finite rate").arg(w.name);
            if (w.lastShareAt < 0)
                return QStringLiteral("worker %1 has a negative last share").arg(w.name);
        }
        if (!sane(s.totalHashRate))
            return QStringLiteral("total hash rate %1").arg(s.totalHashRate);

        // The snapshot must be safe to classify (no overflow on extreme times), twice so the
        // second poll diffs against the first.
        Monitor m(Thresholds(), 300);
        Snapshot first = s;
        first.poolTimeSecs = kNow;
        m.applySnapshot(first, kNow);
        Snapshot second = s;
        second.poolTimeSecs = kNow + 300;
        m.applySnapshot(second, kNow + 300);
        const Incident i = m.incident(kNow + 300);
        if (i.online + int(i.down.size()) > i.total)
            return QStringLiteral("incident counts %1 online + %2 down > %3 total")
                .arg(i.online)
                .arg(i.down.size())
                .arg(i.total);
        return {};
    }

    static QString configWith(const QByteArray &text, const QProcessEnvironment &env)
    {
        const QString file = QStringLiteral("fuzz.ini");
        const ConfigResult r = parseConfig(text, file, env);
        QStringList said = r.warnings;
        said << r.error;
        for (const QString &line : std::as_const(said))
            if (line.contains(QLatin1String(kEnvSecret)) || line.contains(QLatin1String(kEnvToken)))
                return QStringLiteral("a secret from the environment in a message: ") + line;
        if (!r.config) {
            if (!r.error.startsWith(file))
                return QStringLiteral("the error does not name the file: ") + r.error.left(200);
            return oneLine(QStringLiteral("the error"), r.error);
        }
        const DaemonConfig &c = *r.config;
        if (c.accounts.isEmpty())
            return QStringLiteral("a valid configuration without an account");
        for (const AccountConfig &a : c.accounts) {
            if (a.user.isEmpty())
                return QStringLiteral("account %1 without a user").arg(a.id);
            if (a.intervalSecs < 1 || a.timeoutSecs < 1)
                return QStringLiteral("account %1: interval %2, timeout %3")
                    .arg(a.id)
                    .arg(a.intervalSecs)
                    .arg(a.timeoutSecs);
            const Thresholds &t = a.thresholds;
            if (t.offlineAfterSecs < 1 || t.retiredAfterSecs <= t.offlineAfterSecs)
                return QStringLiteral("account %1: offline_after %2, retired_after %3")
                    .arg(a.id)
                    .arg(t.offlineAfterSecs)
                    .arg(t.retiredAfterSecs);
            if (!sane(t.minHashRate))
                return QStringLiteral("account %1: min_hashrate %2").arg(a.id).arg(t.minHashRate);
            if (!a.url.isValid() || (a.url.scheme() != QLatin1String("http") &&
                                     a.url.scheme() != QLatin1String("https")))
                return QStringLiteral("account %1: url %2").arg(a.id, a.url.toString());
        }
        if (c.telegram.token.isEmpty() != c.telegram.chat.isEmpty())
            return QStringLiteral("a Telegram token without a chat or the other way round");
        const QString described = describeConfig(c);
        if (described.contains(QLatin1String(kEnvSecret)) ||
            described.contains(QLatin1String(kEnvToken)))
            return QStringLiteral("describeConfig shows a secret from the environment");
        return {};
    }
};

} // namespace rw::fuzz
