#pragma once

#include "config/configfile.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace rw {

class Runtime;

// rigwatchd's loop mode: keeps a Runtime watching the farm. What may pass is retried instead
// of ending the process (a database another program holds, a disk that is full, a metrics port
// still in use at boot); SIGHUP reads the configuration file again and switches to it only
// when it is valid; SIGTERM stops gracefully. finished(code): 0 after stop(), 1 when another
// RigWatch uses the database (a supervisor may try again later), 3 when the configuration is
// wrong (trying again cannot help).
class Service : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetrySecs = 30;

    // configPath: the file reload() reads; empty (the demo): nothing to reload.
    Service(const DaemonConfig &config, const QString &configPath, QObject *parent = nullptr);
    ~Service() override;

    void start();
    void reload();
    void stop();

    Runtime *runtime() const { return m_runtime.get(); }

signals:
    void finished(int exitCode);

private:
    void open();
    void startMetrics();
    void switchTo(const DaemonConfig &config);

    DaemonConfig m_config;
    QString m_configPath;
    std::unique_ptr<Runtime> m_runtime;
    QTimer m_retryOpen;
    QTimer m_retryMetrics;
    bool m_stopping = false;
};

} // namespace rw
