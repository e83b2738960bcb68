#pragma once

#include "monitor/workerstatus.h"
#include "notify/messageformatter.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace rw {

// Turns the engine's events into native notifications: everything that happens within a short
// window becomes one balloon, so a power cut of a whole hall is one notification, not forty.
// The title says what changed ("3 workers went offline"); the text says what stands, in the
// words of the Telegram message ("3 of 100 workers offline", each with how long, the hashrate),
// or the "resolved" text when the incident is over. Only incidents and recoveries notify
// (retirement does not). While paused, events are dropped: the state is still recorded by the
// engine and shown in the window and the tray tooltip.
class AlertCoalescer : public QObject
{
    Q_OBJECT
public:
    enum Severity
    {
        Info,
        Warning,
        Critical
    };
    Q_ENUM(Severity)

    explicit AlertCoalescer(QObject *parent = nullptr);

    void setWindowMs(int ms) { m_timer.setInterval(ms); }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Events of the account with this key (AccountView::key).
    void add(const QString &accountKey, const QVector<Event> &events);
    // The account's name and incident as of its latest poll (AccountView): what the text says.
    void setIncident(const QString &accountKey, const QString &name, const Incident &incident);
    // The language of the texts taken from the Telegram messages (en, zh_CN).
    void setLanguage(const QString &language);
    void flush(); // emit what is pending now

    static constexpr int kShownWorkers = 8; // worker lines in a balloon, then "… and N more"

signals:
    void alert(const QString &title, const QString &text, rw::AlertCoalescer::Severity severity);

private:
    struct Pending
    {
        QString account;
        Event event;
    };
    static QString namesLine(const QStringList &names);
    QString standingText(const QString &key) const;
    QString nameOf(const QString &key) const;

    QTimer m_timer;
    QVector<Pending> m_pending;
    MessageFormatter m_formatter;
    struct Account
    {
        QString name;         // the name shown
        Incident incident;    // as of the latest poll
        qint64 openSince = 0; // when its last incident began (for the "resolved" text)
    };
    QHash<QString, Account> m_accounts; // by account key
    bool m_paused = false;
};

} // namespace rw
