#pragma once

#include "store/commandrecords.h"

#include <QObject>
#include <QTimer>
#include <QVector>

#include <optional>

namespace rw {

class Clock;
class Store;

// The one mute of alerts per scope ("" = the whole chat): a /mute from Telegram and the tray's
// "Pause alerts" set the same record, so each shows and ends what the other did. Kept in the
// Store so a restart stays muted, and ended on time (checked every second against the Clock,
// and at once by check()). While the chat's scope is muted nothing new is posted; live messages
// are still edited and retracted (TelegramNotifier::setPaused).
class MuteState : public QObject
{
    Q_OBJECT
public:
    // store may be null (tests, a database that failed): the state then lives in memory.
    MuteState(Store *store, const Clock *clock, QObject *parent = nullptr);

    // untilMs 0: until unmuted. Replaces a mute of the same scope.
    bool mute(const MuteRecord &mute);
    // Ends the scope's mute early; false when there was none.
    bool unmute(const QString &scope);
    std::optional<MuteRecord> active(const QString &scope = {}) const;
    QVector<MuteRecord> all() const { return m_mutes; }
    bool isMuted(const QString &scope = {}) const { return active(scope).has_value(); }
    // Ends what is over now (also run every second).
    void check();

signals:
    void changed();
    // A mute ran out (not ended by hand): whoever set it is told.
    void expired(const rw::MuteRecord &mute);

private:
    qint64 now() const;

    Store *m_store;
    const Clock *m_clock;
    QVector<MuteRecord> m_mutes;
    QTimer m_timer;
};

} // namespace rw
