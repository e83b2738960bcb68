#pragma once

// What both fast paths (fastf2poolparser.cpp, fastpagereader.cpp) need to run simdjson
// On-Demand over a reply: padded input and a parser per thread. Only with simdjson
// (RIGWATCH_HAVE_SIMDJSON); include after jsonchecks.h.

#include "pool/fast/fastf2poolparser.h"
#include "pool/fast/jsonchecks.h"

#include <QByteArray>

#include <algorithm>
#include <memory>

namespace rw::jsonchecks {

static_assert(kFastParserPadding > qsizetype(simdjson::SIMDJSON_PADDING));

// Input as simdjson needs it: SIMDJSON_PADDING readable bytes past the end. A QByteArray read
// by the poller has them (it reserves them); anything else is copied once.
class PaddedInput
{
public:
    explicit PaddedInput(const QByteArray &body)
    {
        const size_t size = size_t(body.size());
        // Free space after the data (one byte of it holds QByteArray's terminating '\0').
        // data_ptr() has no const overload; reading the free space changes nothing.
        const qsizetype spare = const_cast<QByteArray &>(body).data_ptr().freeSpaceAtEnd();
        if (spare > qsizetype(simdjson::SIMDJSON_PADDING)) {
            m_view = simdjson::padded_string_view(body.constData(), size, size + size_t(spare) - 1);
        } else {
            m_copy = std::make_unique<simdjson::padded_string>(body.constData(), size);
            m_view = simdjson::padded_string_view(*m_copy);
        }
    }
    simdjson::padded_string_view view() const { return m_view; }

private:
    std::unique_ptr<simdjson::padded_string> m_copy;
    simdjson::padded_string_view m_view;
};

// One parser per thread, kept between polls: a fresh one costs more than the parse itself (its
// buffers are sized to the reply and every page is faulted in again). It holds on to memory in
// proportion to the largest document seen, about 4 bytes per JSON token; after a document it
// did not take (garbage can be one token per byte) a large one is let go - unless a document
// it took needed that much: one thread reads every account's replies, and a reply the fast path
// leaves to the reference (an f2pool stream's last part) must not make the next account's large
// page allocate and fault in its buffers again, every poll.
class ThreadParser
{
public:
    od::parser &get() { return parser(); }
    void taken()
    {
        m_taken = true;
        largestTaken() = std::max(largestTaken(), parser().capacity());
    }
    ~ThreadParser()
    {
        if (!m_taken && parser().capacity() > std::max(size_t(1) << 20, largestTaken()))
            parser() = od::parser();
    }

private:
    static od::parser &parser()
    {
        thread_local od::parser p;
        return p;
    }
    static size_t &largestTaken()
    {
        thread_local size_t capacity = 0;
        return capacity;
    }
    bool m_taken = false;
};

} // namespace rw::jsonchecks
