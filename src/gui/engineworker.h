#pragma once

#include "chartdata.h"
#include "config/configfile.h"
#include "engine/accountview.h"
#include "report/availability.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace rw {

class Clock;
class Runtime;
namespace sim {
class SimFarm;
}

// Everything slow, on the engine thread: the simulated farm (demo) and the Runtime (store,
// network access, engine, Telegram notifier, assembled as rigwatchd assembles them), plus the
// one-off queries the windows need (chart series, outages, the Telegram mirror, "Test
// connection", "Send test message").
// Created on the GUI thread, then moved; every public slot runs on the engine thread and
// answers with a signal, which EngineHost forwards to the GUI thread.
class EngineWorker : public QObject
{
    Q_OBJECT
public:
    EngineWorker(const DaemonConfig &config, bool demo, const Clock *clock);
    ~EngineWorker() override;

    // All of these must be called on the engine thread (EngineHost queues them).
    void start();
    void refreshNow();
    void setAlertsPaused(bool paused, qint64 untilMs);
    // The accounts' hashrate together (and each one's when several), and `worker` of
    // workerAccount's when not empty.
    void queryChart(int requestId, const QStringList &accounts, const QString &workerAccount,
                    const QString &worker, qint64 from, qint64 to, int maxPoints,
                    const QString &group = {});
    // The accounts' outages together, newest first, each with its account key.
    void queryOutages(int requestId, const QStringList &accounts, qint64 from, qint64 to,
                      const QString &workerFilter, int limit);
    void exportOutages(int requestId, const QStringList &accounts, qint64 from, qint64 to,
                       const QString &workerFilter, const QString &path);
    void queryMessages(int requestId);
    // The availability report of `period` (ReportPeriod::parse: "yesterday", ...,
    // "YYYY-MM-DD..YYYY-MM-DD") in the [telegram] timezone, and its export as CSV or PDF.
    void queryAvailability(int requestId, const QString &period);
    void exportAvailability(int requestId, const rw::AvailabilityReport &report,
                            const QString &period, bool pdf, const QString &path);
    void testConnection(const AccountConfig &account);
    void acceptUsual(const QString &account, const QString &worker);
    void testTelegram(const TelegramConfig &telegram);

signals:
    void started(const QVector<rw::AccountConfig> &accounts, bool telegramEnabled,
                 const QVector<rw::GroupConfig> &groups);
    void failed(const QString &message);
    void accountUpdated(const rw::AccountView &view);
    void eventsHappened(const QString &accountKey, const QVector<rw::Event> &events);
    void storageError(const QString &message);
    void telegramProblem(const QString &message);
    void messagesChanged();
    void telegramBlockedUntil(qint64 untilMs); // clock ms; 0: nothing holds alerts back
    // The engine's mute of the alert chat (a Telegram /mute or the tray's own pause): by whom
    // and until when (clock ms, 0 = until resumed); muted false when none is in force.
    void muteChanged(bool muted, qint64 untilMs, const QString &by);
    void commandsProblem(const QString &problem); // Runtime's: "" once commands flow again
    void chartReady(const rw::ChartData &data);
    void outagesReady(int requestId, const QVector<rw::Outage> &outages, int matching);
    void outagesExported(int requestId, int written, const QString &error);
    void messagesReady(int requestId, const QVector<rw::LiveMessage> &messages);
    // periodLabel: the dates and the zone; error: why there is no report (then it is empty).
    void availabilityReady(int requestId, const rw::AvailabilityReport &report,
                           const QString &periodLabel, const QString &error);
    void availabilityExported(int requestId, const QString &error);
    void connectionTested(bool ok, const QString &message);
    void telegramTested(bool ok, const QString &message);

private:
    void reportMute();
    QNetworkAccessManager *network();
    // The group's total over the accounts: its workers' series summed (farmseries.h).
    QVector<SeriesPoint> groupSeries(const QStringList &accounts, const QString &group, qint64 from,
                                     qint64 to) const;
    QVector<Outage> outagesOf(const QStringList &accounts, qint64 from, qint64 to,
                              const QString &workerFilter, int limit, int *matching) const;

    DaemonConfig m_config;
    bool m_demo;
    const Clock *m_clock;
    QString m_demoDir;
    std::unique_ptr<sim::SimFarm> m_farm;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<QNetworkAccessManager> m_testNam; // tests before the runtime opened
    bool m_paused = false;
    qint64 m_pausedUntilMs = 0;
};

} // namespace rw
