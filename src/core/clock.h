#pragma once

#include <QDateTime>

#include <atomic>

namespace rw {

// Source of "now". Everything time-dependent takes a Clock so tests advance time by hand
// instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    qint64 nowSecs() const { return nowMs() / 1000; }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    static SystemClock *instance()
    {
        static SystemClock clock;
        return &clock;
    }
};

// A clock that only moves when told to. Used by tests and by the simulated farm's schedule.
// The window tests move it on the GUI thread while the engine thread reads it: atomic.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {} // 2026-01-01
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceSecs(qint64 secs) { m_now.fetch_add(secs * 1000); }

private:
    std::atomic<qint64> m_now;
};

} // namespace rw
