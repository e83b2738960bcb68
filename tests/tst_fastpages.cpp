// The paged pools' fast page readers (PoolFormat::Paging::fastRead, src/core/pool/fast/) held
// to their reference readers: on every seed and fixture, on the simulated pools' real pages, and
// on hostile pages they must decline. They take on the replies pools send (else they would
// quietly decline everything), and what they take is the reference's result to the bit.
#include "fakef2pool.h"
#include "fakepools.h"
#include "fuzz/fuzzchecks.h"
#include "pool/poolprovider.h"
#include "pool/workercollector.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace rw;
using rw::fuzz::FuzzChecks;

namespace {

const PoolProvider kPools[] = {PoolProvider::Braiins, PoolProvider::Binance, PoolProvider::Luxor,
                               PoolProvider::ViaBtc, PoolProvider::AntPool};

// The seeds' convention (FuzzChecks::fastPagesEquivalence): the first byte picks the pool.
char pickByte(PoolProvider p)
{
    for (int i = 0; i < 5; ++i)
        if (kPools[i] == p)
            return char(i);
    return 0;
}

QByteArray seed(const QString &name)
{
    QFile f(QStringLiteral(RIGWATCH_TEST_DATA "/../fuzz/seeds/fastpages_equivalence/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool fastTakes(PoolProvider p, const QByteArray &body, int page = 1)
{
    const PoolFormat::Paging &paging = *poolFormat(p).paging;
    WorkerCollector c(0);
    qsizetype n = 0;
    PageReply r;
    const bool taken = paging.fastRead(body, page, c, &n, &r);
    if (!taken && c.size() != 0)
        qFatal("a declined page left workers in the collector");
    return taken;
}

} // namespace

class TestFastPages : public QObject
{
    Q_OBJECT

    // Every page of one poll of a 120-worker account from the simulated pool, over loopback.
    QVector<QByteArray> simPages(PoolProvider p, int maxPageSize = 0)
    {
        sim::FakeF2pool rigs(SystemClock::instance());
        rigs.addRigs(120);
        rigs.setRigStoppedSince(rigs.rigNames().at(3), QDateTime::currentSecsSinceEpoch() - 3600);
        sim::FakePools pool(p, &rigs, SystemClock::instance());
        pool.setEnforceRateLimit(false);
        pool.setUser(QStringLiteral("farm1"));
        if (maxPageSize > 0)
            pool.setMaxPageSize(maxPageSize);
        if (!pool.listen())
            return {};
        AccountConfig a;
        a.provider = p;
        a.url = pool.baseUrl();
        a.user = QStringLiteral("farm1");
        a.currency = QStringLiteral("bitcoin");
        a.apiKey = QStringLiteral("demo-key");
        a.secret = QStringLiteral("demo-secret");
        const PoolFormat::Paging &paging = *poolFormat(p).paging;
        QVector<QByteArray> pages;
        qint64 stamp = QDateTime::currentMSecsSinceEpoch();
        for (int page = paging.firstPage; page > 0 && pages.size() < 200;) {
            const PoolRequest pr = paging.request(a, page, ++stamp);
            std::unique_ptr<QNetworkReply> reply(
                m_nam.sendCustomRequest(pr.request, pr.verb, pr.body));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            if (!finished.wait(10000))
                return {};
            const QByteArray body = reply->readAll();
            WorkerCollector c(0);
            qsizetype n = 0;
            const PageReply r = paging.read(body, page, c, &n);
            if (!r.error.isEmpty() || !r.poolError.isEmpty())
                return {};
            pages << body;
            page = r.nextPage;
        }
        return pages;
    }

    QNetworkAccessManager m_nam;

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("rigwatch.*.warning=false\nrigwatch.*.info=false"));
    }

    // Every pool has a fast reader: the benchmark's figure 11 rests on it.
    void everyPagedPoolHasOne()
    {
        for (PoolProvider p : kPools)
            QVERIFY2(poolFormat(p).paging->fastRead, qPrintable(providerName(p)));
    }

    // The simulated pools' pages (the shapes of docs/pool-apis.md): every page taken, each the
    // reference's result to the bit, alone, with the previous poll as a hint and after a page.
    void takesTheSimulatedPoolsPages_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("pageSize");
        for (PoolProvider p : kPools) {
            QTest::addRow("%s", qPrintable(providerName(p))) << int(p) << 0;
            QTest::addRow("%s, 7 a page", qPrintable(providerName(p))) << int(p) << 7;
        }
    }
    void takesTheSimulatedPoolsPages()
    {
        QFETCH(int, provider);
        QFETCH(int, pageSize);
        const auto p = PoolProvider(provider);
        const QVector<QByteArray> pages = simPages(p, pageSize);
        QVERIFY(!pages.isEmpty());
        if (pageSize > 0 && p != PoolProvider::Braiins && p != PoolProvider::Binance)
            QVERIFY(pages.size() > 1);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QVERIFY2(fastTakes(p, pages[i], int(i) + 1), qPrintable(QString::number(i)));
            const QString d = FuzzChecks::fastPagesEquivalence(pickByte(p) + pages[i]);
            QVERIFY2(d.isEmpty(), qPrintable(d));
        }
    }

    // The documented replies and the common variants the sources disagree about (numbers as
    // strings, "12.3 TH/s", ISO-8601 times, Braiins' workers in any order) are taken, not left
    // to the reference: the variants are what real pools send.
    void takesTheCommonVariants_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"braiins-documented",    "braiins-unsorted",
                              "braiins-units",         "braiins-states",
                              "braiins-times",         "braiins-utf8-names",
                              "braiins-other-members", "braiins-same-name-two-accounts",
                              "binance-documented",    "binance-strings",
                              "binance-no-code",       "binance-duplicates",
                              "luxor-documented",      "luxor-times",
                              "luxor-worker-name",     "luxor-no-pagination",
                              "viabtc-documented",     "viabtc-flags",
                              "viabtc-flag-string",    "antpool-documented",
                              "antpool-without-10min", "antpool-states",
                              "antpool-units"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void takesTheCommonVariants()
    {
        QFETCH(QString, file);
        const QByteArray input = seed(file);
        QVERIFY(input.size() > 1);
        QVERIFY(fastTakes(kPools[int(input.at(0))], input.mid(1)));
        const QString d = FuzzChecks::fastPagesEquivalence(input);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // What only the reference may read: the pool's error (with HTTP 200 too), a missing or
    // misplaced list, repeated or escaped keys, an entry without a usable name, invalid JSON
    // (also in a field nobody reads). The fast reader declines them and keeps nothing, so
    // read() words the error and a broken page never reaches the monitor as workers.
    void declinesWhatTheReferenceMustRead_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"braiins-error",
                              "braiins-workers-null",
                              "braiins-two-coins",
                              "braiins-without-coin",
                              "braiins-array-variant",
                              "braiins-repeated-worker",
                              "braiins-not-object-entry",
                              "braiins-trailing-garbage",
                              "braiins-bad-ignored-value",
                              "braiins-subnormal",
                              "braiins-escaped-key",
                              "braiins-repeated-coin",
                              "braiins-astral-name",
                              "binance-error-200",
                              "binance-error-and-data",
                              "binance-code-word",
                              "binance-data-null",
                              "binance-list-null",
                              "binance-number-name",
                              "binance-missing-name",
                              "binance-not-object",
                              "binance-repeated-data",
                              "binance-repeated-field",
                              "binance-repeated-paging",
                              "luxor-error",
                              "luxor-number-name",
                              "luxor-workers-not-list",
                              "luxor-trailing",
                              "viabtc-whitelist",
                              "viabtc-error-string-code",
                              "viabtc-no-data",
                              "viabtc-list-missing",
                              "viabtc-repeated-list",
                              "antpool-error",
                              "antpool-error-and-data",
                              "antpool-rows-under-data",
                              "antpool-number-id"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void declinesWhatTheReferenceMustRead()
    {
        QFETCH(QString, file);
        const QByteArray input = seed(file);
        QVERIFY(input.size() > 1);
        QVERIFY(!fastTakes(kPools[int(input.at(0))], input.mid(1)));
        const QString d = FuzzChecks::fastPagesEquivalence(input);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // The poller reads through readPage(): an error page is the pool's error, never workers.
    void readPageGivesTheReferencesErrors()
    {
        for (const char *f : {"binance-error-200", "viabtc-whitelist", "antpool-error-and-data",
                              "luxor-error", "braiins-error"}) {
            const QByteArray input = seed(QString::fromLatin1(f));
            const PoolFormat::Paging &paging = *poolFormat(kPools[int(input.at(0))]).paging;
            WorkerCollector c(0);
            qsizetype n = 0;
            const PageReply r = paging.readPage(input.mid(1), 1, c, &n);
            QVERIFY2(!r.poolError.isEmpty() || !r.error.isEmpty(), f);
            QCOMPARE(c.size(), 0);
            QCOMPARE(r.nextPage, 0);
        }
    }

    // Every seed of both paged targets and every fixture the fuzzers found: the rule holds.
    void agreesOnEverySeedAndFixture()
    {
        int files = 0;
        for (const char *dir :
             {RIGWATCH_TEST_DATA "/../fuzz/seeds/fastpages_equivalence",
              RIGWATCH_TEST_DATA "/../fuzz/seeds/pagedpools", RIGWATCH_TEST_DATA "/fuzz/pagedpools",
              RIGWATCH_TEST_DATA "/fuzz/fastpages_equivalence"}) {
            for (const QFileInfo &f : QDir(QString::fromLatin1(dir)).entryInfoList(QDir::Files)) {
                QFile file(f.filePath());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray input = file.readAll();
                // As the seed was written, and for every pool.
                for (int pick = -1; pick < 5; ++pick) {
                    const QByteArray in =
                        pick < 0 || input.isEmpty() ? input : char(pick) + input.mid(1);
                    const QString d = FuzzChecks::fastPagesEquivalence(in);
                    QVERIFY2(d.isEmpty(), qPrintable(f.fileName() + QStringLiteral(": ") + d));
                }
                ++files;
            }
        }
        QVERIFY(files > 50);
    }
};

QTEST_GUILESS_MAIN(TestFastPages)
#include "tst_fastpages.moc"
