#include "notify/updatereader.h"

#include "notify/telegramclient.h"
#include "store/store.h"

#include <QJsonArray>
#include <QPointer>

#include <algorithm>

namespace rw {

UpdateReader::UpdateReader(TelegramClient *client, Store *store, const QString &bot,
                           QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_bot(bot)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5 % early: two calls 950 ms apart would break "one a second".
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &UpdateReader::poll);
}

void UpdateReader::start()
{
    if (m_running)
        return;
    m_running = true;
    if (m_store)
        m_offset = m_store->updateOffset(m_bot);
    qCInfo(lcNotify) << "reading Telegram commands" << (m_offset > 0 ? "from update" : "")
                     << (m_offset > 0 ? QString::number(m_offset) : QString());
    schedule(0);
}

void UpdateReader::stop()
{
    m_running = false;
    m_timer.stop();
}

void UpdateReader::schedule(qint64 ms)
{
    if (!m_running)
        return;
    // Never two calls closer than minGapMs, whatever the answer was, with a twentieth to spare:
    // the gap is measured here, and a busy machine can send the earlier call late.
    if (m_lastStart.isValid())
        ms = std::max<qint64>(ms,
                              m_timing.minGapMs + m_timing.minGapMs / 20 - m_lastStart.elapsed());
    m_timer.start(int(std::clamp<qint64>(ms, 0, 3'600'000)));
}

void UpdateReader::poll()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    m_lastStart.start();
    QPointer<UpdateReader> self(this);
    m_client->getUpdates(m_offset, m_timing.pollSecs,
                         {QStringLiteral("message"), QStringLiteral("channel_post"),
                          QStringLiteral("callback_query")},
                         [self](const TelegramResult &r) {
                             if (self)
                                 self->onAnswer(r);
                         });
}

void UpdateReader::onAnswer(const TelegramResult &r)
{
    m_inFlight = false;
    if (!m_running)
        return;
    if (r.isSuccess() && r.result.isArray()) {
        if (m_reported) {
            qCInfo(lcNotify) << "reading Telegram commands again";
            emit recovered();
        }
        m_reported = false;
        m_conflict = false;
        m_failures = 0;
        QVector<QJsonObject> updates;
        for (const QJsonValue &v : r.result.toArray())
            if (v.isObject() && v.toObject().value(QLatin1String("update_id")).isDouble())
                updates.append(v.toObject());
        std::sort(updates.begin(), updates.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QLatin1String("update_id")).toInteger() <
                   b.value(QLatin1String("update_id")).toInteger();
        });
        for (const QJsonObject &u : updates) {
            const qint64 id = u.value(QLatin1String("update_id")).toInteger();
            if (id < m_offset)
                continue; // handed out before: carried out already (or lost to a crash)
            // Stored before it is carried out: at most once, even after kill -9.
            if (m_store && !m_store->saveUpdateOffset(m_bot, id + 1)) {
                const QString why = tr("Telegram commands wait: the database cannot record "
                                       "them (%1)")
                                        .arg(m_store->lastError());
                if (!m_reported)
                    emit problem(why);
                m_reported = true;
                schedule(m_timing.backoffStartMs);
                return;
            }
            m_offset = id + 1;
            emit updateArrived(u);
            if (!m_running)
                return;
        }
        schedule(0);
        return;
    }
    const bool conflict = r.errorCode == 409 ||
                          r.description.contains(QLatin1String("Conflict"), Qt::CaseInsensitive);
    if (conflict) {
        if (!m_conflict) {
            const QString why =
                tr("another program reads this bot's updates (or a webhook is set), so commands "
                   "are not answered; RigWatch tries again every %1 s and keeps posting alerts "
                   "(Telegram said: \"%2\")")
                    .arg(m_timing.conflictRetryMs / 1000)
                    .arg(r.description);
            emit problem(why);
        }
        m_conflict = true;
        m_reported = true;
        schedule(m_timing.conflictRetryMs);
        return;
    }
    ++m_failures;
    const qint64 wait = std::min<qint64>(
        qint64(m_timing.backoffStartMs) << std::min(m_failures - 1, 16), m_timing.backoffMaxMs);
    if (!m_reported) {
        const QString why =
            tr("Telegram commands cannot be read: %1; trying again").arg(r.explanation());
        emit problem(why);
        m_reported = true;
    }
    schedule(r.kind == TelegramResult::TooManyRequests
                 ? std::max<qint64>(wait, qint64(r.retryAfterSecs) * 1000)
                 : wait);
}

} // namespace rw
