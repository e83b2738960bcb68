#pragma once

#include "config/accountconfig.h"
#include "engine/accountview.h"
#include "pool/poller.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace rw {

class Clock;
class Monitor;
class Store;

// Runs the data flow for every account: Poller -> Monitor -> Store, then announces the new
// picture (AccountView) to whoever listens: notifier, GUI, metrics. In the GUI it lives on a
// worker thread, so parsing and database writes never touch the GUI thread.
//
// Each account polls through a network access manager of its own, and so through Qt's HTTP
// thread of its own: a pool that floods a header line without end keeps that thread busy after
// its poll failed (docs/fault-matrix.md), and only that account waits for it, not the other
// accounts nor Telegram.
class Engine : public QObject
{
    Q_OBJECT
public:
    Engine(const QVector<AccountConfig> &accounts, Store *store, const Clock *clock,
           QObject *parent = nullptr);
    ~Engine() override;

    // Loads each account's last known state from the store (no events are repeated).
    // pollFirst (a one-shot run): each account's poll goes out once its pace is known and before
    // its workers are read, so the pool prepares its reply while they load; what it answers is
    // held until runOnce().
    void restore(bool pollFirst = false);
    void start(); // loop mode: poll every interval
    void stop();
    void refreshNow(); // poll every account now (ignored where a poll is in flight)
    // One cycle: poll each account once, classify, persist; emits cycleFinished() when all
    // accounts have answered or failed.
    void runOnce();
    // "Accept current hashrate as usual" for one worker (the table's menu, Telegram's /rebase):
    // its current rate becomes its usual level now, and a degraded state ends. False when the
    // worker is unknown or has no rate, or the store could not keep it.
    bool acceptUsual(const QString &accountKey, const QString &worker);

    // Whether views list the rows each poll changed (AccountView::changed; on by default): only
    // a table of workers needs them. rigwatchd turns it off (Monitor::setRowChanges).
    void setRowChanges(bool on);
    // Called when a write finds the database damaged; true when a usable (new) file is open,
    // and the write is then tried once more. Without one, the failure is a storageError().
    void setStoreRecovery(std::function<bool()> recover) { m_recoverStore = std::move(recover); }

    QVector<AccountConfig> accounts() const;
    AccountView view(const QString &accountKey) const;
    QVector<AccountView> views() const;

signals:
    void accountUpdated(const rw::AccountView &view);
    void eventsHappened(const QString &accountKey, const QVector<rw::Event> &events);
    void pollFinished(const QString &accountKey, qint64 durationMs, bool ok,
                      const QString &reasonKey);
    void storageError(const QString &message);
    void cycleFinished();

private:
    struct Account;
    void onPolled(Account &a, const Snapshot &snapshot, qint64 durationMs);
    void onFailed(Account &a, const PollFailure &failure);
    void scheduleNextPoll(Account &a, qint64 poolNow, qint64 polledAtMs);
    void publish(Account &a, const QVector<Event> &events);
    AccountState stateOf(const Account &a) const;
    void cycleStep(Account &a);
    bool applyRetention();                       // false: the store failed (lastError says why)
    bool write(const std::function<bool()> &op); // false: reported as storageError()
    void keepFailure(Account &a, const QVector<Event> &events);
    void armUnreachableCheck(Account &a);
    void refreshUsualLevels(Account &a, qint64 poolNow);
    void onUnreachableDeadline(Account &a);

    std::vector<std::unique_ptr<Account>> m_accounts;
    Store *m_store;
    const Clock *m_clock;
    QTimer m_retention;          // active from start() to stop(): loop mode
    qint64 m_lastRecordedAt = 0; // the newest poll's time as stored (the pool's clock)
    int m_onceOutstanding = 0;
    std::function<bool()> m_recoverStore;
};

} // namespace rw
