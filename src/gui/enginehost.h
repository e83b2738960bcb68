#pragma once

#include "chartdata.h"
#include "config/configfile.h"
#include "engine/accountview.h"
#include "report/availability.h"

#include <QObject>

#include <memory>

class QThread;

namespace rw {

class Clock;
class EngineWorker;

// The GUI's handle on the engine thread. Owns a QThread with an EngineWorker on it and talks
// to it only through queued calls (QMetaObject::invokeMethod with the worker as context) and
// queued signals, so no parsing, network wait or database query ever runs on the GUI thread
// (invariant 7 of docs/architecture.md). Queries are asynchronous: each request returns an id that
// comes back with its answer, so a panel can drop answers it no longer wants.
class EngineHost : public QObject
{
    Q_OBJECT
public:
    // clock: what the engine thread and the panels take for "now" (nullptr: the system's).
    explicit EngineHost(const Clock *clock = nullptr, QObject *parent = nullptr);
    const Clock *clock() const { return m_clock; }
    ~EngineHost() override;

    // (Re)starts the engine thread with this configuration; demo = watch a simulated farm
    // started in-process (config is then ignored).
    void start(const DaemonConfig &config, bool demo);
    // Stops the engine thread and waits for it (state is persisted after every poll).
    void stop();
    bool isRunning() const { return m_worker != nullptr; }
    bool isDemo() const { return m_demo; }
    QVector<AccountConfig> accounts() const { return m_accounts; } // tokens stripped
    QVector<GroupConfig> groups() const { return m_groups; }       // the engine's, in order
    bool telegramEnabled() const { return m_telegramEnabled; }

    void refreshNow();
    // "Accept current hashrate as usual" for one worker of an account (issue #19).
    void acceptUsual(const QString &account, const QString &worker);
    // The tray's pause, until untilMs (clock ms; 0 = until resumed): the engine's one mute.
    void setAlertsPaused(bool paused, qint64 untilMs = 0);
    // The hashrate of the accounts together (the farm's when several, each one's too) and of
    // `worker` of workerAccount's when not empty.
    // With a group's NAME, the total is that group's workers' alone (summed on the engine
    // thread from their own series).
    int requestChart(const QStringList &accounts, const QString &workerAccount,
                     const QString &worker, qint64 fromSecs, qint64 toSecs, int maxPoints = 2000,
                     const QString &group = {});
    // The newest `limit` outages of the accounts together (-1: all), each with its account;
    // outagesReady also says how many match in all.
    int requestOutages(const QStringList &accounts, qint64 fromSecs, qint64 toSecs,
                       const QString &workerFilter = {}, int limit = -1);
    // Writes every matching outage of the accounts as CSV to path, on the engine thread.
    int requestOutageExport(const QStringList &accounts, qint64 fromSecs, qint64 toSecs,
                            const QString &workerFilter, const QString &path);
    int requestMessages();
    // The availability report of a period (EngineWorker::queryAvailability) and its export.
    int requestAvailability(const QString &period);
    int requestAvailabilityExport(const AvailabilityReport &report, const QString &period, bool pdf,
                                  const QString &path);
    // One-off checks from the settings dialog, with the values typed there (not yet saved).
    void testConnection(const AccountConfig &account);
    void testTelegram(const TelegramConfig &telegram);

signals:
    void started();
    void failed(const QString &message);
    void accountUpdated(const rw::AccountView &view);
    void eventsHappened(const QString &accountKey, const QVector<rw::Event> &events);
    void storageError(const QString &message);
    void telegramProblem(const QString &message);
    void messagesChanged();
    void telegramBlockedUntil(qint64 untilMs);
    void muteChanged(bool muted, qint64 untilMs, const QString &by); // EngineWorker's
    void commandsProblem(const QString &problem);                    // "" once it is over
    void chartReady(const rw::ChartData &data);
    void outagesReady(int requestId, const QVector<rw::Outage> &outages, int matching);
    void outagesExported(int requestId, int written, const QString &error);
    void messagesReady(int requestId, const QVector<rw::LiveMessage> &messages);
    void availabilityReady(int requestId, const rw::AvailabilityReport &report,
                           const QString &periodLabel, const QString &error);
    void availabilityExported(int requestId, const QString &error);
    void connectionTested(bool ok, const QString &message);
    void telegramTested(bool ok, const QString &message);

private:
    const Clock *m_clock;
    template <typename F> void post(F &&f);

    std::unique_ptr<QThread> m_thread;
    EngineWorker *m_worker = nullptr; // lives on m_thread; deleted there when it finishes
    QVector<AccountConfig> m_accounts;
    QVector<GroupConfig> m_groups;
    bool m_demo = false;
    bool m_telegramEnabled = false;
    bool m_paused = false;
    qint64 m_pausedUntilMs = 0;
    int m_nextRequest = 1;
};

} // namespace rw
