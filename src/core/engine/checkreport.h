#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"

#include <QVector>

namespace rw {

// The one-line Nagios-style verdict of `rigwatchd --once`.
struct CheckReport
{
    enum Status
    {
        Ok = 0,
        Warning = 1,
        Critical = 2,
        Unknown = 3
    };
    Status status = Unknown;
    QString line; // "CRITICAL - 97/100 workers online, 3 offline: rig-07 (47 min), ... | perfdata"
    // Nagios' long output, printed after the line: with groups, each account's own summary
    // ("farm: 97/100 workers online, 3 offline: ...") and each group's problems in full
    // ("Site A: rig-a3 offline 25 min, rig-a4 missing 3 h"). Empty without groups.
    QStringList details;
};

QString statusWord(CheckReport::Status s);
// `now` in unix s (the pool's clock of the last poll is used per account when known).
CheckReport makeCheckReport(const QVector<AccountView> &views, qint64 now);
// With [group.NAME] groups (issue #20) the line lists the problems by group, in file order,
// the workers of no group last as "Other":
//   "CRITICAL - 46/48 workers online; Site A: rig-a3 offline 25 min; Other: rig-9 offline
//    12 min | online=46;;;0;48 ... site-a_online=11;;;0;12 ..."
// and a group whose total over every account is below its min_hashrate is a WARNING. Without
// groups it is makeCheckReport(views, now).
CheckReport makeCheckReport(const QVector<AccountView> &views, qint64 now,
                            const QVector<GroupConfig> &groups);
// For failures before any poll (bad configuration, unopenable database).
CheckReport unknownReport(const QString &reason);

} // namespace rw
