// Store, the demo's part: a made-up past written at once, so that a newcomer's first look
// (rigwatch --demo, the unconfigured tray app) shows a month of chart and outages.
#include "store/schema.h"
#include "store/store.h"
#include "store/store_p.h"

namespace rw {

bool Store::recordPast(const QString &account, const std::function<bool(PastPoll *)> &next)
{
    // One transaction for the whole past: a month of polls as a thousand transactions would
    // each wait for the disk.
    return d->transaction(
        StoreText::tr("cannot save the poll of account \"%1\"").arg(account), [&] {
            const int acc = d->accountId(account, true);
            if (acc < 0)
                return false;
            PastPoll p;
            while (next(&p)) {
                int online = 0, offline = 0;
                if (!d->saveWorkers(acc, p.at, p.at, p.states, &online, &offline, nullptr))
                    return false;
                if (!d->exec(
                        d->prepared(
                            QStringLiteral("INSERT OR REPLACE INTO polls (account_id, at, hashrate,"
                                           " online, offline, total) VALUES (?, ?, ?, ?, ?, ?)")),
                        {acc, p.at, p.snapshot.totalHashRate, online, offline, online + offline}) ||
                    !d->applyEvents(acc, p.events))
                    return false;
            }
            return true;
        });
}

} // namespace rw
