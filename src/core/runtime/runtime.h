#pragma once

#include "config/configfile.h"
#include "engine/accountview.h"
#include "engine/checkreport.h"
#include "notify/commanddesk.h"

#include <QObject>
#include <QSet>

#include <functional>

#include <memory>

class QLockFile;
class QTimer;
class QNetworkAccessManager;

namespace rw {

class Clock;
class Engine;
class Metrics;
class MetricsServer;
class CommandDesk;
class MuteState;
class Store;
class TelegramClient;
class TelegramNotifier;
class UpdateReader;

struct RuntimeOptions
{
    bool rowChanges = false;      // a table of workers listens (the tray app); see Engine
    const Clock *clock = nullptr; // nullptr: the system clock
    // How long open() waits for another RigWatch to let go of the database (a --once run
    // that is finishing) before it refuses to start.
    int lockWaitMs = 0;
    // A one-shot run (rigwatchd --once): the polls go out while the workers' states load
    // (Engine::restore), and their answers are taken up by runOnce().
    bool pollFirst = false;
};

// The one place RigWatch is assembled: the store, the network access, the engine, the Telegram
// notifier and /metrics, wired the same way for rigwatchd's loop, its --once check and the tray
// app's engine thread, so that every guard applies to all three. The shells (src/daemon/main.cpp,
// src/gui/engineworker.cpp) only choose options and listen to the signals.
class Runtime : public QObject
{
    Q_OBJECT
public:
    Runtime(const DaemonConfig &config, const RuntimeOptions &options, QObject *parent = nullptr);
    ~Runtime() override;

    // Opens (or creates) the database, restores every account's state and adopts the live
    // Telegram messages of the previous run. On failure: false, *error names the file, and
    // openFailure() says whether trying again can help. A damaged file is moved aside and a new
    // one started (storageError() says where the old one went).
    enum class OpenFailure
    {
        None,
        Transient,    // locked, disk full, I/O error: try again later
        InUse,        // another RigWatch uses this database (named in *error)
        Configuration // an operator must act: permissions, a directory, a newer schema
    };
    bool open(QString *error);
    OpenFailure openFailure() const { return m_openFailure; }
    // Serves /metrics when [metrics] listen is set; "" in metricsUrl() otherwise.
    bool startMetrics(QString *error);
    QString metricsUrl() const;

    void start(); // loop mode: every account polled on its schedule
    // One cycle: poll each account once, classify, persist, update Telegram within a bounded
    // time, then onceFinished().
    void runOnce();
    // Graceful: polling stops; a Telegram call in flight may finish (up to its timeout),
    // nothing new starts; then stopped(). State is already persisted per poll.
    void stop();
    void refreshNow();
    // The tray's "Pause alerts": the same mute as Telegram's /mute (MuteState), so pausing sets
    // it and resuming ends it, whoever set it. Before open() only remembered (a pause set then
    // is applied by open(); "not paused" then leaves a mute kept from the last run alone).
    // untilMs: the pause's end on the clock (ms), so /status and /metrics say the same as the
    // tray; 0 = until resumed.
    void setAlertsPaused(bool paused, qint64 untilMs = 0);
    // For a process that exits right after: nothing more is sent, the database is closed and
    // unlocked, and the rest (a farm's tables) is left for the exit to drop.
    // processEnds: the process exits right after (rigwatchd --once), so the database is left
    // as it is instead of closed.
    void finish(bool processEnds = false);
    // "Accept current hashrate as usual" (the table's menu): true when the worker was found and
    // has a rate. Telegram's /rebase does the same.
    bool acceptUsual(const QString &accountKey, const QString &worker);
    // `rigwatchd --digest-now`: every chat's digest of the last 24 hours, sent now (not counted
    // as the day's scheduled one), then digestsSent().
    void sendDigestsNow();
    MuteState *mutes() const { return m_mutes.get(); }
    CommandDesk *commands() const { return m_desk.get(); }

    const DaemonConfig &config() const { return m_config; }
    Engine *engine() const { return m_engine.get(); }
    Store *store() const { return m_store.get(); }
    TelegramNotifier *notifier() const { return m_notifier.get(); }
    QNetworkAccessManager *network() const { return m_nam.get(); }
    const Clock *clock() const { return m_clock; }

signals:
    void accountUpdated(const rw::AccountView &view);
    void eventsHappened(const QString &accountKey, const QVector<rw::Event> &events);
    void storageError(const QString &message);
    void telegramProblem(const QString &message);
    void chatMigrated(const QString &from, const QString &to);
    void messagesChanged();
    // Until when (clock ms) Telegram's 429 holds alerts back; 0 when nothing does.
    void telegramBlockedUntil(qint64 untilMs);
    // The mutes in force changed (a /mute, the tray's pause, one that ran out).
    void mutesChanged();
    // Why commands are not read now (a 409: another reader of the bot, or a webhook), once per
    // episode; "" when they are read again.
    void commandsProblem(const QString &problem);
    void onceFinished(const rw::CheckReport &report);
    // sendDigestsNow() is done: how many chats got theirs and how many did not.
    void digestsSent(int sent, int failed);
    void stopped();

private:
    bool lockDatabase(QString *error);
    // A one-shot run builds its tables of workers once and ends: in huge pages where the
    // system has them (util/allocator.h), sized from the store.
    void prepareOneShotHeap();
    bool moveDamagedAside();
    void startNotifier();
    void startCommands(); // loop mode only: getUpdates and the commands
    void applyMutes();
    QString rebase(const QStringList &args); // /rebase NAME: the reply
    void finishOnce();
    // runtimedigest.cpp: the daily digest ([telegram] digest).
    void startDigests();
    void checkDigests(); // sends each chat's digest due and not yet sent (once per local day)
    void sendDigests(bool scheduled, std::function<void(int, int)> done);
    QString digestReply(const CommandDesk::Request &r); // /digest

    DaemonConfig m_config;
    RuntimeOptions m_options;
    const Clock *m_clock;
    std::unique_ptr<QLockFile> m_lock;
    OpenFailure m_openFailure = OpenFailure::None;
    // Telegram's and the settings dialog's calls; each pool account has its own (engine.h).
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<TelegramNotifier> m_notifier;
    std::unique_ptr<MuteState> m_mutes;
    std::unique_ptr<TelegramClient> m_updatesClient; // its own: stopping it spares the alerts
    std::unique_ptr<UpdateReader> m_reader;
    std::unique_ptr<CommandDesk> m_desk;
    std::unique_ptr<Metrics> m_metricsData;
    std::unique_ptr<MetricsServer> m_metrics;
    bool m_paused = false;
    qint64 m_pausedUntilMs = 0;
    bool m_once = false;
    bool m_onceDone = false;
    bool m_storageFailed = false;
    std::unique_ptr<QTimer> m_digestTimer;
    QSet<QString> m_polledAccounts;  // since start: a digest waits for every account's first poll
    QSet<QString> m_digestsInFlight; // chats whose scheduled digest is queued
};

} // namespace rw
