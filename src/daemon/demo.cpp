#include "demo.h"

#include "democonfig.h"
#include "demohistory.h"
#include "simfarm.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>

namespace rw {

Demo::Demo() : m_farm(std::make_unique<sim::SimFarm>())
{
    if (!m_farm->start())
        qFatal("demo: %s", qPrintable(m_farm->errorString()));
    // a fresh database per demo run: the story starts from the beginning every time
    m_dir = QDir::temp().filePath(
        QStringLiteral("rigwatch-demo-%1").arg(QCoreApplication::applicationPid()));
    QDir().mkpath(m_dir);
    // A month of the farm's past: a full chart, an outage history and a report from the start.
    QString error;
    QElapsedTimer took;
    took.start();
    if (!sim::writeDemoHistory(*m_farm, config(), QDateTime::currentSecsSinceEpoch(), 30, &error))
        qWarning("demo: no past for the simulated farm: %s", qPrintable(error));
    else
        qInfo("demo: 30 days of the farm's past written in %lld ms", qint64(took.elapsed()));
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
