#include "democonfig.h"

#include "simfarm.h"

#include <QDir>

namespace rw::sim {

DaemonConfig demoConfig(const SimFarm &farm, const QString &dataDir)
{
    DaemonConfig c;
    AccountConfig a;
    a.id = QStringLiteral("demo");
    a.url = farm.poolUrl();
    a.user = farm.user();
    a.secret = farm.secret();
    a.currency = farm.currency();
    a.intervalSecs = 10;
    a.timeoutSecs = 5;
    a.thresholds.offlineAfterSecs = 60;
    a.thresholds.retiredAfterSecs = 28'800;
    a.thresholds.minHashRate = 0;
    // The demo's time runs fast, as for offline_after; longer than offline_after, as by default.
    a.thresholds.degradedAfterSecs = 120;
    a.minIntervalSecs = 10;
    c.accounts << a;
    if (FakePools *annex = farm.annexPool()) {
        // The same farm's second hall on another pool: one window, one tray, one channel.
        AccountConfig b = a;
        b.id = QStringLiteral("hall2");
        b.provider = annex->provider();
        b.url = annex->baseUrl();
        b.name = QStringLiteral("Hall 2");
        b.apiKey = farm.key();
        c.accounts << b;
    }
    // Two sites as two groups (issue #20): the first by its rigs' names, the second by the
    // address its rigs share with the pool (FakeF2pool gives rig-N the host 198.51.100.N);
    // the second hall's rigs are in neither.
    GroupConfig siteA;
    siteA.name = QStringLiteral("site-a");
    siteA.label = QStringLiteral("Site A");
    siteA.workers = {QStringLiteral("rig-0*"), QStringLiteral("rig-1*")};
    siteA.minHashRate = 1.5e15;
    GroupConfig siteB;
    siteB.name = QStringLiteral("site-b");
    siteB.label = QStringLiteral("Site B");
    siteB.hosts = {QStringLiteral("198.51.100.2?"), QStringLiteral("198.51.100.3?")};
    c.groups = {siteA, siteB};
    c.telegram.url = farm.telegramUrl();
    c.telegram.token = farm.token();
    c.telegram.chat = farm.chat();
    c.telegram.timeoutSecs = 5;
    c.databasePath = QDir(dataDir).filePath(QStringLiteral("demo.sqlite"));
    c.sourceFile = QStringLiteral("(demo)");
    return c;
}

} // namespace rw::sim
