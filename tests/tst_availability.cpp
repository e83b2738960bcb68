// Tests of the availability report's arithmetic (report/availability.h) on a hand-made day of
// history in a temporary store, read once from the raw samples and once from the hourly
// roll-ups, and of the report periods in a configured time zone (report/reportperiod.h).
#include "config/accountconfig.h"
#include "config/configfile.h"
#include "notify/digest.h"
#include "notify/messageformatter.h"
#include "report/availability.h"
#include "report/reportperiod.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

constexpr qint64 T0 = 1'767'225'600; // 2026-01-01 00:00 UTC
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;
constexpr double TH = 1e12;

AccountConfig acmeConfig()
{
    AccountConfig a;
    a.id = QStringLiteral("default");
    a.user = QStringLiteral("acme");
    return a;
}

QVector<GroupConfig> groups()
{
    GroupConfig a;
    a.name = QStringLiteral("site-a");
    a.label = QStringLiteral("Site A");
    a.workers = {QStringLiteral("a-*")};
    GroupConfig b;
    b.name = QStringLiteral("site-b");
    b.hosts = {QStringLiteral("10.0.1.*")};
    return {a, b};
}

// The hand-made day, polled every 10 minutes from T0 - 14 h to T0 + 25 h (the report covers
// [T0, T0 + 24 h)). A worker is listed only while it shares, except z-1 (listed at 0 H/s):
//  a-1  site-a  100 TH/s, never down.
//  a-2  site-a  100 TH/s; down [2 h, 5 h), and from 22 h on (still open at the end).
//  b-1  site-b (by host)  50 TH/s; down [-30 min, 1 h); degraded (25 TH/s) [10 h, 12 h).
//  c-1  default  80 TH/s; down from 4 h, retired (given up on) at 12 h.
//  d-1  default  200 TH/s, first seen at 18 h.
//  z-1  default  retired at -12 h (down since -20 h): not expected in the period.
struct Rig
{
    const char *name;
    const char *host;
    double rate; // TH/s while listed
};
const Rig rigs[] = {{"a-1", "10.0.0.1", 100}, {"a-2", "10.0.0.2", 100}, {"b-1", "10.0.1.7", 50},
                    {"c-1", "10.0.0.9", 80},  {"d-1", "10.0.0.4", 200}, {"z-1", "10.0.0.5", 0}};

bool listed(const QString &name, qint64 t)
{
    const qint64 h = t - T0;
    if (name == QLatin1String("a-2"))
        return !(h >= 2 * Hour && h < 5 * Hour) && h < 22 * Hour;
    if (name == QLatin1String("b-1"))
        return !(h >= -1800 && h < Hour);
    if (name == QLatin1String("c-1"))
        return h < 4 * Hour;
    if (name == QLatin1String("d-1"))
        return h >= 18 * Hour;
    return true;
}

QVector<Event> eventsAt(qint64 t)
{
    const auto ev = [](Event::Kind k, const char *w, qint64 at) {
        Event e{k, QString::fromLatin1(w), at, 0, {}};
        e.depth = 0.5;
        return e;
    };
    struct
    {
        qint64 at;
        Event e;
    } all[] = {
        {T0 - 14 * Hour, ev(Event::WentOffline, "z-1", T0 - 20 * Hour)},
        {T0 - 12 * Hour, ev(Event::Retired, "z-1", T0 - 12 * Hour)},
        {T0 - 1800, ev(Event::WentOffline, "b-1", T0 - 1800)},
        {T0 + Hour, ev(Event::CameBack, "b-1", T0 + Hour)},
        {T0 + 2 * Hour, ev(Event::WentOffline, "a-2", T0 + 2 * Hour)},
        {T0 + 5 * Hour, ev(Event::CameBack, "a-2", T0 + 5 * Hour)},
        {T0 + 22 * Hour, ev(Event::WentOffline, "a-2", T0 + 22 * Hour)},
        {T0 + 4 * Hour, ev(Event::WentOffline, "c-1", T0 + 4 * Hour)},
        {T0 + 12 * Hour, ev(Event::Retired, "c-1", T0 + 12 * Hour)},
        {T0 + 10 * Hour, ev(Event::WentDegraded, "b-1", T0 + 10 * Hour)},
        {T0 + 12 * Hour, ev(Event::DegradedRecovered, "b-1", T0 + 12 * Hour)},
    };
    QVector<Event> out;
    for (const auto &x : all)
        if (x.at == t)
            out << x.e;
    return out;
}

