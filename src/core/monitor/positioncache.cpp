#include "monitor/positioncache.h"

#include <algorithm>

namespace rw {

void PositionCache::begin(const States &states, qsizetype count)
{
    m_use = m_valid && firstOf(states) == m_first;
    m_moved = false;
    m_next = std::move(m_spare);
    m_next.clear();
    m_next.reserve(size_t(count));
}

void PositionCache::finish(States &states, const QVector<WorkerSample> &workers, bool firstPoll)
{
    // Positions found while states were inserted or erased may point anywhere.
    if (m_moved && firstPoll) {
        for (qsizetype i = 0; i < workers.size(); ++i) {
            const auto it = states.find(workers[i].name);
            m_next[size_t(i)] = it == states.end() ? nullptr : &*it;
        }
        m_moved = false;
    }
    m_valid = !m_moved;
    m_spare = std::move(m_last);
    m_last = std::move(m_next);
    if (m_moved)
        m_last.clear();
    m_first = firstOf(states);
}

void PositionCache::seed(States &states, qint64 listedAt)
{
    // Placed by id, then closed up: ids are dense (a forgotten worker's leaves a gap), so this
    // is one array and no sort.
    m_last.clear();
    const size_t bound = size_t(states.size()) * 2 + 1024; // an id past it is not placed
    for (auto it = states.begin(); it != states.end(); ++it) {
        const size_t id = size_t(qMax(0, it->storeId));
        if (id == 0 || id > bound || it->lastListedAt != listedAt)
            continue;
        if (id > m_last.size())
            m_last.resize(qMax(id, qMin(bound, size_t(states.size()))), nullptr);
        m_last[id - 1] = &*it;
    }
    m_last.erase(std::remove(m_last.begin(), m_last.end(), nullptr), m_last.end());
    m_valid = !m_last.empty();
    m_first = firstOf(states);
}

void PositionCache::clear()
{
    m_valid = false;
    m_last.clear();
}

} // namespace rw
