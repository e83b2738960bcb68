#pragma once

#include "engine/accountview.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace rw {

class Clock;

// The status bar's words for the shown account: last successful poll, next poll (counting
// down), and the last error as the engine phrased it ("f2pool did not answer within 30 s").
// A DEMO badge stays visible while the app watches the simulated farm. The "ago" and "in"
// counts tick once a second only while the panel is on screen.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(const Clock *clock, QWidget *parent = nullptr);

    void setView(const AccountView &view);
    void setDemo(bool demo);
    void setMessage(const QString &message); // e.g. "Starting…", "The database could not open"
    QString text() const;                    // everything shown, for tests
    bool isTicking() const { return m_tick.isActive(); }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void update();
    void setPollText(const QString &text);

    const Clock *m_clock;
    AccountView m_view;
    bool m_haveView = false;
    QString m_message;
    QString m_pollShape; // the poll text last measured, digits as zeros
    // The last successful poll's local time as shown, worked out when it changes (and once a
    // minute, should the time zone change), not on every one-second tick: a conversion to local
    // time reads the time zone anew.
    QString m_lastPollTime;
    qint64 m_lastPollTimeOf = 0;
    qint64 m_lastPollTimeMinute = -1;
    QLabel *m_demo;
    QLabel *m_poll;
    QLabel *m_error;
    QTimer m_tick;
};

} // namespace rw