WorkerStatus statusAt(const QString &name, qint64 t, qint64 *since)
{
    const qint64 h = t - T0;
    *since = T0 - 14 * Hour;
    if (name == QLatin1String("z-1")) {
        *since = T0 - 20 * Hour;
        return t >= T0 - 12 * Hour ? WorkerStatus::Retired : WorkerStatus::Offline;
    }
    if (name == QLatin1String("c-1") && h >= 4 * Hour) {
        *since = T0 + 4 * Hour;
        return h >= 12 * Hour ? WorkerStatus::Retired : WorkerStatus::Missing;
    }
    return listed(name, t) ? WorkerStatus::Online : WorkerStatus::Missing;
}

bool writeHistory(Store &store)
{
    const QString acc = acmeConfig().key();
    for (qint64 t = T0 - 14 * Hour; t <= T0 + 25 * Hour; t += 600) {
        Snapshot s;
        s.poolTimeSecs = t;
        QHash<QString, WorkerState> states;
        for (const Rig &r : rigs) {
            const QString name = QString::fromLatin1(r.name);
            if (name == QLatin1String("d-1") && t < T0 + 18 * Hour)
                continue; // not known yet
            WorkerSample w;
            w.name = name;
            w.host = QString::fromLatin1(r.host);
            const bool degraded =
                name == QLatin1String("b-1") && t >= T0 + 10 * Hour && t < T0 + 12 * Hour;
            w.hashRate = r.rate * TH * (degraded ? 0.5 : 1);
            w.lastShareAt = t;
            WorkerState st;
            st.sample = w;
            st.status = statusAt(name, t, &st.statusSince);
            if (listed(name, t)) {
                st.lastListedAt = t;
                s.workers << w;
                s.totalHashRate += w.hashRate;
            }
            states.insert(name, st);
        }
        if (!store.recordPoll(acc, t, s, states, AccountState{}, eventsAt(t)))
            return false;
    }
    return true;
}

const WorkerAvailability *workerOf(const AccountAvailability &a, const char *name)
{
    for (const WorkerAvailability &w : a.workers)
        if (w.worker == QLatin1String(name))
            return &w;
    return nullptr;
}

const GroupAvailability *groupOf(const AccountAvailability &a, int group)
{
    for (const GroupAvailability &g : a.groups)
        if (g.group == group)
            return &g;
    return nullptr;
}

void compareRate(double actual, double expectedTH)
{
    QVERIFY2(qAbs(actual / TH - expectedTH) <= expectedTH * 1e-3,
             qPrintable(QStringLiteral("%1 TH/s, expected %2").arg(actual / TH).arg(expectedTH)));
}

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT

private slots:
    void dayFigures_data();
    void dayFigures();
    void clippedToThePeriod();
    void digestFilter();
    void digestPerChat();
    void emptyAndUnknown();
    void periods();
    void badPeriods_data();
    void badPeriods();
};

void TestAvailability::dayFigures_data()
{
    QTest::addColumn<bool>("rolledUp");
    QTest::newRow("raw samples") << false;
    QTest::newRow("hourly roll-ups") << true;
}

