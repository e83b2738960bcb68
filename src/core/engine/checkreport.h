#pragma once

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
};

QString statusWord(CheckReport::Status s);
// `now` in unix s (the pool's clock of the last poll is used per account when known).
CheckReport makeCheckReport(const QVector<AccountView> &views, qint64 now);
// For failures before any poll (bad configuration, unopenable database).
CheckReport unknownReport(const QString &reason);

} // namespace rw
