#include "f2poolreplies.h"

#include <QDateTime>

#include <charconv>
#include <cstdio>
#include <memory>

namespace rw::sim::f2pool {

namespace {

// Rates are doubles in the API; always print a fraction so a client that reads them as
// integers is caught. Appends in place: 100k-worker replies must build in milliseconds.
void appendNum(QByteArray &out, double v)
{
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1).ptr;
    out.append(buf, end - buf);
}

void appendInt(QByteArray &out, qint64 v)
{
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end - buf);
}

QByteArray num(double v)
{
    QByteArray out;
    appendNum(out, v);
    return out;
}

void appendStr(QByteArray &out, const QString &s)
{
    out += '"';
    for (const QChar qc : s) {
        const char16_t c = qc.unicode();
        if (c >= 0x80) { // rare in worker names: take the slow, correct path
            const QByteArray utf8 = QString(qc).toUtf8();
            out += utf8;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

QByteArray str(const QString &s)
{
    QByteArray out;
    appendStr(out, s);
    return out;
}

void appendHashRateInfo(QByteArray &out, const QString &name, const PoolWorkerRow &r)
{
    out += "{\"name\":";
    appendStr(out, name);
    out += ",\"hash_rate\":";
    appendNum(out, r.hashRate);
    out += ",\"h1_hash_rate\":";
    appendNum(out, r.h1HashRate);
    out += ",\"h24_hash_rate\":";
    appendNum(out, r.h24HashRate);
    out += ",\"h1_stale_hash_rate\":";
    appendNum(out, r.h1StaleHashRate);
    out += ",\"h24_stale_hash_rate\":";
    appendNum(out, r.h24StaleHashRate);
    out += ",\"h24_delay_hash_rate\":";
    appendNum(out, r.h24DelayHashRate);
    out += ",\"local_hash_rate\":";
    appendNum(out, r.localHashRate);
    out += ",\"h24_local_hash_rate\":";
    appendNum(out, r.h24LocalHashRate);
    out += '}';
}

void appendV2Worker(QByteArray &out, const PoolWorkerRow &r)
{
    out += "{\"hash_rate_info\":";
    appendHashRateInfo(out, r.name, r);
    out += ",\"last_share_at\":";
    appendInt(out, r.lastShareAt);
    out += ",\"status\":";
    appendInt(out, r.status);
    out += ",\"host\":";
    appendStr(out, r.host);
    out += '}';
}

PoolWorkerRow sumRows(const QVector<PoolWorkerRow> &rows)
{
    PoolWorkerRow t;
    for (const auto &r : rows) {
        t.hashRate += r.hashRate;
        t.h1HashRate += r.h1HashRate;
        t.h24HashRate += r.h24HashRate;
        t.h1StaleHashRate += r.h1StaleHashRate;
        t.h24StaleHashRate += r.h24StaleHashRate;
        t.h24DelayHashRate += r.h24DelayHashRate;
        t.localHashRate += r.localHashRate;
        t.h24LocalHashRate += r.h24LocalHashRate;
    }
    return t;
}

// Cheap deterministic noise in [-1, 1) so generated farms are the same on every run.
double noise(quint64 seed)
{
    seed = (seed + 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
    seed ^= seed >> 31;
    return double(seed % 20001) / 10000.0 - 1.0;
}

} // namespace

int statusFor(qint64 lastShareAt, qint64 now)
{
    const qint64 age = now - lastShareAt;
    if (age < 600)
        return 0;
    return age < 86'400 ? 1 : 2;
}

QByteArray v2WorkerList(const QVector<PoolWorkerRow> &rows)
{
    QByteArray out;
    out.reserve(64 + rows.size() * 420);
    out += "{\"workers\":[";
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i)
            out += ',';
        appendV2Worker(out, rows[i]);
    }
    out += "]}";
    return out;
}

QByteArray v2Info(const QString &user, const QString &currency, const QVector<PoolWorkerRow> &rows)
{
    QByteArray out = "{\"info\":";
    appendHashRateInfo(out, user, sumRows(rows));
    out += ",\"currency\":" + str(currency) + '}';
    return out;
}

QByteArray v2MiningUserList(const QString &user, const QString &currency, const QString &address)
{
    return "{\"mining_user_list\":[{\"mining_user_name\":" + str(user) +
           ",\"description\":\"\",\"pages\":[],\"wallets\":[{\"currency\":" + str(currency) +
           ",\"address\":" + str(address) + ",\"threshold\":0.005}]}]}";
}

QByteArray v1Reply(const QVector<PoolWorkerRow> &rows, qint64 now)
{
    const PoolWorkerRow total = sumRows(rows);
    int online = 0;
    for (const auto &r : rows)
        online += r.status == 0 ? 1 : 0;

    QByteArray out;
    out.reserve(1024 + rows.size() * 160);
    out += "{\"hashrate\":" + num(total.hashRate) +
           ",\"hashes_last_day\":" + num(total.h24HashRate * 86'400) +
           ",\"hashes_last_hour\":" + num(total.h1HashRate * 3'600) +
           ",\"worker_length\":" + QByteArray::number(rows.size()) +
           ",\"worker_length_online\":" + QByteArray::number(online) +
           ",\"balance\":0.00123456,\"paid\":1.23456789,\"value\":0.00031234" +
           ",\"value_last_day\":0.00029876" +
           ",\"stale_hashes_rejected_last_day\":" + num(total.h24StaleHashRate * 86'400) +
           ",\"hashrate_history\":{";
    const qint64 hour = now - now % 3'600;
    for (int i = 23; i >= 0; --i) {
        const qint64 t = hour - qint64(i) * 3'600;
        out += str(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate)) + ':' +
               num(total.h24HashRate * (1.0 + 0.02 * noise(quint64(t)))) + (i ? "," : "");
    }
    out += "},\"workers\":[";
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const PoolWorkerRow &r = rows[i];
        if (i)
            out += ',';
        const int micros = int((quint64(r.lastShareAt) * 2654435761ULL) % 1'000'000);
        out += '[';
        appendStr(out, r.name);
        out += ',';
        appendNum(out, r.hashRate);
        out += ',';
        appendNum(out, r.h1HashRate);
        out += ',';
        appendNum(out, r.h1StaleHashRate * 3'600);
        out += ',';
        appendNum(out, r.h24HashRate * 86'400);
        out += ',';
        appendNum(out, r.h24StaleHashRate * 86'400);
        out += ",\"";
        out += isoMicros(r.lastShareAt, micros);
        out += "\",false]";
    }
    out += "]}";
    return out;
}

QByteArray error(int code, const QString &msg)
{
    return "{\"code\":" + QByteArray::number(code) + ",\"msg\":" + str(msg) + '}';
}

QByteArray isoMicros(qint64 secs, int micros)
{
    // Civil date from days since 1970 (H. Hinnant's algorithm): QDateTime::toString is far
    // too slow for 100k rows.
    const qint64 days = secs >= 0 ? secs / 86'400 : (secs - 86'399) / 86'400;
    const qint64 sod = secs - days * 86'400;
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 doe = z - era * 146'097;
    const qint64 yoe = (doe - doe / 1'460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06dZ",
                                static_cast<long long>(year), static_cast<long long>(month),
                                static_cast<long long>(day), static_cast<long long>(sod / 3'600),
                                static_cast<long long>(sod / 60 % 60),
                                static_cast<long long>(sod % 60), micros);
    return QByteArray(buf, n);
}

QVector<PoolWorkerRow> syntheticRows(int workers, qint64 now, int offlineEvery)
{
    QVector<PoolWorkerRow> rows(qMax(0, workers));
    const int width = qMax(2, int(QByteArray::number(workers).size()));
    for (int i = 0; i < workers; ++i) {
        PoolWorkerRow &r = rows[i];
        const double base = 100e12 * (1.0 + 0.05 * noise(quint64(i)));
        const bool offline = offlineEvery > 0 && (i + 1) % offlineEvery == 0;
        r.name =
            QLatin1String("rig-") + QString::number(i + 1).rightJustified(width, QLatin1Char('0'));
        r.hashRate = offline ? 0 : base * (1.0 + 0.03 * noise(quint64(i) * 31 + quint64(now)));
        r.h1HashRate = offline ? 0 : base * (1.0 + 0.01 * noise(quint64(i) * 17));
        r.h24HashRate = base * (offline ? 0.95 : 1.0);
        r.h1StaleHashRate = r.h1HashRate * 0.004;
        r.h24StaleHashRate = r.h24HashRate * 0.004;
        r.h24DelayHashRate = r.h24HashRate * 0.001;
        r.localHashRate = r.hashRate * 1.02;
        r.h24LocalHashRate = r.h24HashRate * 1.02;
        r.lastShareAt = offline ? now - 3'600 - i % 600 : now - (i * 7) % 60;
        r.status = statusFor(r.lastShareAt, now);
        r.host = QLatin1String("10.") + QString::number((i >> 16) & 255) + QLatin1Char('.') +
                 QString::number((i >> 8) & 255) + QLatin1Char('.') + QString::number(i & 255);
    }
    return rows;
}

ChunkedBody oversizedWorkerList(qint64 minBytes, qint64 now)
{
    // Every entry has the same length (fixed-width names, same numbers) so the total is
    // known before the first byte is sent.
    PoolWorkerRow r;
    r.hashRate = r.h1HashRate = r.h24HashRate = 101234567890123.4;
    r.localHashRate = r.h24LocalHashRate = 103259259247926.0;
    r.h1StaleHashRate = r.h24StaleHashRate = 404938271560.5;
    r.h24DelayHashRate = 101234567890.1;
    r.lastShareAt = now;
    r.host = QStringLiteral("10.0.0.1");
    r.name = QStringLiteral("rig-0000000000");
    // One entry, whose name's digits are written over for each: the chunked-flood fault has to
    // send faster than a client reads.
    QByteArray model;
    appendV2Worker(model, r);
    const qsizetype digitsAt = model.indexOf("rig-0000000000") + 4;
    auto appendEntry = [model, digitsAt](QByteArray &out, qint64 i) {
        const qsizetype at = out.size();
        out += model;
        for (qsizetype d = digitsAt + 9; d >= digitsAt; --d, i /= 10)
            out[at + d] = char('0' + i % 10);
    };
    const QByteArray prefix = "{\"workers\":[";
    const QByteArray suffix = "]}";
    const qint64 entrySize = model.size();
    // prefix + count entries + (count - 1) commas + suffix >= minBytes
    const qint64 need = minBytes - prefix.size() - suffix.size() + 1;
    const qint64 count = qMax<qint64>(1, (need + entrySize) / (entrySize + 1));

    ChunkedBody body;
    body.totalBytes = prefix.size() + suffix.size() + count * entrySize + (count - 1);
    auto produced = std::make_shared<qint64>(-1); // -1: prefix not sent yet
    body.next = [produced, count, appendEntry, entrySize, prefix, suffix]() -> QByteArray {
        if (*produced == -1) {
            *produced = 0;
            return prefix;
        }
        if (*produced > count)
            return {};
        QByteArray chunk;
        chunk.reserve(512 * (entrySize + 1) + suffix.size());
        for (int k = 0; k < 512 && *produced < count; ++k, ++*produced) {
            if (*produced)
                chunk += ',';
            appendEntry(chunk, *produced);
        }
        if (*produced == count) {
            chunk += suffix;
            ++*produced; // past the end
        }
        return chunk;
    };
    return body;
}

} // namespace rw::sim::f2pool
