#pragma once

#include "config/configfile.h"

#include <memory>

namespace rw {
namespace sim {
class SimFarm;
}

// --demo: a simulated farm started in-process and the configuration that watches it.
class Demo
{
public:
    Demo();
    ~Demo();
    DaemonConfig config() const;

private:
    std::unique_ptr<sim::SimFarm> m_farm;
    QString m_dir;
};

} // namespace rw
