#include "store/workerpack.h"

#include <QHashFunctions>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rw::workerpack {

namespace {

constexpr double kCodesPerDoubling = 900;
constexpr int kMaxCode = 65535;

void putU16(char *p, quint16 v)
{
    qToLittleEndian(v, p);
}
quint16 getU16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}

quint32 clampTime(qint64 t)
{
    return quint32(std::clamp<qint64>(t, 0, std::numeric_limits<quint32>::max()));
}

// Codes by table rather than by log2: a poll encodes five rates per worker, and the table gets
// every code exactly, where a float log2 could round a value lying on a boundary either way.
// A double is 2^e * m with m in [1, 2); within a doubling, m has code offset k when
// bound[k - 1] <= m < bound[k], bound[k] = 2^((k + 0.5) / 900). The top 12 bits of m pick a
// bucket narrower than a third of a code, so at most one bound lies inside it.
struct RateCodes
{
    std::array<double, 901> bound{};
    std::array<quint16, 4096> firstInBucket{}; // k at the bucket's low end
    std::array<double, 900> rate{};            // 2^(k / 900): what offset k decodes to

    RateCodes()
    {
        for (int k = 0; k < 900; ++k)
            rate[size_t(k)] = std::exp2(k / kCodesPerDoubling);
        for (int k = 0; k < 900; ++k)
            bound[size_t(k)] = std::exp2((k + 0.5) / kCodesPerDoubling);
        bound[900] = 2.0; // above every mantissa
        int k = 0;
        for (int i = 0; i < 4096; ++i) {
            const double low = 1.0 + i / 4096.0;
            while (bound[size_t(k)] <= low)
                ++k;
            firstInBucket[size_t(i)] = quint16(k);
        }
    }
};
// Built at first use: a table filled by a static initializer could be read before it ran.
const RateCodes &rateCodes()
{
    static const RateCodes codes;
    return codes;
}

} // namespace

quint16 encodeRate(double hashRate)
{
    if (!(hashRate > 0)) // 0, negative and NaN: nothing measured
        return 1;
    if (hashRate <= 1)
        return 2;
    const double v = std::min(hashRate, 1e30); // a normal double above 1
    quint64 bits;
    std::memcpy(&bits, &v, sizeof bits);
    const int exponent = int(bits >> 52) - 1023;
    const quint64 mantissaBits = (bits & ((quint64(1) << 52) - 1)) | (quint64(1023) << 52);
    double mantissa;
    std::memcpy(&mantissa, &mantissaBits, sizeof mantissa);
    int k = rateCodes().firstInBucket[size_t(mantissaBits >> 40) & 0xfff];
    k += mantissa >= rateCodes().bound[size_t(k)];
    return quint16(std::min(2 + exponent * int(kCodesPerDoubling) + k, kMaxCode));
}

double decodeRate(quint16 code)
{
    if (code <= 1)
        return 0;
    // 2^e * 2^(k / 900), the power of two added to the table's exponent: a restore decodes
    // four rates a worker.
    const int c = code - 2, doublings = c / int(kCodesPerDoubling);
    const double m = rateCodes().rate[size_t(c % int(kCodesPerDoubling))];
    quint64 bits;
    std::memcpy(&bits, &m, sizeof bits);
    bits += quint64(doublings) << 52;
    double rate;
    std::memcpy(&rate, &bits, sizeof rate);
    return rate;
}

QByteArray encodeSamples(const SampleSlots &cells, int weightBytes)
{
    int used = kChunkSlots;
    while (used > 0 && cells.code[size_t(used - 1)] == 0)
        --used;
    const int stride = 2 + weightBytes;
    QByteArray row(1 + used * stride, '\0');
    char *p = row.data();
    p[0] = char(weightBytes);
    const quint32 maxWeight = weightBytes == 1 ? 0xff : 0xffff;
    for (int i = 0; i < used; ++i) {
        char *slot = p + 1 + i * stride;
        const quint16 code = cells.code[size_t(i)];
        putU16(slot, code);
        const quint32 w = code ? std::min(cells.weight[size_t(i)], maxWeight) : 0;
        if (weightBytes == 1)
            slot[2] = char(w);
        else if (weightBytes == 2)
            putU16(slot + 2, quint16(w));
    }
    return row;
}

bool decodeSamples(const QByteArray &row, SampleSlots *cells)
{
    *cells = SampleSlots();
    if (row.isEmpty())
        return false;
    const int weightBytes = row[0];
    if (weightBytes < 0 || weightBytes > 2)
        return false;
    const int stride = 2 + weightBytes;
    const int used = std::min<int>(int((row.size() - 1) / stride), kChunkSlots);
    const char *p = row.constData() + 1;
    for (int i = 0; i < used; ++i, p += stride) {
        const quint16 code = getU16(p);
        cells->code[size_t(i)] = code;
        if (!code)
            continue;
        cells->weight[size_t(i)] = weightBytes == 0   ? 1
                                   : weightBytes == 1 ? quint8(p[2])
                                                      : getU16(p + 2);
    }
    return true;
}

std::optional<double> rateOfCode(const QByteArray &code)
{
    if (code.size() != 2)
        return std::nullopt;
    const quint16 c = getU16(code.constData());
    if (!c)
        return std::nullopt;
    return decodeRate(c);
}

