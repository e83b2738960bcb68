#include "reportbench.h"

#include "benchreport.h"

#include "config/accountconfig.h"
#include "report/availability.h"
#include "store/store.h"

#include <QDir>

#include <vector>

namespace rw::bench {

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

} // namespace

ReportBench::ReportBench(BenchReport *report, const QString &scratchDir)
    : m_report(report), m_scratch(scratchDir)
{}

void ReportBench::run()
{
    const QString what = QStringLiteral("availability report: 90 days vs 30 days");
    const bool quick = m_report->quick();
    const int workers = quick ? 100 : 1000;
    const int shortDays = quick ? 3 : 30;
    const int longDays = quick ? 9 : 90;
    const int historyDays = longDays + 2;
    const qint64 end = 1'767'225'600; // 2026-01-01 00:00 UTC
    const qint64 begin = end - historyDays * Day;

    AccountConfig account;
    account.id = QStringLiteral("default");
    account.user = QStringLiteral("bench");
    QVector<GroupConfig> groups;
    for (int g = 0; g < 5; ++g) {
        GroupConfig c;
        c.name = QStringLiteral("site%1").arg(g);
        c.workers = {QStringLiteral("s%1-*").arg(g)};
        groups << c;
    }

    const QString path = QDir(m_scratch).filePath(QStringLiteral("report-bench.sqlite"));
    QFile::remove(path);
    Store store;
    QString error;
    if (!store.open(path, &error)) {
        m_report->error(14, what, error);
        return;
    }
    // The history: a poll an hour (the roll-ups hold the same whatever the poll interval), each
    // worker down two hours every ten days, then rolled up as the daemon's retention does.
    QVector<WorkerSample> rigs;
    for (int i = 0; i < workers; ++i) {
        WorkerSample w;
        w.name = QStringLiteral("s%1-rig%2").arg(i % 5).arg(i, 4, 10, QLatin1Char('0'));
        w.hashRate = 100e12 * (1 + (i % 7) * 0.01);
        rigs << w;
    }
    QHash<QString, WorkerState> states;
    for (qint64 t = begin; t <= end; t += Hour) {
        Snapshot s;
        s.poolTimeSecs = t;
        QVector<Event> events;
        const qint64 hourOfPeriod = (t - begin) / Hour;
        for (int i = 0; i < workers; ++i) {
            WorkerSample w = rigs.at(i);
            w.lastShareAt = t;
            WorkerState &st = states[w.name];
            st.sample = w;
            st.lastListedAt = t;
            const qint64 phase = (hourOfPeriod + qint64(i) * 7) % (10 * 24);
            if (phase == 0)
                events << Event{Event::WentOffline, w.name, t, 0, {}};
            else if (phase == 2)
                events << Event{Event::CameBack, w.name, t, 0, {}};
            s.workers << w;
            s.totalHashRate += w.hashRate;
        }
        QVector<StoreId> assigned;
        if (!store.recordPoll(account.key(), t, s, states, AccountState{}, events, &assigned)) {
            m_report->error(14, what, store.lastError());
            return;
        }
        for (const StoreId &id : assigned)
            states[id.worker].storeId = id.id;
    }
    if (!store.applyRetention(end)) {
        m_report->error(14, what, store.lastError());
        return;
    }

    const Availability engine({account}, groups);
    const auto timeOf = [&](int days, AvailabilityReport *out) {
        std::vector<double> runs;
        for (int i = 0; i < 5; ++i)
            runs.push_back(threadCpuMs([&] {
                *out = engine.compute(store, {end - days * Day, end, {}, {}, true});
            }));
        return median(runs);
    };
    AvailabilityReport shortReport, longReport;
    const double shortMs = timeOf(shortDays, &shortReport);
    const double longMs = timeOf(longDays, &longReport);
    if (shortReport.accounts.isEmpty() || shortReport.accounts.first().workerCount != workers ||
        shortReport.accounts.first().groups.size() != 5) {
        m_report->error(14, what, QStringLiteral("the report did not cover every worker"));
        return;
    }
    const double ratio = longMs / std::max(shortMs, 1e-3);
    m_report->figure(14, what,
                     QStringLiteral("%1 days %2 ms, %3 days %4 ms: %5x")
                         .arg(shortDays)
                         .arg(shortMs, 0, 'f', 1)
                         .arg(longDays)
                         .arg(longMs, 0, 'f', 1)
                         .arg(ratio, 0, 'f', 2),
                     QStringLiteral("<= 3.5x"), ratio <= 3.5);
    const AccountAvailability &a = longReport.accounts.first();
    m_report->info(
        QStringLiteral("%1 workers in 5 groups, %2 outages in %3 days, availability %4 %")
            .arg(a.workerCount)
            .arg(a.figures.outages)
            .arg(longDays)
            .arg(a.figures.availability(), 0, 'f', 2));
}

} // namespace rw::bench
