#include "notify/notifier.h"

#include "clock.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>

#include <algorithm>

namespace rw {

TelegramNotifier::TelegramNotifier(const TelegramConfig &config, TelegramClient *client,
                                   Store *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_config(config), m_chat(config.chat), m_client(client), m_store(store),
      m_clock(clock), m_formatter(config.language), m_schedule(config)
{
    init();
}

TelegramNotifier::TelegramNotifier(const TelegramConfig &config, QNetworkAccessManager *nam,
                                   Store *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_config(config), m_chat(config.chat),
      m_client(new TelegramClient(config, nam, this)), m_store(store), m_clock(clock),
      m_formatter(config.language), m_schedule(config)
{
    init();
}

TelegramNotifier::~TelegramNotifier() = default;

void TelegramNotifier::init()
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early: retry_after is a floor
    connect(&m_timer, &QTimer::timeout, this, &TelegramNotifier::pump);
    m_blockTimer.setSingleShot(true);
    m_blockTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_blockTimer, &QTimer::timeout, this, &TelegramNotifier::clearBlocked);
    m_planner.setRules({m_config.retract, m_timing.refreshSecs});
    restoreChatState();
    loadAcks();
    if (!m_formatter.hasTranslation())
        qCWarning(lcNotify).noquote() << "no translation for language" << m_config.language
                                      << "- Telegram messages will be in English";
}

void TelegramNotifier::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_pacer.setLimits(timing.pacing);
    m_planner.setRules({m_config.retract, timing.refreshSecs});
}

qint64 TelegramNotifier::now() const
{
    return m_clock ? m_clock->nowSecs() : QDateTime::currentSecsSinceEpoch();
}

qint64 TelegramNotifier::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

bool TelegramNotifier::save(LiveMessage &m)
{
    if (!m_store) {
        if (m.id == 0)
            m.id = ++m_nextLocalId;
        return true;
    }
    if (m_store->saveMessage(m))
        return true;
    const QString why =
        tr("cannot record the Telegram message in the database: %1").arg(m_store->lastError());
    qCWarning(lcNotify).noquote() << why;
    emit deliveryFailed(why);
    return false;
}

TelegramNotifier::Slot &TelegramNotifier::slot(const QString &key)
{
    auto it = m_slots.find(key);
    if (it != m_slots.end())
        return it->second;
    Slot s;
    s.alert.key = key;
    s.name = key.section(QLatin1Char('/'), 0, 0); // AccountConfig::displayName() until told
    if (m_store) {
        for (LiveMessage m : DeliveryPlanner::adopt(m_store->liveMessages(key), &s.alert)) {
            m.state = LiveMessage::Failed;
            m.detail = tr("RigWatch stopped before Telegram confirmed this message; if it was "
                          "posted, delete it by hand");
            qCWarning(lcNotify).noquote() << key << m.detail;
            save(m);
        }
    }
    return m_slots.emplace(key, std::move(s)).first->second;
}

void TelegramNotifier::reconcile(const QVector<AccountView> &views)
{
    m_stopped = false;
    QSet<QString> listed;
    for (const AccountView &v : views) {
        m_wholePictures[v.key] = v.incident;
        for (const Route &r : m_router.split(v)) {
            listed.insert(r.key);
            Slot &s = slot(r.key);
            s.name = r.name.isEmpty() ? s.name : r.name;
            s.alert.chat = chatAfterMigration(r.chat);
            formatPlain(s);
            // A standing incident is adopted as it is; the next update() says if it grew or
            // shrank.
            if (r.incident.isEmpty() && !s.alert.shown.isEmpty())
                update(r.key, s.name, r.incident, r.chat);
        }
    }
    if (m_store) {
        for (const LiveMessage &m : m_store->liveMessages()) {
            if (listed.contains(m.account))
                continue;
            qCInfo(lcNotify).noquote()
                << m.account << "is no longer configured; retracting its message";
            Slot &s = slot(m.account);
            update(m.account, s.name, Incident());
        }
    }
    emit messagesChanged();
    kick();
}

