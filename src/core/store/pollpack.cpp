#include "store/pollpack.h"

#include <algorithm>

namespace rw {

using namespace workerpack;

PollPack::PollPack(int knownIds)
{
    const size_t n = size_t(std::max(knownIds, 0));
    m_readings.resize(n * kReadingBytes);
    m_codes.resize(n);
    m_present.resize(n);
}

void PollPack::add(const QString &name, const WorkerState &state, bool listed, bool identityStored)
{
    m_online += state.status == WorkerStatus::Online;
    m_offline += state.status == WorkerStatus::Offline || state.status == WorkerStatus::Missing;
    if (state.storeId <= 0) {
        ++m_new;
        return;
    }
    place(state.storeId, state, listed);
    if (!identityStored)
        m_changed.append({state.storeId, name});
}

void PollPack::place(int id, const WorkerState &state, bool listed)
{
    const size_t at = size_t(id - 1);
    if (at >= m_codes.size()) {
        const size_t n = std::max(at + 1, m_codes.size() * 2);
        m_readings.resize(n * kReadingBytes);
        m_codes.resize(n);
        m_present.resize(n);
    }
    putReadings(m_readings.data(), int(at), state);
    m_codes[at] = listed ? encodeRate(state.sample.hashRate) : 0;
    m_present[at] = true;
}

} // namespace rw
