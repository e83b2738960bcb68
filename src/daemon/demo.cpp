#include "demo.h"

#include "democonfig.h"
#include "simfarm.h"

#include <QCoreApplication>
#include <QDir>

namespace rw {

Demo::Demo() : m_farm(std::make_unique<sim::SimFarm>())
{
    if (!m_farm->start())
        qFatal("demo: %s", qPrintable(m_farm->errorString()));
    // a fresh database per demo run: the story starts from the beginning every time
    m_dir = QDir::temp().filePath(
        QStringLiteral("rigwatch-demo-%1").arg(QCoreApplication::applicationPid()));
    QDir().mkpath(m_dir);
}

Demo::~Demo()
{
    QDir(m_dir).removeRecursively();
}

DaemonConfig Demo::config() const
{
    return sim::demoConfig(*m_farm, m_dir);
}

} // namespace rw
