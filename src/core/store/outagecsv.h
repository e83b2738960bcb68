#pragma once

#include "store/store.h"

#include <QString>
#include <QVector>

namespace rw {

// Outages as CSV for the hosting SLA spreadsheet: ISO-8601 UTC times (they mean the same
// wherever the file is opened), durations in seconds, to `nowSecs` for the ongoing ones, and
// each outage's account key (Outage::account; empty when not set).
// In the core so the engine thread writes an export without a GUI model.
QString outagesCsv(const QVector<Outage> &outages, qint64 nowSecs);

// One CSV field of free text (a worker's, group's or account's name): quoted where a spreadsheet
// could misread it, and a leading =, +, - or @ defused so a hostile name cannot run as a formula.
QString csvField(const QString &s);
// A time as CSV writes it: ISO-8601 UTC, the same wherever the file is opened.
QString csvUtc(qint64 secs);

} // namespace rw
