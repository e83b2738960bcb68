#include "poolsbench.h"

#include "benchreport.h"

#include "f2poolreplies.h"
#include "fakef2pool.h"
#include "fakepools.h"
#include "monitor/monitor.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/poller.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"
#include "pool/workerliststream.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cmath>

namespace rw::bench {

namespace {

constexpr int kInterval = 300;
constexpr int kDownEvery = 50; // 2 % of the rigs went down between the two polls

struct Page
{
    int number = 0;
    QByteArray body;
};

// One poll's pages as the pool serves them (the simulated pool, over loopback, its rate limit
// off: the pacing is not what is measured), fetched outside the timing.
QVector<Page> fetchPages(const AccountConfig &a, QNetworkAccessManager &nam, QString *error)
{
    const PoolFormat::Paging *paging = poolFormat(a.provider).paging;
    QVector<Page> pages;
    int page = paging->firstPage;
    qint64 stamp = QDateTime::currentMSecsSinceEpoch();
    while (page > 0 && pages.size() < 10'000) {
        const PoolRequest pr = paging->request(a, page, ++stamp);
        QNetworkReply *reply = nam.sendCustomRequest(pr.request, pr.verb, pr.body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        WorkerCollector c(0);
        qsizetype n = 0;
        const PageReply read = paging->read(body, page, c, &n);
        if (!read.error.isEmpty() || !read.poolError.isEmpty()) {
            *error = read.error + read.poolError;
            return {};
        }
        // Held as the poller holds a page: with room for the fast readers' padding after it.
        QByteArray held;
        held.reserve(body.size() + kFastParserPadding);
        held.append(body);
        pages.push_back({page, held});
        page = read.nextPage;
    }
    return pages;
}

// The poller's paged parse: each page whole into one collector (its fast path first, as the
// poller reads it; or the reference reader alone, for the line under the figure), then the
// snapshot.
ParseResult parsePages(const PoolFormat::Paging &paging, const QVector<Page> &pages,
                       const QVector<WorkerSample> &previous, bool referenceOnly = false)
{
    WorkerCollector c(0, previous);
    qsizetype entries = 0;
    for (const Page &p : pages) {
        qsizetype n = 0;
        if (referenceOnly)
            paging.read(p.body, p.number, c, &n);
        else
            paging.readPage(p.body, p.number, c, &n);
        entries += n;
    }
    return c.finish(entries, paging.label, std::nullopt);
}

// How many of the pages the fast path takes on (the rest go to the reference reader).
qsizetype fastPages(const PoolFormat::Paging &paging, const QVector<Page> &pages)
{
    qsizetype taken = 0;
    for (const Page &p : pages) {
        WorkerCollector c(0);
        qsizetype n = 0;
        PageReply r;
        if (paging.fastRead && paging.fastRead(p.body, p.number, c, &n, &r))
            ++taken;
    }
    return taken;
}

// f2pool v2 as the poller parses it: streamed in the pieces a network read gives.
ParseResult parseF2pool(const QByteArray &body, const QVector<WorkerSample> &previous)
{
    constexpr qsizetype kPiece = 16 * 1024;
    WorkerListStream stream(poolFormat(PoolProvider::F2poolV2), kStreamSliceBytes, body.size(),
                            previous);
    for (qsizetype at = 0; at < body.size(); at += kPiece)
        stream.append(body.constData() + at, qMin(kPiece, body.size() - at));
    return stream.finish().parsed;
}

// One ingest (parse, classify + diff, incident) on a monitor that holds the previous poll.
template <typename Parse> double ingestMs(Parse parse, const Snapshot &previous, qint64 now)
{
    Monitor m(Thresholds(), kInterval);
    m.setRowChanges(false);
    m.applySnapshot(previous, now - 2 * kInterval);
    m.applySnapshot(previous, now - kInterval);
    return timeMs([&] {
        ParseResult r = parse(previous.workers);
        r.snapshot->poolTimeSecs = now;
        const QVector<Event> events = m.applySnapshot(*r.snapshot, now);
        keep(events.size() + m.incident(now).down.size());
        WorkerCollector::recycle(std::move(r.snapshot->workers));
    });
}

// What the pool's limit adds to one poll of `pages` pages (a burst up to its capacity, then a
// window per further capacity's worth), left out of the timing.
double pacingSecs(const RateLimit &l, qsizetype pages)
{
    if (l.capacity <= 0 || l.windowMs <= 0)
        return 0;
    const qint64 perWindow = qMax(1, l.capacity / qMax(1, l.cost));
    if (pages <= perWindow)
        return 0;
    return double((pages - 1) / perWindow) * double(l.windowMs) / 1000.0;
}

} // namespace

PoolsBench::PoolsBench(BenchReport *report) : m_report(report) {}

void PoolsBench::run()
{
    const int workers = m_report->quick() ? 1'000 : 10'000;
    const int reps = m_report->quick() ? 3 : 15;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    sim::FakeF2pool rigs(SystemClock::instance());
    rigs.addRigs(workers);
    const QStringList names = rigs.rigNames();
    const QVector<PoolProvider> pools = {PoolProvider::Braiins, PoolProvider::Binance,
                                         PoolProvider::Luxor, PoolProvider::ViaBtc,
                                         PoolProvider::AntPool};
    QNetworkAccessManager nam;
    std::vector<std::unique_ptr<sim::FakePools>> fakes;
    QVector<AccountConfig> accounts;
    for (PoolProvider p : pools) {
        auto fake = std::make_unique<sim::FakePools>(p, &rigs, SystemClock::instance());
        fake->setEnforceRateLimit(false);
        fake->setUser(QStringLiteral("farm1"));
        if (!fake->listen()) {
            m_report->error(11, QStringLiteral("ingest of the other pools"),
                            QStringLiteral("the simulated pool cannot listen"));
            return;
        }
        AccountConfig a;
        a.provider = p;
        a.url = fake->baseUrl();
        a.user = QStringLiteral("farm1");
        a.currency = QStringLiteral("bitcoin");
        a.apiKey = QStringLiteral("demo-key");
        a.secret = QStringLiteral("demo-secret");
        accounts << a;
        fakes.push_back(std::move(fake));
    }

    // Two polls of every pool: before and after 2 % of the rigs stopped.
    const QByteArray f2Before = sim::f2pool::v2WorkerList(rigs.currentRows());
    QVector<QVector<Page>> before, after;
    QString error;
    for (const AccountConfig &a : std::as_const(accounts))
        before << fetchPages(a, nam, &error);
    for (qsizetype i = 0; i < names.size(); i += kDownEvery)
        rigs.setRigStoppedSince(names[i], now - 3600);
    const QByteArray f2After = sim::f2pool::v2WorkerList(rigs.currentRows());
    for (const AccountConfig &a : std::as_const(accounts))
        after << fetchPages(a, nam, &error);
    if (!error.isEmpty()) {
        m_report->error(11, QStringLiteral("ingest of the other pools"),
                        QStringLiteral("a page could not be read: ") + error);
        return;
    }

    auto snapshotOf = [now](ParseResult r) {
        if (!r.ok())
            qFatal("benchmark reply does not parse: %s", qPrintable(r.error));
        r.snapshot->poolTimeSecs = now - kInterval;
        return *r.snapshot;
    };
    const Snapshot f2Previous = snapshotOf(parseF2pool(f2Before, {}));
    QVector<Snapshot> previous;
    for (qsizetype i = 0; i < pools.size(); ++i)
        previous << snapshotOf(parsePages(*poolFormat(pools[i]).paging, before[i], {}));

    // Interleaved: every round times f2pool and every pool once, so load hits all alike.
    std::vector<double> f2Ms;
    std::vector<std::vector<double>> poolMs(size_t(pools.size())), domMs(size_t(pools.size())),
        referenceMs(size_t(pools.size()));
    for (int round = 0; round <= reps; ++round) {
        const double f2 =
            ingestMs([&](const QVector<WorkerSample> &prev) { return parseF2pool(f2After, prev); },
                     f2Previous, now);
        if (round > 0) // the first round warms caches and the allocator
            f2Ms.push_back(f2);
        for (qsizetype i = 0; i < pools.size(); ++i) {
            const PoolFormat::Paging &paging = *poolFormat(pools[i]).paging;
            const double ms = ingestMs(
                [&](const QVector<WorkerSample> &prev) {
                    return parsePages(paging, after[i], prev);
                },
                previous[i], now);
            // For comparison: the same ingest through the reference reader alone (the ingest
            // before the fast path), and that reader's bare QJsonDocument parse of the pages.
            const double reference = ingestMs(
                [&](const QVector<WorkerSample> &prev) {
                    return parsePages(paging, after[i], prev, true);
                },
                previous[i], now);
            const double dom = timeMs([&] {
                for (const Page &p : std::as_const(after[i]))
                    keep(QJsonDocument::fromJson(p.body).isObject() ? 1 : 0);
            });
            if (round > 0) {
                poolMs[size_t(i)].push_back(ms);
                domMs[size_t(i)].push_back(dom);
                referenceMs[size_t(i)].push_back(reference);
            }
        }
    }
    const double f2 = median(f2Ms);
    double worst = 0;
    QStringList parts;
    QStringList infos;
    for (qsizetype i = 0; i < pools.size(); ++i) {
        const PoolFormat::Paging &paging = *poolFormat(pools[i]).paging;
        const double ms = median(poolMs[size_t(i)]);
        const double ratio = ms / f2;
        worst = std::max(worst, ratio);
        qint64 bytes = 0;
        for (const Page &p : std::as_const(after[i]))
            bytes += p.body.size();
        const bool pass = ratio <= 2.0;
        m_report->figure(
            QStringLiteral("11%1").arg(QLatin1Char(char('a' + i))),
            QStringLiteral("ingest of a %1-worker %2 account / f2pool v2's")
                .arg(QLocale::c().toString(workers), providerTitle(pools[i])),
            QStringLiteral("%1 ms / %2 ms = %3").arg(fixed(ms, 1), fixed(f2, 1), fixed(ratio, 2)),
            QStringLiteral("<= 2.0"), pass);
        m_report->info(QStringLiteral("%1 page(s), %2 MB, %3 taken by the fast path; the "
                                      "pool's limit (%4) adds %5 s of pacing to a poll (not "
                                      "timed)")
                           .arg(after[i].size())
                           .arg(fixed(double(bytes) / 1e6, 2))
                           .arg(fastPages(paging, after[i]))
                           .arg(QString::fromLatin1(paging.limit.text))
                           .arg(fixed(pacingSecs(paging.limit, after[i].size()), 0)));
        const double reference = median(referenceMs[size_t(i)]);
        m_report->info(QStringLiteral("the reference reader alone: %1 ms = %2 x f2pool's "
                                      "ingest; its bare QJsonDocument parse of the pages %3 ms")
                           .arg(fixed(reference, 1))
                           .arg(fixed(reference / f2, 2))
                           .arg(fixed(median(domMs[size_t(i)]), 1)));
    }
    m_report->info(QStringLiteral("f2pool v2: %1 MB, streamed in 16 KiB pieces as the poller "
                                  "reads it")
                       .arg(fixed(double(f2After.size()) / 1e6, 2)));
}

} // namespace rw::bench
