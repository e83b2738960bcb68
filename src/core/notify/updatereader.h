#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace rw {

class Store;
class TelegramClient;
struct TelegramResult;

// Reads the bot's updates (commands, button presses) by long polling getUpdates, and hands each
// one out exactly once, across restarts and kill -9 (invariant 8 of docs/architecture.md): the
// next offset is stored before the update is handed out, so a crash at worst loses one command,
// never runs one twice, and an update handed out again by Telegram (an offset it did not take)
// is recognised by its id and dropped.
//
// One call at a time, a new one at most every minGapMs (an API that answers at once must not
// make RigWatch spin). A 409 Conflict (another reader of the bot, or a webhook) is reported once
// and tried again every conflictRetryMs; other failures back off. Problems are signalled, not
// logged here: whoever wires the reader (Runtime) logs and shows them once. Alerts do not wait for
// any of this: they go through the notifier's own client.
class UpdateReader : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int pollSecs = 25; // getUpdates' timeout: how long Telegram holds a call with nothing new
        int minGapMs = 1000;
        int conflictRetryMs = 30'000;
        int backoffStartMs = 2000;
        int backoffMaxMs = 60'000;
    };

    // bot: the bot's numeric id (the token before ':'), under which the offset is stored.
    UpdateReader(TelegramClient *client, Store *store, const QString &bot,
                 QObject *parent = nullptr);
    void setTiming(const Timing &timing) { m_timing = timing; }

    void start();
    void stop();
    qint64 nextOffset() const { return m_offset; }
    bool conflicted() const { return m_conflict; }

signals:
    // An update, after its offset was stored.
    void updateArrived(const QJsonObject &update);
    // Something keeps updates from arriving (a 409, the network); once per episode.
    void problem(const QString &why);
    void recovered();

private:
    void poll();
    void schedule(qint64 ms);
    void onAnswer(const TelegramResult &r);

    TelegramClient *m_client;
    Store *m_store;
    QString m_bot;
    Timing m_timing;
    QTimer m_timer;
    QElapsedTimer m_lastStart;
    qint64 m_offset = 0;
    int m_failures = 0;
    bool m_conflict = false;
    bool m_reported = false;
    bool m_running = false;
    bool m_inFlight = false;
};

} // namespace rw
