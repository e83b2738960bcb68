// Runtime, second part: the daily digest ([telegram] digest, docs/telegram.md "Daily digest").
// Each chat with workers routed to it gets one silent message a day at the configured local
// time, covering the last 24 hours; the day it went out is recorded per chat only once Telegram
// took it, so a restart, a --once run or an outage at that time neither repeats nor loses it.
#include "runtime/runtime.h"

#include "clock.h"
#include "engine/engine.h"
#include "logging.h"
#include "notify/digest.h"
#include "notify/localschedule.h"
#include "notify/messageformatter.h"
#include "notify/notifier.h"
#include "store/store.h"

#include <QTimer>

#include <memory>

namespace rw {

void Runtime::startDigests()
{
    if (!m_notifier || m_config.telegram.digestAt < 0)
        return;
    m_digestTimer = std::make_unique<QTimer>();
    m_digestTimer->setSingleShot(true);
    connect(m_digestTimer.get(), &QTimer::timeout, this, &Runtime::checkDigests);
    // A digest reports on the farm as polled: it waits for each account's first poll of this
    // run (a daemon started after the digest time sends the day's digest then).
    connect(m_engine.get(), &Engine::accountUpdated, this, [this](const AccountView &v) {
        if (v.lastPollOk && !m_polledAccounts.contains(v.key)) {
            m_polledAccounts.insert(v.key);
            checkDigests();
        }
    });
    checkDigests();
}

void Runtime::checkDigests()
{
    if (!m_notifier || !m_store || m_config.telegram.digestAt < 0)
        return;
    const LocalSchedule schedule(m_config.telegram);
    const qint64 now = m_clock->nowSecs();
    // Next time it is due: wake then (a timer re-armed every check, at most an hour ahead, so
    // a clock set forward or a suspended machine is noticed).
    const qint64 next = schedule.digestDueAt(schedule.localDate(now).addDays(1));
    const qint64 dueToday = schedule.digestDueAt(schedule.localDate(now));
    const qint64 wake = (dueToday > now ? dueToday : next) - now;
    if (m_digestTimer)
        m_digestTimer->start(int(std::clamp<qint64>(wake, 1, 3600) * 1000));
    if (m_polledAccounts.size() < m_config.accounts.size())
        return;
    sendDigests(true, {});
}

void Runtime::sendDigests(bool scheduled, std::function<void(int, int)> done)
{
    const LocalSchedule schedule(m_config.telegram);
    const qint64 now = m_clock->nowSecs();
    const QDate day = schedule.lastDigestDay(now);
    if (scheduled && !day.isValid())
        return;
    const QVector<DigestFigures> digests =
        buildDigests(*m_store, m_engine->views(), m_notifier->router(), m_config, now);
    const MessageFormatter formatter(m_config.telegram.language);
    struct Tally
    {
        int waiting = 0;
        int sent = 0;
        int failed = 0;
    };
    auto tally = std::make_shared<Tally>();
    for (const DigestFigures &d : digests) {
        const QString chat = d.chat.isEmpty() ? m_notifier->chat() : d.chat;
        if (scheduled) {
            if (m_digestsInFlight.contains(d.chat) ||
                m_store->digestDay(d.chat) >= day.toJulianDay())
                continue;
            m_digestsInFlight.insert(d.chat);
        }
        ++tally->waiting;
        qCInfo(lcNotify).noquote() << "sending the daily digest to chat" << chat;
        QPointer<Runtime> self(this);
        m_notifier->reply(chat, digestText(formatter, d), true,
                          [self, scheduled, day, key = d.chat, chat, tally, done](bool sent) {
                              if (!self)
                                  return;
                              if (scheduled) {
                                  self->m_digestsInFlight.remove(key);
                                  if (sent && !self->m_store->saveDigestDay(key, day.toJulianDay()))
                                      qCWarning(lcNotify).noquote() << self->m_store->lastError();
                              }
                              if (!sent)
                                  qCWarning(lcNotify).noquote()
                                      << "the daily digest for chat" << chat << "was not sent";
                              ++(sent ? tally->sent : tally->failed);
                              if (--tally->waiting == 0 && done)
                                  done(tally->sent, tally->failed);
                          });
    }
    if (tally->waiting == 0 && done)
        done(0, 0);
}

void Runtime::sendDigestsNow()
{
    if (!m_notifier) {
        emit digestsSent(0, 0);
        return;
    }
    sendDigests(false, [this](int sent, int failed) { emit digestsSent(sent, failed); });
}

QString Runtime::digestReply(const CommandDesk::Request &r)
{
    // The digest of the chat asking: a group's own chat gets its group's, any other the
    // [telegram] chat's.
    const QVector<DigestFigures> digests = buildDigests(
        *m_store, m_engine->views(), m_notifier->router(), m_config, m_clock->nowSecs());
    const MessageFormatter formatter(m_config.telegram.language);
    const DigestFigures *pick = nullptr;
    for (const DigestFigures &d : digests)
        if ((!d.chat.isEmpty() && d.chat == r.origin.chat) ||
            (!d.chat.isEmpty() && d.chat == QLatin1Char('@') + r.origin.chatUsername))
            pick = &d;
    for (const DigestFigures &d : digests)
        if (!pick && d.chat.isEmpty())
            pick = &d;
    if (!pick)
        return formatter.translated(
            QT_TRANSLATE_NOOP("rw::MessageFormatter", "No workers are routed to this chat."));
    return digestText(formatter, *pick);
}

} // namespace rw
