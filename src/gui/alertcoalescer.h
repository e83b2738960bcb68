#pragma once

#include "monitor/workerstatus.h"

#include <QObject>
#include <QTimer>

namespace rw {

// Turns the engine's events into native notifications: everything that happens within a short
// window becomes one balloon ("3 workers went offline: rig-07, rig-12, rig-31"), so a power cut
// of a whole hall is one notification, not forty. Only incidents and recoveries notify
// (retirement does not). While paused, events are dropped: the state is still recorded by the
// engine and shown in the window and the tray tooltip.
class AlertCoalescer : public QObject
{
    Q_OBJECT
public:
    enum Severity { Info, Warning, Critical };
    Q_ENUM(Severity)

    explicit AlertCoalescer(QObject *parent = nullptr);

    void setWindowMs(int ms) { m_timer.setInterval(ms); }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void add(const QString &accountName, const QVector<Event> &events);
    void flush(); // emit what is pending now

signals:
    void alert(const QString &title, const QString &text, rw::AlertCoalescer::Severity severity);

private:
    struct Pending
    {
        QString account;
        Event event;
    };
    static QString namesLine(const QStringList &names);

    QTimer m_timer;
    QVector<Pending> m_pending;
    bool m_paused = false;
};

} // namespace rw