void TelegramNotifier::update(const AccountView &view)
{
    m_wholePictures[view.key] = view.incident;
    for (const Route &r : m_router.split(view))
        update(r.key, r.name, r.incident, r.chat);
}

void TelegramNotifier::update(const QString &accountKey, const QString &displayName,
                              const Incident &incident, const QString &chat)
{
    Slot &s = slot(accountKey);
    if (!displayName.isEmpty())
        s.name = displayName;
    s.alert.chat = chatAfterMigration(chat);
    DeliveryPlanner::Account &a = s.alert;
    const bool wasOver = !a.hasPicture || a.picture.isEmpty();
    a.hasPicture = true;
    a.picture = incident;
    a.pictureAt = now();
    if (a.picture.at <= 0)
        a.picture.at = a.pictureAt; // durations and "as of" need the picture's time
    if (incident.isEmpty()) {
        if (!wasOver || s.endedAt == 0)
            s.endedAt = incident.at > 0 ? incident.at : now();
        a.html.clear();
        dropAck(accountKey);
        if (s.sending && m_postingKey != accountKey)
            abandonSending(s, tr("not sent: the incident ended before Telegram could be reached"));
    } else {
        s.endedAt = 0;
        a.html = alertHtml(s);
        if (wasOver)
            a.plain = false; // a new incident tries the formatted text again
    }
    formatPlain(s);
    kick();
}

void TelegramNotifier::formatPlain(Slot &s)
{
    const DeliveryPlanner::Account &a = s.alert;
    s.alert.plainText = a.plain && !a.picture.isEmpty()
                            ? m_formatter.incidentText(s.name, a.picture, TextFormat::Plain)
                            : QString();
}

void TelegramNotifier::abandonSending(Slot &s, const QString &why)
{
    LiveMessage m = *s.sending;
    s.sending.reset();
    m.state = LiveMessage::Failed;
    m.detail = why;
    save(m);
    emit messagesChanged();
}

void TelegramNotifier::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    qCInfo(lcNotify) << (paused ? "paused: nothing will be posted" : "resumed");
    kick();
}

DeliveryPlanner::Moment TelegramNotifier::moment() const
{
    const qint64 t = now();
    return {t, m_chat, m_paused, m_inFlight, m_schedule.isQuiet(t)};
}

TelegramNotifier::Action TelegramNotifier::pickAction() const
{
    QVector<const DeliveryPlanner::Account *> accounts;
    accounts.reserve(int(m_slots.size()));
    for (const auto &entry : m_slots) // ordered by key: a deterministic delivery order
        accounts.append(&entry.second.alert);
    return m_planner.next(accounts, moment());
}

bool TelegramNotifier::idle() const
{
    if (m_stopped)
        return true;
    if (m_inFlight)
        return false;
    return m_pacer.halted() || (pickAction().op == Op::None && m_replies.empty()) ||
           !fitsBeforeDeadline(m_pacer.waitMs());
}

bool TelegramNotifier::fitsBeforeDeadline(qint64 waitMs) const
{
    if (!m_finishing)
        return true;
    // The client's own deadline ends a call after timeoutSecs; half a second for the answer to
    // be handled and recorded.
    const qint64 callMs = qint64(m_client->timeoutSecs()) * 1000 + 500;
    return m_finishClock.elapsed() + waitMs + callMs <= m_finishWithinMs;
}

bool TelegramNotifier::leftForNextRun() const
{
    return m_finishing && !m_stopped && !m_inFlight && !m_pacer.halted() &&
           (pickAction().op != Op::None || !m_replies.empty());
}

void TelegramNotifier::finishWithin(qint64 ms)
{
    m_finishing = true;
    m_finishWithinMs = std::max<qint64>(0, ms);
    m_finishClock.start();
    m_wasIdle = false; // becameIdle() fires when pump() finds nothing more to start
    if (!m_inFlight) {
        m_timer.stop();
        pump();
    }
}

void TelegramNotifier::kick()
{
    if (m_kicked || m_stopped)
        return;
    m_kicked = true;
    // Deferred so update() returns at once and several updates in a row coalesce.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_kicked = false;
            pump();
        },
        Qt::QueuedConnection);
}

