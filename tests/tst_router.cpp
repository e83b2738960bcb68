// AlertRouter (notify/router.h): each account's incident split by chat. Two groups with chats
// of their own and one sharing the [telegram] chat; which lines go where, under which label,
// the floors (the account's in the [telegram] chat, a group's in its own chat, summed over
// accounts), an unreachable pool, and what makes a chat's picture critical (notifies in quiet
// hours). The formatter's text for a chat receiving several groups.
#include "config/configfile.h"
#include "notify/messageformatter.h"
#include "notify/router.h"

#include <QtTest>

using namespace rw;

namespace {
constexpr qint64 kNow = 1'767'225'600;
const QByteArray kIni = "[pool.a]\nuser = farm\nsecret = s\n"
                        "[pool.b]\nuser = farm2\nsecret = s\n"
                        "[telegram]\ntoken = 1:x\nchat = @main\n"
                        "[group.site-a]\nlabel = Site A\nworkers = a-*\nchat = @site_a\n"
                        "min_hashrate = 10T\n"
                        "[group.site-b]\nlabel = Site B\nhosts = 10.2.*\nchat = @site_b\n"
                        "[group.hall]\nlabel = Hall\nworkers = h-*\n"
                        "[alerts]\ncritical_offline = 50\n";

DaemonConfig config()
{
    const ConfigResult r = parseConfig(kIni, QStringLiteral("t.ini"), QProcessEnvironment());
    Q_ASSERT(r.config);
    return *r.config;
}

// A farm: name -> (host, down?)
struct Rig
{
    QString name;
    QString host;
    bool down = false;
    double rate = 4e12;
};

AccountView view(const QString &key, const QVector<Rig> &rigs)
{
    AccountView v;
    v.key = key;
    v.displayName = key.section(QLatin1Char('/'), 0, 0);
    v.lastPollOk = true;
    v.incident.at = kNow;
    for (const Rig &r : rigs) {
        WorkerState w;
        w.sample.name = r.name;
        w.sample.host = r.host;
        w.sample.hashRate = r.down ? 0 : r.rate;
        w.status = r.down ? WorkerStatus::Offline : WorkerStatus::Online;
        v.workers.insert(r.name, w);
        v.incident.total++;
        if (r.down)
            v.incident.down.append({r.name, WorkerStatus::Offline, kNow - 900});
        else
            v.incident.online++;
        v.incident.totalHashRate += w.sample.hashRate;
    }
    std::sort(v.incident.down.begin(), v.incident.down.end(),
              [](const auto &x, const auto &y) { return x.worker < y.worker; });
    v.incident.since = v.incident.down.isEmpty() ? 0 : kNow - 900;
    return v;
}

const Route *routeTo(const QVector<Route> &routes, const QString &chat)
{
    for (const Route &r : routes)
        if (r.chat == chat)
            return &r;
    return nullptr;
}

QStringList downIn(const Route *r)
{
    QStringList out;
    for (const Incident::Down &d : r->incident.down) {
        const QString group = r->incident.groups.value(d.worker);
        out << (group.isEmpty() ? d.worker : group + QLatin1Char(':') + d.worker);
    }
    return out;
}
} // namespace

class TestRouter : public QObject
{
    Q_OBJECT
private slots:
    void withoutGroupsOneRouteAsBefore()
    {
        DaemonConfig c = config();
        c.groups.clear();
        AlertRouter router(c);
        const auto routes =
            router.split(view(QStringLiteral("farm/bitcoin"), {{QStringLiteral("r1"), {}, true},
                                                               {QStringLiteral("r2"), {}, false}}));
        QCOMPARE(routes.size(), 1);
        QCOMPARE(routes[0].key, QStringLiteral("farm/bitcoin"));
        QVERIFY(routes[0].chat.isEmpty());
        QCOMPARE(routes[0].incident.down.size(), 1);
        QVERIFY(routes[0].incident.critical); // 1 of 2 down, critical_offline = 50
    }