void TestAvailability::dayFigures()
{
    QFETCH(bool, rolledUp);
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error), qPrintable(error));
    QVERIFY(writeHistory(store));
    if (rolledUp)
        QVERIFY(store.applyRetention(T0 + 5 * Day)); // every sample now in an hourly row

    const Availability engine({acmeConfig()}, groups());
    const AvailabilityReport r = engine.compute(store, {T0, T0 + Day, {}, {}, true});
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.accounts.size(), 1);
    const AccountAvailability &a = r.accounts.first();
    QCOMPARE(a.label, QStringLiteral("acme"));

    // Workers (z-1, retired before the period, is not expected at all).
    QStringList names;
    for (const WorkerAvailability &w : a.workers)
        names << w.worker;
    QCOMPARE(names, list({"a-1", "a-2", "b-1", "c-1", "d-1"}));
    // a-1: 24 h expected, never down: 100 %.
    QCOMPARE(workerOf(a, "a-1")->figures.expectedSecs, Day);
    QCOMPARE(workerOf(a, "a-1")->figures.availability(), 100.0);
    QCOMPARE(workerOf(a, "a-1")->group, 0);
    // a-2: down 3 h + 2 h (the open outage counts until the end) = 18000 s in 2 outages:
    // 19 / 24 = 79.17 %, MTTR 9000 s; its mean is over the 19 hours it was listed: 100 TH/s.
    const AvailabilityFigures a2 = workerOf(a, "a-2")->figures;
    QCOMPARE(a2.downSecs, 18000);
    QCOMPARE(a2.outages, 2);
    QCOMPARE(a2.mttrSecs(), 9000);
    QVERIFY(qFuzzyCompare(a2.availability(), 100.0 * 19 / 24));
    compareRate(workerOf(a, "a-2")->averageHashRate, 100);
    // b-1 (site-b by its host): its outage began before the period, clipped to [0, 1 h):
    // 3600 s, 1 outage, 23 / 24 = 95.83 %; one degraded period of 2 h.
    const WorkerAvailability *b1 = workerOf(a, "b-1");
    QCOMPARE(b1->group, 1);
    QCOMPARE(b1->figures.downSecs, 3600);
    QCOMPARE(b1->figures.outages, 1);
    QCOMPARE(b1->figures.degradedPeriods, 1);
    QCOMPARE(b1->figures.degradedSecs, 7200);
    // c-1: expected until it was given up on at 12 h; down [4 h, 12 h): 8 / 12 down, 33.3 %.
    const AvailabilityFigures c1 = workerOf(a, "c-1")->figures;
    QCOMPARE(workerOf(a, "c-1")->group, -1);
    QCOMPARE(c1.expectedSecs, 12 * Hour);
    QCOMPARE(c1.downSecs, 8 * Hour);
    QVERIFY(qFuzzyCompare(c1.availability(), 100.0 / 3));
    // d-1: expected from its first hour, 18 h: 6 h at 100 %.
    QCOMPARE(workerOf(a, "d-1")->figures.expectedSecs, 6 * Hour);
    QCOMPARE(workerOf(a, "d-1")->figures.downSecs, 0);

    // Groups, in file order then the default group.
    QCOMPARE(a.groups.size(), 3);
    QCOMPARE(a.groups.at(0).label, QStringLiteral("Site A"));
    QCOMPARE(a.groups.at(1).label, QStringLiteral("site-b"));
    QCOMPARE(a.groups.at(2).label, Availability::defaultGroupLabel());
    // Site A: 2 x 86400 expected, 18000 down: 154800 / 172800 = 89.58 %, 2 outages.
    const GroupAvailability *siteA = groupOf(a, 0);
    QCOMPARE(siteA->workerCount, 2);
    QCOMPARE(siteA->figures.expectedSecs, 2 * Day);
    QVERIFY(qFuzzyCompare(siteA->figures.availability(), 100.0 * 154800 / 172800));
    QCOMPARE(siteA->figures.outages, 2);
    // Default: c-1 + d-1 = 43200 + 21600 expected, 28800 down: 36000 / 64800 = 55.56 %.
    const GroupAvailability *other = groupOf(a, -1);
    QCOMPARE(other->figures.expectedSecs, 64800);
    QCOMPARE(other->figures.downSecs, 28800);
    QVERIFY(qFuzzyCompare(other->figures.availability(), 100.0 * 36000 / 64800));
    QCOMPARE(other->figures.mttrSecs(), 28800);
    // The account: 3 x 86400 + 64800 = 324000 expected, 50400 down in 4 outages:
    // 273600 / 324000 = 84.44 %, MTTR 12600 s.
    QCOMPARE(a.workerCount, 5);
    QCOMPARE(a.figures.expectedSecs, 324000);
    QCOMPARE(a.figures.downSecs, 50400);
    QCOMPARE(a.figures.outages, 4);
    QCOMPARE(a.figures.mttrSecs(), 12600);
    QVERIFY(qFuzzyCompare(a.figures.availability(), 100.0 * 273600 / 324000));

    // Hash rates: hourly sums of the listed workers' means over the 24 hours.
    // Site A: a-1 100 x 24 + a-2 100 x 19 = 4300 / 24 = 179.17 TH/s.
    compareRate(siteA->averageHashRate, 4300.0 / 24);
    // Site B: b-1 absent hour 0, 50 in 21 hours, 25 in hours 10 and 11: 1100 / 24.
    compareRate(groupOf(a, 1)->averageHashRate, 1100.0 / 24);
    // Default: c-1 80 x 4 hours + d-1 200 x 6 hours = 1520 / 24.
    compareRate(other->averageHashRate, 1520.0 / 24);
    compareRate(a.averageHashRate, (4300.0 + 1100 + 1520) / 24);
    // The chart: one point per hour, the group's sum (hour 3: a-1 only).
    QCOMPARE(siteA->hashRate.size(), 24);
    QCOMPARE(siteA->hashRate.at(3).at, T0 + 3 * Hour);
    compareRate(siteA->hashRate.at(3).hashRate, 100);
    compareRate(siteA->hashRate.at(6).hashRate, 200);

    // The digest's "most downtime": c-1 (8 h), a-2 (5 h), b-1 (1 h).
    const QVector<WorkerAvailability> top = a.topByDowntime(2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top.at(0).worker, QStringLiteral("c-1"));
    QCOMPARE(top.at(1).worker, QStringLiteral("a-2"));
    QCOMPARE(a.topByDowntime(10).size(), 3); // a-1 and d-1 had none
}

