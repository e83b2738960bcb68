#include "pool/workerliststream.h"

#include "pool/f2poolparser.h"
#include "pool/fast/codekeysearch.h"
#include "pool/fast/fastf2poolparser.h"
#include "pool/jsonspace.h"
#include "pool/poolprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstring>

namespace rw {
namespace {

// Stands for the entries already taken in the document that is parsed at the end. A nonce, so
// that no reply can hold the same string at that place.
QString makeMarker()
{
    return QStringLiteral("rigwatch:entries-taken:%1")
        .arg(QRandomGenerator::global()->generate64(), 0, 16);
}

// Bytes that may be read from to.data() on: the data and the free space after it. Not
// capacity(), which also counts the free space before the data that remove(0, n) leaves.
qsizetype readableBytes(QByteArray &to)
{
    return to.size() + to.data_ptr().freeSpaceAtEnd();
}

// Appends with room for the fast parser's padding after the data (found by fuzz_v1parser: with
// capacity() here, a buffer whose front had been cut off was read past its end).
void appendPadded(QByteArray &to, const char *data, qsizetype size)
{
    const qsizetype needed = to.size() + size + kFastParserPadding;
    if (to.isDetached() && readableBytes(to) >= needed) {
        to.append(data, size);
        return;
    }
    QByteArray grown; // reserve() would not move the data to the front of the allocation
    grown.reserve(qMax(needed, 2 * to.size()));
    grown.append(to).append(data, size);
    to.swap(grown);
}

} // namespace

WorkerListStream::WorkerListStream(const PoolFormat &format, qsizetype sliceBytes,
                                   qsizetype expectedBytes, const QVector<WorkerSample> &previous)
    : m_format(format), m_sliceBytes(qMax<qsizetype>(sliceBytes, 1)),
      m_phase(format.stream ? Phase::Prefix : Phase::Whole),
      m_collector(format.stream ? expectedBytes / format.stream->bytesPerEntry + 1 : 0, previous)
{}

qsizetype WorkerListStream::heldBytes() const
{
    return m_prefix.size() + m_pending.size();
}

void WorkerListStream::append(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    if (m_phase != Phase::List) {
        const qsizetype from = m_prefix.size();
        appendPadded(m_prefix, data, size);
        if (m_phase == Phase::Prefix)
            scanPrefix(from);
        return;
    }
    // A slice at a time, so that a large piece is never held whole either.
    for (qsizetype at = 0; at < size; at += m_sliceBytes) {
        appendPadded(m_pending, data + at, qMin(m_sliceBytes, size - at));
        if (m_cutting != Cutting::Off && m_pending.size() - m_lastTry >= m_sliceBytes)
            tryCut();
    }
}

// Reads the reply's start until the top-level "workers": [ (TopLevelListFinder).
void WorkerListStream::scanPrefix(qsizetype from)
{
    qsizetype at = 0;
    switch (m_finder.scan(m_prefix, from, &at)) {
    case TopLevelListFinder::Verdict::More:
        return;
    case TopLevelListFinder::Verdict::NotHere:
        m_phase = Phase::Whole; // judged whole
        return;
    case TopLevelListFinder::Verdict::Found:
        m_pending = m_prefix.sliced(at); // m_pending[0]: the separator before its first entry
        m_prefix.truncate(at);
        m_phase = Phase::List;
        m_lastTry = 0;
        if (m_pending.size() >= m_sliceBytes)
            tryCut();
        return;
    }
}

// Cuts the complete entries held so far, up to the last boundary between two entries.
void WorkerListStream::tryCut()
{
    if (m_cutting == Cutting::Quick) {
        const qsizetype boundary = quickBoundary();
        if (boundary == 0)
            return;
        if (takeSlice(boundary)) {
            m_lastTry = m_pending.size();
            return;
        }
        // Not valid JSON: a wrong guess (a "},{" inside a string or a nested list) or broken
        // data. From here on the boundaries are found by reading every byte.
        m_cutting = Cutting::Lexed;
        m_lexAt = 1;
    }
    if (m_cutting != Cutting::Lexed)
        return;
    lexTo(m_pending.size());
    if (m_lexBoundary > 0) {
        const qsizetype boundary = std::exchange(m_lexBoundary, 0);
        if (takeSlice(boundary))
            m_lexAt -= boundary;
        else
            m_cutting = Cutting::Off; // broken data: the rest is judged whole at the end
    }
    m_lastTry = m_pending.size();
}

// The last "},{" (v2) or "],[" (v1), spaces allowed, in what arrived since the last attempt (an
// earlier one was looked at then); 0 when there is none. Usually a boundary between entries,
// and cheap to find, since only the end of what is held is read.
qsizetype WorkerListStream::quickBoundary()
{
    const char open = m_format.stream->entryOpen;
    const char close = m_format.stream->entryClose;
    const char *p = m_pending.constData();
    const qsizetype n = m_pending.size();
    const qsizetype stop = qMax<qsizetype>(m_lastTry - 1, 0);
    m_lastTry = n;
    for (qsizetype i = n - 1; i > stop; --i) {
        if (p[i] != ',')
            continue;
        qsizetype before = i - 1;
        while (before > 0 && isJsonSpace(p[before]))
            --before;
        qsizetype after = i + 1;
        while (after < n && isJsonSpace(p[after]))
            ++after;
        if (p[before] == close && after < n && p[after] == open)
            return i;
    }
    return 0;
}

// Reads m_pending[m_lexAt, end) as JSON text inside the list, where m_pending[1] starts an
// entry: the last comma outside strings and nested values is a boundary between entries.
void WorkerListStream::lexTo(qsizetype end)
{
    const char *p = m_pending.constData();
    for (qsizetype i = m_lexAt; i < end && m_lexDepth >= 0; ++i) {
        const char c = p[i];
        if (m_lexInString) {
            if (m_lexEscape)
                m_lexEscape = false;
            else if (c == '\\')
                m_lexEscape = true;
            else if (c == '"')
                m_lexInString = false;
            continue;
        }
        switch (c) {
        case '"':
            m_lexInString = true;
            break;
        case '{':
        case '[':
            ++m_lexDepth;
            break;
        case '}':
        case ']':
            --m_lexDepth; // below 0: the end of the list, after which nothing is cut
            break;
        case ',':
            if (m_lexDepth == 0)
                m_lexBoundary = i;
            break;
        default:
            break;
        }
    }
    m_lexAt = end;
}

// Parses the entries m_pending[1, end) - end at the comma after the last - as a JSON array of
// their own, in place: m_pending[0] (the '[' or ',' before them) and m_pending[end] stand in for
// the brackets meanwhile. Drops them from m_pending when they are valid JSON.
bool WorkerListStream::takeSlice(qsizetype end)
{
    char *p = m_pending.data();
    const char separator = p[0];
    p[0] = '[';
    p[end] = ']';
    // Readable after the slice: the rest of m_pending and the padding appendPadded keeps.
    const qsizetype readable = readableBytes(m_pending);
    qsizetype count = 0;
    const QByteArrayView array(p, end + 1);
    const PoolFormat::Stream &parts = *m_format.stream;
    bool ok = parts.fastReadEntries && parts.fastReadEntries(array, readable, m_collector, &count);
    if (!ok) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(p, end + 1), &pe);
        ok = pe.error == QJsonParseError::NoError && doc.isArray();
        if (ok) {
            const QJsonArray list = doc.array();
            parts.readEntries(list, 0, m_entries, m_collector);
            count = list.size();
        }
    }
    p[0] = separator;
    p[end] = ',';
    // No entry (only spaces before a comma: "[ ,{"): invalid in the reply, not a slice to cut
    // (found by fuzz_v2parser: it cut the spaces, and the reply judged at the end lacked them).
    if (!ok || count == 0)
        return false;
    if (!m_sawCodeText) // f2poolErrorMessage looks for this text anywhere in the reply
        m_sawCodeText = containsCodeKey(QByteArrayView(p + 1, end - 1));
    m_entries += count;
    m_cutBytes += end;
    m_pending.remove(0, end); // keeps the comma: the separator before the next entry
    return true;
}

