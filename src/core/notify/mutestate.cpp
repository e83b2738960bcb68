#include "notify/mutestate.h"

#include "clock.h"
#include "notify/telegramclient.h"
#include "store/store.h"

namespace rw {

MuteState::MuteState(Store *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{
    qRegisterMetaType<rw::MuteRecord>();
    if (m_store)
        m_mutes = m_store->mutes();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &MuteState::check);
    m_timer.start();
}

qint64 MuteState::now() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

bool MuteState::mute(const MuteRecord &mute)
{
    for (int i = 0; i < m_mutes.size(); ++i)
        if (m_mutes.at(i).scope == mute.scope)
            m_mutes.removeAt(i--);
    if (m_store && !m_store->saveMute(mute)) {
        qCWarning(lcNotify).noquote()
            << "the mute holds only until RigWatch stops:" << m_store->lastError();
    }
    m_mutes.append(mute);
    emit changed();
    return true;
}

bool MuteState::unmute(const QString &scope)
{
    bool found = false;
    for (int i = 0; i < m_mutes.size(); ++i)
        if (m_mutes.at(i).scope == scope) {
            m_mutes.removeAt(i--);
            found = true;
        }
    if (m_store && !m_store->removeMute(scope))
        qCWarning(lcNotify).noquote() << m_store->lastError();
    if (found)
        emit changed();
    return found;
}

std::optional<MuteRecord> MuteState::active(const QString &scope) const
{
    const qint64 t = now();
    for (const MuteRecord &m : m_mutes)
        if (m.scope == scope && (m.untilMs == 0 || m.untilMs > t))
            return m;
    return std::nullopt;
}

void MuteState::check()
{
    const qint64 t = now();
    QVector<MuteRecord> over;
    for (int i = 0; i < m_mutes.size(); ++i)
        if (m_mutes.at(i).untilMs != 0 && m_mutes.at(i).untilMs <= t) {
            over.append(m_mutes.at(i));
            m_mutes.removeAt(i--);
        }
    if (over.isEmpty())
        return;
    for (const MuteRecord &m : over) {
        if (m_store && !m_store->removeMute(m.scope))
            qCWarning(lcNotify).noquote() << m_store->lastError();
        qCInfo(lcNotify).noquote()
            << "mute of" << (m.scope.isEmpty() ? QStringLiteral("the chat") : m.scope) << "by"
            << m.by << "ended";
    }
    emit changed();
    for (const MuteRecord &m : over)
        emit expired(m);
}

} // namespace rw