    void eachWorkerToItsGroupsChat()
    {
        AlertRouter router(config());
        const auto routes = router.split(
            view(QStringLiteral("farm/bitcoin"),
                 {{QStringLiteral("a-1"), QStringLiteral("10.2.0.1"), true}, // name wins: Site A
                  {QStringLiteral("a-2"), {}, false, 6e12}, // 12 TH/s: above Site A's floor
                  {QStringLiteral("a-3"), {}, false, 6e12},
                  {QStringLiteral("b-7"), QStringLiteral("10.2.0.7"), true}, // by host: Site B
                  {QStringLiteral("b-8"), QStringLiteral("10.2.0.8"), false},
                  {QStringLiteral("b-9"), QStringLiteral("10.2.0.9"), false},
                  {QStringLiteral("h-1"), {}, true}, // Hall: no chat of its own
                  {QStringLiteral("x-1"), {}, true}, // no group
                  {QStringLiteral("x-2"), {}, false},
                  {QStringLiteral("x-3"), {}, false},
                  {QStringLiteral("x-4"), {}, false}}));
        QCOMPARE(routes.size(), 3);
        const Route *main = routeTo(routes, {});
        const Route *a = routeTo(routes, QStringLiteral("@site_a"));
        const Route *b = routeTo(routes, QStringLiteral("@site_b"));
        QVERIFY(main && a && b);
        QCOMPARE(main->key, QStringLiteral("farm/bitcoin"));
        QCOMPARE(a->key, QStringLiteral("farm/bitcoin @ @site_a"));
        QCOMPARE(AlertRouter::accountOfRoute(a->key), QStringLiteral("farm/bitcoin"));
        // one group in its chat: no labels, the title names it
        QCOMPARE(downIn(a), QStringList{QStringLiteral("a-1")});
        QCOMPARE(a->name, QStringLiteral("Site A \u00b7 farm"));
        QCOMPARE(downIn(b), QStringList{QStringLiteral("b-7")});
        QCOMPARE(b->incident.total, 3);
        QCOMPARE(b->incident.online, 2);
        // the [telegram] chat receives Hall and the ungrouped: labelled, groups first
        QCOMPARE(downIn(main), QStringList({QStringLiteral("Hall:h-1"), QStringLiteral("x-1")}));
        QCOMPARE(main->name, QStringLiteral("farm"));
        QCOMPARE(main->incident.total, 5);
        // Hall: 1 of 1 down (100 % >= 50 %): critical; Site A 1 of 3, Site B 1 of 3: not
        QVERIFY(main->incident.critical);
        QVERIFY(!a->incident.critical);
        QVERIFY(!b->incident.critical);
        QCOMPARE(router.groupChats(),
                 QStringList({QStringLiteral("@site_a"), QStringLiteral("@site_b")}));

        MessageFormatter f;
        const QString text = f.incidentText(main->name, main->incident);
        QVERIFY2(text.contains(QStringLiteral("\u25b8 <b>Hall</b>\n\u2022 h-1 offline")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\u25b8 <b>Other</b>\n\u2022 x-1 offline")),
                 qPrintable(text));
        QVERIFY(!f.incidentText(a->name, a->incident).contains(QStringLiteral("\u25b8")));
    }

    void aChatWithNothingWrongGetsAnEmptyPicture()
    {
        AlertRouter router(config());
        const auto routes = router.split(
            view(QStringLiteral("farm/bitcoin"), {{QStringLiteral("a-1"), {}, false, 12e12},
                                                  {QStringLiteral("x-1"), {}, true},
                                                  {QStringLiteral("x-2"), {}, false},
                                                  {QStringLiteral("x-3"), {}, false}}));
        QCOMPARE(routes.size(), 3);
        QVERIFY(routeTo(routes, QStringLiteral("@site_a"))->incident.isEmpty());
        QVERIFY(routeTo(routes, QStringLiteral("@site_b"))->incident.isEmpty());
        QCOMPARE(downIn(routeTo(routes, {})), QStringList{QStringLiteral("x-1")});
    }

    void floorsGoToTheirChats()
    {
        AlertRouter router(config());
        // Site A: 2 rigs of 4 TH/s = 8 TH/s < 10 TH/s; the account's own floor breached too
        AccountView v = view(QStringLiteral("farm/bitcoin"), {{QStringLiteral("a-1"), {}, false},
                                                              {QStringLiteral("a-2"), {}, false},
                                                              {QStringLiteral("x-1"), {}, false}});
        v.incident.hashrateLow = true;
        v.incident.minHashRate = 20e12;
        const auto routes = router.split(v);
        const Route *main = routeTo(routes, {});
        const Route *a = routeTo(routes, QStringLiteral("@site_a"));
        QVERIFY(main->incident.hashrateLow);
        QVERIFY(main->incident.critical);
        QVERIFY(!a->incident.hashrateLow);
        QCOMPARE(a->incident.lowGroups.size(), 1);
        QCOMPARE(a->incident.lowGroups[0].label, QStringLiteral("Site A"));
        QCOMPARE(a->incident.lowGroups[0].rate, 8e12);
        QVERIFY(a->incident.critical);
        QVERIFY(main->incident.lowGroups.isEmpty());
        QVERIFY(MessageFormatter()
                    .incidentText(a->name, a->incident)
                    .contains(QStringLiteral("Site A: hashrate 8.00 TH/s, below its floor of "
                                             "10.0 TH/s")));
    }

    void aGroupsFloorCountsEveryAccount()
    {
        AlertRouter router(config());
        // farm has 2 Site A rigs (8 TH/s), farm2 one more (4 TH/s): 12 TH/s >= 10 TH/s
        router.split(view(QStringLiteral("farm2/bitcoin"), {{QStringLiteral("a-9"), {}, false}}));
        auto routes = router.split(
            view(QStringLiteral("farm/bitcoin"),
                 {{QStringLiteral("a-1"), {}, false}, {QStringLiteral("a-2"), {}, false}}));
        QVERIFY(routeTo(routes, QStringLiteral("@site_a"))->incident.lowGroups.isEmpty());
        // farm2's rig stops: 8 TH/s; reported once, with the first account in the file
        routes = router.split(
            view(QStringLiteral("farm2/bitcoin"), {{QStringLiteral("a-9"), {}, true}}));
        QVERIFY(routeTo(routes, QStringLiteral("@site_a"))->incident.lowGroups.isEmpty());
        routes = router.split(
            view(QStringLiteral("farm/bitcoin"),
                 {{QStringLiteral("a-1"), {}, false}, {QStringLiteral("a-2"), {}, false}}));
        QCOMPARE(routeTo(routes, QStringLiteral("@site_a"))->incident.lowGroups.size(), 1);
    }

    void anUnreachablePoolReachesEveryChatWithItsWorkers()
    {
        AlertRouter router(config());
        AccountView v = view(QStringLiteral("farm/bitcoin"), {{QStringLiteral("a-1"), {}, false},
                                                              {QStringLiteral("x-1"), {}, false}});
        v.incident.poolUnreachable = true;
        v.incident.unreachableReason = QStringLiteral("timed out");
        v.incident.unreachableSince = kNow - 600;
        const auto routes = router.split(v);
        QVERIFY(routeTo(routes, {})->incident.poolUnreachable);
        QVERIFY(routeTo(routes, QStringLiteral("@site_a"))->incident.poolUnreachable);
        QCOMPARE(routeTo(routes, QStringLiteral("@site_a"))->incident.since, kNow - 600);
        // Site B has none of this account's workers: nothing to say there
        QVERIFY(routeTo(routes, QStringLiteral("@site_b"))->incident.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
