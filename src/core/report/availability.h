#pragma once

#include "config/accountconfig.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QVector>

namespace rw {

// The figures of one worker, group or account over a period (docs/reports.md). A worker is
// *expected* from the first UTC hour it left a trace in the period (a sample or an outage)
// until the period's end, or, when it is retired or forgotten now, until the end of its last
// outage in the period (the moment it was given up on). Downtime is the union of its outages
// clipped to that span; an outage still open counts until the period's end.
struct AvailabilityFigures
{
    qint64 expectedSecs = 0; // worker-seconds expected
    qint64 downSecs = 0;     // worker-seconds offline or missing
    int outages = 0;         // outages overlapping the span (merged where they overlap)
    qint64 degradedSecs = 0; // worker-seconds below the usual level (degraded periods)
    int degradedPeriods = 0;

    qint64 onlineSecs() const { return expectedSecs - downSecs; }
    // Percent online of expected; -1 when nothing was expected (shown as a dash).
    double availability() const
    {
        return expectedSecs > 0 ? 100.0 * double(onlineSecs()) / double(expectedSecs) : -1;
    }
    // Mean time to recovery: downtime per outage (each clipped to the period); 0 = none.
    qint64 mttrSecs() const { return outages > 0 ? downSecs / outages : 0; }
    void add(const AvailabilityFigures &o)
    {
        expectedSecs += o.expectedSecs;
        downSecs += o.downSecs;
        outages += o.outages;
        degradedSecs += o.degradedSecs;
        degradedPeriods += o.degradedPeriods;
    }
};

struct WorkerAvailability
{
    QString worker;
    int group = -1; // index into the configured groups; -1 = the account's default group
    AvailabilityFigures figures;
    double averageHashRate = 0; // H/s, mean over the hours it was listed
};

struct GroupAvailability
{
    int group = -1;      // index into the configured groups; -1 = the default group
    QString name;        // the [group.NAME] NAME; empty for the default group
    QString label;       // display label; Availability::defaultGroupLabel() for the default group
    int workerCount = 0; // workers expected in the period
    AvailabilityFigures figures;
    double averageHashRate = 0;    // H/s: its workers' hourly means summed, averaged over time
    QVector<SeriesPoint> hashRate; // that sum per bucket (hour, or day before the cut-off)
};

struct AccountAvailability
{
    QString key;         // AccountConfig::key(), the store's
    QString label;       // AccountConfig::displayName()
    int workerCount = 0; // workers expected in the period
    AvailabilityFigures figures;
    double averageHashRate = 0;
    QVector<SeriesPoint> hashRate;
    // Configured groups in file order, then the default group; only the groups asked for, and
    // of those only the ones with a worker expected in the period.
    QVector<GroupAvailability> groups;
    QVector<WorkerAvailability> workers; // expected in the period, by name
    // The n workers with the most downtime (ties: more outages, then by name); none at 0 s.
    QVector<WorkerAvailability> topByDowntime(int n) const;
};

// What to compute. The digest asks for one account's groups routed to one chat over 24 hours.
struct AvailabilityQuery
{
    qint64 from = 0; // unix s, inclusive
    qint64 to = 0;   // unix s, exclusive
    QString account; // AccountConfig::key(); empty = every configured account
    // Group indices to include (-1 = the default group); empty = all. The account's figures
    // then cover only these groups' workers.
    QSet<int> groups;
    bool series = true; // fill the hash rate series (the charts); off for the digest
};

struct AvailabilityReport
{
    qint64 from = 0, to = 0;
    QVector<AccountAvailability> accounts; // in configuration order
    QString error; // the store's, when a read failed (the figures are then incomplete)
};

// Computes availability from the store's hourly roll-ups and outage log: its cost follows the
// period (buckets x chunks of 256 workers) and the outages, never the number of polls. Runs
// on the thread that owns the store.
class Availability
{
    Q_DECLARE_TR_FUNCTIONS(Availability)
public:
    Availability(QVector<AccountConfig> accounts, QVector<GroupConfig> groups);
    AvailabilityReport compute(const Store &store, const AvailabilityQuery &query) const;
    // The label of each account's default group ("Ungrouped").
    static QString defaultGroupLabel();

private:
    AccountAvailability account(const Store &store, const AccountConfig &config,
                                const AvailabilityQuery &query, QString *error) const;
    QVector<AccountConfig> m_accounts;
    QVector<GroupConfig> m_groups;
};

} // namespace rw

Q_DECLARE_METATYPE(rw::AvailabilityReport)
