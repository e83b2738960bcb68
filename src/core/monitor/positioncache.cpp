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
    std::vector<std::pair<int, WorkerState *>> byId;
    byId.reserve(size_t(states.size()));
    for (auto it = states.begin(); it != states.end(); ++it)
        if (it->storeId > 0 && it->lastListedAt == listedAt)
            byId.emplace_back(it->storeId, &*it);
    std::sort(byId.begin(), byId.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    m_last.clear();
    m_last.reserve(byId.size());
    for (const auto &[id, state] : byId)
        m_last.push_back(state);
    m_valid = !m_last.empty();
    m_first = firstOf(states);
}

void PositionCache::clear()
{
    m_valid = false;
    m_last.clear();
}

} // namespace rw