void TestAvailability::clippedToThePeriod()
{
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
    QVERIFY(writeHistory(store));
    QVERIFY(store.applyRetention(T0 + 5 * Day));
    const Availability engine({acmeConfig()}, groups());
    // [6 h, 12 h): a-2 was up throughout; c-1 was down all of its expected 6 hours; the open
    // outage of a-2 and d-1 lie after it.
    const AccountAvailability a =
        engine.compute(store, {T0 + 6 * Hour, T0 + 12 * Hour, {}, {}, false}).accounts.first();
    QCOMPARE(workerOf(a, "a-2")->figures.downSecs, 0);
    QCOMPARE(workerOf(a, "a-2")->figures.outages, 0);
    QCOMPARE(workerOf(a, "c-1")->figures.expectedSecs, 6 * Hour);
    QCOMPARE(workerOf(a, "c-1")->figures.availability(), 0.0);
    QCOMPARE(workerOf(a, "c-1")->figures.outages, 1);
    QVERIFY(!workerOf(a, "d-1"));
    QVERIFY(a.hashRate.isEmpty()); // series off
    // A period after c-1 was given up on: it is no longer expected.
    const AccountAvailability later =
        engine.compute(store, {T0 + 13 * Hour, T0 + 20 * Hour, {}, {}, false}).accounts.first();
    QVERIFY(!workerOf(later, "c-1"));
    QCOMPARE(workerOf(later, "d-1")->figures.expectedSecs, 2 * Hour);
}