WorkerListStream::Result WorkerListStream::finishWhole(const QByteArray &body)
{
    Result r;
    r.poolError = m_format.errorMessage(body);
    r.parsed = m_format.parse(body, m_collector.previous());
    return r;
}

WorkerListStream::Result WorkerListStream::finish()
{
    if (m_phase != Phase::List || m_cutBytes == 0) {
        QByteArray body = std::exchange(m_prefix, {});
        if (m_phase == Phase::List) {
            body.reserve(body.size() + m_pending.size() + kFastParserPadding);
            body.append(m_pending);
            m_pending = {};
        }
        return finishWhole(body);
    }
    if (m_cutting != Cutting::Off) { // the complete entries but the last, through the fast path
        m_lastTry = 0;
        tryCut();
    }

    // The reply without the entries taken, which stand in as one marker entry.
    const QString markerText = makeMarker();
    const QByteArray marker = '"' + markerText.toLatin1() + '"';
    QByteArray rest;
    rest.reserve(m_prefix.size() + 1 + marker.size() + m_pending.size());
    rest.append(m_prefix).append('[').append(marker).append(m_pending); // m_pending[0] is ','
    const bool sawCode = m_sawCodeText || containsCodeKey(rest);
    m_pending = {};

    Result r;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(rest, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qsizetype inserted = 1 + marker.size();
        qsizetype offset = pe.offset;
        if (offset > m_prefix.size())
            offset = qMax(offset - inserted, m_prefix.size()) + m_cutBytes;
        r.parsed.error = detail::invalidJsonMessage(pe, offset, false);
        return r;
    }
    const QJsonObject root = doc.object(); // the reply starts with '{', and it is valid
    if (sawCode)
        r.poolError = detail::errorFromObject(root);
    QJsonArray list;
    const QString error = detail::workersOf(root, &list);
    if (!error.isEmpty()) {
        r.parsed.error = error;
        return r;
    }
    const PoolFormat::Stream &parts = *m_format.stream;
    const std::optional<double> total = parts.poolTotal ? parts.poolTotal(root) : std::nullopt;
    if (!list.isEmpty() && list.at(0).toString() == markerText) {
        parts.readEntries(list, 1, m_entries, m_collector);
        r.parsed = m_collector.finish(m_entries + list.size() - 1, parts.label, total);
        return r;
    }
    // A later "workers" key won (the DOM parser keeps the last): the entries taken do not count.
    WorkerCollector other(list.size());
    parts.readEntries(list, 0, 0, other);
    r.parsed = other.finish(list.size(), parts.label, total);
    return r;
}

} // namespace rw
