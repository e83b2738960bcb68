#include "simfarm.h"

#include <QRandomGenerator>

namespace rw::sim {

SimFarm::SimFarm(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_pool(new FakeF2pool(clock, this)),
      m_telegram(new TelegramSink(clock, this))
{}

bool SimFarm::start(const Options &options)
{
    m_options = options;
    m_pool->setUser(options.user);
    m_pool->setSecret(options.secret);
    m_pool->setCurrency(options.currency);
    m_telegram->setToken(options.token);
    m_telegram->setKnownChats({options.chat});
    if (m_pool->rigNames().isEmpty())
        m_pool->addRigs(options.rigs);
    if (options.demoSchedule)
        applyDemoSchedule(m_clock->nowSecs());

    if (options.provider != QLatin1String("f2pool")) {
        const std::optional<PoolProvider> p = FakePools::providerFromString(options.provider);
        if (!p) {
            m_error = tr("Unknown provider \"%1\"").arg(options.provider);
            return false;
        }
        m_other = new FakePools(*p, m_pool, m_clock, this);
        m_other->setUser(options.user);
        m_other->setKey(options.key);
        m_other->setSecret(options.secret);
        if (!m_other->listen(options.poolPort)) {
            m_error = tr("The simulated pool cannot listen on port %1: %2")
                          .arg(options.poolPort)
                          .arg(m_other->server()->errorString());
            return false;
        }
    } else if (!m_pool->listen(options.poolPort)) {
        m_error = tr("The simulated pool cannot listen on port %1: %2")
                      .arg(options.poolPort)
                      .arg(m_pool->server()->errorString());
        return false;
    }
    if (!options.annexProvider.isEmpty() && options.annexRigs > 0) {
        const std::optional<PoolProvider> p = FakePools::providerFromString(options.annexProvider);
        if (!p) {
            m_error = tr("Unknown provider \"%1\"").arg(options.annexProvider);
            return false;
        }
        m_annexRigs = new FakeF2pool(m_clock, this);
        m_annexRigs->addRigs(options.annexRigs, QStringLiteral("hall2-"));
        m_annex = new FakePools(*p, m_annexRigs, m_clock, this);
        m_annex->setUser(options.user);
        m_annex->setKey(options.key);
        m_annex->setSecret(options.secret);
        if (!m_annex->listen(0)) {
            m_error = tr("The simulated second pool cannot listen: %1")
                          .arg(m_annex->server()->errorString());
            return false;
        }
    }
    if (!m_telegram->listen(options.telegramPort)) {
        m_error = tr("The simulated Telegram API cannot listen on port %1: %2")
                      .arg(options.telegramPort)
                      .arg(m_telegram->server()->errorString());
        return false;
    }
    qCInfo(lcSim) << "simulated farm:" << m_pool->rigNames().size() << "rigs, pool"
                  << poolUrl().toString() << "telegram" << telegramUrl().toString();
    return true;
}

// Tuned for the demo's offline_after = 60 s and interval = 10 s: every outage lasts 90–180 s
// so it is alerted and then resolved, and the first seconds already show offline rows.
void SimFarm::applyDemoSchedule(qint64 t0)
{
    const QStringList rigs = m_pool->rigNames();
    if (rigs.size() < 8)
        return; // too few rigs for the story; they just run
    auto nth = [&rigs](int i) { return rigs.at(i % rigs.size()); };

    // Already down when the demo starts; they come back after a while.
    const QString earlyA = nth(6);  // rig-07: down 7 min, back at +150 s
    const QString earlyB = nth(18); // rig-19: down 15 min, back at +300 s
    m_pool->scheduleOutage(earlyA, t0 - 420, 420 + 150);
    m_pool->scheduleOutage(earlyB, t0 - 900, 900 + 300);
    // Long retired: no share for 10 h, still listed (f2pool drops workers after ~24 h).
    const QString retired = nth(rigs.size() - 4); // rig-33 of 36
    m_pool->setRigStoppedSince(retired, t0 - 10 * 3600);
    // Listed at first, then dropped by the pool: the product must keep it as "missing".
    const QString missing = nth(26); // rig-27
    m_pool->scheduleRemoval(missing, t0 + 45);
    // A dead hash board: still sharing, at 60 % of its rate (issue #19); with the demo's
    // degraded_after of 120 s it is flagged in the first minutes, as a real one is in 30.
    const QString weak = nth(14); // rig-15
    m_pool->degradeRig(weak, 0.6);
    // Short outages during the first minutes.
    m_pool->scheduleOutage(nth(3), t0 + 20, 120);
    m_pool->scheduleOutage(nth(11), t0 + 90, 90);
    m_pool->scheduleOutage(nth(22), t0 + 200, 180);

    // Then every five minutes one or two rigs drop out for 90–180 s, for a day.
    QRandomGenerator rng(36);
    const QStringList special{earlyA, earlyB, retired, missing, weak};
    for (qint64 round = t0 + 300; round < t0 + 86'400; round += 300) {
        const int count = 1 + int(rng.bounded(2));
        for (int k = 0; k < count; ++k) {
            const QString rig = nth(int(rng.bounded(int(rigs.size()))));
            if (special.contains(rig))
                continue;
            m_pool->scheduleOutage(rig, round + rng.bounded(60), 90 + rng.bounded(91));
        }
    }
}

} // namespace rw::sim
