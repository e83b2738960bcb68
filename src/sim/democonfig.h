#pragma once

#include "config/configfile.h"

namespace rw::sim {

class SimFarm;

// The configuration that watches a started SimFarm: what `--demo` runs. Thresholds are shortened
// (offline after 60 s, poll every 10 s) so the demo shows outages coming and going within
// minutes; the database lives in dataDir so the demo never touches the operator's history.
// Two sites are two groups (Site A by name, Site B by host).
DaemonConfig demoConfig(const SimFarm &farm, const QString &dataDir);

} // namespace rw::sim