void SampleMean::add(const SampleSlots &cells)
{
    for (int i = 0; i < kChunkSlots; ++i) {
        if (!cells.code[size_t(i)])
            continue;
        const double w = std::max<quint32>(cells.weight[size_t(i)], 1);
        m_sum[size_t(i)] += decodeRate(cells.code[size_t(i)]) * w;
        m_weight[size_t(i)] += w;
        m_empty = false;
    }
}

SampleSlots SampleMean::result() const
{
    SampleSlots out;
    for (int i = 0; i < kChunkSlots; ++i) {
        if (m_weight[size_t(i)] <= 0)
            continue;
        out.code[size_t(i)] = encodeRate(m_sum[size_t(i)] / m_weight[size_t(i)]);
        out.weight[size_t(i)] = quint32(std::min(m_weight[size_t(i)], 4294967295.0));
    }
    return out;
}

// Per slot: u8 status (0 = empty slot, else WorkerStatus + 1), i64 since, u16 name length,
// name (UTF-8), u8 host length, host (UTF-8, cut at 255 bytes). Only up to the last worker.
QByteArray encodeIdentities(const IdentityChunk &chunk)
{
    int used = kChunkSlots;
    while (used > 0 && chunk[size_t(used - 1)].name.isEmpty())
        --used;
    QByteArray row;
    row.reserve(used * 32);
    for (int i = 0; i < used; ++i) {
        const Identity &id = chunk[size_t(i)];
        if (id.name.isEmpty()) {
            row.append('\0');
            continue;
        }
        const QByteArray name = id.name.toUtf8().left(0xffff);
        const QByteArray host = id.host.toUtf8().left(0xff);
        char head[1 + 8 + 2];
        head[0] = char(int(id.status) + 1);
        qToLittleEndian(qint64(id.statusSince), head + 1);
        putU16(head + 9, quint16(name.size()));
        row.append(head, sizeof head).append(name).append(char(host.size())).append(host);
    }
    return row;
}

bool decodeIdentities(const QByteArray &row, IdentityChunk *chunk, TextCache *hosts)
{
    *chunk = IdentityChunk();
    const char *p = row.constData();
    const char *end = p + row.size();
    for (int i = 0; i < kChunkSlots && p < end; ++i) {
        const int status = quint8(*p++);
        if (!status)
            continue;
        if (status > int(WorkerStatus::Retired) + 1 || end - p < 10)
            return false;
        Identity &id = (*chunk)[size_t(i)];
        id.status = WorkerStatus(status - 1);
        id.statusSince = qFromLittleEndian<qint64>(p);
        const int nameLength = getU16(p + 8);
        p += 10;
        if (end - p < nameLength + 1)
            return false;
        id.name = QString::fromUtf8(p, nameLength);
        p += nameLength;
        const int hostLength = quint8(*p++);
        if (end - p < hostLength)
            return false;
        id.host = hosts ? hosts->text(std::string_view(p, size_t(hostLength)))
                        : QString::fromUtf8(p, hostLength);
        p += hostLength;
    }
    return p == end;
}

void putReadings(char *row, int slot, const WorkerState &s)
{
    char *p = row + qsizetype(slot) * kReadingBytes;
    qToLittleEndian(clampTime(s.sample.lastShareAt), p);
    qToLittleEndian(clampTime(s.lastListedAt), p + 4);
    putU16(p + 8, encodeRate(s.sample.hashRate));
    putU16(p + 10, encodeRate(s.sample.hashRate1h));
    putU16(p + 12, encodeRate(s.sample.hashRate24h));
    putU16(p + 14, encodeRate(s.sample.staleRate24h));
}

void trimReadings(QByteArray *row)
{
    qsizetype used = row->size() / kReadingBytes;
    const char *p = row->constData();
    auto empty = [p](qsizetype slot) {
        const char *at = p + slot * kReadingBytes;
        return std::all_of(at, at + kReadingBytes, [](char c) { return c == 0; });
    };
    while (used > 0 && empty(used - 1))
        --used;
    row->truncate(used * kReadingBytes);
}

QByteArray encodeReadings(const std::array<const WorkerState *, kChunkSlots> &states)
{
    QByteArray row(kChunkSlots * kReadingBytes, '\0');
    for (int i = 0; i < kChunkSlots; ++i)
        if (states[size_t(i)])
            putReadings(row.data(), i, *states[size_t(i)]);
    trimReadings(&row);
    return row;
}

void readingsAt(const QByteArray &row, int slot, WorkerState *state)
{
    const qsizetype at = qsizetype(slot) * kReadingBytes;
    if (at + kReadingBytes > row.size())
        return;
    const char *p = row.constData() + at;
    state->sample.lastShareAt = qFromLittleEndian<quint32>(p);
    state->lastListedAt = qFromLittleEndian<quint32>(p + 4);
    state->sample.hashRate = decodeRate(getU16(p + 8));
    state->sample.hashRate1h = decodeRate(getU16(p + 10));
    state->sample.hashRate24h = decodeRate(getU16(p + 12));
    state->sample.staleRate24h = decodeRate(getU16(p + 14));
}

} // namespace rw::workerpack
