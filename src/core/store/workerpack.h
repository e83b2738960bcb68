#pragma once

#include "monitor/workerstatus.h"
#include "util/textcache.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace rw::workerpack {

// The store keeps what it holds per worker packed by chunk of 256 workers: one row per account,
// chunk (and time, for samples) instead of one row per worker, so a poll of a 100,000-worker
// farm writes a few hundred rows rather than hundreds of thousands, and reading the farm back is
// a few hundred blobs (docs/storage.md). Workers are numbered per account from 1 (workers.id);
// chunk c holds ids c * 256 + 1 to c * 256 + 256, slot = its place in the chunk.
constexpr int kChunkSlots = 256;
inline int chunkOf(int workerId)
{
    return (workerId - 1) / kChunkSlots;
}
inline int slotOf(int workerId)
{
    return (workerId - 1) % kChunkSlots;
}

// Hash rates as 16-bit codes on a logarithmic scale, 900 codes per doubling (a relative step of
// 0.077 %, finer than any pool reports): 0 = no value, 1 = 0 H/s, code c >= 2 stands for
// 2^((c - 2) / 900) H/s, from 1 H/s to about 8 ZH/s. Values outside are clamped.
quint16 encodeRate(double hashRate);
double decodeRate(quint16 code);

// A chunk's samples at one time. Row bytes: byte 0 = bytes of weight per slot (0 in raw rows,
// where each present slot counts once; 1 in hourly and 2 in daily roll-ups, the number of raw
// samples behind the mean, saturating), then per slot a little-endian u16 code and its weight.
// Trailing empty slots are left out.
struct SampleSlots
{
    std::array<quint16, kChunkSlots> code{};
    std::array<quint32, kChunkSlots> weight{}; // 0 where code is 0
};
QByteArray encodeSamples(const SampleSlots &cells, int weightBytes);
bool decodeSamples(const QByteArray &row, SampleSlots *cells); // false: not a sample row
// A slot's two code bytes, as cut from a row; nullopt when it holds no value.
std::optional<double> rateOfCode(const QByteArray &code);

// Weighted means of sample rows, for the roll-ups: add raw or rolled rows of one bucket, then
// take the row of means.
class SampleMean
{
public:
    void add(const SampleSlots &cells);
    bool isEmpty() const { return m_empty; }
    SampleSlots result() const;

private:
    std::array<double, kChunkSlots> m_sum{};
    std::array<double, kChunkSlots> m_weight{};
    bool m_empty = true;
};

// A chunk's worker states, split by how often they change. `Identity` (name, status, since
// when, host) changes a few times a day at most and is written only then; `Readings` (the
// pool's latest rates and times) change with every poll and are 16 bytes a worker.
struct Identity
{
    QString name; // empty: no worker in this slot
    WorkerStatus status = WorkerStatus::Online;
    qint64 statusSince = 0;
    QString host;
    bool operator==(const Identity &o) const
    {
        return status == o.status && statusSince == o.statusSince && name == o.name &&
               host == o.host;
    }
};
using IdentityChunk = std::array<Identity, kChunkSlots>;
QByteArray encodeIdentities(const IdentityChunk &chunk);
// `hosts`, when given, decodes each distinct host once across the rows read with it.
bool decodeIdentities(const QByteArray &row, IdentityChunk *chunk, rw::TextCache *hosts = nullptr);

// Per slot: last share and last listed (unix s, u32) and the four rates as codes; a slot of
// zeros holds no worker (a worker's rates are never code 0).
constexpr int kReadingBytes = 16;
// Writes the worker's readings into slot `slot` of a row of kChunkSlots * kReadingBytes bytes.
void putReadings(char *row, int slot, const WorkerState &state);
void trimReadings(QByteArray *row); // drops the empty slots at its end
QByteArray encodeReadings(const std::array<const WorkerState *, kChunkSlots> &states);
// Fills the readings of `state` from slot `slot` of the row (zeros when it holds none).
void readingsAt(const QByteArray &row, int slot, WorkerState *state);

} // namespace rw::workerpack