void TelegramNotifier::pump()
{
    if (m_stopped || m_inFlight)
        return;
    const Action a = pickAction();
    if (a.op == Op::None && !m_replies.empty()) {
        const qint64 wait = m_pacer.waitMs();
        if (wait > 0)
            m_timer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
        else
            sendReply();
    } else if (a.op != Op::None) {
        const qint64 wait = m_pacer.waitMs();
        if (wait > 0 && m_blockedUntilMs > 0)
            reportDeferredPosts();
        if (!fitsBeforeDeadline(wait)) {
            // Started now it could still be running when the process has to go: a post cut
            // off then may be in the chat without its id. The next run sends it.
            if (!m_toldLeftOver)
                qCInfo(lcNotify) << "no time left to" << DeliveryPlanner::opName(a.op)
                                 << "before exiting; the next run continues";
            m_toldLeftOver = true;
        } else if (wait > 0)
            m_timer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
        else
            execute(a);
    }
    const bool nowIdle = idle();
    if (nowIdle && !m_wasIdle)
        emit becameIdle();
    m_wasIdle = nowIdle;
}

void TelegramNotifier::execute(const Action &a)
{
    clearBlocked(); // the pacer let a call go: whatever Telegram asked for has passed
    Slot &s = slot(a.key);
    if (a.op == Op::Post) {
        post(s, a);
        return;
    }
    QPointer<TelegramNotifier> self(this);
    const QString key = a.key;
    const LiveMessage row = s.alert.shown.at(a.row);
    m_inFlight = true;
    m_pacer.recordCall();
    qCInfo(lcNotify).noquote() << key << DeliveryPlanner::opName(a.op) << "message"
                               << row.messageId;
    if (a.op == Op::Delete) {
        m_client->deleteMessage(a.chat, row.messageId,
                                [self, key, id = row.id](const TelegramResult &r) {
                                    if (self)
                                        self->onDeleted(key, id, r);
                                });
        return;
    }
    // A refused text is remembered by its HTML; the row records what went out, the plain
    // version once Telegram refused the HTML.
    QString html = s.alert.html;
    QString sent = a.text;
    if (a.op != Op::Edit) {
        html = a.op == Op::EditToResolved
                   ? m_formatter.resolvedText(s.name, Announcement::fromKey(a.announces).since,
                                              s.endedAt > 0 ? s.endedAt : now())
                   : m_formatter.supersededText(s.name, now());
        sent = a.format == TextFormat::Plain ? MessageFormatter::plainText(html) : html;
    }
    m_client->editMessageText(
        a.chat, row.messageId, sent,
        [self, key, id = row.id, op = a.op, html, sent,
         announces = a.announces](const TelegramResult &r) {
            if (self)
                self->onEdited(key, id, op, html, sent, announces, r);
        },
        a.format, a.op == Op::Edit ? m_keyboard : QJsonObject());
}

void TelegramNotifier::post(Slot &s, const Action &a)
{
    LiveMessage m = s.sending ? *s.sending : LiveMessage();
    m.account = a.key;
    m.chat = a.chat;
    m.messageId = 0;
    m.announcementKey = a.announces;
    m.text = a.text; // as the chat will show it: the mirror's "text as sent"
    m.sentAt = now();
    m.editedAt = 0;
    m.state = LiveMessage::Sending;
    m.detail.clear();
    if (!save(m)) { // never post what the next run could not know about
        m_pacer.transientFailure();
        m_timer.start(int(m_pacer.waitMs()));
        return;
    }
    s.sending = m;
    const bool plain = a.format == TextFormat::Plain;
    qCInfo(lcNotify).noquote().nospace()
        << a.key << " posting: " << s.alert.picture.down.size() << " down"
        << (a.silent ? " (silent)" : "") << (plain ? " (plain text)" : "");
    m_inFlight = true;
    m_postingKey = a.key;
    m_pacer.recordCall();
    QPointer<TelegramNotifier> self(this);
    m_client->sendMessage(
        a.chat, a.text, a.silent,
        [self, key = a.key](const TelegramResult &r) {
            if (self)
                self->onPosted(key, r);
        },
        a.format, m_keyboard);
    emit messagesChanged();
}

} // namespace rw
