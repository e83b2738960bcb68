#pragma once

#include "monitor/workerstatus.h"
#include "store/store.h"

#include <QHash>
#include <QMetaType>
#include <QStringList>

namespace rw {

// Everything the GUI, the notifier and /metrics need to show one account after a poll.
// Implicitly shared containers: copying it across threads is cheap.
struct AccountView
{
    QString key; // AccountConfig::key()
    QString displayName;
    QString currency;
    QHash<QString, WorkerState> workers;
    QStringList changed; // workers whose row changed in this update (Engine::setRowChanges)
    QStringList added;
    QStringList removed;
    Incident incident;
    AccountState state;
    double totalHashRate = 0;
    qint64 nextPollAtMs = 0;
    qint64 lastPollDurationMs = 0;
    bool lastPollOk = false;
    double minHashRate = 0;
    // pool clock minus local clock at the last successful poll (from the Date header): add it
    // to the local time to count "offline for" the way the classification does
    qint64 clockSkewSecs = 0;
    qint64 offlineAfterSecs = 600;
    // Why the last reply was not taken as it came (its Date header ignored, or held as
    // suspect; monitor/replycheck.h); empty when it was.
    QString replyNotice;

    // The view without its workers, for whoever keeps a view between polls but shows no worker
    // table (counts, status, the tray). `workers` shares the engine's state table: a copy kept
    // until the next poll would make the engine copy the whole table before writing it.
    AccountView withoutWorkers() const
    {
        AccountView v = *this;
        v.workers = {};
        return v;
    }
};

} // namespace rw

Q_DECLARE_METATYPE(rw::AccountView)
