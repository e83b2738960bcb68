#pragma once

#include "config/configfile.h"
#include "engine/checkreport.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace rw {

class Engine;
class Store;
class TelegramNotifier;
class Metrics;
class MetricsServer;

// rigwatchd's one job: wire config, store, engine and notifier together for the loop mode and
// the one-shot check, and decide the exit code.
class Daemon : public QObject
{
    Q_OBJECT
public:
    explicit Daemon(const DaemonConfig &config, QObject *parent = nullptr);
    ~Daemon() override;

    // Opens the store and restores state. On failure returns false with a message naming the file.
    bool init(QString *error);
    bool startMetrics(QString *error); // when [metrics] listen is set
    void startLoop();
    // Graceful (SIGTERM): polling stops; a Telegram call in flight may finish (up to its
    // timeout), nothing new starts; then stopped(). State is already persisted per poll.
    void stop();
    // One cycle; emits onceFinished(report) when polling and Telegram delivery are done.
    void runOnce();

signals:
    void onceFinished(const rw::CheckReport &report);
    void stopped();

private:
    void finishOnce();

    DaemonConfig m_config;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<TelegramNotifier> m_notifier;
    std::unique_ptr<Metrics> m_metricsData;
    std::unique_ptr<MetricsServer> m_metrics;
    bool m_onceDone = false;
    bool m_once = false;
    bool m_storageFailed = false;
};

} // namespace rw
