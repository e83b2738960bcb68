#pragma once

#include "config/configfile.h"

namespace rw::sim {

class SimFarm;

// The demo's past (issue #20): `days` of the simulated farm's life written into the demo's
// database before the engine opens it, so that a newcomer's first look shows a full chart, an
// outage history and a report. A made-up but consistent story on the farm's own rigs: a daily
// rhythm in the hashrate, a few outages (one a power cut of a whole site), a degraded period,
// and the retired rig stopping when the farm's schedule says it did (simfarm.cpp). It ends
// shortly before `now`, where the farm's live schedule takes over. Written through the
// Store's own API (Store::recordPast, then applyRetention), in one transaction per account.
// False, with *error set, when the database cannot be written.
bool writeDemoHistory(const SimFarm &farm, const DaemonConfig &config, qint64 now, int days,
                      QString *error);

} // namespace rw::sim
