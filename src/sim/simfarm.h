#pragma once

#include "clock.h"
#include "fakef2pool.h"
#include "fakepools.h"
#include "telegramsink.h"

#include <QObject>
#include <QUrl>

namespace rw::sim {

// The whole simulated farm that `--demo` and rigwatch_sim run in-process: a fake f2pool with
// a few dozen rigs on a schedule that shows every kind of trouble within minutes, and a
// Telegram sink. The schedule is expressed in clock time (no timers), so it is the same under
// a ManualClock and under the system clock.
class SimFarm : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int rigs = 36;
        QString user = QStringLiteral("demo");
        QString secret = QStringLiteral("demo-secret");
        QString key = QStringLiteral("demo-key"); // Binance and AntPool
        // Which pool's API the farm serves: f2pool (v2 and v1) or one of FakePools'.
        QString provider = QStringLiteral("f2pool");
        QString currency = QStringLiteral("bitcoin");
        QString token = QStringLiteral("demo-token");
        QString chat = QStringLiteral("-1001234567890");
        quint16 poolPort = 0; // 0 = any free port
        quint16 telegramPort = 0;
        bool demoSchedule = true; // outages, a missing and a retired rig (see simfarm.cpp)
        // A second hall on another pool, so the demo shows one farm split across two pools:
        // annexRigs rigs (named hall2-01...) on this provider's API; 0 or empty = none.
        QString annexProvider = QStringLiteral("braiins");
        int annexRigs = 12;
    };

    explicit SimFarm(const Clock *clock = SystemClock::instance(), QObject *parent = nullptr);

    bool start(const Options &options);
    bool start() { return start(Options()); }
    QString errorString() const { return m_error; }

    // The API the farm serves: f2pool's, or Options::provider's.
    QUrl poolUrl() const { return m_other ? m_other->baseUrl() : m_pool->baseUrl(); }
    QUrl telegramUrl() const { return m_telegram->baseUrl(); }
    QString user() const { return m_options.user; }
    QString secret() const { return m_options.secret; }
    QString key() const { return m_options.key; }
    QString currency() const { return m_options.currency; }
    QString token() const { return m_options.token; }
    QString chat() const { return m_options.chat; }

    FakeF2pool *pool() const { return m_pool; }      // the rigs, whichever API serves them
    FakePools *otherPool() const { return m_other; } // null when the farm speaks f2pool
    // The second hall (Options::annexProvider), or null.
    FakePools *annexPool() const { return m_annex; }
    FakeF2pool *annexRigs() const { return m_annexRigs; }
    TelegramSink *telegram() const { return m_telegram; }

private:
    void applyDemoSchedule(qint64 t0);

    const Clock *m_clock;
    FakeF2pool *m_pool;
    FakePools *m_other = nullptr;
    FakeF2pool *m_annexRigs = nullptr; // the second hall's rigs (not listening itself)
    FakePools *m_annex = nullptr;
    TelegramSink *m_telegram;
    Options m_options;
    QString m_error;
};

} // namespace rw::sim
