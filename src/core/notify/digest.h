#pragma once

#include "engine/accountview.h"
#include "notify/router.h"

#include <QPair>
#include <QString>
#include <QVector>

namespace rw {

class MessageFormatter;
class Store;

// One chat's daily digest ([telegram] digest, docs/telegram.md "Daily digest"): the last 24
// hours of the workers routed to it, with the availability reports' figures (report/
// availability.h: the outage log and the hourly roll-ups), and what is wrong right now.
struct DigestFigures
{
    QString chat; // "" = the [telegram] chat
    QString title;
    qint64 from = 0; // unix s
    qint64 to = 0;
    int workers = 0;           // expected: counted now, or down at some time in the period
    double availability = 100; // percent: worker-time online over worker-time expected
    int outages = 0;           // down periods overlapping the period
    qint64 downtimeSecs = 0;   // their worker-time within it
    QVector<QPair<QString, qint64>> worst; // at most five workers with the most downtime
    QStringList degraded;                  // workers degraded at some time in the period
    double averageRate = -1;               // H/s over the period; < 0 = unknown
    double floor = 0;                      // H/s: the floor(s) that apply here; 0 = none
    double usual = 0;                      // H/s: the workers' usual levels, summed
    Incident now;                          // this chat's share of what is wrong now
};

// Builds one DigestFigures per chat that has workers routed to it (the [telegram] chat always).
// views: every account's current picture (Engine::views()); runs on the engine's thread.
QVector<DigestFigures> buildDigests(const Store &store, const QVector<AccountView> &views,
                                    AlertRouter router, const DaemonConfig &config, qint64 now);

// The message (HTML), in the formatter's language.
QString digestText(const MessageFormatter &f, const DigestFigures &d);

} // namespace rw