void TestAvailability::digestFilter()
{
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
    QVERIFY(writeHistory(store));
    const Availability engine({acmeConfig()}, groups());
    // The workers routed to one chat: site-b and the default group.
    AvailabilityQuery q{T0, T0 + Day, acmeConfig().key(), {1, -1}, false};
    const AvailabilityReport r = engine.compute(store, q);
    QCOMPARE(r.accounts.size(), 1);
    const AccountAvailability &a = r.accounts.first();
    QCOMPARE(a.groups.size(), 2);
    QVERIFY(!workerOf(a, "a-2"));
    // b-1 + c-1 + d-1: 86400 + 43200 + 21600 expected, 3600 + 28800 down.
    QCOMPARE(a.figures.expectedSecs, 151200);
    QCOMPARE(a.figures.downSecs, 32400);
    QCOMPARE(a.topByDowntime(5).first().worker, QStringLiteral("c-1"));
    // Site A alone, 24 h: only its hash rate counts.
    const AccountAvailability siteA =
        engine.compute(store, {T0, T0 + Day, {}, {0}, false}).accounts.first();
    compareRate(siteA.averageHashRate, 4300.0 / 24);
    // Site B alone: b-1 was down in hour 0, when the others were listed: that hour counts
    // at zero, 1100 / 24 (not 1100 / 23), and the chart shows it.
    const AccountAvailability siteB =
        engine.compute(store, {T0, T0 + Day, {}, {1}, true}).accounts.first();
    compareRate(siteB.averageHashRate, 1100.0 / 24);
    QCOMPARE(siteB.hashRate.size(), 24);
    QCOMPARE(siteB.hashRate.first().hashRate, 0.0);
    // Another account's key selects nothing.
    QVERIFY(engine.compute(store, {T0, T0 + Day, QStringLiteral("nobody/x"), {}, false})
                .accounts.isEmpty());
}

// The daily digest of the hand-made day (notify/digest.h), Site A routed to a chat of its own:
// each chat's figures are the report's for the workers routed to it.
void TestAvailability::digestPerChat()
{
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
    QVERIFY(writeHistory(store));
    DaemonConfig config;
    config.accounts = {acmeConfig()};
    config.groups = groups();
    config.groups[0].chat = QStringLiteral("@site_a");
    config.telegram.chat = QStringLiteral("@main");
    AccountView view;
    view.key = acmeConfig().key();
    view.displayName = QStringLiteral("acme");
    view.incident.at = T0 + Day - 1;
    const QVector<DigestFigures> digests =
        buildDigests(store, {view}, AlertRouter(config), config, T0 + Day - 1);
    QCOMPARE(digests.size(), 2);
    const DigestFigures &main = digests.at(0);
    const DigestFigures &siteA = digests.at(1);
    QVERIFY(main.chat.isEmpty());
    QCOMPARE(siteA.chat, QStringLiteral("@site_a"));
    // Site A: a-1 and a-2 for a day each, a-2 down 3 h + 2 h, in two outages.
    QCOMPARE(siteA.workers, 2);
    QCOMPARE(siteA.outages, 2);
    QCOMPARE(siteA.downtimeSecs, 5 * Hour);
    QCOMPARE(QString::number(siteA.availability, 'f', 2), QStringLiteral("89.58"));
    QCOMPARE(siteA.worst.size(), 1);
    QCOMPARE(siteA.worst.first().first, QStringLiteral("a-2"));
    QVERIFY(siteA.degraded.isEmpty());
    compareRate(siteA.averageRate, 4300.0 / 24);
    // The [telegram] chat: b-1 (Site B has no chat), c-1 and d-1, as digestFilter() counts them
    // (b-1 was already down the second before the period began).
    QCOMPARE(main.workers, 3);
    QCOMPARE(main.downtimeSecs, 32400 + 1);
    QCOMPARE(QString::number(main.availability, 'f', 1), QStringLiteral("78.6"));
    QCOMPARE(main.worst.first().first, QStringLiteral("c-1"));
    QCOMPARE(main.degraded, QStringList{QStringLiteral("b-1")});

    const MessageFormatter en;
    const QString text = MessageFormatter::plainText(digestText(en, siteA));
    QVERIFY2(text.contains(QStringLiteral("Availability 89.58 % \u00b7 2 workers")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Outages: 2, downtime 5 h 00 min")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Most downtime:\n\u2022 a-2 \u2014 5 h 00 min")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Right now all is well.")), qPrintable(text));
    const QString mainText = MessageFormatter::plainText(digestText(en, main));
    QVERIFY2(mainText.contains(QStringLiteral("Degraded: b-1")), qPrintable(mainText));
    QVERIFY2(mainText.contains(QStringLiteral("\u2022 c-1 \u2014 8 h 00 min")),
             qPrintable(mainText));
}

void TestAvailability::emptyAndUnknown()
{
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
    // An account with no history yet: no workers, availability shown as a dash (-1).
    const Availability engine({acmeConfig()}, groups());
    const AvailabilityReport r = engine.compute(store, {T0, T0 + Day, {}, {}, true});
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.accounts.size(), 1);
    QCOMPARE(r.accounts.first().workerCount, 0);
    QCOMPARE(r.accounts.first().figures.availability(), -1.0);
    QVERIFY(r.accounts.first().groups.isEmpty());
}

