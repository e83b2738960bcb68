#pragma once

#include <QString>

namespace rw {

// The pool's own word for a worker ("ok", "off", "INACTIVE", ...), shown beside RigWatch's
// state and never deciding it. Pools use a handful of such words for a whole farm, so a sample
// keeps a 2-byte number for its word in a table shared by the process, not a string of its own:
// WorkerSample is held twice per worker (the reply, the monitor's state), 100,000 times over.
class PoolState
{
public:
    PoolState() = default;
    PoolState(const QString &text); // implicit: a word is a state
    PoolState &operator=(const QString &text) { return *this = PoolState(text); }

    QString text() const;
    bool isEmpty() const { return m_id == 0; }
    bool operator==(const PoolState &o) const { return m_id == o.m_id; }
    bool operator!=(const PoolState &o) const { return m_id != o.m_id; }
    bool operator==(const QString &text) const { return this->text() == text; }

private:
    quint16 m_id = 0; // 0: no word; else its place in the table (poolstate.cpp)
};

} // namespace rw