void TestAvailability::periods()
{
    const QTimeZone shanghai("Asia/Shanghai");
    // 2026-03-10 01:30 in Shanghai is 2026-03-09 17:30 UTC.
    const qint64 now = QDateTime(QDate(2026, 3, 10), QTime(1, 30), shanghai).toSecsSinceEpoch();
    const ReportPeriod y = ReportPeriod::yesterday(now, shanghai);
    QCOMPARE(y.first, QDate(2026, 3, 9));
    QCOMPARE(y.from,
             QDateTime(QDate(2026, 3, 8), QTime(16, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(y.to - y.from, Day);
    QCOMPARE(y.label(), QStringLiteral("2026-03-09"));
    const ReportPeriod w = ReportPeriod::lastDays(7, now, shanghai);
    QCOMPARE(w.first, QDate(2026, 3, 3));
    QCOMPARE(w.last, QDate(2026, 3, 9));
    QCOMPARE(w.to, y.to);
    const ReportPeriod m = ReportPeriod::lastMonth(now, shanghai);
    QCOMPARE(m.first, QDate(2026, 2, 1));
    QCOMPARE(m.last, QDate(2026, 2, 28));
    QCOMPARE(m.to - m.from, 28 * Day);
    // Inclusive days; a day that loses an hour to DST in New York is 23 hours long.
    const QTimeZone ny("America/New_York");
    QString error;
    const auto dst = ReportPeriod::parse(QStringLiteral("2026-03-08..2026-03-08"), now, ny, &error);
    QVERIFY(dst);
    QCOMPARE(dst->to - dst->from, 23 * Hour);
    const auto month = ReportPeriod::parse(QStringLiteral("last-month"), now, shanghai, &error);
    QCOMPARE(month->from, m.from);
    const auto range = ReportPeriod::parse(QStringLiteral("2026-01-01..2026-01-31"), now,
                                           QTimeZone::utc(), &error);
    QCOMPARE(range->from, T0);
    QCOMPARE(range->to, T0 + 31 * Day);
    QCOMPARE(range->label(), QStringLiteral("2026-01-01 – 2026-01-31"));
    // Today is not over: a range that includes it ends now; one in the future is refused.
    const auto today =
        ReportPeriod::parse(QStringLiteral("2026-03-09..2026-03-10"), now, shanghai, &error);
    QCOMPARE(today->to, now);
    QVERIFY(!ReportPeriod::parse(QStringLiteral("2026-03-11..2026-03-12"), now, shanghai, &error));
    QCOMPARE(error, QStringLiteral("bad period \"2026-03-11..2026-03-12\": it has not begun yet"));
}

void TestAvailability::badPeriods_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("word")
        << QStringLiteral("last-week")
        << QStringLiteral("bad period \"last-week\": use yesterday, last-7-days, last-month or "
                          "YYYY-MM-DD..YYYY-MM-DD");
    QTest::newRow("date")
        << QStringLiteral("2026-02-30..2026-03-01")
        << QStringLiteral("bad period \"2026-02-30..2026-03-01\": \"2026-02-30\" is not a date "
                          "(YYYY-MM-DD)");
    QTest::newRow("reversed")
        << QStringLiteral("2026-03-02..2026-03-01")
        << QStringLiteral("bad period \"2026-03-02..2026-03-01\": it ends before it begins");
}

void TestAvailability::badPeriods()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ReportPeriod::parse(text, T0, QTimeZone::utc(), &error));
    QCOMPARE(error, message);
}

QTEST_GUILESS_MAIN(TestAvailability)
#include "tst_availability.moc"
